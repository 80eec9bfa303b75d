/**
 * React and HTML of the same frame score alike (issue 36, "a score users can trust"): IoU×matched within 0.02 and the
 * same share of text visible at each width, on fixture frames whose React output draws instances with component
 * files — repeated ones, nested ones, ones used once, inside a box that scales as a unit, in an inferred flow, with
 * texts that break lines — and on one without. The React page is the preview the panel shows
 * (cli/measure/result-page.ts); the bench's score-cli section and `figment code --score` over every fixture frame show
 * the same on all 72.
 *
 * And the React page's layers carry the design's own ids: each instance of a component its own, as the HTML's.
 */
import { describe, expect, it } from "vitest";
import { withPage, type PageHost } from "./browser.js";
import { resultPage } from "./result-page.js";
import { scoreCode } from "./score.js";
import { designViewport, type RestNode } from "../../codegen/fidelity/design-nodes.js";
import type { SourceFile } from "../../codegen/types.js";
import { runBrowser, useBrowser, usePageContext } from "../../test/helpers/browser.js";
import { frameCode } from "../../test/helpers/frame-code.js";

/** [fixture file, frame id, what it holds]: the frames that scored apart before, and two controls. */
const FRAMES = [
  [
    "figmagic-design-system.file.json",
    "3022:701",
    "components used once in an inferred flow (margins), heights that grow below a width",
  ],
  ["figmagic-design-system.file.json", "3022:700", "the same inside a nested instance (DemoForm → Form, Button, …)"],
  [
    "vincegx-home-slideshow.nodes.json",
    "124:21142",
    "a component repeated 4 times, nested instances 3 deep, a text prop that breaks lines",
  ],
  ["figmasharp-bundler-dialog.file.json", "25:0", "components inside boxes that scale as a unit (container units)"],
  ["vincegx-hero-header.nodes.json", "122:21049", "a component repeated twice"],
  ["figma-differ-selfie.nodes.json", "33459:3746", "seven components, SVG icons inside them"],
  ["figmasharp-login.file.json", "101:3", "no components (control)"],
] as const;

/** Every `data-node-id` on the page as rendered at the frame's width, in document order. */
async function renderedIds(
  host: PageHost,
  frame: RestNode,
  files: SourceFile[],
  target: "react" | "html",
): Promise<string[]> {
  const page = await resultPage(files, target);
  return withPage(host, page.files, page.entry, designViewport(frame), (p) =>
    p.evaluate(() =>
      [
        ...(
          globalThis as unknown as {
            document: { querySelectorAll(s: string): Iterable<{ getAttribute(n: string): string | null }> };
          }
        ).document.querySelectorAll("[data-node-id]"),
      ].map((e) => e.getAttribute("data-node-id")!),
    ),
  );
}

/** Every layer id of a REST node, itself included. */
const designIds = (node: RestNode): string[] => [node.id, ...(node.children ?? []).flatMap(designIds)];

describe.runIf(runBrowser)("React and HTML of the same frame score alike", { timeout: 600_000 }, () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);

  it(
    "each instance's elements carry its own layers' " + "ids: the design's, each once, the same as the HTML's",
    async () => {
      for (const [file, id] of [FRAMES[2], FRAMES[4], FRAMES[1]]) {
        const react = await frameCode(file, id, "react");
        const html = await frameCode(file, id, "html");
        // Component files draw the instances (else this checks nothing of them).
        expect(react.files.filter((f) => /^src\/components\/\w+\.tsx$/.test(f.path)).length, file).toBeGreaterThan(2);
        const ids = await renderedIds(pages, react.frame, react.files, "react");
        expect(new Set(ids).size, `${file} ${id}: an id twice`).toBe(ids.length);
        const inDesign = new Set(designIds(react.frame));
        expect(
          ids.filter((i) => !inDesign.has(i)),
          `${file} ${id}: ids not in the design`,
        ).toEqual([]);
        expect([...ids].sort(), `${file} ${id}`).toEqual(
          [...(await renderedIds(pages, html.frame, html.files, "html"))].sort(),
        );
      }
      // The slideshow's tabs: one component drawn four times inside another (Tab, itself an instance inside the
      // screen's), each drawing found by its own layers above.
      const { files } = await frameCode(FRAMES[2][0], FRAMES[2][1], "react");
      const tab = files.find((f) => f.path === "src/components/Tab.tsx")!.content;
      // (Each placement may carry a class of its own: its rules on narrower screens.)
      expect(
        tab.match(/<TabsComponent (className=\{styles\.\w+\} )?data-node-id=\{layerId\("[^"]+"\)\} \/>/g),
      ).toHaveLength(4);
    },
  );

  it(`IoU×matched within 0.02 and the same text visible at each width (${FRAMES.length} frames)`, async () => {
    const rows: string[] = [];
    for (const [file, id, what] of FRAMES) {
      const scores = [];
      for (const target of ["html", "react"] as const) {
        const { frame, files } = await frameCode(file, id, target);
        scores.push(await scoreCode(pages, { frame, files, target }));
      }
      const [html, react] = scores as [(typeof scores)[0], (typeof scores)[0]];
      rows.push(`${file} ${id} (${what}): html ${html.iouMatched} react ${react.iouMatched}`);
      expect(Math.abs(html.iouMatched - react.iouMatched), rows.at(-1)).toBeLessThanOrEqual(0.02);
      expect(react.matched, rows.at(-1)).toBeCloseTo(html.matched, 2);
      expect(
        react.widths.map((w) => [w.width, w.textVisible]),
        rows.at(-1),
      ).toEqual(html.widths.map((w) => [w.width, expect.closeTo(w.textVisible, 2)]));
    }
  });
});
