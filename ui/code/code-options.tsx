/**
 * Target and styling for the generated code, and whether it follows the selection; changes are saved as the new
 * defaults.
 */
import { STYLING_MENU, type Settings } from "../../contract/settings.js";
import { TARGET_MENU, targetLabel } from "../../contract/targets.js";
import { Checkbox, ChoiceField } from "../controls/fields.js";

export function CodeOptions({
  settings,
  disabled,
  onChange,
}: {
  settings: Settings;
  disabled: boolean;
  onChange(patch: Partial<Settings>): void;
}) {
  // HTML has one stylesheet, React Native its StyleSheet objects: the styling choice is the other targets'.
  const { target } = settings;
  const fixed = target === "html" ? "one stylesheet" : target === "react-native" ? "StyleSheet" : "";
  return (
    <div class="options">
      <ChoiceField
        label="Target"
        value={target}
        options={TARGET_MENU}
        disabled={disabled}
        onChange={(target) => onChange({ target })}
      />
      <ChoiceField
        label="Styling"
        value={settings.styling}
        options={STYLING_MENU}
        disabled={disabled || !!fixed}
        title={fixed ? `${targetLabel(target)} output always uses ${fixed}` : undefined}
        onChange={(styling) => onChange({ styling })}
      />
      <Checkbox
        title="Generate the offline code again whenever the selection changes (never sends anything to a model)"
        checked={settings.followSelection}
        onCheck={(followSelection) => onChange({ followSelection })}
      >
        Update as I select
      </Checkbox>
    </div>
  );
}
