/**
 * The offline result's score: measured on the draft's preview once it has painted (a newer result, or cancel,
 * stops the older measurement), and kept with the result's History entry — in it when the score came first, saved
 * again with it when the score comes after.
 */
import { useCallback, useMemo, useRef } from "preact/hooks";
import type { RestNode } from "../../../codegen/fidelity/design-nodes.js";
import type { SourceFile } from "../../../codegen/types.js";
import type { CodeEntry } from "../../../contract/history.js";
import { keepInHistory } from "../../channel/history-client.js";
import type { MainRequests } from "../../channel/requests.js";
import { loadDraft } from "../draft-loader.js";
import { htmlScoreInput } from "./score-input.js";
import { ScoreRunner } from "./score-runner.js";
import { scoreOf, type ScoreState } from "./score-state.js";

export interface ResultScore {
  /**
   * Measures result `id`'s preview against `frame` — its HTML `files`, or a preview document (`{ html }`: React output
   * run by the preview runtime) — and says the state to show meanwhile (undefined: nothing to measure).
   */
  measure(
    id: number,
    frame: RestNode | undefined,
    page: SourceFile[] | { html: string },
    /** A page drawn at several widths: its other drawings' frames, widest first (measure.ts ScoreInput.drawings). */
    drawings?: RestNode[],
  ): ScoreState | undefined;
  /** Saves result `id`'s History entry, with `score` if measured, and again with the score if it comes later. */
  keep(id: number, entry: CodeEntry, score: ScoreState | undefined): void;
  /** Stops the measurement under way. */
  cancel(): void;
}

/** `entry` with the score in it, once measured. */
export function withScoreEntry(entry: CodeEntry, score: ScoreState | undefined): CodeEntry {
  const measured = scoreOf(score);
  return measured ? { ...entry, score: measured } : entry;
}

/** `apply(id, score)` shows a score on result `id` (when that result is still shown). */
export function useResultScore(requests: MainRequests, apply: (id: number, score: ScoreState) => void): ResultScore {
  const runner = useRef(new ScoreRunner(() => loadDraft(requests))).current;
  const applyRef = useRef(apply);
  applyRef.current = apply;
  const saved = useRef<{ id: number; entry: CodeEntry } | undefined>(undefined);

  const measure = useCallback(
    (
      id: number,
      frame: RestNode | undefined,
      page: SourceFile[] | { html: string },
      drawings?: RestNode[],
    ): ScoreState | undefined => {
      if (!frame) return undefined;
      const more = drawings && drawings.length > 0 ? { drawings } : {};
      runner.run(
        () => {
          const input = Array.isArray(page) ? htmlScoreInput(frame, page) : { frame, html: page.html };
          return input && { ...input, ...more };
        },
        (score) => {
          applyRef.current(id, score);
          const entry = saved.current;
          if (score.status === "done" && entry?.id === id) keepInHistory(requests, withScoreEntry(entry.entry, score));
        },
      );
      return { status: "measuring" };
    },
    [runner, requests],
  );

  const keep = useCallback(
    (id: number, entry: CodeEntry, score: ScoreState | undefined) => {
      saved.current = { id, entry };
      keepInHistory(requests, withScoreEntry(entry, score));
    },
    [requests],
  );

  return useMemo(() => ({ measure, keep, cancel: () => runner.cancel() }), [measure, keep, runner]);
}
