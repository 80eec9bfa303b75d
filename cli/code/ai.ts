/**
 * `figment code --ai`: code from a vision model. The prompt is built from the design (the compact hint, the
 * frame's PNG with --image, the offline output as a draft with --draft, the user's --instructions), sent to
 * the configured endpoint with the key from the environment, streamed with progress on stderr, then put
 * through the same project pass, formatter, report and --out writing as the offline `figment code`. With --verify
 * the answer is measured and corrected in rounds that keep only what measures better (cli/code/verify.ts).
 *
 * Exit codes: 0 done; 2 bad input or configuration (missing or refused key, unknown model, rejected request);
 * 1 the model failed otherwise (server, timeout, unreadable reply, no files); 130 cancelled (Ctrl-C). Failures
 * are presented by cli/common/model-errors.ts; keys come from the environment (cli/common/api-keys.ts).
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { ModelError } from "../../ai/errors/classify.js";
import { Cancelled, isCancelled } from "../../kernel/cancelled.js";
import { estimatePrompt, loadTokenizer, pngSize, type Estimate } from "../../ai/estimate/estimate.js";
import { generateModelCode, isBlocking, type ModelCodeResult } from "../../ai/code/pipeline.js";
import type { ProgressEvent } from "../../ai/code/progress.js";
import { pngDataUrl, type DrawingInput, type PromptInput } from "../../ai/code/prompt.js";
import { pageDrawings } from "../../codegen/design/drawings.js";
import { providerConfig, type ProviderConfig } from "../../ai/client/providers.js";
import { fontPlan } from "../../codegen/fonts/plan.js";
import { modelAssetFiles } from "../../codegen/emit/assets.js";
import { generateCode, modelHint, type DesignDocument } from "../../codegen/index.js";
import { layerNamesById } from "../../codegen/design/layer-label.js";
import type { LoadedDesign } from "../../codegen/load.js";
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";
import type { FileSet, Problem, SourceFile } from "../../codegen/types.js";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import { dryRunHead, endpointUrl } from "./dry-run-head.js";
import { DEFAULT_SETTINGS, type Settings } from "../../contract/settings.js";
import { keyFor } from "../common/api-keys.js";
import type { CliArgs } from "../common/args.js";
import {
  codeOptions,
  emitAndWrite,
  reportProblems,
  runName,
  type Output,
  type RunContext,
} from "../common/design-files.js";
import { loadForCode } from "./figma-extras.js";
import { readHintDesign } from "../common/hint-assets.js";
import { componentOptions, readComponentsInput, type ComponentsInput } from "./components-map.js";
import { componentsForModel } from "../../codegen/components-map/preview.js";
import { usedMappings } from "../../codegen/components-map/resolve.js";
import { reportModelError } from "../common/model-errors.js";
import type { AnswerChecks, VerifyJson } from "./verify.js";
import { plural } from "../../kernel/plural.js";
import { FigmentError } from "../../kernel/errors.js";
import type { LayoutDecisions } from "../../codegen/layout/index.js";
import { checkedOptions, LayoutBrowser } from "../measure/layout-check.js";
import { runSections, sectionsDryRun, splitFrame, type SplitFrame } from "./ai-sections.js";
import type { DesignNode } from "../../codegen/design/types.js";
import type { Decision } from "../../ai/code/decisions.js";
import {
  clarifyDryRunJson,
  clarifyDryRunLine,
  clarifyEstimate,
  clarifyFirst,
  readAnswersText,
  type ClarifyJson,
} from "./clarify.js";

/** Seconds one model request may take when --timeout is not given. */
export const DEFAULT_TIMEOUT_SEC = 180;

export const STRUCTURE_ONLY =
  "figment: no --image: sending the structure only; the model will " +
  "not see the frame (add --image frame.png for a closer match)";

