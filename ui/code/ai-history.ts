/** An AI code session as a history entry: its last turn's files, and every turn's request and notes so far. */
import type { CodeEntry } from "../../contract/history.js";
import { codeEntry } from "../channel/history-client.js";
import type { AiSession } from "./ai-state.js";
import { scoreOf } from "./score/score-state.js";

export function aiCodeEntry(session: AiSession): CodeEntry {
  const last = session.turns[session.turns.length - 1];
  const turns: NonNullable<CodeEntry["turns"]> = session.turns.flatMap((t) => [
    { role: "user" as const, text: t.instructions },
    { role: "assistant" as const, text: t.notes },
  ]);
  const entry = codeEntry(session.frame, session.options, last?.files ?? [], {
    model: last?.model ?? "unknown",
    turns,
  });
  // A turn measured before it was kept (a correction round's answer) is kept with its score.
  const score = scoreOf(last?.score);
  return score ? { ...entry, score } : entry;
}
