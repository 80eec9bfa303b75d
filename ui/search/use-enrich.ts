/**
 * The enrich bar's job, kept at app level so it survives switching panels: the run's progress and Cancel,
 * what it made, and why it stopped. Nothing is sent until the user presses the button; after that, in this
 * session, frames a later scan finds new or changed are enriched on their own when they are few (≤
 * AUTO_MAX_FRAMES: a few cents at most) — more than that asks again, with the price. The consent is not stored:
 * a new session starts with the button again.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { SearchIndex } from "../../contract/search.js";
import { failureOf, type ModelJobFailure } from "../model/job-state.js";
import type { EnrichOutcome } from "./enrich-run.js";
import type { EnrichProgress } from "./search-ai.js";
import type { SearchAiSession } from "./use-search-ai.js";

export const AUTO_MAX_FRAMES = 20;

/** The panels' one failure (ui/model/job-state.ts); Search says all but a model's in one sentence. */
export type EnrichFailure = ModelJobFailure;

export type EnrichState =
  | { phase: "idle" }
  | { phase: "running"; progress: EnrichProgress; auto: boolean }
  | { phase: "done"; outcome: EnrichOutcome }
  | { phase: "failed"; failure: EnrichFailure; outcome: EnrichOutcome }
  | { phase: "cancelled"; outcome: EnrichOutcome };

export interface EnrichJob {
  state: EnrichState;
  /** The user pressed the button in this session (later small increments then run on their own). */
  consented: boolean;
  start(index: SearchIndex, auto?: boolean): void;
  cancel(): void;
  dismiss(): void;
}

export function useEnrich(ai: SearchAiSession, onIndex: (index: SearchIndex) => void): EnrichJob {
  const [state, setState] = useState<EnrichState>({ phase: "idle" });
  const [consented, setConsented] = useState(false);
  const running = useRef<AbortController | undefined>(undefined);

  const start = useCallback(
    (index: SearchIndex, auto = false) => {
      if (running.current) return;
      if (!auto) setConsented(true);
      const controller = new AbortController();
      running.current = controller;
      setState({ phase: "running", progress: { done: 0, total: 0, label: "Getting the frames' pictures…" }, auto });
      const stopped = (outcome: EnrichOutcome, reason: unknown): void => {
        // What was made before the stop is kept and used all the same.
        if (outcome.captioned + outcome.embedded > 0) onIndex(outcome.index);
        const failure = failureOf(reason);
        setState(failure === "cancelled" ? { phase: "cancelled", outcome } : { phase: "failed", failure, outcome });
      };
      ai.run(index, {
        signal: controller.signal,
        onProgress: (progress) => !controller.signal.aborted && setState({ phase: "running", progress, auto }),
      })
        .then((outcome) => {
          if (outcome.stoppedBy !== undefined) return stopped(outcome, outcome.stoppedBy);
          onIndex(outcome.index);
          setState({ phase: "done", outcome });
        })
        .catch((error: unknown) => stopped({ index, captioned: 0, embedded: 0, noPicture: [] }, error))
        .finally(() => {
          if (running.current === controller) running.current = undefined;
        });
    },
    [ai, onIndex],
  );

  const cancel = useCallback(() => running.current?.abort(), []);
  const dismiss = useCallback(() => setState((s) => (s.phase === "running" ? s : { phase: "idle" })), []);
  useEffect(() => () => running.current?.abort(), []);
  return { state, consented, start, cancel, dismiss };
}

/** Whether a later scan's new or changed frames may be enriched without asking. */
export function mayAutoEnrich(
  job: Pick<EnrichJob, "consented" | "state">,
  plan: { captions: number; vectors: number },
  available: boolean,
): boolean {
  const frames = Math.max(plan.captions, plan.vectors);
  return (
    available &&
    job.consented &&
    job.state.phase !== "running" &&
    job.state.phase !== "failed" &&
    frames > 0 &&
    frames <= AUTO_MAX_FRAMES
  );
}
