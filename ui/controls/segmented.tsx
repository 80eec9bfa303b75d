/** A Figma-style segmented control: a radio group drawn as adjacent buttons. */
import type { ComponentChildren } from "preact";

export interface SegmentOption<T extends string> {
  value: T;
  label: ComponentChildren;
  title?: string;
}

export function Segmented<T extends string>(props: {
  label: string;
  value: T;
  options: SegmentOption<T>[];
  disabled?: boolean;
  title?: string;
  onChange(value: T): void;
}) {
  const { label, value, options, disabled, onChange } = props;
  const move = (event: KeyboardEvent) => {
    const index = options.findIndex((o) => o.value === value);
    const step =
      event.key === "ArrowRight" || event.key === "ArrowDown"
        ? 1
        : event.key === "ArrowLeft" || event.key === "ArrowUp"
          ? -1
          : 0;
    if (step === 0 || index < 0) return;
    event.preventDefault();
    const next = options[(index + step + options.length) % options.length];
    if (next) onChange(next.value);
  };
  return (
    <div
      class="segmented"
      role="radiogroup"
      aria-label={label}
      aria-disabled={disabled ? "true" : undefined}
      title={props.title}
      onKeyDown={move}
    >
      {options.map((option) => (
        // biome-ignore lint/a11y/useSemanticElements: APG radio group of buttons (roving tabindex, arrow keys)
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={option.value === value}
          tabIndex={option.value === value ? 0 : -1}
          class="segmented__option"
          disabled={disabled}
          title={option.title}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
