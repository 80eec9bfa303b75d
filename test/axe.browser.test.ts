/**
 * Issue 72: axe-core (WCAG 2.0/2.1 A and AA, best practices) finds nothing in the generated pages but the design's own
 * contrast, on every visible top-level frame of the real designers' files, in every target as the panel shows it
 * (test/helpers/axe-frames.ts). One Chromium and one context for the file; frames in sequence, one page per target
 * reused. The figures by rule, target and frame are the bench's (`BENCH_ONLY=axe`, bench/axe.ts).
 */
import { describe, expect, it } from "vitest";
import { loadDesign } from "../codegen/index.js";
import { isFigmentError } from "../kernel/errors.js";
import { withPage } from "../cli/measure/browser.js";
import { axeViolations, structural } from "./helpers/axe-check.js";
import { AXE_TARGETS, axeOfFrame } from "./helpers/axe-frames.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";
import { realFiles, topLevelFrames } from "./helpers/real-files.js";

const VIEWPORT = { width: 800, height: 600 };

/** Every visible real frame with something to convert, as the CLI loads it. */
function realDocuments(): { label: string; document: ReturnType<typeof loadDesign>["document"] }[] {
  return realFiles().flatMap((file) =>
    topLevelFrames(file)
      .filter((frame) => !frame.hidden)
      .flatMap((frame) => {
        try {
          return [
            { label: `${file.name} ${frame.id} "${frame.name}"`, document: loadDesign(file.json, [frame.id]).document },
          ];
        } catch (error) {
          if (isFigmentError(error, "input")) return []; // no visible layers: nothing to check
          throw error;
        }
      }),
  );
}

describe.runIf(runBrowser)("axe-core on every real frame, every target (issue 72)", { timeout: 3_600_000 }, () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);
  const documents = realDocuments();

  it("checks the real frames, and finds what axe finds (a skipped level, a page without an h1)", async () => {
    expect(documents.length).toBeGreaterThan(100);
    const html = '<!doctype html><html lang="en"><title>t</title><main><h2>A</h2><h4>B</h4></main></html>';
    const found = await withPage(pages, [{ path: "index.html", content: html }], "index.html", VIEWPORT, axeViolations);
    expect(
      structural(found)
        .map((v) => v.rule)
        .sort(),
    ).toEqual(["heading-order", "page-has-heading-one"]);
  });

  for (const target of AXE_TARGETS)
    it(`${target.key}: no violation but the design's contrast`, async () => {
      const found: string[] = [];
      for (const { label, document } of documents)
        for (const v of structural(await axeOfFrame(pages, document, target)))
          found.push(`${label}: ${v.rule} ×${v.nodes.length} (${v.nodes[0]?.target ?? ""})`);
      expect(found).toEqual([]);
    });
});
