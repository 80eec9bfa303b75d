/**
 * The estimate of a section's repair follows that section's own conversation: its first request and answer, then each
 * round sent in it and its answer; a repair that was dropped leaves the next round on the earlier conversation, and the
 * estimate with it. Several requests add up.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { encodePng } from "../../test/openai-server/png.js";
import { scoreOf } from "../../test/helpers/fidelity-score.js";
import { loadTokenizer } from "../estimate/estimate.js";
import type { ModelCodeResult } from "../code/pipeline.js";
import type { Conversation } from "../code/generate.js";
import { pngDataUrl, type PromptInput } from "../code/prompt.js";
import { estimateRound } from "./estimate.js";
import { verifyRequest } from "./request.js";
import { SectionConversations, sumEstimates } from "./section-estimate.js";

beforeAll(loadTokenizer);

const BAND = pngDataUrl(encodePng(1440, 600));
const HINT = "figment-hint 1\nF 1:1 Page 1440x600";
const PROMPT: PromptInput = { target: "react", styling: "css-modules", hint: HINT, imageDataUrl: BAND, nodeIds: true };
const conversation = (id: string): Conversation => ({ kind: "responses", previousResponseId: id });
const result = (id: string, text: string): ModelCodeResult =>
  ({ attempts: [{ text }], kept: 0, conversation: conversation(id) }) as unknown as ModelCodeResult;
const FIRST = result("first", '{"files":[{"path":"src/sections/Hero.tsx","content":"x"}]}');
const REPAIR = result("repair", `{"files":[{"path":"src/sections/Hero.tsx","content":"${"y".repeat(400)}"}]}`);

const round = (n: number, on: Conversation) => ({
  round: n,
  conversation: on,
  ...verifyRequest(scoreOf(), { rendered: BAND, design: BAND }),
});

describe("SectionConversations", () => {
  it("estimates a round on its section's conversation, and the next on the one it continues", () => {
    const conversations = new SectionConversations([{ result: FIRST }]);
    const one = round(1, FIRST.conversation);
    expect(conversations.estimate("gpt-5", PROMPT, one)).toEqual(
      estimateRound({ model: "gpt-5", prompt: PROMPT, answers: [FIRST.attempts[0]!.text], round: one }),
    );
    conversations.answered(one, REPAIR);
    // Kept: round 2 continues the repair's conversation, which resends round 1 and its answer.
    const onRepair = round(2, REPAIR.conversation);
    const kept = conversations.estimate("gpt-5", PROMPT, onRepair);
    expect(kept).toEqual(
      estimateRound({
        model: "gpt-5",
        prompt: PROMPT,
        answers: [FIRST.attempts[0]!.text, REPAIR.attempts[0]!.text],
        earlier: [one],
        round: onRepair,
      }),
    );
    // Dropped: round 2 continues the first answer's conversation, as round 1 did.
    const dropped = conversations.estimate("gpt-5", PROMPT, round(2, FIRST.conversation));
    expect(dropped.inputTokens).toBe(conversations.estimate("gpt-5", PROMPT, one).inputTokens);
    expect(kept.inputTokens).toBeGreaterThan(dropped.inputTokens);
  });

  it("adds several requests' estimates up, the cost only when each has one", () => {
    const conversations = new SectionConversations([{ result: FIRST }]);
    const a = conversations.estimate("gpt-5", PROMPT, round(1, FIRST.conversation));
    const sum = sumEstimates([a, a]);
    expect([sum.inputTokens, sum.imageTokens, sum.outputTokens]).toEqual([
      2 * a.inputTokens,
      2 * a.imageTokens,
      2 * a.outputTokens,
    ]);
    expect(sum.costUsd).toBeCloseTo(2 * a.costUsd!, 12);
    expect(sumEstimates([a, { ...a, costUsd: undefined }]).costUsd).toBeUndefined();
  });
});
