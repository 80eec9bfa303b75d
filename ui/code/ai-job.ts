/**
 * The "Generate with AI" job: export the frame (with its PNG), build the prompt and its estimate in the
 * worker, wait for the user to send, stream the model's answer (ai-run.ts), and keep every turn per frame
 * (ai-sessions.ts). Kept at the app level so sessions survive switching panels.
 */
import { useCallback, useRef, useState } from "preact/hooks";
import type { CodeOptions } from "../../codegen/load.js";
import type { FetchedPrice } from "../../contract/messages.js";
import { RequestCancelledError } from "../../contract/requests.js";
import { endpointFor, type Settings } from "../../contract/settings.js";
import { MainThreadError, type MainRequests } from "../channel/requests.js";
import type { ApiKeyVault } from "../settings/api-key.js";
import { WorkerCancelledError, type Engine } from "../engine/engine.js";
import { keepInHistory } from "../history/history-client.js";
import { aiCodeEntry } from "./ai-history.js";
import { useAiRun } from "./ai-run.js";
import { useAiSessions } from "./ai-sessions.js";
import { hostOf, MISSING_KEY, type AiFailure, type AiSession, type AiState } from "./ai-state.js";

export type { AiFailure, AiSession, AiStage, AiState, AiTurn, StreamedFile } from "./ai-state.js";
export { applyEvent } from "./ai-state.js";

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
  /** Starts again on the current selection, with the last start's instructions and draft choice. */
  regenerate(options: CodeOptions): void;
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

function failureOf(error: unknown): AiFailure | "cancelled" {
  if (error instanceof RequestCancelledError || error instanceof WorkerCancelledError) return "cancelled";
  if (error instanceof MainThreadError) return error.code === "cancelled" ? "cancelled" : { kind: "main", code: error.code, message: error.message };
  return { kind: "worker", message: error instanceof Error ? error.message : String(error) };
}

/** `prices`: fetched from the endpoint's listing (Settings → Test connection); they win in the estimate. */
export function useAiJob(requests: MainRequests, worker: Engine, vault: ApiKeyVault, settings: Settings, prices?: Record<string, FetchedPrice>): AiJob {
  const [state, setState] = useState<AiState>({ phase: "idle" });
  const stateRef = useRef(state);
  stateRef.current = state;
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const pricesRef = useRef(prices);
  pricesRef.current = prices;
  const token = useRef(0);
  const exportAbort = useRef<AbortController | undefined>(undefined);
  const startRef = useRef<AiStartOptions | undefined>(undefined);
  /** The prepared first turn awaiting Send. */
  const preparedRef = useRef<AiSession | undefined>(undefined);
  const sessions = useAiSessions();
  const onTurn = useCallback((session: AiSession) => keepInHistory(requests, aiCodeEntry(session)), [requests]);
  const runner = useAiRun({ worker, vault, sessions, settings: () => settingsRef.current, setState, token, onTurn });

  const start = useCallback(
    (options: AiStartOptions) => {
      const mine = ++token.current;
      const current = () => mine === token.current;
      runner.abort();
      exportAbort.current?.abort();
      const chosen = settingsRef.current;
      if (!vault.hasKeyFor(chosen)) return setState({ phase: "failed", failure: { kind: "model", message: `No API key for ${chosen.provider}.`, model: MISSING_KEY, at: Date.now() } });
      startRef.current = options;
      const controller = new AbortController();
      exportAbort.current = controller;
      setState({ phase: "exporting", done: 0, total: 0, label: "Exporting the frame…" });
      // The worker (tokenizer, SDK, project pass) boots while Figma exports.
      void worker.warmUp().catch(() => undefined);
      requests
        .request("export-selection", { png: true }, { signal: controller.signal, onProgress: (m) => current() && setState({ phase: "exporting", done: m.done, total: m.total, label: m.label }) })
        .then(async ({ frames, extras }) => {
          const frame = frames[0];
          if (!current() || !frame) return;
          if (!frame.png) throw new Error(`Figma sent no image of “${frame.name}”.`);
          setState({ phase: "preparing" });
          const prepared = await worker.call("ai-prepare", { exports: [{ id: frame.id, json: frame.json }], ...(extras ? { extras } : {}), png: frame.png, options: options.options, model: chosen.model, draft: options.draft, instructions: options.instructions, ...(pricesRef.current ? { prices: pricesRef.current } : {}) });
          if (!current()) return;
          const info = { id: frame.id, name: frame.name, width: frame.width, height: frame.height };
          const existing = sessions.get(frame.id);
          const exports = frames.map((f) => ({ id: f.id, json: f.json }));
          preparedRef.current = { frame: info, options: options.options, input: prepared.input, exports, turns: existing?.turns ?? [], selected: existing?.selected ?? 0 };
          setState({ phase: "confirm", estimate: prepared.estimate, model: chosen.model, host: hostOf(endpointFor(chosen)), frame: info, others: frames.length - 1, hasImage: prepared.image !== undefined, instructions: options.instructions.trim(), draft: options.draft });
        })
        .catch((error: unknown) => {
          if (!current()) return;
          const failure = failureOf(error);
          setState(failure === "cancelled" ? { phase: "cancelled" } : { phase: "failed", failure });
        });
    },
    [requests, vault, worker, runner, sessions],
  );

  const regenerate = useCallback(
    (options: CodeOptions) => start({ instructions: startRef.current?.instructions ?? "", draft: startRef.current?.draft ?? false, options }),
    [start],
  );

  const send = useCallback(() => {
    const prepared = preparedRef.current;
    if (stateRef.current.phase !== "confirm" || !prepared) return;
    preparedRef.current = undefined;
    sessions.put(prepared);
    void runner.run({ frameId: prepared.frame.id, refine: undefined }, prepared);
  }, [runner, sessions]);

  const session = sessions.current;

  const refine = useCallback(
    (instructions: string) => {
      const text = instructions.trim();
      if (!session || session.turns.length === 0 || text === "") return;
      void runner.run({ frameId: session.frame.id, refine: { parent: session.selected, instructions: text } });
    },
    [runner, session],
  );

  const cancel = useCallback(() => {
    const phase = stateRef.current.phase;
    token.current++;
    exportAbort.current?.abort();
    runner.abort();
    preparedRef.current = undefined;
    if (phase !== "idle" && phase !== "failed") setState({ phase: "cancelled" });
  }, [runner]);

  const retry = useCallback(() => {
    const last = runner.last();
    if (last) void runner.run(last);
    else if (startRef.current) start(startRef.current);
  }, [runner, start]);

  const selectTurn = useCallback(
    (index: number) => {
      if (session && index >= 0 && index < session.turns.length) sessions.put({ ...session, selected: index });
    },
    [session, sessions],
  );

  const dismiss = useCallback(() => {
    const phase = stateRef.current.phase;
    if (phase === "failed" || phase === "cancelled") setState({ phase: "idle" });
  }, []);

  return { state, session, start, regenerate, send, refine, cancel, retry, selectTurn, dismiss };
}
