/** A prompt box with its send button, under a result: what to change next (the code and image panels' Refine). */
import { useEffect, useRef, useState } from "preact/hooks";
import { TextArea } from "./text-area.js";

/**
 * "Refine": the user's next instruction for the selected turn (Enter or Cmd/Ctrl+Enter sends, Shift+Enter is a new
 * line).
 */
export function RefineBox({
  disabled,
  placeholder,
  label,
  onSend,
  autoFocus,
}: {
  disabled: boolean;
  placeholder: string;
  label: string;
  onSend(text: string): void;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState("");
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (autoFocus) form.current?.querySelector("textarea")?.focus();
  }, [autoFocus]);
  const send = () => {
    const trimmed = text.trim();
    if (!trimmed || disabled) return;
    onSend(trimmed);
    setText("");
  };
  return (
    <form
      ref={form}
      class="refine"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <TextArea
        class="refine__input"
        minRows={1}
        maxRows={5}
        onSubmit={send}
        aria-label={label}
        placeholder={placeholder}
        value={text}
        disabled={disabled}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey) {
            event.preventDefault();
            send();
          }
        }}
      />
      <button type="submit" class="button button--primary" disabled={disabled || text.trim() === ""}>
        {label}
      </button>
    </form>
  );
}
