/**
 * The history of results per file in clientStorage (never pluginData: it would sync to every collaborator).
 * Code results and analyses are stored gzip-compressed (fflate) under their own keys with a small listing
 * line in the shared index (history-index.ts); an image entry is the stored image version itself
 * (image-versions.ts), with where it was placed added to its line, so no image byte is stored twice.
 * Figma gives the plugin 5 MB in all: a save that would not fit is answered `full` with the usage and the
 * entries that could be deleted; nothing is ever evicted to free space.
 */
import { gunzipSync, gzipSync, strFromU8, strToU8 } from "fflate";
import { fontWords, scoreSummary } from "../../codegen/fidelity/summary.js";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import {
  analysisEntryField,
  codeEntryField,
  type HistoryEntry,
  type HistoryFull,
  type HistoryItem,
  type HistoryKind,
  type HistoryRef,
  type HistoryUsage,
  type SavedEntry,
} from "../../contract/history.js";
import { CLIENT_STORAGE_QUOTA, MAX_HISTORY_PAYLOAD_BYTES, SETTINGS_RESERVE } from "../../contract/limits.js";
import { errorText, PluginError } from "../errors.js";
import { storageCall } from "./client-storage.js";
import { fileScope } from "./file-scope.js";
import {
  entryKey,
  entrySize,
  HISTORY_INDEX_KEY,
  loadIndex,
  otherBytes,
  saveIndex,
  serially,
  storedSize,
  titleText,
  type EntryMeta,
  type IndexEntry,
} from "./history-index.js";
import { readVersion, sizeText } from "./image-versions.js";

/** A code result or analysis as stored: its listing line's facts beside the compressed entry. */
interface StoredPayload {
  v: 1;
  scope: string;
  createdAt: string;
  meta: EntryMeta;
  zipped: Uint8Array;
}

export interface SaveOutcome {
  usage: HistoryUsage;
  saved?: HistoryItem;
  full?: HistoryFull;
}

/** The index key's own bytes beyond its lines (`{"v":1,"entries":[]}` and the key). */
const INDEX_OVERHEAD = storedSize(HISTORY_INDEX_KEY, { v: 1, entries: [] });

function itemOf(entry: IndexEntry, scope: string | undefined): HistoryItem {
  const { meta } = entry;
  const fallback = entry.kind === "image" ? "Image" : entry.kind === "code" ? "Code" : "Analysis";
  return {
    kind: entry.kind,
    id: entry.id,
    createdAt: entry.createdAt,
    bytes: entry.bytes,
    thisFile: entry.scope === scope,
    title: meta?.title || fallback,
    ...(meta?.frame ? { frame: meta.frame } : {}),
    ...(meta?.model ? { model: meta.model } : {}),
    ...(meta?.placedAs ? { placedAs: meta.placedAs } : {}),
    ...(typeof meta?.score === "string" ? { score: meta.score } : {}),
  };
}

const newestFirst = (a: IndexEntry, b: IndexEntry): number => b.createdAt.localeCompare(a.createdAt);

function usageOf(index: readonly IndexEntry[], other: number, scope: string | undefined): HistoryUsage {
  let history = INDEX_OVERHEAD;
  let fileBytes = 0;
  for (const e of index) {
    history += e.bytes;
    if (e.scope === scope) fileBytes += e.bytes;
  }
  return { history, fileBytes, other, quota: CLIENT_STORAGE_QUOTA };
}

/**
 * A code result's score as its listing line says it: the headline, then the fonts the page lacked (at most 400
 * characters).
 */
function scoreLine(score: FidelityScore): string {
  const fonts = fontWords(score);
  const line = fonts ? `${scoreSummary(score)} · ${fonts}` : scoreSummary(score);
  return line.length > 400 ? `${line.slice(0, 399)}…` : line;
}

