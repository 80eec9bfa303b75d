/**
 * A Figma-like dropdown: a button with the current option's label and a chevron that opens a list of
 * options. It follows the WAI-ARIA "select-only combobox" pattern: focus stays on the button (role=combobox),
 * the highlighted option is its aria-activedescendant. The list is position: fixed, under the button or above
 * it, whichever keeps it inside the panel's viewport, and scrolls past a maximum height.
 */
import type { RefObject } from "preact";
import { useEffect, useId, useLayoutEffect, useRef, useState } from "preact/hooks";

export interface SelectOption<T extends string> {
  value: T;
  label: string;
  /** A short secondary text beside the label. */
  hint?: string;
}

export interface SelectMenuProps<T extends string> {
  /** The accessible name (the field's visible label, usually). */
  label: string;
  value: T;
  options: SelectOption<T>[];
  onChange(value: T): void;
  disabled?: boolean;
  /** Extra class on the button (e.g. width). */
  class?: string;
}

/** Room kept between the list and the edges of the viewport, and between the list and the button. */
const EDGE = 8;
const GAP = 4;
const MAX_HEIGHT = 240;
/** Type-ahead forgets what was typed after this long. */
const TYPEAHEAD_MS = 600;

/** Places the (fixed) list under the button, or above it when there is more room there. */
function place(button: HTMLElement, list: HTMLElement): void {
  const r = button.getBoundingClientRect();
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  list.style.maxHeight = "";
  list.style.minWidth = `${Math.round(r.width)}px`;
  list.style.maxWidth = `${vw - 2 * EDGE}px`;
  const natural = Math.min(list.scrollHeight, MAX_HEIGHT);
  const below = vh - r.bottom - GAP - EDGE;
  const above = r.top - GAP - EDGE;
  const down = natural <= below || below >= above;
  list.style.maxHeight = `${Math.max(0, Math.min(MAX_HEIGHT, down ? below : above))}px`;
  list.style.top = down ? `${Math.round(r.bottom + GAP)}px` : "";
  list.style.bottom = down ? "" : `${Math.round(vh - r.top + GAP)}px`;
  list.dataset["side"] = down ? "below" : "above";
  const width = list.getBoundingClientRect().width;
  list.style.left = `${Math.round(Math.max(EDGE, Math.min(r.left, vw - EDGE - width)))}px`;
}

/** Scrolls the list just enough to show `option`. */
function reveal(list: HTMLElement, option: HTMLElement | null): void {
  if (!option) return;
  const top = option.offsetTop;
  const bottom = top + option.offsetHeight;
  if (top < list.scrollTop) list.scrollTop = top;
  else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
}

const Chevron = () => (
  <svg class="select-menu__chevron" width="16" height="16" viewBox="0 0 16 16" fill="none" aria-hidden="true">
    <path d="m5 6.5 3 3 3-3" stroke="currentColor" />
  </svg>
);

const Check = () => (
  <svg class="select-menu__check" width="16" height="16" viewBox="0 0 16 16" fill="none" aria-hidden="true">
    <path d="m4 8.2 2.6 2.6L12 5.4" stroke="currentColor" stroke-width="1.2" />
  </svg>
);

/**
 * Places the list before it is painted, again when the panel resizes or something under it scrolls, and keeps the
 * active option in view.
 */
function useListPlacement(
  open: boolean,
  active: number,
  button: RefObject<HTMLButtonElement | null>,
  list: RefObject<HTMLUListElement | null>,
): void {
  useLayoutEffect(() => {
    if (!open || !button.current || !list.current) return;
    const b = button.current;
    const l = list.current;
    place(b, l);
    const again = (event: Event) => {
      if (event.target !== l) place(b, l);
    };
    window.addEventListener("resize", again);
    window.addEventListener("scroll", again, true);
    return () => {
      window.removeEventListener("resize", again);
      window.removeEventListener("scroll", again, true);
    };
  }, [open]);

  useLayoutEffect(() => {
    if (open && list.current) reveal(list.current, list.current.querySelector<HTMLElement>(`[data-index="${active}"]`));
  }, [open, active]);
}

