import { describe, expect, it } from "vitest";
import type { Asset, DesignNode } from "../design/types";
import type { Problem } from "../types";
import { buildTree, type BuildContext } from "./build";
import { printHtml } from "./markup";
import { Sheet } from "./vnode";

function context(assets: Record<string, Asset> = {}, nodeIds = false): BuildContext & { problems: Problem[] } {
  return {
    sheet: new Sheet(),
    nodeIds,
    assets,
    urls: { cssUrl: (key) => `assets/${key}` },
    imageSrc: (key) => `assets/${key}`,
    classBase: (node, fallback) => (node.name || fallback).toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    problems: [],
  };
}
const html = (frame: DesignNode, ctx: BuildContext) =>
  printHtml(buildTree(frame, ctx), { classAttr: (cls) => (cls ? `class="${cls}"` : undefined) });
const frame = (children: DesignNode[]): DesignNode => ({
  id: "1:1",
  name: "Screen",
  kind: "frame",
  w: 300,
  h: 200,
  children,
});

describe("buildTree", () => {
  it("splits text runs into spans with their own rules", () => {
    const text: DesignNode = {
      id: "1:2",
      name: "Copy",
      kind: "text",
      x: 0,
      y: 0,
      w: 200,
      h: 20,
      text: {
        chars: "Hello big world",
        style: { family: "Inter", size: 14, weight: 400 },
        runs: [{ start: 6, end: 9, style: { weight: 700 } }],
        resize: "height",
        alignH: "left",
        alignV: "top",
      },
    };
    const ctx = context();
    expect(html(frame([text]), ctx)).toBe(
      '<main class="screen">\n  <p class="copy">Hello <span class="copyRun">big</span> world</p>\n</main>',
    );
    expect(ctx.sheet.rules.get("copyRun")).toEqual([["font-weight", "700"]]);
  });

  it("wraps runs of vertically centred text in one span", () => {
    const text: DesignNode = {
      id: "1:2",
      name: "Copy",
      kind: "text",
      x: 0,
      y: 0,
      w: 200,
      h: 40,
      text: {
        chars: "ab",
        style: { family: "Inter", size: 14, weight: 400 },
        runs: [{ start: 0, end: 1, style: { italic: true } }],
        resize: "none",
        alignH: "left",
        alignV: "center",
      },
    };
    // The wrapper is text content too: printed inline, as its runs are.
    expect(html(frame([text]), context())).toContain(
      '<p class="copy"><span><span class="copyRun">a</span>b</span></p>',
    );
  });

  it("prints runs that cover every character next to each other: a line break between two would draw a space", () => {
    const text: DesignNode = {
      id: "1:2",
      name: "Copy",
      kind: "text",
      w: 200,
      h: 20,
      text: {
        chars: "get help.",
        style: { family: "Inter", size: 14, weight: 400 },
        runs: [
          { start: 0, end: 8, style: { weight: 700 } },
          { start: 8, end: 9, style: { decoration: "underline" } },
        ],
        resize: "height",
        alignH: "left",
        alignV: "top",
      },
    };
    expect(html(frame([text]), context())).toContain(
      '<p class="copy"><span class="copyRun">get help</span><span class="copyRun2">.</span></p>',
    );
  });

  it("skips hidden layers, draws SVG assets inline with a label; a mask above everything masks nothing", () => {
    const svg: Asset = {
      kind: "svg",
      name: "logo.svg",
      svg:
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 ' +
        '0 10 10"><rect data-node-id="3:3" width="10" height="10"/></svg>',
    };
    const children: DesignNode[] = [
      { id: "1:2", name: "Gone", kind: "rect", x: 0, y: 0, w: 10, h: 10, hidden: true },
      { id: "1:3", name: "Logo", kind: "vector", x: 0, y: 0, w: 10, h: 10, asset: "logo.svg" },
      // Above the logo: it masks nothing (a mask masks what is drawn above it), and is not painted.
      {
        id: "1:4",
        name: "Clip",
        kind: "frame",
        x: 0,
        y: 0,
        w: 10,
        h: 10,
        mask: true,
        fills: [{ kind: "solid", color: "#ff0000" }],
      },
    ];
    const ctx = context({ "logo.svg": svg });
    const out = html(frame(children), ctx);
    expect(out).not.toContain("gone");
    expect(out).toContain(
      '<svg class="logo" viewBox="0 0 10 10" fill="none" overflow="visible" ' +
        'role="img" aria-label="Logo"><rect width="10" height="10"/></svg>',
    );
    expect(ctx.sheet.rules.get("clip")).not.toContainEqual(["background-color", "#ff0000"]);
    expect(ctx.problems).toEqual([]);
  });

  it("a mask group's ellipse or rounded rectangle clips the group (clip-path), and is not reported", () => {
    const ctx = context();
    const photo: DesignNode = {
      id: "1:3",
      name: "Photo",
      kind: "rect",
      x: -10,
      y: -10,
      w: 120,
      h: 120,
      fills: [{ kind: "solid", color: "#888888" }],
    };
    const round: DesignNode = {
      id: "1:1",
      name: "Avatar",
      kind: "group",
      x: 0,
      y: 0,
      w: 100,
      h: 100,
      children: [{ id: "1:2", name: "Mask", kind: "ellipse", x: 0, y: 0, w: 100, h: 100, mask: true }, photo],
    };
    const card: DesignNode = {
      id: "2:1",
      name: "Card",
      kind: "group",
      x: 0,
      y: 120,
      w: 200,
      h: 100,
      children: [
        { id: "2:2", name: "Shape", kind: "rect", x: 10, y: 0, w: 180, h: 100, radius: 12, mask: true },
        { ...photo, id: "2:3" },
      ],
    };
    html(frame([round, card]), ctx);
    expect(ctx.sheet.rules.get("avatar")).toContainEqual(["clip-path", "ellipse(50% 50% at 50% 50%)"]);
    expect(ctx.sheet.rules.get("card")).toContainEqual(["clip-path", "inset(0 5% 0 5% round 12px)"]);
    expect(ctx.problems.filter((p) => p.code === "mask")).toEqual([]);
  });

  it("resets element defaults for rules and buttons", () => {
    const ctx = context();
    const line: DesignNode = {
      id: "1:2",
      name: "Divider",
      kind: "line",
      x: 0,
      y: 10,
      w: 300,
      h: 0,
      stroke: { color: "#eeeeee", weight: 1, align: "center" },
    };
    const button: DesignNode = {
      id: "1:3",
      name: "Send button",
      kind: "frame",
      x: 0,
      y: 20,
      w: 80,
      h: 30,
      children: [],
    };
    expect(html(frame([line, button]), ctx)).toContain('<hr class="divider">');
    expect(ctx.sheet.rules.get("divider")).toEqual([
      ["margin", "0"],
      ["border", "0"],
      ["position", "absolute"],
      ["left", "0"],
      ["width", "300px"],
      ["top", "10px"],
      ["height", "0"],
      ["border-top", "1px solid #eeeeee"],
    ]);
    expect(ctx.sheet.rules.get("send-button")).toEqual([
      ["position", "absolute"],
      ["left", "0"],
      ["width", "80px"],
      ["top", "20px"],
      ["height", "30px"],
      ["border", "none"],
      ["font", "inherit"],
      ["color", "inherit"],
      ["text-align", "inherit"],
      ["cursor", "pointer"],
      ["background", "none"],
      ["padding", "0"],
      ["display", "block"],
    ]);
  });
});
