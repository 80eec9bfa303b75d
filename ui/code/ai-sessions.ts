/** The AI conversations, one per frame, and which one is on screen. */
import { useCallback, useRef, useState } from "preact/hooks";
import type { AiSession } from "./ai-state.js";

export interface AiSessions {
  /** The conversation of the frame last worked on. */
  current: AiSession | undefined;
  get(frameId: string): AiSession | undefined;
  /** Stores a session and makes it the current one. */
  put(session: AiSession): void;
  /** Stores a session without making it the current one (a turn's score came in). */
  update(session: AiSession): void;
}

export function useAiSessions(): AiSessions {
  const [sessions, setSessions] = useState<ReadonlyMap<string, AiSession>>(new Map());
  const [currentFrame, setCurrentFrame] = useState<string | undefined>(undefined);
  const ref = useRef(sessions);
  ref.current = sessions;
  const put = useCallback((session: AiSession) => {
    ref.current = new Map(ref.current).set(session.frame.id, session);
    setSessions(ref.current);
    setCurrentFrame(session.frame.id);
  }, []);
  const update = useCallback((session: AiSession) => {
    ref.current = new Map(ref.current).set(session.frame.id, session);
    setSessions(ref.current);
  }, []);
  const get = useCallback((frameId: string) => ref.current.get(frameId), []);
  return { current: currentFrame ? sessions.get(currentFrame) : undefined, get, put, update };
}
