/**
 * Settings and the API key in figma.clientStorage (local to this user and machine). The key has its own
 * storage key and never goes anywhere else: not pluginData (it syncs to every collaborator), not logs,
 * not error texts. Figma's own error texts are redacted in case a future version echoes a value.
 */
import { PluginError, errorText } from "../errors.js";
import { checkSettingsPatch, readSettings, type Settings } from "../../contract/settings.js";

export const SETTINGS_KEY = "figment.settings";
export const API_KEY_KEY = "figment.apiKey";

/** Longest API key accepted; real keys are under 200 characters. */
const MAX_KEY_LENGTH = 1000;

export function redact(text: string, secret: string | null | undefined): string {
  return secret ? text.split(secret).join("•••") : text;
}

async function storageCall<T>(what: string, call: () => Promise<T>, secret?: string | null): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new PluginError("storage-failed", `Could not ${what}: ${redact(errorText(error), secret)}`);
  }
}

export async function loadSettings(): Promise<Settings> {
  return readSettings(await storageCall("read the settings", () => figma.clientStorage.getAsync(SETTINGS_KEY)));
}

export async function loadApiKey(): Promise<string | null> {
  const value: unknown = await storageCall("read the API key", () => figma.clientStorage.getAsync(API_KEY_KEY));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** Checks a key from the UI without ever quoting it. Returns the trimmed key, or null for "remove". */
function checkApiKey(raw: string | null): string | null {
  if (raw === null) return null;
  const key = raw.trim();
  if (key === "") return null;
  if (key.length > MAX_KEY_LENGTH || /[\s\u0000-\u001f\u007f]/.test(key)) {
    throw new PluginError("bad-settings", "The API key has spaces, line breaks or is far too long: paste it again. Nothing was saved.");
  }
  return key;
}

export interface SavedSettings {
  settings: Settings;
  hasKey: boolean;
}

/**
 * Applies a settings patch (all keys valid, or nothing is saved) and, when `apiKey` is given, stores it
 * (a string) or deletes it (null or empty). `apiKey` undefined leaves the stored key alone.
 */
export async function saveSettings(patch: unknown, apiKey: string | null | undefined): Promise<SavedSettings> {
  const { accepted, rejected } = checkSettingsPatch(patch);
  if (rejected.length > 0) {
    throw new PluginError("bad-settings", `Settings not saved: bad value for ${rejected.join(", ")}.`);
  }
  const key = apiKey === undefined ? undefined : checkApiKey(apiKey);
  const secret = key ?? apiKey;
  const current = readSettings(await storageCall("read the settings", () => figma.clientStorage.getAsync(SETTINGS_KEY), secret));
  const settings = readSettings({ ...current, ...accepted });
  await storageCall("save the settings", () => figma.clientStorage.setAsync(SETTINGS_KEY, settings), secret);
  if (key === null) await storageCall("remove the API key", () => figma.clientStorage.deleteAsync(API_KEY_KEY));
  else if (key !== undefined) await storageCall("save the API key", () => figma.clientStorage.setAsync(API_KEY_KEY, key), secret);
  const stored: unknown = await storageCall("read the API key", () => figma.clientStorage.getAsync(API_KEY_KEY), secret);
  return { settings, hasKey: typeof stored === "string" && stored.length > 0 };
}
