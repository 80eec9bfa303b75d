import { describe, expect, it } from "vitest";
import type { FidelityScore } from "../../../codegen/fidelity/types.js";
import type { CodeEntry } from "../../../contract/history.js";
import { withScore, type CodeOutput } from "../code-job.js";
import { exportedFrame } from "./score-state.js";
import { scoreTone } from "./score-view.js";
import { withScoreEntry } from "./use-result-score.js";

const score: FidelityScore = {
  frameId: "1:2",
  frameName: "Login",
  iouMatched: 0.91,
  meanIoU: 0.93,
  matched: 0.98,
  designWidth: 375,
  widths: [],
  worst: [],
};
const output = (id: number): CodeOutput => ({
  id,
  options: { target: "html", styling: "css-modules", nodeIds: false },
  files: [],
  problems: [],
  ms: 1,
  workerColdStartMs: undefined,
  frames: [],
  preview: { status: "loading" },
  score: { status: "measuring" },
});

describe("a result's score", () => {
  it("lands on the output it was measured for, wherever that output is shown, and nowhere else", () => {
    const done = { status: "done", score } as const;
    expect(withScore({ phase: "done", output: output(3) }, 3, done)).toMatchObject({
      phase: "done",
      output: { id: 3, score: done },
    });
    expect(withScore({ phase: "draft", output: output(3), worker: "ready" }, 3, done)).toMatchObject({
      output: { score: done },
    });
    expect(withScore({ phase: "cancelled", draft: output(3) }, 3, done)).toMatchObject({ draft: { score: done } });
    // A newer result (or none) is left as it is.
    const newer = { phase: "done", output: output(4) } as const;
    expect(withScore(newer, 3, done)).toBe(newer);
    const exporting = { phase: "exporting", done: 0, total: 0, label: "" } as const;
    expect(withScore(exporting, 3, done)).toBe(exporting);
  });

  it("goes into the History entry once measured", () => {
    const entry = {
      kind: "code",
      id: "code-1",
      createdAt: "2026-11-23T10:00:00.000Z",
      mode: "offline",
      frame: { id: "1:2", name: "Login" },
      target: "html",
      styling: "css-modules",
      files: [],
    } satisfies CodeEntry;
    expect(withScoreEntry(entry, { status: "done", score })).toEqual({ ...entry, score });
    expect(withScoreEntry(entry, { status: "measuring" })).toBe(entry);
    expect(withScoreEntry(entry, { status: "failed", message: "no" })).toBe(entry);
  });

  it("is measured against the exported frame's REST node (JSON_REST_V1 keeps it under `document`)", () => {
    const node = {
      id: "1:2",
      name: "Login",
      type: "FRAME",
      absoluteBoundingBox: { x: 0, y: 0, width: 375, height: 667 },
    };
    expect(exportedFrame({ document: node, components: {} }, "1:2")).toBe(node);
    expect(exportedFrame({ document: node }, "9:9")).toBeUndefined();
    expect(exportedFrame({ document: { ...node, absoluteBoundingBox: null } }, "1:2")).toBeUndefined();
    expect(exportedFrame("nonsense", "1:2")).toBeUndefined();
  });

  it(
    "is good from 90 %, fair from 70 %, poor below — by the " +
      "worse of the match and the text seen at the worst width",
    () => {
      const at = (iouMatched: number, textVisible = 1) => ({
        ...score,
        iouMatched,
        widths: [{ width: 768, textVisible, overflow: false, overflowPx: 0, hiddenTexts: [] }],
      });
      expect([0.95, 0.9, 0.89, 0.7, 0.69].map((share) => scoreTone(at(share)))).toEqual([
        "good",
        "good",
        "fair",
        "fair",
        "poor",
      ]);
      // A 593-px frame that matches the drawing but shows 46 % of its text at 768 px is poor, not good.
      expect(scoreTone(at(1, 0.46))).toBe("poor");
      // A page problem (here: sideways scroll) makes a good match fair at best.
      expect(
        scoreTone({
          ...at(1),
          widths: [{ width: 390, textVisible: 1, overflow: true, overflowPx: 40, hiddenTexts: [] }],
        }),
      ).toBe("fair");
    },
  );
});
