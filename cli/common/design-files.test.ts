import { describe, expect, it } from "vitest";
import { formatProblem } from "./design-files.js";

describe("formatProblem", () => {
  const names = new Map([["1:2", "Frame 8"]]);

  it("leads with the layer's name and puts its id last, as a detail", () => {
    expect(
      formatProblem(
        {
          severity: "warning",
          code: "component-mapping",
          message: "the component has no TEXT property Heading",
          nodeId: "1:2",
        },
        names,
      ),
    ).toBe("warning component-mapping “Frame 8”: the component has no TEXT property Heading (id 1:2)");
  });

  it("does not name a layer twice when the message names it", () => {
    expect(
      formatProblem(
        {
          severity: "warning",
          code: "empty-frame",
          message: 'frame "Frame 8" has no visible layers; skipped',
          nodeId: "1:2",
        },
        names,
      ),
    ).toBe('warning empty-frame frame "Frame 8" has no visible layers; skipped (id 1:2)');
  });

  it("an unnamed layer: the id, once", () => {
    expect(formatProblem({ severity: "warning", code: "x", message: "it is odd", nodeId: "9:9" }, names)).toBe(
      "warning x it is odd (layer id 9:9)",
    );
    expect(
      formatProblem(
        {
          severity: "warning",
          code: "missing-node",
          message: "node 9:9 is null in the reply (deleted or no access)",
          nodeId: "9:9",
        },
        names,
      ),
    ).toBe("warning missing-node node 9:9 is null in the reply (deleted or no access)");
  });

  it("a file's place leads a problem in a file", () => {
    expect(
      formatProblem(
        {
          severity: "error",
          code: "syntax",
          message: "unexpected token",
          file: "src/App.tsx",
          line: 3,
          column: 7,
          nodeId: "1:2",
        },
        names,
      ),
    ).toBe("error syntax src/App.tsx:3:7: unexpected token");
  });
});
