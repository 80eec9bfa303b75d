/**
 * Fidelity of the generated HTML on two real screens, measured in headless Chromium exactly as
 * `figment fidelity` does (each top-level frame alone, HTML with node ids, measureFidelity), plus a
 * screenshot of each rendered frame under test-artifacts/ (gitignored) for a person to look at.
 *
 * Without Chromium the suite is skipped with a message, unless CI is set: there it must run.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDesign } from "../codegen/index.js";
import { chromiumAvailable, chromiumPath, withPage } from "../cli/measure/browser.js";
import type { FrameFidelity, RestNode } from "../cli/measure/fidelity.js";
import { captureIo, fixturePath, readFixture, REPO_ROOT } from "./helpers/fixtures.js";
import { run } from "../cli/run.js";
import { useBrowser, usePageContext } from "./helpers/browser.js";
import { cachedGenerateCode, frameFidelity } from "./helpers/run-cache.js";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts");
const SELFIE = "figma-differ-selfie.nodes.json";
const LOGIN = "figmasharp-login.file.json";

const inCi = !!process.env.CI;
const haveChromium = chromiumAvailable();
if (!haveChromium && !inCi) {
  console.warn(
    `fidelity-eval: skipped, Chromium not found at ${chromiumPath()} ` +
      `(apt-get install chromium, or set CHROMIUM_PATH); in CI it must run`,
  );
}

/** The fields `figment fidelity --json` prints for a frame. */
type Reported = Pick<
  FrameFidelity,
  "id" | "name" | "meanIoU" | "matched" | "textCoverage" | "absoluteInAutoLayout" | "overflowAt80"
>;

describe.skipIf(!haveChromium && !inCi)("fidelity of generated HTML on real screens (Chromium)", () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  /** What fidelityCommand does for each frame, on the browser launched once for this file. */
  async function measure(file: string): Promise<FrameFidelity[]> {
    const { roots } = loadDesign(readFixture(file));
    const out: FrameFidelity[] = [];
    for (const root of roots) {
      const single = loadDesign({ document: root }, []);
      const code = await cachedGenerateCode(single.document, { target: "html", styling: "css-modules", nodeIds: true });
      out.push(await frameFidelity(pages, { frame: root as unknown as RestNode, files: code.files }));
    }
    return out;
  }

  const pick = ({
    id,
    name,
    meanIoU,
    matched,
    textCoverage,
    absoluteInAutoLayout,
    overflowAt80,
  }: FrameFidelity): Reported => ({
    id,
    name,
    meanIoU,
    matched,
    textCoverage,
    absoluteInAutoLayout,
    overflowAt80,
  });

  const results = new Map<string, FrameFidelity[]>();

  it.each([SELFIE, LOGIN])("%s: meanIoU ≥ 0.85, matched ≥ 90 %, text ≥ 95 %", async (file) => {
    const frames = await measure(file);
    results.set(file, frames);
    console.log(`fidelity ${file}: ${JSON.stringify(frames.map(pick))}`);
    expect(frames).toHaveLength(1);
    for (const f of frames) {
      expect(f.meanIoU, `${f.id} meanIoU; unmatched ${f.unmatched.join(" ")}`).toBeGreaterThanOrEqual(0.85);
      expect(f.matched, `${f.id} matched; unmatched ${f.unmatched.join(" ")}`).toBeGreaterThanOrEqual(0.9);
      expect(f.textCoverage, `${f.id} textCoverage`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it("selfie (auto layout): absolute in auto layout ≤ 5 % and no overflow at 80 % width", () => {
    const frames = results.get(SELFIE);
    expect(frames, "the selfie measurement ran").toBeDefined();
    for (const f of frames!) {
      expect(f.absoluteInAutoLayout, `${f.id} absoluteInAutoLayout`).toBeLessThanOrEqual(0.05);
      expect(f.overflowAt80, `${f.id} overflowAt80`).toBe(false);
    }
  });

  it("`figment fidelity --json` reports the same numbers", async () => {
    for (const file of [SELFIE, LOGIN]) {
      const io = captureIo();
      const code = await run(["fidelity", fixturePath(file), "--json"], io);
      expect(code, io.stderr()).toBe(0);
      // Besides these, each frame carries its time and its figures per viewport width (cli/responsive.test.ts).
      const { frames } = JSON.parse(io.stdout()) as { frames: (Reported & { ms: number; widths: unknown[] })[] };
      const direct = results.get(file);
      expect(direct, `${file} measured above`).toBeDefined();
      expect(frames.map(({ ms: _ms, widths: _widths, ...today }) => today)).toEqual(direct!.map(pick));
      for (const f of frames) expect(f.widths).toHaveLength(4);
    }
  });

  it.each([SELFIE, LOGIN])("%s: saves a screenshot of the rendered HTML to test-artifacts/", async (file) => {
    const { roots } = loadDesign(readFixture(file));
    for (const root of roots) {
      const single = loadDesign({ document: root }, []);
      const code = await cachedGenerateCode(single.document, { target: "html", styling: "css-modules", nodeIds: true });
      const box = root["absoluteBoundingBox"] as { width: number; height: number };
      const path = join(
        ARTIFACTS,
        `${file.replace(/\.(file|nodes)\.json$/, "")}-${root.id.replace(/[^\w-]/g, "-")}.png`,
      );
      const png = await withPage(pages, code.files, "index.html", { width: box.width, height: box.height }, (page) =>
        page.screenshot({ path, fullPage: true }),
      );
      // A PNG, and not a blank page: more than a few hundred bytes.
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(png.length).toBeGreaterThan(2000);
    }
  });
});
