/** Small design trees for the analysis tests. */
import type { DesignDocument, DesignNode, Paint, TextContent, TextStyle } from "../design/types";

let next = 0;
const id = (): string => `9:${++next}`;

export const solid = (color: string): Paint => ({ kind: "solid", color });

export function text(
  chars: string,
  style: Partial<TextStyle> = {},
  extra: Partial<DesignNode> & { content?: Partial<TextContent> } = {},
): DesignNode {
  const { content, ...node } = extra;
  return {
    id: id(),
    name: chars,
    kind: "text",
    x: 10,
    y: 10,
    w: 100,
    h: 20,
    text: {
      chars,
      style: { family: "Inter", size: 16, weight: 400, color: "#000000", ...style },
      resize: "none",
      alignH: "left",
      alignV: "top",
      ...content,
    },
    ...node,
  };
}

export function frame(children: DesignNode[], extra: Partial<DesignNode> = {}): DesignNode {
  return { id: id(), name: "Screen", kind: "frame", x: 0, y: 0, w: 400, h: 300, children, ...extra };
}

export function rect(extra: Partial<DesignNode> = {}): DesignNode {
  return { id: id(), name: "Card", kind: "rect", x: 0, y: 0, w: 200, h: 100, ...extra };
}

export function doc(...frames: DesignNode[]): DesignDocument {
  return { frames, assets: {} };
}
