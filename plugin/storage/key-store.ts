/**
 * API keys in figma.clientStorage, one per key slot (contract/keys.ts), all under one storage key. They
 * never go anywhere else: not pluginData (it syncs to every collaborator), not logs, not error texts.
 * A key saved by an earlier version (one key for every provider) moves to the slot of the provider and
 * base URL it was saved with, so it is never sent to another host.
 */
import { isKeySlot, keySlot, parseSdSlot, type KeySlot } from "../../contract/keys.js";
import { readSettings } from "../../contract/settings.js";
import { PluginError } from "../errors.js";
import { storageCall } from "./client-storage.js";
import { SETTINGS_KEY } from "./settings-store.js";

export const API_KEYS_KEY = "figment.apiKeys";
/** Where versions before per-provider keys kept the one key. */
export const LEGACY_API_KEY_KEY = "figment.apiKey";

/** Longest API key accepted; real keys are under 200 characters. */
const MAX_KEY_LENGTH = 1000;

export type StoredKeys = Record<KeySlot, string>;

function readKeys(raw: unknown): StoredKeys {
  const keys: StoredKeys = {};
  if (typeof raw !== "object" || raw === null) return keys;
  for (const [slot, key] of Object.entries(raw))
    if (isKeySlot(slot) && typeof key === "string" && key !== "") keys[slot] = key;
  return keys;
}

/** Every stored key by slot, after moving a legacy single key to its slot (once). */
export async function loadKeys(): Promise<StoredKeys> {
  const keys = readKeys(await storageCall("read the API keys", () => figma.clientStorage.getAsync(API_KEYS_KEY)));
  const legacy: unknown = await storageCall("read the API key", () => figma.clientStorage.getAsync(LEGACY_API_KEY_KEY));
  if (typeof legacy !== "string" || legacy.trim() === "") return keys;
  const settings = readSettings(
    await storageCall("read the settings", () => figma.clientStorage.getAsync(SETTINGS_KEY), [legacy]),
  );
  const slot = keySlot(settings);
  // A key the user saved since takes precedence over the legacy one.
  const migrated = { [slot]: legacy.trim(), ...keys };
  await storageCall("move the API key to its provider", () => figma.clientStorage.setAsync(API_KEYS_KEY, migrated), [
    legacy,
  ]);
  await storageCall("remove the old API key entry", () => figma.clientStorage.deleteAsync(LEGACY_API_KEY_KEY), [
    legacy,
  ]);
  return migrated;
}

/**
 * Checks a key from the UI without ever quoting it. Returns the trimmed key, or null for "remove". An SD server's
 * slot holds `user:password` (HTTP Basic): it needs the colon, and a user name before it.
 */
export function checkApiKey(raw: string | null, slot?: KeySlot): string | null {
  if (raw === null) return null;
  const key = raw.trim();
  if (key === "") return null;
  const sd = slot !== undefined && parseSdSlot(slot) !== undefined;
  if (key.length > MAX_KEY_LENGTH || /[\s\u0000-\u001f\u007f]/.test(key)) {
    throw new PluginError(
      "bad-settings",
      `The ${sd ? "server credentials have" : "API key has"} spaces, line breaks or ` +
        `${sd ? "are" : "is"} far too long: paste ${sd ? "them" : "it"} again. Nothing was saved.`,
    );
  }
  if (sd && !/^[^:]+:/.test(key))
    throw new PluginError(
      "bad-settings",
      "The server credentials must be written user:password (as given to --api-auth or --auth). Nothing was saved.",
    );
  return key;
}

/** Stores `key` in `slot` (null removes it); returns every slot that holds a key afterwards. */
export async function saveKey(slot: KeySlot, key: string | null): Promise<KeySlot[]> {
  const keys = await loadKeys();
  const secrets = [key, ...Object.values(keys)];
  if (key === null) delete keys[slot];
  else keys[slot] = key;
  await storageCall(
    key === null ? "remove the API key" : "save the API key",
    () => figma.clientStorage.setAsync(API_KEYS_KEY, keys),
    secrets,
  );
  return Object.keys(keys);
}
