/**
 * This file's batches sent to OpenAI's Batch API (contract/pending-batch.ts), in clientStorage under one key
 * per file scope (file-scope.ts), gzip-compressed — never in the document: the batch id must not sync to
 * collaborators through pluginData. All files' batches together stay within PENDING_BATCHES_BUDGET and
 * within what history, versions, the search index and settings leave of Figma's 5 MB (measured). A save
 * that does not fit is refused with `storage-full` and nothing is dropped. A stored batch that cannot be
 * read is kept as it is (never silently deleted) but not listed.
 */
import { gunzipSync, gzipSync, strFromU8, strToU8 } from "fflate";
import { CLIENT_STORAGE_QUOTA, PENDING_BATCHES_BUDGET, SETTINGS_RESERVE } from "../../contract/limits.js";
import { MAX_PENDING_BATCHES, pendingBatchField, type PendingBatch } from "../../contract/pending-batch.js";
import { PluginError } from "../errors.js";
import { storageCall } from "./client-storage.js";
import { fileScope } from "./file-scope.js";
import { serially, storedSize } from "./history-index.js";
import { sizeText } from "./image-versions.js";

export const BATCHES_PREFIX = "figment.batches/";
const keyOf = (scope: string): string => `${BATCHES_PREFIX}${scope}`;

/** What one key holds: the file's batches as compressed JSON (raw, so an unreadable one survives a save). */
interface StoredBatches {
  v: 1;
  zipped: Uint8Array;
}

function readRaw(value: unknown): unknown[] {
  const zipped = (value as Partial<StoredBatches> | null | undefined)?.zipped;
  if (!(zipped instanceof Uint8Array)) return [];
  try {
    const list: unknown = JSON.parse(strFromU8(gunzipSync(zipped)));
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

function readable(raw: unknown): PendingBatch | undefined {
  try {
    return pendingBatchField.check(raw, "batch");
  } catch {
    return undefined;
  }
}

const idOf = (raw: unknown): unknown =>
  typeof raw === "object" && raw !== null ? (raw as { id?: unknown }).id : undefined;

async function rawOf(scope: string | undefined): Promise<unknown[]> {
  if (scope === undefined) return [];
  return readRaw(await storageCall("read this file's batches", () => figma.clientStorage.getAsync(keyOf(scope))));
}

const listOf = (raw: readonly unknown[]): PendingBatch[] => raw.flatMap((r) => readable(r) ?? []);

/** Bytes every other key takes, and those that are other files' batches. */
async function othersBytes(key: string): Promise<{ all: number; batches: number }> {
  const keys = await storageCall("list clientStorage", () => figma.clientStorage.keysAsync());
  let all = 0;
  let batches = 0;
  for (const k of keys) {
    if (k === key) continue;
    const bytes = storedSize(k, await storageCall("measure clientStorage", () => figma.clientStorage.getAsync(k)));
    all += bytes;
    if (k.startsWith(BATCHES_PREFIX)) batches += bytes;
  }
  return { all, batches };
}

/** Stores the list; `grows`: it may take more space than before, so the space left is checked first. */
async function write(scope: string, raw: readonly unknown[], grows: boolean): Promise<void> {
  const key = keyOf(scope);
  if (raw.length === 0) {
    await storageCall("forget this file's batches", () => figma.clientStorage.deleteAsync(key));
    return;
  }
  const value: StoredBatches = { v: 1, zipped: gzipSync(strToU8(JSON.stringify(raw))) };
  const bytes = storedSize(key, value);
  const others = await othersBytes(key);
  const free = CLIENT_STORAGE_QUOTA - SETTINGS_RESERVE - others.all;
  const left = Math.min(PENDING_BATCHES_BUDGET - others.batches, free);
  if (grows && bytes > left) {
    const limit =
      left === free
        ? `only ${sizeText(Math.max(0, free))} of Figma's ${sizeText(CLIENT_STORAGE_QUOTA)} for ` +
          `this plugin is free (history, image versions, the search index and settings keep theirs)`
        : `batches may take ${sizeText(PENDING_BATCHES_BUDGET)} in all`;
    throw new PluginError(
      "storage-full",
      `This file's batches would need ${sizeText(bytes)} but ${limit}, so the batch ` +
        `was not saved. Nothing was deleted: remove finished batches to free up space.`,
    );
  }
  await storageCall("store this file's batches", () => figma.clientStorage.setAsync(key, value));
}

export function loadPendingBatches(): Promise<PendingBatch[]> {
  return serially(async () => listOf(await rawOf(fileScope(false))));
}

/** Keeps `batch` (same id: replaced in place); `secrets` (the stored API keys) must not be in it. */
export function savePendingBatch(batch: PendingBatch, secrets: readonly string[]): Promise<PendingBatch[]> {
  return serially(async () => {
    const json = JSON.stringify(batch);
    if (secrets.some((secret) => secret.length >= 8 && json.includes(secret)))
      throw new PluginError(
        "bad-message",
        "The batch holds an API key; it was not saved (keys stay in the key store only).",
      );
    const scope = fileScope(true) ?? "unknown";
    const raw = await rawOf(scope);
    const at = raw.findIndex((r) => idOf(r) === batch.id);
    if (at < 0 && listOf(raw).length >= MAX_PENDING_BATCHES)
      throw new PluginError(
        "storage-full",
        `This file already lists ${MAX_PENDING_BATCHES} batches; remove finished ones first. Nothing was deleted.`,
      );
    const next = at < 0 ? [...raw, batch] : raw.map((r, i) => (i === at ? batch : r));
    await write(scope, next, true);
    return listOf(next);
  });
}

/** Forgets the batch `id` of this file (an id not stored is ignored). */
export function deletePendingBatch(id: string): Promise<PendingBatch[]> {
  return serially(async () => {
    const scope = fileScope(false);
    if (scope === undefined) return [];
    const raw = await rawOf(scope);
    const next = raw.filter((r) => idOf(r) !== id);
    if (next.length !== raw.length) await write(scope, next, false);
    return listOf(next);
  });
}