/** What a verify round costs cannot be known before the answer is measured; what it is made of can. */
const VERIFY_DRY_RUN =
  "each is estimated when it is sent; it resends the conversation (this " +
  "input again and the answer), the measured differences and two pictures";

const API_NAME = { responses: "Responses API", chat: "chat completions" } as const;

interface Source {
  document: DesignDocument;
  problems: Problem[];
  /** The frames' REST JSON (none from a hint): what --verify measures against. */
  roots: RestNode[];
  /** Layer names by id, for the problems (LoadedDesign.layerNames). */
  layerNames: ReadonlyMap<string, string>;
  /** The design as loaded (none from a hint): the folder's record keeps its facts (cli/common/project-record.ts). */
  loaded?: LoadedDesign;
}

/** The design to send: <design.json> (with --images, --file-key…) or --from-hint. */
export async function readSource(args: CliArgs, io: Output, context: RunContext): Promise<Source> {
  if (args.fromHint !== undefined) {
    if (args.input) throw new FigmentError("input", "give either <design.json> or --from-hint <hint.txt>, not both");
    const { document, problems } = await readHintDesign(args.fromHint, args.assets);
    return { document, problems, roots: [], layerNames: layerNamesById(document) };
  }
  const design = await loadForCode(args, io, context);
  return {
    document: design.document,
    problems: design.problems,
    roots: design.roots,
    layerNames: design.layerNames,
    loaded: design,
  };
}

export interface Png {
  path: string;
  dataUrl: string;
  width: number;
  height: number;
}

export async function readPng(path: string): Promise<Png> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FigmentError(
      "input",
      code === "ENOENT" ? `no such file: ${path}` : `cannot read ${path}: ${(error as Error).message}`,
    );
  }
  const size = pngSize(bytes);
  if (!size) throw new FigmentError("input", `--image ${path} is not a PNG (export the frame as PNG)`);
  if (!(size.width > 0 && size.height > 0))
    throw new FigmentError("input", `--image ${path} has no pixels (${size.width}×${size.height})`);
  return { path, dataUrl: pngDataUrl(bytes), ...size };
}

/**
 * The pictures to send with `document`: one page drawn at several widths gets one per drawing (its drawings in
 * `drawings`, widest first, each with the --image whose pixel width ranks as the drawing's width does); anything else
 * the one --image. A page given one --image sends it as the page's frame's, as for one frame.
 */
export function picturesFor(
  document: DesignDocument,
  images: readonly Png[],
): { image?: Png; drawings?: DrawingInput[] } {
  const page = document.frames.length === 1 ? document.frames[0] : undefined;
  const drawn = page ? pageDrawings(document, page) : [];
  if (drawn.length < 2) {
    if (images.length > 1)
      throw new FigmentError(
        "input",
        `--image was given ${images.length} times: one PNG per drawing of a page drawn at several widths ` +
          "(--node DESKTOP --node PHONE --breakpoints); the design sent has one drawing",
      );
    return images[0] ? { image: images[0] } : {};
  }
  if (images.length > 1 && images.length !== drawn.length)
    throw new FigmentError(
      "input",
      `the page “${page!.name}” is drawn at ${drawn.map((d) => Math.round(d.w)).join(", ")} px: give one --image ` +
        `per drawing (${drawn.length}), or one for the widest; got ${images.length}`,
    );
  const byWidth = [...images].sort((a, b) => b.width - a.width);
  const drawings = drawn.map((d, k): DrawingInput => {
    const png = images.length > 1 ? byWidth[k] : k === 0 ? images[0] : undefined;
    return { name: d.name, width: Math.round(d.w), ...(png ? { imageDataUrl: png.dataUrl } : {}) };
  });
  return { ...(byWidth[0] ? { image: byWidth[0] } : {}), drawings };
}

/** The plugin's settings with the flags applied (the same defaults as the panel). */
export function settingsFrom(args: CliArgs): Settings {
  return {
    ...DEFAULT_SETTINGS,
    provider: args.provider,
    baseUrl: args.baseUrl ?? "",
    model: args.model ?? DEFAULT_SETTINGS.model,
    target: args.target,
    styling: args.styling,
    nodeIds: args.nodeIds,
  };
}

