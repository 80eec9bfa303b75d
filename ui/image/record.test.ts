/**
 * A version as the main thread keeps it and back: the record a layer carries (checked against the contract's
 * field, never a key), the stored version with its preview, a version restored from the store or from a
 * relaunched layer; what the strip says is kept; why a canvas action is off.
 */
import { describe, expect, it } from "vitest";
import { imageRecordField, imageVersionField } from "../../contract/image.js";
import { encodePng } from "../../test/openai-server/png.js";
import { canvasBlockers, frameTarget, replaceTarget } from "./canvas-actions.js";
import { keptText } from "./kept.js";
import { fromNode, fromStored, recordOf, storedOf } from "./record.js";
import { versionsFrom, type ImageVersion } from "./versions.js";

const png = new Uint8Array(encodePng(32, 16));
const run = {
  prompt: "A reading lamp on an oak desk",
  quality: "high" as const,
  size: "1536x1024",
  provider: "openai" as const,
  references: 1,
  startedAt: 0,
  finishedAt: Date.UTC(2026, 4, 1, 12),
};
const [first] = versionsFrom(
  {
    images: [{ bytes: png, format: "png", width: 1536, height: 1024, revisedPrompt: "A brass reading lamp" }],
    api: "responses",
    model: "gpt-5.4-image-2",
    imageModel: "gpt-image-2",
    conversation: { previousResponseId: "resp_1" },
    reasoning: "",
    message: "",
  },
  run,
  [],
);
const version = first!;

describe("records and stored versions", () => {
  it("the record says how the image was made and passes the contract's check", () => {
    const record = recordOf({ ...version, parentId: "v0-0" });
    expect(imageRecordField.check(record, "record")).toEqual(record);
    expect(record).toMatchObject({
      versionId: version.id,
      createdAt: "2026-05-01T12:00:00.000Z",
      prompt: run.prompt,
      revisedPrompt: "A brass reading lamp",
      model: "gpt-5.4-image-2",
      provider: "openai",
      api: "responses",
      size: "1536x1024",
      quality: "high",
      count: 1,
      index: 0,
      responseId: "resp_1",
      refinedFrom: "v0-0",
      references: 1,
    });
  });

  it("a long prompt is cut to what a layer's record holds", () => {
    expect(recordOf({ ...version, prompt: "x".repeat(9000) }).prompt).toHaveLength(4000);
  });

  it("a stored version passes the contract's check and comes back as the same version, without the full image", () => {
    const stored = storedOf(version, { bytes: png, width: 32, height: 16 });
    expect(imageVersionField.check(stored, "version")).toEqual(stored);
    const back = fromStored(stored, 9);
    expect(back).toMatchObject({
      id: version.id,
      n: version.n,
      prompt: run.prompt,
      width: 1536,
      height: 1024,
      api: "responses",
      model: "gpt-5.4-image-2",
      imageModel: "gpt-image-2",
      conversation: { previousResponseId: "resp_1" },
      preview: png,
    });
    expect(back.bytes).toBeUndefined();
  });

  it("a relaunched layer's version: the size asked for, or the layer's when it was auto; numbered from its id", () => {
    const node = { nodeId: "5:1", record: recordOf(version), action: "refine" as const };
    expect(fromNode(node, { width: 300, height: 200 }, 4)).toMatchObject({ n: 1, width: 1536, height: 1024 });
    expect(
      fromNode(
        { ...node, record: { ...node.record, size: "auto", versionId: "imported" } },
        { width: 300.4, height: 200 },
        4,
      ),
    ).toMatchObject({ n: 5, width: 300, height: 200 });
  });
});

describe("what is kept, and why an action is off", () => {
  const usage = { bytes: 15_400, budget: 2_000_000, fileBytes: 15_400 };
  it("says what survives closing, what the store refused, and what could not be read back", () => {
    expect(keptText({ loaded: false, usage: undefined, unsaved: 0, full: false, lost: 0, failed: undefined })).toBe(
      "Versions last while the plugin is open.",
    );
    expect(keptText({ loaded: true, usage, unsaved: 0, full: false, lost: 0, failed: undefined })).toContain(
      "(15 kB of 2 MB)",
    );
    expect(keptText({ loaded: true, usage, unsaved: 2, full: true, lost: 1, failed: undefined })).toContain(
      "2 not kept: the store is full — delete versions you no longer " +
        "need. 1 earlier version could not be read back and was removed.",
    );
    expect(
      keptText({ loaded: false, usage: undefined, unsaved: 0, full: false, lost: 0, failed: "storage unavailable" }),
    ).toContain("could not be read (storage unavailable)");
  });

  const node = (patch: object = {}) => ({ id: "1:2", name: "Card", type: "FRAME", width: 320, height: 200, ...patch });
  it("Fill needs a selection, Replace one layer Figment made (another version than this), Dev Mode nothing", () => {
    const none = { nodes: [], unsupported: [] };
    expect(canvasBlockers(version, none, "figma")).toEqual({
      fill: "Select the shapes to fill first",
      replace: "Select one image Figment made to replace it",
    });
    const image = { nodes: [node({ id: "9:1", type: "RECTANGLE", image: { versionId: "v-old" } })], unsupported: [] };
    expect(canvasBlockers(version, image, "figma")).toEqual({});
    expect(replaceTarget(image)).toEqual({ id: "9:1", versionId: "v-old" });
    expect(
      canvasBlockers(version, { nodes: [node({ image: { versionId: version.id } })], unsupported: [] }, "figma")
        .replace,
    ).toBe("The selected image is this version already");
    expect(Object.values(canvasBlockers(version, image, "dev"))).toEqual([
      "Dev Mode is read-only",
      "Dev Mode is read-only",
      "Dev Mode is read-only",
    ]);
  });

  it("a version with only its preview cannot be placed; the layer's own picture is never placed again", () => {
    const previewOnly: ImageVersion = { ...version, bytes: undefined, preview: png };
    expect(canvasBlockers(previewOnly, { nodes: [node()], unsupported: [] }, "figma").insert).toContain(
      "Only the preview",
    );
    expect(
      canvasBlockers({ ...previewOnly, layerImage: png }, { nodes: [node()], unsupported: [] }, "figma").insert,
    ).toContain("on the canvas already");
  });

  it("Insert can go into the one selected frame", () => {
    expect(frameTarget({ nodes: [node()], unsupported: [] })).toEqual({ id: "1:2", name: "Card" });
    expect(frameTarget({ nodes: [node(), node({ id: "1:3" })], unsupported: [] })).toBeUndefined();
    expect(frameTarget({ nodes: [node({ type: "RECTANGLE" })], unsupported: [] })).toBeUndefined();
  });
});
