/** The estimate of a verify round: the whole conversation again as input, the round's measurement and two pictures. */
import { beforeAll, describe, expect, it } from "vitest";
import { encodePng } from "../../test/openai-server/png.js";
import { scoreOf } from "../../test/helpers/fidelity-score.js";
import { countTextTokens, estimatePrompt, imageTokens, loadTokenizer } from "../estimate/estimate.js";
import { ESTIMATE_PRICES } from "../client/prices.js";
import { pngDataUrl, type PromptInput } from "../code/prompt.js";
import { estimateRound, pngDataUrlSize } from "./estimate.js";
import { verifyRequest } from "./request.js";

beforeAll(loadTokenizer);

const DESIGN = pngDataUrl(encodePng(750, 1334));
const RENDERED = pngDataUrl(encodePng(375, 667));
const PROMPT: PromptInput = {
  target: "html",
  styling: "css-modules",
  hint: "figment-hint 1\nF 101:3 Log-In Page 375x667",
  imageDataUrl: DESIGN,
  detail: "high",
  nodeIds: true,
};
const ANSWER = JSON.stringify({
  notes: "One page.",
  files: [{ path: "index.html", content: '<main data-node-id="101:3">Log in</main>\n'.repeat(20) }],
});

describe("estimateRound", () => {
  it("reads a PNG data URL's size from its header", () => {
    expect(pngDataUrlSize(RENDERED)).toEqual({ width: 375, height: 667 });
    expect(pngDataUrlSize("data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ")).toBeUndefined();
  });

  it(
    "counts the first request, the answer, the round's text and " +
      "labels, and its two pictures; the answer's length for the output",
    () => {
      const round = verifyRequest(scoreOf(), { rendered: RENDERED, design: DESIGN });
      const first = estimatePrompt(PROMPT, { width: 750, height: 1334 }, { model: "gpt-5" });
      const estimate = estimateRound({ model: "gpt-5", prompt: PROMPT, answers: [ANSWER], round });
      const words = [ANSWER, round.instructions, ...round.images.map((i) => i.label)].reduce(
        (sum, t) => sum + countTextTokens(t) + 4,
        0,
      );
      const pictures = imageTokens(375, 667) + imageTokens(750, 1334);
      expect(estimate.inputTokens).toBe(first.inputTokens + words + pictures);
      expect(estimate.imageTokens).toBe(first.imageTokens + pictures);
      expect(estimate.outputTokens).toBe(countTextTokens(ANSWER));
      const price = ESTIMATE_PRICES["gpt-5"]!;
      expect(estimate.costUsd).toBeCloseTo(
        (estimate.inputTokens * price.input + estimate.outputTokens * price.output) / 1_000_000,
        12,
      );
      expect(estimate.price).toBe(price);
    },
  );

  it("a second round also pays for the first round's text and pictures", () => {
    const one = verifyRequest(scoreOf(), { rendered: RENDERED, design: DESIGN });
    const two = verifyRequest(scoreOf({ iouMatched: 0.97 }), { rendered: RENDERED, design: DESIGN });
    const first = estimateRound({ model: "gpt-5", prompt: PROMPT, answers: [ANSWER], round: one });
    const second = estimateRound({
      model: "gpt-5",
      prompt: PROMPT,
      answers: [ANSWER, ANSWER],
      earlier: [one],
      round: two,
    });
    expect(second.imageTokens).toBe(first.imageTokens + imageTokens(375, 667) + imageTokens(750, 1334));
    expect(second.inputTokens).toBeGreaterThan(
      first.inputTokens + countTextTokens(ANSWER) + countTextTokens(one.instructions),
    );
  });

  it("has no cost for a model without a known price", () => {
    const estimate = estimateRound({
      model: "someone/unknown",
      prompt: PROMPT,
      answers: [ANSWER],
      round: verifyRequest(scoreOf()),
    });
    expect(estimate.costUsd).toBeUndefined();
    expect(estimate.inputTokens).toBeGreaterThan(0);
  });
});
