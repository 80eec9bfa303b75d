/**
 * The panel's score (measure.ts: the preview document in an offscreen sandboxed iframe, resized to each width, its
 * probes answering by postMessage) equals the CLI's (cli/score.ts `scoreCode`: the same files in headless Chromium pages) within 0.01 —
 * IoU×matched, and text visible per width — for every top-level frame of every real Figma fixture, on the frame's
 * offline HTML (layer ids on, as the CLI scores it), and on the React output of a few, previewed the way the panel
 * previews React. The measuring pages stay without same-origin, and a page's forged answer is refused.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withPage } from "../../../cli/browser.js";
import { scoreCode } from "../../../cli/score.js";
import type { RestNode } from "../../../codegen/fidelity/design-nodes.js";
import type { FidelityScore } from "../../../codegen/fidelity/types.js";
import { loadDesign } from "../../../codegen/index.js";
import { buildSrcdoc, previewPages } from "../../../codegen/preview/html-page.js";
import { buildReactPreview } from "../../../codegen/preview/react-preview.js";
import type { SourceFile } from "../../../codegen/types.js";
import { runBrowser, useBrowser, usePageContext } from "../../../test/helpers/browser.js";
import { EVAL_FILES, FIGMA_DIR } from "../../../test/helpers/fixtures.js";
import { previewRuntimeForTests } from "../../../test/helpers/preview-runtime.js";
import { cachedGenerateCode } from "../../../test/helpers/run-cache.js";

/** measure.ts bundled for the test page, as window.figmentMeasure. */
async function bundle(): Promise<string> {
  const result = await build({
    stdin: { contents: `import { measureScore } from "./measure.js"; window.figmentMeasure = measureScore;`, resolveDir: new URL(".", import.meta.url).pathname, loader: "ts" },
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

const frames = EVAL_FILES.flatMap((file) => loadDesign(JSON.parse(readFileSync(join(FIGMA_DIR, file), "utf8")) as unknown).roots.map((root) => ({ file, root })));

/** The panel's score of `html`, measured in the test page. */
const panelScore = (page: Page, frame: RestNode, html: string): Promise<FidelityScore> =>
  page.evaluate(({ frame, html }) => (globalThis as unknown as { figmentMeasure(input: unknown): Promise<FidelityScore> }).figmentMeasure({ frame, html }), { frame, html });

function expectSame(panel: FidelityScore, cli: FidelityScore, what: string): void {
  expect(Math.abs(panel.iouMatched - cli.iouMatched), `${what}: IoU×matched ${panel.iouMatched} vs ${cli.iouMatched}`).toBeLessThanOrEqual(0.01);
  expect(panel.widths.map((w) => w.width), what).toEqual(cli.widths.map((w) => w.width));
  panel.widths.forEach((w, i) => {
    const c = cli.widths[i]!;
    expect(Math.abs(w.textVisible - c.textVisible), `${what} at ${w.width}: text visible ${w.textVisible} vs ${c.textVisible}`).toBeLessThanOrEqual(0.01);
    expect(w.overflow, `${what} at ${w.width}: overflow`).toBe(c.overflow);
  });
}

describe.runIf(runBrowser)("the panel's score equals the CLI's", { timeout: 900_000 }, () => {
  const browser = useBrowser();
  // The CLI's pages: one context whose pages are reused (cli/browser.ts), as a run of `figment code --score` does.
  const pages = usePageContext(browser);
  const inPage = async <T>(fn: (page: Page) => Promise<T>): Promise<T> => {
    const script = await bundle();
    return withPage(browser, [{ path: "index.html", content: `<!doctype html><meta charset="utf-8"><body><script>${script}</script></body>` }], "index.html", { width: 420, height: 600 }, fn);
  };

  it(`on the offline HTML of every fixture frame (${frames.length} frames)`, () =>
    inPage(async (page) => {
      expect(frames.length).toBeGreaterThan(20);
      for (const { file, root } of frames) {
        const code = await cachedGenerateCode(loadDesign({ document: root }, []).document, { target: "html", styling: "css-modules", nodeIds: true });
        const frame = root as unknown as RestNode;
        const cli = await scoreCode(pages, { frame, files: code.files, target: "html" });
        const panel = await panelScore(page, frame, buildSrcdoc({ page: previewPages(code.files)[0]!, files: code.files }));
        expectSame(panel, cli, `${file} ${root.id} ${root.name}`);
        expect(panel.worst.map((d) => d.nodeId)).toEqual(cli.worst.map((d) => d.nodeId));
      }
    }));

  it("on the React output of a few frames, previewed as the panel previews React", () =>
    inPage(async (page) => {
      const picks = [
        ["figmasharp-login.file.json", "101:3"],
        ["figma-differ-selfie.nodes.json", "33459:3746"],
        ["vincegx-vaya-home.nodes.json", "423:57668"],
      ] as const;
      for (const [file, id] of picks) {
        const root = frames.find((f) => f.file === file && f.root.id === id)!.root;
        const code = await cachedGenerateCode(loadDesign({ document: root }, []).document, { target: "react", styling: "css-modules", nodeIds: true });
        const frame = root as unknown as RestNode;
        const cli = await scoreCode(pages, { frame, files: code.files, target: "react" });
        expect(cli.matched, `${file}: the React page carries the layers' ids`).toBeGreaterThan(0.5);
        const panel = await panelScore(page, frame, buildReactPreview(code.files as SourceFile[], previewRuntimeForTests()).html);
        expectSame(panel, cli, `${file} ${id} (React)`);
      }
    }));

  it("measures in an iframe without same-origin, removed when done; a forged answer is refused", () =>
    inPage(async (page) => {
      const root = frames.find((f) => f.root.id === "101:3")!.root;
      const code = await cachedGenerateCode(loadDesign({ document: root }, []).document, { target: "html", styling: "css-modules", nodeIds: true });
      const html = buildSrcdoc({ page: previewPages(code.files)[0]!, files: code.files });
      // The measuring iframe as it is added: one, offscreen, scripts allowed, no same-origin; gone after.
      await page.evaluate(() => {
        const w = globalThis as unknown as { seen: { sandbox: string | null; csp: string; left: string }[] };
        w.seen = [];
        new MutationObserver((records) => {
          for (const r of records) for (const node of Array.from(r.addedNodes) as HTMLIFrameElement[]) {
            if (node.className === "score-probe") w.seen.push({ sandbox: node.getAttribute("sandbox"), csp: /Content-Security-Policy" content="([^"]*)"/.exec(node.srcdoc)?.[1] ?? "", left: node.style.left });
          }
        }).observe(document.body, { childList: true });
      });
      expect((await panelScore(page, root as unknown as RestNode, html)).iouMatched).toBeGreaterThan(0.5);
      const seen = await page.evaluate(() => (globalThis as unknown as { seen: { sandbox: string | null; csp: string; left: string }[] }).seen);
      expect(seen.map((s) => s.sandbox)).toEqual(["allow-scripts"]);
      for (const s of seen) {
        expect(s.csp).toMatch(/; script-src 'sha256-[A-Za-z0-9+/]+=*'$/);
        expect(parseFloat(s.left)).toBeLessThan(-10_000);
      }
      expect(await page.locator("iframe.score-probe").count()).toBe(0);

      // A page that answers for itself (a model's React code could) with a reply of the wrong shape: refused.
      const forged = html.replace("</body>", `<script>addEventListener("message", (e) => parent.postMessage({ type: "figment-measure-reply", token: e.data.token, texts: { scrollWidth: "wide" } }, "*"));</script></body>`).replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';");
      await expect(panelScore(page, root as unknown as RestNode, forged)).rejects.toThrow(/not readable/);
    }));
});
