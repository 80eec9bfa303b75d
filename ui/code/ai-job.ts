/**
 * The "Generate with AI" job: the shared model job (ui/model/use-model-job.ts) with the Code panel's pieces
 * (ai-request.ts), the turns kept per frame (ai-sessions.ts), Regenerate, Refine, Fix differences (ai-fix.ts) and
 * the turn on show. Kept at the app level so sessions survive switching panels.
 */
import { useCallback, useRef } from "preact/hooks";
import type { CodeOptions } from "../../codegen/load.js";
import type { FetchedPrice } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import type { MainRequests } from "../channel/requests.js";
import type { ApiKeyVault } from "../model/api-key.js";
import type { Engine } from "../engine/engine.js";
import { keepInHistory } from "../channel/history-client.js";
import { useModelJob } from "../model/use-model-job.js";
import { aiCodeEntry } from "./ai-history.js";
import { aiPieces, type AiStartOptions } from "./ai-request.js";
import { useAiSessions } from "./ai-sessions.js";
import type { AiSession, AiState } from "./ai-state.js";
import { useTurnScores } from "./ai-score.js";
import { fixableScore } from "./fix-state.js";
import { isPageSession } from "./prompt-design.js";

export type { AiSession, AiStage, AiState, AiTurn, StreamedFile } from "./ai-state.js";
export type { AiStartOptions } from "./ai-request.js";
export { applyEvent } from "./ai-state.js";

export interface AiJob {
  state: AiState;
  /** The conversation of the frame last worked on. */
  session: AiSession | undefined;
  /** The turn whose score is being measured (`turnKey`), if any. */
  measuring: string | undefined;
  start(start: AiStartOptions): void;
  /**
   * "Design from a prompt": a page from `prompt`, estimated first; `withSelection`: the selected frames' variables and
   * fonts go with it as the design system.
   */
  design(prompt: string, withSelection: boolean): void;
  /** Starts again on the current selection, with the last start's instructions and draft choice. */
  regenerate(options: CodeOptions): void;
  /** Sends the prepared request (after the estimate was shown). */
  send(): void;
  refine(instructions: string): void;
  /** "Fix differences" of the turn on show: its correction round, estimated first (offered when `canFix`). */
  fix(): void;
  /** Whether the turn on show has measured differences to fix. */
  canFix: boolean;
  cancel(): void;
  /** Repeats the step that failed (after an error). */
  retry(): void;
  selectTurn(index: number): void;
  /** Drops an error or cancelled notice. */
  dismiss(): void;
}

/** `prices`: fetched from the endpoint's listing (Settings → Test connection); they win in the estimate. */
export function useAiJob(
  requests: MainRequests,
  worker: Engine,
  vault: ApiKeyVault,
  settings: Settings,
  prices?: Record<string, FetchedPrice>,
): AiJob {
  const live = useRef({ settings, prices });
  live.current = { settings, prices };
  const startRef = useRef<AiStartOptions | undefined>(undefined);
  const sessions = useAiSessions();
  const scores = useTurnScores(requests, worker, sessions);
  const onTurn = useCallback(
    (session: AiSession) => {
      // A designed page is kept as a frame's result is (under its own page id and brief); it has no score to add.
      const entry = aiCodeEntry(session);
      if (!isPageSession(session.frame.id)) scores.kept(session, entry);
      keepInHistory(requests, entry);
    },
    [requests, scores.kept],
  );
  const job = useModelJob(
    aiPieces({
      requests,
      worker,
      sessions,
      settings: () => live.current.settings,
      prices: () => live.current.prices,
      started: (start) => (startRef.current = start),
      onTurn,
    }),
    { vault, settings: () => live.current.settings },
  );
  const session = sessions.current;

  const regenerate = useCallback(
    (options: CodeOptions) =>
      job.prepare({
        instructions: startRef.current?.instructions ?? "",
        draft: startRef.current?.draft ?? false,
        clarify: startRef.current?.clarify,
        options,
      }),
    [job.prepare],
  );

  const design = useCallback(
    (prompt: string, withSelection: boolean) => {
      if (prompt.trim() !== "") job.prepare({ page: { prompt: prompt.trim(), withSelection } });
    },
    [job.prepare],
  );

  const refine = useCallback(
    (instructions: string) => {
      const text = instructions.trim();
      if (!session || session.turns.length === 0 || text === "") return;
      // A split page: the whole page in a new request (no section's conversation holds it), estimated first.
      if (session.sections) job.prepare({ wholePage: { session, parent: session.selected, instructions: text } });
      else job.sendNow({ session, refine: { parent: session.selected, instructions: text } });
    },
    [job.prepare, job.sendNow, session],
  );

  const canFix = fixableScore(session?.turns[session.selected]) !== undefined;
  const fix = useCallback(() => {
    if (session && fixableScore(session.turns[session.selected]))
      job.prepare({ fix: { frame: session.frame.id, turn: session.selected } });
  }, [job.prepare, session]);

  const selectTurn = useCallback(
    (index: number) => {
      if (session && index >= 0 && index < session.turns.length) sessions.put({ ...session, selected: index });
    },
    [session, sessions],
  );

  return {
    state: job.state,
    session,
    measuring: scores.measuring,
    start: job.prepare,
    design,
    regenerate,
    send: job.send,
    refine,
    fix,
    canFix,
    cancel: job.cancel,
    retry: job.retry,
    selectTurn,
    dismiss: job.dismiss,
  };
}
