import { describe, expect, it } from "vitest";
import type { DesignNode } from "../design/types.js";
import { belowDecls, responsiveDecls } from "../emit/responsive.js";
import { stackBelow, withDrawnSections } from "./fallback.js";
import { inferLayout } from "./index.js";
import { markReflow } from "./reflow.js";
import { find, frame, picture, rect, text as textOf } from "../../test/helpers/layout-nodes.js";

/** A text of a dozen words (it wraps below the design width). */
const text = (id: string, x: number, y: number, w: number, h: number) =>
  textOf(id, x, y, w, h, `${id} ${"word ".repeat(12)}`);

describe("nothing a reader needs is hidden below the design width (issue 49)", () => {
  it("a section kept as drawn stacks its layers in drawn order: a text drawn on its box is not read as covered", () => {
    const drawn = frame(1440, 600, [
      text("title", 120, 20, 600, 40),
      rect("box", 100, 200, 800, 240),
      text("get in touch", 140, 240, 400, 40),
    ]);
    // A wrapper of the inferred tree holding the section's layers in its flow's order: the text first.
    const section: DesignNode = {
      id: "",
      name: "Stack",
      kind: "group",
      x: 100,
      y: 200,
      w: 800,
      h: 240,
      inferred: true,
      children: [text("get in touch", 140, 240, 400, 40), { ...rect("box", 0, 0, 800, 240), absolute: true }],
    };
    const inferred = { ...frame(1440, 600, [text("title", 120, 20, 600, 40), section]) };
    const out = withDrawnSections(inferred, drawn, new Set([section]), 1440);
    const kept = out.children![1]!;
    expect(kept.children!.map((c) => c.id)).toEqual(["box", "get in touch"]);
    expect(find(kept, "get in touch")!.stack!.role).toBe("item");
  });

  it(
    "in a stack, a picture or a text judged a decoration takes its place; a shape goes; a covered text stays " +
      "hidden",
    () => {
      const out = stackBelow(
        frame(1440, 600, [
          text("title", 100, 100, 600, 40),
          picture("photo", 1200, 40, 600, 300),
          rect("blob", 1300, 400, 300, 300, { kind: "ellipse" }),
          text("old", 100, 500, 300, 40),
          rect("cover", 80, 480, 400, 80, { fills: [{ kind: "solid", color: "#ffffff" }] }),
        ]),
        1440,
      );
      const role = (id: string) => find(out, id)!.stack!.role;
      expect([role("title"), role("photo"), role("blob"), role("old")]).toEqual(["item", "item", "hidden", "hidden"]);
    },
  );

  it("a picture judged a decoration (mostly outside its container) is never hidden; a shape at the side is", () => {
    const out = inferLayout({
      frames: [
        frame(1440, 800, [
          text("title", 120, 100, 600, 60),
          picture("photo", 1200, 300, 600, 300),
          rect("blob", 1260, 300, 300, 300, { kind: "ellipse" }),
          text("body", 120, 300, 600, 200),
        ]),
      ],
      assets: {},
    }).frames[0]!;
    expect(find(out, "photo")!.hideBelow).toBeUndefined();
    expect(find(out, "blob")!.hideBelow).toBeDefined();
  });

  it(
    "a frame inference cannot read, holding text, keeps its drawing and stacks below it, never clipped to its " +
      "ratio",
    () => {
      // A dashboard drawn with its panels overlapping in part (no whitespace, no background under them all).
      const dashboard = frame(
        1440,
        1024,
        [
          rect("sidebar", 0, 0, 300, 1024),
          text("customers", 250, 40, 600, 60),
          rect("search", 800, 20, 700, 80),
          text("row1", 280, 150, 1000, 40),
          rect("card", 260, 170, 500, 300),
        ],
        { clip: true },
      );
      const out = inferLayout({ frames: [dashboard], assets: {} }).frames[0]!;
      expect(out.scaled).toBeUndefined();
      expect(out.stackBelow).toBe(1440);
      const decls = responsiveDecls(out, undefined, [["overflow", "hidden"]]);
      expect(decls.find(([p]) => p === "aspect-ratio")).toBeUndefined();
    },
  );

  it("a layer across the designer's whole auto layout, pinned left, spans it at every width", () => {
    const header: DesignNode = {
      ...frame(1440, 669, [
        { ...rect("bg", 0, 0, 1440, 669), absolute: true },
        { ...rect("side", 0, 0, 300, 669), absolute: true },
        text("title", 0, 0, 600, 60),
      ]),
      layout: { dir: "row", gap: 0, padding: [0, 0, 0, 0], justify: "start", align: "start" },
    };
    const out = markReflow(header, 1440);
    expect(find(out, "bg")!.constraintH).toBe("left-right");
    expect(find(out, "side")!.constraintH).toBeUndefined();
  });

  it("a text the designer placed absolutely in their auto layout stays inside the box on a narrower screen", () => {
    const box: DesignNode = {
      ...frame(869, 400, [text("row", 0, 0, 869, 100)]),
      layout: { dir: "column", gap: 0, padding: [0, 0, 0, 0], justify: "start", align: "start", fitBelow: 1440 },
    };
    const heading = { ...text("heading", 417, 54, 51, 25), absolute: true as const };
    expect(belowDecls(heading, "all", box)).toContainEqual([1440, [["left", "clamp(0px, calc(100% - 51px), 417px)"]]]);
    // A shape is the designer's to place as drawn.
    expect(belowDecls({ ...rect("line", 417, 54, 51, 1), absolute: true }, "all", box)).toEqual([]);
  });
});
