/**
 * The "Generate with AI" job: export the frame, build the prompt and its estimate in the worker, wait for the
 * user to send, stream the model's answer (notes and file names as they arrive), and keep every turn.
 * A conversation per frame: refinements build on the selected turn, and earlier turns stay selectable.
 * Kept at the app level so sessions survive switching panels.
 */
import { useCallback, useRef, useState } from "preact/hooks";
import type { Conversation } from "../../ai/generate.js";
import type { Estimate } from "../../ai/estimate.js";
import type { ModelCodeResult } from "../../ai/pipeline.js";
import type { PromptInput } from "../../ai/prompt.js";
import type { CodeOptions } from "../../codegen/load.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import type { ErrorCode, ExportedFrame } from "../../contract/messages.js";
import { endpointFor, type Settings } from "../../contract/settings.js";
import type { ApiKeyVault } from "../settings/api-key.js";
import type { Bridge } from "../channel/bridge.js";
import type { FrameInfo } from "./code-job.js";
import { useExportRequests } from "../channel/export-requests.js";
import { CodegenError, ModelFailure, WorkerCancelledError, WorkerCrashError, type WorkerHost } from "../worker/host.js";
import type { AiEvent, ModelFailureData } from "../worker/protocol.js";

type Exports = { id: string; json: unknown }[];

export interface AiTurn {
  /** 1-based, in the order the turns were made. */
  n: number;
  /** What the user asked for ("" for a first turn without instructions). */
  instructions: string;
  /** The turn this one refines (index into `turns`), if any. */
  parent: number | undefined;
  files: SourceFile[];
  problems: Problem[];
  notes: string;
  conversation: Conversation;
  repair: ModelCodeResult["repair"];
  attempts: number;
  /** Wall time from send to files shown, in ms. */
  ms: number;
  model: string;
}

export interface AiSession {
  frame: FrameInfo;
  options: CodeOptions;
  input: PromptInput;
  exports: Exports;
  turns: AiTurn[];
  selected: number;
}

export interface StreamedFile {
  path: string;
  done: boolean;
}

export type AiStage = "connecting" | "writing" | "checking" | "repairing";

export type AiFailure =
  | { kind: "model"; message: string; model: ModelFailureData; at: number }
  | { kind: "main"; code: ErrorCode; message: string }
  | { kind: "worker"; message: string };

export type AiState =
  | { phase: "idle" }
  | { phase: "exporting"; requestId: string; done: number; total: number; label: string }
  | { phase: "preparing" }
  | { phase: "confirm"; estimate: Estimate; model: string; host: string; frame: FrameInfo; others: number; hasImage: boolean }
  | { phase: "streaming"; stage: AiStage; notes: string; files: StreamedFile[]; refining: string | undefined; startedAt: number }
  | { phase: "failed"; failure: AiFailure }
  | { phase: "cancelled" };

export interface AiStartOptions {
  options: CodeOptions;
  instructions: string;
  draft: boolean;
}

export interface AiJob {
  state: AiState;
  /** The conversation of the frame last worked on. */
  session: AiSession | undefined;
  start(start: AiStartOptions): void;
  /** Sends the prepared request (after the estimate was shown). */
  send(): void;
  refine(instructions: string): void;
  cancel(): void;
  /** Sends the last request again (after an error). */
  retry(): void;
  selectTurn(index: number): void;
  /** Drops an error or cancelled notice. */
  dismiss(): void;
}

interface PendingRequest {
  frameId: string;
  refine: { parent: number; instructions: string } | undefined;
}

const MISSING_KEY: ModelFailureData = { kind: "missing-key" };

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Applies one streamed event to the progress state. */
export function applyEvent(state: Extract<AiState, { phase: "streaming" }>, event: AiEvent): Extract<AiState, { phase: "streaming" }> {
  if (event.type === "stage") return { ...state, stage: event.stage };
  const progress = event.event;
  switch (progress.type) {
    case "notes":
      return { ...state, stage: state.stage === "connecting" ? "writing" : state.stage, notes: progress.text };
    case "file-start":
    case "file": {
      const files = [...state.files];
      files[progress.index] = { path: progress.path, done: progress.type === "file" };
      return { ...state, stage: state.stage === "connecting" ? "writing" : state.stage, files };
    }
  }
}

