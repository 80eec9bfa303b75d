/**
 * The panels' side of the history store (plugin/storage/history-store.ts): make an entry from a finished
 * run and save it. A save that does not fit is an answer, not an error: the outcome carries the usage and
 * the entries the user may delete (the History panel offers them); nothing is evicted.
 */
import type { CodeOptions } from "../../codegen/load.js";
import type { SourceFile } from "../../codegen/types.js";
import type {
  AnalysisEntry,
  CodeEntry,
  CodeRecord,
  FrameRef,
  HistoryFull,
  HistoryItem,
  SavedEntry,
} from "../../contract/history.js";
import type { MainRequests } from "./requests.js";

export type SaveOutcome = { saved: HistoryItem } | { full: HistoryFull };

/** A storage-key-safe id, unique enough per plugin: time then randomness. */
export function historyId(kind: string): string {
  return `${kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Most characters of a frame's name an entry keeps (contract/history.ts frameRefField): a layer named with a paragraph
 * is cut, not refused.
 */
const MAX_FRAME_NAME = 500;

/** The frame as an entry names it: its id, and its name cut to what an entry keeps. */
export function frameRef(frame: FrameRef): FrameRef {
  const name = Array.from(frame.name);
  return {
    id: frame.id,
    name: name.length > MAX_FRAME_NAME ? `${name.slice(0, MAX_FRAME_NAME - 1).join("")}…` : frame.name,
  };
}

export function codeEntry(
  frame: FrameRef,
  options: CodeOptions,
  files: readonly SourceFile[],
  ai?: { model: string; turns: CodeEntry["turns"] },
): CodeEntry {
  return {
    kind: "code",
    id: historyId("code"),
    createdAt: new Date().toISOString(),
    mode: ai ? "ai" : "offline",
    frame: frameRef(frame),
    target: options.target,
    styling: options.styling,
    // Binary assets (image bytes) stay out: they are in the file already and would eat the 5 MB quota.
    files: files.filter((f) => f.bytes === undefined).map(({ path, content }) => ({ path, content })),
    ...(ai ? { model: ai.model, ...(ai.turns ? { turns: ai.turns } : {}) } : {}),
  };
}

/** `entry` with what its zip records (contract/history.ts CodeRecord), made when the record says. */
export function withRecord(entry: CodeEntry, record: CodeRecord, files: readonly SourceFile[]): CodeEntry {
  const assets = files.flatMap((f) => (f.bytes ? [{ path: f.path, bytes: f.bytes.length }] : []));
  return { ...entry, createdAt: record.createdAt, record: { ...record, assets } };
}

export function analysisEntry(
  frame: FrameRef,
  findings: AnalysisEntry["findings"],
  answer?: { model: string; markdown: string },
): AnalysisEntry {
  return {
    kind: "analysis",
    id: historyId("analysis"),
    createdAt: new Date().toISOString(),
    frame: frameRef(frame),
    findings,
    ...(answer ? { model: answer.model, markdown: answer.markdown } : {}),
  };
}

export async function saveToHistory(requests: MainRequests, entry: SavedEntry): Promise<SaveOutcome> {
  const answer = await requests.call("save-history-entry", { entry });
  if (answer.saved) return { saved: answer.saved };
  if (answer.full) return { full: answer.full };
  throw new Error("The history answered neither saved nor full.");
}

type FullListener = (entry: SavedEntry, full: HistoryFull) => void;
/** Who hears of a refused save (the app: a banner, and the entry kept until the user makes room). */
const fullListeners = new Set<FullListener>();

/** Hears every save `keepInHistory` could not make for room; returns the unsubscribe. */
export function onHistoryFull(listener: FullListener): () => void {
  fullListeners.add(listener);
  return () => fullListeners.delete(listener);
}

/**
 * Saves after a finished run without holding the panel up; a refusal for room goes to the listeners (the console when
 * there are none).
 */
export function keepInHistory(requests: MainRequests, entry: SavedEntry): void {
  saveToHistory(requests, entry).then(
    (outcome) => {
      if (!("full" in outcome)) return;
      if (fullListeners.size === 0) console.warn(`Figment: ${outcome.full.message}`);
      for (const listener of fullListeners) listener(entry, outcome.full);
    },
    (error: unknown) =>
      console.warn(`Figment: could not save to history: ${error instanceof Error ? error.message : String(error)}`),
  );
}
