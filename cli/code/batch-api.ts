/**
 * Code in bulk: `figment code DESIGN.json --ai --batch-api --out DIR` sends one Responses request per
 * top-level frame — the very body `figment code --ai` sends (cli/code/ai.ts promptInputFor + responsesRequest),
 * not streamed — as one batch recorded in DIR/batch.json; each frame's asset files are kept beside it so
 * that `figment batch collect DIR` can put every answer through the usual project pass and prettier
 * (ai/code/pipeline.ts postProcess) and write it under DIR/<frame>/. With the team's components (--components,
 * --code-connect, --types), each request carries the mapped components as `--ai` does, and DIR/checks.json keeps
 * what checks the answers at collect (each frame's mappings, the library's types): collect has no flags to read.
 */
import { join, relative } from "node:path";
import type { Response } from "openai/resources/responses/responses";
import type { LineWriter } from "../../ai/batch/collect.js";
import type { BatchStore } from "../../ai/batch/store.js";
import { startBatch, type PlannedLine } from "../../ai/batch/submit.js";
import { ModelError } from "../../ai/errors/classify.js";
import { frameFolders } from "../common/out-dir.js";
import { estimatePrompt, loadTokenizer } from "../../ai/estimate/estimate.js";
import { base64ToBytes, bytesToBase64 } from "../../kernel/base64.js";
import { readResponse } from "../../ai/answer/outcome.js";
import { postProcess, where, type ComponentChecks } from "../../ai/code/pipeline.js";
import { responsesRequest } from "../../ai/code/prompt.js";
import { providerConfig } from "../../ai/client/providers.js";
import { parseFilesReply } from "../../ai/code/schema.js";
import type { DesignDocument } from "../../codegen/index.js";
import type { ComponentMap } from "../../codegen/components-map/model.js";
import type { LibraryTypes } from "../../codegen/project/library-types.js";
import type { SourceFile } from "../../codegen/types.js";
import { checkedDecisions, promptInputFor, readPng, readSource, settingsFrom } from "./ai.js";
import { keyFor } from "../common/api-keys.js";
import type { CliArgs } from "../common/args.js";
import { readComponentsInput } from "./components-map.js";
import { runName, type Output, type RunContext } from "../common/design-files.js";
import { DEFAULT_OUT_ROOT, folderSlug } from "../common/out-dir.js";
import { layerNamesById } from "../../codegen/design/layer-label.js";
import { slugOf } from "../common/image-files.js";
import { writeFilesUnder } from "../common/io.js";
import { reportModelError } from "../common/model-errors.js";
import { batchClient } from "../batch-api/client.js";
import { BATCH_STEPS } from "../batch-api/report.js";
import { folderStore } from "../batch-api/store.js";
import { plural } from "../../kernel/plural.js";
import { FigmentError } from "../../kernel/errors.js";

/** Problems kept per frame in batch.json (the first ones say enough). */
const MAX_KEPT_PROBLEMS = 10;

export const assetsName = (customId: string): string => `assets/${customId}.json`;
/** What checks the answers' use of the team's components, kept for collect. */
export const CHECKS_NAME = "checks.json";

/** checks.json: the library's types, and by line the mappings its frame's instances use. */
interface KeptChecks {
  libraryTypes?: { module: string; files: KeptAsset[] }[];
  componentMaps: Record<string, ComponentMap>;
}

const keptFile = (a: SourceFile): KeptAsset => ({
  path: a.path,
  content: a.content,
  ...(a.bytes ? { base64: bytesToBase64(a.bytes) } : {}),
});
const sourceFile = (a: KeptAsset): SourceFile => ({
  path: a.path,
  content: a.content,
  ...(a.base64 !== undefined ? { bytes: base64ToBytes(a.base64) } : {}),
});

type KeptAsset = { path: string; content: string; base64?: string };

const usd = (value: number | undefined): string => (value === undefined ? "unknown" : `$${value.toFixed(4)}`);

