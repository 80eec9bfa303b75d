/**
 * "Fix differences" on a model turn (issue 25), the part ui.html carries: when it is offered, and how a correction
 * round's verdict changes the session — a kept answer becomes a new turn with its score, a discarded one is
 * noted on the turn it tried to fix, whose files stay on show. Pure.
 */
import type { ModelCodeResult } from "../../ai/code/pipeline.js";
import type { RoundRequest } from "../../ai/verify/request.js";
import { hasDifferences } from "../../codegen/fidelity/summary.js";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import type { AiSession, AiTurn, FixRecord } from "./ai-state.js";
import { scoreOf } from "./score/score-state.js";

/** The label of a kept correction round in the turn bar. */
export const FIX_LABEL = "Fix differences";

/**
 * `turn`'s score when its measurement has something to fix: layers off, texts not seen, or a page problem (sideways
 * scroll, blank space, content pinned to a side).
 */
export function fixableScore(turn: AiTurn | undefined): FidelityScore | undefined {
  const score = scoreOf(turn?.score);
  if (!score || score.matched === 0) return undefined;
  return hasDifferences(score) ? score : undefined;
}

/** A correction round's outcome, as the model job hands it to the panel. */
export interface FixOutcome {
  /** The turn the round tried to fix (an index). */
  parent: number;
  verdict: FixRecord;
  /** The answer, when it measured better: its result, its score, and the round as it was sent. */
  kept?: { result: ModelCodeResult; score: FidelityScore; sent: RoundRequest };
}

/**
 * The session after a correction round: a kept answer is a new turn (`made` builds it from the result), refining
 * `parent`, with its score already measured, and on show; otherwise `parent` notes the round tried and nothing else
 * changes (the files on show, which turn is selected).
 */
export function withFixOutcome(
  session: AiSession,
  outcome: FixOutcome,
  made: (result: ModelCodeResult) => AiTurn,
): AiSession {
  const { parent, verdict, kept } = outcome;
  if (!session.turns[parent]) return session;
  if (!kept) {
    const turns = session.turns.map((t, i) => (i === parent ? { ...t, tried: [...(t.tried ?? []), verdict] } : t));
    return { ...session, turns };
  }
  const turn: AiTurn = {
    ...made(kept.result),
    instructions: FIX_LABEL,
    parent,
    score: { status: "done", score: kept.score },
    fix: { ...verdict, sent: kept.sent },
  };
  return { ...session, turns: [...session.turns, turn], selected: session.turns.length };
}
