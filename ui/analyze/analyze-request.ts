/**
 * The Analyze panel's own pieces of its model job: export the selection with its PNGs (or reuse the frames
 * the findings came from), build the request and its estimate in the worker; send it, the Markdown answer
 * streaming in as text; keep the answer as a result of the session and in the history. The steps around them
 * (key, confirm, stream, cancel, failures) are ui/model/model-job.ts.
 */
import type { AnalyzeInput, AnalyzeTask } from "../../ai/analyze/input.js";
import type { Finding } from "../../codegen/analyze/types.js";
import type { ExportedFrame, FetchedPrice } from "../../contract/messages.js";
import { endpointFor, type Settings } from "../../contract/settings.js";
import type { MainRequests } from "../channel/requests.js";
import { analysisEntry, keepInHistory } from "../channel/history-client.js";
import { hostOf } from "../model/job-state.js";
import type { ModelJobPieces, PrepareIo, SendIo } from "../model/model-job.js";
import type { Engine } from "../engine/engine.js";
import type { ReplyOf } from "../engine/protocol/index.js";
import type { AnalysisResult, AnalyzeConfirm, AnswerStream, FrameRef } from "./analyze-state.js";
import { FigmentError } from "../../kernel/errors.js";

type AnalyzeReply = ReplyOf<"analyze-model">;

/**
 * What the user asked; `kept`: the frames the findings came from, with their PNGs (absent, the selection is exported
 * anew).
 */
export interface AnalyzeAsk {
  task: AnalyzeTask;
  question: string;
  kept?: ExportedFrame[] | undefined;
}

/** A request ready to send, with what its answer will say about it. */
export interface PendingAnalysis {
  input: AnalyzeInput;
  task: AnalyzeTask;
  question: string;
  frames: FrameRef[];
  findings: number;
  to: AnalyzeConfirm["to"];
}

export interface AnalyzeRequestDeps {
  requests: MainRequests;
  worker: Engine;
  live(): { settings: Settings; prices: Record<string, FetchedPrice> | undefined };
  /** The findings of the frames the request carries (they go with it as data). */
  onFindings(frames: FrameRef[], findings: Finding[], exported: ExportedFrame[]): void;
  onResult(result: AnalysisResult): void;
}

export function analyzePieces(
  deps: AnalyzeRequestDeps,
): ModelJobPieces<AnalyzeAsk, PendingAnalysis, AnalyzeConfirm, AnswerStream, string, AnalyzeReply> {
  return {
    prepare: (ask, io) => prepareAnalysis(deps, ask, io),
    send: (pending, io) => sendAnalysis(deps, pending, io),
    streaming: ({ task, frames, to }, startedAt) => ({ phase: "streaming", task, frames, text: "", to, startedAt }),
    progress: (stream, delta) => ({ ...stream, text: stream.text + delta }),
    // One request runs at a time, so its start time (ms) names the answer.
    done: ({ markdown, model, cut, usage, costUsd }, pending, { startedAt }) => {
      const { task, frames, question, findings } = pending;
      deps.onResult({
        id: `a${startedAt}`,
        task,
        frames,
        question,
        markdown,
        model,
        cut,
        ...(usage ? { usage } : {}),
        ...(costUsd !== undefined ? { costUsd } : {}),
        findings,
        startedAt,
        finishedAt: Date.now(),
      });
      const frame = frames[0];
      if (frame) keepInHistory(deps.requests, analysisEntry(frame, pending.input.findings, { model, markdown }));
    },
    // Try again after a failed answer asks anew: the selection is exported again and the estimate shown again.
    againFrom: ({ task, question }) => ({ task, question }),
  };
}

async function prepareAnalysis(
  { requests, worker, live, onFindings }: AnalyzeRequestDeps,
  { task, question, kept }: AnalyzeAsk,
  io: PrepareIo,
): Promise<{ request: PendingAnalysis; confirm: AnalyzeConfirm }> {
  const { settings, prices } = live();
  if (kept) io.preparing();
  else io.exporting({ done: 0, total: 0, label: "Exporting the selection…" });
  const frames =
    kept ??
    (
      await requests.call(
        "export-selection",
        { png: true },
        { signal: io.signal, onEvent: (m) => io.exporting({ done: m.done, total: m.total, label: m.label }) },
      )
    ).frames;
  io.signal.throwIfAborted();
  if (task === "compare" && frames.length < 2)
    throw new FigmentError(
      "input",
      "Compare needs two frames: select two frames (Shift-click), or two versions of one, and ask again.",
    );
  io.preparing();
  const reply = await worker.call("analyze-prepare", {
    exports: frames.map((f) => ({ id: f.id, json: f.json, ...(f.png ? { png: f.png } : {}) })),
    task,
    question,
    model: settings.model,
    ...(prices ? { prices } : {}),
  });
  io.signal.throwIfAborted();
  const refs = reply.input.frames.map((f) => ({ id: f.nodeId, name: f.name }));
  onFindings(refs, reply.input.findings, frames);
  const to = { model: settings.model, host: hostOf(endpointFor(settings)) };
  const findings = reply.input.findings.length;
  return {
    request: { input: reply.input, task, question, frames: refs, findings, to },
    confirm: { phase: "confirm", task, frames: refs, findings, estimate: reply.estimate, to },
  };
}

/** The Analyze panel's one model call: the answer's text streams to `onEvent`. */
function sendAnalysis(
  { worker, live }: AnalyzeRequestDeps,
  { input }: PendingAnalysis,
  { settings, apiKey, onEvent, signal }: SendIo<string>,
): Promise<AnalyzeReply> {
  const { prices } = live();
  return worker.call(
    "analyze-model",
    { settings, apiKey, input, timeoutMs: settings.timeoutSec * 1000, ...(prices ? { prices } : {}) },
    { onEvent: (event) => onEvent(event.delta), signal },
  );
}
