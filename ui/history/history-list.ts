/**
 * What the History panel lists: filters by kind and frame, day groups, the frames that have entries, the day labels and
 * the words for size. Pure.
 */
import type { FrameRef, HistoryItem, HistoryKind } from "../../contract/history.js";
import type { SelectionSummary } from "../../contract/messages.js";

export type KindFilter = "all" | HistoryKind;

export interface ListFilter {
  kind: KindFilter;
  /** Only entries made from this frame. */
  frameId: string | undefined;
}

export function filterEntries(entries: readonly HistoryItem[], filter: ListFilter): HistoryItem[] {
  return entries.filter(
    (e) =>
      (filter.kind === "all" || e.kind === filter.kind) &&
      (filter.frameId === undefined || e.frame?.id === filter.frameId),
  );
}

/** The frames entries were made from, once each, by name (the newest entry's name for a renamed frame). */
export function framesOf(entries: readonly HistoryItem[]): FrameRef[] {
  const byId = new Map<string, FrameRef & { at: string }>();
  for (const e of entries) {
    const known = byId.get(e.frame?.id ?? "");
    if (e.frame && (!known || known.at < e.createdAt)) byId.set(e.frame.id, { ...e.frame, at: e.createdAt });
  }
  return [...byId.values()]
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The selected frame's id when exactly one frame is selected and it has entries (the "Selected frame" shortcut). */
export function selectedFrameWithEntries(selection: SelectionSummary, frames: readonly FrameRef[]): string | undefined {
  const [only, ...rest] = selection.nodes;
  if (!only || rest.length > 0) return undefined;
  const id = only.frameId ?? only.id;
  return frames.some((f) => f.id === id) ? id : undefined;
}

export interface DayGroup {
  label: string;
  entries: HistoryItem[];
}

const dayKey = (date: Date): string => `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;

/** Entries (newest first) in runs by local day: "Today", "Yesterday", then "Mon, Nov 16". */
export function groupByDay(entries: readonly HistoryItem[], now: Date): DayGroup[] {
  const today = dayKey(now);
  const yesterday = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  const groups: DayGroup[] = [];
  let lastKey = "";
  for (const entry of entries) {
    const date = new Date(entry.createdAt);
    const key = dayKey(date);
    if (key !== lastKey || groups.length === 0) {
      const label =
        key === today
          ? "Today"
          : key === yesterday
            ? "Yesterday"
            : date.toLocaleDateString("en-US", {
                weekday: "short",
                month: "short",
                day: "numeric",
                ...(date.getFullYear() === now.getFullYear() ? {} : { year: "numeric" }),
              });
      groups.push({ label, entries: [] });
      lastKey = key;
    }
    groups[groups.length - 1]!.entries.push(entry);
  }
  return groups;
}

/** "900 B", "15 kB", "1.2 MB" (decimal units, as Figma's 5 MB). */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
}

export const KIND_LABEL: Readonly<Record<HistoryKind, string>> = { code: "Code", image: "Image", analysis: "Analysis" };
