/**
 * The store the history grows in: one index of every stored entry (kind, id, file scope, time, size) under
 * one clientStorage key, and each entry's content under its own key, so listing and measuring never reads
 * the contents. Sizes are Figma's measure of the 5 MB quota: key + value as JSON, a Uint8Array by its
 * length. Each kind has a budget; nothing is ever dropped to free space. Image versions (image-versions.ts)
 * and code results and analyses (history-store.ts) share it. A damaged index is rebuilt from the entries'
 * own stored values (each keeps its scope, time and listing line), so one bad write loses no entry.
 */
import { HISTORY_KINDS, type FrameRef, type HistoryKind } from "../../contract/history.js";
import { CLIENT_STORAGE_QUOTA, IMAGE_VERSIONS_BUDGET, SETTINGS_RESERVE } from "../../contract/limits.js";
import { utf8Length } from "../../kernel/utf8.js";
import { storageCall } from "./client-storage.js";

export const HISTORY_INDEX_KEY = "figment.history";
const ENTRY_PREFIX = "figment.history/";

export { HISTORY_KINDS, type HistoryKind };
/** Image versions keep their own share; code and analyses may use what settings leave of the quota. */
export const HISTORY_BUDGETS: Record<HistoryKind, number> = {
  image: IMAGE_VERSIONS_BUDGET,
  code: CLIENT_STORAGE_QUOTA - SETTINGS_RESERVE,
  analysis: CLIENT_STORAGE_QUOTA - SETTINGS_RESERVE,
};

/** What a listing row shows, kept in the index so listing reads no payload. */
export interface EntryMeta {
  title: string;
  frame?: FrameRef;
  model?: string;
  placedAs?: { nodeIds: string[]; at: string };
  /** A code result's score in words, as the Code panel and `figment score` say it ("Matches the design 96 % · …"). */
  score?: string;
}

export interface IndexEntry {
  kind: HistoryKind;
  id: string;
  scope: string;
  createdAt: string;
  /** What the entry takes of the quota: its key and value, and its line in the index. */
  bytes: number;
  meta?: EntryMeta;
}

export const entryKey = (entry: Pick<IndexEntry, "kind" | "id">): string => `${ENTRY_PREFIX}${entry.kind}/${entry.id}`;
export const isEntryKey = (key: string): boolean => key.startsWith(ENTRY_PREFIX);

/** Figma's measure of a stored value: key + JSON, each Uint8Array by its length. */
export function storedSize(key: string, value: unknown): number {
  let binary = 0;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (!(v instanceof Uint8Array)) return v;
    binary += v.length;
    return 0;
  });
  return utf8Length(key) + utf8Length(json ?? "") + binary;
}

/** An entry's quota: its content and its index line. */
export function entrySize(entry: Omit<IndexEntry, "bytes">, value: unknown): number {
  return storedSize(entryKey(entry), value) + utf8Length(JSON.stringify({ ...entry, bytes: 0 })) + 12;
}

function isIndexEntry(e: unknown): e is IndexEntry {
  const x = e as Partial<IndexEntry> | null;
  const meta = x?.meta as Partial<EntryMeta> | undefined;
  return (
    !!x &&
    (HISTORY_KINDS as readonly unknown[]).includes(x.kind) &&
    typeof x.id === "string" &&
    typeof x.scope === "string" &&
    typeof x.createdAt === "string" &&
    typeof x.bytes === "number" &&
    (meta === undefined || (typeof meta === "object" && meta !== null && typeof meta.title === "string"))
  );
}

/** The index's entries, or undefined when it is damaged (not our shape, or any line unreadable). */
function readIndex(raw: unknown): IndexEntry[] | undefined {
  if (raw === undefined) return [];
  if (typeof raw !== "object" || raw === null || !Array.isArray((raw as { entries?: unknown }).entries))
    return undefined;
  const entries = (raw as { entries: unknown[] }).entries;
  return entries.every(isIndexEntry) ? entries : undefined;
}