function metaOf(entry: Exclude<SavedEntry, { kind: "image" }>): EntryMeta {
  const title =
    entry.kind === "code"
      ? `${entry.frame.name} · ${entry.target}${entry.mode === "ai" ? " (AI)" : ""}`
      : `Analysis of ${entry.frame.name}`;
  const score = entry.kind === "code" && entry.score ? scoreLine(entry.score) : undefined;
  return {
    title: titleText(title),
    frame: entry.frame,
    ...(entry.model ? { model: entry.model } : {}),
    ...(score ? { score } : {}),
  };
}

export function saveHistoryEntry(entry: SavedEntry): Promise<SaveOutcome> {
  return serially(async () => {
    const scope = fileScope(true) ?? "unknown";
    const index = await loadIndex();
    const other = await otherBytes();
    if (entry.kind === "image") {
      // The version is already stored (save-image-version); its line learns its frame and placement.
      const at = index.findIndex((e) => e.kind === "image" && e.id === entry.id);
      const line = index[at];
      if (!line)
        throw new PluginError(
          "not-found",
          `Image version ${entry.id} is not stored; save the version before adding it to history.`,
        );
      const meta: EntryMeta = {
        title: line.meta?.title ?? "Image",
        ...line.meta,
        ...(entry.frame ? { frame: entry.frame } : {}),
        ...(entry.placedAs ? { placedAs: entry.placedAs } : {}),
      };
      const { bytes: _bytes, ...rest } = { ...line, meta };
      const updated: IndexEntry = { ...rest, bytes: line.bytes - lineBytes(line) + lineBytes({ ...rest, bytes: 0 }) };
      const next = index.map((e, i) => (i === at ? updated : e));
      await saveIndex(next);
      return { usage: usageOf(next, other, scope), saved: itemOf(updated, scope) };
    }
    const zipped = gzipSync(strToU8(JSON.stringify(entry)), { level: 9 });
    if (zipped.length > MAX_HISTORY_PAYLOAD_BYTES)
      throw new PluginError(
        "too-large",
        `This ${entry.kind} result is ${sizeText(zipped.length)} compressed, over the ` +
          `${sizeText(MAX_HISTORY_PAYLOAD_BYTES)} a history entry may take; it was not saved.`,
      );
    const meta = metaOf(entry);
    const line = { kind: entry.kind, id: entry.id, scope, createdAt: entry.createdAt, meta };
    const stored: StoredPayload = { v: 1, scope, createdAt: entry.createdAt, meta, zipped };
    const bytes = entrySize(line, stored);
    const others = index.filter((e) => !(e.kind === entry.kind && e.id === entry.id));
    const before = usageOf(others, other, scope);
    const left = CLIENT_STORAGE_QUOTA - SETTINGS_RESERVE - before.history - before.other;
    if (bytes > left) {
      const message =
        `History is full: ${sizeText(before.history + before.other)} of Figma's ${sizeText(CLIENT_STORAGE_QUOTA)} ` +
        `for this plugin is used (history ${sizeText(before.history)}), and this ${entry.kind} result needs ` +
        `${sizeText(bytes)}. Delete entries or export the history; nothing was saved and nothing was deleted.`;
      return {
        usage: before,
        full: {
          message,
          needed: bytes,
          candidates: [...others]
            .sort(newestFirst)
            .reverse()
            .map((e) => itemOf(e, scope)),
        },
      };
    }
    await storageCall(`save the ${entry.kind} result`, () => figma.clientStorage.setAsync(entryKey(line), stored));
    const saved: IndexEntry = { ...line, bytes };
    const next = [...others, saved];
    await saveIndex(next);
    return { usage: usageOf(next, other, scope), saved: itemOf(saved, scope) };
  });
}

/** An index line's own bytes (as entrySize counts it). */
function lineBytes(line: IndexEntry): number {
  return storedSize("", { ...line, bytes: 0 }) + 12;
}

export interface HistoryFilter {
  kind?: HistoryKind;
  frameId?: string;
  allFiles?: boolean;
}

