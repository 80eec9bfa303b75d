/**
 * The model's analysis: export the selection with its PNGs, build the request and its estimate in the
 * worker, wait for Send, then stream the Markdown answer. Cancel stops it at once (what streamed stays on
 * screen, marked, and is not kept as a result); failures become something the panel can explain.
 */
import { useCallback, useRef, useState } from "preact/hooks";
import type { AnalyzeInput, AnalyzeTask } from "../../ai/analyze/input.js";
import type { Finding } from "../../codegen/analyze/types.js";
import type { ExportedFrame, FetchedPrice } from "../../contract/messages.js";
import { endpointFor, type Settings } from "../../contract/settings.js";
import type { MainRequests } from "../channel/requests.js";
import { analysisEntry, keepInHistory } from "../history/history-client.js";
import type { ApiKeyVault } from "../settings/api-key.js";
import type { Engine } from "../engine/engine.js";
import { failureOf, hostOf, type AnalysisResult, type FrameRef, type ModelState } from "./analyze-state.js";

export interface AnalysisDeps {
  requests: MainRequests;
  worker: Engine;
  vault: ApiKeyVault;
  live: { current: { settings: Settings; prices: Record<string, FetchedPrice> | undefined } };
  /** The findings of the frames the request carries (they go with it as data). */
  onFindings(frames: FrameRef[], findings: Finding[], exported: ExportedFrame[]): void;
  onResult(result: AnalysisResult): void;
}

export function useAnalysis({ requests, worker, vault, live, onFindings, onResult }: AnalysisDeps) {
  const [state, setState] = useState<ModelState>({ phase: "idle" });
  const stateRef = useRef(state);
  stateRef.current = state;
  const token = useRef(0);
  const abort = useRef<AbortController | undefined>(undefined);
  const prepared = useRef<{ input: AnalyzeInput; question: string } | undefined>(undefined);
  const again = useRef<(() => void) | undefined>(undefined);
  const partial = useRef("");

  const fail = (error: unknown): void => {
    const failure = failureOf(error);
    setState(failure === "cancelled" ? { phase: "cancelled", partial: partial.current } : { phase: "failed", failure, partial: partial.current });
  };

  const ask = useCallback(
    /** `kept`: the frames the findings came from, with their PNGs; absent, the selection is exported anew. */
    (task: AnalyzeTask, question: string, kept?: ExportedFrame[]) => {
      const mine = ++token.current;
      const current = () => mine === token.current;
      again.current = () => ask(task, question, kept);
      abort.current?.abort();
      partial.current = "";
      const { settings, prices } = live.current;
      if (!vault.hasKeyFor(settings)) return setState({ phase: "failed", failure: { kind: "model", message: `No API key for ${settings.provider}.`, model: { kind: "missing-key" }, at: Date.now() }, partial: "" });
      const controller = new AbortController();
      abort.current = controller;
      setState(kept ? { phase: "preparing" } : { phase: "exporting", done: 0, total: 0, label: "Exporting the selection…" });
      (async () => {
        const frames = kept ?? (await requests.request("export-selection", { png: true }, { signal: controller.signal, onProgress: (m) => current() && setState({ phase: "exporting", done: m.done, total: m.total, label: m.label }) })).frames;
        if (!current()) return;
        if (task === "compare" && frames.length < 2) return setState({ phase: "failed", failure: { kind: "check", message: "Compare needs two frames: select two frames (Shift-click), or two versions of one, and ask again." }, partial: "" });
        setState({ phase: "preparing" });
        const reply = await worker.call("analyze-prepare", { exports: frames.map((f) => ({ id: f.id, json: f.json, ...(f.png ? { png: f.png } : {}) })), task, question, model: settings.model, ...(prices ? { prices } : {}) });
        if (!current()) return;
        const refs = reply.input.frames.map((f) => ({ id: f.nodeId, name: f.name }));
        onFindings(refs, reply.input.findings, frames);
        prepared.current = { input: reply.input, question };
        setState({ phase: "confirm", task, frames: refs, findings: reply.input.findings.length, estimate: reply.estimate, to: { model: settings.model, host: hostOf(endpointFor(settings)) } });
      })().catch((error: unknown) => current() && fail(error));
    },
    [requests, worker, vault, live, onFindings],
  );

  const send = useCallback(() => {
    const pending = prepared.current;
    const confirm = stateRef.current;
    if (confirm.phase !== "confirm" || !pending) return;
    prepared.current = undefined;
    const mine = ++token.current;
    const current = () => mine === token.current;
    again.current = () => ask(confirm.task, pending.question);
    const { settings, prices } = live.current;
    const apiKey = vault.revealFor(settings);
    if (!apiKey) return setState({ phase: "failed", failure: { kind: "model", message: `No API key for ${settings.provider}.`, model: { kind: "missing-key" }, at: Date.now() }, partial: "" });
    const controller = new AbortController();
    abort.current = controller;
    const startedAt = Date.now();
    partial.current = "";
    let streaming: Extract<ModelState, { phase: "streaming" }> = { phase: "streaming", task: confirm.task, frames: confirm.frames, text: "", to: confirm.to, startedAt };
    setState(streaming);
    const onText = (delta: string): void => {
      if (!current()) return;
      partial.current += delta;
      streaming = { ...streaming, text: partial.current };
      setState(streaming);
    };
    worker
      .call("analyze-model", { settings, apiKey, input: pending.input, timeoutMs: settings.timeoutSec * 1000, ...(prices ? { prices } : {}) }, { onEvent: (event) => onText(event.delta), signal: controller.signal })
      .then((reply) => {
        if (!current()) return;
        const { markdown, model, cut, usage, costUsd } = reply;
        onResult({ id: `a${startedAt}-${mine}`, task: confirm.task, frames: confirm.frames, question: pending.question, markdown, model, cut, ...(usage ? { usage } : {}), ...(costUsd !== undefined ? { costUsd } : {}), findings: confirm.findings, startedAt, finishedAt: Date.now() });
        setState({ phase: "idle" });
        const frame = confirm.frames[0];
        if (frame) keepInHistory(requests, analysisEntry(frame, pending.input.findings, { model, markdown }));
      })
      .catch((error: unknown) => current() && fail(error));
  }, [worker, vault, live, onResult, ask, requests]);

  const cancel = useCallback(() => {
    const phase = stateRef.current.phase;
    token.current++;
    abort.current?.abort();
    abort.current = undefined;
    prepared.current = undefined;
    if (phase !== "idle" && phase !== "failed") setState({ phase: "cancelled", partial: partial.current });
  }, []);

  const dismiss = useCallback(() => {
    const phase = stateRef.current.phase;
    if (phase === "failed" || phase === "cancelled") setState({ phase: "idle" });
  }, []);

  return { state, ask, send, cancel, retry: useCallback(() => again.current?.(), []), dismiss };
}

export type AnalysisJob = ReturnType<typeof useAnalysis>;
