/** The Settings panel as a part of its own (esbuild.panel-parts.mjs); its edits stay in the app's draft. */
import type { PartPropsMap } from "../parts/part-props.js";
import { definePart } from "../parts/registry.js";
import { ComponentsSection } from "./components/components-section.js";
import { SettingsPanel } from "./settings-panel.js";

function SettingsPart({ ctx, active, draft, onPrices, components, onComponents }: PartPropsMap["settings"]) {
  if (!active) return null;
  const componentsSection = (
    <ComponentsSection
      requests={ctx.requests}
      worker={ctx.worker}
      selection={ctx.selection}
      stored={components}
      onStored={onComponents}
    />
  );
  return (
    <SettingsPanel
      settings={ctx.settings}
      draft={draft}
      vault={ctx.vault}
      worker={ctx.worker}
      onPrices={onPrices}
      components={componentsSection}
    />
  );
}

definePart("settings", SettingsPart);
