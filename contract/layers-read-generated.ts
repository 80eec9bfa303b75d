/**
 * What CSS draws that is no element (issue 51): a list item's marker and the boxes of `::before` / `::after`.
 * Self-contained like the other readers (contract/layers-read.ts): evaluated in the page as source, given the paint
 * readers (and a marker's run made by the structure readers' `runOf`). Their text (a pseudo-element's `content`)
 * is read into the text
 * layers' runs by structureReaders' textOf.
 *
 * Chromium gives a pseudo-element's used size through getComputedStyle(el, "::marker" | "::before") but no box:
 * the box is placed the way Chromium places it (an outside marker ends at the item's border edge, a symbol one
 * 2/3 of its font's ascent + 8 px before it; an absolute pseudo-element at its insets in the element's padding box;
 * a block one at the start or end of the element's content box).
 */
import type { LayerNode, TextRun } from "./layers.js";

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Style {
  [key: string]: unknown;
  getPropertyValue(name: string): string;
}
interface GenElement {
  tagName: string;
  children: ArrayLike<GenElement>;
  parentElement: GenElement | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Rect;
}
interface GenGlobals {
  getComputedStyle(element: GenElement, pseudo?: string): Style;
}

/** What these readers use of layers-read.ts' paintReaders (typed here: neither module imports the other). */
interface Paints {
  px(v: string): number;
  s(style: Style, name: string): string;
  fillsOf(style: Style): unknown[];
  bordered(style: Style): boolean;
  visuals(style: Style, node: LayerNode): void;
}

/** The readers of what CSS draws that is no element: list markers, `::before` / `::after` (text and boxes). */
export function generatedReaders(paints: Paints) {
  const pseudo = pseudoReaders(paints);
  return { ...pseudo, ...markerReaders(paints, pseudo.contentText) };
}

/** generatedReaders as the page gets it: each part self-contained, joined there. */
export const generatedReadersSource = (): string =>
  `(p) => { const q = (${pseudoReaders.toString()})(p); ` +
  `return Object.assign(q, (${markerReaders.toString()})(p, q.contentText)); }`;

