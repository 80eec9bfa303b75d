/**
 * The codegen worker: ts-morph and prettier live here, off the UI thread, loaded only when the UI first
 * needs code. It also runs model requests (the openai SDK, the tokenizer for estimates, the project pass
 * and repair round), so none of that weighs on the panel's first paint. A bad design or model output comes
 * back as an error reply, never as a crashed worker.
 */
import { countTextTokens, estimate, loadTokenizer, pngSize } from "../../ai/estimate.js";
import { pngDataUrl, systemInstructions, userTexts, type PromptInput } from "../../ai/prompt.js";
import { FILES_SCHEMA } from "../../ai/schema.js";
import { EmptyDesignError, generateCode, loadDesign, modelHint, UnknownNodeError } from "../../codegen/index.js";
import { fontPlan } from "../../codegen/fonts/plan.js";
import { modelAssetFiles } from "../../codegen/emit/assets.js";
import { buildReactPreview } from "../../codegen/preview/react-preview.js";
import { previewRuntime } from "../../codegen/preview/runtime-source.js";
import { NotFigmaJsonError } from "../../codegen/rest/reply.js";
import { bootDecodeMs } from "./boot.js";
import { analyzeFindings, analyzePrepare } from "./jobs/analyze-prepare.js";
import { prepareImage } from "./jobs/image-prepare.js";
import { draftPrompts, readRowsReply } from "./jobs/draft-job.js";
import { asNodesReply, parseWorkerRequest, ProtocolError, type AiGenerateRequest, type AiPrepareRequest, type GenerateImageRequest, type RequestOf, type TestConnectionRequest, type WorkerEvent, type WorkerEventBody, type WorkerReply, type WorkerRequest } from "./protocol/index.js";

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: WorkerReply | WorkerEvent, transfer?: Transferable[]): void;
  importScripts(...urls: string[]): void;
}
const scope = self as unknown as WorkerScope;

/** Running model requests, by request id, so an abort can stop them. */
const running = new Map<string, AbortController>();

async function prepare(request: AiPrepareRequest): Promise<WorkerReply> {
  const tokenizer = loadTokenizer();
  const design = loadDesign(asNodesReply(request.exports), [], request.extras ?? {});
  const offline = await generateCode(design.document, request.options);
  const image = pngSize(request.png);
  await tokenizer;
  const input: PromptInput = {
    target: request.options.target,
    styling: request.options.styling,
    nodeIds: request.options.nodeIds,
    // A PNG that cannot be read is not sent: the model gets the structure only, and the panel says so.
    ...(image ? { imageDataUrl: pngDataUrl(request.png), detail: "high" as const } : {}),
    // The model sees the layout the offline code uses (the panel always infers flows for absolute screens).
    hint: modelHint(design.document),
    assets: modelAssetFiles(design.document, request.options.target),
    fonts: fontPlan(design.document.frames),
    ...(request.draft ? { drafts: offline.files } : {}),
    ...(request.instructions.trim() ? { instructions: request.instructions.trim() } : {}),
  };
  // The offline output's size stands in for the answer's: the model writes about as much code.
  const outputTokens = offline.files.reduce((sum, file) => sum + countTextTokens(file.content), 0);
  const estimated = estimate({
    model: request.model,
    texts: [systemInstructions(input), ...userTexts(input), JSON.stringify(FILES_SCHEMA)],
    ...(image ? { image: { ...image, detail: "high" as const } } : {}),
    outputTokens,
    ...(request.prices ? { prices: request.prices } : {}),
  });
  return { id: request.id, ok: true, kind: "ai-prepare", input, estimate: estimated, image };
}

/** Posts an event of request `id` (its buffers transferred when given). */
const eventOf = (id: string) => (event: WorkerEventBody, transfer?: Transferable[]) => scope.postMessage({ id, event }, transfer ?? []);

/**
 * A model request, its module imported on first use: the openai SDK's module setup costs about 0.7 s of worker
 * start in Chromium, which offline code should not pay (esbuild keeps a dynamic import's module uninitialised
 * until the import runs). Each can be stopped by an `abort` naming its id.
 */
async function abortable(id: string, run: (signal: AbortSignal) => Promise<WorkerReply>): Promise<WorkerReply> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    return await run(controller.signal);
  } finally {
    running.delete(id);
  }
}

