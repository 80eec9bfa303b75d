/** A mapping note becomes a problem that still says where it points. */
import { describe, expect, it } from "vitest";
import { parseCodeConnectText } from "./code-connect.js";
import { mappingNoteProblem } from "./problems.js";

describe("mappingNoteProblem", () => {
  it("keeps the note's severity, message, file and line", () => {
    expect(
      mappingNoteProblem({
        severity: "warning",
        message: "Button.figma.tsx:4: bad",
        file: "Button.figma.tsx",
        line: 4,
      }),
    ).toEqual({
      severity: "warning",
      code: "component-mapping",
      message: "Button.figma.tsx:4: bad",
      file: "Button.figma.tsx",
      line: 4,
    });
  });

  it("adds no location the note does not have", () => {
    expect(mappingNoteProblem({ severity: "info", message: "no file" })).toEqual({
      severity: "info",
      code: "component-mapping",
      message: "no file",
    });
  });

  it("a Code Connect note's file:line reaches the problem", () => {
    const { notes } = parseCodeConnectText(
      "Bad.figma.tsx",
      'import figma from "@figma/code-connect";\n' +
        'import { B } from "@acme/ui";\n' +
        'const url = "x";\n' +
        "figma.connect(B, url, {});\n",
    );
    expect(notes.map(mappingNoteProblem)).toContainEqual(
      expect.objectContaining({ code: "component-mapping", file: "Bad.figma.tsx", line: 4 }),
    );
  });
});
