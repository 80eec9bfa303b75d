/**
 * Correction rounds that only keep what measures better (issue 25). Each round sends the measurement of the best
 * code so far back to the model as a refinement of the same conversation; its answer (through the same project
 * pass as any model answer: the caller's `ask`) is measured, and KEPT ONLY IF ITS SCORE IS HIGHER — plain
 * self-revision makes design-to-code results worse, so nothing unmeasured replaces what is there. Rounds stop at
 * the first that does not improve; a cancel or a failed request keeps the best files so far.
 *
 * Generic over callbacks (asking the model, measuring files) so the CLI (Chromium) and the panel (its preview) run
 * the same loop. No SDK, no browser, no ts-morph here.
 */
import { roundHalfUp, shareText } from "../../codegen/fidelity/summary.js";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import { Cancelled, isCancelled } from "../../kernel/cancelled.js";
import type { Conversation } from "../code/generate.js";
import { verifyRequest, type RoundRequest } from "./request.js";

/** At most this many rounds; 1 unless asked. */
export const MAX_ROUNDS = 3;

/** What measuring a set of files gives: its score, and a PNG of the page at the design width when there is one. */
export interface Measured {
  score: FidelityScore;
  png?: string;
}

/** What one round sends: the conversation it builds on and the round's text and pictures. */
export interface RoundInput extends RoundRequest {
  round: number;
  conversation: Conversation;
}

/** The model's answer after the project pass (`ModelCodeResult` is one). */
export interface RoundAnswer {
  files: SourceFile[];
  problems: Problem[];
  notes: string;
  conversation: Conversation;
}

/** One round's verdict, as the CLI prints it and `--json` lists it. */
export interface RoundReport {
  round: number;
  /** The score the round had to beat, and its answer's (undefined when there was no answer to measure). */
  before: FidelityScore;
  score?: FidelityScore;
  kept: boolean;
  outcome: "kept" | "worse" | "failed" | "cancelled";
  /** "the model's fix measured worse (0.91 vs 0.94): kept the earlier code", … */
  message: string;
}

export interface VerifyOptions {
  /** The best code so far (the first answer), its measurement and the conversation it came from. */
  files: SourceFile[];
  problems?: Problem[];
  notes?: string;
  measured: Measured;
  conversation: Conversation;
  /** The design's PNG data URL (the first request's), sent beside the rendered page. */
  designPng?: string;
  /** 1..MAX_ROUNDS. */
  rounds: number;
  ask(input: RoundInput, signal: AbortSignal | undefined): Promise<RoundAnswer>;
  measure(files: SourceFile[], signal: AbortSignal | undefined): Promise<Measured>;
  signal?: AbortSignal;
  /** Before a round is sent (for an estimate or a status line), and after its verdict. */
  onSend?(input: RoundInput): void;
  onRound?(report: RoundReport): void;
}

export interface VerifyResult {
  /** The best files: the first answer's unless a round measured better. */
  files: SourceFile[];
  problems: Problem[];
  notes: string;
  measured: Measured;
  /** Refine from here: the conversation of the kept answer. */
  conversation: Conversation;
  rounds: RoundReport[];
  /** Why the rounds ended. */
  stopped: "done" | "no-improvement" | "failed" | "cancelled";
}

/** The mean share of text seen over the measured widths: the tie-break. */
export function textVisible(score: FidelityScore): number {
  return score.widths.length === 0 ? 0 : score.widths.reduce((sum, w) => sum + w.textVisible, 0) / score.widths.length;
}

/** Higher IoU×matched wins; on a tie, more text visible; an exact tie is not better. */
export function measuresBetter(candidate: FidelityScore, best: FidelityScore): boolean {
  if (candidate.iouMatched !== best.iouMatched) return candidate.iouMatched > best.iouMatched;
  return textVisible(candidate) > textVisible(best);
}

/**
 * Two scores side by side with enough decimals (2 to 4) to tell them apart: "0.91 vs 0.94", "0.911 vs 0.913"; equal
 * ones with 2.
 */
