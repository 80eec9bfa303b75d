/**
 * The compact head's "More" menu while results show: the Code panel's other starts (Design from a prompt, Paste HTML)
 * one click away without taking the results' room. The menu button pattern: the button opens the menu with its first
 * item focused, arrows move, Escape closes it back to the button, Tab or a click elsewhere closes it.
 */
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { MoreIcon } from "../controls/icons.js";

export interface MoreItem {
  label: string;
  title: string;
  disabled?: boolean;
  run(): void;
}

const enabled = (list: HTMLElement | null): HTMLButtonElement[] => [
  ...(list?.querySelectorAll<HTMLButtonElement>("button:not(:disabled)") ?? []),
];

export function MoreMenu({ items, label }: { items: MoreItem[]; label: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    enabled(list.current)[0]?.focus();
    const away = (event: PointerEvent) => root.current?.contains(event.target as Node) || setOpen(false);
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);
  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = enabled(list.current);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : buttons.length - 1;
      buttons[(at + step) % buttons.length]?.focus();
    } else if (event.key === "Tab") setOpen(false);
  };
  return (
    <div class="more-menu" ref={root}>
      <button
        ref={button}
        type="button"
        class={`icon-button${open ? " is-open" : ""}`}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        title={items.map((i) => i.label.replace("…", "")).join(", ")}
        onClick={() => setOpen(!open)}
      >
        <MoreIcon />
      </button>
      {open ? (
        <div id={id} ref={list} class="more-menu__list" role="menu" aria-label={label} onKeyDown={onKeyDown}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              class="more-menu__item"
              title={item.title}
              disabled={item.disabled}
              onClick={() => {
                setOpen(false);
                item.run();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
