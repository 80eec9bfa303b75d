import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDesign } from "../load.js";
import { fixturesRoot } from "../../test/helpers/responsive-frames.js";
import type { DesignNode } from "../design/types.js";
import { inferNode, type LayoutReport } from "./apply.js";
import { decideNow, HOLD_TOLERANCE, type FrameBuilder } from "./decide.js";
import { withDrawnSections } from "./fallback.js";
import { drawnFrame, frameBuilder, inferLayoutReported, simulatedBoxes } from "./index.js";
import { layOut, normalLineHeight, simulateFrame, textLinesHeight } from "./simulate.js";

const text = (id: string, x: number, y: number, w: number, h: number, chars = id): DesignNode => ({
  id,
  name: id,
  kind: "text",
  x,
  y,
  w,
  h,
  text: {
    chars,
    style: { family: "Inter", size: 16, weight: 400, lineHeight: 24 },
    resize: "height",
    alignH: "left",
    alignV: "top",
  },
});
const rect = (id: string, x: number, y: number, w: number, h: number): DesignNode => ({
  id,
  name: id,
  kind: "rect",
  x,
  y,
  w,
  h,
  fills: [{ kind: "solid", color: "#eee" }],
});
const frame = (w: number, h: number, children: DesignNode[]): DesignNode => ({
  id: "1:1",
  name: "Page",
  kind: "frame",
  w,
  h,
  children,
});
const report = (): LayoutReport => ({ containers: 0, suggested: 0, agreed: 0, used: 0, sectionsKept: [], checked: [] });
const find = (n: DesignNode, id: string): DesignNode | undefined =>
  n.id === id ? n : (n.children ?? []).map((c) => find(c, id)).find(Boolean);

/** A page of two sections: a hero (background, heading, text) and a row of three cards. */
const page = (): DesignNode =>
  frame(1440, 900, [
    rect("hero-bg", 0, 0, 1440, 400),
    text("title", 120, 120, 600, 48),
    text("intro", 120, 200, 600, 72),
    ...[0, 1, 2].flatMap((i) => [
      rect(`card${i}`, 120 + i * 420, 480, 360, 300),
      text(`name${i}`, 140 + i * 420, 500, 320, 24),
    ]),
  ]);

describe("the layout simulator", () => {
  it("lays a column of texts out as the emitters' flexbox does: padding, then each item after the one before", () => {
    const col: DesignNode = {
      ...frame(800, 200, [text("a", 40, 30, 300, 24), text("b", 40, 70, 300, 48)]),
      layout: { dir: "column", gap: 16, padding: [30, 40, 0, 40], justify: "start", align: "start" },
    };
    col.children = col.children!.map((c) => ({ ...c, sizeH: "fixed", sizeV: "hug" }));
    const laid = simulateFrame(col);
    expect(laid.get(col.children[0]!)).toEqual({ x: 40, y: 30, w: 300, h: 24 });
    expect(laid.get(col.children[1]!)).toEqual({ x: 40, y: 70, w: 300, h: 48 });
  });

  it("texts are as tall as their drawn lines at the line height the CSS gives them", () => {
    expect(textLinesHeight(text("t", 0, 0, 300, 72))).toBe(72);
    // A 30-px box of 24-px lines holds one line (the rest is its minimum height, which the emitters write).
    expect(textLinesHeight(text("t", 0, 0, 300, 30))).toBe(24);
  });

  it("a wrapping row breaks into lines as CSS does; one kept on one line down to the design width does not", () => {
    const items = [1, 2, 3, 4, 5, 6, 7].map((i) => ({ ...rect(`r${i}`, 0, 0, 100, 40), sizeH: "fixed" as const }));
    const row = (wrapBelow?: number): DesignNode => ({
      ...frame(500, 100, items),
      sizeV: "hug",
      layout: {
        dir: "row",
        gap: 16,
        crossGap: 12,
        padding: [20, 20, 20, 20],
        justify: "start",
        align: "start",
        wrap: true,
        ...(wrapBelow ? { wrapBelow } : {}),
      },
    });
    const wrapped = row();
    const laid = simulateFrame(wrapped);
    // 4 × 100 + 3 × 16 = 448 fit the 460-px content box: the fifth item starts the second line, 12 px below.
    expect(laid.get(wrapped.children![3]!)).toEqual({ x: 368, y: 20, w: 100, h: 40 });
    expect(laid.get(wrapped.children![4]!)).toEqual({ x: 20, y: 72, w: 100, h: 40 });
    expect(laid.get(wrapped)!.h).toBe(20 + 40 + 12 + 40 + 20);
    const oneLine = row(500);
    expect(simulateFrame(oneLine).get(oneLine.children![6]!)).toMatchObject({ x: 20 + 6 * 116, y: 20 });
  });

  it(
    "Figma's negative spacing overlaps the items as drawn (the emitters' negative margins); a text box keeps its " +
      "pixel",
    () => {
      const col: DesignNode = {
        ...frame(400, 200, [
          { ...text("a", 0, 0, 300, 32), sizeH: "fixed", sizeV: "hug" },
          { ...rect("b", 0, 0, 300, 40), sizeH: "fixed", sizeV: "fixed" },
        ]),
        layout: { dir: "column", gap: -10, padding: [0, 0, 0, 0], justify: "start", align: "start" },
      };
      col.children![0]!.text!.style.lineHeight = 31.2;
      const laid = simulateFrame(col);
      // One 31.2-px line in a 32-px box: as tall as the box (the emitters' min-height); the rect 10 px over it.
      expect(laid.get(col.children![0]!)!.h).toBe(32);
      expect(laid.get(col.children![1]!)!.y).toBe(22);
    },
  );

  it(
    "paragraph spacing is added after each paragraph but the last; a trimmed text is its drawn cap-to-baseline " +
      "box",
    () => {
      // Fitma's menu: 11 lines of 24 px and 10 paragraph spacings of 16 px in a 424-px box.
      const menu = text("m", 0, 0, 140, 424, Array.from({ length: 11 }, (_, i) => `Item ${i}`).join("\n"));
      menu.text!.paragraphSpacing = 16;
      expect(textLinesHeight(menu)).toBe(424);
      // Attic's "Sign in": one 36-px line of Space Mono trimmed to its capitals, 17 px.
      const trimmed = text("s", 0, 0, 122, 17, "Sign in");
      trimmed.text = { ...trimmed.text!, style: { family: "Space Mono", size: 24, weight: 700 }, trim: "cap" };
      expect(textLinesHeight(trimmed)).toBe(17);
    },
  );

  it("a font's normal line height is as Chromium rounds it: ascent, descent and line gap each to whole pixels", () => {
    // Poppins at 16 px: 16.8 + 5.6 + 1.6 = 24 exactly, 17 + 6 + 2 = 25 in the browser.
    expect(normalLineHeight("Poppins", 16)).toBe(25);
    // A family without metrics: 1.2 em.
    expect(normalLineHeight("No Such Family 123", 20)).toBeCloseTo(24, 5);
  });
});

