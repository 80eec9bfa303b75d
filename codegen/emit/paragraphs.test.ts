/**
 * Figma's paragraph spacing (issue 49): the space Figma adds after each paragraph of a text but the last. Fitma's
 * menus are paragraphs 16 px apart ("All / Short Sleeve / …", 11 lines of 24 px in a 424-px box): written as one block
 * per paragraph with that margin below it, the last paragraph's characters as they are; a style run that crosses a
 * paragraph keeps one class. The browser's boxes: codegen/emit/drawn-boxes.browser.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { DesignNode, TextContent } from "../design/types.js";
import { emitHtml } from "./html/emit.js";
import { whitespaceCollapsed } from "../../test/helpers/html-tags.js";

function page(text: Partial<TextContent>): { html: string; css: string } {
  const node: DesignNode = {
    id: "1:2",
    name: "Menu",
    kind: "text",
    x: 0,
    y: 0,
    w: 140,
    h: 424,
    text: {
      chars: "All\nShort Sleeve\nLong Sleeve",
      style: { family: "Gothic A1", size: 16, weight: 500, lineHeight: 24 },
      resize: "height",
      alignH: "left",
      alignV: "top",
      ...text,
    },
  };
  const files = emitHtml(
    { frames: [{ id: "1:1", name: "Page", kind: "frame", w: 400, h: 500, children: [node] }], assets: {} },
    { nodeIds: false },
  ).files;
  const of = (path: string): string => files.find((f) => f.path.endsWith(path))!.content;
  return { html: whitespaceCollapsed(of(".html")), css: of("styles.css") };
}

describe("paragraph spacing", () => {
  it("each paragraph but the last is a block with the spacing below it", () => {
    const { html, css } = page({ paragraphSpacing: 16 });
    expect(html).toContain(
      '<span class="menuParagraph">All</span><span class="menuParagraph">Short Sleeve</span>Long Sleeve',
    );
    expect(html).not.toContain("<br");
    expect(css).toMatch(/\.menuParagraph \{\n {2}display: block;\n {2}margin-bottom: 16px;\n\}/);
  });

  it("a run across paragraphs keeps one class; an empty paragraph is an empty line", () => {
    const { html } = page({
      paragraphSpacing: 16,
      chars: "All\n\nShort Sleeve\nTall",
      runs: [{ start: 2, end: 10, style: { weight: 700 } }],
    });
    expect(html).toContain(
      '<span class="menuParagraph">Al<span class="menuRun">l</span></span>' +
        '<span class="menuParagraph"><br /></span>' +
        '<span class="menuParagraph"><span class="menuRun">Short</span> Sleeve</span>Tall',
    );
  });

  it("without spacing, or one paragraph, the text is as before: line breaks", () => {
    expect(page({}).html).toContain("All<br />Short Sleeve<br />Long Sleeve");
    expect(page({ paragraphSpacing: 16, chars: "All" }).html).not.toContain("menuParagraph");
  });
});
