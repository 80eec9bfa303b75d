/**
 * What `figment image` prints: the dry run's estimate (plain or --json), progress lines on stderr while the
 * model works (reasoning and message text by line, partial images, each image), the usage afterwards, and
 * model failures with next steps in CLI terms.
 */
import type { ModelError, ModelErrorKind } from "../../ai/errors/classify.js";
import type { ImageConfig } from "../../ai/image/config.js";
import type { ImageEstimate } from "../../ai/image/estimate.js";
import { sizeText, type ImageRequest } from "../../ai/image/options.js";
import type { ImageProgress, ImageUsage } from "../../ai/image/result.js";
import type { ProviderName } from "../common/args.js";
import type { Output } from "../common/design-files.js";
import type { ImageArgs } from "./args.js";
import { reportModelError } from "../common/model-errors.js";
import { plural } from "../../kernel/plural.js";

export const API_NAME = {
  images: "Images API",
  responses: "Responses API, image_generation tool",
  chat: "chat completions with image output",
} as const;

const n = (value: number): string => value.toLocaleString("en-US");
const usd = (value: number): string => (value < 0.01 ? `$${value.toFixed(4)}` : `$${value.toFixed(2)}`);

export function printDryRun(
  args: ImageArgs,
  config: ImageConfig,
  endpoint: string,
  request: ImageRequest,
  e: ImageEstimate,
  notes: string[],
  io: Output,
): void {
  const what =
    `${e.images} × ${sizeText(request.size ?? "auto").replace("x", "×")}, quality ${args.quality}, background ` +
    `${args.background}, ${args.format}${args.partials ? `, ${plural(args.partials, "partial")} each` : ""}`;
  if (args.json) {
    const price = (p: { source: string; asOf: string } | undefined, rest: Record<string, number>): unknown =>
      p ? { ...rest, source: p.source, asOf: p.asOf } : null;
    io.out(
      JSON.stringify(
        {
          dryRun: true,
          estimate: true,
          provider: args.provider,
          api: config.api,
          endpoint,
          model: config.model,
          imageModel: config.imageModel,
          images: e.images,
          requests: e.requests,
          size: sizeText(request.size ?? "auto"),
          quality: args.quality,
          background: args.background,
          format: args.format,
          partials: args.partials,
          references: args.refs.length,
          textTokens: e.textTokens,
          imageTokens: e.imageTokens,
          inputTokens: e.inputTokens,
          outputTokensPerImage: e.outputTokensPerImage ?? null,
          outputTokens: e.outputTokens ?? null,
          costUsd: e.costUsd ?? null,
          prices: {
            image: price(
              e.imagePrice,
              e.imagePrice
                ? {
                    textInputUsdPer1M: e.imagePrice.textInput,
                    imageInputUsdPer1M: e.imagePrice.imageInput,
                    imageOutputUsdPer1M: e.imagePrice.imageOutput,
                  }
                : {},
            ),
            model: price(
              e.modelPrice,
              e.modelPrice ? { inputUsdPer1M: e.modelPrice.input, outputUsdPer1M: e.modelPrice.output } : {},
            ),
          },
          notes,
          note: "An estimate: providers count a little differently and prices change.",
        },
        null,
        2,
      ),
    );
    return;
  }
  io.out("Estimate only (--dry-run): nothing was sent.");
  io.out(`  endpoint       ${endpoint} (${API_NAME[config.api]})`);
  io.out(
    `  model          ` +
      `${config.model}${config.imageModel !== config.model ? `, drawing with ${config.imageModel}` : ""} ` +
      `(${args.provider})`,
  );
  io.out(`  images         ${what}${e.requests > 1 ? ` (${e.requests} requests)` : ""}`);
  io.out(
    `  input tokens   about ${n(e.inputTokens)}: ${n(e.textTokens)} text + ` +
      `${n(e.imageTokens)} image (${plural(args.refs.length, "reference")})`,
  );
  const output =
    e.outputTokens === undefined
      ? `unknown for ${config.imageModel}`
      : `about ${n(e.outputTokensPerImage!)} per image, ${n(e.outputTokens)} in all`;
  io.out(`  output tokens  ${output}`);
  const priced = config.api === "images" ? config.imageModel : config.model;
  io.out(`  cost           ${e.costUsd === undefined ? `no price known for ${priced}` : `about ${usd(e.costUsd)}`}`);
  if (e.imagePrice)
    io.out(
      `  image price    $${e.imagePrice.textInput} text in, $${e.imagePrice.imageInput} image in, ` +
        `$${e.imagePrice.imageOutput} image out per 1M tokens — ${e.imagePrice.source} (as of ${e.imagePrice.asOf})`,
    );
  if (e.modelPrice)
    io.out(
      `  model price    $${e.modelPrice.input} in, $${e.modelPrice.output} ` +
        `out per 1M tokens — ${e.modelPrice.source} (as of ${e.modelPrice.asOf})`,
    );
  for (const note of notes) io.out(`  note           ${note}`);
  io.out("Providers count a little differently and prices change: treat these as estimates.");
}