describe("the layout check with the simulator as its engine (no browser: Dev Mode)", () => {
  it("an inferred page that reproduces its drawing keeps every section's flow", () => {
    const decision = decideNow(frameBuilder(page()), "simulator", simulatedBoxes);
    expect(decision.compared).toBeGreaterThan(8);
    expect(decision.layout).toEqual({ kept: [], check: "simulator" });
    expect(decision.rounds).toBe(1);
  });

  it("a flow that moves a layer by more than the tolerance: its section keeps its drawing, and then it holds", () => {
    const built = frameBuilder(page());
    // A broken flow: the title 20 px lower than drawn, until its section is kept as drawn.
    const broken: FrameBuilder = {
      drawn: built.drawn,
      whole: built.whole,
      build: (kept) => {
        const tree = structuredClone(built.build(kept));
        const title = find(tree, "title")!;
        if (!title.absolute) title.flow = { ...title.flow, before: ((title.flow?.before as number) ?? 0) + 20 };
        return tree;
      },
    };
    const first = simulatedBoxes({ tree: broken.build(new Set()), kind: "inferred", ids: [] }).get("title")!;
    expect(first.y - 120).toBeGreaterThan(HOLD_TOLERANCE);
    const decision = decideNow(broken, "simulator", simulatedBoxes);
    expect(decision.layout.kept).toHaveLength(1);
    expect(decision.off).toEqual([]);
    const kept = broken.build(new Set(decision.layout.kept));
    const section = kept.children!.find((c) => find(c, "title"))!;
    expect(section.stackTop).toBe(true);
    expect(simulatedBoxes({ tree: kept, kind: "inferred", ids: [] }).get("title")).toMatchObject({ x: 120, y: 120 });
  });
});

