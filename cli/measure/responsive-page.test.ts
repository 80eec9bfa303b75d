import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../codegen/index.js";
import type { SourceFile } from "../../codegen/types.js";
import { captureIo, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { parseCliArgs } from "../common/args.js";
import { chromiumAvailable, chromiumPath } from "./browser.js";
import type { RestNode } from "./fidelity.js";
import { designTexts, measureFrame } from "./responsive-page.js";
import {
  blockReadingOrder,
  inkCore,
  kendallTau,
  overlappingPairs,
  parseWidths,
  readingOrder,
  widthFigures,
  widthsFor,
  type TextSample,
} from "../../codegen/fidelity/responsive.js";
import type { DesignFacts, DesignText } from "../../codegen/fidelity/design-text.js";
import type { TextProbe } from "../../codegen/fidelity/text-probe.js";
import { run } from "../run.js";
import { connectChromium } from "../../test/helpers/chromium-server.js";

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const sample = (
  id: string,
  chars: number,
  counts: Partial<Pick<TextSample, "seen" | "offscreen" | "clipped" | "covered">>,
  rendered = true,
): TextSample => ({
  id,
  chars,
  rendered,
  rects: [],
  seen: 0,
  offscreen: 0,
  clipped: 0,
  covered: 0,
  fontPx: 16,
  measured: 0,
  lowContrast: 0,
  ...counts,
  ...(rendered ? {} : { missing: "no box" as const }),
});
const designText = (id: string, width: number, over: Partial<DesignText> = {}): DesignText => ({
  id,
  name: id,
  chars: 5,
  box: box(0, 0, width, 20),
  fontSize: 16,
  minContrast: 3,
  backdropKnown: true,
  covered: 0,
  clipped: 0,
  ...over,
});
const facts = (texts: DesignText[]): DesignFacts => ({
  frameId: "1:1",
  width: 390,
  height: 800,
  texts,
  contentBottom: 800,
  families: [],
  names: new Map(texts.map((t) => [t.id, t.name])),
});
const probe = (samples: TextSample[], over: Partial<TextProbe> = {}): TextProbe => ({
  scrollWidth: 390,
  clientWidth: 390,
  scrollHeight: 844,
  viewportHeight: 844,
  contentBottom: 800,
  fontsMissing: [],
  samples,
  ...over,
});

describe("responsive figures (no browser)", () => {
  it("ink core: the middle 60 % of a line box", () => {
    expect(inkCore(box(10, 100, 50, 20))).toEqual(box(10, 104, 50, 12));
  });

  it("overlapping pairs: ink that overlaps counts, stacked lines that touch or graze do not", () => {
    const texts = [
      { id: "a", rects: [box(0, 0, 100, 20)] },
      // Same place, shifted 10px: most of its ink is over a's.
      { id: "b", rects: [box(10, 2, 100, 20)] },
      // The next line of a stack: its line box overlaps a's by 2px, the letters do not.
      { id: "c", rects: [box(0, 18, 100, 20)] },
      // Overlaps b's second line only by a sliver (under 5 % of the smaller ink).
      { id: "d", rects: [box(300, 0, 40, 20)] },
      { id: "e", rects: [box(338, 0, 40, 20), box(0, 200, 40, 20)] },
      { id: "empty", rects: [] },
    ];
    expect(overlappingPairs(texts)).toEqual([["a", "b"]]);
    // Multi-line: the second line of f lands on g.
    expect(
      overlappingPairs([
        { id: "f", rects: [box(0, 0, 300, 20), box(0, 20, 100, 20)] },
        { id: "g", rects: [box(0, 22, 80, 20)] },
      ]),
    ).toEqual([["f", "g"]]);
  });

  it("one class per text, weighted by the text's area in the design; what the drawing hides is left out", () => {
    const f = widthFigures(
      390,
      probe([
        sample("long", 30, { seen: 3, clipped: 1 }), // cut: partly outside what clips it
        sample("short", 10, { seen: 1, covered: 2 }),
        sample("gone", 10, {}, false),
        sample("fine", 10, { seen: 4 }),
        sample("backdrop", 10, { covered: 4 }), // the drawing itself covers it
      ]),
      facts([
        designText("long", 300),
        designText("short", 100),
        designText("gone", 100),
        designText("fine", 100),
        designText("backdrop", 100, { covered: 1 }),
      ]),
    );
    expect(f.textClipped).toBeCloseTo(300 / 600, 6);
    expect(f.textCovered).toBeCloseTo(100 / 600, 6);
    expect(f.textMissing).toBeCloseTo(100 / 600, 6);
    expect(f.textVisible).toBeCloseTo(100 / 600, 6);
    expect(f.textIllegible + f.textTooSmall).toBe(0);
    expect(f.hiddenByDesign).toBe(1);
    // Worst first: the most area lost, the more so the less of it is seen.
    expect(f.problems.map((p) => [p.id, p.class])).toEqual([
      ["long", "clipped"],
      ["gone", "missing"],
      ["short", "covered"],
    ]);
    expect(widthFigures(390, probe([]), facts([])).textVisible).toBe(1);
  });

  it(
    "width figures: overflow beyond 1px of rounding, pairs " +
      "among rendered texts only, blank page below the content",
    () => {
      const texts = [
        { ...sample("a", 5, { seen: 1 }), rects: [box(0, 0, 50, 20)] },
        { ...sample("b", 5, { seen: 1 }), rects: [box(0, 0, 50, 20)] },
        { ...sample("c", 5, {}, false), rects: [box(0, 0, 50, 20)] },
      ];
      const design = facts(["a", "b", "c"].map((id) => designText(id, 50)));
      const f = widthFigures(390, probe(texts, { scrollWidth: 391 }), design);
      expect(f).toMatchObject({
        width: 390,
        overflow: false,
        overflowPx: 0,
        overlappingPairs: 1,
        pairs: [["a", "b"]],
        texts: 3,
        blankBelowPx: 0,
      });
      expect(widthFigures(390, probe(texts, { scrollWidth: 1440 }), design)).toMatchObject({
        overflow: true,
        overflowPx: 1050,
      });
      // A page 5,588 px long whose content ends at 2,800 px: 2,788 px of blank page to scroll through.
      expect(widthFigures(390, probe(texts, { scrollHeight: 5588, contentBottom: 2800 }), design).blankBelowPx).toBe(
        2788,
      );
      // Shorter than the viewport: nothing to scroll through.
      expect(widthFigures(390, probe(texts, { scrollHeight: 844, contentBottom: 300 }), design).blankBelowPx).toBe(0);
    },
  );

  it(
    "widths: default phone, tablet, 1920 and the design width, " +
      "narrowest first; 0 is the design width; duplicates dropped",
    () => {
      expect(widthsFor(1440.4)).toEqual([390, 768, 1440, 1920]);
      expect(widthsFor(1920)).toEqual([390, 768, 1920]);
      expect(widthsFor(375, [390, 0, 390])).toEqual([390, 375]);
      expect(parseWidths("390, 768,design")).toEqual([390, 768, 0]);
      expect(() => parseWidths("")).toThrow(/list of viewport widths/);
      expect(() => parseWidths("390,abc")).toThrow(/abc is not a viewport width/);
      expect(() => parseWidths("50")).toThrow(/50 is not/);
    },
  );

  it("--widths is parsed for figment fidelity and refused elsewhere", () => {
    expect(parseCliArgs(["fidelity", "d.json", "--widths", "390,design"]).widths).toEqual([390, 0]);
    expect(parseCliArgs(["fidelity", "d.json"]).widths).toBeUndefined();
    expect(() => parseCliArgs(["code", "d.json", "--widths", "390"])).toThrow(
      /--widths only applies to figment fidelity/,
    );
    expect(() => parseCliArgs(["fidelity", "d.json", "--widths", "wide"])).toThrow(/wide is not a viewport width/);
  });

  it("design texts: visible TEXT nodes with their character counts (textCase applied, whitespace collapsed)", () => {
    const frame: RestNode = {
      id: "1:1",
      name: "F",
      type: "FRAME",
      absoluteBoundingBox: box(0, 0, 100, 100),
      children: [
        { id: "1:2", name: "t", type: "TEXT", characters: "Hi  \n there", absoluteBoundingBox: box(0, 0, 50, 20) },
        { id: "1:3", name: "h", type: "TEXT", visible: false, characters: "x", absoluteBoundingBox: box(0, 0, 50, 20) },
        { id: "1:4", name: "r", type: "RECTANGLE", absoluteBoundingBox: box(0, 0, 50, 20) },
      ],
    };
    expect(designTexts(frame)).toEqual([{ id: "1:2", chars: 8 }]);
  });
});

const CI = !!process.env.CI;
const haveChromium = chromiumAvailable();
if (!haveChromium && !CI) console.warn(`responsive: browser tests skipped, Chromium not found at ${chromiumPath()}`);

const CONTROLS = join(REPO_ROOT, "test", "fixtures", "responsive");
const readControl = (name: string): unknown => JSON.parse(readFileSync(join(CONTROLS, name), "utf8")) as unknown;
/** The only frame of a control design. */
const frameOf = (name: string): RestNode => loadDesign(readControl(name)).roots[0] as unknown as RestNode;
/** The HTML today's emitter wrote for the absolute landing page, kept as it was (see the folder's README). */
const todayFiles = (): SourceFile[] =>
  ["index.html", "styles.css"].map((path) => ({
    path,
    content: readFileSync(join(CONTROLS, "landing-absolute.today", path), "utf8"),
  }));

/** A 400×300 frame with six texts, for pages written by hand below. */
const t = (id: string, characters: string, x: number, y: number): RestNode => ({
  id,
  name: id,
  type: "TEXT",
  characters,
  absoluteBoundingBox: box(x, y, 100, 20),
});
const SMALL: RestNode = {
  id: "1:1",
  name: "Small",
  type: "FRAME",
  absoluteBoundingBox: box(0, 0, 400, 300),
  children: [
    t("1:2", "Seen", 0, 0),
    t("1:3", "Covered", 0, 40),
    t("1:4", "Clipped", 0, 80),
    t("1:5", "Over", 0, 120),
    t("1:6", "Lapped", 0, 120),
    t("1:7", "Far right", 600, 160),
  ],
};
const SMALL_HTML = `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px/20px sans-serif; }
.frame { position: relative; width: 800px; height: 300px; }
.frame p { position: absolute; margin: 0; left: 0; white-space: nowrap; }
.lid { position: absolute; left: 0; top: 40px; width: 200px; height: 20px; background: #333; }
.clip { position: absolute; left: 0; top: 80px; width: 100px; height: 4px; overflow: hidden; }
.clip p { top: 0; }
</style></head><body><div class="frame" data-node-id="1:1">
<p data-node-id="1:2" style="top:0">Seen</p>
<p data-node-id="1:3" style="top:40px">Covered</p><div class="lid"></div>
<div class="clip"><p data-node-id="1:4">Clipped</p></div>
<p data-node-id="1:5" style="top:120px">Over</p><p data-node-id="1:6" style="top:121px;left:2px">Lapped</p>
<p data-node-id="1:7" style="top:160px;left:600px">Far right</p>
</div></body></html>`;

describe.skipIf(!haveChromium && !CI)("responsive figures in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await connectChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(
    "gives each text one class: seen, covered, cut off (by an " +
      "ancestor or past the right edge), and finds the overlapping pair",
    async () => {
      const report = await measureFrame(browser, {
        frame: SMALL,
        files: [{ path: "index.html", content: SMALL_HTML }],
        entry: "index.html",
        widths: [400],
      });
      const [w] = report.widths;
      expect(w).toMatchObject({
        width: 400,
        overflow: true,
        overflowPx: 400,
        overlappingPairs: 1,
        pairs: [["1:5", "1:6"]],
        texts: 6,
      });
      // Six texts of the same area: "Covered" lies under a dark box and "Over" under "Lapped", which is later and so
      // on top (text paints); "Clipped" is cut by its 4-px box; "Far right" is past the right edge.
      expect(w!.textVisible).toBeCloseTo(2 / 6, 6);
      expect(w!.textCovered).toBeCloseTo(2 / 6, 6);
      expect(w!.textClipped).toBeCloseTo(2 / 6, 6);
      expect(w!.textMissing + w!.textIllegible + w!.textTooSmall).toBe(0);
      const byId = new Map(w!.problems.map((p) => [p.id, p]));
      expect(byId.get("1:3")).toMatchObject({ class: "covered" });
      expect(byId.get("1:5")).toMatchObject({ class: "covered", detail: "under “1:6”" });
      expect(byId.get("1:4")).toMatchObject({ class: "clipped" });
      expect(byId.get("1:7")).toMatchObject({
        class: "clipped",
        detail: "past the right edge: the page scrolls sideways",
      });
    },
  );

  it("scrolls to text far below the viewport; text the page cannot scroll to counts as clipped", async () => {
    const tall: RestNode = {
      ...SMALL,
      absoluteBoundingBox: box(0, 0, 400, 300),
      children: [t("1:2", "Top", 0, 0), t("1:3", "Deep down", 0, 3500)],
    };
    const page = (bodyStyle: string) =>
      `<!doctype html><html><head><style>body { margin: 0; font: 16px/20px sans-serif; ${bodyStyle} }
p { position: absolute; left: 0; margin: 0; }</style></head><body><div data-node-id="1:1" ` +
      `style="position:relative;height:4000px">
<p data-node-id="1:2" style="top:0">Top</p><p data-node-id="1:3" style="top:3500px">Deep ` +
      `down</p></div></body></html>`;
    const scrolls = await measureFrame(browser, {
      frame: tall,
      files: [{ path: "index.html", content: page("") }],
      entry: "index.html",
      widths: [400],
    });
    expect(scrolls.widths[0]).toMatchObject({ textVisible: 1, textClipped: 0 });
    // html and body clip at the viewport's height: the deep text exists but nothing can bring it into view.
    const stuck = await measureFrame(browser, {
      frame: tall,
      files: [
        {
          path: "index.html",
          content: page("height: 300px; overflow: hidden;").replace(
            "<html>",
            '<html style="overflow:hidden;height:300px">',
          ),
        },
      ],
      entry: "index.html",
      widths: [400],
    });
    expect(stuck.widths[0]!.textVisible).toBeCloseTo(1 / 2, 6);
    expect(stuck.widths[0]!.textClipped).toBeCloseTo(1 / 2, 6);
    expect(stuck.widths[0]!.problems[0]).toMatchObject({ id: "1:3", class: "clipped", detail: "cut off entirely" });
  });

  it(
    "control: today's HTML for an absolute 1440-px landing " + "page scores badly at 390 and 768, perfectly at 1440",
    async () => {
      const frame = frameOf("landing-absolute.file.json");
      const report = await measureFrame(browser, { frame, files: todayFiles(), entry: "index.html" });
      const [phone, tablet, desktop] = report.widths;
      const seen = report.widths.map(({ width, overflowPx, textVisible, textClipped, overlappingPairs }) => ({
        ...{ width, overflowPx, textVisible, textClipped, overlappingPairs },
      }));
      console.log(`absolute control: ${JSON.stringify(seen)}`);
      expect(report.widths.map((w) => w.width)).toEqual([390, 768, 1440, 1920]);
      expect(report.meanIoU).toBeGreaterThan(0.95);
      // The root clips at the viewport: no scrollbar, but most text is cut off.
      expect(phone!.textVisible).toBeLessThan(0.5);
      expect(phone!.textClipped).toBeGreaterThan(0.5);
      expect(tablet!.textVisible).toBeLessThan(0.8);
      expect(desktop).toMatchObject({ overflow: false, textVisible: 1, overlappingPairs: 0 });
    },
  );

  it(
    "control: the same page at a fixed 1440 px without " + "the clip overflows at 390 and its text is offscreen",
    async () => {
      const frame = frameOf("landing-absolute.file.json");
      const files = todayFiles().map((f) =>
        f.path === "styles.css"
          ? {
              ...f,
              content: `${f.content}\n.landing-absolute { max-width: none; width: 1440px; overflow: visible; }\n`,
            }
          : f,
      );
      const report = await measureFrame(browser, { frame, files, entry: "index.html", widths: [390] });
      const [phone] = report.widths;
      expect(phone).toMatchObject({ width: 390, overflow: true, overflowPx: 1050 });
      expect(phone!.textVisible).toBeLessThan(0.5);
      expect(phone!.textClipped).toBeGreaterThan(0.5);
    },
  );

  it(
    "control: a simple auto-layout page (today's generated " +
      "code) has no overflow and shows all its text at every width",
    async () => {
      const design = loadDesign(readControl("landing-flex.file.json"));
      const code = await generateCode(design.document, { target: "html", styling: "css-modules", nodeIds: true });
      const frame = design.roots[0] as unknown as RestNode;
      const report = await measureFrame(browser, { frame, files: code.files, entry: "index.html" });
      const seen = report.widths.map(({ width, overflowPx, textVisible, overlappingPairs }) => ({
        ...{ width, overflowPx, textVisible, overlappingPairs },
      }));
      console.log(`flex control: ${JSON.stringify(seen)}`);
      expect(report.meanIoU).toBeGreaterThan(0.95);
      for (const w of report.widths) {
        expect(w, `width ${w.width}`).toMatchObject({ overflow: false, overlappingPairs: 0, textMissing: 0 });
        expect(w.textVisible, `width ${w.width}`).toBeGreaterThanOrEqual(0.99);
      }
    },
  );

  it("`figment fidelity --widths 390,design` prints a table per frame, and --json the figures per width", async () => {
    const path = join(CONTROLS, "landing-flex.file.json");
    const io = captureIo();
    expect(await run(["fidelity", path, "--widths", "390,design"], io), io.stderr()).toBe(0);
    const lines = io.stdout().split("\n");
    expect(lines[0]).toMatch(/^10:26 {2}Landing \(auto layout\) {2}1440×991 {2}IoU 1\.000/);
    expect(lines[1]).toMatch(
      /width +overflow +text seen +cut off +covered +illegible +too small +missing +blank below +overlapping pairs/,
    );
    expect(lines[2]).toMatch(/^ +390 +none +100\.0%/);
    expect(lines[3]).toMatch(/^ +1440 +none +100\.0%/);

    const json = captureIo();
    expect(await run(["fidelity", path, "--widths", "390", "--json"], json), json.stderr()).toBe(0);
    const { frames } = JSON.parse(json.stdout()) as {
      frames: { id: string; ms: number; widths: { width: number; overflow: boolean; textVisible: number }[] }[];
    };
    expect(frames).toHaveLength(1);
    expect(frames[0]!.ms).toBeGreaterThan(0);
    expect(frames[0]!.widths).toEqual([
      expect.objectContaining({ width: 390, overflow: false, textVisible: 1, overlappingPairs: 0 }),
    ]);
  });
});

