/**
 * The axe-core tests of issue 72 (test/axe-*.browser.test.ts): axe finds nothing in the generated pages but the
 * design's own contrast, on every visible top-level frame of the real designers' files, in the targets a file names,
 * rendered as the panel shows them (axe-frames.ts). The targets are split over three files so that the run's two
 * workers share them. One context per file; frames in sequence. The contrast rules are left out of these runs (the
 * structure is what they hold at 0); the bench counts contrast too (`BENCH_ONLY=axe`, bench/axe.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadDesign } from "../../codegen/index.js";
import type { DesignDocument } from "../../codegen/design/types.js";
import { isFigmentError } from "../../kernel/errors.js";
import { loadAxeWithEveryPage, structural } from "./axe-check.js";
import { AXE_TARGETS, axeOfFrame, type AxeTarget } from "./axe-frames.js";
import { runBrowser, useBrowser, usePageContext } from "./browser.js";
import { realFiles, topLevelFrames } from "./real-files.js";

/** Every visible real frame with something to convert, as the CLI loads it. */
export function realDocuments(): { label: string; document: DesignDocument }[] {
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

/** A describe block: each of `keys`' targets on every real frame, no violation but the design's contrast. */
export function axeSuite(keys: readonly AxeTarget["key"][]): void {
  const targets = AXE_TARGETS.filter((t) => keys.includes(t.key));
  describe.runIf(runBrowser)(
    `axe-core on every real frame: ${keys.join(", ")} (issue 72)`,
    { timeout: 3_600_000 },
    () => {
      const browser = useBrowser();
      const pages = usePageContext(browser);
      beforeAll(() => loadAxeWithEveryPage(pages));
      const documents = realDocuments();

      it("checks every real frame", () => expect(documents.length).toBeGreaterThan(100));

      for (const target of targets)
        it(`${target.key}: no violation but the design's contrast`, async () => {
          const found: string[] = [];
          for (const { label, document } of documents)
            for (const v of structural(await axeOfFrame(pages, document, target, { contrast: false })))
              found.push(`${label}: ${v.rule} ×${v.nodes.length} (${v.nodes[0]?.target ?? ""})`);
          expect(found).toEqual([]);
        });
    },
  );
}
