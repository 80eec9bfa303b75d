/**
 * Text as wide as the page sets it (issue 51): where a text layer's box and its textAutoResize come from. A text in a
 * block that fills its container is a fixed-width box (HEIGHT) as wide as its line boxes' container (the block's
 * content box); only a one-line text of an inline or shrink-to-fit box hugs (WIDTH_AND_HEIGHT). The loose text of a
 * block that also holds blocks (text nodes, inline elements and <br>s between its block children: CSS's anonymous
 * block boxes) is one text layer per paragraph, its inline elements runs of it, its <br>s line breaks. Self-contained
 * like the other readers (contract/layers-read.ts): evaluated in the page as source.
 */
import type { LayerNode, LayerText } from "./layers.js";

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Style {
  getPropertyValue(name: string): string;
}
interface TextDomNode {
  nodeType: number;
  textContent: string | null;
}
interface TextElement extends TextDomNode {
  tagName: string;
  childNodes: ArrayLike<TextDomNode>;
}
interface TextRange {
  selectNodeContents(node: TextDomNode): void;
  getClientRects(): ArrayLike<Rect>;
}
interface TextGlobals {
  document: { createRange(): TextRange };
  getComputedStyle(element: TextElement): Style;
}

/** What these readers use of layers-read.ts' (typed here: neither module imports the other). */
interface Readers {
  px(v: string): number;
  s(style: Style, name: string): string;
  SKIP: ReadonlySet<string>;
  INLINE: ReadonlySet<string>;
  textOnly(el: TextElement): boolean;
  drawn(el: TextElement): boolean;
  textOf(el: TextElement, style: Style, nodes?: TextDomNode[]): LayerText;
}