export function listHistory(filter: HistoryFilter = {}): Promise<{ entries: HistoryItem[]; usage: HistoryUsage }> {
  return serially(async () => {
    const scope = fileScope(false);
    const index = await loadIndex();
    const wanted = index.filter(
      (e) =>
        (filter.allFiles || e.scope === scope) &&
        (!filter.kind || e.kind === filter.kind) &&
        (!filter.frameId || e.meta?.frame?.id === filter.frameId),
    );
    return {
      entries: wanted.sort(newestFirst).map((e) => itemOf(e, scope)),
      usage: usageOf(index, await otherBytes(), scope),
    };
  });
}

/** An entry whose stored content cannot be read: reported by name, the rest of the history untouched. */
function damaged(line: IndexEntry, why: string): PluginError {
  return new PluginError(
    "storage-failed",
    `The stored ${line.kind} entry "${line.meta?.title ?? line.id}" (${line.createdAt}) is damaged and cannot ` +
      `be opened (${why}). Other entries are not affected; delete this one to free its ${sizeText(line.bytes)}.`,
  );
}

/** The entry `raw` holds, or why it is damaged (storage failing is thrown by the read, not said here). */
function entryOf(line: IndexEntry, raw: unknown): HistoryEntry | { damaged: string } {
  if (raw === undefined) return { damaged: "its content is missing, perhaps cleared by Figma" };
  if (line.kind === "image") {
    const version = readVersion(raw);
    if (!version) return { damaged: "the stored version is not readable" };
    return {
      kind: "image",
      version,
      ...(line.meta?.frame ? { frame: line.meta.frame } : {}),
      ...(line.meta?.placedAs ? { placedAs: line.meta.placedAs } : {}),
    };
  }
  const zipped = (raw as Partial<StoredPayload> | null)?.zipped;
  if (!(zipped instanceof Uint8Array)) return { damaged: "no compressed content" };
  try {
    const value: unknown = JSON.parse(strFromU8(gunzipSync(zipped)));
    return line.kind === "code" ? codeEntryField.check(value, "entry") : analysisEntryField.check(value, "entry");
  } catch (error) {
    return { damaged: errorText(error) };
  }
}

function readEntry(line: IndexEntry): Promise<HistoryEntry | { damaged: string }> {
  return storageCall("read a history entry", () => figma.clientStorage.getAsync(entryKey(line))).then((raw) =>
    entryOf(line, raw),
  );
}

export function loadHistoryEntry(ref: HistoryRef): Promise<HistoryEntry> {
  return serially(async () => {
    const line = (await loadIndex()).find((e) => e.kind === ref.kind && e.id === ref.id);
    if (!line)
      throw new PluginError("not-found", `No ${ref.kind} entry ${ref.id} is stored (it may have been deleted).`);
    const entry = await readEntry(line);
    if ("damaged" in entry) throw damaged(line, entry.damaged);
    return entry;
  });
}

/** Deletes these entries from any file (an image entry is its stored version); unknown ones are ignored. */
export function deleteHistoryEntries(refs: readonly HistoryRef[]): Promise<HistoryUsage> {
  return serially(async () => {
    const index = await loadIndex();
    const doomed = index.filter((e) => refs.some((r) => r.kind === e.kind && r.id === e.id));
    for (const entry of doomed)
      await storageCall("delete a history entry", () => figma.clientStorage.deleteAsync(entryKey(entry)));
    const next = index.filter((e) => !doomed.includes(e));
    if (doomed.length > 0) await saveIndex(next);
    return usageOf(next, await otherBytes(), fileScope(false));
  });
}

/** Every payload (this file's, or all), newest first, for a zip; damaged entries are named, not skipped in silence. */
export function exportHistory(allFiles: boolean): Promise<{ entries: HistoryEntry[]; damaged: HistoryItem[] }> {
  return serially(async () => {
    const scope = fileScope(false);
    const lines = (await loadIndex()).filter((e) => allFiles || e.scope === scope).sort(newestFirst);
    const entries: HistoryEntry[] = [];
    const bad: HistoryItem[] = [];
    for (const line of lines) {
      const entry = await readEntry(line);
      if ("damaged" in entry) bad.push(itemOf(line, scope));
      else entries.push(entry);
    }
    return { entries, damaged: bad };
  });
}
