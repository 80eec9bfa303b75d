/**
 * `figment analyze --ai`: a vision model's Describe, Critique, Read text or Compare of a frame, its Markdown
 * streamed to stdout line by line as it arrives. The request carries the frame's PNG (--image), its compact
 * hint, live text and computed findings — and for Compare the second frame and the structural diff — as
 * data (ai/analyze). Keys, exit codes and failures as for `figment code --ai` (cli/common/api-keys.ts,
 * model-errors.ts).
 */
import { basename } from "node:path";
import { estimateAnalyze } from "../../ai/analyze/estimate.js";
import { buildAnalyzeInput, type AnalyzeInput } from "../../ai/analyze/input.js";
import { analyzeWithModel, type AnalyzeResult } from "../../ai/analyze/run.js";
import { ModelError } from "../../ai/errors/classify.js";
import { Cancelled, isCancelled } from "../../kernel/cancelled.js";
import { loadTokenizer } from "../../ai/estimate/estimate.js";
import { providerConfig, type ProviderConfig } from "../../ai/client/providers.js";
import { loadDesign } from "../../codegen/load.js";
import { DEFAULT_SETTINGS, type Settings } from "../../contract/settings.js";
import { readPng } from "../code/ai.js";
import type { AnalyzeAiArgs } from "./ai-args.js";
import { keyFor } from "../common/api-keys.js";
import { analyzeJson } from "./findings.js";
import { readDesign, type Output, type RunContext } from "../common/design-files.js";
import { reportModelError } from "../common/model-errors.js";
import { plural } from "../../kernel/plural.js";
import { FigmentError } from "../../kernel/errors.js";

const API_NAME = { responses: "Responses API", chat: "chat completions" } as const;
const endpointUrl = (config: ProviderConfig): string =>
  `${config.baseURL}/${config.kind === "responses" ? "responses" : "chat/completions"}`;

/** Next steps in this command's terms where they differ from `figment code --ai`'s. */
const STEPS = {
  "bad-request": () => "The endpoint rejected the request; check that --model takes images (or leave out --image).",
  refusal: () => "The model declined; rephrase --instructions or pick another --model.",
  truncated: () => "The answer was cut off; run it again, or ask a narrower question with --instructions.",
  timeout: () => "The model took too long; try again or raise --timeout (seconds).",
};

function settingsOf(args: AnalyzeAiArgs): Settings {
  return {
    ...DEFAULT_SETTINGS,
    provider: args.provider,
    baseUrl: args.baseUrl ?? "",
    model: args.model ?? DEFAULT_SETTINGS.model,
  };
}

async function buildInput(args: AnalyzeAiArgs, io: Output): Promise<AnalyzeInput> {
  if (!args.input)
    throw new FigmentError("input", "analyze needs a design file: figment analyze <design.json> --node ID --ai");
  const json = await readDesign(args.input, io);
  const ids = args.node ? [args.node, ...(args.other ? [args.other] : [])] : [];
  const design = loadDesign(json, ids);
  if (!args.node && design.document.frames.length > 1)
    throw new FigmentError(
      "input",
      `the design has ${design.document.frames.length} frames: pick ` +
        `one with --node ID (figment frames ${args.input} lists them)`,
    );
  const images = await Promise.all(args.images.map(readPng));
  if (images.length === 0) {
    if (args.task === "text")
      throw new FigmentError(
        "input",
        "--task text reads the text in the picture: add --image frame.png (the frame exported as PNG)",
      );
    io.err("figment: no --image: sending the structure only; the model will not see the frame (add --image frame.png)");
  }
  // The findings as `figment analyze` computes them: each --node judged inside its top-level frame.
  return buildAnalyzeInput(args.task, design.document, analyzeJson(json, ids), {
    images,
    ...(args.instructions ? { question: args.instructions } : {}),
  });
}

async function dryRun(config: ProviderConfig, args: AnalyzeAiArgs, input: AnalyzeInput, io: Output): Promise<number> {
  await loadTokenizer();
  const estimate = estimateAnalyze(input, { model: config.model });
  const n = (value: number): string => value.toLocaleString("en-US");
  const pictures = input.frames.flatMap((f) => (f.image ? [`${f.image.width}×${f.image.height}`] : []));
  io.out("Estimate only (--dry-run): nothing was sent.");
  io.out(`  endpoint      ${endpointUrl(config)}`);
  io.out(`  model         ${config.model} (${args.provider}, ${API_NAME[config.kind]})`);
  io.out(`  task          ${input.task} (${plural(input.findings.length, "computed finding")} sent as data)`);
  io.out(`  text tokens   about ${n(estimate.textTokens)}`);
  const names = args.images.map((p) => basename(p)).join(", ");
  const imageNote = pictures.length ? ` (${names}: ${pictures.join(", ")})` : " (no --image: structure only)";
  io.out(`  image tokens  about ${n(estimate.imageTokens)}${imageNote}`);
  io.out(`  answer        about ${n(estimate.outputTokens)} tokens`);
  const cost =
    estimate.costUsd !== undefined
      ? `about $${estimate.costUsd.toFixed(4)}`
      : `no price known for model ${config.model}`;
  io.out(`  cost          ${cost}`);
  if (estimate.price) io.out(`  price from    ${estimate.price.source} (as of ${estimate.price.asOf})`);
  io.out("Providers count a little differently and prices change: treat these as estimates.");
  return 0;
}

/** Writes whole lines as they complete (Output writes lines); `flush` writes the rest. */
function lineWriter(io: Output): { write(delta: string): void; flush(): void } {
  let pending = "";
  return {
    write(delta) {
      pending += delta;
      const end = pending.lastIndexOf("\n");
      if (end < 0) return;
      for (const line of pending.slice(0, end).split("\n")) io.out(line);
      pending = pending.slice(end + 1);
    },
    flush() {
      if (pending) io.out(pending);
      pending = "";
    },
  };
}

export async function analyzeAiCommand(args: AnalyzeAiArgs, io: Output, context: RunContext = {}): Promise<number> {
  const input = await buildInput(args, io);
  const settings = settingsOf(args);
  if (args.dryRun) return dryRun(providerConfig(settings, "dry-run"), args, input, io);
  let config: ProviderConfig;
  try {
    config = providerConfig(settings, keyFor(args.provider, context.env ?? process.env, io));
  } catch (error) {
    if (error instanceof ModelError) return reportModelError(error, args.provider, io, STEPS);
    throw error;
  }
  io.err(`figment: asking ${config.model} at ${endpointUrl(config)} (${API_NAME[config.kind]}) to ${args.task}…`);
  const out = lineWriter(io);
  let result: AnalyzeResult;
  try {
    result = await analyzeWithModel(config, input, {
      ...(context.signal ? { signal: context.signal } : {}),
      timeoutMs: (args.timeoutSec ?? 180) * 1000,
      onText: out.write,
    });
  } catch (error) {
    out.flush();
    if (isCancelled(error)) throw new Cancelled("cancelled; the answer above is incomplete");
    if (!(error instanceof ModelError)) throw error;
    return reportModelError(error, args.provider, io, STEPS);
  }
  out.flush();
  if (result.cut) io.err("figment: the answer stopped at the model's output limit; what came is above");
  if (result.usage)
    io.err(
      `figment: ${result.usage.inputTokens.toLocaleString("en-US")} input + ` +
        `${result.usage.outputTokens.toLocaleString("en-US")} output tokens (${result.model})`,
    );
  return 0;
}
