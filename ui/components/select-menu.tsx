/**
 * A Figma-like dropdown: a button with the current option's label and a chevron that opens a list of
 * options. It follows the WAI-ARIA "select-only combobox" pattern: focus stays on the button (role=combobox),
 * the highlighted option is its aria-activedescendant. The list is position: fixed, under the button or above
 * it, whichever keeps it inside the panel's viewport, and scrolls past a maximum height.
 */
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

export function SelectMenu<T extends string>({ label, value, options, onChange, disabled = false, class: extraClass }: SelectMenuProps<T>) {
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const typed = useRef({ text: "", at: 0 });

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

  // Place the list before it is painted, and again when the panel resizes or something under it scrolls.
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

  // A press anywhere outside closes it.
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

  /** Type-ahead: the next option whose label starts with what was typed (one letter repeated cycles). */
  const typeAhead = (key: string): number | undefined => {
    const now = Date.now();
    const previous = now - typed.current.at < TYPEAHEAD_MS ? typed.current.text : "";
    const text = previous + key.toLowerCase();
    typed.current = { text, at: now };
    const cycling = text.length > 1 && [...text].every((c) => c === text[0]);
    const search = cycling ? text[0]! : text;
    const from = open ? active : selectedIndex;
    const start = search.length === 1 ? from + 1 : Math.max(0, from);
    for (let i = 0; i < options.length; i++) {
      const index = (start + i) % options.length;
      if (options[index]!.label.toLowerCase().startsWith(search)) return index;
    }
    return undefined;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (disabled) return;
    const { key } = event;
    const typing = Date.now() - typed.current.at < TYPEAHEAD_MS && typed.current.text !== "";
    if (!open) {
      if (key === "Enter" || key === " " || key === "ArrowDown" || key === "ArrowUp") {
        event.preventDefault();
        openAt(selectedIndex);
      } else if (key === "Home" || key === "End") {
        event.preventDefault();
        openAt(key === "Home" ? 0 : options.length - 1);
      } else if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        const match = typeAhead(key);
        if (match !== undefined) openAt(match);
      }
      return;
    }
    if (key === "ArrowDown" || key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(0, Math.min(options.length - 1, i + (key === "ArrowDown" ? 1 : -1))));
    } else if (key === "PageDown" || key === "PageUp") {
      event.preventDefault();
      setActive((i) => Math.max(0, Math.min(options.length - 1, i + (key === "PageDown" ? 10 : -10))));
    } else if (key === "Home" || key === "End") {
      event.preventDefault();
      setActive(key === "Home" ? 0 : options.length - 1);
    } else if (key === "Enter" || (key === " " && !typing)) {
      event.preventDefault();
      choose(active);
    } else if (key === "Escape") {
      event.preventDefault();
      // Inside a dialog or panel, Escape closes the menu only.
      event.stopPropagation();
      close();
      button.current?.focus();
    } else if (key === "Tab") {
      close();
    } else if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      const match = typeAhead(key);
      if (match !== undefined) setActive(match);
    }
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
        <span class="select-menu__value">{current ? current.label : value}</span>
        <Chevron />
      </button>
      <ul
        ref={list}
        id={listId}
        role="listbox"
        aria-label={label}
        class="select-menu__list"
        hidden={!open}
        tabIndex={-1}
        // Keep focus (and so aria-activedescendant) on the button while the list is used with the mouse.
        onMouseDown={(event) => event.preventDefault()}
      >
        {options.map((option, index) => (
          <li
            key={option.value}
            id={optionId(index)}
            data-index={index}
            role="option"
            aria-selected={index === selectedIndex ? "true" : "false"}
            class={`select-menu__option${index === active ? " is-active" : ""}`}
            onMouseMove={() => (index === active ? undefined : setActive(index))}
            onClick={() => choose(index)}
          >
            {index === selectedIndex ? <Check /> : <span class="select-menu__check" aria-hidden="true" />}
            <span class="select-menu__label">{option.label}</span>
            {option.hint ? <span class="select-menu__hint">{option.hint}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
