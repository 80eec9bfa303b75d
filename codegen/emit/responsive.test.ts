import { describe, expect, it } from "vitest";
import type { DesignNode, FlexLayout } from "../design/types.js";
import { emitHtml } from "./html/emit.js";
import { belowDecls, inContainerUnits, ownBelowOverPlacement, responsiveDecls } from "./responsive.js";

const title = (fluid: NonNullable<DesignNode["text"]>["fluid"]): DesignNode => ({
  id: "h",
  name: "h",
  kind: "text",
  w: 748,
  h: 104,
  text: {
    chars: "Grayscale",
    style: { family: "Varela Round", size: 104, weight: 400, lineHeight: 104, letterSpacing: 12.8 },
    resize: "width",
    alignH: "center",
    alignV: "top",
    ...(fluid ? { fluid } : {}),
  },
});
const value = (decls: [string, string][], property: string) => decls.find(([p]) => p === property)?.[1];

describe("fluid headings", () => {
  it("scale between their phone size and the design size, letter spacing with them", () => {
    const decls = responsiveDecls(title([62, 7.22]), undefined, [
      ["font-size", "104px"],
      ["letter-spacing", "12.8px"],
    ]);
    expect(value(decls, "font-size")).toBe("clamp(62px, 7.22vw, 104px)");
    expect(value(decls, "letter-spacing")).toBe("0.1231em");
    expect(value(decls, "line-height")).toBe("1");
  });

  it("a word too wide for a phone lowers the phone size until it fits beside the gutters", () => {
    const decls = responsiveDecls(title([62, 7.22, 0.139]), undefined, [["font-size", "104px"]]);
    expect(value(decls, "font-size")).toBe("clamp(min(62px, calc((100vw - 32px) * 0.139)), 7.22vw, 104px)");
  });
});

describe("indented items", () => {
  const hero = (sizeH: DesignNode["sizeH"]): DesignNode => ({
    id: "s",
    name: "hero",
    kind: "group",
    x: 0,
    y: 0,
    w: 1440,
    h: 600,
    sizeH,
    layout: {
      dir: "column",
      gap: 10,
      padding: [0, 0, 96, 0],
      justify: "start",
      align: "start",
      inferred: { within: 1440 },
    },
  });
  const title: DesignNode = {
    id: "t",
    name: "title",
    kind: "text",
    x: 108,
    y: 100,
    w: 588,
    h: 172,
    flow: { offset: 108 },
    text: {
      chars: "A Bootstrap 5 template",
      style: { family: "Inter", size: 48, weight: 700 },
      resize: "height",
      alignH: "left",
      alignV: "top",
    },
  };

  it("keep a phone's gutter on both sides in a column that spans the section without side padding", () => {
    const decls = responsiveDecls(title, hero("fill"), [
      ["width", "588px"],
      ["max-width", "100%"],
    ]);
    expect(value(decls, "margin-left")).toBe("clamp(16px, calc(108px - (1440px - 100%)), 108px)");
    expect(value(decls, "max-width")).toBe("calc(100% - 32px)");
  });

  it("keep their indents as computed in a column that hugs its content (it may be narrower than drawn)", () => {
    const decls = responsiveDecls(title, hero("hug"), [
      ["width", "588px"],
      ["max-width", "100%"],
    ]);
    expect(value(decls, "margin-left")).toBe("clamp(0px, calc(108px - (1440px - 100%)), 108px)");
    expect(value(decls, "max-width")).toBe("100%");
  });
});

describe("a fluid heading's runs", () => {
  it("are sized in em of the heading's size, so that a larger run shrinks with it", () => {
    // Zacht's title: a 90-px paragraph whose first line is a 120-px run, its second a 45-px run spaced 4.5 px.
    const heading: DesignNode = {
      ...title([54, 4.69]),
      text: {
        ...title([54, 4.69]).text!,
        chars: "Investor Pitch\nMade for Figma",
        style: { family: "Roboto", size: 90, weight: 500 },
        runs: [
          { start: 0, end: 15, style: { size: 120 } },
          { start: 15, end: 29, style: { size: 45, letterSpacing: 4.5 } },
        ],
      },
    };
    const frame: DesignNode = { id: "f", name: "Title", kind: "frame", w: 1920, h: 1080, children: [heading] };
    const css = emitHtml({ frames: [frame], assets: {} }, { nodeIds: false }).files.find((f) =>
      f.path.endsWith(".css"),
    )!.content;
    expect(css).toContain("font-size: 1.3333em");
    expect(css).toContain("font-size: 0.5em");
    expect(css).toContain("letter-spacing: 0.1em");
    expect(css).not.toContain("font-size: 120px");
  });
});

