/**
 * Fill selection and Replace on the simulator: fills and sizes, the refusal list, Figment-made layers only, one undo
 * step, no half-done change.
 */
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createFigmaSim,
  installFigmaSim,
  SimNode,
  type FigmaSim,
  type FigmaSimOptions,
} from "../../test/figma-sim/sim.js";
import { CANVAS_FILE, imageRecord, png } from "../../test/helpers/canvas-file.js";
import { PluginError } from "../errors.js";
import { fillRefusal, fillSelection } from "./fill-selection.js";
import { readRecord, RECORD_KEY } from "./image-record.js";
import { insertImage } from "./insert-image.js";
import { repaintImage, replaceImage } from "./replace-image.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  vi.restoreAllMocks();
});

function sim(options: Partial<FigmaSimOptions> = {}): FigmaSim {
  const s = createFigmaSim({
    file: CANVAS_FILE,
    relaunchCommands: ["code", "refine-image", "regenerate-image"],
    ...options,
  });
  restore = installFigmaSim(s);
  return s;
}

const sha1 = (bytes: Uint8Array): string => createHash("sha1").update(bytes).digest("hex");
const RED = { type: "SOLID", color: { r: 0.9, g: 0.2, b: 0.2 }, opacity: 1 };
const sizes = (s: FigmaSim, ids: string[]): number[][] => ids.map((id) => [s.node(id).width, s.node(id).height]);

async function refusal(call: () => unknown): Promise<PluginError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof PluginError) return error;
    throw error;
  }
  throw new Error("expected a PluginError");
}

describe("fillSelection", () => {
  it(
    "puts the image into every selected layer's fills (FILL), " +
      "keeping their size, with the record, as one undo step",
    () => {
      const ids = ["2:1", "2:2", "2:3", "2:4"];
      const s = sim({ selectIds: ids });
      const before = sizes(s, ids);
      const bytes = png(64, 48);
      const steps = s.record.undo.steps.length;
      expect(fillSelection({ bytes, scaleMode: "FILL", record: imageRecord() }, [])).toEqual({ nodeIds: ids });
      for (const id of ids) {
        expect(s.node(id).fills).toEqual([{ type: "IMAGE", imageHash: sha1(bytes), scaleMode: "FILL" }]);
        expect(readRecord(s.node(id) as unknown as SceneNode)?.versionId).toBe("v-1");
        expect(Object.keys(s.node(id).getRelaunchData())).toEqual(["refine-image", "regenerate-image"]);
      }
      expect(sizes(s, ids)).toEqual(before);
      expect(s.record.undo.steps.length).toBe(steps + 1);
      expect(s.record.undo.pending).toEqual([]);
      // One image for all of them.
      expect(s.record.images).toHaveLength(1);
    },
  );

  it("uses FIT when asked", () => {
    const s = sim({ selectIds: ["2:2"] });
    fillSelection({ bytes: png(10, 10), scaleMode: "FIT", record: imageRecord() }, []);
    expect(s.node("2:2").fills).toMatchObject([{ type: "IMAGE", scaleMode: "FIT" }]);
  });

  it("changes nothing and names each layer that cannot take an image, with why", async () => {
    const s = sim({ selectIds: ["2:2", "2:5", "2:7", "3:1"] });
    const error = await refusal(() =>
      fillSelection({ bytes: png(10, 10), scaleMode: "FILL", record: imageRecord() }, []),
    );
    expect(error.code).toBe("unsupported-node");
    expect(error.message).toBe(
      "3 of the selected layers cannot take the image: “Badges” (a group has no " +
        "fill of its own; select the layers in it), “Divider” (a line has no area " +
        "to fill), “Ideas” (a section takes only colour fills). Nothing was changed.",
    );
    expect(s.node("2:2").fills).toEqual([RED]);
    expect(s.record.images).toEqual([]);
    expect(s.record.undo.pending).toEqual([]);
  });

  it("asks for a selection when there is none", async () => {
    sim();
    const error = await refusal(() =>
      fillSelection({ bytes: png(10, 10), scaleMode: "FILL", record: imageRecord() }, []),
    );
    expect([error.code, error.message]).toEqual(["empty-selection", "Select the layers to fill with the image first."]);
  });

  it("puts every fill and record back when a layer fails midway", () => {
    const s = sim({ selectIds: ["2:2", "2:3"] });
    const real = SimNode.prototype.setPluginData;
    let writes = 0;
    // The second layer's record fails to save, after the first layer got its image and record.
    vi.spyOn(SimNode.prototype, "setPluginData").mockImplementation(function (
      this: SimNode,
      key: string,
      value: string,
    ) {
      if (value !== "" && ++writes === 2) throw new Error("disk on fire");
      real.call(this, key, value);
    });
    expect(() => fillSelection({ bytes: png(10, 10), scaleMode: "FILL", record: imageRecord() }, [])).toThrow(
      "disk on fire",
    );
    expect(s.node("2:2").fills).toEqual([RED]);
    expect(s.node("2:3").fills).toEqual([RED]);
    expect(s.node("2:2").getPluginDataKeys()).toEqual([]);
    expect(s.node("2:2").getRelaunchData()).toEqual({});
  });

  it("tells which layer types take an image fill", () => {
    const s = sim();
    const kinds = ["1:1", "2:2", "2:3", "2:4", "2:5", "2:7", "3:1"].map((id) => [
      s.node(id).type,
      fillRefusal(s.node(id) as unknown as SceneNode) === undefined,
    ]);
    expect(kinds).toEqual([
      ["FRAME", true],
      ["RECTANGLE", true],
      ["ELLIPSE", true],
      ["TEXT", true],
      ["GROUP", false],
      ["LINE", false],
      ["SECTION", false],
    ]);
  });
});

