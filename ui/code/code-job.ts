/**
 * The "Generate code" job: export the selection on the main thread (with progress and cancel), show the
 * emitters' draft at once (made here, ui/code/draft.ts), then let the engine worker check and format it; its
 * files replace the draft. The preview comes with the draft. Kept at the app level so results survive
 * switching panels.
 */
import { useCallback, useRef, useState } from "preact/hooks";
import type { CodeOptions } from "../../codegen/load.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import type { CodeRecord as OutputRecord } from "../../contract/history.js";
import type { ExportedFrame, ExportExtras, ExportProblem } from "../../contract/messages.js";
import type { MainRequests } from "../channel/requests.js";
import { LatestOnly, LatestRun, SKIPPED, type Run } from "../lib/latest-only.js";
import type { Engine, WorkerStatus } from "../engine/engine.js";
import { failureOf, type ModelJobFailure } from "../model/job-state.js";
import type { Draft } from "./draft.js";
import type { DraftModule } from "./draft-global.js";
import { loadDraft } from "./draft-loader.js";
import { codeEntry, frameRef, withRecord } from "../channel/history-client.js";
import { withExportProblems } from "./export-problems.js";
import { exportedFrame, type ScoreState } from "./score/score-state.js";
import { useResultScore } from "./score/use-result-score.js";
import type { FrameInfo } from "./frame-info.js";

export type { FrameInfo } from "./frame-info.js";

export type PreviewState =
  | { status: "loading" }
  /** `converted`: the output is React, so the preview is the same design emitted as HTML (not the React files). */
  | { status: "ready"; files: SourceFile[]; converted: boolean }
  /** The React files themselves, run by the preview runtime in an `allow-scripts` sandbox (model answers). */
  | { status: "scripted"; html: string; problems: Problem[] }
  | { status: "failed"; message: string };

export interface CodeOutput {
  /** Distinct per run: views reset their tabs when it changes (a draft and the files replacing it share it). */
  id: number;
  options: CodeOptions;
  files: SourceFile[];
  problems: Problem[];
  /** Time the worker spent generating (the panel, for a draft), in ms. */
  ms: number;
  /** The worker's cold start (unpack + boot), in ms, once measured. */
  workerColdStartMs: number | undefined;
  frames: FrameInfo[];
  preview: PreviewState;
  /**
   * Absent once the worker's checked and formatted files are in. The emitters' draft is "formatting" while the
   * worker works on it, and "draft" when it stays as it is (the job was cancelled or the worker failed).
   */
  stage?: "formatting" | "draft";
  /** A result reopened from History (ui/code/saved-result.ts): when and how it was made. */
  saved?: SavedInfo;
  /** How closely the preview matches the design (ui/code/score/); absent when it cannot be measured. */
  score?: ScoreState;
  /**
   * What the zip records of it (`.figment/`, codegen/project/recorded-project.ts; target and styling are `options`'):
   * a finished offline result's, or a History entry's that kept it.
   */
  record?: OutputRecord;
}

export type { CodeRecord as OutputRecord } from "../../contract/history.js";

/** When and how a result reopened from History was made (ui/code/saved-result.ts). */
export interface SavedInfo {
  createdAt: string;
  mode: "offline" | "ai";
  model?: string;
  /** An AI result's turns as text: the user's requests and the model's notes. */
  turns?: { role: "user" | "assistant"; text: string }[];
  /** A page designed from a prompt: no frame of the file, its brief the first turn. */
  page?: boolean;
}

/** The panels' one failure (ui/model/job-state.ts): the engine's `check` is a design that cannot become code. */
export type CodeJobFailure = ModelJobFailure;

export type CodeJobState =
  | { phase: "idle" }
  | { phase: "exporting"; done: number; total: number; label: string }
  /** The worker is generating and there is no draft to show (the panel could not make one). */
  | { phase: "generating"; worker: WorkerStatus }
  /** The draft is on screen while the worker checks and formats it. */
  | { phase: "draft"; output: CodeOutput; worker: WorkerStatus }
  | { phase: "done"; output: CodeOutput }
  /** `draft`: the emitters' files, kept on screen though the worker did not finish them. */
  | { phase: "failed"; failure: CodeJobFailure; draft?: CodeOutput }
  | { phase: "cancelled"; draft?: CodeOutput };