async function dryRun(
  args: CliArgs,
  config: ProviderConfig,
  input: PromptInput,
  image: Png | undefined,
  io: Output,
): Promise<number> {
  await loadTokenizer();
  const estimate: Estimate = estimatePrompt(input, image, { model: config.model });
  // --clarify: the questions' request is sent first, and counted.
  const clarify = args.clarify ? clarifyEstimate(input, image, config.model) : undefined;
  const endpoint = endpointUrl(config);
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          ...dryRunHead(args, config),
          textTokens: estimate.textTokens,
          imageTokens: estimate.imageTokens,
          inputTokens: estimate.inputTokens,
          costUsd: estimate.costUsd ?? null,
          batchCostUsd: estimate.batchCostUsd ?? null,
          price: estimate.price
            ? {
                inputUsdPer1M: estimate.price.input,
                outputUsdPer1M: estimate.price.output,
                source: estimate.price.source,
                asOf: estimate.price.asOf,
              }
            : null,
          image: image
            ? { path: image.path, width: image.width, height: image.height, detail: input.detail ?? "high" }
            : null,
          ...(args.verify ? { verify: { rounds: args.rounds ?? 1, note: VERIFY_DRY_RUN } } : {}),
          ...(clarify
            ? { clarify: clarifyDryRunJson(clarify), totalInputTokens: estimate.inputTokens + clarify.inputTokens }
            : {}),
          note:
            "An estimate: providers count a little differently and " +
            "prices change; the output tokens are not included.",
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const n = (value: number): string => value.toLocaleString("en-US");
  const price = estimate.price;
  const inputCost = estimate.costUsd !== undefined ? estimate.costUsd + (clarify?.costUsd ?? 0) : undefined;
  const cost =
    inputCost !== undefined && price
      ? `about $${inputCost.toFixed(4)} for the input${clarify ? " (both requests)" : ""} ($${price.input} ` +
        `per 1M input tokens; the output is extra, $${price.output} per 1M)`
      : `no price known for model ${config.model}`;
  io.out("Estimate only (--dry-run): nothing was sent.");
  io.out(`  endpoint      ${endpoint}`);
  io.out(`  model         ${config.model} (${args.provider}, ${API_NAME[config.kind]})`);
  io.out(`  text tokens   about ${n(estimate.textTokens)}`);
  const imageNote = image
    ? ` (${basename(image.path)} ${image.width}×${image.height}, detail ${input.detail ?? "high"})`
    : " (no --image: structure only)";
  io.out(`  image tokens  about ${n(estimate.imageTokens)}${imageNote}`);
  io.out(`  input tokens  about ${n(estimate.inputTokens)}`);
  if (clarify) {
    io.out(clarifyDryRunLine(clarify));
    io.out(`  in all        about ${n(estimate.inputTokens + clarify.inputTokens)} input tokens`);
  }
  io.out(`  cost          ${cost}`);
  // --clarify cannot go on the Batch API (its questions come before the code request).
  if (estimate.batchCostUsd !== undefined && !clarify)
    io.out(
      `  batch API     about $${estimate.batchCostUsd.toFixed(4)} ` +
        `for the input (50% off, answers within 24 h: --batch-api)`,
    );
  if (price) io.out(`  price from    ${price.source} (as of ${price.asOf})`);
  if (args.verify) io.out(`  verify        up to ${plural(args.rounds ?? 1, "round")}: ${VERIFY_DRY_RUN}`);
  io.out("Providers count a little differently and prices change: treat these as estimates.");
  return 0;
}

