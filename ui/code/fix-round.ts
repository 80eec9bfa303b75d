/**
 * The lazily loaded half of "Fix differences" (it comes with the draft part, draft-part.ts, so ui.html carries only
 * the button and the verdict): a correction round of a model turn, run with ai/verify — the CLI's request and loop,
 * one round per click. Prepare pictures the turn's page as rendered (the measuring page draws itself) and builds the
 * round — the measurement as data, that picture beside the design's — for its estimate; run sends it as a refinement
 * of the same conversation and measures the answer as the panel measures every result, keeping it only if it
 * measures better. What belongs to the panel (its engine, the page a set of files makes) comes as arguments, and a
 * failure comes back as data: this part holds no copy of the panel's classes.
 */
import { Cancelled } from "../../kernel/cancelled.js";
import type { ModelCodeResult } from "../../ai/code/pipeline.js";
import { verifyRequest, type RoundRequest } from "../../ai/verify/request.js";
import { verifyRounds } from "../../ai/verify/rounds.js";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import { plural } from "../../kernel/plural.js";
import type { SourceFile } from "../../codegen/types.js";
import type { FetchedPrice } from "../../contract/messages.js";
import type { EngineCaller } from "../engine/call.js";
import type { Destination } from "../model/job-state.js";
import type { SendIo } from "../model/model-job.js";
import type { AiConfirm, AiJobEvent, AiRequest, AiSession, AiTurn } from "./ai-state.js";
import type { FixOutcome } from "./fix-state.js";
import { measurePage, type PageMeasure, type ScoreInput } from "./score/measure.js";
import { wholePageInput } from "../../ai/code/sections/refine.js";

/**
 * A split page's round (issue 74): no section's conversation holds the page, so the round goes in a new one with the
 * page's files, its picture, the measurement and the page as rendered (ai/code/sections/refine.ts).
 */
function pageRound(session: AiSession, files: readonly SourceFile[], round: RoundRequest) {
  return wholePageInput(session.input, files, round.instructions, round.images);
}

/** The turns whose conversation turn `index` continues, first turn first (each turn builds on its parent). */
function lineage(session: AiSession, index: number): AiTurn[] {
  const turns: AiTurn[] = [];
  const seen = new Set<number>();
  for (let at: number | undefined = index; at !== undefined && !seen.has(at); at = session.turns[at]?.parent) {
    const turn = session.turns[at];
    if (!turn) break;
    seen.add(at);
    turns.unshift(turn);
  }
  return turns;
}

/** The model's reply as it wrote it, or (a turn kept without it) its files and notes in the reply's format. */
const answerOf = (turn: AiTurn): string =>
  turn.answer ||
  JSON.stringify({
    notes: turn.notes,
    files: turn.files.filter((f) => f.bytes === undefined).map((f) => ({ path: f.path, content: f.content })),
  });

/**
 * What a correction round of turn `index` resends (the whole conversation is billed again): the model's answers along
 * it, and what was sent between them — each refinement's instructions, each kept round as it was sent.
 */
export function conversationTrail(session: AiSession, index: number): { answers: string[]; earlier: RoundRequest[] } {
  const turns = lineage(session, index);
  return {
    answers: turns.map(answerOf),
    earlier: turns
      .slice(1)
      .map((t) => t.fix?.sent ?? { instructions: t.instructions || "(no instructions)", images: [] }),
  };
}

/**
 * What the estimate card says a round sends: "The measurement (3 layers off, 1 text not fully seen) and the page as
 * rendered beside the design".
 */
export function roundWords(
  score: FidelityScore,
  pictures: { rendered: boolean; design: boolean },
  pictureError?: string,
): string {
  // A text cut off at several widths is one text.
  const texts = new Set(score.widths.flatMap((w) => w.hiddenTexts.map((t) => t.nodeId))).size;
  const overflow = score.widths.some((w) => w.overflow);
  const parts = [
    score.worst.length > 0 ? `${plural(score.worst.length, "layer")} off` : "",
    texts > 0 ? `${plural(texts, "text")} not fully seen` : "",
    overflow ? "sideways scrolling" : "",
  ].filter(Boolean);
  const shown =
    pictures.rendered && pictures.design
      ? "the page as rendered beside the design"
      : pictures.design
        ? `the design (the page could not be pictured${pictureError ? `: ${pictureError}` : ""})`
        : pictures.rendered
          ? "the page as rendered (no picture of the design)"
          : "no pictures";
  return `The measurement (${parts.join(", ") || "nothing off"}) and ${shown}`;
}

/** How a round of the panel measures files: the page they make, measured by the panel's offscreen iframe. */
interface Measuring {
  page(files: SourceFile[]): Promise<ScoreInput | undefined>;
  /** measurePage unless a test gives its own. */
  measure?: typeof measurePage;
}

export interface FixPrepareInput extends Measuring {
  session: AiSession;
  /** The turn to fix (an index) and its score, as shown. */
  index: number;
  score: FidelityScore;
  worker: EngineCaller;
  /** Where the round goes (the model and host the card names), and the endpoint's prices if fetched. */
  to: Destination;
  prices: Record<string, FetchedPrice> | undefined;
  signal: AbortSignal;
}

