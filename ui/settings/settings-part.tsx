/** The Settings panel as a part of its own (esbuild.panel-parts.mjs); its edits stay in the app's draft. */
import type { PartPropsMap } from "../parts/part-props.js";
import { definePart } from "../parts/registry.js";
import { SettingsPanel } from "./settings-panel.js";

function SettingsPart({ ctx, active, draft, onPrices }: PartPropsMap["settings"]) {
  if (!active) return null;
  return <SettingsPanel settings={ctx.settings} draft={draft} vault={ctx.vault} worker={ctx.worker} onPrices={onPrices} />;
}

definePart("settings", SettingsPart);