export async function codeBatchCommand(args: CliArgs, io: Output, context: RunContext = {}): Promise<number> {
  const components = await readComponentsInput(args);
  for (const p of components.problems) io.err(`figment: ${p.severity} ${where(p) || "(components)"}: ${p.message}`);
  const document: DesignDocument = (await readSource(args, io, context)).document;
  if (args.frameImages.length > 1)
    throw new FigmentError("input", "--batch-api sends one request per frame: give one --image at most");
  const image = args.frameImages[0] !== undefined ? await readPng(args.frameImages[0]) : undefined;
  // A batch's record (and the panel that collects it) knows React and HTML answers.
  if (args.target === "vue" || args.target === "svelte" || args.target === "angular" || args.target === "react-native")
    throw new FigmentError(
      "input",
      `--batch-api writes React or HTML: leave out --batch-api for ${args.target === "vue" ? "Vue" : "Svelte"} ` +
        "(one request)",
    );
  const target = args.target;
  if (args.provider !== "openai")
    throw new FigmentError(
      "input",
      `--batch-api needs --provider openai: OpenAI's Batch API runs ` +
        `Responses requests; ${args.provider} endpoints have none`,
    );
  if (image && document.frames.length > 1)
    throw new FigmentError(
      "input",
      `--image shows one frame, and the design has ${document.frames.length}: ` +
        `pick that frame with --node, or leave out --image`,
    );
  const settings = settingsFrom(args);
  const draft = providerConfig(settings, "dry-run");
  // Frames by the names Figma's layers panel shows (a generated "Frame 8" the tree dropped too), for the folders and
  // the report.
  const layerNames = layerNamesById(document);
  const frameNames = document.frames.map((f) => layerNames.get(f.id) ?? f.name);
  const folders = frameFolders(frameNames, slugOf);
  const planned: (PlannedLine & { assets: SourceFile[]; componentMap?: ComponentMap })[] = [];
  await loadTokenizer();
  let costUsd: number | undefined = 0;
  const decisions = await checkedDecisions(document, args, io);
  for (const [i, frame] of document.frames.entries()) {
    const input = await promptInputFor(
      { ...document, frames: [frame] },
      args,
      image ? [image] : [],
      components,
      decisions,
    );
    const estimate = estimatePrompt(input, image, { model: draft.model });
    costUsd = costUsd === undefined || estimate.costUsd === undefined ? undefined : costUsd + estimate.costUsd;
    const body = responsesRequest(input, { model: draft.model, stream: false }) as unknown as Record<string, unknown>;
    planned.push({
      customId: `frame-${i + 1}`,
      url: "/v1/responses",
      body,
      frame: { id: frame.id, name: frameNames[i]! },
      fileStem: folders[i]!,
      assets: input.assets ?? [],
      ...(input.componentMap ? { componentMap: input.componentMap } : {}),
    });
  }
  const batchUsd = costUsd === undefined ? undefined : costUsd / 2;
  const estimateLine =
    `estimate for the input: about ${usd(costUsd)} at standard prices, ` +
    `about ${usd(batchUsd)} on the Batch API (50% off); the output is extra`;
  if (args.dryRun) {
    if (args.json)
      io.out(
        JSON.stringify(
          {
            dryRun: true,
            batchApi: true,
            requests: planned.length,
            endpoint: "/v1/responses",
            model: draft.model,
            frames: planned.map((p) => ({ customId: p.customId, ...p.frame, folder: p.fileStem })),
            costUsd: costUsd ?? null,
            batchCostUsd: batchUsd ?? null,
          },
          null,
          2,
        ),
      );
    else {
      io.out(
        `Estimate only (--dry-run): nothing was sent. ${plural(planned.length, "request")} ` +
          `(one per frame) to /v1/responses with ${draft.model}.`,
      );
      io.out(estimateLine);
    }
    return 0;
  }

  let apiKey: string;
  try {
    apiKey = keyFor(args.provider, context.env ?? process.env, io);
  } catch (error) {
    if (error instanceof ModelError) return reportModelError(error, args.provider, io);
    throw error;
  }
  const config = providerConfig(settings, apiKey);
  // Without --out: figment-out/<frame or file>/batch, said below with the next steps.
  const out = args.out ?? join(DEFAULT_OUT_ROOT, folderSlug(runName(args, document.frames)), "batch");
  const store = folderStore(out);
  if (await store.load())
    throw new FigmentError(
      "input",
      `${out} already holds a batch (batch.json); collect it (figment batch collect ${out}), or choose another --out`,
    );
  for (const p of planned) await store.writeText(assetsName(p.customId), JSON.stringify(p.assets.map(keptFile)));
  const componentMaps = Object.fromEntries(
    planned.flatMap((p) => (p.componentMap ? [[p.customId, p.componentMap] as const] : [])),
  );
  if (components.libraryTypes || Object.keys(componentMaps).length > 0) {
    const checks: KeptChecks = {
      componentMaps,
      ...(components.libraryTypes
        ? { libraryTypes: components.libraryTypes.map((l) => ({ module: l.module, files: l.files.map(keptFile) })) }
        : {}),
    };
    await store.writeText(CHECKS_NAME, JSON.stringify(checks));
  }
  io.err(`figment: submitting ${plural(planned.length, "request")} to ${config.baseURL}/batches (${config.model})…`);
  let batchId: string | undefined;
  try {
    const record = await startBatch(batchClient(config), store, {
      kind: "code",
      endpoint: "/v1/responses",
      baseURL: config.baseURL,
      model: config.model,
      code: { target, styling: args.styling },
      lines: planned.map(({ assets: _assets, componentMap: _map, ...line }) => line),
    });
    batchId = record.runs[0]!.batchId;
  } catch (error) {
    if (error instanceof ModelError) {
      io.err(`figment: the batch is recorded in ${join(out, "batch.json")}; figment batch status ${out} resumes it`);
      return reportModelError(error, args.provider, io, BATCH_STEPS);
    }
    throw error;
  }
  if (args.json)
    io.out(
      JSON.stringify(
        { batchId, requests: planned.length, dir: out, costUsd: costUsd ?? null, batchCostUsd: batchUsd ?? null },
        null,
        2,
      ),
    );
  else {
    io.out(
      `submitted batch ${batchId}: ${plural(planned.length, "request")}, ` +
        `one per frame; recorded in ${join(out, "batch.json")}`,
    );
    io.out(estimateLine);
    io.out(`next: figment batch status ${out}, then figment batch collect ${out} (answers within 24 h)`);
  }
  return 0;
}

