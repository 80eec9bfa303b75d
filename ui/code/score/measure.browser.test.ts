/**
 * The panel's score (measure.ts: the preview document in an offscreen sandboxed iframe, resized to each width, its
 * probes answering by postMessage) equals the CLI's (cli/measure/score.ts `scoreCode`: the same files in headless
 * Chromium pages) within 0.01 — IoU×matched, and text visible per width — on frames of every real Figma fixture file
 * (the bench's score-cli section checks all 72 in each full run), on the frame's offline HTML (layer ids on, as the CLI
 * scores it), and on the React output of a few, previewed the way the panel previews React. The measuring pages stay
 * without same-origin, and a page's forged answer is refused.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { withPage } from "../../../cli/measure/browser.js";
import { resultPage } from "../../../cli/measure/result-page.js";
import { scoreCode } from "../../../cli/measure/score.js";
import { designViewport, type RestNode } from "../../../codegen/fidelity/design-nodes.js";
import type { FidelityScore } from "../../../codegen/fidelity/types.js";
import { loadDesign } from "../../../codegen/index.js";
import { buildSrcdoc, previewPages } from "../../../codegen/preview/html-page.js";
import { buildReactPreview } from "../../../codegen/preview/react-preview.js";
import type { SourceFile } from "../../../codegen/types.js";
import { runBrowser, useBrowser, usePageContext } from "../../../test/helpers/browser.js";
import { EVAL_FILES, FIGMA_DIR, REPO_ROOT } from "../../../test/helpers/fixtures.js";
import { panelScore, scoreDifferences, withScorePage } from "../../../test/helpers/panel-score.js";
import { previewRuntimeForTests } from "../../../test/helpers/preview-runtime.js";
import {
  PSEUDO_COVER_FRAME,
  PSEUDO_COVER_PAGE,
  PSEUDO_COVER_VERDICTS,
} from "../../../test/helpers/pseudo-cover-page.js";
import { cachedGenerateCode } from "../../../test/helpers/run-cache.js";
import { sampleFrames } from "../../../test/helpers/eval-sample.js";
import type { PageMeasure } from "./measure.js";

const frames = EVAL_FILES.flatMap((file) =>
  loadDesign(JSON.parse(readFileSync(join(FIGMA_DIR, file), "utf8")) as unknown).roots.map((root) => ({ file, root })),
);

/**
 * Every frame of a file with a few; of a file with many (the design system's 57 component sheets), its first three
 * and its largest (test/helpers/eval-sample.ts). The bench's score-cli section compares the two on every fixture
 * frame in each full run.
 */
const sampled = EVAL_FILES.flatMap((file) => {
  const own = frames.filter((f) => f.file === file);
  const taken = new Set(sampleFrames(own.map((f) => f.root)));
  return own.filter((f) => taken.has(f.root));
});

function expectSame(panel: FidelityScore, cli: FidelityScore, what: string): void {
  expect(scoreDifferences(panel, cli), what).toEqual([]);
}

