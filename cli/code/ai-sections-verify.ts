/**
 * `figment code --ai --verify` on a page built section by section (issue 74): the assembled page measured in
 * Chromium, then rounds per section (ai/verify/sections.ts): each section whose area measures off is asked again in
 * its own conversation with what measured off there and its band's two pictures, the page re-assembled and re-measured,
 * kept only if it measures better. The verdicts go to stderr; the caller writes the best page.
 */
import { assembleSections } from "../../ai/code/sections/assemble.js";
import { hintPartIds } from "../../ai/code/sections/offline.js";
import type { SectionAnswer } from "../../ai/code/sections/run.js";
import { pngDataUrl } from "../../ai/code/prompt.js";
import type { ProviderConfig } from "../../ai/client/providers.js";
import { askModel } from "../../ai/verify/ask.js";
import type { RoundPictures } from "../../ai/verify/request.js";
import type { Measured } from "../../ai/verify/rounds.js";
import { verifySections, type SectionRoundReport, type SectionVerifyResult } from "../../ai/verify/sections.js";
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";
import type { DesignNode } from "../../codegen/design/types.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import type { Output } from "../common/design-files.js";
import type { Browser } from "playwright-core";
import { designViewport } from "../../codegen/fidelity/design-nodes.js";
import { inOneContext, launchChromium, withPage } from "../measure/browser.js";
import { scoreFrame, shownPageFor } from "../measure/score.js";
import type { SplitFrame } from "./ai-sections.js";
import type { AnswerChecks } from "./verify.js";

/** What --json adds for a page verified section by section. */
export interface SectionsVerifyJson {
  first: number | null;
  final: number | null;
  rounds: (Omit<SectionRoundReport, "before" | "score"> & { before: number; score: number | null })[];
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
  v: Pick<SectionsVerifyInput, "frame" | "design">,
  bands: readonly { y: number; h: number }[],
): { measure: (files: SourceFile[]) => Promise<Measured>; bands: WeakMap<Measured, string[]> } {
  const show = shownPageFor("react", v.design);
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
        askModel(v.config, split.inputs[index]!, { timeoutMs: v.timeoutMs, ...v.checks })(round, signal),
      pictures: (index, page): RoundPictures => {
        const rendered = bands.get(page)?.[index];
        const design = split.inputs[index]!.imageDataUrl;
        return { ...(rendered ? { rendered } : {}), ...(design ? { design } : {}) };
      },
      ...(v.signal ? { signal: v.signal } : {}),
      onSend: (index, round) =>
        io.err(`verify round ${round.round} of ${v.rounds}: asking ${components[index]} again with what measured off`),
      onRound: (report) => io.err(`verify round ${report.round}: ${report.message}`),
    });
    if (result.stopped === "nothing-off") io.err("verify: no section measures off: nothing to repair");
    const json: SectionsVerifyJson = {
      first: measured.score.iouMatched,
      final: result.measured.score.iouMatched,
      rounds: result.rounds.map(({ before, score, ...r }) => ({
        ...r,
        before: before.iouMatched,
        score: score?.iouMatched ?? null,
      })),
      stopped: result.stopped,
    };
    return { files: result.files, problems: result.problems, json, cancelled: result.stopped === "cancelled" };
  } finally {
    await browser.close();
  }
}
