/**
 * Text as wide as the page sets it (contract/layers-read-text.ts), read in Chromium: a paragraph with <br>s between
 * blocks is one text layer with line breaks and runs, a block's text is as wide as its content box, a one-line text of
 * a shrink-to-fit box hugs, and a page of many words stays few layers (a closed <details> holds no layers). Before,
 * each loose text node was a one-line hugging layer (Design2Code page 350: a 2,560 px paragraph), a text in a padded
 * box was as wide as its own lines (page 11: "with band" wrapped), and page 196 read 4,808 text layers.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPage } from "../cli/layers/read-page.js";
import { runBrowser, useBrowser } from "../test/helpers/browser.js";
import { tempDirs } from "../test/helpers/temp-dirs.js";
import type { LayerNode } from "./layers.js";

const tempDir = tempDirs("figment-layers-text-");
const all = (node: LayerNode): LayerNode[] => [node, ...(node.children ?? []).flatMap(all)];
const texts = (root: LayerNode): LayerNode[] => all(root).filter((n) => n.kind === "text");
const byId = (root: LayerNode, id: string): LayerNode => {
  const found = all(root).find((n) => n.sourceId === id);
  if (!found) throw new Error(`no layer ${id}`);
  return found;
};

describe.runIf(runBrowser)("the DOM reader's text boxes", () => {
  const browser = useBrowser();
  const read = async (body: string, width = 600) => {
    const dir = tempDir();
    writeFileSync(join(dir, "index.html"), `<!doctype html><body style="margin:0;font:16px/20px sans-serif">${body}`);
    const [page] = await readPage(browser, join(dir, "index.html"), [width]);
    return page!.document;
  };

  it("a paragraph with <br>s between blocks is one fixed-width text layer with line breaks and runs", async () => {
    const doc = await read(`<div data-node-id="col" style="width:300px">
      <b>Marlborough, MA</b> -- Innovaide Inc. announced the availability of key packet processing engines.
      <br><br>
      Innovaide provides Verilog and C language based verification <a href="#x">environments</a>.
      <div data-node-id="form" style="height:40px;background:#eee"></div>
      Web: <a href="#w">www.innovaide.com</a></div>`);
    const col = byId(doc.root, "col");
    const [first, last] = (col.children ?? []).filter((c) => c.kind === "text");
    expect(first?.text?.characters).toMatch(/^Marlborough, MA -- Innovaide .*engines\.\n\nInnovaide provides .*\.$/);
    expect(first?.text?.runs.map((r) => r.weight)).toEqual([700, 400, 400, 400]);
    expect(first?.text?.runs.some((r) => r.href === "#x")).toBe(true);
    expect(first?.text?.autoResize).toBe("HEIGHT");
    expect(first?.box).toMatchObject({ x: 0, w: 300 });
    // Four lines or more at 300 px, not one line as wide as the words.
    expect(first!.box.h).toBeGreaterThanOrEqual(80);
    expect(last?.text?.characters).toBe("Web: www.innovaide.com");
    expect(texts(doc.root)).toHaveLength(2);
  });

  it("a block's text in a narrow padded column is as wide as its content box, one line or several", async () => {
    const doc = await read(`<table style="border-spacing:0"><tr>
      <td data-node-id="cell" style="width:354px;padding:2px;background:#ddd;vertical-align:top;height:60px">
        <b>Pérez Prado</b> with band</td>
      <td data-node-id="narrow" style="width:120px;padding:4px 6px;background:#eee">A paragraph of several words
        that wraps in its narrow column</td></tr></table>`);
    const cell = byId(doc.root, "cell");
    const one = cell.children?.find((c) => c.kind === "text");
    expect(one?.text?.characters).toBe("Pérez Prado with band");
    // Its content box (354 px), not its one line's 165 px, which the same font measured a hair wider wraps.
    expect(one?.text?.autoResize).toBe("HEIGHT");
    expect(one?.box.x).toBe(2);
    expect(one?.box.w).toBeCloseTo(354, 0);
    const narrow = byId(doc.root, "narrow").children?.find((c) => c.kind === "text");
    expect(narrow?.text?.autoResize).toBe("HEIGHT");
    expect(narrow?.box.x).toBe(6);
    expect(narrow?.box.w).toBeCloseTo(120, 0);
  });

  it("a one-line text of a shrink-to-fit box hugs; a wrapping inline one does not", async () => {
    const doc = await read(`<div style="display:flex;align-items:center">
        <div style="flex:1;height:4px;background:#fc0"></div>
        <h2 data-node-id="title" style="margin:0 15px;font:36px/1.1 sans-serif">About us</h2>
        <div style="flex:1;height:4px;background:#fc0"></div></div>
      <p data-node-id="p" style="width:260px">See <span data-node-id="tag" style="display:inline-block;padding:2px 6px;
        background:#def">the label</span> and <span data-node-id="long" style="background:#fed">a long inline span
        of words that wraps over two lines or more</span>.</p>`);
    // Its glyphs are taller than its 39.6 px line: still one line, and the heading's box is its text's.
    const title = byId(doc.root, "title");
    expect(title.kind).toBe("text");
    expect(title.text?.autoResize).toBe("WIDTH_AND_HEIGHT");
    const tag = byId(doc.root, "tag");
    expect(tag.kind).toBe("frame");
    const label = tag.children?.find((c) => c.kind === "text");
    expect(label?.text?.autoResize).toBe("WIDTH_AND_HEIGHT");
    // A pixel of slack past its line.
    expect(label!.box.w).toBeGreaterThan(tag.box.w - 12);
    // "See" shares its line with the label: it hugs; the wrapping span is a run of the paragraph after it.
    const p = byId(doc.root, "p");
    const [see, rest] = (p.children ?? []).filter((c) => c.kind === "text");
    expect(see?.text).toMatchObject({ characters: "See", autoResize: "WIDTH_AND_HEIGHT" });
    expect(rest?.text?.characters).toMatch(/^and a long inline span .* or more\.$/);
    expect(rest?.text?.autoResize).toBe("HEIGHT");
    expect(all(doc.root).some((n) => n.sourceId === "long")).toBe(false);
  });

  it("a page of many words stays few text layers: a closed <details> holds only its summary", async () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
    const doc = await read(`<main><h1>Labels</h1>
      <details data-node-id="labels"><summary>Show all</summary><ul>${words.map((w) => `<li>${w}</li>`).join("")}</ul>
      </details><div data-node-id="post">${words.slice(0, 200).join(" ")}<br>${words.slice(200).join(" ")}
      <div style="background:#eee">Posted by <a href="#a">Leon</a></div>More text after the byline.</div></main>`);
    expect(texts(doc.root).length).toBeLessThan(10);
    const labels = byId(doc.root, "labels");
    expect(all(labels).map((n) => n.text?.characters ?? "")).not.toContain("word3");
    expect(all(labels).some((n) => n.text?.characters === "Show all")).toBe(true);
    const post = byId(doc.root, "post");
    expect(post.children?.filter((c) => c.kind === "text").map((c) => c.text?.characters.split(/\s+/).length)).toEqual([
      400, 5,
    ]);
  });
});
