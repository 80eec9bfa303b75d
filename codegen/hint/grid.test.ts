import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { emitFiles } from "../emit/index.js";
import { inferLayout } from "../layout/index.js";
import { loadDesign } from "../load.js";
import { modelHint } from "./model.js";
import { parseHint } from "./parse.js";
import { printHint } from "./print.js";

const json = JSON.parse(readFileSync(join(REPO_ROOT, "test/fixtures/grid/quick-stats.file.json"), "utf8")) as unknown;
const normalise = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe("a grid in the model hint", () => {
  const doc = loadDesign(json, ["18:1"]).document;

  it("prints its tracks, gaps, fewer columns below the design width, and each child's area", () => {
    const hint = modelHint(doc);
    expect(hint).toMatch(/F 19:1 "Quick Stats Grid" 1200x488 grid:4\*1fr\/120,2\*160 gg:24 gcb:950\/2,479\/1 /);
    expect(hint).toMatch(/F 21:1 "Chart card" 588x344 col gi:1,0,2,2 /);
    expect(hint).toMatch(/F 20:10 "Stat card \/ Revenue" 282x120 col gi:0,0 /);
  });

  it("round-trips: the drawn tree and the inferred one parse back as they were, and give the same code", () => {
    expect(normalise(parseHint(printHint(doc)).document.frames)).toEqual(normalise(doc.frames));
    const inferred = inferLayout(doc);
    const parsed = parseHint(modelHint(doc)).document;
    expect(normalise(parsed.frames)).toEqual(normalise(inferred.frames));
    const options = { target: "html", styling: "css-modules", nodeIds: true } as const;
    const css = (d: typeof doc) => emitFiles(d, options).files.find((f) => f.path === "styles.css")!.content;
    expect(css({ ...parsed, assets: doc.assets })).toBe(css(doc));
  });

  it("reads alignment in an area, and refuses a grid written badly", () => {
    const hint = (line: string) => `figment-hint 1\nF 1:1 G 100x100 grid:2*1fr/a\n F 1:2 A 10x10 ${line}`;
    expect(parseHint(hint("gi:0,1 ga:c-")).document.frames[0]!.children![0]!.cell).toEqual({
      row: 0,
      column: 1,
      rowSpan: 1,
      columnSpan: 1,
      alignH: "center",
    });
    expect(() => parseHint(hint("gi:0"))).toThrow('line 3: bad grid area "0"');
    expect(() => parseHint(hint("ga:cc"))).toThrow("line 3: grid alignment before gi on 1:2");
    expect(() => parseHint("figment-hint 1\nF 1:1 G 100x100 gg:4")).toThrow("line 2: grid property before grid");
    expect(() => parseHint("figment-hint 1\nF 1:1 G 100x100 grid:1fr")).toThrow('line 2: bad grid "1fr"');
  });
});
