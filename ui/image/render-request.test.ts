import { describe, expect, it } from "vitest";
import type { SelectedNode } from "../../contract/messages.js";
import { layerSize } from "./canvas-actions.js";
import { DEFAULT_FORM } from "./form.js";
import { renderForm, renderSdData, renderSdForm, renderTarget } from "./render-request.js";

const node = (patch: Partial<SelectedNode> = {}): SelectedNode => ({ id: "101:3", name: "Log-In Page", type: "FRAME", width: 375, height: 667, ...patch });
const png = new Uint8Array([137, 80, 78, 71]);

describe("Render this frame", () => {
  it("starts from one selected frame (or component, instance, group, section), never from a shape or several layers", () => {
    expect(renderTarget({ nodes: [node()], unsupported: [] })?.id).toBe("101:3");
    expect(renderTarget({ nodes: [node({ type: "COMPONENT" })], unsupported: [] })).toBeDefined();
    expect(renderTarget({ nodes: [node({ type: "RECTANGLE" })], unsupported: [] })).toBeUndefined();
    expect(renderTarget({ nodes: [node(), node({ id: "2:2" })], unsupported: [] })).toBeUndefined();
    expect(renderTarget({ nodes: [node({ width: 0 })], unsupported: [] })).toBeUndefined();
    expect(renderTarget({ nodes: [], unsupported: [] })).toBeUndefined();
  });

  it("asks a local SD server for one image at the frame's shape on the 8-px grid, the frame's PNG as one ControlNet unit", () => {
    const form = renderSdForm({ ...DEFAULT_FORM, prompt: " photographic ", count: 3, useReference: true, controlType: "scribble", controlStrength: 2.5 }, node());
    const data = renderSdData(form, { sdModel: "", sdSampler: "Euler a" }, png);
    expect(data).toEqual({ prompt: "photographic", width: 432, height: 768, steps: 20, cfgScale: 7, sampler: "Euler a", batchSize: 1, control: { bytes: png, type: "scribble", strength: 2 } });
  });

  it("asks the hosted model for one image of the frame's shape, its picture as the reference, without reasoning", () => {
    expect(renderForm({ ...DEFAULT_FORM, count: 4, reasonFirst: true, sizeKey: "preset-2" })).toMatchObject({ sizeKey: "frame", useReference: true, count: 1, reasonFirst: false });
  });

  it("places the render at the frame's size (a frame past Figma's 4096-px image side scaled to it, its shape kept)", () => {
    expect(layerSize({ width: 864, height: 1536 }, { width: 375, height: 667 })).toEqual({ width: 375, height: 667 });
    expect(layerSize({ width: 864, height: 1536 }, { width: 1440, height: 8192 })).toEqual({ width: 720, height: 4096 });
    expect(layerSize({ width: 864, height: 1536 }, undefined)).toEqual({ width: 864, height: 1536 });
  });
});
