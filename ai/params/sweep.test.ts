import { describe, expect, it } from "vitest";
import { checkSweeps, parseSweep, sweepGrid, sweepRefusal, sweepStemPart, workflowSweepRefusal } from "./sweep.js";

describe("a sweep", () => {
  it("reads PARAMETER=VALUES with A1111's spellings", () => {
    expect(parseSweep("cfg=4,7,10")).toEqual({ param: "cfg", values: [4, 7, 10] });
    expect(parseSweep("CFG_Scale= 4.5 , 7")).toEqual({ param: "cfg", values: [4.5, 7] });
    expect(parseSweep("seed=-1,0,42")).toEqual({ param: "seed", values: [-1, 0, 42] });
    expect(parseSweep("sampler=Euler a,DPM++ 2M")).toEqual({ param: "sampler", values: ["Euler a", "DPM++ 2M"] });
    expect(parseSweep("quality=Low,high").values).toEqual(["low", "high"]);
  });
  it("checks each value against its parameter's range, naming it", () => {
    expect(() => parseSweep("cfg=0.5,7")).toThrow("cfg 0.5: the CFG scale is a number from 1 to 30");
    expect(() => parseSweep("cfg=31")).toThrow(expect.objectContaining({ kind: "input" }));
    expect(() => parseSweep("steps=20,151")).toThrow("steps 151: steps are a whole number from 1 to 150");
    expect(() => parseSweep("steps=2.5")).toThrow(/whole number/);
    expect(() => parseSweep("strength=0.3,1.2")).toThrow(
      "strength 1.2: the denoising strength is a number from 0 to 1",
    );
    expect(() => parseSweep("seed=1.5")).toThrow(/seed 1.5/);
    expect(() => parseSweep("seed=-2")).toThrow(/at least 0 \(or -1/);
    expect(() => parseSweep("seed=1,,2")).toThrow(/seed "":/);
    expect(() => parseSweep("seed=1,2,1")).toThrow("seed: 1 is given twice");
    expect(() => parseSweep("eta=1,2")).toThrow(/"eta" is not a parameter a grid sweeps/);
    expect(() => parseSweep("cfg")).toThrow(/PARAMETER=VALUE/);
    expect(() => parseSweep("cfg=")).toThrow(/give the values/);
    expect(() => parseSweep(`seed=${Array.from({ length: 17 }, (_, i) => i).join(",")}`)).toThrow(/at most 16 values/);
  });
  it("takes at most two different parameters", () => {
    expect(() => checkSweeps([parseSweep("cfg=4"), parseSweep("cfg_scale=5")])).toThrow(/cfg is swept twice/);
    expect(() => checkSweeps([parseSweep("cfg=4"), parseSweep("seed=1"), parseSweep("steps=2")])).toThrow(
      /at most two/,
    );
  });
  it("a hosted API is refused what it has no parameter for, an SD server quality", () => {
    expect(sweepRefusal("cfg", "hosted", "openai")).toBe(
      "openai's image API has no CFG scale parameter: sweep cfg with " +
        "a local server (sdnext, a1111 or comfyui), or sweep quality",
    );
    expect(sweepRefusal("seed", "hosted", "openrouter")).toMatch(/has no seed parameter/);
    expect(sweepRefusal("quality", "hosted", "openai")).toBeUndefined();
    expect(sweepRefusal("seed", "sd", "sdnext")).toBeUndefined();
    expect(sweepRefusal("quality", "sd", "sdnext")).toMatch(/no quality setting/);
  });
  it("a user's own ComfyUI workflow is swept by seed only: its placeholders are all a cell changes", () => {
    expect(workflowSweepRefusal("seed")).toBeUndefined();
    for (const param of ["cfg", "steps", "sampler", "strength"] as const)
      expect(workflowSweepRefusal(param)).toMatch(new RegExp(`^${param}: a workflow file is sent with its own`));
  });
  it("names file parts without path characters", () => {
    expect(sweepStemPart("cfg", 7)).toBe("cfg-7");
    expect(sweepStemPart("strength", 0.35)).toBe("strength-0.35");
    expect(sweepStemPart("sampler", "DPM++ 2M / ../x")).toBe("sampler-dpm-2m-x");
  });
});

describe("a grid", () => {
  it("3 × 2: the first sweep across, the second down, row-major, with headers and stems", () => {
    const grid = sweepGrid([{ row: 1, stem: "1" }], [parseSweep("cfg=4,7,10"), parseSweep("seed=1,2")]);
    expect(grid.columns).toBe(3);
    expect(grid.columnLabels).toEqual(["CFG 4", "CFG 7", "CFG 10"]);
    expect(grid.rowLabels).toEqual(["Seed 1", "Seed 2"]);
    expect(grid.cells.map((c) => c.stem)).toEqual([
      "cfg-4_seed-1",
      "cfg-7_seed-1",
      "cfg-10_seed-1",
      "cfg-4_seed-2",
      "cfg-7_seed-2",
      "cfg-10_seed-2",
    ]);
    expect(grid.cells[4]).toMatchObject({ index: 4, row: 1, column: 1, line: 1, settings: { cfgScale: 7, seed: 2 } });
  });
  it("one sweep over several batch rows: a band per row, row headers and the row's stem first", () => {
    const grid = sweepGrid(
      [
        { row: 1, stem: "1-cat" },
        { row: 2, stem: "2-dog" },
      ],
      [parseSweep("steps=10,30")],
    );
    expect(grid.rowLabels).toEqual(["Row 1", "Row 2"]);
    expect(grid.cells.map((c) => c.stem)).toEqual([
      "1-cat_steps-10",
      "1-cat_steps-30",
      "2-dog_steps-10",
      "2-dog_steps-30",
    ]);
    const two = sweepGrid(
      [
        { row: 1, stem: "1-cat" },
        { row: 2, stem: "2-dog" },
      ],
      [parseSweep("steps=10"), parseSweep("seed=5,6")],
    );
    expect(two.rowLabels).toEqual(["Row 1 · Seed 5", "Row 1 · Seed 6", "Row 2 · Seed 5", "Row 2 · Seed 6"]);
  });
  it("one sweep of one row needs no row headers; too many cells are refused", () => {
    expect(sweepGrid([{ row: 1, stem: "1" }], [parseSweep("cfg=4,7")]).rowLabels).toEqual([""]);
    const rows = Array.from({ length: 7 }, (_, i) => ({ row: i + 1, stem: String(i + 1) }));
    expect(() => sweepGrid(rows, [parseSweep("cfg=1,2,3,4"), parseSweep("seed=1,2,3,4")])).toThrow(
      /112 images .* at most 100/,
    );
  });
});
