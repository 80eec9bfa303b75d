/**
 * The search index per file in clientStorage (contract/search.ts), stored gzip-compressed under one key per
 * file scope (file-scope.ts). It is a cache of the document: all files' indexes together stay within
 * SEARCH_INDEX_BUDGET and within what history, image versions and settings leave free. An index that does not
 * fit is still answered (with `notStored`) and kept for this session, never freeing space by dropping anything;
 * extras that would not fit are refused with `storage-full`.
 */
import { gunzipSync, gzipSync, strFromU8, strToU8 } from "fflate";
import {
  searchIndexField,
  type FrameCaption,
  type FrameVector,
  type ScanChanges,
  type SearchFrameDoc,
  type SearchIndex,
} from "../../contract/search.js";
import { decodeVector } from "../../contract/vector-codec.js";
import { PluginError } from "../errors.js";
import { storageCall } from "./client-storage.js";
import { fileScope } from "./file-scope.js";
import { storedSize } from "./history-index.js";
import { KEY_PREFIX, refusal } from "./search-space.js";

export const keyOf = (scope: string): string => `${KEY_PREFIX}${scope}`;

/** What one key holds: the index as gzip-compressed JSON (a Uint8Array counts by its length in the quota). */
export interface StoredIndex {
  v: 1;
  zipped: Uint8Array;
}

export const emptyIndex = (): SearchIndex => ({ docs: [], vectors: {}, captions: {}, scannedAt: 0 });

/** Indexes answered but not stored (they did not fit), by scope: later requests of this session build on them. */
const unstored = new Map<string, SearchIndex>();

let queue: Promise<unknown> = Promise.resolve();
/** One change at a time: each reads the stored index, then writes it. */
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/** The stored index, or an empty one when there is none or it cannot be read (a cache: a scan rebuilds it). */
function readStored(raw: unknown): SearchIndex {
  const zipped = (raw as Partial<StoredIndex> | null | undefined)?.zipped;
  if (!(zipped instanceof Uint8Array)) return emptyIndex();
  try {
    return searchIndexField.check(JSON.parse(strFromU8(gunzipSync(zipped))), "index");
  } catch {
    return emptyIndex();
  }
}

/** The index as one key holds it (compressed JSON). */
export function encodeIndex(index: SearchIndex): StoredIndex {
  return { v: 1, zipped: gzipSync(strToU8(JSON.stringify(index))) };
}

async function current(scope: string | undefined): Promise<SearchIndex> {
  if (scope === undefined) return emptyIndex();
  return (
    unstored.get(scope) ??
    readStored(await storageCall("read the search index", () => figma.clientStorage.getAsync(keyOf(scope))))
  );
}

export function loadSearchIndex(): Promise<SearchIndex> {
  return serially(() => current(fileScope(false)));
}

/** Stores the index when it fits; else why not, with the figures ("needs 1.9 MB but …"). */
async function store(scope: string, index: SearchIndex): Promise<string | undefined> {
  const key = keyOf(scope);
  const value = encodeIndex(index);
  const refused = await refusal(key, storedSize(key, value), index.docs.length);
  if (refused) return refused;
  await storageCall("store the search index", () => figma.clientStorage.setAsync(key, value));
  unstored.delete(scope);
  return undefined;
}

/** Vectors and captions whose hash is the current hash of their frame's document; the rest are stale. */
function fresh<T extends { hash: string }>(
  extras: Record<string, T>,
  docs: ReadonlyMap<string, SearchFrameDoc>,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [id, extra] of Object.entries(extras)) if (docs.get(id)?.hash === extra.hash) out[id] = extra;
  return out;
}

export interface StoredScan {
  index: SearchIndex;
  changes: ScanChanges;
  notStored?: string;
}

/** The documents of the last scan (or stored index), by frame id: what a new scan compares against. */
export async function previousDocs(): Promise<Map<string, SearchFrameDoc>> {
  const index = await serially(() => current(fileScope(false)));
  return new Map(index.docs.map((d) => [d.id, d]));
}

/**
 * A complete scan's documents become the index: frames new or changed lose their vectors and captions (they
 * describe the old content), deleted frames drop out, unchanged frames keep theirs.
 */
export function storeScan(docs: readonly SearchFrameDoc[], scannedAt = Date.now()): Promise<StoredScan> {
  return serially(async () => {
    const scope = fileScope(true) ?? "unknown";
    const before = await current(scope);
    const previous = new Map(before.docs.map((d) => [d.id, d.hash]));
    const byId = new Map(docs.map((d) => [d.id, d]));
    const changes: ScanChanges = { added: [], reindexed: [], dropped: [], unchanged: 0 };
    for (const doc of docs) {
      const hash = previous.get(doc.id);
      if (hash === undefined) changes.added.push(doc.id);
      else if (hash !== doc.hash) changes.reindexed.push(doc.id);
      else changes.unchanged++;
    }
    for (const id of previous.keys()) if (!byId.has(id)) changes.dropped.push(id);
    const index: SearchIndex = {
      docs: [...docs],
      vectors: fresh(before.vectors, byId),
      captions: fresh(before.captions, byId),
      scannedAt,
    };
    const refused = await store(scope, index);
    if (!refused) return { index, changes };
    unstored.set(scope, index);
    return {
      index,
      changes,
      notStored:
        `${refused}, so it was kept for this session only: the ` +
        `next scan reads every frame again. Nothing was deleted.`,
    };
  });
}

function checkVectors(vectors: Record<string, FrameVector>): void {
  for (const [id, v] of Object.entries(vectors)) {
    let length: number;
    try {
      length = decodeVector(v.vector).length;
    } catch (error) {
      throw new PluginError(
        "bad-message",
        `The vector of frame ${id} is not readable ` +
          `(${error instanceof Error ? error.message : String(error)}); nothing was saved.`,
      );
    }
    if (length !== v.dimensions)
      throw new PluginError(
        "bad-message",
        `The vector of frame ${id} has ${length} values but says ${v.dimensions} dimensions; nothing was saved.`,
      );
  }
}

/**
 * Merges vectors and captions made for the frames' current hashes (others are stale and ignored); refused with
 * `storage-full` when the index would not fit.
 */
export function saveSearchExtras(
  vectors: Record<string, FrameVector> = {},
  captions: Record<string, FrameCaption> = {},
): Promise<SearchIndex> {
  return serially(async () => {
    checkVectors(vectors);
    const scope = fileScope(true) ?? "unknown";
    const before = await current(scope);
    const byId = new Map(before.docs.map((d) => [d.id, d]));
    const index: SearchIndex = {
      ...before,
      vectors: { ...before.vectors, ...fresh(vectors, byId) },
      captions: { ...before.captions, ...fresh(captions, byId) },
    };
    const refused = await store(scope, index);
    if (refused)
      throw new PluginError(
        "storage-full",
        `${refused}, so these captions and embeddings were not saved. Nothing was deleted.`,
      );
    return index;
  });
}