export function scorePair(a: number, b: number): string {
  // Rounded as the summary's per cents are (half up, never to 1 below 1): 0.965 reads "0.97" beside "97 %".
  const digits = [2, 3, 4].find((d) => shareText(a, d) !== shareText(b, d)) ?? 2;
  return `${shareText(a, digits)} vs ${shareText(b, digits)}`;
}

const percentText = (share: number): string => `${roundHalfUp(share * 100, 1)} %`;

/** The verdict in words, the same in the CLI and the panel. */
export function verdict(candidate: FidelityScore, best: FidelityScore): string {
  const pair = scorePair(candidate.iouMatched, best.iouMatched);
  if (candidate.iouMatched > best.iouMatched) return `the model's fix measured better (${pair}): kept it`;
  if (candidate.iouMatched < best.iouMatched) return `the model's fix measured worse (${pair}): kept the earlier code`;
  const text = `${percentText(textVisible(candidate))} vs ${percentText(textVisible(best))} of text visible`;
  return measuresBetter(candidate, best)
    ? `the model's fix measured the same (${pair}) with more text visible (${text}): kept it`
    : `the model's fix measured no better (${pair}, ${text}): kept the earlier code`;
}

/** A round stopped by its signal: the model client's Cancelled, or a measurement that failed once it aborted. */
const isCancel = (error: unknown, signal: AbortSignal | undefined): boolean =>
  isCancelled(error) || signal?.aborted === true;

/** Runs up to `rounds` rounds; never throws for a round's failure or a cancel (the best files so far come back). */
export async function verifyRounds(options: VerifyOptions): Promise<VerifyResult> {
  const { signal } = options;
  const rounds = Math.max(1, Math.min(MAX_ROUNDS, Math.floor(options.rounds)));
  let best = {
    files: options.files,
    problems: options.problems ?? [],
    notes: options.notes ?? "",
    measured: options.measured,
    conversation: options.conversation,
  };
  const reports: RoundReport[] = [];
  const report = (r: RoundReport): void => {
    reports.push(r);
    options.onRound?.(r);
  };
  const finish = (stopped: VerifyResult["stopped"]): VerifyResult => ({ ...best, rounds: reports, stopped });

  for (let round = 1; round <= rounds; round++) {
    const before = best.measured.score;
    if (signal?.aborted) return finish("cancelled");
    const request = verifyRequest(before, {
      ...(best.measured.png ? { rendered: best.measured.png } : {}),
      ...(options.designPng ? { design: options.designPng } : {}),
    });
    const input: RoundInput = { round, conversation: best.conversation, ...request };
    let answer: RoundAnswer;
    let measured: Measured;
    try {
      options.onSend?.(input);
      answer = await options.ask(input, signal);
      if (signal?.aborted) throw new Cancelled();
      if (answer.files.length === 0) {
        report({
          round,
          before,
          kept: false,
          outcome: "failed",
          message: "the model's fix held no usable files: kept the earlier code",
        });
        return finish("failed");
      }
      measured = await options.measure(answer.files, signal);
    } catch (error) {
      if (isCancel(error, signal)) {
        report({
          round,
          before,
          kept: false,
          outcome: "cancelled",
          message: "the round was cancelled: kept the best code so far",
        });
        return finish("cancelled");
      }
      const why = error instanceof Error ? error.message : String(error);
      report({
        round,
        before,
        kept: false,
        outcome: "failed",
        message: `the round failed (${why}): kept the earlier code`,
      });
      return finish("failed");
    }
    // Measured is measured: a cancel that comes now still gets the verdict, and stops the rounds after it.
    const better = measuresBetter(measured.score, before);
    report({
      round,
      before,
      score: measured.score,
      kept: better,
      outcome: better ? "kept" : "worse",
      message: verdict(measured.score, before),
    });
    if (better)
      best = {
        files: answer.files,
        problems: answer.problems,
        notes: answer.notes,
        measured,
        conversation: answer.conversation,
      };
    if (signal?.aborted) return finish("cancelled");
    if (!better) return finish("no-improvement");
  }
  return finish("done");
}
