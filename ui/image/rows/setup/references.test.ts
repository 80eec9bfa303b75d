import { describe, expect, it } from "vitest";
import { MAX_REFERENCES } from "../../../../ai/image/options.js";
import type { ExportedFrame } from "../../../../contract/messages.js";
import { addReferences } from "./references.js";

/** A PNG's first bytes: signature and IHDR with the size. */
function png(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}
const frame = (id: string, withPng = true): ExportedFrame => ({
  id,
  name: `Frame ${id}`,
  type: "FRAME",
  width: 100,
  height: 50,
  json: {},
  scale: 2,
  ...(withPng ? { png: png(200, 100) } : {}),
});

describe("references from the selection", () => {
  it("adds each layer once with its PNG's pixel size", () => {
    const first = addReferences([], [frame("1:1"), frame("1:2", false)]);
    expect(first.references.map((r) => [r.nodeId, r.name, r.width, r.height])).toEqual([
      ["1:1", "Frame 1:1", 200, 100],
    ]);
    expect(first.note).toBeUndefined();
    const again = addReferences(first.references, [frame("1:1")]);
    expect(again.references).toHaveLength(1);
    expect(again.note).toBe("The selected layers are references already.");
  });

  it("stops at what one request takes, and says how many were left out", () => {
    const many = Array.from({ length: MAX_REFERENCES + 2 }, (_, i) => frame(`2:${i}`));
    const out = addReferences([], many);
    expect(out.references).toHaveLength(MAX_REFERENCES);
    expect(out.note).toBe(
      `Each request takes at most ${MAX_REFERENCES} reference images: 2 selected layers were left out.`,
    );
  });
});
