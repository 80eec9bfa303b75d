/**
 * The score's control set (issue 36): a real frame's HTML output (figmasharp's Log-In page, with layer ids), and
 * copies of it each with one defect put in on purpose — a text under an opaque box, white text on white, a heading
 * narrowed with overflow:hidden so that a word is cut, display:none on a text, a heading set at 6 px, one layer moved
 * 40 px. `figment score --dir` must report exactly the defect put in (its class and its layer) and nothing on the
 * untouched page. Measured at the design width, where the untouched output reproduces the drawing.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../cli/run.js";
import { boxDelta } from "../codegen/fidelity/summary.js";
import type { FidelityScore, TextProblem } from "../codegen/fidelity/types.js";
import { generateCode, loadDesign } from "../codegen/index.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";
import { scoreCode } from "../cli/measure/score.js";
import type { RestNode } from "../codegen/fidelity/design-nodes.js";
import { captureIo, fixturePath, readFixture } from "./helpers/fixtures.js";
import { tempDirs } from "./helpers/temp-dirs.js";

const LOGIN = "figmasharp-login.file.json";
const FRAME = "101:3";
const tempDir = tempDirs("figment-score-control-");

/** A defect: what is changed in the page, and what the score must say about it. */
interface Defect {
  name: string;
  /** CSS appended to the page's stylesheet. */
  css?: string;
  /** Markup put in as the frame root's last child. */
  html?: (box: (id: string) => { x: number; y: number; width: number; height: number }) => string;
  /** The one text the score must name at the design width, and its class. */
  text?: { nodeId: string; problem: TextProblem; detail?: RegExp };
  /** The layers that may be listed as off (those the defect moves or resizes), and one that must be. */
  off?: { nodeIds: string[]; words?: RegExp };
}

const DEFECTS: Defect[] = [
  {
    name: "a text under an opaque box",
    html: (box) => {
      const b = box("101:19");
      return (
        `<div ` +
        `style="position:absolute;left:${b.x - 4}px;top:${b.y - 4}px;width:` +
        `${b.width + 8}px;height:${b.height + 8}px;background:#222"></div>`
      );
    },
    text: { nodeId: "101:19", problem: "covered", detail: /^under / },
  },
  {
    name: "white text on white",
    css: `[data-node-id="101:11"] { color: #fff !important; background: #fff !important; }`,
    text: { nodeId: "101:11", problem: "illegible", detail: /^contrast 1:1 / },
  },
  {
    name: "a heading narrowed with overflow:hidden so a word is cut",
    css: `[data-node-id="101:18"] { right: auto !important; width: 110px !important; overflow: hidden !important; }`,
    text: { nodeId: "101:18", problem: "clipped", detail: /^cut to “MUS?E?”$/ },
    off: { nodeIds: ["101:18"] },
  },
  {
    name: "display:none on a text",
    css: `[data-node-id="101:6"] { display: none !important; }`,
    text: { nodeId: "101:6", problem: "missing", detail: /display: none/ },
    off: { nodeIds: ["101:6"] },
  },
  {
    name: "a heading set at 6 px",
    css: `[data-node-id="101:18"] { font-size: 6px !important; }`,
    text: { nodeId: "101:18", problem: "too-small", detail: /^6 px \(design 36 px\)$/ },
    off: { nodeIds: ["101:18"] },
  },
  {
    name: "one layer moved 40 px",
    css: `[data-node-id="101:16"] { transform: translateY(40px); }`,
    off: { nodeIds: ["101:16"], words: /^40 px lower(, 1 px (taller|shorter))?$/ },
  },
];

