/**
 * Issue 37 item 8: the hint given to the model carries what the emitters build the features from. On real
 * pages that have them, the hint printed from the inferred tree (modelHint) holds every new mark — a section kept as
 * drawn and stacked below a width (`sb`, each child's role and order `st`, the section `stt`), a text held on one
 * line (`lb`), a navigation bar's menu (`nav`), a row of cards that reflows (`rf`), the paint order where layers and
 * the flow interleave (`z`) — and parsing it back gives the same marks on the same layers, and prints the same hint.
 *
 * The page-level facts the emitters read (emit/page.ts: a screen's width, its fills and clip for the full-bleed
 * page, a backdrop's see-through fill and centring auto layout, `scl` boxes that take @container units) are node
 * facts the hint prints anyway (`f:`, `clip`, `row`/`col`, `j:`, `a:`, `inf:`, `scl`); Flora's Order Modal shows it
 * for a backdrop.
 *
 * Code from the hint (`figment code --from-hint`) is the offline code, in HTML, React and Tailwind, on pages with the
 * marks (Over's Промо: sb, st, stt, nav, rf; Flora's Home: nav, rf; TnT's Home: z, lb; the Order Modal's backdrop) —
 * the asset payloads and the token table travel beside the hint, as in nav-menu.test.ts. A parsed tree is not
 * inferred again (it carries inference's result: layout/index.ts). Not yet on Psykolog Jenny's MacBook Pro 2.2: its
 * newsletter's "Email" field is drawn as a group (a box and its placeholder) that inference dissolves into a stack;
 * the form planner pairs placeholders with boxes in the drawing, which the hint cannot give back, so code from the
 * hint draws the placeholder as a text where the offline code has an <input>.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDesignBytes } from "../../cli/common/design-text.js";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { emitFiles } from "../emit/index.js";
import { isBackdrop } from "../emit/page.js";
import type { DesignDocument, DesignNode } from "../design/types.js";
import { inferLayout } from "../layout/index.js";
import { loadDesign } from "../load.js";
import { parseHint } from "./parse.js";
import { printHint } from "./print.js";

const drawing = (file: string, id: string): DesignDocument => {
  const bytes = readFileSync(join(REPO_ROOT, "test/fixtures/real", file));
  const { json } = readDesignBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  return loadDesign(json, [id]).document;
};
const real = (file: string, id: string): DesignDocument => inferLayout(drawing(file, id));

/** Issue 37's marks on one node, as the emitters read them. */
function marks(node: DesignNode): Record<string, unknown> {
  const out: Record<string, unknown> = {
    stackBelow: node.stackBelow,
    stack: node.stack,
    stackTop: node.stackTop,
    backdrop: node.backdrop,
    beside: node.beside,
    fillBelow: node.fillBelow,
    lineBelow: node.lineBelow,
    growBelow: node.growBelow,
    hideBelow: node.hideBelow,
    nav: node.nav,
    reflow: node.layout?.reflow,
    wrapBelow: node.layout?.wrapBelow,
    z: node.z,
    scaled: node.scaled,
    fluid: node.text?.fluid,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** Every node's marks, in document order, with its id (inferred wrappers: "+"). */
function allMarks(doc: DesignDocument): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  const visit = (node: DesignNode): void => {
    out.push([node.id || "+", marks(node)]);
    node.children?.forEach(visit);
  };
  doc.frames.forEach(visit);
  return out;
}

const KEY_OF: Record<string, string> = {
  stackBelow: "sb",
  stack: "st",
  stackTop: "stt",
  backdrop: "bd",
  beside: "bs",
  fillBelow: "flb",
  lineBelow: "lb",
  nav: "nav",
  reflow: "rf",
  z: "z",
};

const PAGES = [
  // Sets of layers stacked below the design width, texts held on one line, the nav bar, paint order.
  {
    file: "psykolog-jenny.file.json",
    id: "35:34",
    name: "Psykolog Jenny · MacBook Pro 2.2",
    has: ["sb", "st", "lb", "nav", "z"],
  },
  // Sections kept as drawn (the simulator's check: Figment's layout model, fonts not loaded).
  { file: "fitma-shop.file.json", id: "0:268", name: "Fitma · Product Details", has: ["stt", "sb"] },
  // The designer's auto layout: the nav bar's menu, rows of cards that reflow.
  // Issue 69: the hero's photo beside its texts joins the flow below the design width (bs), filling its layer (flb).
  { file: "flora.file.json", id: "8203:59903", name: "Flora · Home • Desktop", has: ["nav", "rf", "bs", "flb"] },
  // Issue 69: backdrops (a band, the footer's picture) with the layers drawn on them, stacked together (bd).
  { file: "template-microsite.nodes.json", id: "3988:10182", name: "Template microsite · Page 2", has: ["bd", "sb"] },
];

describe("issue 37's marks in the model's hint", () => {
  for (const page of PAGES) {
    it(`${page.name}: the hint carries ${page.has.join(", ")}, and parses back to the same marks`, () => {
      const doc = real(page.file, page.id);
      const hint = printHint(doc);
      const before = allMarks(doc);
      const present = new Set(
        before
          .flatMap(([, m]) => Object.keys(m))
          .map((k) => KEY_OF[k])
          .filter((k) => k !== undefined),
      );
      expect([...present].sort()).toEqual(expect.arrayContaining(page.has));
      for (const key of page.has) expect(hint, `${key}: in the hint`).toMatch(new RegExp(`(^| )${key}(:|$| )`, "m"));

      const parsed = parseHint(hint).document;
      expect(allMarks(parsed)).toEqual(before);
      expect(printHint(parsed)).toBe(hint);
    });
  }

  it("together they carry every new mark (sb, st, stt, lb, nav, rf)", () => {
    const keys = new Set(PAGES.flatMap((p) => p.has));
    for (const key of ["sb", "st", "stt", "lb", "nav", "rf"]) expect(keys.has(key), key).toBe(true);
  });

  it(
    "a backdrop (Flora's Order Modal) is one in the tree " + "parsed from the hint: its facts are printed node facts",
    () => {
      const doc = real("flora.file.json", "8211:116360");
      expect(isBackdrop(doc.frames[0]!)).toBe(true);
      const parsed = parseHint(printHint(doc)).document;
      expect(isBackdrop(parsed.frames[0]!)).toBe(true);
    },
  );

  const TARGETS = [
    { target: "html", styling: "css-modules", nodeIds: true },
    { target: "react", styling: "css-modules", nodeIds: true },
    { target: "react", styling: "tailwind", nodeIds: true },
  ] as const;
  const FROM_HINT = [
    { file: "over-promo.nodes.json", id: "8958:5498", name: "Over · Промо" },
    { file: "flora.file.json", id: "8203:59903", name: "Flora · Home • Desktop" },
    { file: "flora.file.json", id: "8211:116360", name: "Flora · Order Modal" },
    { file: "tnt-website.file.json", id: "40:110", name: "TnT · Home" },
  ];
  for (const page of FROM_HINT) {
    it(`${page.name}: code from the hint is the offline code, in HTML, React and Tailwind`, () => {
      const doc = drawing(page.file, page.id);
      const parsed = parseHint(printHint(inferLayout(doc))).document;
      for (const options of TARGETS) {
        const offline = emitFiles(doc, options).files;
        const fromHint = emitFiles(
          { ...parsed, assets: doc.assets, ...(doc.tokens ? { tokens: doc.tokens } : {}) },
          options,
        ).files;
        expect(
          fromHint.map((f) => f.path),
          `${options.target} ${options.styling}`,
        ).toEqual(offline.map((f) => f.path));
        for (const [i, f] of offline.entries())
          if (typeof f.content === "string")
            expect(fromHint[i]!.content, `${options.target} ${options.styling}: ${f.path}`).toBe(f.content);
      }
    });
  }
});
