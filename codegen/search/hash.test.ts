import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { frameHash } from "./hash.js";

type Node = {
  absoluteBoundingBox?: { x: number; y: number; width: number; height: number };
  absoluteRenderBounds?: { x: number; y: number };
  characters?: string;
  type: string;
  children?: Node[];
  relativeTransform?: number[][];
};
const login = (): Node =>
  (
    JSON.parse(
      readFileSync(new URL("../../test/fixtures/figma/figmasharp-login.file.json", import.meta.url), "utf8"),
    ) as { document: { children: { children: Node[] }[] } }
  ).document.children[0]!.children[0]!;

/** What moving a frame on the canvas does to its REST JSON: every absolute box shifts (page coordinates). */
function move(node: Node, dx: number, dy: number): void {
  for (const key of ["absoluteBoundingBox", "absoluteRenderBounds"] as const) {
    const box = node[key];
    if (box) node[key] = { ...box, x: box.x + dx, y: box.y + dy } as never;
  }
  for (const child of node.children ?? []) move(child, dx, dy);
}

const texts = (node: Node): Node[] => [
  ...(node.type === "TEXT" ? [node] : []),
  ...(node.children ?? []).flatMap(texts),
];

describe("frameHash", () => {
  it("stays the same when the frame is only moved on the canvas (fractional offsets too)", () => {
    const original = login();
    original.relativeTransform = [
      [1, 0, 862],
      [0, 1, 441],
    ];
    const before = frameHash(original);
    const moved = login();
    move(moved, 1234.37, -98.61);
    moved.relativeTransform = [
      [1, 0, 2096.37],
      [0, 1, 342.39],
    ];
    expect(frameHash(moved)).toBe(before);
  });

  it("changes when the frame is resized, retexted, or a layer inside it moves", () => {
    const before = frameHash(login());
    const resized = login();
    resized.absoluteBoundingBox = { ...resized.absoluteBoundingBox!, width: 390 };
    expect(frameHash(resized)).not.toBe(before);
    const retexted = login();
    texts(retexted)[0]!.characters = "Sign in";
    expect(frameHash(retexted)).not.toBe(before);
    const inner = login();
    move(inner.children![0]!, 10, 0);
    expect(frameHash(inner)).not.toBe(before);
  });
});