/** Progress on stderr: each file as it starts and completes, the notes once they are complete, the stages. */
function progressPrinter(io: Output): {
  onProgress: (event: ProgressEvent) => void;
  onStage: (stage: "checking" | "repairing") => void;
  shownNotes: () => string | undefined;
} {
  let shownNotes: string | undefined;
  return {
    onProgress(event) {
      if (event.type === "file-start") io.err(`  ${event.path || "(a file without a path)"} …`);
      else if (event.type === "file") io.err(`  ${event.path || "(a file without a path)"} ✓`);
      else if (event.done && event.text.trim() && event.text !== shownNotes) {
        shownNotes = event.text;
        io.err(`notes: ${indentNotes(event.text)}`);
      }
    },
    onStage(stage) {
      io.err(stage === "checking" ? "checking…" : "repairing…");
    },
    shownNotes: () => shownNotes,
  };
}

function indentNotes(text: string): string {
  return text.trim().replace(/\n/g, "\n  ");
}

function repairSummary(result: ModelCodeResult): string | undefined {
  if (result.repair === "none") return undefined;
  const blocking = result.attempts.map((a) => a.problems.filter(isBlocking).length);
  const counts = blocking.map((count, i) => `attempt ${i + 1}: ${plural(count, "blocking problem")}`).join(", ");
  const how = {
    kept: "the repair helped",
    discarded: "the repair did not help",
    failed: "the repair request failed",
    cancelled: "the repair was cancelled",
  }[result.repair];
  return `repair round: ${how}; kept attempt ${result.kept + 1} of ${result.attempts.length} (${counts})`;
}

/** The layout check's decisions for the document's frames (a browser launched for it and closed). */
export async function checkedDecisions(
  document: DesignDocument,
  args: CliArgs,
  io: Pick<Output, "err">,
): Promise<LayoutDecisions | undefined> {
  const browser = new LayoutBrowser();
  try {
    return (await checkedOptions(document, codeOptions(args), browser, io)).options.layoutDecisions;
  } finally {
    await browser.close();
  }
}

/**
 * What the model is sent for `document` (one request): the hint, assets, image, draft and instructions, and
 * the team's components the instances map to (as data, like the hint).
 */
export async function promptInputFor(
  document: DesignDocument,
  args: CliArgs,
  images: readonly Png[],
  components: ComponentsInput = { problems: [] },
  layoutDecisions?: LayoutDecisions,
): Promise<PromptInput> {
  const target = args.target;
  // The hint and the draft describe the layout the offline code has: checked at the design width (checkedOptions).
  const options = { ...codeOptions(args), ...(layoutDecisions ? { layoutDecisions } : {}) };
  const drafts = args.draft
    ? (await generateCode(document, { ...options, ...componentOptions(components) })).files
    : undefined;
  const mapped = components.map ? componentsForModel(document, components.map) : "";
  const used = components.map && args.target === "react" ? usedMappings(document, components.map) : undefined;
  const { image, drawings } = picturesFor(document, images);
  return {
    target,
    styling: args.styling,
    hint: modelHint(document, options.layout, layoutDecisions),
    assets: modelAssetFiles(document, target),
    fonts: fontPlan(document.frames),
    nodeIds: args.nodeIds,
    ...(image ? { imageDataUrl: image.dataUrl, detail: "high" as const } : {}),
    ...(drawings ? { drawings } : {}),
    ...(drafts && drafts.length > 0 ? { drafts } : {}),
    ...(args.instructions?.trim() ? { instructions: args.instructions.trim() } : {}),
    ...(mapped ? { components: mapped } : {}),
    // Not sent: the answer's use of the mapped components is checked against them (without --types too).
    ...(used && used.components.length > 0 ? { componentMap: used } : {}),
  };
}

/** A model's Angular files checked by ngtsc, strict, as the score compiles them (cli/measure/angular-compile.ts). */
async function angularCheck(files: readonly SourceFile[]): Promise<Problem[]> {
  const { compileAngular } = await import("../measure/angular-compile.js");
  return (await compileAngular(files)).problems.filter((p) => p.severity === "error");
}

