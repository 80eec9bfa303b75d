/**
 * The store the history grows in: one index of every stored entry (kind, id, file scope, time, size) under
 * one clientStorage key, and each entry's content under its own key, so listing and measuring never reads
 * the contents. Sizes are Figma's measure of the 5 MB quota: key + value as JSON, a Uint8Array by its
 * length. Each kind has a budget; nothing is ever dropped to make room. Image versions are the first kind;
 * code results and analyses come with the history feature.
 */
import { IMAGE_VERSIONS_BUDGET } from "../../contract/limits.js";
import { utf8Length } from "../utf8.js";
import { storageCall } from "./client-storage.js";

export const HISTORY_INDEX_KEY = "figment.history";
const ENTRY_PREFIX = "figment.history/";

export const HISTORY_KINDS = ["image"] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];
export const HISTORY_BUDGETS: Record<HistoryKind, number> = { image: IMAGE_VERSIONS_BUDGET };

export interface IndexEntry {
  kind: HistoryKind;
  id: string;
  scope: string;
  createdAt: string;
  /** What the entry takes of the quota: its key and value, and its line in the index. */
  bytes: number;
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

function readIndex(raw: unknown): IndexEntry[] {
  if (typeof raw !== "object" || raw === null || !Array.isArray((raw as { entries?: unknown }).entries)) return [];
  return ((raw as { entries: unknown[] }).entries).filter((e): e is IndexEntry => {
    const x = e as Partial<IndexEntry> | null;
    return !!x && (HISTORY_KINDS as readonly unknown[]).includes(x.kind) && typeof x.id === "string" && typeof x.scope === "string" && typeof x.createdAt === "string" && typeof x.bytes === "number";
  });
}

export async function loadIndex(): Promise<IndexEntry[]> {
  return readIndex(await storageCall("read the stored versions", () => figma.clientStorage.getAsync(HISTORY_INDEX_KEY)));
}

export async function saveIndex(entries: readonly IndexEntry[]): Promise<void> {
  await storageCall("update the list of stored versions", () => figma.clientStorage.setAsync(HISTORY_INDEX_KEY, { v: 1, entries }));
}

export function usageOf(entries: readonly IndexEntry[], kind: HistoryKind, scope: string | undefined): { bytes: number; budget: number; fileBytes: number } {
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
