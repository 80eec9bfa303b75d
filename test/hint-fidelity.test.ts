/**
 * The hint stays faithful: code generated from the hint alone (`figment hints` → `figment code --from-hint`,
 * no asset payloads) renders the same boxes as code generated from the JSON, on every frame of every real
 * file — measured as `figment fidelity` does (HTML with node ids, IoU × matched in headless Chromium).
 *
 * Each frame is rendered once per side on one browser. A frame whose emitted files from the hint are
 * identical to those from the JSON gives identical code and renders identically: it is compared without one.
 * `npm test` takes a sample of a file with many frames (test/helpers/eval-sample.ts); the bench's "eval" section
 * takes every frame.
 */
import { describe, expect, it } from "vitest";
import { emitFiles, loadDesign, modelHint, parseHint, printHint, type DesignNode } from "../codegen/index.js";
import { chromiumAvailable, chromiumPath } from "../cli/measure/browser.js";
import type { FrameFidelity, RestNode } from "../cli/measure/fidelity.js";
import { run } from "../cli/run.js";
import { captureIo, EVAL_FILES, fixturePath, readFixture } from "./helpers/fixtures.js";
import { useBrowser, usePageContext } from "./helpers/browser.js";
import { cachedGenerateCode, frameFidelity } from "./helpers/run-cache.js";
import { coverage, sampleFrames } from "./helpers/eval-sample.js";

/** The largest difference allowed between the two sides, in IoU × matched, on any frame. */
const TOLERANCE = 0.02;

const inCi = !!process.env.CI;
const haveChromium = chromiumAvailable();
if (!haveChromium && !inCi)
  console.warn(`hint-fidelity: skipped, Chromium not found at ${chromiumPath()}; in CI it must run`);

const OPTIONS = { target: "html", styling: "css-modules", nodeIds: true } as const;
const score = (f: FrameFidelity): number => f.meanIoU * f.matched;

/** Icons in the tree whose shapes are listed, and how many of those shapes are layers of an instance. */
function iconShapes(frames: DesignNode[]): { icons: number; inInstances: number } {
  let icons = 0;
  let inInstances = 0;
  const visit = (node: DesignNode): void => {
    if (node.parts) {
      icons++;
      inInstances += node.parts.filter((p) => p.id.startsWith("I")).length;
    }
    node.children?.forEach(visit);
  };
  frames.forEach(visit);
  return { icons, inInstances };
}

interface Row {
  frame: string;
  json: number;
  hint: number;
  rendered: boolean;
}

describe.skipIf(!haveChromium && !inCi)(
  "code from the hint alone draws the same boxes as code from the JSON (Chromium)",
  () => {
    const browser = useBrowser();
    const pages = usePageContext(browser);

    const cases = EVAL_FILES.map((file) => {
      const { roots } = loadDesign(readFixture(file));
      const taken = sampleFrames(roots);
      return [`${file} (${coverage(taken.length, roots.length, "frame")})`, taken] as const;
    });

    it.each(cases)(
      "%s: every frame within 0.02 IoU×matched, the same layers matched",
      async (file, roots) => {
        const rows: Row[] = [];
        for (const root of roots) {
          const frame = root as unknown as RestNode;
          const single = loadDesign({ document: root }, []);
          // The hint the model gets: printed from the inferred tree (issue 14), as `figment hints` prints it.
          const fromHint = parseHint(modelHint(single.document)).document;
          // Nothing of an asset's payload may come along: the hint's own stand-ins only.
          for (const asset of Object.values(fromHint.assets))
            if (asset.kind === "image") expect(asset.bytes).toBeUndefined();
          // The project pass and prettier are pure functions of the emitted files: equal files, equal code.
          if (
            JSON.stringify(emitFiles(single.document, OPTIONS).files) ===
            JSON.stringify(emitFiles(fromHint, OPTIONS).files)
          ) {
            rows.push({ frame: root.id, json: NaN, hint: NaN, rendered: false });
            continue;
          }
          const [json, hint] = await Promise.all([
            cachedGenerateCode(single.document, OPTIONS),
            cachedGenerateCode(fromHint, OPTIONS),
          ]);
          // As measureFidelity measures (no fonts served); a render another file made of the same files is reused.
          const a = await frameFidelity(pages, { frame, files: json.files });
          const b = await frameFidelity(pages, { frame, files: hint.files });
          rows.push({ frame: root.id, json: score(a), hint: score(b), rendered: true });
          expect(b.unmatched, `${root.id} (${root.name}): layers matched from the JSON but not from the hint`).toEqual(
            a.unmatched,
          );
          expect(
            Math.abs(score(b) - score(a)),
            `${root.id} (${root.name}): IoU×matched ${score(b).toFixed(3)} ` +
              `from the hint vs ${score(a).toFixed(3)} from the JSON`,
          ).toBeLessThanOrEqual(TOLERANCE);
        }
        const rendered = rows.filter((r) => r.rendered);
        console.log(
          `hint fidelity ${file}: ${rows.length} frames, ${rows.length - rendered.length} byte-identical; ` +
            rendered.map((r) => `${r.frame} ${r.json.toFixed(3)}→${r.hint.toFixed(3)}`).join(", "),
        );
      },
      300_000,
    );

    it(
      "the fixtures include icons whose shapes are layers of " +
        "instances, and every icon keeps its shapes in the hint",
      () => {
        let inInstances = 0;
        for (const file of EVAL_FILES) {
          const { document } = loadDesign(readFixture(file));
          const before = iconShapes(document.frames);
          const after = iconShapes(parseHint(printHint(document)).document.frames);
          expect(after, file).toEqual(before);
          inInstances += before.inInstances;
        }
        expect(inInstances).toBeGreaterThan(0);
      },
    );

    it("`figment hints` prints the hint these measurements parse", async () => {
      const file = "figmasharp-login.file.json";
      const io = captureIo();
      expect(await run(["hints", fixturePath(file)], io), io.stderr()).toBe(0);
      expect(io.stdout()).toBe(modelHint(loadDesign(readFixture(file)).document).trimEnd());
    });
  },
);
