/** An AI session as a history entry: the last turn's files, every turn's words, accepted by the contract. */
import { describe, expect, it } from "vitest";
import { codeEntryField } from "../../contract/history.js";
import { aiCodeEntry } from "./ai-history.js";
import type { AiSession, AiTurn } from "./ai-state.js";

const turn = (n: number, instructions: string, notes: string, content: string): AiTurn =>
  ({
    n,
    instructions,
    parent: n > 1 ? n - 2 : undefined,
    files: [{ path: "Card.tsx", content }],
    problems: [],
    notes,
    conversation: [],
    repair: undefined,
    attempts: 1,
    ms: 10,
    model: "gpt-5",
  }) as unknown as AiTurn;

describe("aiCodeEntry", () => {
  it("keeps the last turn's files and the whole conversation's words", () => {
    const session = {
      frame: { id: "1:2", name: "Card", width: 300, height: 200 },
      options: { target: "react", styling: "tailwind", nodeIds: false },
      turns: [turn(1, "", "A card.", "v1"), turn(2, "Darker", "Darkened.", "v2")],
      selected: 1,
    } as unknown as AiSession;
    const entry = aiCodeEntry(session);
    expect(codeEntryField.check(entry, "entry")).toEqual(entry);
    expect(entry).toMatchObject({
      mode: "ai",
      model: "gpt-5",
      frame: { id: "1:2", name: "Card" },
      files: [{ path: "Card.tsx", content: "v2" }],
    });
    expect(entry.turns).toEqual([
      { role: "user", text: "" },
      { role: "assistant", text: "A card." },
      { role: "user", text: "Darker" },
      { role: "assistant", text: "Darkened." },
    ]);
  });
});
