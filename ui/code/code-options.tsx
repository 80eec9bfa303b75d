/**
 * Target and styling for the generated code, and whether it follows the selection; changes are saved as the new
 * defaults.
 */
import type { Settings } from "../../contract/settings.js";
import { TARGET_MENU, targetLabel } from "../../contract/targets.js";
import { Segmented } from "../controls/segmented.js";

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
      <div class="field field--inline">
        <span class="field__label" id="target-label">
          Target
        </span>
        <Segmented
          label="Target"
          value={settings.target}
          disabled={disabled}
          options={TARGET_MENU}
          onChange={(target) => onChange({ target })}
        />
      </div>
      <div class="field field--inline">
        <span class="field__label">Styling</span>
        <Segmented
          label="Styling"
          value={settings.styling}
          disabled={disabled || !!fixed}
          title={fixed ? `${targetLabel(target)} output always uses ${fixed}` : undefined}
          options={[
            { value: "css-modules", label: "CSS modules" },
            { value: "tailwind", label: "Tailwind" },
          ]}
          onChange={(styling) => onChange({ styling })}
        />
      </div>
      <label
        class="checkbox"
        title="Generate the offline code again whenever the selection changes (never sends anything to a model)"
      >
        <input
          type="checkbox"
          checked={settings.followSelection}
          onChange={(event) => onChange({ followSelection: event.currentTarget.checked })}
        />{" "}
        Update as I select
      </label>
    </div>
  );
}
