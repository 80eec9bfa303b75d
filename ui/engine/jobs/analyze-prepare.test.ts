import { describe, expect, it } from "vitest";
import { readFixture } from "../../../test/helpers/fixtures";
import { analyzeFindings, analyzePrepare } from "./analyze-prepare";

/** The landing page's export, its frame renamed as Figma names a new frame ("Frame 59598"). */
function landingExport(): { id: string; json: unknown } {
  const file = structuredClone(readFixture("vincegx-homepage-landing.nodes.json")) as {
    nodes: Record<string, { document: { name: string } }>;
  };
  const [id, entry] = Object.entries(file.nodes)[0]!;
  entry.document.name = "Frame 59598";
  return { id, json: entry };
}

describe("the Analyze panel's names", () => {
  it("names a frame and its layers as Figma's layers panel does, generated names included", async () => {
    const { frames, findings } = await analyzeFindings({
      id: "r1",
      kind: "analyze-findings",
      exports: [landingExport()],
    });
    expect(frames.map((f) => f.name)).toEqual(["Frame 59598"]);
    expect(findings.map((f) => f.nodeName)).not.toContainEqual(expect.stringMatching(/^unnamed /));
    expect(findings.filter((f) => f.kind === "frame-name").map((f) => f.nodeName)).toEqual([
      "Frame 59598",
      "Frame 58",
      "Frame 857",
    ]);
  });

  it("gives the model the frame's Figma name", async () => {
    const { input } = await analyzePrepare({
      id: "r2",
      kind: "analyze-prepare",
      task: "critique",
      question: "",
      exports: [landingExport()],
      model: "gpt-5-mini",
    });
    expect(input.frames.map((f) => f.name)).toEqual(["Frame 59598"]);
  });
});