describe("replaceImage", () => {
  it(
    "swaps the image of a Figment-made layer, keeping its size, " +
      "place and scale mode, with the new record, as one undo step",
    async () => {
      const s = sim({ selectIds: ["2:1"] });
      const id = insertImage({ bytes: png(300, 200, 1), width: 300, height: 200, record: imageRecord() }, [])
        .nodeIds[0]!;
      const node = s.node(id);
      node.fills = [{ type: "IMAGE", imageHash: sha1(png(300, 200, 1)), scaleMode: "CROP", opacity: 0.5 }, RED];
      const place = [node.x, node.y, node.width, node.height];
      const steps = s.record.undo.steps.length;
      const next = png(300, 200, 2);
      const record = imageRecord({ versionId: "v-2", refinedFrom: "v-1", prompt: "warmer" });
      expect(await replaceImage({ nodeId: id, bytes: next, record }, [])).toEqual({ nodeIds: [id] });
      expect(node.fills).toEqual([{ type: "IMAGE", imageHash: sha1(next), scaleMode: "CROP", opacity: 0.5 }, RED]);
      expect([node.x, node.y, node.width, node.height]).toEqual(place);
      expect(readRecord(node as unknown as SceneNode)).toEqual(record);
      expect(s.record.undo.steps.length).toBe(steps + 2);
      expect(s.record.undo.steps.at(-1)).toEqual([`fills ${id}`, `pluginData ${id} ${RECORD_KEY}`, `relaunch ${id}`]);
    },
  );

  it("adds the image on top when the layer's image fill was removed, and says so", async () => {
    const s = sim();
    const id = insertImage({ bytes: png(30, 20), width: 30, height: 20, record: imageRecord() }, []).nodeIds[0]!;
    s.node(id).fills = [RED];
    const placed = await replaceImage(
      { nodeId: id, bytes: png(30, 20, 5), record: imageRecord({ versionId: "v-2" }) },
      [],
    );
    expect(placed.note).toBe(
      "“A warm hero shot of a reading lamp on an oak desk” had no " +
        "image fill any more; the image was added on top of its fills.",
    );
    expect(s.node(id).fills).toEqual([RED, { type: "IMAGE", imageHash: sha1(png(30, 20, 5)), scaleMode: "FILL" }]);
  });

  it("refuses a layer Figment did not make, and one that is gone, changing nothing", async () => {
    const s = sim();
    const mine = await refusal(() => replaceImage({ nodeId: "2:2", bytes: png(10, 10), record: imageRecord() }, []));
    expect(mine.code).toBe("not-generated");
    expect(mine.message).toBe(
      "“Photo” was not made by Figment, so Replace would overwrite an image of its " +
        "own. Use Fill selection to put the image there on purpose. Nothing was changed.",
    );
    expect(s.node("2:2").fills).toEqual([RED]);
    // A damaged record counts as none.
    s.node("2:3").setPluginData(RECORD_KEY, '{"versionId":"v-1"}');
    expect(
      (await refusal(() => replaceImage({ nodeId: "2:3", bytes: png(10, 10), record: imageRecord() }, []))).code,
    ).toBe("not-generated");
    expect(
      (await refusal(() => replaceImage({ nodeId: "9:9", bytes: png(10, 10), record: imageRecord() }, []))).code,
    ).toBe("not-found");
    expect(
      (await refusal(() => replaceImage({ nodeId: "2:5", bytes: png(10, 10), record: imageRecord() }, []))).code,
    ).toBe("not-generated");
    expect(s.record.images).toEqual([]);
  });

  it("puts fills and record back when writing fails midway", async () => {
    const s = sim();
    const id = insertImage({ bytes: png(30, 20), width: 30, height: 20, record: imageRecord() }, []).nodeIds[0]!;
    const fills = s.node(id).fills;
    vi.spyOn(SimNode.prototype, "setRelaunchData").mockImplementationOnce(() => {
      throw new Error("relaunch refused");
    });
    await expect(
      replaceImage({ nodeId: id, bytes: png(30, 20, 9), record: imageRecord({ versionId: "v-9" }) }, []),
    ).rejects.toThrow("relaunch refused");
    expect(s.node(id).fills).toEqual(fills);
    expect(readRecord(s.node(id) as unknown as SceneNode)?.versionId).toBe("v-1");
  });
});