/** Frames of the selection made one page each (ui/code/page-groups.ts), by id, widest first. */
export type Pages = readonly (readonly string[])[];

export interface CodeJob {
  state: CodeJobState;
  /** `pages`: the selection's frames drawing one page at several widths, each group made one page. */
  generate(options: CodeOptions, pages?: Pages): void;
  cancel(): void;
  /** Runs the worker again on the last export (after a crash), or exports again if there is none. */
  retry(options: CodeOptions): void;
  /**
   * Shows a result reopened from History as the finished output (a run under way is superseded); React files get their
   * preview run.
   */
  show(output: CodeOutput): void;
  /** Loads the draft emitters and the scorer ahead of the first Generate (the panel's idle warm-up). */
  warmUp(): void;
  /**
   * "Generate separately": frames drawing one page at several widths are generated each as its own page. Kept here, at
   * the app level, so switching panels keeps the choice.
   */
  separate: boolean;
  setSeparate(separate: boolean): void;
}

type Exports = { id: string; json: unknown }[];

/** One export as codegen takes it: the frames' JSON, their image bytes and SVGs, and what those lack. */
interface Exported {
  exports: Exports;
  frames: FrameInfo[];
  extras: ExportExtras;
  /** Assets the main thread could not get (missing image, failed SVG, a limit): listed first among the problems. */
  problems: ExportProblem[];
  /** Frames made one page each. */
  pages: Pages;
}

/** What the panel shows for a state: the output, the draft on its way to it, or the draft a stop left behind. */
export function shownOutput(state: CodeJobState): CodeOutput | undefined {
  if (state.phase === "done" || state.phase === "draft") return state.output;
  if (state.phase === "failed" || state.phase === "cancelled") return state.draft;
  return undefined;
}

/** Whether the job is under way (exporting, or the worker is at work, a draft on screen or not). */
export function codeJobBusy(state: CodeJobState): boolean {
  return state.phase === "exporting" || state.phase === "generating" || state.phase === "draft";
}

/** The draft as the first output of run `id`, or undefined when the panel could not make one. */
function draftOutput(
  id: number,
  { exports, frames, extras, problems, pages }: Exported,
  options: CodeOptions,
  drafter: DraftModule | undefined,
): CodeOutput | undefined {
  if (!drafter) return undefined; // the emitters did not load: the worker's files come alone
  let draft: Draft;
  try {
    draft = drafter.draftCode(exports, options, extras, undefined, pages);
  } catch {
    // Unusable input: the worker's answer says so in full.
    return undefined;
  }
  const preview: PreviewState = { status: "ready", files: draft.preview, converted: options.target !== "html" };
  return {
    id,
    options,
    files: draft.files,
    problems: withExportProblems(problems, draft.problems),
    ms: draft.ms,
    workerColdStartMs: undefined,
    frames,
    preview,
    stage: "formatting",
  };
}

/** A draft left as it is. */
const kept = (draft: CodeOutput | undefined): CodeOutput | undefined =>
  draft ? { ...draft, stage: "draft" } : undefined;

/** `state` with the score of output `id` set, wherever that output is shown (unchanged when it is not). */
export function withScore(state: CodeJobState, id: number, score: ScoreState): CodeJobState {
  const scored = (output: CodeOutput | undefined): CodeOutput | undefined =>
    output && output.id === id ? { ...output, score } : output;
  if (state.phase === "done" || state.phase === "draft")
    return state.output.id === id ? { ...state, output: scored(state.output)! } : state;
  if ((state.phase === "failed" || state.phase === "cancelled") && state.draft?.id === id)
    return { ...state, draft: scored(state.draft) };
  return state;
}