/** An entry's index line rebuilt from its stored value (it keeps scope, createdAt and, for code and analyses, meta). */
function lineFromValue(key: string, value: unknown): IndexEntry | undefined {
  const [kind, id] = key.slice(ENTRY_PREFIX.length).split("/");
  const v = value as { scope?: unknown; createdAt?: unknown; meta?: unknown; record?: { prompt?: unknown } } | null;
  if (
    !kind ||
    !id ||
    typeof v !== "object" ||
    v === null ||
    typeof v.scope !== "string" ||
    typeof v.createdAt !== "string"
  )
    return undefined;
  const meta =
    typeof v.meta === "object" && v.meta !== null
      ? (v.meta as EntryMeta)
      : typeof v.record?.prompt === "string"
        ? { title: titleText(v.record.prompt) }
        : undefined;
  const line = { kind, id, scope: v.scope, createdAt: v.createdAt, ...(meta ? { meta } : {}) } as Omit<
    IndexEntry,
    "bytes"
  >;
  const entry = { ...line, bytes: entrySize(line, value) };
  return isIndexEntry(entry) ? entry : undefined;
}

/** Lists every entry again from the stored values (a value that cannot say what it is stays unlisted). */
async function rebuildIndex(): Promise<IndexEntry[]> {
  const keys = await storageCall("list the stored history", () => figma.clientStorage.keysAsync());
  const entries: IndexEntry[] = [];
  for (const key of keys) {
    if (!isEntryKey(key)) continue;
    const line = lineFromValue(
      key,
      await storageCall("read a stored history entry", () => figma.clientStorage.getAsync(key)),
    );
    if (line) entries.push(line);
  }
  await saveIndex(entries);
  return entries;
}

/** The index; a damaged one is rebuilt from the stored entries rather than trusted or dropped. */
export async function loadIndex(): Promise<IndexEntry[]> {
  const entries = readIndex(
    await storageCall("read the stored versions", () => figma.clientStorage.getAsync(HISTORY_INDEX_KEY)),
  );
  return entries ?? rebuildIndex();
}

/** A listing title: one line, at most 120 characters. */
export function titleText(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

export async function saveIndex(entries: readonly IndexEntry[]): Promise<void> {
  await storageCall("update the list of stored versions", () =>
    figma.clientStorage.setAsync(HISTORY_INDEX_KEY, { v: 1, entries }),
  );
}

export function usageOf(
  entries: readonly IndexEntry[],
  kind: HistoryKind,
  scope: string | undefined,
): { bytes: number; budget: number; fileBytes: number } {
  let bytes = 0;
  let fileBytes = 0;
  for (const e of entries) {
    if (e.kind !== kind) continue;
    bytes += e.bytes;
    if (e.scope === scope) fileBytes += e.bytes;
  }
  return { bytes, budget: HISTORY_BUDGETS[kind], fileBytes };
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs store changes one after another (messages arrive concurrently; each change reads, then writes the index). */
export function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/** Bytes of everything stored that is not history (settings, keys, prices, caches): measured, never guessed. */
export async function otherBytes(): Promise<number> {
  const keys = await storageCall("list clientStorage", () => figma.clientStorage.keysAsync());
  let bytes = 0;
  for (const key of keys) {
    if (key === HISTORY_INDEX_KEY || isEntryKey(key)) continue;
    bytes += storedSize(key, await storageCall("measure clientStorage", () => figma.clientStorage.getAsync(key)));
  }
  return bytes;
}

/** Space left for history under Figma's quota, settings' reserve kept. */
export function spaceLeft(index: readonly IndexEntry[], other: number): number {
  const history = index.reduce((n, e) => n + e.bytes, storedSize(HISTORY_INDEX_KEY, { v: 1, entries: [] }));
  return CLIENT_STORAGE_QUOTA - SETTINGS_RESERVE - history - other;
}