describe("an item drawn past its column's start (bleed)", () => {
  it("keeps its drawn place at the design width and comes back inside the column as it narrows", () => {
    const column: DesignNode = {
      id: "c",
      name: "footer",
      kind: "group",
      x: 0,
      y: 0,
      w: 1440,
      h: 700,
      layout: {
        dir: "column",
        gap: 0,
        padding: [0, 0, 0, 0],
        justify: "start",
        align: "start",
        inferred: { within: 1440 },
      },
    };
    const wordmark: DesignNode = { ...title([402, 46.53]), id: "w", w: 1489, flow: { offset: -25 } };
    const decls = responsiveDecls(wordmark, column, [["width", "1489px"]]);
    // At 1440 (100% = 1440 px) -25 px; 25 px narrower and on a phone, 0.
    expect(value(decls, "margin-left")).toBe("clamp(-25px, calc(-25px + (1440px - 100%)), 0px)");
  });
});

describe("a set of layers stacked below the design width", () => {
  it("spans the screen's column and no more: its drawn width past the column and its indent give way", () => {
    const set: DesignNode = {
      id: "g",
      name: "hero",
      kind: "group",
      x: 19,
      y: 0,
      w: 1504,
      h: 637,
      stackBelow: 1440,
      children: [{ ...title(undefined), stack: { role: "item", order: 1, below: 1440 } }],
    };
    const [[below, decls]] = belowDecls(set, "own") as [[number, [string, string][]]];
    expect(below).toBe(1440);
    expect(value(decls, "max-width")).toBe("100%");
    expect(value(decls, "margin-left")).toBe("0");
    expect(value(decls, "margin-right")).toBe("0");
  });

  it("an instance that stacks: the file placing it repeats what overrides its placement (Fitma's menu)", () => {
    const menu: DesignNode = {
      id: "m",
      name: "menu / desktop",
      kind: "instance",
      w: 1440,
      h: 60,
      stackBelow: 1440,
      children: [{ ...title(undefined), stack: { role: "item", order: 1, below: 1440 } }],
    };
    const placement: [string, string][] = [
      ["position", "relative"],
      ["height", "60px"],
      ["margin", "0 0 0 12px"],
    ];
    expect(ownBelowOverPlacement(menu, placement)).toEqual([
      [
        1440,
        [
          ["height", "auto"],
          ["margin-left", "0"],
          ["margin-right", "0"],
        ],
      ],
    ]);
    // Nothing the placement sets, nothing repeated.
    expect(ownBelowOverPlacement(menu, [["z-index", "3"]])).toEqual([]);
  });
});

describe("text in a box that scales as a unit", () => {
  const style = { family: "Helvetica Neue", size: 16, weight: 400, lineHeight: 21.6, letterSpacing: 0.8 };

  it("shrinks with the box down to 12 px, its lines and letter spacing in proportion to its size", () => {
    const decls = inContainerUnits(
      [
        ["font-size", "16px"],
        ["line-height", "21.6px"],
        ["letter-spacing", "0.8px"],
        ["width", "635px"],
      ],
      668,
      style,
    );
    expect(value(decls, "font-size")).toBe("max(12px, 2.395cqw)");
    expect(value(decls, "line-height")).toBe("1.35");
    expect(value(decls, "letter-spacing")).toBe("0.05em");
    expect(value(decls, "width")).toBe("95.06cqw");
  });

  it("a text drawn under 12 px keeps its own size as the floor; other boxes are only converted", () => {
    expect(value(inContainerUnits([["font-size", "10px"]], 500, { ...style, size: 10 }), "font-size")).toBe(
      "max(10px, 2cqw)",
    );
    expect(value(inContainerUnits([["font-size", "16px"]], 668), "font-size")).toBe("2.395cqw");
  });

  it("a fluid heading there scales with its box (no vw clamp), floored like the rest", () => {
    const heading = title([29, 3.33]);
    const decls = responsiveDecls(
      heading,
      undefined,
      [
        ["font-size", "104px"],
        ["line-height", "104px"],
      ],
      false,
      true,
    );
    expect(value(decls, "font-size")).toBe("104px");
    expect(value(inContainerUnits(decls, 748, heading.text!.style), "font-size")).toBe("max(12px, 13.904cqw)");
  });
});

