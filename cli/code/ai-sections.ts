/**
 * `figment code --ai` on a frame too large for one request (issue 74): planned by ai/code/sections/plan.ts over the
 * hint's laid document, estimated per request (--dry-run lists the sections, each request's tokens and the total),
 * sent a few at a time (--section-concurrency, default 3), assembled into one page and written as one answer is.
 * A cancel writes nothing and says which sections had been answered.
 */
import { readFile } from "node:fs/promises";
import { loadTokenizer, countTextTokens, type Estimate } from "../../ai/estimate/estimate.js";
import { sectionEstimates } from "../../ai/estimate/sections.js";
import { imageLimits } from "../../ai/code/sections/limits.js";
import { planSections, type SectionPlan } from "../../ai/code/sections/plan.js";
import { sectionInputs } from "../../ai/code/sections/inputs.js";
import { DEFAULT_SECTION_CONCURRENCY, generateSections, type SectionAnswer } from "../../ai/code/sections/run.js";
import { assembleSections } from "../../ai/code/sections/assemble.js";
import { isBlocking, type ComponentChecks, type ModelCodeOptions } from "../../ai/code/pipeline.js";
import type { PromptInput } from "../../ai/code/prompt.js";
import type { ProviderConfig } from "../../ai/client/providers.js";
import { laidDocument } from "../../codegen/hint/model.js";
import { printHint } from "../../codegen/hint/print.js";
import { pageDrawings } from "../../codegen/design/drawings.js";
import type { DesignDocument } from "../../codegen/index.js";
import type { LayoutDecisions } from "../../codegen/layout/index.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import { Cancelled, isCancelled } from "../../kernel/cancelled.js";
import { plural } from "../../kernel/plural.js";
import type { CliArgs } from "../common/args.js";
import { codeOptions, type Output } from "../common/design-files.js";
import { dryRunHead } from "./dry-run-head.js";
import { clarifyDryRunJson, clarifyDryRunLine } from "./clarify.js";

/** What a section's verify round costs cannot be known before the page is measured; what it is made of can. */
const SECTIONS_VERIFY_DRY_RUN =
  "each asks again only the sections that measure off, each in its own conversation, and is estimated when it is " +
  "sent; a request resends its section's conversation (its request again and its answers), the measured " +
  "differences of its band and two pictures";

/** A frame planned into sections, with the request of each. */
export interface SplitFrame {
  plan: SectionPlan;
  inputs: PromptInput[];
  frame: { id: string; name: string; w: number; h: number };
  /** The input of one request (what --sections off sends), for the comparison in --dry-run. */
  whole: PromptInput;
}

/**
 * The plan for `document` when it is one frame (one drawing) the planner splits; undefined for one request. Sections
 * are written for every target (sections/targets.ts).
 */
export async function splitFrame(
  document: DesignDocument,
  args: CliArgs,
  image: { path: string; width: number; height: number } | undefined,
  input: PromptInput,
  decisions: LayoutDecisions | undefined,
): Promise<SplitFrame | undefined> {
  if (args.sections === "off" || document.frames.length !== 1) return undefined;
  const frame = document.frames[0]!;
  if (pageDrawings(document, frame).length > 1) return undefined;
  await loadTokenizer();
  const laid = laidDocument(document, codeOptions(args).layout, decisions);
  const laidFrame = laid.frames[0]!;
  const plan = planSections(laid, laidFrame, printHint(laid), {
    mode: args.sections,
    limits: imageLimits(input.detail ?? "high"),
    ...(image ? { image: { width: image.width, height: image.height } } : {}),
    countTokens: countTextTokens,
  });
  if (!plan.split) return undefined;
  const png = image ? new Uint8Array(await readFile(image.path)) : undefined;
  const facts = { id: frame.id, name: frame.name, w: laidFrame.w, h: laidFrame.h };
  return { plan, inputs: await sectionInputs(input, plan, facts, png), frame: facts, whole: input };
}

/** The estimate of each section's request (tokens of its texts and tiles), in drawn order. */
export function splitEstimates(split: SplitFrame, model: string, concurrency: number): Estimate[] {
  return sectionEstimates(split.inputs, split.plan, { model, concurrency });
}

