/**
 * The worker's `ai-round-estimate`: what a correction round of "Fix differences" will cost is ai/verify's estimate
 * (the CLI's --verify prints the same), its reply passing the protocol's checks as the panel reads it; the round's
 * two pictures are counted as image tokens, and the conversation resent before it as input.
 */
import { describe, expect, it } from "vitest";
import { loadTokenizer } from "../../../ai/estimate/estimate.js";
import { pngDataUrl, type PromptInput } from "../../../ai/code/prompt.js";
import { estimateRound } from "../../../ai/verify/estimate.js";
import { verifyRequest } from "../../../ai/verify/request.js";
import { scoreOf } from "../../../test/helpers/fidelity-score.js";
import { encodePng } from "../../../test/openai-server/png.js";
import { parseEngineMessage, parseEngineRequest, type RequestOf } from "../protocol/index.js";
import { modelJobs } from "./model.js";
import { runJob } from "./run.js";

const design = pngDataUrl(encodePng(375, 667));
const rendered = pngDataUrl(encodePng(375, 667, { seed: 3 }));
const input: PromptInput = {
  target: "html",
  styling: "css-modules",
  hint: "frame Log-In Page 375x667",
  imageDataUrl: design,
  detail: "high",
};

describe("the worker's estimate of a correction round", () => {
  it(
    "is ai/verify's estimate: the conversation again, the " +
      "measurement and both pictures, an answer as long as the last",
    async () => {
      const round = verifyRequest(scoreOf(), { rendered, design });
      const answers = [
        JSON.stringify({
          notes: "First try.",
          files: [{ path: "index.html", content: '<main data-node-id="101:3"></main>' }],
        }),
      ];
      const request = parseEngineRequest({
        kind: "ai-round-estimate",
        id: "w1",
        input,
        answers,
        earlier: [],
        round,
        model: "gpt-5",
      }) as RequestOf<"ai-round-estimate">;
      const reply = await runJob(modelJobs, request, { signal: new AbortController().signal, emit: () => undefined });
      const parsed = parseEngineMessage(reply);
      if (!("reply" in parsed) || !parsed.reply.ok || parsed.reply.kind !== "ai-round-estimate")
        throw new Error(`expected the estimate, got ${JSON.stringify(reply)}`);
      await loadTokenizer();
      const expected = estimateRound({ model: "gpt-5", prompt: input, answers, earlier: [], round });
      expect(parsed.reply.estimate).toEqual(expected);
      // The design's picture (in the first request) and the round's two are all billed.
      const alone = estimateRound({
        model: "gpt-5",
        prompt: input,
        answers,
        earlier: [],
        round: { ...round, images: [] },
      });
      expect(expected.imageTokens).toBe(alone.imageTokens * 3);
      expect(expected.outputTokens).toBeGreaterThan(0);
      expect(expected.costUsd).toBeGreaterThan(0);
    },
  );
});
