/**
 * Runs the fidelity measurement of the result on screen, off the critical path: it starts once the result has been
 * painted (the frame after the next paint), one at a time — a newer result, or cancel, stops the older measurement
 * and removes its pages. The scorer itself comes with the draft part (draft-part.ts).
 */
import type { DraftModule } from "../draft-global.js";
import type { ScoreInput } from "./measure.js";
import type { ScoreState } from "./score-state.js";

/** If no frame comes (a hidden panel paints none), start after this long all the same. */
const NO_FRAME_MS = 250;

/** performance.mark names around each measurement, read by the bench (bench/score-panel.ts). */
export const SCORE_START_MARK = "figment:score-start";
export const SCORE_DONE_MARK = "figment:score-done";

/** Calls `fn` just after the next paint (or after NO_FRAME_MS when nothing paints). */
function afterPaint(fn: () => void): void {
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    fn();
  };
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, NO_FRAME_MS);
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class ScoreRunner {
  private current: AbortController | undefined;

  constructor(private readonly scorer: () => Promise<Pick<DraftModule, "measureScore">>) {}

  /**
   * Measures what `input` gives (made after the next paint; undefined: nothing to measure); `settle` hears the
   * outcome, unless a newer run or a cancel came first.
   */
  run(
    input: () => ScoreInput | Promise<ScoreInput | undefined> | undefined,
    settle: (state: ScoreState) => void,
  ): void {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    const { signal } = controller;
    afterPaint(() => {
      if (signal.aborted) return;
      performance.mark(SCORE_START_MARK);
      Promise.all([input(), this.scorer()])
        .then(([page, scorer]) => (page && !signal.aborted ? scorer.measureScore(page, signal) : undefined))
        .then(
          (score) => {
            if (signal.aborted) return;
            performance.mark(SCORE_DONE_MARK);
            settle(score ? { status: "done", score } : { status: "failed", message: "there is no page to measure" });
          },
          (error: unknown) => !signal.aborted && settle({ status: "failed", message: messageOf(error) }),
        )
        .finally(() => {
          if (this.current === controller) this.current = undefined;
        });
    });
  }

  /** Stops the measurement under way, if any (its outcome is never heard). */
  cancel(): void {
    this.current?.abort();
    this.current = undefined;
  }
}
