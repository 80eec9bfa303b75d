/**
 * `ai-prepare` for a frame too large for one request (issue 74): the CLI's planner and limits (ai/code/sections/),
 * each section's request cut from the frame's PNG and hint, and the estimate of each as it will be sent. Sections are
 * written for every target (sections/targets.ts), as in the CLI; a page drawn at several widths goes whole.
 */
import { countTextTokens } from "../../../ai/estimate/estimate.js";
import type { Estimate } from "../../../ai/estimate/estimate.js";
import type { SourcedPrice } from "../../../ai/client/prices.js";
import type { PromptInput } from "../../../ai/code/prompt.js";
import { imageLimits } from "../../../ai/code/sections/limits.js";
import { planSections } from "../../../ai/code/sections/plan.js";
import { sectionInputs } from "../../../ai/code/sections/inputs.js";
import { DEFAULT_SECTION_CONCURRENCY } from "../../../ai/code/sections/run.js";
import { splitsFor } from "../../../ai/code/sections/targets.js";
import { sectionEstimates, totalEstimate } from "../../../ai/estimate/sections.js";
import { laidDocument } from "../../../codegen/hint/model.js";
import { printHint } from "../../../codegen/hint/print.js";
import type { DesignDocument } from "../../../codegen/design/types.js";
import type { LayoutDecisions } from "../../../codegen/layout/index.js";
import type { PreparedSections } from "../protocol/model.js";

export interface SectionsAsk {
  document: DesignDocument;
  input: PromptInput;
  png: Uint8Array | undefined;
  image: { width: number; height: number } | undefined;
  decisions: LayoutDecisions | undefined;
  model: string;
  prices?: Readonly<Record<string, SourcedPrice>>;
  /** The answers' tokens (the offline output's size stands in). */
  outputTokens: number;
}

/** The frame's sections and their estimate, or undefined when it goes in one request. Needs the tokenizer loaded. */
export async function prepareSections(
  ask: SectionsAsk,
): Promise<{ sections: PreparedSections; estimate: Estimate } | undefined> {
  const { document, input } = ask;
  if (!splitsFor(input.target) || input.drawings || document.frames.length !== 1) return undefined;
  const laid = laidDocument(document, "responsive", ask.decisions);
  const frame = laid.frames[0]!;
  const plan = planSections(laid, frame, printHint(laid), {
    mode: "auto",
    limits: imageLimits(input.detail ?? "high"),
    ...(ask.image ? { image: ask.image } : {}),
    countTokens: countTextTokens,
  });
  if (!plan.split) return undefined;
  const facts = { name: document.frames[0]!.name, w: frame.w, h: frame.h };
  const inputs = await sectionInputs(input, plan, facts, ask.image ? ask.png : undefined);
  const concurrency = DEFAULT_SECTION_CONCURRENCY;
  const estimates = sectionEstimates(inputs, plan, {
    model: ask.model,
    concurrency,
    ...(ask.prices ? { prices: ask.prices } : {}),
  });
  const list = plan.sections.map((s, k) => ({
    component: s.component,
    title: s.title,
    y: Math.round(s.band.y),
    h: Math.round(s.band.h),
    images: s.tiles.length,
    inputTokens: estimates[k]!.inputTokens,
    imageTokens: estimates[k]!.imageTokens,
  }));
  return {
    sections: { why: plan.why, concurrency, list, inputs, frame: facts },
    estimate: totalEstimate(estimates, ask.outputTokens),
  };
}