describe("reading order and Kendall tau (issue 22: texts read at 390 px in the source's order)", () => {
  const at = (id: string, x: number, y: number, seen = 1) => ({ id, seen, rects: [{ x, y, width: 100, height: 20 }] });

  it("reads top to bottom, and left to right among first lines that share a line; unseen texts are left out", () => {
    expect(readingOrder([at("c", 0, 100), at("b", 200, 3), at("a", 0, 0), at("hidden", 0, 50, 0)])).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("a drawing in blocks is read a block at a time: columns side by side one after the other, each card whole", () => {
    const box = (id: string, x: number, y: number, width = 200, height = 20) => ({ id, box: { x, y, width, height } });
    // Two columns 100 px apart whose lines happen to share heights: line by line they interleave.
    const columns = [
      box("l1", 0, 0),
      box("l2", 0, 30),
      box("l3", 0, 60),
      box("r1", 300, 0),
      box("r2", 300, 30),
      box("r3", 300, 60),
    ];
    expect(blockReadingOrder(columns)).toEqual(["l1", "l2", "l3", "r1", "r2", "r3"]);
    expect(readingOrder(columns.map((t) => ({ id: t.id, seen: 1, rects: [t.box] })))).toEqual([
      "l1",
      "r1",
      "l2",
      "r2",
      "l3",
      "r3",
    ]);
    // A heading over a row of cards (title over text, 40 px apart) and a footer: heading, each card whole, footer.
    const cards = [
      box("h", 0, 0, 660, 40),
      box("t1", 0, 100),
      box("p1", 0, 130, 200, 60),
      box("t2", 240, 100),
      box("p2", 240, 130, 200, 60),
      box("f", 0, 300, 660),
    ];
    expect(blockReadingOrder(cards)).toEqual(["h", "t1", "p1", "t2", "p2", "f"]);
    // A form's two columns of labels and fields, lines at the same heights: a row at a time, each label with its field.
    const form = [
      box("first", 0, 0),
      box("firstField", 0, 38, 400, 36),
      box("last", 454, 0),
      box("lastField", 454, 38, 400, 36),
      box("phone", 0, 114),
      box("phoneField", 0, 152, 400, 36),
      box("email", 454, 114),
      box("emailField", 454, 152, 400, 36),
    ];
    expect(blockReadingOrder(form)).toEqual([
      "first",
      "firstField",
      "last",
      "lastField",
      "phone",
      "phoneField",
      "email",
      "emailField",
    ]);
    // A lone text on each side of a wide gap is an item of its row: the rows are read in turn.
    const buttons = [
      box("q", 300, 0),
      box("a1", 300, 100),
      box("a2", 300, 200),
      box("back", 0, 300, 100),
      box("next", 800, 300, 100),
    ];
    expect(blockReadingOrder(buttons)).toEqual(["q", "a1", "a2", "back", "next"]);
    // Boxes no empty band separates are read line by line, each text by its first line: the paragraph starts higher.
    const tangled = [
      { ...box("p", 250, 0, 200, 80), line: 20 },
      { ...box("h", 0, 14, 300, 40), line: 24 },
    ];
    expect(blockReadingOrder(tangled)).toEqual(["p", "h"]);
    expect(blockReadingOrder(tangled.map(({ id, box }) => ({ id, box })))).toEqual(["h", "p"]);
  });

  it("tau is 1 for the same order, −1 reversed, over the ids both share", () => {
    expect(kendallTau(["a", "b", "c", "d"], ["a", "b", "c", "d"])).toEqual({ tau: 1, shared: 4 });
    expect(kendallTau(["a", "b", "c", "d"], ["d", "c", "b", "a"])).toEqual({ tau: -1, shared: 4 });
    // One pair of six swapped: (5 − 1) / 6.
    expect(kendallTau(["a", "b", "c", "d"], ["a", "c", "b", "d", "x"]).tau).toBeCloseTo(4 / 6, 9);
    expect(kendallTau(["a"], ["a", "b"])).toEqual({ tau: 1, shared: 1 });
  });
});