const generateWithModel = (request: AiGenerateRequest) => abortable(request.id, async (signal) => (await import("./jobs/model-job.js")).runModelJob(request, signal, eventOf(request.id)));
const generateImage = (request: GenerateImageRequest) => abortable(request.id, async (signal) => (await import("./jobs/image-job.js")).runImageJob(request, signal, eventOf(request.id)));
const analyzeWithModelIn = (request: RequestOf<"analyze-model">) => abortable(request.id, async (signal) => (await import("./jobs/analyze-job.js")).runAnalyzeJob(request, signal, eventOf(request.id)));
/** Search's captions, vectors and query vectors. */
const searchWithModel = (request: RequestOf<"search-captions"> | RequestOf<"search-embed"> | RequestOf<"search-query">) => abortable(request.id, async (signal) => (await import("./jobs/search-job.js")).runSearchJob(request, signal, eventOf(request.id)));
/** A Batch API step. */
const bulkWithModel = (request: RequestOf<"batch-submit" | "batch-refresh" | "batch-collect" | "batch-resubmit" | "batch-cancel">) => abortable(request.id, async (signal) => (await import("./jobs/batch-job.js")).runBulkJob(request, signal, eventOf(request.id)));
/** Rows from the model's reading of a frame's texts. */
const inferRowsIn = (request: RequestOf<"infer-rows">) => abortable(request.id, async (signal) => (await import("./jobs/infer-job.js")).runInferJob(request, signal));

/** The connection test. */
const testConnectionIn = (request: TestConnectionRequest) => abortable(request.id, async (signal) => (await import("./jobs/connection-job.js")).runConnectionTest(request, signal));

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  if (request.kind === "ping") {
    const decodeMs = bootDecodeMs(self);
    return { id: request.id, ok: true, kind: "pong", ...(decodeMs === undefined ? {} : { decodeMs }) };
  }
  if (request.kind === "abort") {
    running.get(request.target)?.abort();
    return { id: request.id, ok: true, kind: "aborted" };
  }
  try {
    if (request.kind === "load-script") {
      scope.importScripts(request.url);
      return { id: request.id, ok: true, kind: "loaded" };
    }
    if (request.kind === "ai-prepare") return await prepare(request);
    if (request.kind === "ai-generate") return await generateWithModel(request);
    if (request.kind === "test-connection") return await testConnectionIn(request);
    if (request.kind === "image-prepare") return await prepareImage(request);
    if (request.kind === "generate-image") return await generateImage(request);
    if (request.kind === "infer-rows") return await inferRowsIn(request);
    if (request.kind === "draft-prompts") return { id: request.id, ok: true, kind: "draft-prompts", ...draftPrompts(request) };
    if (request.kind === "read-rows") return readRowsReply(request.id, request.text);
    if (request.kind === "analyze-findings") return analyzeFindings(request);
    if (request.kind === "analyze-prepare") return await analyzePrepare(request);
    if (request.kind === "analyze-model") return await analyzeWithModelIn(request);
    if (request.kind === "search-captions" || request.kind === "search-embed" || request.kind === "search-query") return await searchWithModel(request);
    if (request.kind === "batch-submit" || request.kind === "batch-refresh" || request.kind === "batch-collect" || request.kind === "batch-resubmit" || request.kind === "batch-cancel") return await bulkWithModel(request);
    if (request.kind === "react-preview") {
      const runtime = previewRuntime();
      if (!runtime) throw new Error("this build has no preview runtime");
      const preview = buildReactPreview(request.files, runtime);
      return { id: request.id, ok: true, kind: "react-preview", html: preview.html, problems: preview.problems };
    }
    const design = loadDesign(asNodesReply(request.exports), [], request.extras ?? {});
    if (request.kind === "hint") return { id: request.id, ok: true, kind: "hint", hint: modelHint(design.document) };
    const started = performance.now();
    const result = await generateCode(design.document, request.options);
    return { id: request.id, ok: true, kind: "generate", result: { files: result.files, problems: [...design.problems, ...result.problems] }, ms: performance.now() - started };
  } catch (error) {
    const bad = error instanceof NotFigmaJsonError || error instanceof EmptyDesignError || error instanceof UnknownNodeError;
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error), bad };
  }
}

scope.onmessage = (event) => {
  let request: WorkerRequest;
  try {
    request = parseWorkerRequest(event.data);
  } catch (error) {
    const id = error instanceof ProtocolError ? (error.id ?? "") : "";
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error), bad: true });
    return;
  }
  void handle(request).then((reply) => scope.postMessage(reply));
};