export function useCodeJob(requests: MainRequests, worker: Engine): CodeJob {
  const [state, setState] = useState<CodeJobState>({ phase: "idle" });
  const [separate, setSeparate] = useState(false);
  const stateRef = useRef(state);
  stateRef.current = state;
  /**
   * A run per job (its id names its output); every new job and every cancel supersedes it: async work of an older job
   * drops its result.
   */
  const runs = useRef(new LatestRun()).current;
  const lastExport = useRef<Exported | null>(null);
  /** Stops the layout check in flight (its measuring iframe removed). */
  const checkAbort = useRef<AbortController | undefined>(undefined);

  /**
   * Worker requests one at a time: a superseded job's request finishes (its result dropped) instead of a warm worker
   * being terminated.
   */
  const queue = useRef(new LatestOnly()).current;
  /** The score of the result on screen: its draft's preview (its layers carry their ids) measured once painted. */
  const scores = useResultScore(requests, (id, score) =>
    setState((stateRef.current = withScore(stateRef.current, id, score))),
  );
  const measure = (draft: CodeOutput, { exports: [first] }: Exported): ScoreState | undefined =>
    draft.preview.status === "ready" && first
      ? scores.measure(draft.id, exportedFrame(first.json, first.id), draft.preview.files)
      : undefined;

  const runWorker = useCallback(
    async ({ id, current }: Run, exported: Exported, options: CodeOptions) => {
      const { exports, frames, extras, problems, pages } = exported;
      // The job's steps as marks (a test that waited in vain reads which began and which ended).
      performance.mark("figment:code-job:exported");
      const drafter = await loadDraft(requests).catch(() => undefined);
      if (!current()) return;
      // The layout check first (ui/code/layout-check.ts: the inferred frames laid out at the design width in the
      // measuring iframe): the draft, the engine's files and the score are all of the checked layout.
      const checking = new AbortController();
      checkAbort.current?.abort();
      checkAbort.current = checking;
      performance.mark("figment:layout-check:start");
      const check = drafter
        ? await drafter.checkDraftLayout(exports, extras, checking.signal).catch(() => undefined)
        : undefined;
      // What the check adds to a Generate (the bench reads it: bench/layout-check.ts).
      performance.measure("figment:layout-check", "figment:layout-check:start");
      if (!current()) return;
      const checked: CodeOptions = check ? { ...options, layoutDecisions: check.decisions } : options;
      const made = draftOutput(id, exported, checked, drafter);
      const measuring = made ? measure(made, exported) : undefined;
      const draft = made && measuring ? { ...made, score: measuring } : made;
      const status: WorkerStatus = worker.currentStatus === "ready" ? "ready" : "starting";
      setState(draft ? { phase: "draft", output: draft, worker: status } : { phase: "generating", worker: status });
      const unsubscribe = worker.onStatus((next) => {
        const now = stateRef.current;
        if (current() && (now.phase === "generating" || now.phase === "draft")) setState({ ...now, worker: next });
      });
      try {
        performance.mark("figment:code-job:generate");
        const reply = await queue.run(async () =>
          current()
            ? worker.call("generate", {
                exports,
                options: checked,
                ...(extras ? { extras } : {}),
                ...(pages.length > 0 ? { pages: pages.map((ids) => [...ids]) } : {}),
              })
            : SKIPPED,
        );
        performance.mark("figment:code-job:answered");
        if (reply === SKIPPED || !current()) return;
        const { result, ms } = reply;
        const record: OutputRecord = {
          figment: reply.figment ?? "unknown",
          createdAt: new Date().toISOString(),
          frames: frames.map(frameRef),
          nodeIds: options.nodeIds,
          ...(reply.design ? { design: reply.design } : {}),
        };
        const html = options.target === "html";
        // React output is previewed and scored as it ships (its own files run by the preview runtime, Tailwind
        // compiled) once the worker has it; till then, and when the preview cannot run it all, the draft's preview is
        // the same design as HTML, its layers carrying their ids. Without a draft, HTML output previews the checked
        // files.
        const shipped: PreviewState | undefined = reply.preview
          ? { status: "scripted", html: reply.preview.html, problems: reply.preview.problems }
          : undefined;
        const preview: PreviewState =
          shipped ??
          draft?.preview ??
          (html
            ? { status: "ready", files: result.files, converted: false }
            : { status: "failed", message: "the design could not be rendered" });
        // The score measured meanwhile (or still measuring) stays with the output when the preview is the same page.
        const now = shownOutput(stateRef.current);
        const frame = exported.exports[0] ? exportedFrame(exported.exports[0].json, exported.exports[0].id) : undefined;
        const score = reply.preview
          ? scores.measure(id, frame, { html: reply.preview.html })
          : now?.id === id
            ? now.score
            : undefined;
        setState({
          phase: "done",
          output: {
            id,
            options,
            files: result.files,
            problems: withExportProblems(problems, result.problems),
            ms,
            workerColdStartMs: worker.stats.coldStartMs,
            frames,
            preview,
            ...(score ? { score } : {}),
            record,
          },
        });
        if (frames[0])
          scores.keep(id, withRecord(codeEntry(frames[0], options, result.files), record, result.files), score);
      } catch (error) {
        if (!current()) return;
        const failure = failureOf(error);
        setState(
          failure === "cancelled"
            ? { phase: "cancelled", draft: kept(draft) }
            : { phase: "failed", failure, draft: kept(draft) },
        );
      } finally {
        unsubscribe();
      }
    },
    [worker, queue, requests, scores],
  );

  /** Stops the export in flight (the main thread hears a cancel). */
  const exportAbort = useRef<AbortController | undefined>(undefined);

  const generate = useCallback(
    (options: CodeOptions, pages: Pages = []) => {
      const run = runs.start();
      const { current } = run;
      // A job under way is superseded, not cancelled: its export stops, its worker request's result is dropped.
      exportAbort.current?.abort();
      scores.cancel();
      const controller = new AbortController();
      exportAbort.current = controller;
      setState({ phase: "exporting", done: 0, total: 0, label: "Starting export…" });
      // The draft emitters load while the selection exports (usually done before it).
      void loadDraft(requests).catch(() => undefined);
      // Offline code needs only the structure: no PNG.
      requests
        .call(
          "export-selection",
          { png: false },
          {
            signal: controller.signal,
            onEvent: (message) =>
              current() &&
              setState({ phase: "exporting", done: message.done, total: message.total, label: message.label }),
          },
        )
        .then(({ frames: sent, extras, problems }) => {
          if (!current()) return;
          const frames: FrameInfo[] = sent.map((f: ExportedFrame) => ({
            id: f.id,
            name: f.name,
            width: f.width,
            height: f.height,
          }));
          const exports: Exports = sent.map((f: ExportedFrame) => ({ id: f.id, json: f.json }));
          // A group whose frames are not all exported (one was refused) is left apart.
          const sentIds = new Set(sent.map((f) => f.id));
          const whole = pages.filter((ids) => ids.every((id) => sentIds.has(id)));
          const exported: Exported = { exports, frames, extras: extras ?? {}, problems: problems ?? [], pages: whole };
          lastExport.current = exported;
          return runWorker(run, exported, options);
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
    [requests, runWorker, scores],
  );

  const cancel = useCallback(() => {
    const current = stateRef.current;
    runs.stop();
    exportAbort.current?.abort();
    checkAbort.current?.abort();
    if (current.phase === "generating" || current.phase === "draft") worker.cancel();
    if (codeJobBusy(current))
      setState({ phase: "cancelled", draft: current.phase === "draft" ? kept(current.output) : undefined });
  }, [worker]);

  const retry = useCallback(
    (options: CodeOptions) => {
      const last = lastExport.current;
      if (!last) {
        generate(options);
        return;
      }
      void runWorker(runs.start(), last, options);
    },
    [generate, runWorker],
  );

  const show = useCallback(
    (output: CodeOutput) => {
      const { id, current } = runs.start();
      exportAbort.current?.abort();
      scores.cancel();
      const shown: CodeOutput = { ...output, id };
      setState({ phase: "done", output: shown });
      if (output.preview.status !== "loading") return;
      const settle = (preview: PreviewState) => current() && setState({ phase: "done", output: { ...shown, preview } });
      worker.call("react-preview", { files: output.files, target: output.options.target }).then(
        (r) => settle({ status: "scripted", html: r.html, problems: r.problems }),
        (error: unknown) =>
          settle({ status: "failed", message: error instanceof Error ? error.message : String(error) }),
      );
    },
    [worker, scores],
  );

  const warmUp = useCallback(() => void loadDraft(requests).catch(() => undefined), [requests]);

  return { state, generate, cancel, retry, show, warmUp, separate, setSeparate };
}
