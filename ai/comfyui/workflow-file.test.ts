import { describe, expect, it } from "vitest";
import { previewOf } from "./run.js";
import { fillWorkflow, parseWorkflow, placeholdersIn } from "./workflow-file.js";

const graph = parseWorkflow(
  JSON.stringify({
    "1": { class_type: "LoadImage", inputs: { image: "{{image}}" } },
    "2": { class_type: "KSampler", inputs: { seed: "{{ seed }}", steps: 4, label: "seed {{seed}}" } },
  }),
);

describe("--workflow files", () => {
  it("fills placeholders: a lone numeric one becomes a number, one inside text stays text", () => {
    const filled = fillWorkflow(graph, { seed: 42, image: "figment-ref.png" });
    expect(filled["2"]!.inputs).toEqual({ seed: 42, steps: 4, label: "seed 42" });
    expect(filled["1"]!.inputs["image"]).toBe("figment-ref.png");
    expect(graph["2"]!.inputs["seed"]).toBe("{{ seed }}"); // the parsed graph is left as it was
    expect([...placeholdersIn(graph)].sort()).toEqual(["image", "seed"]);
  });

  it("refuses the UI format, a non-workflow, an unknown placeholder and an unfilled {{image}}", () => {
    expect(() => parseWorkflow(JSON.stringify({ nodes: [], links: [] }), "team.json")).toThrow(
      "team.json is in ComfyUI's UI format (nodes and links), not the API format that Save (API) exports.",
    );
    expect(() => parseWorkflow('{"1": {"inputs": {}}}')).toThrow("(node 1 has no class_type)");
    expect(() => parseWorkflow("nope")).toThrow("the workflow is not JSON.");
    const odd = parseWorkflow(JSON.stringify({ "1": { class_type: "X", inputs: { t: "{{style}}" } } }));
    expect(() => fillWorkflow(odd, {})).toThrow("placeholder {{style}} that Figment does not fill");
    expect(() => fillWorkflow(graph, { seed: 1 })).toThrow("uses {{image}} but no reference image (--ref) was given");
  });

  it("reads a preview frame's image and type; other binary events are not previews", () => {
    const frame = Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 0xff, 0xd8);
    expect(previewOf(frame)).toEqual({ bytes: Uint8Array.of(0xff, 0xd8), format: "jpeg" });
    expect(previewOf(Uint8Array.of(0, 0, 0, 3, 0, 0, 0, 2, 1))).toBeUndefined();
  });
});