describe("a designer's row of cards that reflows", () => {
  const row = (extra: Partial<FlexLayout> = {}): DesignNode => ({
    id: "r",
    name: "Row",
    kind: "frame",
    w: 1280,
    h: 440,
    sizeH: "fill",
    layout: { dir: "row", gap: 32, padding: [0, 0, 0, 0], justify: "start", align: "start", reflow: 256, ...extra },
  });
  const card = (sizeH: DesignNode["sizeH"], w: number, h = 228): DesignNode => ({
    id: "c",
    name: "Card",
    kind: "frame",
    w,
    h,
    sizeH,
    sizeV: "fixed",
    layout: { dir: "column", gap: 0, padding: [32, 32, 32, 32], justify: "space-between", align: "start" },
    children: [
      {
        id: "q",
        name: "Quote",
        kind: "text",
        w: 341,
        h: 81,
        text: {
          chars: "Absolutely stunning bouquet!",
          style: { family: "Roboto", size: 18, weight: 400 },
          resize: "height",
          alignH: "left",
          alignV: "top",
        },
      },
    ],
  });

  it("wraps; lines closer than its items when they are spread apart", () => {
    expect(
      value(
        responsiveDecls(
          row(),
          undefined,
          [
            ["display", "flex"],
            ["gap", "32px"],
          ],
          false,
        ),
        "flex-wrap",
      ),
    ).toBe("wrap");
    const far = responsiveDecls(
      row({ gap: 900 }),
      undefined,
      [
        ["display", "flex"],
        ["gap", "900px"],
      ],
      false,
    );
    expect([value(far, "column-gap"), value(far, "row-gap"), value(far, "gap")]).toEqual(["900px", "24px", undefined]);
  });

  it("a card that fills its share starts from the readable width (its drawn width less a pixel when narrower)", () => {
    expect(
      value(
        responsiveDecls(card("fill", 296), row(), [
          ["flex", "1 1 0"],
          ["min-width", "0"],
        ]),
        "flex",
      ),
    ).toBe("1 1 256px");
    expect(value(responsiveDecls(card("fill", 200), row(), [["flex", "1 1 0"]]), "flex")).toBe("1 1 199px");
  });

  it("a fixed card is never wider than its line, and grows taller instead of cutting its text", () => {
    const decls = responsiveDecls(card("fixed", 405), row(), [
      ["width", "405px"],
      ["height", "228px"],
    ]);
    expect([
      value(decls, "max-width"),
      value(decls, "height"),
      value(decls, "min-height"),
      value(decls, "flex-shrink"),
    ]).toEqual(["100%", undefined, "228px", undefined]);
  });

  it("a carousel's card keeps its width on the one line, and shares a wrapped line below the design width", () => {
    const carousel = row({ wrapBelow: 1440 });
    expect(
      value(
        responsiveDecls(card("fixed", 405), carousel, [
          ["width", "405px"],
          ["height", "228px"],
        ]),
        "flex-shrink",
      ),
    ).toBe("0");
    expect(value(responsiveDecls(carousel, undefined, [["display", "flex"]], false), "flex-wrap")).toBe("nowrap");
    expect(belowDecls(card("fixed", 405), "all", carousel)).toEqual([[1440, [["flex", "1 1 256px"]]]]);
  });
});

describe("a layer of a stacking section, below the design width", () => {
  const stack = { role: "item" as const, order: 2, below: 1440 };
  it("a unit kept as drawn keeps its drawn box (its layers are placed in it); a text sizes itself", () => {
    const link: DesignNode = {
      id: "l",
      name: "link",
      kind: "instance",
      x: 0,
      y: 0,
      w: 221,
      h: 39,
      stack,
      children: [
        {
          id: "t",
          name: "t",
          kind: "text",
          w: 180,
          h: 39,
          text: {
            chars: "Go",
            style: { family: "Inter", size: 24, weight: 700 },
            resize: "width",
            alignH: "left",
            alignV: "top",
          },
        },
      ],
    };
    const [[below, decls]] = belowDecls(link) as [[number, [string, string][]]];
    expect(below).toBe(1440);
    expect(value(decls, "aspect-ratio")).toBe("221 / 39");
    expect(value(decls, "width")).toBe("min(100%, 221px)");
    const text: DesignNode = { ...link.children![0]!, stack };
    expect(value(belowDecls(text)[0]![1], "width")).toBe("auto");
  });
});

