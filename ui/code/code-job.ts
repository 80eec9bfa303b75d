/**
 * The "Generate code" job: export the selection on the main thread (with progress and cancel), then run
 * the codegen worker on the exports' JSON. For React output a second worker request renders the same
 * design as HTML for the preview. Kept at the app level so results survive switching panels.
 */
import { useCallback, useRef, useState } from "preact/hooks";
import type { CodeOptions } from "../../codegen/load.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import type { ErrorCode, ExportedFrame } from "../../contract/messages.js";
import { RequestCancelledError } from "../../contract/requests.js";
import { MainThreadError, type MainRequests } from "../channel/requests.js";
import { CodegenError, WorkerCancelledError, WorkerCrashError, type WorkerHost, type WorkerStatus } from "../worker/host.js";

export interface FrameInfo {
  id: string;
  name: string;
  width: number;
  height: number;
}

export type PreviewState =
  | { status: "loading" }
  /** `converted`: the output is React, so the preview is the HTML rendering of the same design. */
  | { status: "ready"; files: SourceFile[]; converted: boolean }
  /** The React files themselves, run by the preview runtime in an `allow-scripts` sandbox (model answers). */
  | { status: "scripted"; html: string; problems: Problem[] }
  | { status: "failed"; message: string };

export interface CodeOutput {
  /** Distinct per run: views reset their tabs when it changes. */
  id: number;
  options: CodeOptions;
  files: SourceFile[];
  problems: Problem[];
  /** Time the worker spent generating, in ms. */
  ms: number;
  /** The worker's cold start (unpack + boot), in ms, once measured. */
  workerColdStartMs: number | undefined;
  frames: FrameInfo[];
  preview: PreviewState;
}

export type JobFailure =
  | { kind: "main"; code: ErrorCode; message: string }
  | { kind: "worker-crash"; message: string }
  | { kind: "codegen"; message: string; bad: boolean };

export type JobState =
  | { phase: "idle" }
  | { phase: "exporting"; done: number; total: number; label: string }
  | { phase: "generating"; worker: WorkerStatus }
  | { phase: "done"; output: CodeOutput }
  | { phase: "failed"; failure: JobFailure }
  | { phase: "cancelled" };

export interface CodeJob {
  state: JobState;
  generate(options: CodeOptions): void;
  cancel(): void;
  /** Runs the worker again on the last export (after a crash), or exports again if there is none. */
  retry(options: CodeOptions): void;
}

type Exports = { id: string; json: unknown }[];

function failureOf(error: unknown): JobFailure | "cancelled" {
  if (error instanceof WorkerCancelledError || error instanceof RequestCancelledError) return "cancelled";
  if (error instanceof MainThreadError) return error.code === "cancelled" ? "cancelled" : { kind: "main", code: error.code, message: error.message };
  if (error instanceof WorkerCrashError) return { kind: "worker-crash", message: error.message };
  if (error instanceof CodegenError) return { kind: "codegen", message: error.message, bad: error.bad };
  return { kind: "codegen", message: error instanceof Error ? error.message : String(error), bad: false };
}

export function useCodeJob(requests: MainRequests, worker: WorkerHost): CodeJob {
  const [state, setState] = useState<JobState>({ phase: "idle" });
  const stateRef = useRef(state);
  stateRef.current = state;
  /** Bumped by every new job and every cancel: async work of an older job drops its result. */
  const tokenRef = useRef(0);
  const lastExport = useRef<{ exports: Exports; frames: FrameInfo[] } | null>(null);

  const runWorker = useCallback(
    async (token: number, exports: Exports, frames: FrameInfo[], options: CodeOptions) => {
      const current = () => token === tokenRef.current;
      setState({ phase: "generating", worker: worker.currentStatus === "ready" ? "ready" : "starting" });
      const unsubscribe = worker.onStatus((status) => {
        if (current() && stateRef.current.phase === "generating") setState({ phase: "generating", worker: status });
      });
      try {
        const { result, ms } = await worker.generate(exports, options);
        if (!current()) return;
        const html = options.target === "html";
        const output: CodeOutput = {
          id: token,
          options,
          files: result.files,
          problems: result.problems,
          ms,
          workerColdStartMs: worker.stats.coldStartMs,
          frames,
          preview: html ? { status: "ready", files: result.files, converted: false } : { status: "loading" },
        };
        setState({ phase: "done", output });
        if (html) return;
        const preview = await worker
          .generate(exports, { target: "html", styling: "css-modules", nodeIds: false })
          .then((r): PreviewState => ({ status: "ready", files: r.result.files, converted: true }))
          .catch((error: unknown): PreviewState => ({ status: "failed", message: error instanceof Error ? error.message : String(error) }));
        if (!current()) return;
        setState({ phase: "done", output: { ...output, preview } });
      } catch (error) {
        if (!current()) return;
        const failure = failureOf(error);
        setState(failure === "cancelled" ? { phase: "cancelled" } : { phase: "failed", failure });
      } finally {
        unsubscribe();
      }
    },
    [worker],
  );

  /** Stops the export in flight (the main thread hears a cancel). */
  const exportAbort = useRef<AbortController | undefined>(undefined);

  const generate = useCallback(
    (options: CodeOptions) => {
      const token = ++tokenRef.current;
      exportAbort.current?.abort();
      if (stateRef.current.phase === "generating") worker.cancel();
      const controller = new AbortController();
      exportAbort.current = controller;
      const current = () => token === tokenRef.current;
      setState({ phase: "exporting", done: 0, total: 0, label: "Starting export…" });
      // Offline code needs only the structure: no PNG.
      requests
        .request("export-selection", { png: false }, {
          signal: controller.signal,
          onProgress: (message) => current() && setState({ phase: "exporting", done: message.done, total: message.total, label: message.label }),
        })
        .then(({ frames: exported }) => {
          if (!current()) return;
          const frames: FrameInfo[] = exported.map((f: ExportedFrame) => ({ id: f.id, name: f.name, width: f.width, height: f.height }));
          const exports: Exports = exported.map((f: ExportedFrame) => ({ id: f.id, json: f.json }));
          lastExport.current = { exports, frames };
          return runWorker(token, exports, frames, options);
        })
        .catch((error: unknown) => {
          if (!current()) return;
          const failure = failureOf(error);
          setState(failure === "cancelled" ? { phase: "cancelled" } : { phase: "failed", failure });
        })
        .finally(() => {
          if (exportAbort.current === controller) exportAbort.current = undefined;
        });
    },
    [requests, worker, runWorker],
  );

  const cancel = useCallback(() => {
    const current = stateRef.current;
    tokenRef.current++;
    exportAbort.current?.abort();
    if (current.phase === "generating") worker.cancel();
    if (current.phase === "exporting" || current.phase === "generating") setState({ phase: "cancelled" });
  }, [worker]);

  const retry = useCallback(
    (options: CodeOptions) => {
      const last = lastExport.current;
      if (!last) {
        generate(options);
        return;
      }
      const token = ++tokenRef.current;
      void runWorker(token, last.exports, last.frames, options);
    },
    [generate, runWorker],
  );

  return { state, generate, cancel, retry };
}
