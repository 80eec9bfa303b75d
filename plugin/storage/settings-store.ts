/** Settings in figma.clientStorage (local to this user and machine), checked per key on the way in and out. */
import { PluginError } from "../errors.js";
import { checkSettingsPatch, readSettings, type Settings } from "../../contract/settings.js";
import { storageCall } from "./client-storage.js";

export const SETTINGS_KEY = "figment.settings";

export async function loadSettings(): Promise<Settings> {
  return readSettings(await storageCall("read the settings", () => figma.clientStorage.getAsync(SETTINGS_KEY)));
}

/** Applies a settings patch: all keys valid, or nothing is saved. */
export async function saveSettings(
  patch: unknown,
  secrets: readonly (string | null | undefined)[] = [],
): Promise<Settings> {
  const { accepted, rejected } = checkSettingsPatch(patch);
  if (rejected.length > 0)
    throw new PluginError("bad-settings", `Settings not saved: bad value for ${rejected.join(", ")}.`);
  const current = readSettings(
    await storageCall("read the settings", () => figma.clientStorage.getAsync(SETTINGS_KEY), secrets),
  );
  const settings = readSettings({ ...current, ...accepted });
  await storageCall("save the settings", () => figma.clientStorage.setAsync(SETTINGS_KEY, settings), secrets);
  return settings;
}
