import { describe, expect, it } from "vitest";
import { parseSweep } from "../../../ai/params/sweep.js";
import { EMPTY_STYLE, type RowsPlan } from "./plan.js";
import {
  NO_SWEEP,
  readSweeps,
  sdInitFrom,
  sdItemRequest,
  STRENGTH_NEEDS_SELECTION,
  strengthRefusal,
  sweepChoices,
  sweptItems,
  workflowRefusal,
} from "./sweep-items.js";

const items = [{ row: 1, values: {}, prompt: "a cat", stem: "1" }];

describe("the panel's sweeps", () => {
  it(
    "reads the controls, offering and accepting SD's parameters " +
      "on a local server and only quality on a hosted one",
    () => {
      expect(sweepChoices("sd")).toEqual(["cfg", "seed", "steps", "strength", "sampler"]);
      expect(sweepChoices("hosted")).toEqual(["quality"]);
      expect(
        readSweeps(
          [
            { param: "cfg", values: "4, 7" },
            { param: "", values: "" },
          ],
          "sd",
          "openai",
        ).sweeps,
      ).toEqual([{ param: "cfg", values: [4, 7] }]);
      expect(readSweeps([{ param: "cfg", values: "4, 40" }], "sd", "openai").error).toBe(
        "Sweep: cfg 40: the CFG scale is a number from 1 to 30.",
      );
      expect(readSweeps([{ param: "seed", values: "1,2" }], "hosted", "openai").error).toMatch(
        /^Sweep: openai's image API has no seed parameter/,
      );
    },
  );
  it("with a ComfyUI workflow file picked, only a seed sweep is taken: the workflow ignores the rest", () => {
    const cfg = [{ param: "cfg" as const, values: "4, 7" }];
    expect(workflowRefusal(cfg, false)).toBeUndefined();
    expect(workflowRefusal(cfg, true)).toMatch(/^Sweep: cfg: a workflow file is sent with its own settings/);
    expect(workflowRefusal([{ param: "seed", values: "1, 2" }, NO_SWEEP], true)).toBeUndefined();
  });
  it("an SD cell's request: the plan's parameters with the cell's over them; -1 sends no seed", () => {
    const grid = sweptItems(items, [parseSweep("steps=10,30"), parseSweep("seed=-1,5")]);
    expect(grid.labels).toEqual({ columns: ["Steps 10", "Steps 30"], rows: ["Seed -1", "Seed 5"] });
    const plan: RowsPlan = {
      name: "g",
      items: grid.items,
      style: EMPTY_STYLE,
      size: { width: 512, height: 512 },
      quality: "auto",
      acceptFirst: false,
      reasonFirst: false,
      sd: { width: 512, height: 512, steps: 20, cfgScale: 7, batchSize: 1, seed: 9 },
    };
    expect(sdItemRequest(plan, 1, undefined)).toEqual({
      prompt: "a cat",
      width: 512,
      height: 512,
      steps: 30,
      cfgScale: 7,
      batchSize: 1,
    });
    expect(sdItemRequest(plan, 2, undefined)).toMatchObject({ steps: 10, seed: 5 });
  });
  it(
    "a strength sweep repaints the selection (img2img) and is " +
      "refused without one; the reference box alone also starts from it",
    () => {
      const strength = [{ param: "strength" as const, values: "0.3, 0.7" }];
      expect(strengthRefusal(strength, "sd", false)).toBe(STRENGTH_NEEDS_SELECTION);
      expect(strengthRefusal(strength, "sd", true)).toBeUndefined();
      expect(strengthRefusal([{ param: "cfg", values: "4" }], "sd", false)).toBeUndefined();
      const frame = { id: "1:2", name: "Hero" };
      expect(sdInitFrom(strength, false, 0.6, frame)).toEqual({ nodeId: "1:2", name: "Hero", strength: 0.6 });
      expect(sdInitFrom([{ param: "cfg", values: "4" }], true, 1.4, frame)).toEqual({
        nodeId: "1:2",
        name: "Hero",
        strength: 1,
      });
      expect(sdInitFrom([{ param: "cfg", values: "4" }], false, 0.6, frame)).toBeUndefined();
      expect(sdInitFrom(strength, true, 0.6, undefined)).toBeUndefined();
      // Each cell's strength over the starting picture's.
      const grid = sweptItems(items, [parseSweep("strength=0.3,0.7")]);
      const init = { bytes: new Uint8Array([1, 2]), strength: 0.6 };
      const plan: RowsPlan = {
        name: "g",
        items: grid.items,
        style: EMPTY_STYLE,
        size: { width: 512, height: 512 },
        quality: "auto",
        acceptFirst: false,
        reasonFirst: false,
        sd: { width: 512, height: 512, steps: 20, cfgScale: 7, batchSize: 1, init },
      };
      expect([0, 1].map((i) => sdItemRequest(plan, i, undefined).init)).toEqual([
        { ...init, strength: 0.3 },
        { ...init, strength: 0.7 },
      ]);
    },
  );
});
