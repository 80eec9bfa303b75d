/** An AI code session as a history entry: its last turn's files, and every turn's request and notes so far. */
import type { CodeEntry } from "../../contract/history.js";
import { codeEntry } from "../channel/history-client.js";
import type { AiSession } from "./ai-state.js";

export function aiCodeEntry(session: AiSession): CodeEntry {
  const last = session.turns[session.turns.length - 1];
  const turns: NonNullable<CodeEntry["turns"]> = session.turns.flatMap((t) => [
    { role: "user" as const, text: t.instructions },
    { role: "assistant" as const, text: t.notes },
  ]);
  return codeEntry(session.frame, session.options, last?.files ?? [], { model: last?.model ?? "unknown", turns });
}