describe("an item of an inferred row", () => {
  const row = (w: number): DesignNode => ({
    id: "r",
    name: "row",
    kind: "group",
    x: 72,
    y: 0,
    w,
    h: 60,
    layout: {
      dir: "row",
      gap: 0,
      padding: [0, 0, 0, 0],
      justify: "start",
      align: "start",
      inferred: { within: 1440 },
      wrap: true,
    },
  });
  const item = (before: number): DesignNode => ({
    id: "t",
    name: "about",
    kind: "text",
    x: 952,
    y: 0,
    w: 416,
    h: 60,
    flow: { before },
    text: {
      chars: "About",
      style: { family: "Lato", size: 20, weight: 400 },
      resize: "height",
      alignH: "center",
      alignV: "top",
    },
  });
  it(
    "on a line of its own keeps the space drawn before it " +
      "inside the row: never wider than the row less that space",
    () => {
      const decls = responsiveDecls(item(100), row(1296), [["width", "416px"]]);
      expect(value(decls, "margin-left")).toBe("100px");
      expect(value(decls, "max-width")).toBe("calc(100% - 100px)");
    },
  );
  it("an item drawn running past its row (with its space) keeps the row's width as its limit", () => {
    expect(value(responsiveDecls(item(100), row(480), [["width", "416px"]]), "max-width")).toBe("100%");
  });
});

describe("the designer's auto layout below the design width (FlexLayout.fitBelow)", () => {
  const para: DesignNode = {
    id: "p",
    name: "p",
    kind: "text",
    w: 1193,
    h: 509,
    sizeH: "fixed",
    sizeV: "fixed",
    text: {
      chars: "We are a team of dedicated professionals",
      style: { family: "Inter", size: 24, weight: 600 },
      resize: "none",
      alignH: "center",
      alignV: "top",
    },
  };
  const column = (w: number, extra: Partial<FlexLayout> = {}): DesignNode => ({
    id: "c",
    name: "c",
    kind: "frame",
    w,
    h: 1370,
    sizeH: "hug",
    sizeV: "hug",
    layout: {
      dir: "column",
      gap: 150,
      padding: [0, 0, 0, 0],
      justify: "start",
      align: "center",
      fitBelow: 1440,
      ...extra,
    },
    children: [para],
  });

  it(
    "an item drawn inside its container is never wider than " + "it, and a text of a fixed height grows with its lines",
    () => {
      expect(belowDecls(para, "all", column(1193))).toEqual([
        [
          1440,
          [
            ["max-width", "100%"],
            ["height", "auto"],
            ["min-height", "509px"],
          ],
        ],
      ]);
      // In a row the designer made wrap: as drawn, up to a line of its own where the row is as wide as its container
      // (Over's Промо: a 870-px column beside a 280-px side bar, 870 px wide on a 390-px phone); a row that hugs its
      // items sizes itself from them, and a percentage of it refers to nothing.
      expect(belowDecls({ ...para, sizeV: "hug" }, "all", column(1193, { dir: "row", wrap: true }))).toEqual([]);
      expect(
        belowDecls({ ...para, sizeV: "hug" }, "all", { ...column(1440, { dir: "row", wrap: true }), sizeH: "fixed" }),
      ).toEqual([[1440, [["max-width", "100%"]]]]);
      // The designer's minimum width gives way as well (Over's 870-px banner on a 768-px screen).
      expect(belowDecls({ ...para, sizeV: "hug", w: 870, minW: 870 }, "all", column(1193))).toEqual([
        [
          1440,
          [
            ["max-width", "100%"],
            ["min-width", "min(870px, 100%)"],
          ],
        ],
      ]);
      // Drawn running past its container (a bleed the container clips): as drawn.
      expect(belowDecls({ ...para, sizeV: "hug" }, "all", column(900))).toEqual([]);
      // Without the mark (exact output, or an inferred flow): nothing.
      expect(
        belowDecls(para, "all", { ...column(1193), layout: { ...column(1193).layout!, fitBelow: undefined } }),
      ).toEqual([]);
    },
  );

  it(
    "an item filling its column's height takes what its " + "content needs once the column is as tall as its content",
    () => {
      // vincegx's slideshow: `flex: 1 1 0` in a column whose row wraps below the design width collapsed to 0 px under
      // the cards.
      const slideshow: DesignNode = {
        id: "s",
        name: "slideshow",
        kind: "frame",
        w: 469,
        h: 330,
        sizeH: "fill",
        sizeV: "fill",
      };
      expect(belowDecls(slideshow, "all", column(1193))).toEqual([[1440, [["min-height", "auto"]]]]);
      expect(belowDecls({ ...slideshow, minH: 200 }, "all", column(1193))).toEqual([]);
    },
  );

  it(
    "a box whose items fill it grows; one drawn shorter than its " +
      "content, a truncated text and an item filling its line do not",
    () => {
      const box: DesignNode = { ...column(1193), sizeH: "fixed", sizeV: "fixed", h: 600 };
      expect(belowDecls(box, "all", column(1300))).toEqual([
        [
          1440,
          [
            ["max-width", "100%"],
            ["height", "auto"],
            ["min-height", "600px"],
          ],
        ],
      ]);
      expect(belowDecls({ ...box, h: 400 }, "all", column(1300))).toEqual([[1440, [["max-width", "100%"]]]]);
      expect(belowDecls({ ...para, text: { ...para.text!, resize: "truncate" } }, "all", column(1193))).toEqual([
        [1440, [["max-width", "100%"]]],
      ]);
      expect(belowDecls({ ...para, sizeH: "fill" }, "all", column(1193))).toEqual([
        [
          1440,
          [
            ["height", "auto"],
            ["min-height", "509px"],
          ],
        ],
      ]);
      // A text as wide as its line (a figure's caption) wraps when the line is longer than its container.
      const caption: DesignNode = {
        ...para,
        w: 380,
        h: 87,
        sizeH: "hug",
        sizeV: "hug",
        text: { ...para.text!, resize: "width" },
      };
      expect(belowDecls(caption, "all", column(1193))).toEqual([
        [
          1440,
          [
            ["max-width", "100%"],
            ["white-space", "normal"],
          ],
        ],
      ]);
      // An item of an inferred flow (a form drawn 1141 px tall, its content centred in it) grows too.
      const inferred: DesignNode = {
        id: "r",
        name: "root",
        kind: "frame",
        w: 1440,
        h: 1261,
        layout: {
          dir: "column",
          gap: 0,
          padding: [0, 0, 0, 0],
          justify: "start",
          align: "start",
          inferred: { within: 1440 },
        },
      };
      expect(belowDecls(box, "all", inferred)).toEqual([
        [
          1440,
          [
            ["height", "auto"],
            ["min-height", "600px"],
          ],
        ],
      ]);
    },
  );

  it(
    "a row wraps when its items no longer fit, its lines at most " +
      "24 px apart; a reflowing or wrapping row keeps its own rules",
    () => {
      const figure: DesignNode = { ...para, w: 300, h: 300, sizeH: "fixed", sizeV: "fixed" };
      const row = (extra: Partial<FlexLayout> = {}): DesignNode => ({
        ...column(1283, { dir: "row", gap: 118, ...extra }),
        children: [figure, { ...figure, id: "p2" }],
      });
      expect(belowDecls(row(), "own")).toEqual([
        [
          1440,
          [
            ["flex-wrap", "wrap"],
            ["row-gap", "24px"],
          ],
        ],
      ]);
      // One item has nothing to wrap (Over's 300-px picture centred on its 170-px box would start at the top and run
      // out below).
      expect(belowDecls({ ...row(), children: [figure, { ...figure, id: "p3", absolute: true }] }, "own")).toEqual([]);
      expect(belowDecls(row({ gap: 12 }), "own")).toEqual([[1440, [["flex-wrap", "wrap"]]]]);
      expect(belowDecls(row({ wrap: true }), "own")).toEqual([]);
      expect(belowDecls(row({ reflow: 256, wrapBelow: 1440 }), "own")).toEqual([[1440, [["flex-wrap", "wrap"]]]]);
      expect(belowDecls(column(1193), "own")).toEqual([]);
    },
  );
});

