/**
 * A Figma-like multi-line text box that grows with its text from `minRows` to `maxRows` lines and then
 * scrolls (no native resize grip). Every textarea attribute passes through; with `onSubmit`,
 * Cmd/Ctrl+Enter submits.
 */
import type { TargetedKeyboardEvent, TextareaHTMLAttributes } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";

export type TextAreaProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  "value" | "rows" | "onSubmit" | "class" | "className"
> & {
  value: string;
  /** Lines shown when empty (default 1). */
  minRows?: number;
  /** Lines it grows to before it scrolls (default 6). */
  maxRows?: number;
  /** Called on Cmd+Enter (macOS) or Ctrl+Enter. */
  onSubmit?(): void;
  class?: string;
};

/** Sets the height to fit the text, between `minRows` and `maxRows` lines. */
function fitHeight(area: HTMLTextAreaElement, minRows: number, maxRows: number): void {
  const style = getComputedStyle(area);
  const line = parseFloat(style.lineHeight) || 16;
  const chrome =
    parseFloat(style.paddingTop) +
    parseFloat(style.paddingBottom) +
    parseFloat(style.borderTopWidth) +
    parseFloat(style.borderBottomWidth);
  const min = minRows * line + chrome;
  const max = Math.max(min, maxRows * line + chrome);
  area.style.height = `${min}px`;
  // scrollHeight includes padding but not the border.
  const needed = area.scrollHeight + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
  const height = Math.min(max, Math.max(min, needed));
  area.style.height = `${height}px`;
  area.style.overflowY = needed > max + 0.5 ? "auto" : "hidden";
}

export function TextArea({
  value,
  minRows = 1,
  maxRows = 6,
  onSubmit,
  onKeyDown,
  class: extraClass,
  ...rest
}: TextAreaProps) {
  const ref = useRef<HTMLTextAreaElement>(null);

  useLayoutEffect(() => {
    if (ref.current) fitHeight(ref.current, minRows, maxRows);
  }, [value, minRows, maxRows]);

  // The text wraps differently when the panel is resized.
  useLayoutEffect(() => {
    const area = ref.current;
    if (!area || typeof ResizeObserver === "undefined") return;
    let width = area.clientWidth;
    const observer = new ResizeObserver(() => {
      if (area.clientWidth === width) return;
      width = area.clientWidth;
      fitHeight(area, minRows, maxRows);
    });
    observer.observe(area);
    return () => observer.disconnect();
  }, [minRows, maxRows]);

  const keyDown = (event: TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (onSubmit && event.key === "Enter" && (event.metaKey || event.ctrlKey) && !event.isComposing) {
      event.preventDefault();
      onSubmit();
      return;
    }
    if (typeof onKeyDown === "function") onKeyDown(event);
  };

  return (
    <textarea
      {...rest}
      ref={ref}
      rows={minRows}
      value={value}
      class={`input text-area${extraClass ? ` ${extraClass}` : ""}`}
      onKeyDown={keyDown}
    />
  );
}
