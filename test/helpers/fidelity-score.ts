/**
 * A FidelityScore as the measurement gives one, written out (the Log-In page with one text 40 px off, a missing
 * and a hidden layer, a clipped text and overflow at 390 px), for unit tests of what is built from a score.
 */
import type { FidelityScore } from "../../codegen/fidelity/types.js";

/** The score above, with `overrides`. */
export function scoreOf(overrides: Partial<FidelityScore> = {}): FidelityScore {
  return {
    frameId: "101:3",
    frameName: "Log-In Page",
    iouMatched: 0.9123,
    meanIoU: 0.93,
    matched: 0.981,
    designWidth: 375,
    widths: [
      { width: 375, textVisible: 1, overflow: false, overflowPx: 0, hiddenTexts: [] },
      {
        width: 390,
        textVisible: 0.8,
        text: { visible: 0.8, missing: 0, clipped: 0.2, covered: 0, illegible: 0, "too-small": 0 },
        overflow: true,
        overflowPx: 42,
        blankBelowPx: 0,
        viewportHeight: 844,
        hiddenTexts: [
          {
            nodeId: "101:18",
            name: "YOUR ART MUSEUM",
            visible: 0.4,
            problem: "clipped",
            detail: "cut to “YOUR ART MU”",
          },
        ],
        hiddenByDesign: 0,
      },
      { width: 768, textVisible: 1, overflow: false, overflowPx: 0, hiddenTexts: [] },
    ],
    worst: [
      {
        nodeId: "101:6",
        name: "Don’t have an account?",
        problem: "off",
        iou: 0.7241,
        design: { x: 64.6, y: 585, width: 250, height: 24 },
        rendered: { x: 104.6, y: 585, width: 250, height: 24.4 },
      },
      { nodeId: "101:30", name: "Logo", problem: "missing", iou: 0, design: { x: 10, y: 10, width: 40, height: 40 } },
      {
        nodeId: "101:31",
        name: "Menu",
        problem: "hidden",
        iou: 0,
        design: { x: 300, y: 10, width: 60, height: 20 },
        rendered: { x: 0, y: 0, width: 0, height: 0 },
      },
    ],
    ...overrides,
  };
}