/** List markers: their text ("•", "3.", "iv.") and, outside the item, their own text layer. */
export function markerReaders(paints: Paints, contentText: (content: string) => string) {
  const g = globalThis as unknown as GenGlobals;
  const { px, s } = paints;

  const SYMBOLS: Record<string, string> = {
    disc: "•",
    circle: "◦",
    square: "▪",
    // A <summary>'s triangle (Chromium draws a shape; these are the characters CSS Counter Styles gives them).
    "disclosure-closed": "▸",
    "disclosure-open": "▾",
  };
  const roman = (n: number): string => {
    const values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
    const numerals = "m cm d cd c xc l xl x ix v iv i".split(" ");
    let out = "";
    let rest = n;
    values.forEach((v, k) => {
      for (; rest >= v; rest -= v) out += numerals[k];
    });
    return out;
  };
  const alpha = (n: number): string => {
    let out = "";
    for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
      out = String.fromCharCode(97 + ((rest - 1) % 26)) + out;
    return out;
  };

  /** Each list's items' numbers, counted once per list (the list's start, a value attribute resets). */
  const numbers = new Map<GenElement, Map<GenElement, number>>();
  const ordinal = (li: GenElement): number => {
    const list = li.parentElement;
    if (!list) return 1;
    let counted = numbers.get(list);
    if (!counted) {
      counted = new Map();
      numbers.set(list, counted);
      const start = Number.parseInt(list.getAttribute("start") ?? "", 10);
      let n = (Number.isFinite(start) ? start : 1) - 1;
      for (const item of Array.from(list.children)) {
        if (s(g.getComputedStyle(item), "display") !== "list-item") continue;
        const value = Number.parseInt(item.getAttribute("value") ?? "", 10);
        n = Number.isFinite(value) ? value : n + 1;
        counted.set(item, n);
      }
    }
    return counted.get(li) ?? 1;
  };

  /** The text a list item's marker shows ("•", "3.", "iv."), or undefined when it shows none. */
  const markerText = (li: GenElement, style: Style): string | undefined => {
    if (s(style, "display") !== "list-item" || s(style, "list-style-image") !== "none") return undefined;
    const marker = g.getComputedStyle(li, "::marker");
    const content = s(marker, "content");
    if (content !== "normal") return contentText(content).trim() || undefined;
    const type = s(style, "list-style-type");
    if (SYMBOLS[type]) return SYMBOLS[type];
    const n = ordinal(li);
    if (type === "decimal") return `${n}.`;
    if (type === "decimal-leading-zero") return `${n < 10 ? "0" : ""}${n}.`;
    if (type === "lower-alpha" || type === "lower-latin") return `${alpha(n)}.`;
    if (type === "upper-alpha" || type === "upper-latin") return `${alpha(n).toUpperCase()}.`;
    if (type === "lower-roman") return `${roman(n)}.`;
    if (type === "upper-roman") return `${roman(n).toUpperCase()}.`;
    return undefined;
  };

  const symbols = new Map<GenElement | null, Map<string, { w: number; h: number; run: TextRun }>>();
  /**
   * A list item's marker, drawn outside the item: a text layer at Chromium's marker box, relative to `origin`
   * (the parent layer's box). Inside markers are the item's text's first characters (markerPrefix).
   */
  const markerOf = (
    li: GenElement,
    style: Style,
    origin: Rect,
    runOf: (style: Style, start: number, end: number, href: string | null) => TextRun,
  ): LayerNode | undefined => {
    if (s(style, "list-style-position") !== "outside") return undefined;
    const text = markerText(li, style);
    if (!text) return undefined;
    const marker = g.getComputedStyle(li, "::marker");
    // A symbol marker's size and style are its list's: read once per list and font (each item costs a layout read).
    const symbol = SYMBOLS[s(style, "list-style-type")] === text;
    const key = symbol
      ? [li.parentElement, ...["font", "line-height", "color", "list-style-type"].map((k) => s(style, k))].join("|")
      : "";
    const known = symbol ? symbols.get(li.parentElement)?.get(key) : undefined;
    const w = known?.w ?? px(s(marker, "width"));
    const h = known?.h ?? px(s(marker, "height"));
    if (w <= 0 || h <= 0) return undefined;
    const run = known?.run ?? runOf(marker, 0, text.length, null);
    if (symbol && !known) {
      const lists = symbols.get(li.parentElement) ?? new Map();
      lists.set(key, { w, h, run });
      symbols.set(li.parentElement, lists);
    }
    const r = li.getBoundingClientRect();
    const rtl = s(style, "direction") === "rtl";
    // A symbol's box starts 2/3 of the font's ascent (about 0.9 em) and 8 px before the item; a counter's ends at it.
    const before = symbol ? (run.size * 0.9 * 2) / 3 + 8 : w;
    const x = rtl ? r.x + r.width + before - w : r.x - before;
    const y = r.y + px(s(style, "border-top-width")) + px(s(style, "padding-top"));
    return {
      kind: "text",
      name: "List marker",
      box: { x: x - origin.x, y: y - origin.y, w, h },
      text: {
        characters: text,
        runs: [{ ...run, end: text.length }],
        align: rtl ? "RIGHT" : "LEFT",
        alignVertical: "TOP",
        autoResize: "NONE",
      },
    };
  };

  /**
   * A list item's inside marker where the item is a frame of blocks (a <summary> of a heading, an <li> of
   * paragraphs): a text layer at the start of its content box, where Chromium draws it (on a line of its own above
   * a block, or before the first line's text). Where the item is one text, the marker starts it (markerPrefix).
   */
  const insideMarkerOf = (
    li: GenElement,
    style: Style,
    origin: Rect,
    runOf: (style: Style, start: number, end: number, href: string | null) => TextRun,
    /** The item is an auto layout frame: the marker is placed out of its flow. */
    outOfFlow: boolean,
  ): LayerNode | undefined => {
    if (s(style, "list-style-position") !== "inside") return undefined;
    const text = markerText(li, style);
    if (!text) return undefined;
    const run = runOf(g.getComputedStyle(li, "::marker"), 0, text.length, null);
    const r = li.getBoundingClientRect();
    const rtl = s(style, "direction") === "rtl";
    // Chromium gives an inside marker no used size: an em wide, a line high (Figma sizes the text to its glyph).
    const w = run.size;
    const lineHeight = s(style, "line-height");
    const h = lineHeight === "normal" ? Math.round(run.size * 1.15) : px(lineHeight);
    const left = r.x + px(s(style, "border-left-width")) + px(s(style, "padding-left"));
    const right = r.x + r.width - px(s(style, "border-right-width")) - px(s(style, "padding-right"));
    const y = r.y + px(s(style, "border-top-width")) + px(s(style, "padding-top"));
    return {
      kind: "text",
      name: "List marker",
      box: { x: (rtl ? right - w : left) - origin.x, y: y - origin.y, w, h },
      text: {
        characters: text,
        runs: [{ ...run, end: text.length }],
        align: rtl ? "RIGHT" : "LEFT",
        alignVertical: "TOP",
        autoResize: "WIDTH_AND_HEIGHT",
      },
      ...(outOfFlow ? { absolute: true, constraints: { horizontal: "MIN", vertical: "MIN" } as const } : {}),
    };
  };

  /** An inside marker's text with its space ("• ", "3. "), as the item's text starts with it. */
  const markerPrefix = (li: GenElement, style: Style): { text: string; style: Style } | undefined => {
    if (s(style, "list-style-position") !== "inside") return undefined;
    const text = markerText(li, style);
    return text ? { text: `${text} `, style: g.getComputedStyle(li, "::marker") } : undefined;
  };

  return { markerText, markerOf, markerPrefix, insideMarkerOf };
}

