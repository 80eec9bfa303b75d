/**
 * The engine worker: the code generator (ts-morph, prettier) and every model request (the openai SDK, the
 * tokenizer for estimates, the project pass and repair round) run here, off the panel's thread, loaded only
 * when the panel first needs them. Each section's jobs are registered in one table; the SDK's modules load on a
 * model request's first use. A bad design or model output comes back as a failure reply, never as a crash.
 */
import { bootDecodeMs } from "./boot.js";
import { asCodeJob, expectParts, partFailed, quiet, runPartScript, warmParts } from "./code-parts/parts.js";
import { decodeWorkerScript } from "./source.js";
import { analyzeJobs } from "./jobs/analyze.js";
import { batchJobs } from "./jobs/batch.js";
import { codeJobs } from "./jobs/code.js";
import { zipJobs } from "./jobs/zip.js";
import { updateJobs } from "./jobs/update.js";
import { highlightJobs } from "./jobs/highlight.js";
import { imageJobs } from "./jobs/image.js";
import type { Jobs } from "./jobs/job.js";
import { modelJobs } from "./jobs/model.js";
import { rowsJobs } from "./jobs/rows.js";
import { toFailure } from "../../contract/failure.js";
import { failureOf } from "./jobs/failure.js";
import { runJob } from "./jobs/run.js";
import { searchJobs } from "./jobs/search.js";
import { sdJobs } from "./jobs/sd.js";
import {
  parseEngineRequest,
  ProtocolError,
  type EngineEventMessage,
  type EngineReply,
  type EngineRequest,
  laterCodePartsFor,
  type Kind,
  type RequestOf,
} from "./protocol/index.js";

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: EngineReply | EngineEventMessage, transfer?: Transferable[]): void;
  importScripts(...urls: string[]): void;
}
const scope = self as unknown as WorkerScope;

/** Every kind's handler: a kind without one does not compile. */
const JOBS: Jobs = {
  ...codeJobs,
  ...zipJobs,
  ...updateJobs,
  ...highlightJobs,
  ...modelJobs,
  ...imageJobs,
  ...analyzeJobs,
  ...searchJobs,
  ...batchJobs,
  ...rowsJobs,
  ...sdJobs,
};

/**
 * Unpacks a gzip+base64 script (a worker part) and runs it here, once no code job runs (a part the host sends after a
 * Generate: the code-format part's 6 MB of script are not run ahead of a Generate clicked meanwhile).
 */
async function runPacked(packed: string): Promise<void> {
  const script = await decodeWorkerScript(packed);
  await quiet();
  const url = URL.createObjectURL(new Blob([script], { type: "text/javascript" }));
  try {
    // The jobs waiting for the part are woken here, once its script has run (parts.ts).
    runPartScript(() => scope.importScripts(url));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Running requests, by request id, so an abort can stop them. */
const running = new Map<string, AbortController>();

async function run(request: RequestOf<Kind>): Promise<EngineReply> {
  const controller = new AbortController();
  running.set(request.id, controller);
  try {
    // Posts an event of this request (its buffers transferred when given).
    return await runJob(JOBS, request, {
      signal: controller.signal,
      emit: (event, transfer) => scope.postMessage({ id: request.id, event }, transfer ?? []),
    });
  } finally {
    running.delete(request.id);
  }
}

/** The boundary's own requests, then the sections' jobs. */
async function handle(request: EngineRequest): Promise<EngineReply> {
  switch (request.kind) {
    case "ping": {
      const decodeMs = bootDecodeMs(self);
      return { id: request.id, ok: true, kind: "pong", ...(decodeMs === undefined ? {} : { decodeMs }) };
    }
    case "abort":
      running.get(request.target)?.abort();
      return { id: request.id, ok: true, kind: "aborted" };
    case "load-script":
      try {
        scope.importScripts(request.url);
        return { id: request.id, ok: true, kind: "loaded" };
      } catch (error) {
        // The browser's own words for a script it could not load or run (a SyntaxError's too): said as they are.
        return { id: request.id, ok: false, failure: toFailure(error) };
      }
    case "load-packed":
      try {
        await runPacked(request.packed);
        // Loaded is ready for an offline code job; the formatters compile after the answer (code-parts/parts.ts).
        setTimeout(() => void quiet().then(warmParts), 0);
        return { id: request.id, ok: true, kind: "loaded" };
      } catch (error) {
        // The browser's own words for a script it could not load or run (a SyntaxError's too): said as they are.
        return { id: request.id, ok: false, failure: toFailure(error) };
      }
    case "part-failed":
      partFailed(request.part, request.message);
      return { id: request.id, ok: true, kind: "aborted" };
    default:
      // The host sends these after the job: a call into one waits until it has run (code-parts/parts.ts).
      if (laterCodePartsFor(request.kind).length === 0) return run(request);
      expectParts(laterCodePartsFor(request.kind));
      return asCodeJob(() => run(request));
  }
}

scope.onmessage = (event) => {
  let request: EngineRequest;
  try {
    request = parseEngineRequest(event.data);
  } catch (error) {
    // A refusal is a ProtocolError (an `input` failure); without an id it could echo, it goes out with none.
    scope.postMessage(failureOf(error instanceof ProtocolError ? (error.id ?? "") : "", error));
    return;
  }
  void handle(request).then((reply) => scope.postMessage(reply));
};
