/**
 * One model turn (first or refinement) in the worker: streams progress into the state, keeps the result as
 * a new turn of its frame's session, and turns failures into something the panel can explain.
 */
import { useCallback, useRef } from "preact/hooks";
import type { Settings } from "../../contract/settings.js";
import type { ApiKeyVault } from "../settings/api-key.js";
import { ModelFailure, WorkerCancelledError, type Engine } from "../engine/engine.js";
import type { AiSessions } from "./ai-sessions.js";
import { applyEvent, MISSING_KEY, type AiSession, type AiState, type AiTurn, type PendingRequest, type Streaming } from "./ai-state.js";

export interface AiRunDeps {
  worker: Engine;
  vault: ApiKeyVault;
  sessions: AiSessions;
  settings: () => Settings;
  setState(state: AiState): void;
  /** Bumped by every new job and cancel: a run whose token is stale drops its result. */
  token: { current: number };
  /** A turn finished: the session with it as its last turn (kept in history). */
  onTurn?(session: AiSession): void;
}

export interface AiRun {
  run(request: PendingRequest, session?: AiSession): Promise<void>;
  /** Stops the request in flight (the worker answers it as aborted). */
  abort(): void;
  /** The request last sent (for Try again). */
  last(): PendingRequest | undefined;
}

export function useAiRun({ worker, vault, sessions, settings, setState, token, onTurn }: AiRunDeps): AiRun {
  const abortRef = useRef<AbortController | undefined>(undefined);
  const lastRequest = useRef<PendingRequest | undefined>(undefined);

  const run = useCallback(
    async (request: PendingRequest, sessionOverride?: AiSession) => {
      const session = sessionOverride ?? sessions.get(request.frameId);
      if (!session) return;
      const mine = ++token.current;
      const current = () => mine === token.current;
      const chosen = settings();
      // Only the key saved for this provider's endpoint: never another host's.
      const apiKey = vault.revealFor(chosen);
      lastRequest.current = request;
      if (!apiKey) return setState({ phase: "failed", failure: { kind: "model", message: `No API key for ${chosen.provider}.`, model: MISSING_KEY, at: Date.now() } });
      const controller = new AbortController();
      abortRef.current = controller;
      const startedAt = performance.now();
      let streaming: Streaming = { phase: "streaming", stage: "connecting", notes: "", files: [], refining: request.refine?.instructions, startedAt };
      setState(streaming);
      const parent = request.refine ? session.turns[request.refine.parent] : undefined;
      try {
        const refine = request.refine && parent ? { refine: { conversation: parent.conversation, instructions: request.refine.instructions } } : {};
        const onEvent = (event: Parameters<typeof applyEvent>[1]) => {
          if (!current()) return;
          streaming = applyEvent(streaming, event);
          setState(streaming);
        };
        const { result } = await worker.call("ai-generate", { settings: chosen, apiKey, input: session.input, ...refine, timeoutMs: chosen.timeoutSec * 1000 }, { onEvent, signal: controller.signal });
        if (!current()) return;
        const latest = sessions.get(session.frame.id) ?? session;
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
        const next = { ...latest, turns: [...latest.turns, turn], selected: latest.turns.length };
        sessions.put(next);
        setState({ phase: "idle" });
        onTurn?.(next);
      } catch (error) {
        if (!current()) return;
        if ((error instanceof ModelFailure && error.model.kind === "aborted") || error instanceof WorkerCancelledError) setState({ phase: "cancelled" });
        else if (error instanceof ModelFailure) setState({ phase: "failed", failure: { kind: "model", message: error.message, model: error.model, at: Date.now() } });
        else setState({ phase: "failed", failure: { kind: "worker", message: error instanceof Error ? error.message : String(error) } });
      } finally {
        if (abortRef.current === controller) abortRef.current = undefined;
      }
    },
    [worker, vault, sessions, settings, setState, token, onTurn],
  );

  const abort = useCallback(() => {
    abortRef.current?.abort();
    abortRef.current = undefined;
  }, []);

  return { run, abort, last: () => lastRequest.current };
}
