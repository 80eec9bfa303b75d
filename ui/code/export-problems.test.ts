import { describe, expect, it } from "vitest";
import type { Problem } from "../../codegen/types.js";
import { withExportProblems } from "./export-problems.js";

describe("withExportProblems", () => {
  const missing: Problem = {
    severity: "info",
    code: "missing-image",
    message: 'image fill of "Hero" has no image bytes',
    nodeId: "1:2",
  };
  const other: Problem = {
    severity: "info",
    code: "missing-image",
    message: 'image fill of "Logo" has no image bytes',
    nodeId: "1:3",
  };
  const syntax: Problem = { severity: "error", code: "syntax", message: "bad", file: "a.tsx", line: 1 };

  it("puts the export's problems first and drops codegen's placeholder echo of the same image layer only", () => {
    const exported = [
      {
        severity: "warning" as const,
        code: "image-missing",
        message: "The image of “Hero” is not in this file",
        nodeId: "1:2",
      },
    ];
    expect(withExportProblems(exported, [missing, other, syntax])).toEqual([exported[0], other, syntax]);
  });

  it("keeps codegen's problems when the export had none, or none about images", () => {
    expect(withExportProblems([], [missing, syntax])).toEqual([missing, syntax]);
    const svg = {
      severity: "warning" as const,
      code: "svg-failed",
      message: "Could not export “Star” as SVG",
      nodeId: "1:2",
    };
    expect(withExportProblems([svg], [missing])).toEqual([svg, missing]);
  });
});