/** The text readers, given the paint and structure readers' parts they use. */
export function paragraphReaders(r: Readers) {
  const g = globalThis as unknown as TextGlobals;
  const { px, s } = r;

  /**
   * The line fragments of the text under `nodes` (empty ones aside), in page coordinates, each as tall as its line
   * height around its glyphs (a text layer's lines are that tall; `style` is the nodes' parent's).
   */
  const fragments = (nodes: readonly TextDomNode[], style: Style): Rect[] => {
    const out: Rect[] = [];
    const range = g.document.createRange();
    const walk = (n: TextDomNode, st: Style): void => {
      if (n.nodeType === 3) {
        if ((n.textContent ?? "").trim() === "") return;
        range.selectNodeContents(n);
        const lh = s(st, "line-height") === "normal" ? 0 : px(s(st, "line-height"));
        for (const f of Array.from(range.getClientRects()))
          if (f.width > 0 && f.height > 0)
            out.push(lh > f.height ? { x: f.x, y: f.y - (lh - f.height) / 2, width: f.width, height: lh } : f);
      } else if (n.nodeType === 1) {
        const e = n as TextElement;
        if (r.SKIP.has(e.tagName)) return;
        const own = g.getComputedStyle(e);
        for (const c of Array.from(e.childNodes)) walk(c, own);
      }
    };
    for (const n of nodes) walk(n, style);
    return out;
  };

  /** How many lines the fragments lie on (fragments whose vertical spans overlap by half are one line). */
  const lineCount = (rects: readonly Rect[]): number => {
    const lines: { top: number; bottom: number }[] = [];
    for (const f of rects) {
      const line = lines.find((l) => Math.min(l.bottom, f.y + f.height) - Math.max(l.top, f.y) > f.height / 2);
      if (line) [line.top, line.bottom] = [Math.min(line.top, f.y), Math.max(line.bottom, f.y + f.height)];
      else lines.push({ top: f.y, bottom: f.y + f.height });
    }
    return lines.length;
  };

  const union = (rects: readonly Rect[]): Rect | undefined => {
    if (rects.length === 0) return undefined;
    const x = Math.min(...rects.map((f) => f.x));
    const y = Math.min(...rects.map((f) => f.y));
    const right = Math.max(...rects.map((f) => f.x + f.width));
    const bottom = Math.max(...rects.map((f) => f.y + f.height));
    return { x, y, width: right - x, height: bottom - y };
  };

  /** The content box's left and width (inside borders and padding), in page coordinates. */
  const contentX = (style: Style, rect: Rect): { left: number; width: number } => {
    const side = (k: string): number => px(s(style, `border-${k}-width`)) + px(s(style, `padding-${k}`));
    const left = rect.x + side("left");
    return { left, width: Math.max(0, rect.width - side("left") - side("right")) };
  };

  /**
   * Whether a text whose fragments are `rects` hugs in `el`: it lies on one line, and its box shrinks to it (an inline
   * or floated box, a flex or grid item of its text, one whose content box is the line) or it shares its line with
   * another inline box (`sharesLine`). Else it is a fixed-width box.
   */
  const hugsIn = (style: Style, rect: Rect, rects: readonly Rect[], sharesLine: boolean): boolean => {
    if (lineCount(rects) > 1) return false;
    const display = s(style, "display");
    if (/^inline(?!-(flex|grid))/.test(display) || s(style, "float") !== "none" || sharesLine) return true;
    const text = union(rects);
    return text !== undefined && Math.abs(contentX(style, rect).width - text.width) <= 1;
  };

  /**
   * The text layer of `nodes` (children of `el`, whose box is `rect`): its box relative to `rect` and its
   * textAutoResize. In a flex or grid box each run of text is an anonymous item as wide as its lines; in a block, a
   * fixed-width text spans the content box from its first line's left (after a float), a hugging one its own line
   * with a pixel of slack (the same font measured a hair wider in Figma does not wrap). Undefined: nothing drawn.
   */
  const paragraphOf = (
    el: TextElement,
    style: Style,
    rect: Rect,
    nodes: readonly TextDomNode[],
    sharesLine = false,
  ): { box: LayerNode["box"]; text: LayerText } | undefined => {
    const rects = fragments(nodes, style);
    const lines = union(rects);
    if (!lines) return undefined;
    const text = r.textOf(el, style, [...nodes]);
    if (text.characters === "") return undefined;
    const rel = (x: number, w: number) => ({ x: x - rect.x, y: lines.y - rect.y, w, h: lines.height });
    if (/flex|grid/.test(s(style, "display"))) {
      const one = lineCount(rects) <= 1;
      return {
        box: rel(lines.x, lines.width + (one ? 1 : 0)),
        text: { ...text, autoResize: one ? "WIDTH_AND_HEIGHT" : "HEIGHT" },
      };
    }
    if (hugsIn(style, rect, rects, sharesLine))
      return { box: rel(lines.x, lines.width + 1), text: { ...text, autoResize: "WIDTH_AND_HEIGHT" } };
    const content = contentX(style, rect);
    const right = content.left + content.width;
    // Lines put outside their box on purpose (a text-indent hiding a logo's name) stay where they are.
    if (lines.x >= right || lines.x + lines.width <= content.left)
      return { box: rel(lines.x, lines.width + 1), text: { ...text, autoResize: "WIDTH_AND_HEIGHT" } };
    // Lines that all start right of the content box's edge (beside a float) start there; centred ones do not.
    const left = text.align === "LEFT" && lines.x > content.left + 1 ? lines.x : content.left;
    return { box: rel(left, Math.max(lines.width, right - left)), text: { ...text, autoResize: "HEIGHT" } };
  };

  /**
   * An element child that a paragraph of loose text holds: a <br>, an inline element of text only (its runs), an
   * inline element drawing nothing. Anything else (a block, an inline-block, an image, a drawn inline box) ends it.
   */
  const inParagraph = (child: TextElement): boolean => {
    if (child.tagName === "BR") return true;
    if (child.tagName === "IMG" || child.tagName === "svg") return false;
    if (!r.INLINE.has(s(g.getComputedStyle(child), "display"))) return false;
    return (child.textContent ?? "").trim() === "" ? !r.drawn(child) : r.textOnly(child);
  };

  /** Whether an element is laid out on a line with text (an inline-level box), not as a block of its own. */
  const inlineLevel = (child: TextElement): boolean =>
    child.tagName === "IMG" || /^inline/.test(s(g.getComputedStyle(child), "display"));

  /**
   * The child nodes of a block that holds blocks, cut into paragraphs of loose text and the elements between them
   * (each read as a layer of its own). In a flex or grid box only runs of text nodes go together (each element is an
   * item of its own). `sharesLine`: an inline-level element stands right before or after the paragraph.
   */
  const paragraphsOf = (
    el: TextElement,
    style: Style,
  ): ({ nodes: TextDomNode[]; sharesLine: boolean } | { element: TextElement })[] => {
    const flex = /flex|grid/.test(s(style, "display"));
    const out: ({ nodes: TextDomNode[]; sharesLine: boolean } | { element: TextElement })[] = [];
    let open: { nodes: TextDomNode[]; sharesLine: boolean } | undefined;
    let after = false;
    for (const node of Array.from(el.childNodes)) {
      const child = node as TextElement;
      if (child.nodeType === 3 || (child.nodeType === 1 && !flex && inParagraph(child))) {
        if (!open) out.push((open = { nodes: [], sharesLine: after }));
        open.nodes.push(child);
      } else if (child.nodeType === 1 && !r.SKIP.has(child.tagName)) {
        after = !flex && inlineLevel(child);
        if (open && after) open.sharesLine = true;
        open = undefined;
        out.push({ element: child });
      }
    }
    return out;
  };

  /** The text a closed <select> shows: its selected option's. */
  const selectedText = (el: TextElement): string => {
    const select = el as unknown as { selectedIndex?: number; options?: ArrayLike<TextDomNode> };
    const option = select.options?.[select.selectedIndex ?? -1];
    return (option?.textContent ?? "").replace(/\s+/g, " ").trim();
  };

  return { fragments, lineCount, paragraphOf, paragraphsOf, hugsIn, selectedText };
}
