/**
 * `figment code --ai --verify` on a page built section by section (issue 74): the assembled page measured in
 * Chromium, then rounds per section (ai/verify/sections.ts): each section whose area measures off is asked again in
 * its own conversation with what measured off there and its band's two pictures, each round's requests estimated
 * before they are sent; each repair is kept or dropped on its own (the page with it alone must measure better), the
 * kept ones joined on one page. The verdicts go to stderr; the caller writes the best page.
 */
import { assembleSections } from "../../ai/code/sections/assemble.js";
import { hintPartIds } from "../../ai/code/sections/offline.js";
import type { SectionAnswer } from "../../ai/code/sections/run.js";
import { pngDataUrl, type PromptInput } from "../../ai/code/prompt.js";
import type { ProviderConfig } from "../../ai/client/providers.js";
import { askModel } from "../../ai/verify/ask.js";
import type { RoundPictures } from "../../ai/verify/request.js";
import type { Measured } from "../../ai/verify/rounds.js";
import {
  verifySections,
  type SectionRepairVerdict,
  type SectionSend,
  type SectionRoundReport,
  type SectionVerifyResult,
} from "../../ai/verify/sections.js";
import { loadTokenizer } from "../../ai/estimate/estimate.js";
import { SectionConversations, sumEstimates } from "../../ai/verify/section-estimate.js";
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";
import type { DesignNode } from "../../codegen/design/types.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import type { Output } from "../common/design-files.js";
import type { Browser } from "playwright-core";
import { designViewport } from "../../codegen/fidelity/design-nodes.js";
import { inOneContext, launchChromium, withPage } from "../measure/browser.js";
import { scoreFrame, shownPageFor } from "../measure/score.js";
import type { SplitFrame } from "./ai-sections.js";
import { roundEstimateWords, type AnswerChecks } from "./verify.js";

/** What --json adds for a page verified section by section. */
export interface SectionsVerifyJson {
  first: number | null;
  final: number | null;
  rounds: (Omit<SectionRoundReport, "before" | "score" | "repairs"> & {
    before: number;
    score: number | null;
    /** Each section's repair: the page with it alone scores `score`; kept or dropped on its own. */
    repairs: (Omit<SectionRepairVerdict, "score"> & { score: number | null })[];
  })[];
  stopped: SectionVerifyResult["stopped"] | "unmeasured";
  error?: string;
}

export interface SectionsVerifyInput {
  split: SplitFrame;
  config: ProviderConfig;
  answers: readonly SectionAnswer[];
  page: { files: SourceFile[]; problems: Problem[] };
  frame: RestNode;
  design?: DesignNode;
  rounds: number;
  timeoutMs: number;
  checks: AnswerChecks;
  signal?: AbortSignal;
}

/**
 * Measures files as --verify does (the score at the design width, 390 and 768 px), each section's band pictured as
 * rendered at the design width (`bands`: by the measure it came with; Chromium clips it, nothing decoded here).
 */
function bandMeasurer(
  browser: Browser,
  v: Pick<SectionsVerifyInput, "frame" | "design" | "split">,
  bands: readonly { y: number; h: number }[],
): { measure: (files: SourceFile[]) => Promise<Measured>; bands: WeakMap<Measured, string[]> } {
  const show = shownPageFor(v.split.whole.target, v.design);
  const pictured = new WeakMap<Measured, string[]>();
  const viewport = designViewport(v.frame);
  const measure = async (files: SourceFile[]): Promise<Measured> => {
    const page = await show(files);
    return inOneContext(browser, async (context) => {
      const score = await scoreFrame(context, { frame: v.frame, files: page.files, entry: page.entry });
      const shots = await withPage(context, page.files, page.entry, viewport, async (p) => {
        const out: string[] = [];
        for (const band of bands) {
          const y = Math.max(0, Math.min(viewport.height - 1, Math.round(band.y)));
          const height = Math.max(1, Math.min(viewport.height - y, Math.round(band.h)));
          const clip = { x: 0, y, width: viewport.width, height };
          out.push(pngDataUrl(await p.screenshot({ type: "png", clip })));
        }
        return out;
      });
      const measured: Measured = { score };
      pictured.set(measured, shots);
      return measured;
    });
  };
  return { measure, bands: pictured };
}

/**
 * A round's requests in words with their estimate, as a single request's round is (verify.ts): "asking Hero again
 * with what measured off (about 6,100 input tokens (1,530 for the pictures) · about 2,000 output · about $0.0310)…";
 * several sections: their sum on the first line, then one line each.
 */
