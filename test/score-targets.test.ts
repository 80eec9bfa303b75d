/**
 * `figment score --dir` on each target's project (issue 54): a folder of Vue, Svelte, Angular or React Native code is
 * shown as the panel shows that target and gets the very score `figment code --score` gives it. React Native's page
 * takes React's measured stand-in for a font no catalog knows (tixup's Pretendard), as the panel's does.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../cli/run.js";
import { scoreCode } from "../cli/measure/score.js";
import type { RestNode } from "../codegen/fidelity/design-nodes.js";
import type { FidelityScore } from "../codegen/fidelity/types.js";
import { generateCode, loadDesign } from "../codegen/index.js";
import type { Target } from "../codegen/targets.js";
import type { SourceFile } from "../codegen/types.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";
import { captureIo, fixturePath, readFixture } from "./helpers/fixtures.js";
import { tempDirs } from "./helpers/temp-dirs.js";

const tempDir = tempDirs("figment-score-targets-");

function written(files: readonly SourceFile[]): string {
  const dir = tempDir();
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.bytes ?? f.content);
  }
  return dir;
}

async function figmentScore(design: string, node: string, dir: string): Promise<FidelityScore> {
  const io = captureIo();
  const code = await run(
    ["score", fixturePath(design), "--node", node, "--dir", dir, "--widths", "design,390", "--json"],
    io,
  );
  expect(code, io.stderr()).toBe(0);
  return (JSON.parse(io.stdout()) as { score: FidelityScore }).score;
}

describe.runIf(runBrowser)("figment score on each target's code", { timeout: 600_000 }, () => {
  const browser = useBrowser();

  async function both(design: string, node: string, target: Target) {
    const loaded = loadDesign(readFixture(design), [node]);
    const code = await generateCode(loaded.document, { target, styling: "css-modules", nodeIds: true });
    const frame = loaded.roots[0] as unknown as RestNode;
    const input = { frame, files: code.files, target, widths: [frame.absoluteBoundingBox!.width, 390] };
    return {
      cli: await figmentScore(design, node, written(code.files)),
      panel: await scoreCode(browser, { ...input, design: loaded.document.frames[0] }),
      bare: () => scoreCode(browser, input),
    };
  }

  for (const target of ["vue", "svelte", "angular", "react-native"] as const) {
    it(`${target}: the score figment code --score gives the same files`, async () => {
      const { cli, panel } = await both("figmasharp-login.file.json", "101:3", target);
      expect(cli.iouMatched).toBe(panel.iouMatched);
      expect(cli.widths).toEqual(panel.widths);
      expect(cli.iouMatched).toBeGreaterThan(0.9);
    });
  }

  it("react-native: with React's measured stand-in for Pretendard, as the panel", async () => {
    const { cli, panel, bare } = await both("../real/tixup-marker.nodes.json", "37552:6706", "react-native");
    expect(cli.iouMatched).toBe(panel.iouMatched);
    // Without the stand-in the browser's serif sets the texts, and the frame matches visibly less.
    expect(cli.iouMatched - (await bare()).iouMatched).toBeGreaterThan(0.05);
  });
});