/** Closes the list on a press anywhere outside `root`, and when the menu is disabled. */
function useDismiss(
  open: boolean,
  disabled: boolean,
  root: RefObject<HTMLDivElement | null>,
  setOpen: (open: boolean) => void,
): void {
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside, true);
    return () => document.removeEventListener("pointerdown", outside, true);
  }, [open]);

  useEffect(() => {
    if (disabled) setOpen(false);
  }, [disabled]);
}

/**
 * The next option from `from` whose label starts with `text` (one letter repeated cycles through that letter's
 * options).
 */
function typeAheadMatch(labels: readonly string[], text: string, from: number): number | undefined {
  const cycling = text.length > 1 && [...text].every((c) => c === text[0]);
  const search = cycling ? text[0]! : text;
  const start = search.length === 1 ? from + 1 : Math.max(0, from);
  for (let i = 0; i < labels.length; i++) {
    const index = (start + i) % labels.length;
    if (labels[index]!.toLowerCase().startsWith(search)) return index;
  }
  return undefined;
}

/**
 * What was typed lately: `next(key, from)` adds a key and answers the matching option; `typing()` is true while a
 * search is under way.
 */
function useTypeAhead(labels: readonly string[]) {
  const typed = useRef({ text: "", at: 0 });
  return {
    next(key: string, from: number): number | undefined {
      const now = Date.now();
      const previous = now - typed.current.at < TYPEAHEAD_MS ? typed.current.text : "";
      const text = previous + key.toLowerCase();
      typed.current = { text, at: now };
      return typeAheadMatch(labels, text, from);
    },
    typing: (): boolean => Date.now() - typed.current.at < TYPEAHEAD_MS && typed.current.text !== "",
  };
}

/** What the key handlers can do to the menu. */
interface MenuControl {
  count: number;
  selectedIndex: number;
  openAt(index: number): void;
  move(to: (index: number) => number): void;
  choose(): void;
  close(refocus: boolean): void;
  typeAhead(key: string): number | undefined;
  typing(): boolean;
}

const isPrintable = (event: KeyboardEvent): boolean =>
  event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;

/**
 * A key on the closed menu: Enter, Space and the arrows open it at the selected option, Home and End at the ends, a
 * letter at its match.
 */
function onClosedKey(event: KeyboardEvent, menu: MenuControl): void {
  const { key } = event;
  if (key === "Enter" || key === " " || key === "ArrowDown" || key === "ArrowUp") {
    event.preventDefault();
    menu.openAt(menu.selectedIndex);
  } else if (key === "Home" || key === "End") {
    event.preventDefault();
    menu.openAt(key === "Home" ? 0 : menu.count - 1);
  } else if (isPrintable(event)) {
    const match = menu.typeAhead(key);
    if (match !== undefined) menu.openAt(match);
  }
}

const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };

/** A key on the open list: move, choose, close, or type ahead. */
function onOpenKey(event: KeyboardEvent, menu: MenuControl): void {
  const { key } = event;
  const clamp = (index: number) => Math.max(0, Math.min(menu.count - 1, index));
  const step = STEPS[key];
  if (step !== undefined) {
    event.preventDefault();
    menu.move((i) => clamp(i + step));
  } else if (key === "Home" || key === "End") {
    event.preventDefault();
    menu.move(() => (key === "Home" ? 0 : menu.count - 1));
  } else if (key === "Enter" || (key === " " && !menu.typing())) {
    event.preventDefault();
    menu.choose();
  } else if (key === "Escape") {
    event.preventDefault();
    // Inside a dialog or panel, Escape closes the menu only.
    event.stopPropagation();
    menu.close(true);
  } else if (key === "Tab") {
    menu.close(false);
  } else if (isPrintable(event)) {
    event.preventDefault();
    const match = menu.typeAhead(key);
    if (match !== undefined) menu.move(() => match);
  }
}

