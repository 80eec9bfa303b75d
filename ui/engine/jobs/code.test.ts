/** The engine's code options: the document's mapping read again, its notes as problems that name where they point. */
import { describe, expect, it } from "vitest";
import type { ComponentMap } from "../../../codegen/components-map/model.js";
import { codeOptions } from "./code.js";

const BASE = { target: "react", styling: "css-modules", nodeIds: false } as const;
const GOOD = { figma: { nodeId: "1:2" }, import: { module: "@acme/ui", name: "Button" }, props: {} };

describe("codeOptions", () => {
  it("a bad entry of the stored mapping is a problem naming the mapping as its file; the good entry is used", () => {
    const stored = {
      components: [GOOD, { figma: {}, import: { module: "@acme/ui", name: "Card" } }],
    } as unknown as ComponentMap;
    const { options, problems } = codeOptions({ ...BASE, components: stored });
    expect(options.components?.components).toEqual([{ ...GOOD, source: "this file's mapping#/components/0" }]);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems)
      expect(problem).toMatchObject({ code: "component-mapping", file: "this file's mapping" });
  });

  it("HTML and an empty mapping take no mapping and no problems", () => {
    expect(codeOptions({ ...BASE, target: "html", components: { components: [GOOD] } })).toEqual({
      options: { ...BASE, target: "html" },
      problems: [],
    });
    expect(codeOptions({ ...BASE, components: { components: [] } })).toEqual({ options: BASE, problems: [] });
  });
});
