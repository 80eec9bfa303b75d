/**
 * --verify for a page built section by section (issue 74): the assembled page is measured; each section whose area
 * measures off (a layer of its own missing, hidden or far from its place, or a text of its own not seen at the design
 * width) gets a repair round, one request in that section's conversation with what measured off there and the two
 * pictures of its band.
 *
 * EACH REPAIR IS KEPT OR DROPPED ON ITS OWN: the page before the round with only that section's repair is assembled
 * and measured, and the repair kept only if that page MEASURES BETTER (ai/verify/rounds.ts's rule). The page, not the
 * section's own layers, is the judge: the sections stack in flow, so a repair that changes its band's height moves
 * every section below it, which its own measure would not see. The kept repairs then go on one page, best first, each
 * next added only if the page measures better with it. So one bad repair never throws a good one away.
 * At most `rounds` rounds; they stop when no section measures off, when no repair of a round is kept, on a failure or
 * a cancel (the best page so far is kept).
 *
 * Generic over callbacks (asking, assembling, measuring, picturing), as verifyRounds is: no browser here.
 */
import type { FidelityScore, LayerDiff } from "../../codegen/fidelity/types.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import { Cancelled, isCancelled } from "../../kernel/cancelled.js";
import type { Conversation } from "../code/generate.js";
import { verifyRequest, type RoundPictures } from "./request.js";
import {
  MAX_ROUNDS,
  measuresBetter,
  scorePair,
  verdict,
  type Measured,
  type RoundAnswer,
  type RoundInput,
} from "./rounds.js";

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

/** One section's repair, judged on its own: the page with this repair alone against the page before the round. */
export interface SectionRepairVerdict {
  component: string;
  /** The page with this repair alone, measured (none when the request failed or its answer held no files). */
  score?: FidelityScore;
  kept: boolean;
  /** "Hero: the model's fix measured better (0.95 vs 0.93): kept it", … */
  message: string;
}

export interface SectionRoundReport {
  round: number;
  /** The sections asked again this round. */
  sections: string[];
  /** Each one's repair and whether it was kept. */
  repairs: SectionRepairVerdict[];
  before: FidelityScore;
  /** The page kept after the round (with every repair kept), when one was measured. */
  score?: FidelityScore;
  /** Some repair was kept. */
  kept: boolean;
  outcome: "kept" | "worse" | "failed" | "cancelled";
  message: string;
}