interface OptionListProps<T extends string> {
  id: string;
  label: string;
  options: SelectOption<T>[];
  open: boolean;
  active: number;
  selectedIndex: number;
  listRef: RefObject<HTMLUListElement | null>;
  optionId(index: number): string;
  onHover(index: number): void;
  onPick(index: number): void;
}

function OptionList<T extends string>({
  id,
  label,
  options,
  open,
  active,
  selectedIndex,
  listRef,
  optionId,
  onHover,
  onPick,
}: OptionListProps<T>) {
  return (
    <ul
      ref={listRef}
      id={id}
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ARIA in HTML allows ul as a listbox
      role="listbox"
      aria-label={label}
      class="select-menu__list"
      hidden={!open}
      tabIndex={-1}
      // Keep focus (and so aria-activedescendant) on the button while the list is used with the mouse.
      onMouseDown={(event) => event.preventDefault()}
    >
      {options.map((option, index) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: aria-activedescendant listbox: the button has the keys
        // biome-ignore lint/a11y/useFocusableInteractive: an aria-activedescendant listbox's options are never focused
        <li
          key={option.value}
          id={optionId(index)}
          data-index={index}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ARIA in HTML allows li as an option
          role="option"
          aria-selected={index === selectedIndex ? "true" : "false"}
          class={`select-menu__option${index === active ? " is-active" : ""}`}
          onMouseMove={() => (index === active ? undefined : onHover(index))}
          onClick={() => onPick(index)}
        >
          {index === selectedIndex ? <Check /> : <span class="select-menu__check" aria-hidden="true" />}
          <span class="select-menu__label">{option.label}</span>
          {option.hint ? <span class="select-menu__hint">{option.hint}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function SelectMenu<T extends string>({
  label,
  value,
  options,
  onChange,
  disabled = false,
  class: extraClass,
}: SelectMenuProps<T>) {
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const typeAhead = useTypeAhead(options.map((o) => o.label));
  useListPlacement(open, active, button, list);
  useDismiss(open, disabled, root, setOpen);

  const selectedIndex = options.findIndex((o) => o.value === value);
  const current = options[selectedIndex];

  const openAt = (index: number) => {
    if (disabled || options.length === 0) return;
    setActive(Math.max(0, Math.min(options.length - 1, index)));
    setOpen(true);
  };
  const close = () => setOpen(false);
  const choose = (index: number) => {
    const option = options[index];
    setOpen(false);
    button.current?.focus();
    if (option && option.value !== value) onChange(option.value);
  };

  const menu: MenuControl = {
    count: options.length,
    selectedIndex,
    openAt,
    move: setActive,
    choose: () => choose(active),
    close(refocus) {
      close();
      if (refocus) button.current?.focus();
    },
    typeAhead: (key) => typeAhead.next(key, open ? active : selectedIndex),
    typing: typeAhead.typing,
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (disabled) return;
    if (open) onOpenKey(event, menu);
    else onClosedKey(event, menu);
  };

  return (
    <div class={`select-menu${open ? " is-open" : ""}`} ref={root}>
      <button
        ref={button}
        type="button"
        role="combobox"
        class={`select-menu__button${extraClass ? ` ${extraClass}` : ""}`}
        aria-label={label}
        aria-haspopup="listbox"
        aria-expanded={open ? "true" : "false"}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-disabled={disabled ? "true" : undefined}
        disabled={disabled}
        onClick={() => (open ? close() : openAt(selectedIndex))}
        onKeyDown={onKeyDown}
        onBlur={close}
      >
        <span class="select-menu__value one-line">{current ? current.label : value}</span>
        <Chevron />
      </button>
      <OptionList
        id={listId}
        label={label}
        options={options}
        open={open}
        active={active}
        selectedIndex={selectedIndex}
        listRef={list}
        optionId={optionId}
        onHover={setActive}
        onPick={choose}
      />
    </div>
  );
}
