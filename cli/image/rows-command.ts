/**
 * `figment image --template … --rows …`: one image per row. Plans every row's prompt and request first
 * (nothing sent, no key needed: a problem in the rows, template or rules is exit 2 before any request);
 * `--dry-run` prints the computed prompts; otherwise sends them (cli/image/rows-run.ts), writes each image as
 * it arrives, and ends with a summary that lists the failed rows. Exit 0 only when every row was written.
 */
import { ModelError } from "../../ai/errors/classify.js";
import { checkImageRequest } from "../../ai/image/check.js";
import { imagePath, type ImageConfig } from "../../ai/image/config.js";
import { IMAGE_TIMEOUT_MS } from "../../ai/image/generate.js";
import { MAX_PROMPT_CHARS, MAX_REFERENCES, sizeText } from "../../ai/image/options.js";
import { CONSISTENT_NOTE } from "../../ai/params/index.js";
import { keyFor } from "../common/api-keys.js";
import { CANCELLED, type Outcome, type Output, type RunContext } from "../common/design-files.js";
import { configFor, endpointOf, problemsError, readRef } from "./command.js";
import { API_NAME, reportImageError } from "./report.js";
import type { ImageRowsArgs } from "./rows-args.js";
import { checkBatchFlags, submitRowsBatch } from "./rows-batch.js";
import { planRows } from "./rows-plan.js";
import { printPrompts, printRowsResult, rowEventLine } from "./rows-report.js";
import { runRows } from "./rows-run.js";
import { checkOutDir } from "../common/io.js";
import { cellParams, gridRequests } from "./rows-grid.js";
import { sdRowsCommand } from "./rows-sd-command.js";
import { plural } from "../../kernel/plural.js";
import { FigmentError } from "../../kernel/errors.js";

export async function imageRowsCommand(args: ImageRowsArgs, io: Output, context: RunContext = {}): Promise<Outcome> {
  if (args.sd) return sdRowsCommand(args, args.sd, io, context);
  const references = await Promise.all(args.refs.map(readRef));
  if (args.batchApi) checkBatchFlags(args);
  const rowsPlan = await planRows(args, references);
  const gridPlan = args.sweeps.length ? gridRequests(rowsPlan.requests, args.sweeps) : undefined;
  const plan = gridPlan ? { ...rowsPlan, requests: gridPlan.requests } : rowsPlan;
  // The image parameters are the same for every row: checking the first row's request checks them all,
  // before anything is sent. What differs is each prompt's length, and --consistent's one more reference.
  const draft = configFor(args, "dry-run");
  const check = checkImageRequest(draft, plan.requests[0]!.request);
  if (check.problems.length > 0) throw problemsError(check.problems);
  const extra = args.consistent ? CONSISTENT_NOTE.length + 2 : 0;
  const long = plan.requests.find((r) => r.request.prompt.length + extra > MAX_PROMPT_CHARS);
  if (long)
    throw new FigmentError(
      "input",
      `row ${long.row}: its computed prompt is ${(long.request.prompt.length + extra).toLocaleString("en-US")} ` +
        `characters; the limit is ${MAX_PROMPT_CHARS.toLocaleString("en-US")}`,
    );
  if (args.consistent && references.length + 1 > MAX_REFERENCES)
    throw new FigmentError(
      "input",
      `--consistent adds the first image as a reference: give at most ` +
        `${MAX_REFERENCES - 1} --ref images, not ${references.length}`,
    );
  for (const note of [...plan.computed.notes, ...check.notes]) io.err(`figment: note: ${note}`);
  if (args.dryRun) {
    // A grid's cells with what each sends: the hosted APIs take quality and size (the sweepable one is quality).
    const cells = gridPlan?.requests.map((r) => ({
      row: r.row,
      stem: r.stem,
      params: r.cell ? cellParams(r.cell) : {},
      request: { quality: r.request.quality ?? "auto", size: sizeText(r.request.size ?? "auto") },
    }));
    printPrompts(plan.computed, args.json, io, gridPlan && cells ? { grid: gridPlan.grid, cells } : undefined);
    return 0;
  }

  let config: ImageConfig;
  try {
    config = configFor(args, keyFor(args.provider, context.env ?? process.env, io));
  } catch (error) {
    if (error instanceof ModelError) return reportImageError(error, args.provider, io);
    throw error;
  }
  await checkOutDir(args.out!);
  if (args.batchApi) return submitRowsBatch(args, config, plan.requests, io, context.signal);
  const out = args.out!;
  const n = plan.requests.length;
  const later =
    args.consistent && references.length === 0 ? ` (later rows: ${config.baseURL}${imagePath(config.api, true)})` : "";
  io.err(
    `figment: ${plural(n, "row")}, one image each, with ${config.imageModel} at ` +
      `${endpointOf(config, plan.requests[0]!.request)}${later} ` +
      `(${API_NAME[config.api]})` +
      `${args.consistent ? "; after the first image, each request carries it as a reference" : ""}…`,
  );
  const result = await runRows(plan.requests, {
    config,
    out,
    consistent: args.consistent,
    timeoutMs: args.timeoutSec !== undefined ? args.timeoutSec * 1000 : IMAGE_TIMEOUT_MS,
    ...(context.signal ? { signal: context.signal } : {}),
    onEvent: (event) => io.err(rowEventLine(event, plan.computed)),
  });
  printRowsResult(
    result,
    plan.computed,
    {
      out,
      json: args.json,
      provider: args.provider,
      model: config.model,
      api: config.api,
      consistent: args.consistent,
      ...(gridPlan ? { grid: gridPlan.grid } : {}),
    },
    io,
  );
  if (result.cancelled) return CANCELLED;
  if (result.stopped) return reportImageError(result.stopped, args.provider, io);
  return result.failed.length === 0 && result.notSent.length === 0 ? 0 : 1;
}
