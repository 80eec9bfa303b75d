import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { layerNamesById } from "./design/layer-label";
import { loadDesign } from "./load";

const box = (x: number, y: number, width: number, height: number) => ({ absoluteBoundingBox: { x, y, width, height } });
const WHITE = [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }];

describe("loadDesign's notes", () => {
  it("names an empty frame it skips as Figma does, its id only as the problem's node", () => {
    const page = {
      document: {
        id: "0:1",
        type: "CANVAS",
        name: "Page 1",
        children: [
          { id: "1:2", type: "FRAME", name: "Frame 12", ...box(0, 0, 100, 100), fills: WHITE, children: [] },
          {
            id: "1:3",
            type: "FRAME",
            name: "Card",
            ...box(200, 0, 100, 100),
            fills: WHITE,
            children: [{ id: "1:4", type: "RECTANGLE", name: "Fill", ...box(200, 0, 10, 10), fills: WHITE }],
          },
        ],
      },
    };
    const { problems } = loadDesign(page);
    expect(problems.filter((p) => p.code === "empty-frame")).toEqual([
      {
        severity: "warning",
        code: "empty-frame",
        message: 'frame "Frame 12" has no visible layers; skipped',
        nodeId: "1:2",
      },
    ]);
  });
});

describe("loadDesign's layer names", () => {
  /** The reply with every layer's `name` a getter that counts its reads. */
  const counted = (json: unknown, reads: { n: number }): unknown => {
    if (Array.isArray(json)) return json.map((v) => counted(v, reads));
    if (typeof json !== "object" || json === null) return json;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(json)) {
      if (k === "name" && typeof v === "string" && "type" in json)
        Object.defineProperty(out, k, {
          enumerable: true,
          get: () => {
            reads.n++;
            return v;
          },
        });
      else out[k] = counted(v, reads);
    }
    return out;
  };
  const file = "test/fixtures/figma/figmagic-design-system.file.json";

  it("walks the reply for them only when asked (the code pipeline never asks), and finds the same names", () => {
    const text = readFileSync(file, "utf8");
    const reads = { n: 0 };
    const loaded = loadDesign(counted(JSON.parse(text), reads));
    const afterLoad = reads.n;
    const names = loaded.layerNames;
    expect(reads.n).toBeGreaterThan(afterLoad);
    const plain = loadDesign(JSON.parse(text));
    expect([...names]).toEqual([...layerNamesById(plain.document, plain.roots)]);
    expect(names.get(plain.document.frames[0]!.id)).toBe(plain.roots[0]!.name);
  });
});