/** --dry-run for a split frame: the limits, the plan's reason, each request and the total. */
export function sectionsDryRun(
  split: SplitFrame,
  args: CliArgs,
  config: ProviderConfig,
  endpoint: string,
  io: Output,
  clarify?: Estimate,
): number {
  const concurrency = args.sectionConcurrency ?? DEFAULT_SECTION_CONCURRENCY;
  const estimates = splitEstimates(split, config.model, concurrency);
  // --clarify: its request, sent first, is in the total.
  const total = estimates.reduce((sum, e) => sum + e.inputTokens, 0) + (clarify?.inputTokens ?? 0);
  const costs = [...estimates, ...(clarify ? [clarify] : [])].map((e) => e.costUsd);
  const cost = costs.every((c) => c !== undefined) ? costs.reduce((a, b) => a! + b!, 0) : undefined;
  const { plan } = split;
  const sections = plan.sections.map((s, k) => ({
    index: s.index,
    component: s.component,
    layers: s.title,
    band: { y: Math.round(s.band.y), h: Math.round(s.band.h) },
    images: s.tiles.map((t) => ({ width: t.w, height: t.h })),
    textTokens: estimates[k]!.textTokens,
    imageTokens: estimates[k]!.imageTokens,
    inputTokens: estimates[k]!.inputTokens,
  }));
  const limits = {
    longSide: plan.limits.longSide,
    shortSide: plan.limits.shortSide,
    detail: split.whole.detail ?? "high",
    source: plan.limits.source,
  };
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          ...dryRunHead(args, config),
          sections: { why: plan.why, concurrency, limits, hintTokens: plan.hintTokens, list: sections },
          ...(clarify ? { clarify: clarifyDryRunJson(clarify) } : {}),
          ...(args.verify ? { verify: { rounds: args.rounds ?? 1, note: SECTIONS_VERIFY_DRY_RUN } } : {}),
          inputTokens: total,
          costUsd: cost ?? null,
          note: "An estimate: providers count a little differently and prices change; the output is not included.",
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const n = (value: number): string => value.toLocaleString("en-US");
  io.out("Estimate only (--dry-run): nothing was sent.");
  io.out(`  endpoint      ${endpoint}`);
  io.out(`  model         ${config.model} (${args.provider})`);
  io.out(
    `  image limits  ${limits.longSide} px long side, ${limits.shortSide} px short side at detail ${limits.detail} ` +
      `(${limits.source})`,
  );
  io.out(`  sections      ${plan.why}: ${plural(sections.length, "request")}, ${concurrency} at a time`);
  for (const s of sections)
    io.out(
      `    ${s.index + 1}. ${s.component} (y ${s.band.y}–${s.band.y + s.band.h}; ${s.layers}): ` +
        `${s.images.map((i) => `${i.width}×${i.height}`).join(", ") || "no image"}; about ${n(s.inputTokens)} ` +
        `tokens (${n(s.textTokens)} text, ${n(s.imageTokens)} image)`,
    );
  if (clarify) io.out(clarifyDryRunLine(clarify));
  io.out(`  input tokens  about ${n(total)} in all`);
  const costLine =
    cost !== undefined
      ? `about $${cost.toFixed(4)} for the input (the output is extra)`
      : `no price known for model ${config.model}`;
  io.out(`  cost          ${costLine}`);
  if (args.verify) io.out(`  verify        up to ${plural(args.rounds ?? 1, "round")}: ${SECTIONS_VERIFY_DRY_RUN}`);
  io.out("Providers count a little differently and prices change: treat these as estimates.");
  return 0;
}

/**
 * The assembled page's checks: a section's (the team's library types, Angular's compiler, React Native's types), so
 * the page and the sections are compiled together once more.
 */
function pageChecks(options: ModelCodeOptions): ComponentChecks {
  return {
    ...(options.libraryTypes ? { libraryTypes: options.libraryTypes } : {}),
    ...(options.targetCheck ? { targetCheck: options.targetCheck } : {}),
    ...(options.reactNativeTypes ? { reactNative: { types: options.reactNativeTypes } } : {}),
  };
}

/** The sections' answers, assembled; throws Cancelled (nothing written) or the first section's failure. */
export async function runSections(
  split: SplitFrame,
  config: ProviderConfig,
  args: CliArgs,
  options: ModelCodeOptions,
  io: Output,
): Promise<{ files: SourceFile[]; problems: Problem[]; answers: SectionAnswer[] }> {
  const count = split.inputs.length;
  const answered: SectionAnswer[] = [];
  const label = (k: number): string => `[${k + 1}/${count} ${split.plan.sections[k]!.component}]`;
  io.err(`figment: ${split.plan.why}; sending ${plural(count, "section request")}…`);
  try {
    const { onProgress: _whole, ...model } = options;
    await generateSections(config, split.inputs, {
      ...model,
      concurrency: args.sectionConcurrency ?? DEFAULT_SECTION_CONCURRENCY,
      onStart: (k) => io.err(`${label(k)} sent`),
      onSectionProgress: (k, event) => {
        if (event.type === "file") io.err(`${label(k)} ${event.path || "(a file without a path)"} ✓`);
      },
      onAnswered: (answer) => {
        answered.push(answer);
        const blocking = answer.result.problems.filter(isBlocking).length;
        io.err(`${label(answer.index)} answered (${plural(answer.result.files.length, "file")}, ${blocking} blocking)`);
      },
    });
  } catch (error) {
    const kept = answered.map((a) => a.component).join(", ") || "none";
    if (isCancelled(error)) throw new Cancelled(`cancelled; nothing was written (sections answered by then: ${kept})`);
    io.err(`figment: a section failed; nothing was written (sections answered by then: ${kept})`);
    throw error;
  }
  answered.sort((a, b) => a.index - b.index);
  const components = split.plan.sections.map((s) => s.component);
  const page = await assembleSections(
    answered.map((a) => ({ component: a.component, files: a.result.files })),
    components,
    split.whole,
    split.frame,
    pageChecks(options),
  );
  return { ...page, answers: answered };
}