describe("a box of the designer's that hugs its content, in an inferred column", () => {
  const root: DesignNode = {
    id: "r",
    name: "root",
    kind: "frame",
    w: 1440,
    h: 945,
    layout: {
      dir: "column",
      gap: 86,
      padding: [0, 0, 38, 0],
      justify: "start",
      align: "start",
      inferred: { within: 1440 },
    },
  };
  const form = (w: number, offset?: number): DesignNode => ({
    id: "f",
    name: "form",
    kind: "frame",
    w,
    h: 700,
    sizeH: "hug",
    sizeV: "hug",
    ...(offset !== undefined ? { flow: { offset } } : {}),
    layout: { dir: "column", gap: 143, padding: [0, 0, 0, 0], justify: "start", align: "end", fitBelow: 1440 },
  });

  it("is never wider than the column less its indent and the far gutter", () => {
    const decls = responsiveDecls(form(1308, 67), root, [["display", "flex"]]);
    expect(value(decls, "margin-left")).toBe("clamp(16px, calc(67px - (1440px - 100%)), 67px)");
    expect(value(decls, "max-width")).toBe("calc(100% - clamp(16px, calc(67px - (1440px - 100%)), 67px) - 16px)");
    expect(value(responsiveDecls(form(1000), root, [["display", "flex"]]), "max-width")).toBe("calc(100% - 16px)");
  });

  it("keeps its drawn width when it does not fit so as drawn", () => {
    expect(value(responsiveDecls(form(1400, 67), root, [["display", "flex"]]), "max-width")).toBeUndefined();
  });
});
