/**
 * The self-check's engine where no browser is (simulate.ts) against Chromium laying out the emitted HTML itself
 * (issue 49), on a few controls: a column of texts, a row with gap and padding, layers placed by their constraints in a
 * box the flow made wider than drawn, a screen its content makes taller than drawn, and a wrapping row. Every layer
 * within 2 px on each side, as the bench's "engines" section measures the real files
 * (test/helpers/engine-agreement.ts).
 */
import { describe, expect, it } from "vitest";
import { runBrowser, useBrowser, usePageContext } from "../../test/helpers/browser.js";
import { frameAgreement, NEAR, type AgreementFrame } from "../../test/helpers/engine-agreement.js";
import { serveGoogleFonts } from "../../test/helpers/google-fonts.js";
import type { DesignNode, FlexLayout } from "../design/types.js";
import { simulateFrame } from "./simulate.js";

const text = (id: string, w: number, h: number, chars: string, lineHeight?: number): DesignNode => ({
  id,
  name: id,
  kind: "text",
  w,
  h,
  sizeH: "fill",
  sizeV: "hug",
  text: {
    chars,
    style: { family: "Inter", size: 16, weight: 400, ...(lineHeight !== undefined ? { lineHeight } : {}) },
    resize: "height",
    alignH: "left",
    alignV: "top",
  },
});
const rect = (id: string, w: number, h: number, extra: Partial<DesignNode> = {}): DesignNode => ({
  id,
  name: id,
  kind: "rect",
  w,
  h,
  sizeH: "fixed",
  sizeV: "fixed",
  fills: [{ kind: "solid", color: "#c8d2e0" }],
  ...extra,
});
const flow = (layout: Partial<FlexLayout> & Pick<FlexLayout, "dir">): FlexLayout => ({
  gap: 0,
  padding: [0, 0, 0, 0],
  justify: "start",
  align: "start",
  ...layout,
});
const page = (w: number, h: number, layout: FlexLayout, children: DesignNode[]): DesignNode => ({
  id: "1:1",
  name: "Control",
  kind: "frame",
  w,
  h,
  sizeH: "fixed",
  sizeV: "hug",
  layout,
  fills: [{ kind: "solid", color: "#ffffff" }],
  children,
});
const control = (name: string, frame: DesignNode): AgreementFrame => ({
  key: name,
  source: "fixture",
  file: "control",
  name,
  document: { frames: [frame], assets: {} },
  page: { serve: serveGoogleFonts },
});

const descendants = (node: DesignNode): number => (node.children ?? []).reduce((n, c) => n + 1 + descendants(c), 0);

const CONTROLS: AgreementFrame[] = [
  control(
    "a column of texts",
    page(600, 212, flow({ dir: "column", gap: 16, padding: [32, 40, 32, 40] }), [
      text("2:1", 520, 24, "A heading on one line", 24),
      text("2:2", 520, 48, "Two lines\nof text", 24),
      // No line height: the font's normal one (Inter at 16 px, its ascent, descent and gap rounded as Chromium does).
      text("2:3", 520, 19, "A line at the normal line height"),
      text("2:4", 520, 31, "A 31.2-px line in a 31-px box", 31.2),
    ]),
  ),
  control(
    "a row with gap and padding",
    page(800, 120, flow({ dir: "row", gap: 24, padding: [20, 32, 20, 32], align: "center" }), [
      rect("3:1", 120, 80),
      rect("3:2", 200, 40, { sizeH: "fill" }),
      {
        id: "3:3",
        name: "Chip",
        kind: "frame",
        w: 56,
        h: 56,
        sizeH: "hug",
        sizeV: "hug",
        layout: flow({ dir: "row", padding: [8, 8, 8, 8] }),
        fills: [{ kind: "solid", color: "#eeeeee" }],
        children: [rect("3:4", 40, 40)],
      },
      { ...text("3:5", 150, 24, "Label", 24), sizeH: "fixed" },
    ]),
  ),
  control(
    "layers placed by their constraints",
    page(600, 300, flow({ dir: "column", padding: [20, 20, 20, 20] }), [
      {
        // Drawn 300 px wide, as wide as the column (560 px) in the flow: its layers follow their constraints.
        id: "4:1",
        name: "Card",
        kind: "frame",
        w: 300,
        h: 200,
        sizeH: "fill",
        sizeV: "fixed",
        fills: [{ kind: "solid", color: "#eeeeee" }],
        children: [
          rect("4:2", 40, 40, { x: 250, y: 10, constraintH: "right" }),
          rect("4:3", 60, 20, { x: 120, y: 90, constraintH: "center", constraintV: "center" }),
          rect("4:4", 260, 8, { x: 20, y: 150, constraintH: "left-right" }),
          rect("4:5", 60, 30, { x: 30, y: 160, constraintH: "scale", constraintV: "bottom" }),
        ],
      },
      rect("4:6", 80, 40, { absolute: true, x: 500, y: 240, constraintH: "right", constraintV: "bottom" }),
    ]),
  ),
  control(
    // A screen is at least as tall as drawn and grows with its content (a section drawn above its top edge pushes
    // the flow down so): a layer pinned to its bottom moves with it.
    "a screen taller than drawn",
    {
      ...page(600, 200, flow({ dir: "column", gap: 20, padding: [20, 20, 20, 20] }), [
        rect("6:1", 560, 150),
        rect("6:2", 560, 150),
        rect("6:3", 100, 40, { absolute: true, x: 480, y: 150, constraintH: "right", constraintV: "bottom" }),
      ]),
      sizeV: "fixed",
    },
  ),
  control(
    // Figma's negative spacing (avatars drawn overlapping): no CSS gap, each later item's negative margin.
    "a row and a column with negative spacing",
    page(600, 220, flow({ dir: "column", gap: -20, padding: [20, 20, 20, 20] }), [
      {
        id: "7:1",
        name: "Avatars",
        kind: "frame",
        w: 168,
        h: 64,
        sizeH: "hug",
        sizeV: "hug",
        layout: flow({ dir: "row", gap: -16 }),
        children: ["7:2", "7:3", "7:4"].map((id) => rect(id, 64, 64)),
      },
      rect("7:5", 300, 80),
      rect("7:6", 300, 80),
    ]),
  ),
  control(
    "a wrapping row",
    page(
      500,
      132,
      flow({ dir: "row", gap: 16, crossGap: 12, padding: [20, 20, 20, 20], wrap: true }),
      ["5:1", "5:2", "5:3", "5:4", "5:5", "5:6", "5:7"].map((id) => rect(id, 100, 40)),
    ),
  ),
];

describe.runIf(runBrowser)("the layout simulator against Chromium (issue 49)", () => {
  const browser = useBrowser();
  const context = usePageContext(browser);
  for (const frame of CONTROLS)
    it(`${frame.name}: every layer within ${NEAR} px of where Chromium lays the emitted HTML out`, async () => {
      const measured = await frameAgreement(context, frame, { simulator: simulateFrame });
      const simulator = measured.engines["simulator"]!;
      expect(measured.fonts.missing).toEqual([]);
      // Every layer of the control has an element of its own and is compared.
      expect(simulator.compared).toBe(descendants(frame.document.frames[0]!));
      expect(simulator.off.map((d) => `${d.id} ${d.delta.toFixed(1)} px`)).toEqual([]);
    });
});
