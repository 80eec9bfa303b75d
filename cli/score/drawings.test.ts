/**
 * A page drawn at several widths measured at each drawn width against its own frame (issue 70): the
 * `figment code --score` scoring of a document with drawings, and `figment score --dir DIR --node A --node B
 * --node C` on the same page's files, on flora's Order Modal (1440, 768, 375) in Chromium.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withDrawings } from "../../codegen/design/drawings.js";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import { generateCode, loadDesign, type CodeOptions } from "../../codegen/index.js";
import { captureIo } from "../../test/helpers/fixtures.js";
import { runBrowser } from "../../test/helpers/browser.js";
import { printScores, scoreDocument } from "../code/score.js";
import { run } from "../run.js";

const FLORA = "test/fixtures/real/flora.file.json";
const ORDER_MODAL = ["8211:116360", "8238:18854", "8238:19230"];
const OPTIONS: CodeOptions = {
  target: "html",
  styling: "css-modules",
  nodeIds: true,
};
const LINE = new RegExp(
  "^Order Modal \\(8211:116360\\): Desktop 1440: matches (\\d+) % · Tablet 768: matches (\\d+) % · " +
    "Phone 375: matches (\\d+) %$",
);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const design = async (): Promise<unknown> => JSON.parse(await readFile(FLORA, "utf8")) as unknown;

describe.runIf(runBrowser)("a page drawn at several widths, measured at each against its frame (Chromium)", () => {
  let scored: FidelityScore | undefined;

  it("figment code --score: one line with each drawing's figure, then each drawing's report", async () => {
    const loaded = loadDesign(await design(), ORDER_MODAL);
    const doc = withDrawings(loaded.document, [ORDER_MODAL]);
    const [score] = await scoreDocument(doc, loaded.roots, OPTIONS);
    scored = score;
    expect(score!.drawings?.map((d) => [d.frameId, d.designWidth])).toEqual([
      ["8211:116360", 1440],
      ["8238:18854", 768],
      ["8238:19230", 375],
    ]);
    // Each drawing is measured at its own width, and at the default widths it is the drawing that applies at.
    expect(score!.drawings?.map((d) => d.widths.map((w) => w.width).sort((a, b) => a - b))).toEqual([
      [1440, 1920],
      [768],
      [375, 390],
    ]);
    const io = captureIo();
    printScores([score!], io);
    const lines = io.stdout().split("\n");
    console.log(lines.slice(0, 12).join("\n"));
    const figures = LINE.exec(lines[0] ?? "");
    expect(figures, lines[0]).not.toBeNull();
    // The page matches each drawing about as its frame's own code does (breakpoints.browser.test.ts measures that).
    for (const figure of figures!.slice(1)) expect(Number(figure)).toBeGreaterThanOrEqual(80);
    expect(lines.filter((l) => /^ {2}(Desktop 1440|Tablet 768|Phone 375), /.test(l))).toHaveLength(3);
  }, 600_000);

  it("figment score --dir DIR --node … --node …: the same figures, a list per drawing in --json", async () => {
    const loaded = loadDesign(await design(), ORDER_MODAL);
    const doc = withDrawings(loaded.document, [ORDER_MODAL]);
    const code = await generateCode(doc, OPTIONS);
    const dir = mkdtempSync(join(tmpdir(), "figment-drawings-"));
    dirs.push(dir);
    for (const file of code.files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.bytes ?? file.content);
    }
    const io = captureIo();
    const args = ["score", FLORA, "--dir", dir, ...ORDER_MODAL.flatMap((id) => ["--node", id])];
    expect(await run([...args, "--json"], io), io.stderr()).toBe(0);
    const { score } = JSON.parse(io.stdout()) as { score: FidelityScore };
    expect(score.drawings?.map((d) => d.frameId)).toEqual(ORDER_MODAL);
    if (scored)
      expect(score.drawings?.map((d) => d.iouMatched.toFixed(2))).toEqual(
        scored.drawings?.map((d) => d.iouMatched.toFixed(2)),
      );
    const plain = captureIo();
    expect(await run(args, plain), plain.stderr()).toBe(0);
    expect(plain.stdout().split("\n")[0]).toMatch(LINE);
  }, 600_000);

  it("figment score refuses frames of one width given as one page", async () => {
    const io = captureIo();
    const dir = mkdtempSync(join(tmpdir(), "figment-drawings-"));
    dirs.push(dir);
    writeFileSync(join(dir, "index.html"), '<div data-node-id="8211:116360"></div>');
    const code = await run(["score", FLORA, "--dir", dir, "--node", "8211:116360", "--node", "8211:116360"], io);
    expect(code).toBe(2);
    expect(io.stderr()).toMatch(/--node: .*share a width|two pages/);
  });
});
