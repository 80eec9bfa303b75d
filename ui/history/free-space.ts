/**
 * Freeing space for a result the store refused: how many bytes must go (the refused entry's size beyond the
 * free space) and which entries to preselect for deletion — the oldest first, until they free that much.
 * The user confirms; nothing here deletes anything. Pure.
 */
import type { HistoryItem, HistoryUsage } from "../../contract/history.js";
import { SETTINGS_RESERVE } from "../../contract/limits.js";

/** Bytes to free so that entries of these sizes fit (the store keeps SETTINGS_RESERVE free for settings and keys). */
export function bytesToFree(usage: HistoryUsage, needed: readonly number[]): number {
  const free = usage.quota - SETTINGS_RESERVE - usage.history - usage.other;
  return Math.max(0, needed.reduce((sum, n) => sum + n, 0) - free);
}

/** The oldest entries whose bytes together reach `toFree` (all of them when they cannot). */
export function preselect(entries: readonly HistoryItem[], toFree: number): HistoryItem[] {
  const oldestFirst = [...entries].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const chosen: HistoryItem[] = [];
  let freed = 0;
  for (const entry of oldestFirst) {
    if (freed >= toFree) break;
    chosen.push(entry);
    freed += entry.bytes;
  }
  return chosen;
}

export const bytesOf = (entries: readonly HistoryItem[]): number => entries.reduce((sum, e) => sum + e.bytes, 0);
