import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../codegen/index.js";
import type { Target } from "../../codegen/targets.js";
import { readFixture } from "../../test/helpers/fixtures.js";
import { codeTarget, layerIdsIn } from "./code-target.js";

describe("the target of a folder of code", () => {
  it("is the target figment code wrote it for, each of the six", async () => {
    const doc = loadDesign(readFixture("figmasharp-login.file.json"), ["101:3"]).document;
    for (const target of ["html", "react", "vue", "svelte", "angular", "react-native"] as Target[]) {
      const code = await generateCode(doc, { target, styling: "css-modules", nodeIds: true });
      expect(codeTarget(code.files), target).toBe(target);
      // Every target's files carry the frame's layer ids where figment score looks for them.
      expect(code.files.flatMap(layerIdsIn), target).toContain("101:3");
    }
  });

  it("reads a hand-written file by what it holds, not by its folder", () => {
    const file = (path: string, content = "") => ({ path, content });
    expect(codeTarget([file("index.html"), file("app.js")])).toBe("html");
    expect(codeTarget([file("App.jsx", "export default () => <div />")])).toBe("react");
    expect(codeTarget([file("App.tsx", 'import { View } from "react-native";')])).toBe("react-native");
    // An Angular template beside its component is Angular's, not an HTML page.
    const component = 'import { Component } from "@angular/core";\n@Component({ templateUrl: "./a.html" })';
    expect(codeTarget([file("a.html", "<div></div>"), file("a.ts", component)])).toBe("angular");
    expect(codeTarget([file("a.ts", 'import { Injectable } from "@angular/core";')])).toBe("html");
    expect(layerIdsIn(file("A.tsx", '<View testID="1:2"><Text data-node-id={"3:4"} /></View>'))).toEqual([
      "1:2",
      "3:4",
    ]);
  });
});