/**
 * The declarations a model's React Native files are type-checked against (react-native's, react-native-svg's,
 * React's): the build's dist/react-native-types.json, the set the panel's check part carries.
 */
async function reactNativeTypes(): Promise<SourceFile[]> {
  const { bundledText } = await import("../measure/result-page.js");
  return JSON.parse(await bundledText("react-native-types.json", "React Native's type declarations")) as SourceFile[];
}

/** The input with --clarify's decisions (none: as it was). */
function withDecisions(input: PromptInput, decisions: readonly Decision[] | undefined): PromptInput {
  return decisions && decisions.length > 0 ? { ...input, decisions } : input;
}

/** Each section's request (and the whole's) with --clarify's decisions. */
function withSectionDecisions(split: SplitFrame, decisions: readonly Decision[] | undefined): SplitFrame {
  if (!decisions || decisions.length === 0) return split;
  return {
    ...split,
    inputs: split.inputs.map((i) => withDecisions(i, decisions)),
    whole: withDecisions(split.whole, decisions),
  };
}

/** A split frame's sections sent, assembled, scored with --score and written as one answer is. */
async function writeSections(
  split: SplitFrame,
  config: ProviderConfig,
  args: CliArgs,
  io: Output,
  context: RunContext,
  source: Source,
  options: AnswerChecks & {
    timeoutMs: number;
    measured: { frame: RestNode; design?: DesignNode } | undefined;
    clarify?: ClarifyJson;
  },
): Promise<number> {
  const { measured, timeoutMs, clarify, ...checks } = options;
  let page: Awaited<ReturnType<typeof runSections>>;
  try {
    page = await runSections(
      split,
      config,
      args,
      { ...checks, timeoutMs, ...(context.signal ? { signal: context.signal } : {}) },
      io,
    );
  } catch (error) {
    if (error instanceof ModelError) return reportModelError(error, args.provider, io);
    throw error;
  }
  if (context.signal?.aborted) throw new Cancelled("cancelled; nothing was written");
  // --verify: rounds per section where the assembled page measures off (cli/code/ai-sections-verify.ts).
  const verified =
    args.verify && measured
      ? await (await import("./ai-sections-verify.js")).verifySectionsPage(
          {
            split,
            config,
            answers: page.answers,
            page,
            ...measured,
            rounds: args.rounds ?? 1,
            timeoutMs,
            checks,
            ...(context.signal ? { signal: context.signal } : {}),
          },
          io,
        )
      : undefined;
  const final = verified ?? page;
  const scored = args.score && measured ? await import("./score.js") : undefined;
  const scores =
    scored && measured
      ? [await scored.scoreFiles(measured.frame, final.files, args.target, measured.design)]
      : undefined;
  const more = {
    notes: page.answers.map((a) => `${a.component}: ${a.result.notes.trim()}`).join("\n"),
    sections: page.answers.map((a) => ({
      component: a.component,
      files: a.result.files.length,
      repair: a.result.repair,
      blocking: a.result.problems.filter(isBlocking).length,
    })),
    model: { provider: args.provider, api: config.kind, endpoint: endpointUrl(config), model: config.model },
    ...(clarify ? { clarify } : {}),
    ...(verified ? { verify: verified.json } : {}),
  };
  const code = await writeAnswer({ files: final.files, problems: final.problems }, source, args, io, more, scores);
  if (verified?.cancelled) throw new Cancelled("cancelled; wrote the best page measured so far");
  return code;
}

/**
 * The model's code written as the offline code is (its record, --project, --out), the run's facts with it, and the
 * scores: in the JSON with --json, else printed after the files.
 */
