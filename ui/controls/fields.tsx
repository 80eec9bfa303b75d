/**
 * The panels' labelled options, one control each wherever they show (Code, Image, Settings): a choice on one line
 * (ChoiceField) and a checkbox with its words (Checkbox). One module: ui.html shares it with the panel parts.
 */
import type { ComponentChildren, JSX } from "preact";
import { SelectMenu, type SelectOption } from "./select-menu.js";
import { Segmented, type SegmentOption } from "./segmented.js";

/** What a choice shows and does: its value among its options, and what a pick changes. */
export interface Choice<T extends string> {
  value: T;
  /** A menu's options are text (SelectOption); a segmented control's may be any content. */
  options: SelectOption<T>[] | SegmentOption<T>[];
  disabled?: boolean;
  onChange(value: T): void;
}

/**
 * A labelled choice on one line (Code's Target and Styling, Image's Quality and Control, Settings' defaults): the
 * field's label, then a segmented control or, with `menu`, a select menu for a longer list. A form is bound once
 * (controls/choices.ts), so a field is one line: `<ChoiceField label="Quality" menu {...choice("quality", Q)} />`.
 */
export function ChoiceField<T extends string>({
  label,
  name = label,
  menu,
  ...choice
}: Choice<T> & {
  /** The visible label. */
  label: string;
  /** The control's accessible name, when it says more than the label ("Default target"). */
  name?: string;
  /** A select menu instead of a segmented control. */
  menu?: boolean;
  /** The segmented control's tooltip (why it is disabled). */
  title?: string | undefined;
}) {
  // Both take the choice as it is (a menu's options are text: SelectOption); one element for both, as ui.html has it.
  const Control = (menu ? SelectMenu : Segmented) as (
    props: Choice<T> & { label: string; title?: string },
  ) => JSX.Element;
  return (
    <div class="field field--inline">
      <span class="field__label">{label}</span>
      <Control label={name} {...choice} />
    </div>
  );
}

/** A labelled checkbox, as the panels' options show one: the box, then its words; `title` says what it does. */
export function Checkbox({
  class: extra,
  title,
  onCheck,
  children,
  ...box
}: {
  class?: string;
  title?: string | undefined;
  checked: boolean;
  disabled?: boolean;
  onCheck(checked: boolean): void;
  children: ComponentChildren;
}) {
  return (
    <label class={extra ? `checkbox ${extra}` : "checkbox"} title={title}>
      <input type="checkbox" {...box} onChange={(e) => onCheck(e.currentTarget.checked)} /> {children}
    </label>
  );
}
