/**
 * Insert on the simulator: where the layer goes, its size, name, fill, record and relaunch buttons, one undo step, and
 * refusals that change nothing.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createFigmaSim,
  installFigmaSim,
  SimNode,
  type FigmaSim,
  type FigmaSimOptions,
} from "../../test/figma-sim/sim.js";
import { CANVAS_FILE, imageRecord, png } from "../../test/helpers/canvas-file.js";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { PluginError } from "../errors.js";
import { readRecord, RECORD_KEY } from "./image-record.js";
import { anchorLayer, insertImage } from "./insert-image.js";
import { DEFAULT_NAME, GAP } from "./placement.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  vi.restoreAllMocks();
});

function sim(options: Partial<FigmaSimOptions> = {}): FigmaSim {
  const s = createFigmaSim({
    file: CANVAS_FILE,
    viewportCenter: { x: 1000, y: 500 },
    relaunchCommands: ["code", "refine-image", "regenerate-image"],
    ...options,
  });
  restore = installFigmaSim(s);
  return s;
}

const sha1 = (bytes: Uint8Array): string => createHash("sha1").update(bytes).digest("hex");
const pageNodes = (s: FigmaSim): string[] => (s.currentPage().children ?? []).map((n) => n.id);

/** The PluginError a call throws (fails the test when it does not throw one). */
function refusal(call: () => unknown): PluginError {
  try {
    call();
  } catch (error) {
    if (error instanceof PluginError) return error;
    throw error;
  }
  throw new Error("expected a PluginError");
}

describe("insertImage: where it goes", () => {
  it(
    "goes right of the selection with a gap, top-aligned, at 1×, " +
      "with an IMAGE fill (FILL), selected and scrolled into view",
    () => {
      const s = sim({ selectIds: ["2:1"] });
      const bytes = png(300, 200);
      const { nodeIds, note } = insertImage({ bytes, width: 300, height: 200, record: imageRecord() }, []);
      const node = s.node(nodeIds[0]!);
      expect(node.parent?.type).toBe("PAGE");
      expect({ x: node.x, y: node.y, width: node.width, height: node.height }).toEqual({
        x: 500 + 320 + GAP,
        y: 100,
        width: 300,
        height: 200,
      });
      expect(node.fills).toEqual([{ type: "IMAGE", imageHash: sha1(bytes), scaleMode: "FILL" }]);
      expect(note).toBeUndefined();
      expect(s.currentPage().selection.map((n) => n.id)).toEqual([node.id]);
      expect(s.record.zooms.at(-1)).toEqual({ nodeIds: [node.id], pageId: "0:1" });
    },
  );

  it("goes right of the top-level frame when a layer inside it is selected, and of the rightmost of several", () => {
    const s = sim({ selectIds: ["2:3"] });
    const first = s.node(
      insertImage({ bytes: png(10, 10), width: 10, height: 10, record: imageRecord() }, []).nodeIds[0]!,
    );
    expect([first.x, first.y]).toEqual([500 + 320 + GAP, 100]);
    s.select(["1:1", "2:2"]);
    const second = s.node(
      insertImage({ bytes: png(10, 10), width: 10, height: 10, record: imageRecord() }, []).nodeIds[0]!,
    );
    expect([second.x, second.y]).toEqual([860, 0]);
  });

  it(
    "goes beside a given layer (a render beside its frame) at the " +
      "size asked, whatever is selected; a layer gone is refused",
    async () => {
      const s = sim({ selectIds: ["3:1"] });
      const frame = await anchorLayer("1:1");
      const node = s.node(
        insertImage(
          { bytes: png(512, 1104), width: 375, height: 812, record: imageRecord(), besideId: "1:1" },
          [],
          frame,
        ).nodeIds[0]!,
      );
      expect({ x: node.x, y: node.y, width: node.width, height: node.height }).toEqual({
        x: 375 + GAP,
        y: 0,
        width: 375,
        height: 812,
      });
      expect(node.parent?.type).toBe("PAGE");
      const before = pageNodes(s);
      await expect(anchorLayer("9:9")).rejects.toThrow(
        "The frame this image renders is no longer in the file. Nothing was changed",
      );
      expect(pageNodes(s)).toEqual(before);
    },
  );

  it("goes to the viewport's centre when nothing is selected", () => {
    const s = sim();
    const node = s.node(
      insertImage({ bytes: png(300, 200), width: 300, height: 200, record: imageRecord() }, []).nodeIds[0]!,
    );
    expect({ x: node.x, y: node.y }).toEqual({ x: 1000 - 150, y: 500 - 100 });
    expect(node.parent?.type).toBe("PAGE");
  });

  it(
    "goes into the selected frame, scaled down to its width, " +
      "with a note; a narrower image keeps its size, centred",
    () => {
      const s = sim({ selectIds: ["1:1"] });
      const wide = insertImage(
        { bytes: png(1536, 1024), width: 1536, height: 1024, record: imageRecord(), placement: "into" },
        [],
      );
      const node = s.node(wide.nodeIds[0]!);
      expect(node.parent?.id).toBe("1:1");
      expect({ x: node.x, y: node.y, width: node.width, height: node.height }).toEqual({
        x: 0,
        y: 0,
        width: 375,
        height: 250,
      });
      expect(wide.note).toBe("Scaled to 375 × 250 px to fit the width of “Mobile”.");
      expect(node.absoluteBoundingBox).toEqual({ x: 0, y: 0, width: 375, height: 250 });
      s.select(["1:1"]);
      const small = s.node(
        insertImage({ bytes: png(300, 200), width: 300, height: 200, record: imageRecord(), placement: "into" }, [])
          .nodeIds[0]!,
      );
      expect({ x: small.x, width: small.width, height: small.height }).toEqual({ x: 38, width: 300, height: 200 });
    },
  );

  it.each([
    [[], "select one frame (nothing is selected)"],
    [["1:1", "2:1"], "select one frame (2 layers are selected)"],
    [["2:2"], "select one frame (“Photo” is a rectangle)"],
  ])("refuses to go into %j, changing nothing", (ids, message) => {
    const s = sim({ selectIds: ids });
    const before = pageNodes(s);
    const error = refusal(() =>
      insertImage({ bytes: png(10, 10), width: 10, height: 10, record: imageRecord(), placement: "into" }, []),
    );
    expect(error.code).toBe("unsupported-node");
    expect(error.message).toContain(message);
    expect(pageNodes(s)).toEqual(before);
    expect(s.record.images).toEqual([]);
    expect(s.record.undo.pending).toEqual([]);
  });
});