async function writeAnswer(
  answer: FileSet,
  source: Source,
  args: CliArgs,
  io: Output,
  more: Record<string, unknown>,
  scores: FidelityScore[] | undefined,
): Promise<number> {
  const code = await emitAndWrite(
    answer,
    source.problems,
    args,
    io,
    scores && args.json ? { ...more, score: scores } : more,
    runName(args, source.document.frames),
    source.layerNames,
    source.loaded ? { design: source.loaded } : {},
  );
  if (scores && !args.json) (await import("./score.js")).printScores(scores, io);
  return code;
}

export async function aiCodeCommand(args: CliArgs, io: Output, context: RunContext = {}): Promise<number> {
  const env = context.env ?? process.env;
  const components = await readComponentsInput(args);
  const source = await readSource(args, io, context);
  source.problems.unshift(...components.problems);
  const images = await Promise.all(args.frameImages.map(readPng));
  const image = picturesFor(source.document, images).image;
  if (!image) io.err(STRUCTURE_ONLY);
  const frames = source.document.frames.length;
  if (frames > 1)
    io.err(`figment: the design has ${frames} frames; they all go to the model in one request (pick one with --node)`);

  const decisions = await checkedDecisions(source.document, args, io);
  const input = await promptInputFor(source.document, args, images, components, decisions);
  // A frame too large for one request goes section by section (issue 74).
  const split = await splitFrame(source.document, args, image, input, decisions);
  const settings = settingsFrom(args);
  const verifying = (args.verify || args.score) && !args.dryRun ? await import("./verify.js") : undefined;
  // --verify and --score measure one frame; refused before anything is sent when there are several or no Chromium.
  // A page's other drawings are not frames of their own here: the page's frame is the one measured (and its drawings).
  const pageRoots = source.document.drawings
    ? source.roots.filter((r) => source.document.frames.some((f) => f.id === r.id))
    : source.roots;
  const frame = verifying?.verifiedFrame(pageRoots, args.verify ? "--verify" : "--score");
  const designFrame = frame && source.document.frames.find((f) => f.id === frame.id);

  // A dry run needs no key: the config is only read for its endpoint and model.
  if (args.dryRun && split) {
    const config = providerConfig(settings, "dry-run");
    const clarify = args.clarify ? clarifyEstimate(split.whole, image, config.model) : undefined;
    return sectionsDryRun(split, args, config, endpointUrl(config), io, clarify);
  }
  if (args.dryRun) return dryRun(args, providerConfig(settings, "dry-run"), input, image, io);

  // Read before anything is sent; its ids are checked against the questions asked.
  const answersText = await readAnswersText(args);
  let config: ProviderConfig;
  try {
    config = providerConfig(settings, keyFor(args.provider, env, io));
  } catch (error) {
    if (error instanceof ModelError) return reportModelError(error, args.provider, io);
    throw error;
  }

  io.err(`figment: asking ${config.model} at ${endpointUrl(config)} (${API_NAME[config.kind]})…`);
  let clarified: ClarifyJson | undefined;
  if (args.clarify) {
    try {
      const timeoutMs = (args.timeoutSec ?? DEFAULT_TIMEOUT_SEC) * 1000;
      const signal = context.signal ? { signal: context.signal } : {};
      clarified = await clarifyFirst(config, split?.whole ?? input, answersText, { ...signal, timeoutMs }, io);
    } catch (error) {
      if (isCancelled(error)) throw new Cancelled("cancelled; nothing was written");
      if (error instanceof ModelError) return reportModelError(error, args.provider, io);
      throw error;
    }
  }
  const answered = clarified?.decisions;
  const sent = withDecisions(input, answered);
  const progress = progressPrinter(io);
  // The first answer's checks, and each --verify round's.
  const checks: AnswerChecks = {
    ...(components.libraryTypes ? { libraryTypes: components.libraryTypes } : {}),
    ...(args.target === "angular" ? { targetCheck: angularCheck } : {}),
    ...(args.target === "react-native" ? { reactNativeTypes: await reactNativeTypes() } : {}),
  };
  if (split) {
    const options = { ...checks, timeoutMs: (args.timeoutSec ?? DEFAULT_TIMEOUT_SEC) * 1000 };
    const measured = frame ? { frame, ...(designFrame ? { design: designFrame } : {}) } : undefined;
    const asked = { ...options, measured, ...(clarified ? { clarify: clarified } : {}) };
    return writeSections(withSectionDecisions(split, answered), config, args, io, context, source, asked);
  }
  let result: ModelCodeResult;
  try {
    result = await generateModelCode(config, sent, {
      ...(context.signal ? { signal: context.signal } : {}),
      timeoutMs: (args.timeoutSec ?? DEFAULT_TIMEOUT_SEC) * 1000,
      onProgress: progress.onProgress,
      onStage: progress.onStage,
      ...checks,
    });
  } catch (error) {
    if (isCancelled(error)) throw new Cancelled("cancelled; nothing was written");
    if (error instanceof ModelError) return reportModelError(error, args.provider, io);
    throw error;
  }
  if (context.signal?.aborted) throw new Cancelled("cancelled; nothing was written");

  let final: Pick<ModelCodeResult, "files" | "problems" | "notes"> = result;
  let cancelled = false;
  const verified: { verify?: VerifyJson } = {};
  if (args.verify && verifying && frame && result.files.length > 0) {
    const rounds = {
      rounds: args.rounds ?? 1,
      target: args.target,
      timeoutMs: (args.timeoutSec ?? DEFAULT_TIMEOUT_SEC) * 1000,
      onProgress: progress.onProgress,
      onStage: progress.onStage,
    };
    const v = await verifying.verifyAnswer(
      {
        config,
        input: sent,
        frame,
        ...(designFrame ? { design: designFrame } : {}),
        first: result,
        ...rounds,
        checks,
        ...(context.signal ? { signal: context.signal } : {}),
        target: sent.target,
      },
      io,
    );
    final = v;
    cancelled = v.cancelled;
    verified.verify = v.json;
  }

  const more = {
    notes: final.notes,
    repair: result.repair,
    kept: result.kept,
    attempts: result.attempts.map((a) => ({
      kind: a.kind,
      files: a.files.length,
      blocking: a.problems.filter(isBlocking).length,
    })),
    model: {
      provider: args.provider,
      api: config.kind,
      endpoint: endpointUrl(config),
      model: config.model,
      image: image !== undefined,
    },
    ...(clarified ? { clarify: clarified } : {}),
    ...verified,
  };
  if (result.files.length === 0) {
    // Nothing usable came back: report why, write nothing, and fail as the model's failure.
    const problems = [...source.problems, ...result.problems];
    if (args.json) io.out(JSON.stringify({ files: [], problems, ...more }, null, 2));
    else reportProblems(problems, io, args, source.layerNames);
    io.err("figment: the model's reply held no usable files; nothing was written. Try again or use another model.");
    return 1;
  }

  // --score: the files as written, measured (with --verify, the rounds have already printed and kept scores).
  const scored = args.score && frame ? await import("./score.js") : undefined;
  // A page drawn at several widths is measured at each drawn width against its own frame.
  const drawings = designFrame
    ? pageDrawings(source.document, designFrame)
        .slice(1)
        .flatMap((d) => {
          const rest = source.roots.find((r) => r.id === d.id);
          return rest ? [{ frame: rest, design: d }] : [];
        })
    : [];
  const scores =
    scored && frame ? [await scored.scoreFiles(frame, final.files, args.target, designFrame, drawings)] : undefined;
  const code = await writeAnswer({ files: final.files, problems: final.problems }, source, args, io, more, scores);
  if (!args.json) {
    if (final.notes.trim() && final.notes !== progress.shownNotes()) io.err(`notes: ${indentNotes(final.notes)}`);
    const summary = repairSummary(result);
    if (summary) io.err(summary);
  }
  if (cancelled) throw new Cancelled("cancelled; wrote the best code measured so far");
  return code;
}