/** `::before` / `::after`: whether an element may have one, their `content` as text, the boxes they paint. */
export function pseudoReaders(paints: Paints) {
  const g = globalThis as unknown as GenGlobals;
  const { px, s } = paints;

  /**
   * Whether `el` may have a ::before / ::after: it matches a selector of a rule that gives one (asking Chromium for
   * every element's pseudo-elements' style costs more than the rest of the read). A sheet it cannot read (another
   * origin) makes every element a candidate.
   */
  let pseudoSelector: string | undefined;
  const mayHavePseudo = (el: GenElement): boolean => {
    const matches = (e: GenElement, q: string): boolean => {
      try {
        return (e as unknown as { matches(q: string): boolean }).matches(q);
      } catch {
        return false;
      }
    };
    if (pseudoSelector === undefined) {
      const found: string[] = [];
      const visit = (rules: ArrayLike<{ selectorText?: string; cssRules?: ArrayLike<unknown> }>): void => {
        for (const rule of Array.from(rules)) {
          if (rule.cssRules) visit(rule.cssRules as typeof rules);
          const text = rule.selectorText;
          if (!text || !/::?(before|after)\b/i.test(text)) continue;
          for (const part of text.split(","))
            if (/::?(before|after)\b/i.test(part)) found.push(part.replace(/::?(before|after)\b/gi, "").trim() || "*");
        }
      };
      const doc = (
        globalThis as unknown as {
          document: { body: GenElement; styleSheets: ArrayLike<{ cssRules: ArrayLike<never> }> };
        }
      ).document;
      for (const sheet of Array.from(doc.styleSheets))
        try {
          visit(sheet.cssRules);
        } catch {
          found.push("*");
        }
      // One selector list (one match per element); a selector Chromium cannot match alone (:hover's) is kept as is.
      const valid = (q: string): boolean => {
        try {
          (doc.body as unknown as { matches(q: string): boolean }).matches(q);
          return true;
        } catch {
          return false;
        }
      };
      pseudoSelector = [...new Set(found)].filter(valid).join(",");
    }
    return pseudoSelector !== "" && matches(el, pseudoSelector);
  };

  /** A pseudo-element's `content` as text: its quoted strings (attr() is resolved by Chromium); else "". */
  const contentText = (content: string): string => {
    if (!/^"/.test(content.trim())) return "";
    let out = "";
    for (const m of content.matchAll(/"((?:[^"\\]|\\.)*)"/g)) out += m[1]!.replace(/\\(.)/g, "$1");
    // An icon font's private-use glyphs are no text a designer can edit (and no font here draws them).
    return out.replace(/[\uE000-\uF8FF]/g, "");
  };

  /**
   * The boxes `::before` and `::after` paint (a fill or a border, with a size): frame layers relative to `origin`,
   * ::before first (an absolute one keeps its box in auto layout; a block one is placed as CSS placed it).
   */
  const pseudoBoxes = (el: GenElement, style: Style, origin: Rect): { before: LayerNode[]; after: LayerNode[] } => {
    const out = { before: [] as LayerNode[], after: [] as LayerNode[] };
    const r = el.getBoundingClientRect();
    const edge = (st: Style, kind: "padding" | "border", side: string): number =>
      px(s(st, kind === "border" ? `border-${side}-width` : `padding-${side}`));
    if (!mayHavePseudo(el)) return out;
    for (const which of ["before", "after"] as const) {
      const ps = g.getComputedStyle(el, `::${which}`);
      const content = s(ps, "content");
      if (content === "none" || content === "normal" || s(ps, "display") === "none") continue;
      if (s(ps, "visibility") === "hidden") continue;
      if (paints.fillsOf(ps).length === 0 && !paints.bordered(ps)) continue;
      const outer = (axis: "width" | "height"): number => {
        const [a, b] = axis === "width" ? ["left", "right"] : ["top", "bottom"];
        const v = px(s(ps, axis));
        return s(ps, "box-sizing") === "border-box"
          ? v
          : v + edge(ps, "padding", a!) + edge(ps, "padding", b!) + edge(ps, "border", a!) + edge(ps, "border", b!);
      };
      const w = outer("width");
      const h = outer("height");
      if (w <= 0 || h <= 0) continue;
      const position = s(ps, "position");
      const absolute = position === "absolute";
      let x: number;
      let y: number;
      if (absolute) {
        // Its containing block is the element's padding box when the element is positioned; else it is not read.
        if (s(style, "position") === "static") continue;
        const pad = {
          x: r.x + edge(style, "border", "left"),
          y: r.y + edge(style, "border", "top"),
          w: r.width - edge(style, "border", "left") - edge(style, "border", "right"),
          h: r.height - edge(style, "border", "top") - edge(style, "border", "bottom"),
        };
        const inset = (side: string): number | undefined => {
          const v = s(ps, side);
          return v === "auto" ? undefined : px(v);
        };
        const [left, right, top, bottom] = ["left", "right", "top", "bottom"].map(inset);
        x =
          left !== undefined
            ? pad.x + left + px(s(ps, "margin-left"))
            : right !== undefined
              ? pad.x + pad.w - right - w - px(s(ps, "margin-right"))
              : pad.x + edge(style, "padding", "left");
        y =
          top !== undefined
            ? pad.y + top + px(s(ps, "margin-top"))
            : bottom !== undefined
              ? pad.y + pad.h - bottom - h - px(s(ps, "margin-bottom"))
              : pad.y + edge(style, "padding", "top");
      } else if (position === "fixed" || !/block|flex|grid|table/.test(s(ps, "display"))) {
        continue;
      } else if (
        /flex/.test(s(style, "display")) &&
        !/reverse|^wrap/.test(s(style, "flex-direction") + s(style, "flex-wrap"))
      ) {
        // A flex item before the first element child (::before) or after the last, aligned on the cross axis.
        const kids = Array.from(el.children).filter((c) => {
          const cs = g.getComputedStyle(c);
          return s(cs, "display") !== "none" && !/absolute|fixed/.test(s(cs, "position"));
        });
        const row = !/column/.test(s(style, "flex-direction"));
        const content = {
          x: r.x + edge(style, "border", "left") + edge(style, "padding", "left"),
          y: r.y + edge(style, "border", "top") + edge(style, "padding", "top"),
          w: r.width - ["left", "right"].reduce((a, k) => a + edge(style, "border", k) + edge(style, "padding", k), 0),
          h: r.height - ["top", "bottom"].reduce((a, k) => a + edge(style, "border", k) + edge(style, "padding", k), 0),
        };
        const next = which === "before" ? kids[0] : kids[kids.length - 1];
        const [start, end] = row ? ["left", "right"] : ["top", "bottom"];
        let main: number;
        if (next) {
          const nr = next.getBoundingClientRect();
          const ns = g.getComputedStyle(next);
          main =
            which === "before"
              ? (row ? nr.x : nr.y) - px(s(ns, `margin-${start}`)) - px(s(ps, `margin-${end}`)) - (row ? w : h)
              : (row ? nr.x + nr.width : nr.y + nr.height) + px(s(ns, `margin-${end}`)) + px(s(ps, `margin-${start}`));
        } else main = (row ? content.x : content.y) + px(s(ps, `margin-${start}`));
        const align = s(ps, "align-self") === "auto" ? s(style, "align-items") : s(ps, "align-self");
        const crossStart = row ? content.y : content.x;
        const room = (row ? content.h : content.w) - (row ? h : w);
        const cross = align === "center" ? crossStart + room / 2 : /end/.test(align) ? crossStart + room : crossStart;
        [x, y] = row ? [main, cross] : [cross, main];
      } else {
        // A block at the start (::before) or the end (::after) of the content box.
        x = r.x + edge(style, "border", "left") + edge(style, "padding", "left") + px(s(ps, "margin-left"));
        const top = r.y + edge(style, "border", "top") + edge(style, "padding", "top");
        const bottom = r.y + r.height - edge(style, "border", "bottom") - edge(style, "padding", "bottom");
        y = which === "before" ? top + px(s(ps, "margin-top")) : bottom - h - px(s(ps, "margin-bottom"));
      }
      const node: LayerNode = {
        kind: "frame",
        name: `::${which}`,
        box: { x: x - origin.x, y: y - origin.y, w, h },
      };
      paints.visuals(ps, node);
      if (absolute) {
        node.absolute = true;
        node.constraints = { horizontal: "MIN", vertical: "MIN" };
      }
      out[which].push(node);
    }
    return out;
  };

  return { contentText, pseudoBoxes, mayHavePseudo };
}
