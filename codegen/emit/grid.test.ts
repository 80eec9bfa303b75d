import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import type { DesignNode, GridLayout } from "../design/types.js";
import { loadDesign } from "../load.js";
import { placementDecls } from "./css.js";
import { emitFiles } from "./index.js";
import { gridBelowDecls, gridContainerDecls, gridItemBelowDecls, gridItemDecls, templateCss } from "./grid.js";
import { belowDecls } from "./responsive.js";
import { tailwindClass } from "./tailwind.js";

const grid = (extra: Partial<GridLayout> = {}): GridLayout => ({
  kind: "grid",
  columns: [
    { kind: "fr", value: 1 },
    { kind: "fr", value: 1 },
  ],
  rows: [{ kind: "px", value: 120 }],
  columnGap: 24,
  rowGap: 24,
  padding: [0, 0, 0, 0],
  ...extra,
});
const item = (extra: Partial<DesignNode> = {}): DesignNode => ({
  id: "1:2",
  name: "Card",
  kind: "frame",
  w: 200,
  h: 120,
  sizeH: "fixed",
  sizeV: "fixed",
  cell: { row: 0, column: 1, rowSpan: 1, columnSpan: 1 },
  ...extra,
});

describe("a grid's own CSS", () => {
  it("its tracks (flexible ones never widened by their content, fixed rows growing with it), gaps, padding", () => {
    expect(gridContainerDecls(grid({ padding: [8, 16, 8, 16] }))).toEqual([
      ["display", "grid"],
      ["grid-template-columns", "repeat(2, minmax(0, 1fr))"],
      ["grid-template-rows", "minmax(120px, auto)"],
      ["gap", "24px"],
      ["padding", "8px 16px"],
    ]);
  });

  it("tracks that hug their content keep to it; unequal gaps each on its own", () => {
    const decls = gridContainerDecls(
      grid({
        columns: [{ kind: "hug" }, { kind: "px", value: 240 }],
        rows: [{ kind: "hug" }],
        rowGap: 0,
        columnGap: 8,
      }),
    );
    expect(decls).toEqual([
      ["display", "grid"],
      ["grid-template-columns", "auto 240px"],
      ["grid-template-rows", "auto"],
      ["justify-content", "start"],
      ["align-content", "start"],
      ["column-gap", "8px"],
    ]);
    expect(
      templateCss(
        [
          { kind: "fr", value: 2 },
          { kind: "fr", value: 2 },
          { kind: "fr", value: 1 },
        ],
        false,
      ),
    ).toBe("repeat(2, minmax(0, 2fr)) minmax(0, 1fr)");
  });
});

describe("a grid item's place", () => {
  it("its area; a fixed size kept, at the start unless aligned; a filling one across its area", () => {
    expect(gridItemDecls(item(), item().cell)).toEqual([
      ["grid-column", "2"],
      ["grid-row", "1"],
      ["width", "200px"],
      ["height", "120px"],
    ]);
    const spanning = item({ sizeH: "fill", cell: { row: 1, column: 0, rowSpan: 2, columnSpan: 2, alignV: "center" } });
    expect(gridItemDecls(spanning, spanning.cell)).toEqual([
      ["grid-column", "1 / span 2"],
      ["grid-row", "2 / span 2"],
      ["height", "120px"],
      ["align-self", "center"],
    ]);
    const hugging = item({ sizeH: "hug", sizeV: "hug", cell: { row: 0, column: 0, rowSpan: 1, columnSpan: 1 } });
    expect(gridItemDecls(hugging, hugging.cell).slice(2)).toEqual([
      ["justify-self", "start"],
      ["align-self", "start"],
    ]);
  });

  it("placementDecls places a grid's child in its area, and a child placed absolutely by its constraints", () => {
    const parent: DesignNode = { id: "1:1", name: "Grid", kind: "frame", w: 424, h: 120, layout: grid() };
    expect(placementDecls(item(), parent).slice(0, 2)).toEqual([
      ["grid-column", "2"],
      ["grid-row", "1"],
    ]);
    const badge = item({ absolute: true, x: 380, y: -8, w: 40, h: 20, constraintH: "right" });
    delete badge.cell;
    expect(placementDecls(badge, parent)).toEqual([
      ["position", "absolute"],
      ["right", "4px"],
      ["width", "40px"],
      ["top", "-8px"],
      ["height", "20px"],
    ]);
  });
});

