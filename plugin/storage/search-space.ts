/**
 * Whether a search index of some size may be stored: all files' indexes together stay within
 * SEARCH_INDEX_BUDGET, and within what history, image versions and settings leave of Figma's quota (measured
 * from what is stored, never guessed). The answer when it may not says why, with the figures.
 */
import { CLIENT_STORAGE_QUOTA, SEARCH_INDEX_BUDGET, SETTINGS_RESERVE } from "../../contract/limits.js";
import { storageCall } from "./client-storage.js";
import { storedSize } from "./history-index.js";
import { sizeText } from "./image-versions.js";

export const KEY_PREFIX = "figment.search/";

/** Bytes stored by other keys: all of them, and those that are other files' search indexes. */
async function othersBytes(key: string): Promise<{ all: number; search: number }> {
  const keys = await storageCall("list clientStorage", () => figma.clientStorage.keysAsync());
  let all = 0;
  let search = 0;
  for (const k of keys) {
    if (k === key) continue;
    const bytes = storedSize(k, await storageCall("measure clientStorage", () => figma.clientStorage.getAsync(k)));
    all += bytes;
    if (k.startsWith(KEY_PREFIX)) search += bytes;
  }
  return { all, search };
}

/** Undefined when `bytes` under `key` fit; else "The search index of N frames needs X but …". */
export async function refusal(key: string, bytes: number, frames: number): Promise<string | undefined> {
  const others = await othersBytes(key);
  const free = CLIENT_STORAGE_QUOTA - SETTINGS_RESERVE - others.all;
  const left = Math.min(SEARCH_INDEX_BUDGET - others.search, free);
  if (bytes <= left) return undefined;
  const elsewhere = others.search > 0 ? ` (indexes of other files take ${sizeText(others.search)})` : "";
  const limit =
    left === free
      ? `only ${sizeText(Math.max(0, free))} of Figma's ${sizeText(CLIENT_STORAGE_QUOTA)} ` +
        `for this plugin is free (history, image versions and settings keep theirs)`
      : `search indexes may take ${sizeText(SEARCH_INDEX_BUDGET)} in all${elsewhere}`;
  return `The search index of ${frames} frames needs ${sizeText(bytes)} but ${limit}`;
}