describe("insertImage: name, record and relaunch buttons", () => {
  it(
    "names the layer from the prompt: one line, trimmed, cut " +
      "at a word; a given name wins; an empty one falls back",
    () => {
      sim();
      const name = (prompt: string, given?: string): string => {
        insertImage(
          {
            bytes: png(8, 8),
            width: 8,
            height: 8,
            record: imageRecord({ prompt }),
            ...(given !== undefined ? { name: given } : {}),
          },
          [],
        );
        return figma.currentPage.selection[0]!.name;
      };
      expect(name("  A warm\n hero   shot ")).toBe("A warm hero shot");
      expect(
        name("A very long prompt about a reading lamp on an oak desk with warm evening light and soft shadows"),
      ).toBe("A very long prompt about a reading lamp on an oak desk with…");
      expect(name("A very long prompt about a reading lamp on an oak desk, warm evening light and soft shadows")).toBe(
        "A very long prompt about a reading lamp on an oak desk…",
      );
      expect(name("Averyveryveryveryveryveryveryveryveryveryveryveryveryverylongword and more")).toBe(
        "Averyveryveryveryveryveryveryveryveryveryveryveryveryverylo…",
      );
      expect(name("prompt", "  Hero image ")).toBe("Hero image");
      expect(name("   ")).toBe(DEFAULT_NAME);
    },
  );

  it("keeps the record in pluginData (read back equal, no key) and adds Refine / Regenerate buttons", () => {
    const s = sim();
    const record = imageRecord({
      api: "responses",
      responseId: "resp_123",
      revisedPrompt: "A reading lamp",
      refinedFrom: "v-0",
    });
    const node = s.node(
      insertImage({ bytes: png(8, 8), width: 8, height: 8, record }, ["sk-test-Zq8sSECRETkey0123456789"]).nodeIds[0]!,
    );
    expect(readRecord(node as unknown as SceneNode)).toEqual(record);
    const stored = s.record.pluginData.filter((p) => p.nodeId === node.id);
    expect(stored.map((p) => p.key)).toEqual([RECORD_KEY]);
    expect(JSON.parse(stored[0]!.value)).toEqual(record);
    expect(stored[0]!.value).not.toMatch(/sk-/);
    expect(Object.keys(node.getRelaunchData())).toEqual(["refine-image", "regenerate-image"]);
    expect(node.getRelaunchData()["refine-image"]).toBe(
      "“A warm hero shot of a reading lamp on an oak desk” — gpt-image-2, 1536 × 1024",
    );
  });

  it("refuses a record holding a stored key or anything shaped like one, before the canvas changes", () => {
    const s = sim();
    const key = "sk-proj-abcdefghijklmnopqrstuvwxyz";
    const stored = refusal(() =>
      insertImage({ bytes: png(8, 8), width: 8, height: 8, record: imageRecord({ prompt: `use ${key}` }) }, [key]),
    );
    expect(stored.message).toMatch(/looks like an API key in “prompt”/);
    expect(stored.message).not.toContain(key);
    const shaped = refusal(() =>
      insertImage(
        {
          bytes: png(8, 8),
          width: 8,
          height: 8,
          record: imageRecord({ revisedPrompt: "sk-or-v1-0123456789abcdef0123" }),
        },
        [],
      ),
    );
    expect(shaped.message).toMatch(/“revisedPrompt”/);
    expect(s.record.images).toEqual([]);
    expect(s.record.pluginData).toEqual([]);
    expect(pageNodes(s)).toEqual(["1:1", "2:1", "3:1"]);
  });
});