describe("a grid below the design width", () => {
  const collapsing = (): DesignNode => ({
    id: "1:1",
    name: "Grid",
    kind: "frame",
    w: 424,
    h: 288,
    layout: grid({
      fitBelow: 1440,
      collapse: [
        { below: 900, columns: 1 },
        { below: 300, columns: 1 },
      ],
    }),
    children: [
      item({ id: "b", cell: { row: 1, column: 0, rowSpan: 1, columnSpan: 2 } }),
      item({ id: "a", cell: { row: 0, column: 0, rowSpan: 1, columnSpan: 1 } }),
    ],
  });

  it("fewer, equal columns; rows as tall as their content", () => {
    expect(gridBelowDecls(collapsing())).toEqual([
      [
        900,
        [
          ["grid-template-columns", "repeat(1, minmax(0, 1fr))"],
          ["grid-template-rows", "none"],
          ["align-content", "start"],
        ],
      ],
      [300, [["grid-template-columns", "repeat(1, minmax(0, 1fr))"]]],
    ]);
  });

  it("its items in reading order, spanning at most the columns there are, never wider than their area", () => {
    const g = collapsing();
    const [b, a] = g.children!;
    expect(gridItemBelowDecls(b!, g)).toEqual([
      [
        900,
        [
          ["grid-column", "auto"],
          ["grid-row", "auto"],
          ["order", "1"],
        ],
      ],
    ]);
    expect(gridItemBelowDecls(a!, g)[0]![1]).toContainEqual(["order", "0"]);
    expect(belowDecls(a!, "all", g)).toContainEqual([
      1440,
      [
        ["max-width", "100%"],
        ["height", "auto"],
        ["min-height", "120px"],
      ],
    ]);
  });
});

describe("Tailwind classes for a grid", () => {
  it.each([
    [["grid-template-columns", "repeat(4, minmax(0, 1fr))"], "grid-cols-4"],
    [["grid-template-columns", "240px minmax(0, 1fr)"], "grid-cols-[240px_minmax(0,1fr)]"],
    [["grid-template-rows", "none"], "grid-rows-none"],
    [["grid-column", "3 / span 2"], "col-start-3 col-span-2"],
    [["grid-column", "span 2"], "col-span-2"],
    [["grid-row", "2"], "row-start-2"],
    [["grid-row", "auto"], "row-auto"],
    [["justify-self", "center"], "justify-self-center"],
    [["align-self", "end"], "self-end"],
    [["align-content", "start"], "content-start"],
  ] as [[string, string], string][])("%j → %s", (decl, cls) => {
    expect(tailwindClass(decl)).toBe(cls);
  });
});

describe("the control's grid in every target", () => {
  const json = JSON.parse(readFileSync(join(REPO_ROOT, "test/fixtures/grid/quick-stats.file.json"), "utf8")) as unknown;
  const design = loadDesign(json, ["18:1"]).document;

  it("HTML: a CSS grid of four columns, the chart card in two rows and two columns, two columns then one below", () => {
    const css = emitFiles(design, { target: "html", styling: "css-modules", nodeIds: true }).files.find(
      (f) => f.path === "styles.css",
    )!.content;
    expect(css).toMatch(
      /\.quick-stats-grid \{[^}]*display: grid;[^}]*grid-template-columns: repeat\(4, minmax\(0, 1fr\)\)/,
    );
    expect(css).toMatch(/\.chart-card \{\s*grid-column: 1 \/ span 2;\s*grid-row: 2 \/ span 2;/);
    expect(css).toMatch(/@media \(width < 950px\) \{\s*\.quick-stats-grid \{\s*grid-template-columns: repeat\(2,/);
    expect(css).toMatch(/@media \(width < 479px\) \{\s*\.quick-stats-grid \{\s*grid-template-columns: repeat\(1,/);
  });

  it("React with Tailwind: the scale's grid classes", () => {
    const files = emitFiles(design, { target: "react", styling: "tailwind", nodeIds: true }).files;
    const screen = files.find((f) => f.path.endsWith("Dashboard.tsx"))!.content;
    expect(screen).toContain("grid grid-cols-4");
    expect(screen).toContain("col-start-1 col-span-2 row-start-2 row-span-2");
    expect(screen).toContain("max-[950px]:grid-cols-2");
  });
});
