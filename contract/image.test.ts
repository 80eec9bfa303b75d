/** The image contract: records (bounded, no stray fields such as a key), versions, and the image messages. */
import { describe, expect, it } from "vitest";
import { imageRecordField, imageVersionField, MAX_RECORD_BYTES, RECORD_LIMITS, type ImageRecord } from "./image.js";
import { PREVIEW_MAX_BYTES } from "./limits.js";
import { DEFAULT_SETTINGS } from "./settings.js";
import { MessageError, parseMainMessage, parseUiMessage, REQUESTS } from "./messages.js";

const record: ImageRecord = {
  versionId: "v-1",
  createdAt: "2026-05-01T12:00:00.000Z",
  prompt: "A warm hero shot of a reading lamp",
  model: "gpt-image-2",
  provider: "openai",
  api: "images",
  size: "1536x1024",
  quality: "high",
  background: "auto",
  format: "png",
  count: 1,
  index: 0,
};

const utf8 = (text: string): number => new TextEncoder().encode(text).length;

describe("imageRecordField", () => {
  it("accepts a record and keeps only its fields", () => {
    expect(imageRecordField.check(record, "record")).toEqual(record);
    const full = {
      ...record,
      revisedPrompt: "A reading lamp, warm light",
      responseId: "resp_1",
      refinedFrom: "v-0",
      references: 1,
    };
    expect(imageRecordField.check(full, "record")).toEqual(full);
  });

  it.each([
    [{ apiKey: "sk-test-123" }, "record.apiKey must be absent"],
    [{ size: "1536×1024" }, 'record.size must be "auto" or WIDTHxHEIGHT'],
    [{ createdAt: "yesterday" }, "record.createdAt must be an ISO 8601 time"],
    [{ versionId: "a/b" }, "record.versionId must be an id of 1–100"],
    [{ api: "dalle" }, "record.api must be one of images, responses, chat"],
    [{ count: 5 }, "record.count must be a whole number ≥ 1 ≤ 4"],
    [{ prompt: "x".repeat(RECORD_LIMITS.prompt + 1) }, "record.prompt must be a string of at most 4,000 characters"],
  ])("refuses bad field %#", (patch, message) => {
    expect(() => imageRecordField.check({ ...record, ...patch }, "record")).toThrow(message);
  });

  it("stays far below pluginData's 100 kB even with every string at its longest and escaped", () => {
    // A control character is escaped as \u0001 in JSON: six bytes for one character.
    const worst = {
      ...record,
      prompt: "\u0001".repeat(RECORD_LIMITS.prompt),
      revisedPrompt: "\u0001".repeat(RECORD_LIMITS.revisedPrompt),
      model: "m".repeat(RECORD_LIMITS.model),
      responseId: "r".repeat(RECORD_LIMITS.responseId),
      versionId: "v".repeat(100),
      refinedFrom: "v".repeat(100),
    };
    const bytes = utf8(JSON.stringify(imageRecordField.check(worst, "record")));
    expect(bytes).toBeLessThan(MAX_RECORD_BYTES);
    expect(MAX_RECORD_BYTES).toBeLessThan(100_000 / 1.5);
  });
});

describe("imageVersionField", () => {
  const version = {
    kind: "image",
    id: "v-1",
    createdAt: record.createdAt,
    record,
    preview: { bytes: new Uint8Array([1, 2, 3]), width: 256, height: 171 },
    original: { width: 1536, height: 1024, bytes: 2_000_000 },
  };

  it("accepts a version with a small preview", () => {
    expect(imageVersionField.check(version, "version")).toEqual(version);
  });

  it("refuses a large preview, another kind, or a missing original", () => {
    expect(() =>
      imageVersionField.check(
        { ...version, preview: { ...version.preview, bytes: new Uint8Array(PREVIEW_MAX_BYTES + 1) } },
        "version",
      ),
    ).toThrow("version.preview.bytes must be bytes (Uint8Array, at most 200,000)");
    expect(() =>
      imageVersionField.check({ ...version, preview: { ...version.preview, width: 512 } }, "version"),
    ).toThrow("version.preview.width must be a whole number ≥ 1 ≤ 256");
    expect(() => imageVersionField.check({ ...version, kind: "code" }, "version")).toThrow(
      'version.kind must be "image"',
    );
    const { original: _, ...noOriginal } = version;
    expect(() => imageVersionField.check(noOriginal, "version")).toThrow("version.original must be an object");
  });
});