export function useAiJob(bridge: Bridge, worker: WorkerHost, vault: ApiKeyVault, settings: Settings): AiJob {
  const [state, setState] = useState<AiState>({ phase: "idle" });
  const [sessions, setSessions] = useState<ReadonlyMap<string, AiSession>>(new Map());
  const [currentFrame, setCurrentFrame] = useState<string | undefined>(undefined);
  const stateRef = useRef(state);
  stateRef.current = state;
  const sessionsRef = useRef(sessions);
  sessionsRef.current = sessions;
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  /** Bumped by every new job and every cancel: async work of an older job drops its result. */
  const tokenRef = useRef(0);
  const abortRef = useRef<AbortController | undefined>(undefined);
  const startRef = useRef<AiStartOptions | undefined>(undefined);
  /** The prepared first turn awaiting Send. */
  const preparedRef = useRef<AiSession | undefined>(undefined);
  const lastRequest = useRef<PendingRequest | undefined>(undefined);

  const putSession = useCallback((session: AiSession) => {
    setSessions((all) => new Map(all).set(session.frame.id, session));
    setCurrentFrame(session.frame.id);
  }, []);

  const run = useCallback(
    async (request: PendingRequest, sessionOverride?: AiSession) => {
      const session = sessionOverride ?? sessionsRef.current.get(request.frameId);
      if (!session) return;
      const token = ++tokenRef.current;
      const current = () => token === tokenRef.current;
      const apiKey = vault.reveal();
      const chosen = settingsRef.current;
      lastRequest.current = request;
      if (!apiKey) {
        setState({ phase: "failed", failure: { kind: "model", message: `No API key for ${chosen.provider}.`, model: MISSING_KEY, at: Date.now() } });
        return;
      }
      const controller = new AbortController();
      abortRef.current = controller;
      const startedAt = performance.now();
      let streaming: Extract<AiState, { phase: "streaming" }> = { phase: "streaming", stage: "connecting", notes: "", files: [], refining: request.refine?.instructions, startedAt };
      setState(streaming);
      const parent = request.refine ? session.turns[request.refine.parent] : undefined;
      try {
        const result = await worker.aiGenerate(
          {
            settings: chosen,
            apiKey,
            input: session.input,
            ...(request.refine && parent ? { refine: { conversation: parent.conversation, instructions: request.refine.instructions } } : {}),
            timeoutMs: chosen.timeoutSec * 1000,
          },
          (event) => {
            if (!current()) return;
            streaming = applyEvent(streaming, event);
            setState(streaming);
          },
          controller.signal,
        );
        if (!current()) return;
        const latest = sessionsRef.current.get(session.frame.id) ?? session;
        const turn: AiTurn = {
          n: latest.turns.length + 1,
          instructions: request.refine?.instructions ?? session.input.instructions ?? "",
          parent: request.refine?.parent,
          files: result.files,
          problems: result.problems,
          notes: result.notes,
          conversation: result.conversation,
          repair: result.repair,
          attempts: result.attempts.length,
          ms: performance.now() - startedAt,
          model: chosen.model,
        };
        putSession({ ...latest, turns: [...latest.turns, turn], selected: latest.turns.length });
        setState({ phase: "idle" });
      } catch (error) {
        if (!current()) return;
        if (error instanceof ModelFailure && error.model.kind === "aborted") setState({ phase: "cancelled" });
        else if (error instanceof WorkerCancelledError) setState({ phase: "cancelled" });
        else if (error instanceof ModelFailure) setState({ phase: "failed", failure: { kind: "model", message: error.message, model: error.model, at: Date.now() } });
        else setState({ phase: "failed", failure: { kind: "worker", message: error instanceof Error ? error.message : String(error) } });
      } finally {
        if (abortRef.current === controller) abortRef.current = undefined;
      }
    },
    [worker, vault, putSession],
  );

  const prepare = useCallback(
    async (token: number, frames: ExportedFrame[]) => {
      const start = startRef.current;
      const frame = frames[0];
      if (!start || !frame) return;
      setState({ phase: "preparing" });
      const exports: Exports = frames.map((f) => ({ id: f.id, json: f.json }));
      const chosen = settingsRef.current;
      try {
        const prepared = await worker.aiPrepare({ exports: [{ id: frame.id, json: frame.json }], png: frame.png, options: start.options, model: chosen.model, draft: start.draft, instructions: start.instructions });
        if (token !== tokenRef.current) return;
        const info: FrameInfo = { id: frame.id, name: frame.name, width: frame.width, height: frame.height };
        const existing = sessionsRef.current.get(frame.id);
        preparedRef.current = { frame: info, options: start.options, input: prepared.input, exports, turns: existing?.turns ?? [], selected: existing?.selected ?? 0 };
        setState({ phase: "confirm", estimate: prepared.estimate, model: chosen.model, host: hostOf(endpointFor(chosen)), frame: info, others: frames.length - 1, hasImage: prepared.image !== undefined });
      } catch (error) {
        if (token !== tokenRef.current) return;
        if (error instanceof WorkerCancelledError) return setState({ phase: "cancelled" });
        const message = error instanceof CodegenError || error instanceof WorkerCrashError || error instanceof Error ? error.message : String(error);
        setState({ phase: "failed", failure: { kind: "worker", message } });
      }
    },
    [worker],
  );

  const newExportId = useExportRequests(bridge, "ai-export", {
    waitingFor: () => (stateRef.current.phase === "exporting" ? stateRef.current.requestId : undefined),
    progress: (message) => setState({ phase: "exporting", requestId: message.requestId, done: message.done, total: message.total, label: message.label }),
    result: (frames) => void prepare(tokenRef.current, frames),
    failed: (code, message) => {
      tokenRef.current++;
      setState(code === "cancelled" ? { phase: "cancelled" } : { phase: "failed", failure: { kind: "main", code, message } });
    },
  });

  const start = useCallback(
    (options: AiStartOptions) => {
      tokenRef.current++;
      abortRef.current?.abort();
      const previous = stateRef.current;
      if (previous.phase === "exporting") bridge.send("cancel-export", { requestId: previous.requestId });
      if (!vault.hasKey) {
        setState({ phase: "failed", failure: { kind: "model", message: `No API key for ${settingsRef.current.provider}.`, model: MISSING_KEY, at: Date.now() } });
        return;
      }
      startRef.current = options;
      const requestId = newExportId();
      setState({ phase: "exporting", requestId, done: 0, total: 0, label: "Exporting the frame…" });
      bridge.send("export-selection", { requestId });
      // The worker (tokenizer, SDK, project pass) boots while Figma exports.
      void worker.warmUp().catch(() => undefined);
    },
    [bridge, vault, worker, newExportId],
  );

  const send = useCallback(() => {
    const prepared = preparedRef.current;
    if (stateRef.current.phase !== "confirm" || !prepared) return;
    preparedRef.current = undefined;
    putSession(prepared);
    void run({ frameId: prepared.frame.id, refine: undefined }, prepared);
  }, [run, putSession]);

  const session = currentFrame ? sessions.get(currentFrame) : undefined;

  const refine = useCallback(
    (instructions: string) => {
      const text = instructions.trim();
      if (!session || session.turns.length === 0 || text === "") return;
      void run({ frameId: session.frame.id, refine: { parent: session.selected, instructions: text } });
    },
    [run, session],
  );

  const cancel = useCallback(() => {
    const current = stateRef.current;
    tokenRef.current++;
    if (current.phase === "exporting") bridge.send("cancel-export", { requestId: current.requestId });
    abortRef.current?.abort();
    abortRef.current = undefined;
    preparedRef.current = undefined;
    if (current.phase !== "idle" && current.phase !== "failed") setState({ phase: "cancelled" });
  }, [bridge]);

  const retry = useCallback(() => {
    const last = lastRequest.current;
    if (last) void run(last);
    else if (startRef.current) start(startRef.current);
  }, [run, start]);

  const selectTurn = useCallback(
    (index: number) => {
      if (!session || index < 0 || index >= session.turns.length) return;
      putSession({ ...session, selected: index });
    },
    [session, putSession],
  );

  const dismiss = useCallback(() => {
    const phase = stateRef.current.phase;
    if (phase === "failed" || phase === "cancelled") setState({ phase: "idle" });
  }, []);

  return { state, session, start, send, refine, cancel, retry, selectTurn, dismiss };
}