export function roundSendWords(
  sends: readonly SectionSend[],
  conversations: SectionConversations,
  model: string,
  inputs: readonly PromptInput[],
  components: readonly string[],
): string[] {
  const each = sends.map((s) => conversations.estimate(model, inputs[s.index]!, s.input));
  const names = sends.map((s) => components[s.index]!);
  const what = `asking ${names.join(", ")} again with what measured off`;
  if (sends.length === 1) return [`${what} (${roundEstimateWords(each[0]!, model)})…`];
  const total = `${roundEstimateWords(sumEstimates(each), model)} in all`;
  return [
    `${what}: ${sends.length} requests (${total})…`,
    ...each.map((e, k) => `${names[k]}: ${roundEstimateWords(e, model)}`),
  ];
}

/** Measures the assembled page, then runs the section rounds; never throws for a measurement or a round. */
export async function verifySectionsPage(
  v: SectionsVerifyInput,
  io: Output,
): Promise<{ files: SourceFile[]; problems: Problem[]; json: SectionsVerifyJson; cancelled: boolean }> {
  const { split } = v;
  const components = split.plan.sections.map((s) => s.component);
  const sections = split.plan.sections.map((s) => {
    const ids = hintPartIds(s.hint);
    ids.delete(split.frame.id);
    return { component: s.component, band: { y: s.band.y, h: s.band.h }, ids };
  });
  const browser = await launchChromium();
  try {
    const { measure, bands } = bandMeasurer(
      browser,
      v,
      sections.map((s) => s.band),
    );
    io.err("verify: rendering the assembled page in Chromium and measuring it…");
    let measured: Measured;
    try {
      measured = await measure(v.page.files);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      io.err(`verify: could not measure the page (${message}); it is written unverified`);
      const json: SectionsVerifyJson = { first: null, final: null, rounds: [], stopped: "unmeasured", error: message };
      return { files: v.page.files, problems: v.page.problems, json, cancelled: false };
    }
    io.err(`verify: the assembled page scores ${measured.score.iouMatched}`);
    await loadTokenizer();
    const conversations = new SectionConversations(v.answers);
    const libraryTypes = v.checks.libraryTypes ? { libraryTypes: v.checks.libraryTypes } : {};
    const result = await verifySections({
      sections,
      answers: v.answers.map((a) => ({
        component: a.component,
        files: a.result.files,
        conversation: a.result.conversation,
      })),
      files: v.page.files,
      problems: v.page.problems,
      measured,
      rounds: v.rounds,
      assemble: (answers) => assembleSections(answers, components, split.whole, split.frame, libraryTypes),
      measure: (files) => {
        io.err("verify: measuring the re-assembled page…");
        return measure(files);
      },
      ask: (index, round, signal) =>
        askModel(v.config, split.inputs[index]!, {
          timeoutMs: v.timeoutMs,
          ...v.checks,
          onAnswer: (result) => conversations.answered(round, result),
        })(round, signal),
      pictures: (index, page): RoundPictures => {
        const rendered = bands.get(page)?.[index];
        const design = split.inputs[index]!.imageDataUrl;
        return { ...(rendered ? { rendered } : {}), ...(design ? { design } : {}) };
      },
      ...(v.signal ? { signal: v.signal } : {}),
      onSend: (round, sends) => {
        const lines = roundSendWords(sends, conversations, v.config.model, split.inputs, components);
        io.err(`verify round ${round} of ${v.rounds}: ${lines[0]}`);
        for (const line of lines.slice(1)) io.err(`  ${line}`);
      },
      // Each repair's verdict, then the round's when there were several.
      onRound: (report) => {
        const verdicts = report.repairs.map((r) => r.message);
        const lines = verdicts.length === 1 ? verdicts : [...verdicts, report.message];
        for (const line of lines) io.err(`verify round ${report.round}: ${line}`);
      },
    });
    if (result.stopped === "nothing-off") io.err("verify: no section measures off: nothing to repair");
    const json: SectionsVerifyJson = {
      first: measured.score.iouMatched,
      final: result.measured.score.iouMatched,
      rounds: result.rounds.map(({ before, score, repairs, ...r }) => ({
        ...r,
        before: before.iouMatched,
        score: score?.iouMatched ?? null,
        repairs: repairs.map((repair) => ({ ...repair, score: repair.score?.iouMatched ?? null })),
      })),
      stopped: result.stopped,
    };
    return { files: result.files, problems: result.problems, json, cancelled: result.stopped === "cancelled" };
  } finally {
    await browser.close();
  }
}
