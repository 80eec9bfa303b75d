/**
 * The stacking check of the habit properties (test/helpers/habit-checks.ts stackingAt, issue 69) on hand-made pages
 * of one small drawing, so that the check is seen to fail when it should: a card across the top, a text below it
 * (not on it), a photo with a title drawn over it. Each page lays them out otherwise at 390:
 * - the text moved onto the card, painted over it (it lands on it) or under it (the card covers it): reported;
 * - its twin, the text below the card as drawn: nothing to report;
 * - the text on the card, the card all but transparent there: not on something, nothing to report;
 * - the photo painted over the title drawn over it: reported.
 * The layers sit 1500 px down the page, past the first viewport: the check sees the whole page.
 */
import { describe, expect, it } from "vitest";
import { withPage } from "../../cli/measure/browser.js";
import type { Raw } from "../../test/arbitraries/rest-boxes.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { drawingOf, layerNames, stackingAt } from "../../test/helpers/habit-checks.js";

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const solid = (r: number, g: number, b: number) => [{ type: "SOLID", color: { r, g, b, a: 1 } }];

const FRAME: Raw = {
  id: "1:1",
  name: "Page",
  type: "FRAME",
  absoluteBoundingBox: box(0, 0, 390, 300),
  fills: solid(1, 1, 1),
  children: [
    {
      id: "2:1",
      name: "Card",
      type: "RECTANGLE",
      absoluteBoundingBox: box(0, 0, 390, 100),
      fills: solid(0.2, 0.3, 0.8),
    },
    {
      id: "2:2",
      name: "Links",
      type: "TEXT",
      characters: "Links",
      absoluteBoundingBox: box(20, 150, 100, 24),
      fills: solid(0, 0, 0),
    },
    {
      id: "2:3",
      name: "Photo",
      type: "RECTANGLE",
      absoluteBoundingBox: box(200, 150, 150, 100),
      fills: [{ type: "IMAGE", scaleMode: "FILL", imageRef: "photo" }],
    },
    {
      id: "2:4",
      name: "Title",
      type: "TEXT",
      characters: "Title",
      absoluteBoundingBox: box(220, 200, 100, 24),
      fills: solid(1, 1, 1),
    },
  ],
};

/** Where each layer is laid at 390 (px in the frame, which starts 1500 px down the page), and its own styles. */
interface Laid {
  links: { top: number; z: number };
  card?: string;
  photoZ?: number;
}

const page = ({ links, card = "", photoZ = 1 }: Laid) => `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; font: 16px/24px sans-serif; }
.spacer { height: 1500px; }
.frame { position: relative; width: 390px; height: 300px; background: #fff; }
.frame > * { position: absolute; margin: 0; }
.card { left: 0; top: 0; width: 390px; height: 100px; background: #3350cc; z-index: 1; ${card} }
.links { left: 20px; top: ${links.top}px; width: 100px; height: 24px; z-index: ${links.z}; }
.photo { left: 200px; top: 150px; width: 150px; height: 100px; background: #777; z-index: ${photoZ}; }
.title { left: 220px; top: 200px; width: 100px; height: 24px; color: #fff; z-index: 3; }
</style></head><body><div class="spacer"></div><div class="frame" data-node-id="1:1">
<div class="card" data-node-id="2:1"></div><p class="links" data-node-id="2:2">Links</p>
<div class="photo" data-node-id="2:3"></div><p class="title" data-node-id="2:4">Title</p>
</div></body></html>`;

describe.runIf(runBrowser)("the stacking check: what is stacked over what does not change with the width", () => {
  const browser = useBrowser();
  const drawing = drawingOf(FRAME);
  const compared = new Set(drawing.keys());
  const check = (laid: Laid) =>
    withPage(browser, [{ path: "index.html", content: page(laid) }], "index.html", { width: 390, height: 900 }, (p) =>
      stackingAt(p, 390, "1:1", drawing, compared, layerNames(FRAME)),
    );

  it("reports a text painted over a layer it was not on", async () => {
    const seen = await check({ links: { top: 40, z: 2 } });
    expect(seen.failures).toEqual([
      "text “Links” (2:2) lands on “Card” (2:1) at 390, not on it at the design width (hit at 70,52)",
    ]);
  });

  it("reports a text under a layer it was not on, saying that layer covers it", async () => {
    const seen = await check({ links: { top: 40, z: 0 } });
    expect(seen.failures).toEqual([
      "text “Links” (2:2) is covered by “Card” (2:1) at 390, not on it at the design width (hit at 70,52)",
    ]);
  });

  it("passes the twin, where the text stays off the card as drawn", async () => {
    const seen = await check({ links: { top: 150, z: 2 } });
    expect(seen.failures).toEqual([]);
    // The photo and the title over it are hit-tested, past the first viewport: the check is not empty.
    expect(seen.pairsHit).toBe(1);
  });

  it("passes a text on a layer that is transparent there", async () => {
    const seen = await check({ links: { top: 40, z: 2 }, card: "opacity: 0.05;" });
    expect(seen.failures).toEqual([]);
  });

  it("reports two layers drawn overlapping and painted the other way round", async () => {
    const seen = await check({ links: { top: 150, z: 2 }, photoZ: 4 });
    expect(seen.failures).toEqual(["“Title” (2:4) is drawn over “Photo” (2:3) but painted under it at 390: 270,212"]);
  });
});