describe("insertImage: bytes, undo and failures", () => {
  it("refuses WebP, text and images over 4096 px with what to do, changing nothing", () => {
    const s = sim();
    const webp = new Uint8Array(readFileSync(`${REPO_ROOT}/test/fixtures/images/gradient-120x80.webp`));
    const cases: [Uint8Array, string, RegExp][] = [
      [webp, "bad-image", /is a WebP image: Figma places only PNG, JPEG or GIF images\. Convert it to PNG first/],
      [new TextEncoder().encode("<html>"), "bad-image", /6 bytes that are no image/],
      [png(4100, 16), "too-large", /4,100 × 16 px; Figma takes images up to 4,096 px per side\. Downscale it first/],
    ];
    for (const [bytes, code, message] of cases) {
      const error = refusal(() => insertImage({ bytes, width: 100, height: 100, record: imageRecord() }, []));
      expect([error.code, error.message]).toEqual([code, expect.stringMatching(message)]);
    }
    expect(s.record.images).toEqual([]);
    expect(pageNodes(s)).toEqual(["1:1", "2:1", "3:1"]);
  });

  it("places JPEG and GIF bytes too", () => {
    const s = sim();
    const jpeg = new Uint8Array(readFileSync(`${REPO_ROOT}/test/fixtures/images/gradient-300x200.jpg`));
    insertImage({ bytes: jpeg, width: 300, height: 200, record: imageRecord({ format: "jpeg" }) }, []);
    const gif = new Uint8Array([...new TextEncoder().encode("GIF89a"), 2, 0, 1, 0, 0, 0, 0, 0x3b]);
    insertImage({ bytes: gif, width: 2, height: 1, record: imageRecord() }, []);
    expect(s.record.images.map((i) => [i.format, i.width, i.height])).toEqual([
      ["jpeg", 300, 200],
      ["gif", 2, 1],
    ]);
  });

  it("is one undo step: committed before (keeping earlier changes out) and after", () => {
    const s = sim({ selectIds: ["2:1"] });
    s.node("2:1").setRelaunchData({ code: "Generate code" });
    const steps = s.record.undo.steps.length;
    const { nodeIds } = insertImage({ bytes: png(30, 20), width: 30, height: 20, record: imageRecord() }, []);
    const id = nodeIds[0]!;
    expect(s.record.undo.steps.length).toBe(steps + 2);
    expect(s.record.undo.steps.at(-2)).toEqual(["relaunch 2:1"]);
    expect(s.record.undo.steps.at(-1)).toEqual([
      `create ${id}`,
      `append ${id} to 0:1`,
      `resize ${id}`,
      `move ${id}`,
      `move ${id}`,
      `name ${id}`,
      `fills ${id}`,
      `pluginData ${id} ${RECORD_KEY}`,
      `relaunch ${id}`,
    ]);
    expect(s.record.undo.pending).toEqual([]);
  });

  it("leaves no half-made layer when a step fails after the rectangle was created", () => {
    const s = sim({ selectIds: ["2:1"] });
    vi.spyOn(SimNode.prototype, "setRelaunchData").mockImplementation(() => {
      throw new Error("relaunch refused");
    });
    expect(() => insertImage({ bytes: png(30, 20), width: 30, height: 20, record: imageRecord() }, [])).toThrow(
      "relaunch refused",
    );
    expect(pageNodes(s)).toEqual(["1:1", "2:1", "3:1"]);
    expect(s.nodes().filter((n) => n.type === "RECTANGLE" && n.id.startsWith("sim:"))).toEqual([]);
    expect(s.currentPage().selection.map((n) => n.id)).toEqual(["2:1"]);
    // Nothing committed: the created-then-removed rectangle is no undo step of its own.
    expect(s.record.undo.pending.at(-1)).toMatch(/^remove sim:/);
  });

  it("is refused in Dev Mode, which is read-only", () => {
    sim({ editorType: "dev", mode: "inspect" });
    const error = refusal(() => insertImage({ bytes: png(8, 8), width: 8, height: 8, record: imageRecord() }, []));
    expect(error.code).toBe("read-only");
    expect(error.message).toMatch(/Dev Mode is read-only/);
  });
});
