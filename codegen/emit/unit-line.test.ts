import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesRoot } from "../../test/helpers/responsive-frames.js";
import type { DesignNode, TextContent } from "../design/types.js";
import { generateCode, loadDesign } from "../index.js";
import type { Decl } from "./css.js";
import { responsiveDecls } from "./responsive.js";
import { keepsUnitLine } from "./unit-line.js";

/** A Poppins Bold 40 text in a 212-px box, as psykolog's "Heading L" (29:56): one line drawn when `h` is 66. */
function heading(h: number, partial: Partial<TextContent> = {}): DesignNode {
  return {
    id: "1:3",
    name: "Heading",
    kind: "text",
    x: 0,
    y: 85,
    w: 212,
    h,
    text: {
      chars: "Heading L",
      style: { family: "Poppins", size: 40, weight: 700 },
      resize: "none",
      alignH: "left",
      alignV: "top",
      ...partial,
    },
  };
}
const unitBox: DesignNode = { id: "1:2", name: "Layers", kind: "frame", w: 212, h: 151, scaled: true };
const ownDecls: Decl[] = [["font-size", "40px"]];
const whiteSpace = (decls: Decl[]): string[] => decls.filter(([p]) => p === "white-space").map(([, v]) => v);

describe("a text drawn on one line in a box that scales as a unit (unit-line.ts)", () => {
  it("keeps its line: nowrap inside the box, nothing outside it (build.ts holdOneLine grows its box there)", () => {
    expect(whiteSpace(responsiveDecls(heading(66), unitBox, ownDecls, false, true))).toEqual(["nowrap"]);
    expect(whiteSpace(responsiveDecls(heading(66), unitBox, ownDecls, false, false))).toEqual([]);
  });

  it("two lines drawn, a line break, a clamped, auto-width or rotated text: not held", () => {
    expect(keepsUnitLine(heading(66))).toBe(true);
    expect(keepsUnitLine(heading(120))).toBe(false);
    expect(keepsUnitLine(heading(66, { chars: "Heading\nL" }))).toBe(false);
    expect(keepsUnitLine(heading(66, { resize: "truncate" }))).toBe(false);
    expect(keepsUnitLine(heading(66, { maxLines: 1 }))).toBe(false);
    expect(keepsUnitLine(heading(66, { resize: "width" }))).toBe(false);
    expect(keepsUnitLine({ ...heading(66), rotation: 90 })).toBe(false);
    // A white-space of its own is kept, never doubled.
    const own: Decl[] = [...ownDecls, ["white-space", "pre"]];
    expect(whiteSpace(responsiveDecls(heading(66), unitBox, own, false, true))).toEqual(["pre"]);
  });

  // Psykolog's Font Sizes (test/fixtures/real): "Heading L" and "Mega" overlap in a box that scales as a unit.
  const design = loadDesign(JSON.parse(readFileSync(join(fixturesRoot(), "real/psykolog-jenny.file.json"), "utf8")), [
    "29:44",
  ]).document;
  it("psykolog's Heading L: nowrap in its CSS rule and in Tailwind's classes alike, at every width", async () => {
    const html = await generateCode(design, { target: "html", styling: "css-modules", nodeIds: false });
    const css = html.files.find((f) => f.path === "styles.css")!.content;
    const rule = /^\.h1-mobile \{\n([^}]*)\}/m.exec(css)?.[1] ?? "";
    expect(rule).toContain("font-size: max(12px, 18.868cqw);");
    expect(rule).toContain("white-space: nowrap;");
    expect(css).not.toMatch(/\.h1-mobile \{[^}]*white-space: normal/);
    const tailwind = await generateCode(design, { target: "react", styling: "tailwind", nodeIds: false });
    const tsx = tailwind.files.find((f) => f.path.endsWith("FontSizes.tsx"))!.content;
    // Its level is the page outline's (one h1 a page, none skipped): any heading tag.
    const heading = /<h[1-6] className="([^"]*)">\s*Heading L\s*<\/h[1-6]>\s*<h[1-6] [^>]*>\s*Mega/.exec(tsx);
    expect(heading?.[1]).toMatch(/\bwhitespace-nowrap\b/);
  });
});