describe("image messages", () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

  it("each image request is answered by its reply", () => {
    expect(REQUESTS["insert-image"].reply).toBe("image-placed");
    expect(REQUESTS["fill-selection"].reply).toBe("image-placed");
    expect(REQUESTS["replace-image"].reply).toBe("image-placed");
    expect(REQUESTS["load-image-versions"].reply).toBe("image-versions");
    expect(REQUESTS["save-image-version"].reply).toBe("versions-usage");
    expect(REQUESTS["delete-image-versions"].reply).toBe("versions-usage");
  });

  it("checks insert-image, fill-selection and replace-image on arrival", () => {
    expect(
      parseMainMessage({ type: "insert-image", requestId: "r1", bytes: png, width: 1536, height: 1024, record }),
    ).toMatchObject({ type: "insert-image", width: 1536 });
    expect(() =>
      parseMainMessage({ type: "insert-image", requestId: "r1", bytes: png, width: 5000, height: 1024, record }),
    ).toThrow(MessageError);
    expect(() =>
      parseMainMessage({
        type: "insert-image",
        requestId: "r1",
        bytes: png,
        width: 10,
        height: 10,
        record,
        placement: "above",
      }),
    ).toThrow("placement must be one of beside, into");
    expect(() =>
      parseMainMessage({ type: "fill-selection", requestId: "r2", bytes: png, scaleMode: "TILE", record }),
    ).toThrow("scaleMode must be one of FILL, FIT");
    expect(() => parseMainMessage({ type: "replace-image", requestId: "r3", bytes: png, record })).toThrow(
      "nodeId must be a non-empty string",
    );
    expect(() => parseMainMessage({ type: "delete-image-versions", requestId: "r4", ids: ["ok", "not ok"] })).toThrow(
      "ids[1] must be an id",
    );
  });

  it("init may carry the image node a relaunch button opened the panel for", () => {
    const init = {
      type: "init",
      command: "image",
      settings: DEFAULT_SETTINGS,
      apiKeys: {},
      selection: { nodes: [], unsupported: [] },
      editorType: "figma",
      imageNode: { nodeId: "1:2", record, action: "refine" },
    };
    expect(parseUiMessage(init)).toMatchObject({ imageNode: { nodeId: "1:2", action: "refine" } });
    expect(() => parseUiMessage({ ...init, imageNode: { ...init.imageNode, action: "edit" } })).toThrow(
      "imageNode.action must be one of refine, regenerate",
    );
    expect(() =>
      parseUiMessage({ type: "image-placed", requestId: "r1", nodeIds: ["1:2"], note: "Scaled to fit" }),
    ).not.toThrow();
    expect(() =>
      parseUiMessage({ type: "versions-usage", requestId: "r1", usage: { bytes: -1, budget: 2, fileBytes: 0 } }),
    ).toThrow("usage.bytes must be a whole number ≥ 0");
  });
});

describe("the batch messages", () => {
  const bytes = new Uint8Array([1, 2, 3]);
  it("place-in-grid takes a grid by id or by name (not both, not neither) and an optional batch index", () => {
    const base = { type: "place-in-grid", requestId: "p1", bytes, width: 64, height: 48, record };
    expect(parseMainMessage({ ...base, grid: { name: "Hero A/B" } })).toMatchObject({ grid: { name: "Hero A/B" } });
    expect(parseMainMessage({ ...base, grid: { id: "12:3" }, index: 4 })).toMatchObject({
      grid: { id: "12:3" },
      index: 4,
    });
    for (const grid of [{ id: "12:3", name: "x" }, {}, { name: "  " }, "12:3"])
      expect(() => parseMainMessage({ ...base, grid })).toThrow(
        /grid must be \{ id \} of the batch's grid frame or \{ name \} for a new one/,
      );
    expect(() => parseMainMessage({ ...base, grid: { id: "1:2" }, index: -1 })).toThrow(/index/);
    expect(REQUESTS["place-in-grid"].reply).toBe("image-placed");
  });

  it("brand-colours carries at most 12 colours as upper-case hex with their source and uses", () => {
    const colour = { hex: "#FF473A", name: "color/brand/primary", source: "variable", uses: 3 };
    expect(
      parseUiMessage({
        type: "brand-colours",
        requestId: "c1",
        colours: [colour, { hex: "#11223380", source: "fill", uses: 1 }],
      }),
    ).toMatchObject({ colours: [colour, { hex: "#11223380" }] });
    expect(() =>
      parseUiMessage({ type: "brand-colours", requestId: "c1", colours: [{ ...colour, hex: "#ff473a" }] }),
    ).toThrow(/hex/);
    expect(() =>
      parseUiMessage({ type: "brand-colours", requestId: "c1", colours: [{ ...colour, source: "token" }] }),
    ).toThrow(/source/);
    expect(() =>
      parseUiMessage({ type: "brand-colours", requestId: "c1", colours: Array.from({ length: 13 }, () => colour) }),
    ).toThrow(/colours/);
    expect(REQUESTS["read-brand-colours"].reply).toBe("brand-colours");
  });
});
