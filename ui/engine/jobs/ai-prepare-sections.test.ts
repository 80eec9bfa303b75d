/**
 * The Code panel's plan for a frame too large for one request (issue 74): the CLI's planner over the panel's own
 * input. flora's "Home • Desktop" (1440 × 5594, exported at 1 px per design px) splits into ≥ 3 requests whose
 * estimates add up to the card's total, in every target (Angular and React Native too, each request's rule naming its
 * target's files); its Order Modal stays one request.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTokenizer } from "../../../ai/estimate/estimate.js";
import { encodePng } from "../../../ai/mask/png.js";
import { pngDataUrl, systemInstructions, type PromptInput } from "../../../ai/code/prompt.js";
import { pagePaths, sectionFiles } from "../../../ai/code/sections/targets.js";
import { TARGETS } from "../../../codegen/targets.js";
import { loadDesign, modelHint } from "../../../codegen/index.js";
import { prepareSections } from "./ai-prepare-sections.js";

const FLORA = JSON.parse(readFileSync("test/fixtures/real/flora.file.json", "utf8")) as unknown;

function ask(id: string, target: PromptInput["target"] = "react") {
  const document = loadDesign(FLORA, [id]).document;
  const frame = document.frames[0]!;
  const image = { width: Math.round(frame.w), height: Math.round(frame.h) };
  const png = encodePng(image.width, image.height, 3, new Uint8Array(image.width * image.height * 3).fill(240));
  const input: PromptInput = {
    target,
    styling: "css-modules",
    hint: modelHint(document, "responsive"),
    imageDataUrl: pngDataUrl(png),
    detail: "high",
  };
  return { document, input, png, image, decisions: undefined, model: "gpt-5.4-image-2", outputTokens: 1000 };
}

beforeAll(loadTokenizer);

describe("prepareSections", () => {
  it("splits a tall landing page into requests whose estimates make the card's total", async () => {
    const split = (await prepareSections(ask("8203:59903")))!;
    expect(split).toBeDefined();
    const { list, inputs } = split.sections;
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(inputs.map((i) => i.section?.component)).toEqual(list.map((s) => s.component));
    expect(split.estimate.inputTokens).toBe(list.reduce((sum, s) => sum + s.inputTokens, 0));
    expect(split.estimate.imageTokens).toBe(list.reduce((sum, s) => sum + s.imageTokens, 0));
    expect(split.estimate.outputTokens).toBe(1000);
    expect(split.estimate.costUsd).toBeGreaterThan(0);
    // The bands cover the frame, in drawn order.
    expect(list[0]!.y).toBe(0);
    expect(list.at(-1)!.y + list.at(-1)!.h).toBeCloseTo(5594, -1);
  });

  it("keeps a small frame in one request, and splits the tall page for every target, each rule its own", async () => {
    expect(await prepareSections(ask("8211:116360"))).toBeUndefined();
    const tall = ask("8203:59903");
    for (const target of TARGETS) {
      // The picture's size splits the page; its crops (the first test's) are left out here.
      const split = (await prepareSections({ ...tall, input: { ...tall.input, target }, png: undefined }))!;
      expect(split.sections.list.length, target).toBeGreaterThanOrEqual(3);
      for (const input of split.sections.inputs) {
        expect(input.target).toBe(target);
        // Each request names its section's file in the target's layout and the page files it must not write.
        const rule = systemInstructions(input);
        expect(rule).toContain(sectionFiles(input.section!.component, target).main);
        expect(rule).toContain(`Do not write ${pagePaths(target).join(" nor ")}`);
      }
    }
  });
});
