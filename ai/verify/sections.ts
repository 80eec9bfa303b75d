/**
 * --verify for a page built section by section (issue 74): the assembled page is measured; each section whose area
 * measures off (a layer of its own missing, hidden or far from its place, or a text of its own not seen at the design
 * width) gets a repair round, one request in that section's conversation with what measured off there and the two
 * pictures of its band; the page is assembled again with the repaired sections and measured, and KEPT ONLY IF IT
 * MEASURES BETTER (ai/verify/rounds.ts's rule). At most `rounds` rounds; they stop when no section measures off,
 * when a round does not improve, on a failure or a cancel (the best page so far is kept).
 *
 * Generic over callbacks (asking, assembling, measuring, picturing), as verifyRounds is: no browser here.
 */
import type { FidelityScore, LayerDiff } from "../../codegen/fidelity/types.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import { Cancelled, isCancelled } from "../../kernel/cancelled.js";
import type { Conversation } from "../code/generate.js";
import { verifyRequest, type RoundPictures } from "./request.js";
import { MAX_ROUNDS, measuresBetter, verdict, type Measured, type RoundAnswer, type RoundInput } from "./rounds.js";

/** A layer this far from its place (IoU below it) puts its section off. */
export const SECTION_OFF_IOU = 0.5;

/** What the rounds know of a section: its component, its band and the layers its hint part names. */
export interface VerifiedSection {
  component: string;
  band: { y: number; h: number };
  /** The layer ids of its hint part (the frame's own id, in every part, left out). */
  ids: ReadonlySet<string>;
}

/** A section's current answer: its files and the conversation a repair continues. */
export interface SectionState {
  component: string;
  files: SourceFile[];
  conversation: Conversation;
}

export interface SectionRoundReport {
  round: number;
  /** The sections asked again this round. */
  sections: string[];
  before: FidelityScore;
  score?: FidelityScore;
  kept: boolean;
  outcome: "kept" | "worse" | "failed" | "cancelled";
  message: string;
}

export interface SectionVerifyOptions {
  sections: readonly VerifiedSection[];
  answers: readonly SectionState[];
  /** The first assembled page and its measure. */
  files: SourceFile[];
  problems: Problem[];
  measured: Measured;
  rounds: number;
  assemble(answers: readonly SectionState[]): Promise<{ files: SourceFile[]; problems: Problem[] }>;
  measure(files: SourceFile[], signal: AbortSignal | undefined): Promise<Measured>;
  ask(index: number, round: RoundInput, signal: AbortSignal | undefined): Promise<RoundAnswer>;
  /** The pictures of section `index`'s band: the page as rendered (`measured`) and the design's. */
  pictures(index: number, measured: Measured): RoundPictures;
  signal?: AbortSignal;
  onSend?(index: number, round: RoundInput): void;
  onRound?(report: SectionRoundReport): void;
}

export interface SectionVerifyResult {
  files: SourceFile[];
  problems: Problem[];
  answers: SectionState[];
  measured: Measured;
  rounds: SectionRoundReport[];
  stopped: "done" | "nothing-off" | "no-improvement" | "failed" | "cancelled";
}

/** The section a measured layer is of: the one whose hint part names it, else the one whose band holds its middle. */
function sectionOf(sections: readonly VerifiedSection[], id: string, y?: number): number {
  const named = sections.findIndex((s) => s.ids.has(id));
  if (named >= 0 || y === undefined) return named;
  return sections.findIndex((s) => y >= s.band.y && y < s.band.y + s.band.h);
}

const layerOff = (d: LayerDiff): boolean => d.problem !== "off" || d.iou < SECTION_OFF_IOU;

/**
 * The page's measure as section `index` sees it: its own layers that are off, and its own texts not seen; the
 * headline figures stay the page's. Undefined when nothing of it measures off.
 */
export function sectionMeasure(
  score: FidelityScore,
  sections: readonly VerifiedSection[],
  index: number,
): FidelityScore | undefined {
  const mine = (id: string, y?: number): boolean => sectionOf(sections, id, y) === index;
  const worst = score.worst.filter((d) => mine(d.nodeId, d.design.y + d.design.height / 2));
  const widths = score.widths.map((w) => ({ ...w, hiddenTexts: w.hiddenTexts.filter((t) => mine(t.nodeId)) }));
  const atDesign = widths.find((w) => w.width === score.designWidth);
  const off = worst.some(layerOff) || (atDesign?.hiddenTexts.length ?? 0) > 0;
  return off ? { ...score, worst, widths } : undefined;
}

const cancelled = (error: unknown, signal: AbortSignal | undefined): boolean =>
  isCancelled(error) || signal?.aborted === true;

/** Runs the rounds; never throws for a round's failure or a cancel (the best page so far comes back). */
export async function verifySections(options: SectionVerifyOptions): Promise<SectionVerifyResult> {
  const { signal, sections } = options;
  const rounds = Math.max(1, Math.min(MAX_ROUNDS, Math.floor(options.rounds)));
  let best = {
    files: options.files,
    problems: options.problems,
    answers: [...options.answers],
    measured: options.measured,
  };
  const reports: SectionRoundReport[] = [];
  const finish = (stopped: SectionVerifyResult["stopped"]): SectionVerifyResult => ({
    ...best,
    rounds: reports,
    stopped,
  });
  const report = (r: SectionRoundReport): void => {
    reports.push(r);
    options.onRound?.(r);
  };
  for (let round = 1; round <= rounds; round++) {
    if (signal?.aborted) return finish("cancelled");
    const before = best.measured.score;
    const off = sections.flatMap((_, k) => {
      const measure = sectionMeasure(before, sections, k);
      return measure ? [{ index: k, measure }] : [];
    });
    if (off.length === 0) return finish(round === 1 ? "nothing-off" : "done");
    const names = off.map((o) => sections[o.index]!.component);
    try {
      const repaired = await Promise.all(
        off.map(async ({ index, measure }) => {
          const state = best.answers[index]!;
          const input: RoundInput = {
            round,
            conversation: state.conversation,
            ...verifyRequest(measure, options.pictures(index, best.measured)),
          };
          options.onSend?.(index, input);
          return { index, answer: await options.ask(index, input, signal) };
        }),
      );
      if (signal?.aborted) throw new Cancelled();
      const answers = [...best.answers];
      for (const { index, answer } of repaired)
        if (answer.files.length > 0)
          answers[index] = { ...answers[index]!, files: answer.files, conversation: answer.conversation };
      const page = await options.assemble(answers);
      const measured = await options.measure(page.files, signal);
      const better = measuresBetter(measured.score, before);
      report({
        round,
        sections: names,
        before,
        score: measured.score,
        kept: better,
        outcome: better ? "kept" : "worse",
        message: `${names.join(", ")}: ${verdict(measured.score, before)}`,
      });
      if (!better) return finish("no-improvement");
      best = { ...page, answers, measured };
    } catch (error) {
      const stop = cancelled(error, signal);
      const why = error instanceof Error ? error.message : String(error);
      report({
        round,
        sections: names,
        before,
        kept: false,
        outcome: stop ? "cancelled" : "failed",
        message: stop
          ? "the round was cancelled: kept the best page so far"
          : `the round failed (${why}): kept the earlier page`,
      });
      return finish(stop ? "cancelled" : "failed");
    }
  }
  return finish("done");
}
