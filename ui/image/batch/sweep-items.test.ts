import { describe, expect, it } from "vitest";
import { parseSweep } from "../../../ai/params/sweep.js";
import { EMPTY_STYLE, type BatchPlan } from "./plan.js";
import { readSweeps, sdItemRequest, sweepChoices, sweptItems } from "./sweep-items.js";

const items = [{ row: 1, values: {}, prompt: "a cat", stem: "1" }];

describe("the panel's sweeps", () => {
  it("reads the controls, offering and accepting SD's parameters on a local server and only quality on a hosted one", () => {
    expect(sweepChoices("sd")).toEqual(["cfg", "seed", "steps", "strength", "sampler"]);
    expect(sweepChoices("hosted")).toEqual(["quality"]);
    expect(readSweeps([{ param: "cfg", values: "4, 7" }, { param: "", values: "" }], "sd", "openai").sweeps).toEqual([{ param: "cfg", values: [4, 7] }]);
    expect(readSweeps([{ param: "cfg", values: "4, 40" }], "sd", "openai").error).toBe("Sweep: cfg 40: the CFG scale is a number from 1 to 30.");
    expect(readSweeps([{ param: "seed", values: "1,2" }], "hosted", "openai").error).toMatch(/^Sweep: openai's image API has no seed parameter/);
  });
  it("an SD cell's request: the plan's parameters with the cell's over them; -1 sends no seed", () => {
    const grid = sweptItems(items, [parseSweep("steps=10,30"), parseSweep("seed=-1,5")]);
    expect(grid.labels).toEqual({ columns: ["Steps 10", "Steps 30"], rows: ["Seed -1", "Seed 5"] });
    const plan: BatchPlan = { name: "g", items: grid.items, style: EMPTY_STYLE, size: { width: 512, height: 512 }, quality: "auto", acceptFirst: false, reasonFirst: false, sd: { width: 512, height: 512, steps: 20, cfgScale: 7, batchSize: 1, seed: 9 } };
    expect(sdItemRequest(plan, 1, undefined)).toEqual({ prompt: "a cat", width: 512, height: 512, steps: 30, cfgScale: 7, batchSize: 1 });
    expect(sdItemRequest(plan, 2, undefined)).toMatchObject({ steps: 10, seed: 5 });
  });
});
