/**
 * A labelled one-line text box, as the panels' forms show one: the label above it, with the problem or the help
 * under it; or, `inline`, beside it on the row (a row of them says its problems together, under the row).
 */
import type { InputHTMLAttributes, PartialInputHTMLAttributes } from "preact";

/** What a field's box may say besides its value: the attributes the panels' fields set. */
type BoxProps = Pick<
  PartialInputHTMLAttributes<HTMLInputElement>,
  | "inputMode"
  | "name"
  | "spellcheck"
  | "autocomplete"
  | "placeholder"
  | "disabled"
  | "min"
  | "max"
  | "step"
  | "aria-label"
> & { type?: "text" | "number" };

export type TextFieldProps = BoxProps & {
  label: string;
  value: string;
  /** What is wrong with the value: the box is marked invalid and, unless inline, says it instead of the help. */
  problem?: string | undefined;
  help?: string;
  /** On the row, with this class beside `field field--inline`. */
  inline?: string;
  narrow?: boolean;
  onText(value: string): void;
};

export function TextField({ label, value, problem, help, inline, narrow, onText, ...input }: TextFieldProps) {
  return (
    <label class={inline === undefined ? "field" : `field field--inline ${inline}`}>
      <span class="field__label">{label}</span>
      <input
        class={`input${narrow ? " input--narrow" : ""}${problem ? " is-invalid" : ""}`}
        aria-invalid={problem ? "true" : undefined}
        value={value}
        onInput={(e) => onText(e.currentTarget.value)}
        {...(input as InputHTMLAttributes<HTMLInputElement>)}
      />
      {inline !== undefined ? null : problem ? (
        <span class="field__error">{problem}</span>
      ) : (
        <span class="field__help">{help}</span>
      )}
    </label>
  );
}