/** The usage as one line: the image model's and the reasoning/chat model's tokens, and the cost when known. */
export function usageLine(usage: ImageUsage, cost: number | undefined): string {
  const parts: string[] = [];
  if (usage.image)
    parts.push(
      `image model ${n(usage.image.inputTokens)} ` +
        `in${usage.image.inputImageTokens ? ` (${n(usage.image.inputImageTokens)} image)` : ""} ` +
        `/ ${n(usage.image.outputTokens)} out`,
    );
  if (usage.model)
    parts.push(
      `${usage.image ? "reasoning model" : "model"} ${n(usage.model.inputTokens)} in / ` +
        `${n(usage.model.outputTokens)} ` +
        `out${usage.model.reasoningTokens ? ` (${n(usage.model.reasoningTokens)} reasoning)` : ""}`,
    );
  return `usage: ${parts.join("; ")}${cost !== undefined ? ` · about ${usd(cost)}` : ""}`;
}

/** Progress on stderr. Text streams by whole lines (flushed before an image and at the end). */
export function progressPrinter(
  io: Output,
  describe: {
    partial(event: Extract<ImageProgress, { type: "partial" }>): string;
    image(event: Extract<ImageProgress, { type: "image" }>): string;
  },
): { onProgress: (event: ImageProgress) => void; flush: () => void } {
  const pending = { reasoning: "", message: "" };
  const flushText = (channel: "reasoning" | "message", all: boolean): void => {
    const text = pending[channel];
    const cut = all ? text.length : text.lastIndexOf("\n") + 1;
    if (cut <= 0) return;
    for (const line of text.slice(0, cut).split("\n"))
      if (line.trim()) io.err(`  ${channel === "reasoning" ? "thinking" : "model"}: ${line.trim()}`);
    pending[channel] = text.slice(cut);
  };
  const flush = (): void => {
    flushText("reasoning", true);
    flushText("message", true);
  };
  return {
    onProgress(event) {
      if (event.type === "text") {
        if (event.channel === "message") flushText("reasoning", true);
        pending[event.channel] += event.delta;
        flushText(event.channel, false);
      } else if (event.type === "partial") {
        flush();
        io.err(describe.partial(event));
      } else if (event.type === "image") {
        flush();
        io.err(describe.image(event));
      }
    },
    flush,
  };
}

/** Next steps for `figment image` where they differ from `figment code --ai`'s (cli/common/model-errors.ts). */
const IMAGE_STEPS: Partial<Record<ModelErrorKind, (env: string) => string>> = {
  moderation: () =>
    "The prompt was refused by the provider's safety system. Change --prompt: leave out or reword " +
    "what the message names (violence, real people, …), or use other --ref images, then run again.",
  "bad-request": () =>
    "The endpoint rejected the request; check --model, --size, --quality, " +
    "--background and --format for this model (--dry-run shows what would be sent).",
  "rate-limited": (env) =>
    `Rate limited even after retrying: wait a minute (or as long as the provider asked) and ` +
    `run the command again, or check the rate limits and credit of the account behind ${env}.`,
  timeout: () =>
    "The image took too long; run again with a higher --timeout " +
    "(seconds, default 300), a smaller --size or a lower --quality.",
  refusal: () => "The model declined to draw this; rephrase --prompt or pick another --model.",
  truncated: () => "The image stream was cut off before the image was complete; run the command again.",
  "bad-output": () =>
    "The endpoint's reply held no image the CLI can read; run again or pick another --model (one that outputs images).",
};

export function reportImageError(error: ModelError, provider: ProviderName, io: Output): number {
  return reportModelError(error, provider, io, IMAGE_STEPS);
}