/** A section's repair request, about to be sent. */
export interface SectionSend {
  index: number;
  input: RoundInput;
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
  /** Before a round's requests are sent, all of them (for their estimate), and after the round's verdicts. */
  onSend?(round: number, sends: readonly SectionSend[]): void;
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

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A page: its files, the sections' answers it was assembled from, and its measure. */
interface Page {
  files: SourceFile[];
  problems: Problem[];
  answers: SectionState[];
  measured: Measured;
}

/** One section's repair this round: its answer (none when the request failed), the page with it alone, the verdict. */
interface Repair {
  index: number;
  answer?: RoundAnswer;
  page?: Page;
  verdict: SectionRepairVerdict;
}

function withRepair(answers: readonly SectionState[], index: number, answer: RoundAnswer): SectionState[] {
  const out = [...answers];
  out[index] = { ...out[index]!, files: answer.files, conversation: answer.conversation };
  return out;
}

async function pageOf(options: SectionVerifyOptions, answers: SectionState[]): Promise<Page> {
  const page = await options.assemble(answers);
  return { ...page, answers, measured: await options.measure(page.files, options.signal) };
}

/**
 * Every section that measures off asked again at once, each in its own conversation. A failed request is that
 * section's verdict (the others go on); a cancel throws.
 */
async function askAll(
  options: SectionVerifyOptions,
  best: Page,
  round: number,
  off: readonly { index: number; measure: FidelityScore }[],
): Promise<Repair[]> {
  const sends: SectionSend[] = off.map(({ index, measure }) => ({
    index,
    input: {
      round,
      conversation: best.answers[index]!.conversation,
      ...verifyRequest(measure, options.pictures(index, best.measured)),
    },
  }));
  options.onSend?.(round, sends);
  const settled = await Promise.allSettled(sends.map((s) => options.ask(s.index, s.input, options.signal)));
  const stopped = settled.some((r) => r.status === "rejected" && cancelled(r.reason, options.signal));
  if (stopped || options.signal?.aborted) throw new Cancelled();
  return settled.map((result, k) => {
    const index = sends[k]!.index;
    const component = options.sections[index]!.component;
    const drop = (why: string): Repair => ({
      index,
      verdict: { component, kept: false, message: `${component}: ${why}` },
    });
    if (result.status === "rejected")
      return drop(`the request failed (${reason(result.reason)}): kept its earlier code`);
    if (result.value.files.length === 0) return drop("the model's fix held no usable files: kept its earlier code");
    return { index, answer: result.value, verdict: { component, kept: false, message: "" } };
  });
}

/** Each repair judged alone: the page before the round with only that section's repair, kept if it measures better. */
async function judgeAlone(options: SectionVerifyOptions, best: Page, repairs: Repair[]): Promise<void> {
  const before = best.measured.score;
  for (const repair of repairs) {
    if (!repair.answer) continue;
    const page = await pageOf(options, withRepair(best.answers, repair.index, repair.answer));
    const { component } = repair.verdict;
    const score = page.measured.score;
    const kept = measuresBetter(score, before);
    repair.page = page;
    repair.verdict = { component, score, kept, message: `${component}: ${verdict(score, before)}` };
  }
}

/**
 * The kept repairs on one page: the one that measured best alone, then each next (best first) added only when the
 * page with it measures better than without it; one that does not is dropped (it measured better alone only).
 */
async function combine(options: SectionVerifyOptions, kept: readonly Repair[]): Promise<Page> {
  const score = (r: Repair): FidelityScore => r.page!.measured.score;
  const order = [...kept].sort((a, b) =>
    measuresBetter(score(a), score(b)) ? -1 : measuresBetter(score(b), score(a)) ? 1 : 0,
  );
  let page = order[0]!.page!;
  const together = [order[0]!.verdict.component];
  for (const repair of order.slice(1)) {
    const trial = await pageOf(options, withRepair(page.answers, repair.index, repair.answer!));
    const { component } = repair.verdict;
    if (measuresBetter(trial.measured.score, page.measured.score)) {
      page = trial;
      together.push(component);
      continue;
    }
    const pair = scorePair(trial.measured.score.iouMatched, page.measured.score.iouMatched);
    repair.verdict = {
      ...repair.verdict,
      kept: false,
      message:
        `${component}: its fix measured better alone but not beside ${together.join(", ")}'s (${pair}): ` +
        "kept its earlier code",
    };
  }
  return page;
}

/** The round's verdict in words: which repairs were kept and dropped, and the page's score then. */
function roundMessage(repairs: readonly Repair[], page: Page | undefined, before: FidelityScore): string {
  const names = (kept: boolean): string =>
    repairs
      .filter((r) => r.verdict.kept === kept)
      .map((r) => r.verdict.component)
      .join(", ");
  if (!page) return `no section's fix measured better (${names(false)}): kept the earlier page`;
  const dropped = names(false);
  const pair = scorePair(page.measured.score.iouMatched, before.iouMatched);
  return `kept the fix of ${names(true)}${dropped ? `, dropped ${dropped}'s` : ""}: the page measures ${pair}`;
}

/** Runs the rounds; never throws for a round's failure or a cancel (the best page so far comes back). */
export async function verifySections(options: SectionVerifyOptions): Promise<SectionVerifyResult> {
  const { signal, sections } = options;
  const rounds = Math.max(1, Math.min(MAX_ROUNDS, Math.floor(options.rounds)));
  let best: Page = {
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
    let repairs: Repair[];
    let page: Page | undefined;
    try {
      repairs = await askAll(options, best, round, off);
      await judgeAlone(options, best, repairs);
      const kept = repairs.filter((r) => r.verdict.kept);
      page = kept.length > 0 ? await combine(options, kept) : undefined;
    } catch (error) {
      const stop = cancelled(error, signal);
      report({
        round,
        sections: names,
        repairs: [],
        before,
        kept: false,
        outcome: stop ? "cancelled" : "failed",
        message: stop
          ? "the round was cancelled: kept the best page so far"
          : `the round failed (${reason(error)}): kept the earlier page`,
      });
      return finish(stop ? "cancelled" : "failed");
    }
    // Measured is measured: a cancel that comes now still gets the verdict, and stops the rounds after it.
    const failed = repairs.every((r) => !r.answer);
    report({
      round,
      sections: names,
      repairs: repairs.map((r) => r.verdict),
      before,
      ...(page ? { score: page.measured.score } : {}),
      kept: page !== undefined,
      outcome: page ? "kept" : failed ? "failed" : "worse",
      message: roundMessage(repairs, page, before),
    });
    if (!page) return finish(failed ? "failed" : "no-improvement");
    best = page;
    if (signal?.aborted) return finish("cancelled");
  }
  return finish("done");
}