describe.runIf(runBrowser)("the panel's score equals the CLI's", { timeout: 900_000 }, () => {
  const browser = useBrowser();
  // The CLI's pages: one context whose pages are reused (cli/measure/browser.ts), as a run of `figment code --score`
  // does.
  const pages = usePageContext(browser);
  const inPage = <T>(fn: (page: Page) => Promise<T>): Promise<T> => withScorePage(browser, REPO_ROOT, fn);

  it(`on the offline HTML of fixture frames (${sampled.length} of ${frames.length}: every file)`, () =>
    inPage(async (page) => {
      expect(frames.length).toBeGreaterThan(20);
      expect(new Set(sampled.map((f) => f.file)).size).toBe(EVAL_FILES.length);
      for (const { file, root } of sampled) {
        const code = await cachedGenerateCode(loadDesign({ document: root }, []).document, {
          target: "html",
          styling: "css-modules",
          nodeIds: true,
        });
        const frame = root as unknown as RestNode;
        const cli = await scoreCode(pages, { frame, files: code.files, target: "html" });
        const panel = await panelScore(
          page,
          frame,
          buildSrcdoc({ page: previewPages(code.files)[0]!, files: code.files }),
        );
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
        const code = await cachedGenerateCode(loadDesign({ document: root }, []).document, {
          target: "react",
          styling: "css-modules",
          nodeIds: true,
        });
        const frame = root as unknown as RestNode;
        const cli = await scoreCode(pages, { frame, files: code.files, target: "react" });
        expect(cli.matched, `${file}: the React page carries the layers' ids`).toBeGreaterThan(0.5);
        const panel = await panelScore(
          page,
          frame,
          buildReactPreview(code.files as SourceFile[], previewRuntimeForTests()).html,
        );
        expectSame(panel, cli, `${file} ${id} (React)`);
      }
    }));

  it("on a hand-written page whose texts lie under pseudo-elements: the same covers and veils, named the same", () =>
    inPage(async (page) => {
      const files = [{ path: "index.html", content: PSEUDO_COVER_PAGE }];
      const frame = PSEUDO_COVER_FRAME;
      const cli = await scoreCode(pages, { frame, files, target: "html" });
      const panel = await panelScore(page, frame, buildSrcdoc({ page: files[0]!, files }));
      expectSame(panel, cli, "pseudo-element covers");
      const rows = (score: FidelityScore) =>
        Object.fromEntries(
          score.widths
            .find((w) => w.width === 400)!
            .hiddenTexts.map((t) => [t.nodeId, { class: t.problem, detail: t.detail }]),
        );
      expect(rows(panel)).toEqual(rows(cli));
      expect(rows(panel)).toEqual(
        Object.fromEntries(
          Object.entries(PSEUDO_COVER_VERDICTS).map(([id, v]) => [
            id,
            { class: v.class, detail: expect.stringMatching(v.detail) },
          ]),
        ),
      );
    }));

  it.each(["html", "react"] as const)(
    "pictures the page as rendered at the design width (for a correction round): the " +
      "Log-In page's picture (%s) is Chromium's screenshot of it, nearly pixel for pixel",
    (target) =>
      inPage(async (page) => {
        const root = frames.find((f) => f.root.id === "101:3")!.root;
        const frame = root as unknown as RestNode;
        const code = await cachedGenerateCode(loadDesign({ document: root }, []).document, {
          target,
          styling: "css-modules",
          nodeIds: true,
        });
        const html =
          target === "html"
            ? buildSrcdoc({ page: previewPages(code.files)[0]!, files: code.files })
            : buildReactPreview(code.files as SourceFile[], previewRuntimeForTests()).html;
        const measured = await page.evaluate(
          ({ frame, html }) =>
            (
              globalThis as unknown as {
                figmentMeasurePage(input: unknown, signal: undefined, options: unknown): Promise<PageMeasure>;
              }
            ).figmentMeasurePage({ frame, html }, undefined, { picture: true }),
          { frame, html },
        );
        expect(measured.pictureError).toBeUndefined();
        expect(measured.png).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
        // The picture changes nothing of the score.
        expect(measured.score).toEqual(await panelScore(page, frame, html));
        const viewport = designViewport(frame);
        const shown = await resultPage(code.files as SourceFile[], target);
        const shot = await withPage(browser, shown.files, shown.entry, viewport, (p) => p.screenshot({ type: "png" }));
        // Compared in the test page (not sandboxed, so it may read the pixels of both).
        const compared = await page.evaluate(
          async ({ a, b }) => {
            const pixels = async (url: string) => {
              const image = new Image();
              image.src = url;
              await image.decode();
              const canvas = document.createElement("canvas");
              canvas.width = image.naturalWidth;
              canvas.height = image.naturalHeight;
              const context = canvas.getContext("2d")!;
              context.drawImage(image, 0, 0);
              return {
                width: canvas.width,
                height: canvas.height,
                data: context.getImageData(0, 0, canvas.width, canvas.height).data,
              };
            };
            const [x, y] = [await pixels(a), await pixels(b)];
            let differing = 0;
            let inked = 0;
            for (let i = 0; i < x.data.length && x.data.length === y.data.length; i += 4) {
              const d = Math.max(
                Math.abs(x.data[i]! - y.data[i]!),
                Math.abs(x.data[i + 1]! - y.data[i + 1]!),
                Math.abs(x.data[i + 2]! - y.data[i + 2]!),
              );
              if (d > 48) differing++;
              if (x.data[i]! + x.data[i + 1]! + x.data[i + 2]! < 750) inked++;
            }
            const count = x.data.length / 4;
            return { size: [x.width, x.height, y.width, y.height], differing: differing / count, inked: inked / count };
          },
          { a: measured.png!, b: `data:image/png;base64,${shot.toString("base64")}` },
        );
        expect(compared.size).toEqual([viewport.width, viewport.height, viewport.width, viewport.height]);
        // Not a blank page: the picture holds the page's grey background and its text…
        expect(compared.inked).toBeGreaterThan(0.5);
        // …where the screenshot has them (anti-aliasing aside).
        expect(compared.differing).toBeLessThan(0.02);
      }),
  );

  it("measures in an iframe without same-origin, removed when done; a forged answer is refused", () =>
    inPage(async (page) => {
      const root = frames.find((f) => f.root.id === "101:3")!.root;
      const code = await cachedGenerateCode(loadDesign({ document: root }, []).document, {
        target: "html",
        styling: "css-modules",
        nodeIds: true,
      });
      const html = buildSrcdoc({ page: previewPages(code.files)[0]!, files: code.files });
      // The measuring iframe as it is added: one, offscreen, scripts allowed, no same-origin; gone after.
      await page.evaluate(() => {
        const w = globalThis as unknown as { seen: { sandbox: string | null; csp: string; left: string }[] };
        w.seen = [];
        new MutationObserver((records) => {
          for (const r of records)
            for (const node of Array.from(r.addedNodes) as HTMLIFrameElement[]) {
              if (node.className === "score-probe")
                w.seen.push({
                  sandbox: node.getAttribute("sandbox"),
                  csp: /Content-Security-Policy" content="([^"]*)"/.exec(node.srcdoc)?.[1] ?? "",
                  left: node.style.left,
                });
            }
        }).observe(document.body, { childList: true });
      });
      expect((await panelScore(page, root as unknown as RestNode, html)).iouMatched).toBeGreaterThan(0.5);
      const seen = await page.evaluate(
        () => (globalThis as unknown as { seen: { sandbox: string | null; csp: string; left: string }[] }).seen,
      );
      expect(seen.map((s) => s.sandbox)).toEqual(["allow-scripts"]);
      for (const s of seen) {
        expect(s.csp).toMatch(/; script-src 'sha256-[A-Za-z0-9+/]+=*'$/);
        expect(parseFloat(s.left)).toBeLessThan(-10_000);
      }
      expect(await page.locator("iframe.score-probe").count()).toBe(0);

      // A page that answers for itself (a model's React code could) with a reply of the wrong shape: refused.
      const forged = html
        .replace(
          "</body>",
          `<script>addEventListener("message", (e) => parent.postMessage({ type: "figment-measure-reply", ` +
            `token: e.data.token, texts: { scrollWidth: "wide" } }, "*"));</script></body>`,
        )
        .replace("default-src 'none';", "default-src 'none'; script-src 'unsafe-inline';");
      await expect(panelScore(page, root as unknown as RestNode, forged)).rejects.toThrow(/not readable/);
    }));
});