/**
 * Pictures the turn's page, builds the round and asks the worker for its estimate (`ai-round-estimate`); nothing is
 * sent. Gives the model job's request and the estimate card.
 */
export async function prepareFixRound(p: FixPrepareInput): Promise<{ request: AiRequest; confirm: AiConfirm }> {
  const { session, index, score, signal } = p;
  const turn = session.turns[index];
  const page = turn ? await p.page(turn.files) : undefined;
  if (!turn || !page) throw new Error("the frame's design is not at hand to measure this result against");
  signal.throwIfAborted();
  // The page as rendered now, at the design width (the turn's score was measured on the same page).
  const pictured = await (p.measure ?? measurePage)(page, signal, { picture: true });
  const design = session.input.imageDataUrl;
  const round = verifyRequest(score, {
    ...(pictured.png ? { rendered: pictured.png } : {}),
    ...(design ? { design } : {}),
  });
  const priced = { model: p.to.model, ...(p.prices ? { prices: p.prices } : {}) };
  const body = { input: session.input, ...conversationTrail(session, index), round, ...priced };
  const { estimate } = session.sections
    ? await p.worker.call("ai-estimate", { input: pageRound(session, turn.files, round), ...priced }, { signal })
    : await p.worker.call("ai-round-estimate", body, { signal });
  const words = roundWords(
    score,
    { rendered: pictured.png !== undefined, design: design !== undefined },
    pictured.pictureError,
  );
  return {
    request: { session, fix: { parent: index, score, png: pictured.png } },
    confirm: {
      phase: "confirm",
      estimate,
      to: p.to,
      frame: session.frame,
      others: 0,
      hasImage: true,
      instructions: "",
      draft: false,
      fix: {
        lead: `Send turn ${turn.n}'s measured differences of “${session.frame.name}” to `,
        words,
        ...(pictured.pictureError ? { why: pictured.pictureError } : {}),
        note:
          `The answer is measured like every result and kept only if it ` +
          `matches the design better; otherwise turn ${turn.n} stays.`,
      },
    },
  };
}

export interface FixRunInput extends Measuring {
  session: AiSession;
  fix: NonNullable<AiRequest["fix"]>;
  worker: EngineCaller;
  /** The model job's send: the key, the settings, where the streamed events go, the job's signal. */
  io: SendIo<AiJobEvent>;
}

/**
 * A round's end: its outcome, or why it stopped — `Cancelled`, or the model request's own error (to show as any model
 * failure).
 */
export type FixRun = { outcome: FixOutcome } | { failure: unknown };

/**
 * Sends the round as a refinement of the turn's conversation (`ai-generate` with the round's words and pictures) and
 * measures its answer: verifyRounds, one round. Never throws.
 */
export async function runFixRound(r: FixRunInput): Promise<FixRun> {
  const { session, fix, io } = r;
  const parent = session.turns[fix.parent];
  if (!parent) return { failure: new Error("the turn to fix is gone") };
  let answer: ModelCodeResult | undefined;
  let sent: RoundRequest | undefined;
  let failure: { error: unknown } | undefined;
  const design = session.input.imageDataUrl;
  const result = await verifyRounds({
    files: parent.files,
    problems: parent.problems,
    notes: parent.notes,
    measured: { score: fix.score, ...(fix.png ? { png: fix.png } : {}) },
    conversation: parent.conversation,
    ...(design ? { designPng: design } : {}),
    rounds: 1,
    signal: io.signal,
    onSend: ({ instructions, images }) => (sent = { instructions, images }),
    ask: async (round, signal) => {
      const refine = { conversation: round.conversation, instructions: round.instructions, images: round.images };
      const asked = session.sections
        ? { input: pageRound(session, parent.files, round) }
        : { input: session.input, refine };
      const body = { settings: io.settings, apiKey: io.apiKey, ...asked, timeoutMs: io.settings.timeoutSec * 1000 };
      try {
        answer = (await r.worker.call("ai-generate", body, { onEvent: io.onEvent, ...(signal ? { signal } : {}) }))
          .result;
        return answer;
      } catch (error) {
        failure = { error };
        throw error;
      }
    },
    measure: async (files, signal): Promise<PageMeasure> => {
      io.onEvent({ type: "measuring" });
      const page = await r.page(files);
      if (!page) throw new Error("there is no page to measure");
      return (r.measure ?? measurePage)(page, signal);
    },
  });
  if (result.stopped === "cancelled" || io.signal.aborted) return { failure: new Cancelled() };
  if (failure) return { failure: failure.error };
  const report = result.rounds[0];
  if (!report) return { failure: new Error("the correction round did not run") };
  const verdict = {
    before: report.before.iouMatched,
    ...(report.score ? { after: report.score.iouMatched } : {}),
    kept: report.kept,
    message: report.message,
  };
  const kept =
    report.kept && answer && report.score && sent ? { result: answer, score: report.score, sent } : undefined;
  return { outcome: { parent: fix.parent, verdict, ...(kept ? { kept } : {}) } };
}
