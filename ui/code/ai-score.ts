/**
 * Each model turn's fidelity score: measured once the turn on show has none (a new answer, a refinement, or an older
 * turn whose measurement a newer one stopped), after it has painted; kept in the turn (the turn bar shows it) and,
 * with the turn's History entry, saved again with it.
 */
import { isPageSession } from "./prompt-design.js";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { CodeEntry } from "../../contract/history.js";
import { keepInHistory } from "../channel/history-client.js";
import type { MainRequests } from "../channel/requests.js";
import type { Engine } from "../engine/engine.js";
import type { AiSessions } from "./ai-sessions.js";
import type { AiSession, AiTurn } from "./ai-state.js";
import { loadDraft } from "./draft-loader.js";
import type { ScoreInput } from "./score/measure.js";
import { htmlScoreInput } from "./score/score-input.js";
import { ScoreRunner } from "./score/score-runner.js";
import { exportedFrame, scoreOf, type ScoreState } from "./score/score-state.js";

export interface TurnScores {
  /** The turn being measured (turnKey), if any. */
  measuring: string | undefined;
  /** Keeps `entry` (the History entry of the session's last turn) to save it again with that turn's score. */
  kept(session: AiSession, entry: CodeEntry): void;
}

export const turnKey = (session: Pick<AiSession, "frame">, turn: Pick<AiTurn, "n">): string =>
  `${session.frame.id}#${turn.n}`;

/**
 * The page a turn's files are measured on: HTML as the preview shows it; React run by the preview runtime, as
 * previewed.
 */
export async function pageOf(
  worker: Engine,
  session: AiSession,
  files: AiTurn["files"],
): Promise<ScoreInput | undefined> {
  const exported = session.exports.find((e) => e.id === session.frame.id);
  const frame = exported ? exportedFrame(exported.json, exported.id) : undefined;
  if (!frame) return undefined;
  // A page drawn at several widths (its drawings sent with the prompt): measured at each against its drawing.
  const drawings =
    (session.input.drawings?.length ?? 0) > 1
      ? session.exports
          .filter((e) => e.id !== frame.id)
          .flatMap((e) => exportedFrame(e.json, e.id) ?? [])
          .sort((a, b) => (b.absoluteBoundingBox?.width ?? 0) - (a.absoluteBoundingBox?.width ?? 0))
      : [];
  const more = drawings.length > 0 ? { drawings } : {};
  if (session.options.target === "html") {
    const input = htmlScoreInput(frame, files);
    return input && { ...input, ...more };
  }
  const { html } = await worker.call("react-preview", { files, target: session.options.target });
  return { frame, html, ...more };
}

export function useTurnScores(requests: MainRequests, worker: Engine, sessions: AiSessions): TurnScores {
  const scores = useRef(new ScoreRunner(() => loadDraft(requests))).current;
  const [measuring, setMeasuring] = useState<string | undefined>(undefined);
  const entries = useRef(new Map<string, CodeEntry>());

  const settle = useCallback(
    (frameId: string, n: number, score: ScoreState) => {
      const key = `${frameId}#${n}`;
      setMeasuring((now) => (now === key ? undefined : now));
      const latest = sessions.get(frameId);
      if (latest) sessions.update({ ...latest, turns: latest.turns.map((t) => (t.n === n ? { ...t, score } : t)) });
      const entry = entries.current.get(key);
      const measured = scoreOf(score);
      if (entry && measured) keepInHistory(requests, { ...entry, score: measured });
    },
    [sessions, requests],
  );

  const session = sessions.current;
  const turn = session?.turns[session.selected];
  useEffect(() => {
    // A designed page has no design to be measured against.
    if (!session || !turn || turn.score || isPageSession(session.frame.id)) return;
    const key = turnKey(session, turn);
    if (measuring === key) return;
    setMeasuring(key);
    scores.run(
      () => pageOf(worker, session, turn.files),
      (score) => settle(session.frame.id, turn.n, score),
    );
  }, [session?.frame.id, turn]);

  const kept = useCallback((s: AiSession, entry: CodeEntry) => {
    const last = s.turns[s.turns.length - 1];
    if (last) entries.current.set(turnKey(s, last), entry);
  }, []);

  return { measuring, kept };
}
