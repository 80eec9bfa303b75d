/**
 * The panel's score (measure.ts: the preview document in an offscreen sandboxed iframe, resized to each width, its
 * probes answering by postMessage) equals the CLI's (cli/score.ts `scoreCode`: the same files in headless Chromium pages) within 0.01 —
 * IoU×matched, and text visible per width — on frames of every real Figma fixture file (the bench's score-cli
 * section checks all 72 in each full run), on the frame's offline HTML (layer ids on, as the CLI scores it), and on
 * the React output of a few, previewed the way the panel previews React. The measuring pages stay without same-origin, and a page's forged answer is refused.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { scoreCode } from "../../../cli/score.js";
import type { RestNode } from "../../../codegen/fidelity/design-nodes.js";
import type { FidelityScore } from "../../../codegen/fidelity/types.js";
import { loadDesign } from "../../../codegen/index.js";
import { buildSrcdoc, previewPages } from "../../../codegen/preview/html-page.js";
import { buildReactPreview } from "../../../codegen/preview/react-preview.js";
import type { SourceFile } from "../../../codegen/types.js";
import { runBrowser, useBrowser, usePageContext } from "../../../test/helpers/browser.js";
import { EVAL_FILES, FIGMA_DIR, REPO_ROOT } from "../../../test/helpers/fixtures.js";
import { panelScore, scoreDifferences, withScorePage } from "../../../test/helpers/panel-score.js";
import { previewRuntimeForTests } from "../../../test/helpers/preview-runtime.js";
import { cachedGenerateCode } from "../../../test/helpers/run-cache.js";

const frames = EVAL_FILES.flatMap((file) => loadDesign(JSON.parse(readFileSync(join(FIGMA_DIR, file), "utf8")) as unknown).roots.map((root) => ({ file, root })));

/** Layers under `node`, itself included. */
const layerCount = (node: { children?: unknown[] }): number => 1 + (node.children ?? []).reduce<number>((n, c) => n + layerCount(c as { children?: unknown[] }), 0);

/**
 * Every frame of a file with a few; of a file with many (the design system's 57 component sheets), its first three
 * and its largest. The bench's score-cli section compares the two on every fixture frame in each full run.
 */
const sampled = EVAL_FILES.flatMap((file) => {
  const own = frames.filter((f) => f.file === file);
  if (own.length <= 6) return own;
  const largest = own.reduce((a, b) => (layerCount(b.root) > layerCount(a.root) ? b : a));
  return [...new Set([...own.slice(0, 3), largest])];
});

function expectSame(panel: FidelityScore, cli: FidelityScore, what: string): void {
  expect(scoreDifferences(panel, cli), what).toEqual([]);
}

describe.runIf(runBrowser)("the panel's score equals the CLI's", { timeout: 900_000 }, () => {
  const browser = useBrowser();
  // The CLI's pages: one context whose pages are reused (cli/browser.ts), as a run of `figment code --score` does.
  const pages = usePageContext(browser);
  const inPage = <T>(fn: (page: Page) => Promise<T>): Promise<T> => withScorePage(browser, REPO_ROOT, fn);

  it(`on the offline HTML of fixture frames (${sampled.length} of ${frames.length}: every file)`, () =>
    inPage(async (page) => {
      expect(frames.length).toBeGreaterThan(20);
      expect(new Set(sampled.map((f) => f.file)).size).toBe(EVAL_FILES.length);
      for (const { file, root } of sampled) {
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