describe.runIf(runBrowser)(
  "the score's control set: figment score --dir on a real frame's HTML with one defect each",
  { timeout: 120_000 },
  () => {
    let page: string;
    let frameBox: { x: number; y: number };
    const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();

    beforeAll(async () => {
      const json = readFixture(LOGIN);
      const design = loadDesign(json, [FRAME]);
      const code = await generateCode(design.document, { target: "html", styling: "css-modules", nodeIds: true });
      page = tempDir();
      for (const file of code.files) {
        const path = join(page, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.bytes ?? file.content);
      }
      const root = design.roots[0] as unknown as { absoluteBoundingBox: { x: number; y: number } };
      frameBox = root.absoluteBoundingBox;
      const walk = (node: {
        id: string;
        absoluteBoundingBox?: { x: number; y: number; width: number; height: number };
        children?: unknown[];
      }): void => {
        if (node.absoluteBoundingBox)
          boxes.set(node.id, {
            ...node.absoluteBoundingBox,
            x: node.absoluteBoundingBox.x - frameBox.x,
            y: node.absoluteBoundingBox.y - frameBox.y,
          });
        for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
      };
      walk(design.roots[0] as unknown as Parameters<typeof walk>[0]);
    });

    /** `figment score` on `dir` at the design width, as JSON. */
    async function score(dir: string): Promise<FidelityScore> {
      const io = captureIo();
      const code = await run(["score", fixturePath(LOGIN), "--dir", dir, "--widths", "design", "--json"], io);
      expect(code, io.stderr()).toBe(0);
      return (JSON.parse(io.stdout()) as { score: FidelityScore }).score;
    }

    it("the untouched page: nothing reported", async () => {
      const s = await score(page);
      expect(s.widths).toHaveLength(1);
      expect(s.widths[0]!.hiddenTexts).toEqual([]);
      expect(s.widths[0]!.textVisible).toBe(1);
      expect(s.worst).toEqual([]);
      expect(s.matched).toBe(1);
    });

    for (const defect of DEFECTS) {
      it(`${defect.name}: exactly that defect, on that layer`, async () => {
        const dir = tempDir();
        cpSync(page, dir, { recursive: true });
        if (defect.css)
          writeFileSync(join(dir, "styles.css"), `${readFileSync(join(dir, "styles.css"), "utf8")}\n${defect.css}\n`);
        if (defect.html) {
          const index = readFileSync(join(dir, "index.html"), "utf8");
          const at = index.lastIndexOf("</main>");
          writeFileSync(
            join(dir, "index.html"),
            `${index.slice(0, at)}${defect.html((id) => boxes.get(id)!)}${index.slice(at)}`,
          );
        }
        const s = await score(dir);
        const [design] = s.widths;
        const texts = design!.hiddenTexts.map((t) => ({ nodeId: t.nodeId, problem: t.problem }));
        expect(texts).toEqual(defect.text ? [{ nodeId: defect.text.nodeId, problem: defect.text.problem }] : []);
        if (defect.text?.detail) expect(design!.hiddenTexts[0]!.detail).toMatch(defect.text.detail);
        for (const layer of s.worst)
          expect(defect.off?.nodeIds ?? [], `${layer.name} is listed as ${layer.problem}`).toContain(layer.nodeId);
        if (defect.off?.words) {
          const moved = s.worst.find((d) => d.nodeId === defect.off!.nodeIds[0]);
          expect(moved?.rendered ? boxDelta(moved.design, moved.rendered) : "").toMatch(defect.off.words);
        }
      });
    }
  },
);

/**
 * The headings a user saw cut at 390 px on real landing pages (Vaya home, Homepage - Landing, Hero Header), rendered as
 * `figment code --score` renders them where Google Fonts cannot be reached (the fallback fonts, wider, cut them): all
 * are seen whole since issue 37 (the designer's wide padding gives way on a phone, a text sized to its line wraps
 * there, the designer's large headings scale down — Vaya's "FRONTIER" was cut to "FRONTIE" at 64 px), and the score
 * counts them as seen. That the score says what is left of a cut heading is held by the defect controls above.
 */
describe.runIf(runBrowser)(
  "headings users saw cut at 390 px on real pages are seen whole",
  { timeout: 120_000 },
  () => {
    const browser = useBrowser();
    const CASES: { fixture: string; frame: string; text: string }[] = [
      { fixture: "vincegx-vaya-home.nodes.json", frame: "423:57668", text: "I423:57669;114:252" },
      { fixture: "vincegx-vaya-home.nodes.json", frame: "423:57668", text: "I423:57669;114:250" },
      { fixture: "vincegx-homepage-landing.nodes.json", frame: "268:3339", text: "268:3360" },
      { fixture: "vincegx-hero-header.nodes.json", frame: "122:21049", text: "122:21070" },
    ];
    const scores = new Map<string, Promise<FidelityScore>>();
    const scoreOf = (fixture: string, frame: string): Promise<FidelityScore> => {
      let score = scores.get(fixture);
      if (!score) {
        const design = loadDesign(readFixture(fixture), [frame]);
        score = generateCode(design.document, { target: "html", styling: "css-modules", nodeIds: true }).then((code) =>
          scoreCode(browser, {
            frame: design.roots[0] as unknown as RestNode,
            files: code.files,
            target: "html",
            widths: [390],
          }),
        );
        scores.set(fixture, score);
      }
      return score;
    };

    for (const c of CASES) {
      it(`${c.fixture} ${c.text}: seen whole`, async () => {
        const phone = (await scoreOf(c.fixture, c.frame)).widths.find((w) => w.width === 390)!;
        const row = phone.hiddenTexts.find((t) => t.nodeId === c.text);
        expect(row, JSON.stringify(row)).toBeUndefined();
      });
    }
  },
);
