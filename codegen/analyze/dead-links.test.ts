import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDesign } from "../load.js";
import { PROTOTYPE_FILE } from "../prototype/test-design.js";
import { analyzeDesign } from "./index.js";

describe("dead links in the prototype", () => {
  it("names the interaction whose destination is not in the file", () => {
    const findings = analyzeDesign(loadDesign(PROTOTYPE_FILE).document, { kinds: ["dead-link"] });
    expect(findings.map((f) => [f.nodeId, f.severity, f.message])).toEqual([
      [
        "2:3",
        "warning",
        "“Nowhere” navigates to a layer no longer in the file (9:99); point it at a visible frame or remove the " +
          "interaction",
      ],
    ]);
  });

  it("names a destination that is hidden, and one never set", () => {
    const file = structuredClone(PROTOTYPE_FILE) as typeof PROTOTYPE_FILE & Record<string, unknown>;
    const page = file.document.children[0]!;
    (page.children[1] as Record<string, unknown>)["visible"] = false;
    const home = page.children[0] as { children: Record<string, unknown>[] };
    home.children.push({
      id: "1:20",
      name: "Lost",
      type: "RECTANGLE",
      absoluteBoundingBox: { x: 20, y: 600, width: 40, height: 40 },
      interactions: [
        {
          trigger: { type: "ON_CLICK" },
          actions: [{ type: "NODE", destinationId: null, navigation: "NAVIGATE", transition: null }],
        },
      ],
    });
    const findings = analyzeDesign(loadDesign(file, ["1:1"]).document, { kinds: ["dead-link"] });
    expect(findings.map((f) => f.message)).toEqual([
      "“About us” navigates to “About”, which is hidden; point it at a visible frame or remove the interaction",
      "“Lost” navigates to nothing: its destination is not set; point it at a visible frame or remove the interaction",
    ]);
  });

  it("finds 9 drags going nowhere in the TnT website, and no click to a missing frame", () => {
    const json = JSON.parse(readFileSync("test/fixtures/real/tnt-website.file.json", "utf8"));
    const findings = analyzeDesign(loadDesign(json).document, { kinds: ["dead-link"] });
    // The dial's drags (its "Option" texts and "Ellipse 11" knobs) were wired with no destination.
    expect(findings).toHaveLength(9);
    expect(findings.every((f) => f.message.includes("not set"))).toBe(true);
  });
});