describe("repaintImage", () => {
  it(
    "repaints a designer's own image layer: only its top visible image " +
      "paint, crop and opacity kept, with the record, as one undo step",
    async () => {
      const s = sim();
      const node = s.node("2:2");
      for (const n of [1, 2, 3]) figma.createImage(png(40, 30, n));
      const crop = {
        type: "IMAGE",
        imageHash: sha1(png(40, 30, 1)),
        scaleMode: "CROP",
        imageTransform: [
          [0.5, 0, 0.25],
          [0, 1, 0],
        ],
        opacity: 0.8,
      };
      const under = { type: "IMAGE", imageHash: sha1(png(40, 30, 2)), scaleMode: "FILL" };
      const hidden = { type: "IMAGE", imageHash: sha1(png(40, 30, 3)), scaleMode: "FILL", visible: false };
      node.fills = [under, crop, RED, hidden];
      const steps = s.record.undo.steps.length;
      const next = png(40, 30, 4);
      const record = imageRecord({ versionId: "v-2", refinedFrom: "v-1", prompt: "a red kite" });
      expect(await repaintImage({ nodeId: "2:2", bytes: next, record }, [])).toEqual({ nodeIds: ["2:2"] });
      expect(node.fills).toEqual([under, { ...crop, imageHash: sha1(next) }, RED, hidden]);
      expect(readRecord(node as unknown as SceneNode)).toEqual(record);
      expect(s.record.undo.steps.length).toBe(steps + 2);
    },
  );

  it("refuses a layer that is gone or has no visible image, changing nothing", async () => {
    const s = sim();
    expect(
      (await refusal(() => repaintImage({ nodeId: "9:9", bytes: png(10, 10), record: imageRecord() }, []))).code,
    ).toBe("not-found");
    const gone = await refusal(() => repaintImage({ nodeId: "2:2", bytes: png(10, 10), record: imageRecord() }, []));
    expect([gone.code, gone.message]).toEqual([
      "unsupported-node",
      "“Photo” has no visible image fill any more, so there is nothing to repaint. Nothing was changed.",
    ]);
    expect(s.node("2:2").fills).toEqual([RED]);
    expect(s.record.images).toEqual([]);
  });
});