async function keptAssets(store: BatchStore, customId: string): Promise<SourceFile[]> {
  const text = await store.readText(assetsName(customId));
  if (text === undefined) return [];
  return (JSON.parse(text) as KeptAsset[]).map(sourceFile);
}

/** The component checks kept for one line (none for a batch sent without the team's components). */
async function keptChecks(store: BatchStore, customId: string): Promise<ComponentChecks> {
  const text = await store.readText(CHECKS_NAME);
  if (text === undefined) return {};
  const kept = JSON.parse(text) as KeptChecks;
  const libraryTypes: LibraryTypes[] | undefined = kept.libraryTypes?.map((l) => ({
    module: l.module,
    files: l.files.map(sourceFile),
  }));
  const componentMap = kept.componentMaps[customId];
  return { ...(libraryTypes ? { libraryTypes } : {}), ...(componentMap ? { componentMap } : {}) };
}

/** Turns each answered frame into files under DIR/<frame>/ through the project pass and prettier. */
export function codeWriter(dir: string, store: BatchStore): LineWriter {
  return async (line, body) => {
    const response = body as Response | undefined;
    if (!response || !Array.isArray(response.output)) return { error: "the answer is not a Responses API response" };
    const outcome = readResponse(response);
    if (outcome.error && outcome.error.reason !== "truncated") return { error: outcome.error.message };
    const reply = parseFilesReply(outcome.text);
    if (outcome.error) reply.problems.unshift({ severity: "error", code: "truncated", message: outcome.error.message });
    if (reply.files.length === 0)
      return { error: `the answer held no usable files${reply.problems[0] ? ` (${reply.problems[0].message})` : ""}` };
    const processed = await postProcess(
      reply,
      undefined,
      await keptAssets(store, line.customId),
      undefined,
      await keptChecks(store, line.customId),
    );
    const { written, problems } = await writeFilesUnder(join(dir, line.fileStem), processed.files);
    const serious = [...processed.problems, ...problems]
      .filter((p) => p.severity === "error")
      .map((p) => `${where(p) || "(project)"}: ${p.message}`);
    return {
      written: written.map((path) => relative(dir, path).split("\\").join("/")),
      problems: serious.slice(0, MAX_KEPT_PROBLEMS),
    };
  };
}
