/** Which font families, weights and styles the frames' texts use, and which layers use each family. */
import type { DesignNode, TextStyle } from "../design/types.js";

export interface FontFace {
  weight: number;
  italic: boolean;
}

export interface FamilyUse {
  /** As the design spells it. */
  family: string;
  /** Sorted: normal before italic, then by weight. */
  faces: FontFace[];
  /** Text layers using the family, in document order. */
  layers: { id: string; name: string }[];
}

/** A family name safe inside a CSS string: design text is data, nothing in it may end the string or the rule. */
export function cleanFamily(raw: string): string {
  return raw.replace(/["\\<>;{}]/g, "").trim();
}

/** Sorts normal before italic, then by weight. */
export const faceKey = (f: FontFace): string => `${f.italic ? 1 : 0}:${String(f.weight).padStart(4, "0")}`;

/** Every family the frames' texts use (base styles and styled runs), in order of first use. */
export function fontUsage(frames: readonly DesignNode[]): FamilyUse[] {
  const uses = new Map<string, { family: string; faces: Map<string, FontFace>; layers: Map<string, string> }>();
  const add = (style: Partial<TextStyle>, base: TextStyle, node: DesignNode) => {
    const family = cleanFamily(style.family ?? base.family);
    if (!family) return;
    const face = { weight: style.weight ?? base.weight, italic: style.italic ?? base.italic ?? false };
    const use = uses.get(family) ?? { family, faces: new Map(), layers: new Map() };
    use.faces.set(faceKey(face), face);
    use.layers.set(node.id, node.name);
    uses.set(family, use);
  };
  const visit = (node: DesignNode) => {
    const text = node.text;
    if (text) {
      add({}, text.style, node);
      for (const run of text.runs ?? []) if (run.end > run.start) add(run.style, text.style, node);
    }
    for (const child of node.children ?? []) visit(child);
  };
  frames.forEach(visit);
  return [...uses.values()].map((u) => ({
    family: u.family,
    faces: [...u.faces.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, f]) => f),
    layers: [...u.layers.entries()].map(([id, name]) => ({ id, name })),
  }));
}
