/**
 * The family a text is drawn in (issue 51): a font stack's first family is not always the one the browser draws
 * ("Lucida Grande", Verdana, Helvetica, sans-serif draws Helvetica where Lucida Grande and Verdana are missing). The
 * first family of the stack the browser can draw is found with a canvas (no change to the page): a family it has
 * measures otherwise than the generic family behind it. Where the stack comes down to a generic family (or to none:
 * the browser's standard font), the font the browser draws it in. Only where the caller names those fonts
 * (ReadOptions.generics, the CLI's Chromium): the panel keeps the stack's first family, the page's intent (Figma may
 * have it though the preview did not load it, as a design's own font), and so does a stack whose next family is the
 * first's metric stand-in ("X Fallback", codegen/fonts/stack.ts). Self-contained like the other readers
 * (contract/layers-read.ts): evaluated in the page as source.
 */

interface FontCanvas {
  font: string;
  measureText(text: string): { width: number };
}
interface FontGlobals {
  document: { createElement(tag: "canvas"): { getContext(kind: "2d"): FontCanvas | null } };
}

/**
 * `generics`: the font each generic family is drawn in, where the caller knows it, by keyword, and "standard": the
 * browser's font for a stack that names no family it has and no generic one.
 */
export function fontReaders(generics?: Readonly<Record<string, string>>) {
  const g = globalThis as unknown as FontGlobals;
  /** The generic family keywords (CSS Fonts 4). */
  const GENERIC = new Set([
    ...["serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "emoji", "math", "fangsong"],
    ...["ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded"],
  ]);
  const SAMPLE = "mmmmmmmmmmlliWWwQ@#1Ag";
  let canvas: FontCanvas | null | undefined;
  const widths = new Map<string, number>();
  const width = (font: string): number => {
    let w = widths.get(font);
    if (w === undefined) {
      canvas ??= g.document.createElement("canvas").getContext("2d");
      if (!canvas) return 0;
      canvas.font = font;
      widths.set(font, (w = canvas.measureText(SAMPLE).width));
    }
    return w;
  };
  /** Whether the browser draws `family` (quoted) at `face` (style and weight): not its generic fallback. */
  const draws = (face: string, family: string): boolean =>
    ["monospace", "serif"].some(
      (generic) => width(`${face} 40px "${family}", ${generic}`) !== width(`${face} 40px ${generic}`),
    );

  const families = (stack: string): string[] =>
    stack
      .split(",")
      .map((f) => f.replace(/["']/g, "").trim())
      .filter((f) => f !== "");
  const chosen = new Map<string, string>();

  /** The family a text in `stack` at `weight` and `italic` is drawn in (see the module's note). */
  const familyOf = (stack: string, weight: number, italic: boolean): string => {
    const key = `${stack}\u0000${weight}${italic ? "i" : ""}`;
    let out = chosen.get(key);
    if (out !== undefined) return out;
    const list = families(stack);
    const first = list[0] ?? "";
    const face = `${italic ? "italic " : ""}${weight}`;
    let drawn: string | undefined;
    const standIn = list[1]?.toLowerCase() === `${first} fallback`.toLowerCase();
    for (const f of !generics || standIn ? [] : list) {
      if (GENERIC.has(f.toLowerCase())) {
        drawn = generics?.[f.toLowerCase()];
        break;
      }
      if (draws(face, f)) {
        drawn = f;
        break;
      }
    }
    if (drawn === undefined && !standIn && list.every((f) => !GENERIC.has(f.toLowerCase())))
      drawn = generics?.["standard"];
    out = (drawn ?? first).slice(0, 200);
    chosen.set(key, out);
    return out;
  };
  return { familyOf };
}
