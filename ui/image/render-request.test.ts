import { describe, expect, it } from "vitest";
import type { SelectedNode } from "../../contract/messages.js";
import { layerSize } from "./canvas-actions.js";
import { DEFAULT_FORM } from "./form.js";
import {
  prepareRerenderSd,
  renderForm,
  renderSdData,
  renderSdForm,
  renderTarget,
  type RenderControl,
} from "./render-request.js";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { PluginError, type MainRequests } from "../channel/requests.js";
import type { PrepareIo } from "../model/model-job.js";
import type { SdRequestDeps } from "./sd-request.js";

const node = (patch: Partial<SelectedNode> = {}): SelectedNode => ({
  id: "101:3",
  name: "Log-In Page",
  type: "FRAME",
  width: 375,
  height: 667,
  ...patch,
});
const png = new Uint8Array([137, 80, 78, 71]);

describe("Render this frame", () => {
  it(
    "starts from one selected frame (or component, instance, " +
      "group, section), never from a shape or several layers",
    () => {
      expect(renderTarget({ nodes: [node()], unsupported: [] })?.id).toBe("101:3");
      expect(renderTarget({ nodes: [node({ type: "COMPONENT" })], unsupported: [] })).toBeDefined();
      expect(renderTarget({ nodes: [node({ type: "RECTANGLE" })], unsupported: [] })).toBeUndefined();
      expect(renderTarget({ nodes: [node(), node({ id: "2:2" })], unsupported: [] })).toBeUndefined();
      expect(renderTarget({ nodes: [node({ width: 0 })], unsupported: [] })).toBeUndefined();
      expect(renderTarget({ nodes: [], unsupported: [] })).toBeUndefined();
    },
  );

  it(
    "asks a local SD server for one image at the frame's shape " +
      "on the 8-px grid, the frame's PNG as one ControlNet unit",
    () => {
      const form = renderSdForm(
        {
          ...DEFAULT_FORM,
          prompt: " photographic ",
          count: 3,
          useReference: true,
          controlType: "scribble",
          controlStrength: 2.5,
        },
        node(),
      );
      const data = renderSdData(form, { sdModel: "", sdSampler: "Euler a" }, png);
      expect(data).toEqual({
        prompt: "photographic",
        width: 432,
        height: 768,
        steps: 20,
        cfgScale: 7,
        sampler: "Euler a",
        batchSize: 1,
        control: { bytes: png, type: "scribble", strength: 2 },
      });
    },
  );

  it(
    "asks the hosted model for one image of the frame's " + "shape, its picture as the reference, without reasoning",
    () => {
      expect(renderForm({ ...DEFAULT_FORM, count: 4, reasonFirst: true, sizeKey: "preset-2" })).toMatchObject({
        sizeKey: "frame",
        useReference: true,
        count: 1,
        reasonFirst: false,
      });
    },
  );

  it(
    "places the render at the frame's size (a frame past " + "Figma's 4096-px image side scaled to it, its shape kept)",
    () => {
      expect(layerSize({ width: 864, height: 1536 }, { width: 375, height: 667 })).toEqual({ width: 375, height: 667 });
      expect(layerSize({ width: 864, height: 1536 }, { width: 1440, height: 8192 })).toEqual({
        width: 720,
        height: 4096,
      });
      expect(layerSize({ width: 864, height: 1536 }, undefined)).toEqual({ width: 864, height: 1536 });
    },
  );

  describe("Same seed on a render", () => {
    const control: RenderControl = {
      type: "canny",
      strength: 0.8,
      frame: { id: "101:3", name: "Log-In Page", width: 375, height: 667 },
    };
    const io = {
      exporting: () => undefined,
      preparing: () => undefined,
      signal: new AbortController().signal,
    } as unknown as PrepareIo;
    const deps = (answer: (payload: Record<string, unknown>) => unknown, asked: unknown[]): SdRequestDeps =>
      ({
        requests: {
          call: (async (type: string, payload: Record<string, unknown>) => {
            asked.push([type, payload]);
            return answer(payload);
          }) as MainRequests["call"],
        },
        live: () => ({
          settings: { ...DEFAULT_SETTINGS, imageSource: "sd", sdSampler: "Euler a" },
          selection: { nodes: [], unsupported: [] },
        }),
      }) as unknown as SdRequestDeps;
    const form = {
      ...DEFAULT_FORM,
      prompt: "photographic",
      sdWidth: "432",
      sdHeight: "768",
      seed: "42",
      controlType: "canny" as const,
      controlStrength: 0.8,
    };

    it(
      "exports the frame again by its id (selected or not) as the " +
        "control image, with the recorded unit and size, placed beside it",
      async () => {
        const asked: unknown[] = [];
        const { request } = await prepareRerenderSd(
          deps(() => ({ png, width: 750, height: 1334 }), asked),
          form,
          control,
          io,
        );
        expect(asked).toEqual([["export-frame-image", { nodeId: "101:3", maxSide: 1334 }]]);
        expect(request.sd).toEqual({
          prompt: "photographic",
          width: 432,
          height: 768,
          steps: 20,
          cfgScale: 7,
          sampler: "Euler a",
          seed: 42,
          batchSize: 1,
          control: { bytes: png, type: "canny", strength: 0.8 },
        });
        expect(request.render).toEqual({ id: "101:3", name: "Log-In Page", type: "FRAME", width: 375, height: 667 });
      },
    );

    it("a frame that is gone is said, with what to do instead", async () => {
      const gone = deps(() => {
        throw new PluginError("not-found", "That frame is no longer in the file.");
      }, []);
      const failure = prepareRerenderSd(gone, form, control, io);
      await expect(failure).rejects.toMatchObject({ name: "FigmentError", kind: "input" });
      await expect(failure).rejects.toThrow(
        "“Log-In Page” is no longer in the file, so Same seed cannot render it again: its picture was the " +
          "control image, and only its id is kept with the render. Select a frame and press Render this frame.",
      );
    });
  });
});
