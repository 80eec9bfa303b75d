import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withDrawings } from "../design/drawings.js";
import type { DesignDocument, DesignNode } from "../design/types.js";
import { generateCode, loadDesign, type CodeOptions } from "../index.js";
import { inferLayout } from "../layout/index.js";
import { modelHint } from "./model.js";
import { pageName } from "./pages.js";
import { parseHint } from "./parse.js";
import { printHint } from "./print.js";

const FLORA = JSON.parse(readFileSync("test/fixtures/real/flora.file.json", "utf8")) as unknown;
/** flora's Order Modal, drawn at 1440, 768 and 375. */
const ORDER_MODAL = ["8211:116360", "8238:18854", "8238:19230"];

const normalise = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
const idsOf = (doc: DesignDocument): Record<string, string[]> =>
  Object.fromEntries(Object.entries(doc.drawings ?? {}).map(([id, list]) => [id, list.map((d) => d.id)]));

/** A small frame of `w` px with one text, named `name`. */
const frame = (id: string, name: string, w: number): DesignNode => ({
  id,
  name,
  kind: "frame",
  w,
  h: 200,
  children: [
    {
      id: `${id}1`,
      name: "Title",
      kind: "text",
      x: 16,
      y: 16,
      w: 100,
      h: 20,
      text: {
        chars: "Title",
        style: { family: "Inter", size: 16, weight: 400 },
        resize: "none",
        alignH: "left",
        alignV: "top",
      },
    },
  ],
});

describe("a page drawn at several widths in the hint", () => {
  it("says it is one page at its widths, and parses back to the same drawings", () => {
    const doc = withDrawings(
      {
        frames: [frame("1:1", "Home • Desktop", 1440), frame("2:1", "Home • Mobile", 375), frame("3:1", "About", 800)],
        assets: {},
      },
      [["1:1", "2:1"]],
    );
    const hint = printHint(doc);
    expect(hint.split("\n")[1]).toBe(
      "page: Home — drawn at 1440, 375 (one DOM, mobile-first @media at the drawn widths): frames 1:1, 2:1",
    );
    const parsed = parseHint(hint).document;
    expect(parsed.frames.map((f) => f.id)).toEqual(["1:1", "3:1"]);
    expect(idsOf(parsed)).toEqual({ "1:1": ["2:1"] });
    expect(normalise(parsed.drawings)).toEqual(normalise(doc.drawings));
  });

  it("names the page by the words its drawings share", () => {
    const named = (...names: string[]): string => pageName(names.map((n, k) => frame(`${k}:1`, n, 1000 - k)));
    expect(named("Home • Desktop", "Home • Tablet", "Home • Mobile")).toBe("Home");
    expect(named("Order Modal - 1440", "Order Modal - 375")).toBe("Order Modal");
    expect(named("Landing", "Phone")).toBe("Landing");
  });

  it("refuses a page line whose frames are not in the hint", () => {
    const hint = ["figment-hint 2", "page: X — drawn at 10, 5 (…): frames 1:1, 9:9", "F 1:1 A 10x10", ""].join("\n");
    expect(() => parseHint(hint)).toThrow(/line 2: the page's frame 9:9 is not in the hint/);
  });

  const doc = withDrawings(loadDesign(FLORA, ORDER_MODAL).document, [ORDER_MODAL]);
  const hint = modelHint(doc);

  it("flora's Order Modal: one page line, the three drawings' frames, and the inferred drawings back", () => {
    const lines = hint.split("\n");
    expect(lines.filter((l) => l.startsWith("page:"))).toEqual([
      "page: Order Modal — drawn at 1440, 768, 375 (one DOM, mobile-first @media at the drawn widths): " +
        "frames 8211:116360, 8238:18854, 8238:19230",
    ]);
    // Ids are printed short (":19230" after "8238:18854"): three top-level frames, the page's first.
    expect(lines.filter((l) => l.startsWith("F ")).map((l) => l.split(" ")[1])).toEqual(
      ORDER_MODAL.map((id, k) => (k === 2 ? ":19230" : id)),
    );
    const parsed = parseHint(hint).document;
    const inferred = inferLayout(doc);
    expect(idsOf(parsed)).toEqual({
      "8211:116360": ["8238:18854", "8238:19230"],
    });
    expect(normalise(parsed.frames)).toEqual(normalise(inferred.frames));
    expect(normalise(parsed.drawings)).toEqual(normalise(inferred.drawings));
  });

  it.each<CodeOptions>([
    { target: "html", styling: "css-modules", nodeIds: true },
    { target: "html", styling: "css-modules", nodeIds: false },
  ])(
    "flora's Order Modal: code from the hint is the code from the design ($target, ids $nodeIds)",
    async (options) => {
      const parsed = parseHint(hint).document;
      // The hint names assets and carries no tokens: the design's are swapped in, as hint-roundtrip.test.ts does.
      const fromHint: DesignDocument = {
        ...parsed,
        assets: doc.assets,
        ...(doc.tokens ? { tokens: doc.tokens } : {}),
      };
      const expected = await generateCode(doc, options);
      const actual = await generateCode(fromHint, options);
      expect(actual.files.map((f) => f.path)).toEqual(expected.files.map((f) => f.path));
      for (const [i, file] of expected.files.entries()) expect(actual.files[i]!.content, file.path).toBe(file.content);
      expect(expected.files.find((f) => f.path.endsWith(".css"))?.content).toMatch(/@media \(min-width: 768px\)/);
    },
    120_000,
  );
});
