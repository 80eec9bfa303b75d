/**
 * The habit checks can fail: on hand-written pages, the paint-order probe says which of two overlapping boxes is on
 * top (a z-index over the drawing's order included), and the content probe tells each way of hiding a layer from a
 * layer shown, a closed menu's links counting as shown.
 */
import { describe, expect, it } from "vitest";
import { withPage } from "../../cli/measure/browser.js";
import { runBrowser, useBrowser, usePageContext } from "./browser.js";
import { contentStates, probePaintOrder, wrongOrder, type Pair } from "./habit-checks.js";

const box = (id: string, style: string): string =>
  `<div data-node-id="${id}" style="position:absolute;${style}"></div>`;

const html = (body: string): { path: string; content: string }[] => [
  {
    path: "index.html",
    content:
      `<!doctype html><html><body style="margin:0"><div data-node-id="0:0" ` +
      `style="position:relative;width:800px;height:600px">${body}</div></body></html>`,
  },
];

describe.runIf(runBrowser)("the habit checks", () => {
  const browser = useBrowser();
  const context = usePageContext(browser);

  it("paint order: the box on top, wherever CSS puts it; none where the two do not meet", async () => {
    const page = html(
      box("1:1", "left:0;top:0;width:200px;height:200px;background:red") +
        box("1:2", "left:100px;top:100px;width:200px;height:200px;background:blue") +
        box("1:3", "left:400px;top:0;width:200px;height:200px;background:green;z-index:2") +
        box("1:4", "left:500px;top:100px;width:200px;height:200px;background:black") +
        box("1:5", "left:150px;top:150px;width:100px;height:100px;background:gray;pointer-events:none") +
        // A frame's stroke drawn over its children by an ::after: still the frame, under its child.
        `<style>.framed::after{content:"";position:absolute;inset:0;border-bottom:2px solid red}</style>` +
        `<div class="framed" data-node-id="1:6" style="position:absolute;left:0;top:400px;width:100px;height:100px">` +
        `${box("1:7", "left:10px;top:10px;width:50px;height:50px;background:blue")}</div>`,
    );
    const pairs: Pair[] = [
      { lower: "1:1", upper: "1:2", region: { x: 100, y: 100, w: 100, h: 100 } },
      { lower: "1:3", upper: "1:4", region: { x: 500, y: 100, w: 100, h: 100 } },
      // Drawn overlapping, rendered apart: not hit-tested.
      { lower: "1:2", upper: "1:4", region: { x: 250, y: 150, w: 50, h: 50 } },
      // pointer-events: none does not hide a layer from the probe.
      { lower: "1:2", upper: "1:5", region: { x: 150, y: 150, w: 100, h: 100 } },
      { lower: "1:6", upper: "1:7", region: { x: 10, y: 410, w: 50, h: 50 } },
    ];
    const above = await withPage(context, page, "index.html", { width: 800, height: 600 }, (p) =>
      p.evaluate(probePaintOrder, { rootId: "0:0", pairs }),
    );
    expect(above.map((a) => a?.above ?? null)).toEqual(["upper", "lower", null, "upper", "upper"]);
    const names = new Map([["1:4", "Black"]]);
    expect(wrongOrder(pairs, above, names)).toEqual([
      "Black (1:4) is drawn over 1:3 (1:3) but painted under it at 550,150",
    ]);
  });

  it("content: shown, and each way a layer is hidden", async () => {
    const page = html(
      box("1:1", "left:0;top:0;width:100px;height:20px") +
        box("1:2", "left:0;top:30px;width:100px;height:20px;display:none") +
        box("1:3", "left:0;top:60px;width:100px;height:20px;visibility:hidden") +
        `<div style="opacity:0">${box("1:4", "left:0;top:90px;width:100px;height:20px")}</div>` +
        box("1:5", "left:0;top:120px;width:0;height:20px") +
        `<div style="position:absolute;left:0;top:150px;width:100px;height:40px;overflow:hidden">` +
        `${box("1:6", "left:0;top:60px;width:100px;height:20px")}</div>` +
        box("1:7", "left:-300px;top:200px;width:100px;height:20px") +
        `<button popovertarget="menu" style="position:absolute;left:0;top:240px">Menu</button>` +
        `<div id="menu" popover>${box("1:8", "left:0;top:0;width:100px;height:20px")}</div>` +
        `<div style="position:absolute;left:0;top:300px;width:300px;height:100px;clip-path:inset(0 200px 0 0)">` +
        box("1:10", "left:0;top:0;width:50px;height:20px") +
        `${box("1:11", "left:250px;top:0;width:50px;height:20px")}</div>`,
    );
    const ids = ["1:1", "1:2", "1:3", "1:4", "1:5", "1:6", "1:7", "1:8", "1:9", "1:10", "1:11"];
    const states = await withPage(context, page, "index.html", { width: 390, height: 600 }, (p) =>
      contentStates(p, ids),
    );
    expect(states).toEqual([
      "shown",
      "no box",
      "invisible",
      "transparent",
      "zero size",
      "clipped",
      "clipped",
      "menu",
      "no element",
      "shown",
      "clip-path",
    ]);
  });
});
