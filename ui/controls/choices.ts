/**
 * Binds a form that changes by patches to its ChoiceFields (controls/fields.tsx): the Image and Settings panels' forms
 * each bind once, so a field is one line. Apart from fields.tsx so that ui.html, whose Code panel does not use it,
 * does not carry it.
 */
import type { Choice } from "./fields.js";

/** The keys of `F` whose values are strings (the ones a choice can edit). */
type TextKey<F> = { [K in keyof F]-?: F[K] extends string ? K : never }[keyof F];

/**
 * Binds a form that changes by patches (`onChange({ quality })`) to its choices: `choice(key, options)` is the value
 * of `key`, its options and the patch a pick sends, disabled while `disabled`.
 */
export function choicesOf<F>(form: F, onChange: (patch: Partial<F>) => void, disabled?: boolean) {
  return <K extends TextKey<F>>(key: K, options: Choice<F[K] & string>["options"]): Choice<F[K] & string> => ({
    value: form[key] as F[K] & string,
    options,
    disabled,
    onChange: (value) => onChange({ [key]: value } as Partial<F>),
  });
}
