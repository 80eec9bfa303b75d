/**
 * The panel's model path for Vue and Svelte (issue 54): ai-prepare asks the model for that target (it refused both
 * before), with the offline draft in that target's files and the design's assets where its components import them.
 */
import { describe, expect, it } from "vitest";
import { systemInstructions, userTexts } from "../../../ai/code/prompt.js";
import { readFixture } from "../../../test/helpers/fixtures.js";
import { prepareModelCode } from "./ai-prepare.js";

const selfie = readFixture("figma-differ-selfie.nodes.json") as { nodes: Record<string, unknown> };
const EXPORTS = Object.entries(selfie.nodes).map(([id, json]) => ({ id, json }));

const prepare = (target: "vue" | "svelte") =>
  prepareModelCode({
    id: "w1",
    kind: "ai-prepare",
    exports: EXPORTS,
    png: new Uint8Array(),
    options: { target, styling: "css-modules", nodeIds: true },
    model: "gpt-4.1",
    draft: true,
    instructions: "",
  });

describe("ai-prepare for Vue and Svelte", () => {
  it("asks for Vue single-file components, with the draft's .vue files", async () => {
    const { input } = await prepare("vue");
    expect(input.target).toBe("vue");
    expect(systemInstructions(input)).toContain("Vue 3 single-file components (.vue)");
    expect(input.drafts?.some((f) => f.path.endsWith(".vue"))).toBe(true);
    expect(userTexts(input).join("\n")).toContain("--- file: src/");
  });

  it("asks for Svelte 5 components, with the draft's .svelte files", async () => {
    const { input } = await prepare("svelte");
    expect(input.target).toBe("svelte");
    expect(systemInstructions(input)).toContain("Svelte 5 components (.svelte)");
    expect(input.drafts?.some((f) => f.path.endsWith(".svelte"))).toBe(true);
    expect(input.assets?.every((f) => f.path.startsWith("src/assets/"))).toBe(true);
  });
});
