/**
 * Small design trees for layout tests (codegen/layout/*.test.ts): a page frame and the layers designers draw on it,
 * placed in frame coordinates.
 */
import type { DesignNode } from "../../codegen/design/types.js";

/** A text of Inter 16 that grows in height; `chars` defaults to its id. */
export const text = (id: string, x: number, y: number, w: number, h: number, chars = id): DesignNode => ({
  id,
  name: id,
  kind: "text",
  x,
  y,
  w,
  h,
  text: {
    chars,
    style: { family: "Inter", size: 16, weight: 400 },
    resize: "height",
    alignH: "left",
    alignV: "top",
  },
});

/** A dark rectangle (a box, a band), with whatever else the test needs. */
export const rect = (
  id: string,
  x: number,
  y: number,
  w: number,
  h: number,
  extra: Partial<DesignNode> = {},
): DesignNode => ({
  id,
  name: id,
  kind: "rect",
  x,
  y,
  w,
  h,
  fills: [{ kind: "solid", color: "#0d4d52" }],
  ...extra,
});

/** A rectangle filled with a picture. */
export const picture = (id: string, x: number, y: number, w: number, h: number): DesignNode =>
  rect(id, x, y, w, h, { fills: [{ kind: "image", asset: "a.png", fit: "cover" }] });

/** The page frame (id 1:1). */
export const frame = (w: number, h: number, children: DesignNode[], extra: Partial<DesignNode> = {}): DesignNode => ({
  id: "1:1",
  name: "Page",
  kind: "frame",
  w,
  h,
  children,
  ...extra,
});

/** A layer of the tree by id, inside wrappers or not. */
export const find = (node: DesignNode, id: string): DesignNode | undefined =>
  node.id === id ? node : (node.children ?? []).map((c) => find(c, id)).find((c) => c !== undefined);