describe("a section that does not reproduce its drawing keeps it (issue 37)", () => {
  it(
    "is replaced by its layers at their drawn places, keeps " +
      "its place in the flow, and stacks below the design width",
    () => {
      const drawn = page();
      const inferred = inferNode(drawn, { designWidth: 1440, report: report() }, 1440);
      const hero = inferred.children!.find((c) => find(c, "title"))!;
      const out = withDrawnSections(inferred, drawnFrame(drawn), new Set([hero]), 1440);
      const kept = out.children![inferred.children!.indexOf(hero)]!;
      expect(kept.stackTop).toBe(true);
      expect(kept.stackBelow).toBe(1440);
      const title = find(kept, "title")!;
      const intro = find(kept, "intro")!;
      // Its layers where the designer put them, relative to the section's drawn box.
      expect(title.absolute).toBe(true);
      expect([title.x! + (kept.x ?? 0), title.y! + (kept.y ?? 0)]).toEqual([120, 120]);
      expect([intro.x! + (kept.x ?? 0), intro.y! + (kept.y ?? 0)]).toEqual([120, 200]);
      // Below the design width: the texts stack in reading order.
      expect(title.stack).toMatchObject({ role: "item", below: 1440 });
      expect(intro.stack!.order).toBeGreaterThan(title.stack!.order);
      // The other section is untouched.
      const others = out.children!.filter((c) => c !== kept);
      expect(others).toEqual(inferred.children!.filter((c) => c !== hero));
    },
  );

  it("in the stack, a picture and a small unit keep their drawing; a wide picture scales as a unit", async () => {
    const { keepsDrawing, stackBelow } = await import("./fallback.js");
    const link: DesignNode = {
      id: "link",
      name: "Text Link",
      kind: "instance",
      x: 900,
      y: 260,
      w: 221,
      h: 39,
      children: [text("label", 0, 0, 180, 39), rect("arrow", 192, 11, 29, 18)],
    };
    const photo: DesignNode = {
      id: "photo",
      name: "Mask Group",
      kind: "group",
      x: 0,
      y: 100,
      w: 446,
      h: 543,
      children: [rect("ellipse", 0, 0, 446, 446), rect("img", 0, 0, 446, 543)],
    };
    const wide: DesignNode = {
      id: "wide",
      name: "Card",
      kind: "group",
      x: 500,
      y: 0,
      w: 700,
      h: 200,
      children: [text("a", 0, 0, 300, 24), text("b", 0, 40, 700, 24)],
    };
    expect([link, photo, wide].map(keepsDrawing)).toEqual([true, true, false]);
    const out = stackBelow({ ...frame(1440, 700, [wide, link, photo]), kind: "group" }, 1440);
    const [w, l, p] = out.children!;
    expect(w!.stackBelow).toBe(1440);
    expect(l!.stackBelow).toBeUndefined();
    expect(l!.children!.every((c) => c.stack === undefined)).toBe(true);
    expect(p).toMatchObject({ scaled: true, stack: { role: "item" } });
  });

  it("on a designer's page: inference reports the sections it kept, and the page holds when checked again", () => {
    // Psykolog Jenny, MacBook Pro 2.2 (test/fixtures/real, SOURCES.md there): drawn without auto layout.
    const json: unknown = JSON.parse(readFileSync(join(fixturesRoot(), "real", "psykolog-jenny.file.json"), "utf8"));
    const design = loadDesign(json, ["35:34"]).document;
    const drawn = design.frames[0]!;
    const { document, report: r } = inferLayoutReported(design);
    const out = document.frames[0]!;
    // (Since issue 49 its flows reproduce its sections, bleeds and sets of layers included: the sections a page keeps
    // are the ones marked stackTop.)
    expect(r.sectionsKept.length).toBeLessThan(out.children!.length);
    expect(out.children!.filter((c) => c.stackTop)).toHaveLength(r.sectionsKept.length);
    expect(r.checked).toEqual([
      { frame: drawn.name, check: "simulator", kept: r.sectionsKept, drawn: false, exact: false },
    ]);
    // Laid out again, every layer it compares lands where drawn.
    const again = decideNow(
      { drawn: drawnFrame(drawn), whole: () => out, build: () => out },
      "simulator",
      simulatedBoxes,
    );
    expect(again.compared).toBeGreaterThan(50);
    expect(again.layout.kept).toEqual([]);
    expect(again.off.map((o) => o.name)).toEqual([]);
  });
});

describe("simulateFrame sizes each layer once per width it is offered", () => {
  /** The path to the deepest text in a flow (every node on it in flow), from the frame down. */
  function deepestFlowText(node: DesignNode, path: DesignNode[] = []): DesignNode[] {
    const here = [...path, node];
    let best = node.text ? here : [];
    if (!node.layout) return best;
    for (const c of node.children ?? []) {
      if (c.hidden || c.absolute) continue;
      const found = deepestFlowText(c, here);
      if (found.length > best.length) best = found;
    }
    return best;
  }

  it("on TnT's inferred pages: a text deep in flows is measured a few times, not once per container above it", () => {
    const json = JSON.parse(readFileSync(join(fixturesRoot(), "real/tnt-website.file.json"), "utf8")) as unknown;
    const frames = inferLayoutReported(loadDesign(json).document).document.frames;
    const tree = structuredClone(
      frames.reduce((a, b) => (deepestFlowText(b).length > deepestFlowText(a).length ? b : a)),
    );
    const path = deepestFlowText(tree);
    expect(path.length).toBeGreaterThanOrEqual(6);
    // The text counted: how often the layout reads it.
    const leaf = path.at(-1)!;
    let reads = 0;
    const counted = new Proxy(leaf, { get: (target, key) => (key === "text" && reads++, Reflect.get(target, key)) });
    const parent = path.at(-2)!;
    parent.children = parent.children!.map((c) => (c === leaf ? counted : c));
    // Laid out without the memo (layOut alone keeps none), then with it: the same boxes, the text read far fewer times.
    const plain = new Map();
    layOut(tree, { x: 0, y: 0, w: tree.w, h: tree.h }, plain, true);
    const unmemoised = reads;
    reads = 0;
    const placed = simulateFrame(tree);
    expect(placed.get(counted)).toBeDefined();
    // On main every container above it measured it again: as many reads one way as the other (30 and 30; now 16).
    expect(reads).toBeLessThan(unmemoised * 0.6);
    expect([...placed.values()]).toEqual([...plain.values()]);
  });
});
