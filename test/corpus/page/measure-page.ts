/**
 * Runs IN THE PAGE (passed to `page.evaluate`): measures what a rendered web page paints, as a designer would
 * redraw it — every element that paints something (a background, a border, a shadow, an image) and every run
 * of text — and tags each text with `data-node-id` (wrapping it in an inline span, which changes no layout),
 * so that the same page can later be measured at other widths by the responsive sampler.
 *
 * It must be self-contained (no imports at run time, helpers declared inside), and it returns plain data
 * (measured.ts); the conversion to Figma REST nodes is the pure to-rest.ts.
 */
import type {
  MeasuredBox,
  MeasuredImage,
  MeasuredItem,
  MeasuredPage,
  MeasuredShadow,
  MeasuredText,
  Rgba,
  TextRunStyle,
} from "../measured.js";

export interface MeasureOptions {
  /** Prefix of the node ids given to texts ("3:" → "3:17"). */
  idPrefix: string;
}

export function measurePage(options: MeasureOptions): MeasuredPage {
  const doc = document;
  const win = window;
  const root = doc.documentElement;
  const pageWidth = root.clientWidth;
  const pageHeight = Math.max(root.scrollHeight, doc.body.scrollHeight);
  win.scrollTo(0, 0);

  const parseColor = (text: string): Rgba | undefined => {
    const m = /rgba?\(([^)]+)\)/.exec(text);
    if (!m) return undefined;
    const parts = m[1]!
      .split(/[\s,/]+/)
      .filter((p) => p !== "")
      .map(Number);
    const [r, g, b] = parts;
    const a = parts.length > 3 ? parts[3]! : 1;
    if (r === undefined || g === undefined || b === undefined || [r, g, b, a].some((v) => Number.isNaN(v)))
      return undefined;
    return { r: r / 255, g: g / 255, b: b / 255, a };
  };
  const visibleColor = (c: Rgba | undefined): c is Rgba => c !== undefined && c.a > 0.01;
  const px = (text: string): number => {
    const v = parseFloat(text);
    return Number.isFinite(v) ? v : 0;
  };
  const firstFamily = (text: string): string => {
    const first = text.split(",")[0] ?? "";
    return first.trim().replace(/^["']|["']$/g, "");
  };

  /** Splits a CSS list at top-level commas (not those inside parentheses). */
  const splitTop = (text: string): string[] => {
    const out: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === "(") depth++;
      else if (ch === ")") depth--;
      else if (ch === "," && depth === 0) {
        out.push(text.slice(start, i).trim());
        start = i + 1;
      }
    }
    out.push(text.slice(start).trim());
    return out.filter((p) => p !== "");
  };

  const shadowsOf = (text: string): MeasuredShadow[] => {
    if (!text || text === "none") return [];
    const out: MeasuredShadow[] = [];
    for (const part of splitTop(text)) {
      const colorText = /rgba?\([^)]*\)/.exec(part)?.[0];
      const color = colorText ? parseColor(colorText) : undefined;
      const rest = part.replace(/rgba?\([^)]*\)/, " ");
      const nums = rest
        .split(/\s+/)
        .filter((p) => /^-?[\d.]+px$|^0$/.test(p))
        .map(px);
      if (!color || color.a <= 0.01 || nums.length < 2) continue;
      out.push({
        inset: /\binset\b/.test(part),
        x: nums[0]!,
        y: nums[1]!,
        blur: nums[2] ?? 0,
        spread: nums[3] ?? 0,
        color,
      });
    }
    return out;
  };

  /** Opacity of the element times that of every ancestor. */
  const opacityOf = (el: Element): number => {
    let value = 1;
    for (let e: Element | null = el; e; e = e.parentElement) value *= Number(win.getComputedStyle(e).opacity) || 0;
    return value;
  };

  /** The root-level stacking order of an element: the z-index of its outermost positioned ancestor that sets one. */
  const zOf = (el: Element): number => {
    let z = 0;
    for (let e: Element | null = el; e && e !== doc.body; e = e.parentElement) {
      const cs = win.getComputedStyle(e);
      if (cs.position !== "static" && cs.zIndex !== "auto") z = Number(cs.zIndex) || 0;
    }
    return z;
  };

  /** The rectangle ancestors with overflow other than visible clip this element to (document coordinates). */
  const clipOf = (el: Element): { x0: number; y0: number; x1: number; y1: number } => {
    const clip = { x0: -Infinity, y0: -Infinity, x1: Infinity, y1: Infinity };
    for (let e = el.parentElement; e && e !== doc.body && e !== root; e = e.parentElement) {
      const cs = win.getComputedStyle(e);
      if (cs.overflowX === "visible" && cs.overflowY === "visible") continue;
      const r = e.getBoundingClientRect();
      clip.x0 = Math.max(clip.x0, r.left + win.scrollX);
      clip.y0 = Math.max(clip.y0, r.top + win.scrollY);
      clip.x1 = Math.min(clip.x1, r.right + win.scrollX);
      clip.y1 = Math.min(clip.y1, r.bottom + win.scrollY);
    }
    return clip;
  };

  const boxOf = (r: DOMRect): { x: number; y: number; w: number; h: number } => ({
    x: r.left + win.scrollX,
    y: r.top + win.scrollY,
    w: r.width,
    h: r.height,
  });

  /**
   * Which top-level part of the page an element belongs to: the ancestor just under body (or under a single wrapper).
   */
  const regionOf = (el: Element): { index: number; tag: string } => {
    let top: Element = el;
    let container: Element = doc.body;
    // Descend through single wrappers (a page-level div around everything).
    while (
      container.children.length === 1 &&
      container.firstElementChild &&
      !["HEADER", "SECTION", "FOOTER", "NAV"].includes(container.firstElementChild.tagName)
    ) {
      container = container.firstElementChild;
    }
    for (let e: Element | null = el; e && e !== container; e = e.parentElement) top = e;
    const index = Array.prototype.indexOf.call(container.children, top) as number;
    const inNav = el.closest("nav, .navbar, [role=navigation]") !== null;
    return { index, tag: inNav ? "nav" : top.tagName.toLowerCase() };
  };

  /** The nearest ancestor that is a repeated unit (a grid column, a card, a list item), for the "drawn" transforms. */
  const cellOf = (el: Element): number | undefined => {
    const cell = el.closest('[class*="col-"], [class~="col"], .card, li, .portfolio-item, .team-member');
    return cell ? keyOf(cell) : undefined;
  };

  const all = Array.from(doc.querySelectorAll("body *"));
  const keys = new Map<Element, number>();
  all.forEach((el, i) => keys.set(el, i + 1));
  const keyOf = (el: Element): number => keys.get(el) ?? 0;

  const visible = (el: Element): boolean => {
    if (el.getClientRects().length === 0) return false;
    const cs = win.getComputedStyle(el);
    return cs.visibility === "visible" && opacityOf(el) > 0.05;
  };

  const insidePage = (
    b: { x: number; y: number; w: number; h: number },
    clip: { x0: number; y0: number; x1: number; y1: number },
  ): boolean => {
    const x0 = Math.max(b.x, clip.x0, 0);
    const y0 = Math.max(b.y, clip.y0, 0);
    const x1 = Math.min(b.x + b.w, clip.x1, pageWidth);
    const y1 = Math.min(b.y + b.h, clip.y1, pageHeight);
    return x1 - x0 >= 1 && y1 - y0 >= 1;
  };

  const radiiOf = (cs: CSSStyleDeclaration, w: number, h: number): [number, number, number, number] => {
    const corner = (text: string): number => {
      const first = text.split(/\s+/)[0] ?? "0";
      const value = first.endsWith("%") ? (parseFloat(first) / 100) * Math.min(w, h) : px(first);
      return Math.min(value, Math.min(w, h) / 2);
    };
    return [
      corner(cs.borderTopLeftRadius),
      corner(cs.borderTopRightRadius),
      corner(cs.borderBottomRightRadius),
      corner(cs.borderBottomLeftRadius),
    ];
  };

  const urlOf = (text: string): string | undefined => {
    const m = /url\(["']?([^"')]+)["']?\)/.exec(text);
    return m ? new URL(m[1]!, doc.baseURI).href : undefined;
  };

  const items: MeasuredItem[] = [];
  let domIndex = 0;
  const base = (el: Element, b: { x: number; y: number; w: number; h: number }) => ({
    key: keyOf(el),
    tag: el.tagName.toLowerCase(),
    className: typeof el.className === "string" ? el.className : "",
    box: b,
    z: zOf(el),
    order: domIndex++,
    opacity: Math.round(opacityOf(el) * 1000) / 1000,
    region: regionOf(el),
    ...(cellOf(el) !== undefined ? { cell: cellOf(el)! } : {}),
    link: el.closest("a, button") !== null,
  });

  /** The element's own paint (background, border, shadow), or undefined when it paints nothing. */
  const paintOf = (
    el: Element,
    cs: CSSStyleDeclaration,
    b: { x: number; y: number; w: number; h: number },
  ): MeasuredBox | undefined => {
    const fills: MeasuredBox["fills"] = [];
    // A background clipped to the text paints the letters, not a box (see runStyleOf).
    if (clipsToText(cs)) return undefined;
    const bg = parseColor(cs.backgroundColor);
    if (visibleColor(bg)) fills.push({ kind: "solid", color: bg });
    if (cs.backgroundImage && cs.backgroundImage !== "none") {
      // CSS lists the top layer first; Figma lists the bottom paint first.
      for (const layer of splitTop(cs.backgroundImage).reverse()) {
        if (layer.startsWith("url(")) {
          const src = urlOf(layer);
          if (src) fills.push({ kind: "image", src, fit: cs.backgroundSize === "contain" ? "contain" : "cover" });
        } else if (layer.startsWith("linear-gradient(")) {
          fills.push({ kind: "linear-gradient", css: layer });
        }
      }
    }
    const sides = (["Top", "Right", "Bottom", "Left"] as const).map((s) => {
      const width =
        cs.getPropertyValue(`border-${s.toLowerCase()}-style`) === "none"
          ? 0
          : px(cs.getPropertyValue(`border-${s.toLowerCase()}-width`));
      return { width, color: parseColor(cs.getPropertyValue(`border-${s.toLowerCase()}-color`)) };
    });
    const borderSides = sides.map((s) => (visibleColor(s.color) ? s.width : 0));
    const borderColor = sides.find((_s, i) => borderSides[i]! > 0)?.color;
    const shadows = shadowsOf(cs.boxShadow);
    if (fills.length === 0 && !borderSides.some((w) => w > 0) && shadows.length === 0) return undefined;
    return {
      kind: "box",
      ...base(el, b),
      fills,
      ...(borderColor
        ? { border: { color: borderColor, sides: borderSides as [number, number, number, number] } }
        : {}),
      radius: radiiOf(cs, b.w, b.h),
      shadows,
    };
  };

  /**
   * A positioned ::before / ::after that paints (a masthead's dark overlay, a decorative shape): its box from
   * its containing block's padding box and its resolved offsets and size.
   */
  const pseudoPaint = (el: Element, which: "::before" | "::after"): void => {
    const ps = win.getComputedStyle(el, which);
    if (ps.content === "none" || ps.display === "none" || (ps.position !== "absolute" && ps.position !== "fixed"))
      return;
    let holder: Element = el;
    while (holder.parentElement && win.getComputedStyle(holder).position === "static") holder = holder.parentElement;
    const hr = holder.getBoundingClientRect();
    const hs = win.getComputedStyle(holder);
    const left = hr.left + win.scrollX + px(hs.borderLeftWidth) + px(ps.left);
    const top = hr.top + win.scrollY + px(hs.borderTopWidth) + px(ps.top);
    const w =
      px(ps.width) + px(ps.paddingLeft) + px(ps.paddingRight) + px(ps.borderLeftWidth) + px(ps.borderRightWidth);
    const h =
      px(ps.height) + px(ps.paddingTop) + px(ps.paddingBottom) + px(ps.borderTopWidth) + px(ps.borderBottomWidth);
    if (w < 1 || h < 1 || Number(ps.opacity) === 0) return;
    const b = { x: left, y: top, w, h };
    if (!insidePage(b, clipOf(el))) return;
    const paint = paintOf(el, ps, b);
    if (!paint) return;
    paint.opacity = Math.round(opacityOf(el) * Number(ps.opacity) * 1000) / 1000;
    paint.tag = `${paint.tag}${which}`;
    // Its own stacking: a z-index on the pseudo-element itself.
    if (ps.zIndex !== "auto") paint.z = Math.max(paint.z, Number(ps.zIndex) || 0);
    items.push(paint);
  };

  const INLINE_DISPLAYS = new Set(["inline", "contents"]);
  const ATOMIC = new Set(["IMG", "SVG", "INPUT", "BUTTON", "SELECT", "TEXTAREA", "VIDEO", "CANVAS", "IFRAME", "svg"]);

  const clipsToText = (cs: CSSStyleDeclaration): boolean =>
    cs.backgroundClip === "text" || cs.getPropertyValue("-webkit-background-clip") === "text";

  /**
   * The colour letters show: their own, or for transparent text over a background clipped to it, the gradient's first
   * colour.
   */
  const letterColor = (el: Element, cs: CSSStyleDeclaration): Rgba | undefined => {
    const own = parseColor(cs.color);
    if (own && own.a > 0.01) return own;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = win.getComputedStyle(e);
      if (!clipsToText(s)) continue;
      const stop = /rgba?\([^)]*\)/.exec(s.backgroundImage)?.[0];
      const c = stop ? parseColor(stop) : parseColor(s.backgroundColor);
      if (c) return { ...c, a: Math.max(c.a, 0.5) };
    }
    return own;
  };

  /** The weights each web font family declares (@font-face rules of the page's stylesheets). */
  const declared = new Map<string, Set<number>>();
  for (const face of Array.from(doc.fonts)) {
    const family = face.family.replace(/^["']|["']$/g, "").toLowerCase();
    const weight = Number(face.weight);
    if (!Number.isFinite(weight)) continue;
    declared.set(family, (declared.get(family) ?? new Set()).add(weight));
  }
  /**
   * The weight a text is drawn in: the declared face CSS font matching picks for the computed weight (a page
   * asking for 500 of a family it loads as 400 and 700 draws 400), as a designer's file would name it.
   */
  const usedWeight = (family: string, weight: number): number => {
    const faces = declared.get(family.toLowerCase());
    if (!faces || faces.size === 0 || faces.has(weight)) return weight;
    const list = [...faces].sort((a, b) => a - b);
    const below = list.filter((w) => w < weight).reverse();
    const above = list.filter((w) => w > weight);
    if (weight >= 400 && weight <= 500) {
      const upTo500 = above.filter((w) => w <= 500);
      return upTo500[0] ?? below[0] ?? above[0] ?? weight;
    }
    return (weight < 400 ? (below[0] ?? above[0]) : (above[0] ?? below[0])) ?? weight;
  };

  const runStyleOf = (cs: CSSStyleDeclaration, el?: Element): TextRunStyle => {
    const lineHeight = cs.lineHeight === "normal" ? undefined : px(cs.lineHeight);
    const spacing = cs.letterSpacing === "normal" ? 0 : px(cs.letterSpacing);
    const decoration = cs.textDecorationLine.includes("underline")
      ? "underline"
      : cs.textDecorationLine.includes("line-through")
        ? "line-through"
        : undefined;
    const transform =
      cs.textTransform === "uppercase"
        ? "upper"
        : cs.textTransform === "lowercase"
          ? "lower"
          : cs.textTransform === "capitalize"
            ? "title"
            : undefined;
    return {
      family: firstFamily(cs.fontFamily),
      size: px(cs.fontSize),
      weight: usedWeight(firstFamily(cs.fontFamily), Number(cs.fontWeight) || 400),
      ...(cs.fontStyle === "italic" ? { italic: true } : {}),
      ...(lineHeight !== undefined ? { lineHeight } : {}),
      ...(spacing !== 0 ? { letterSpacing: spacing } : {}),
      color: (el ? letterColor(el, cs) : parseColor(cs.color)) ?? { r: 0, g: 0, b: 0, a: 1 },
      ...(decoration ? { decoration } : {}),
      ...(transform ? { transform } : {}),
    };
  };

  let textCount = 0;

  /**
   * The inline content of `block`, cut at block-level and atomic children into segments; each segment with
   * visible characters becomes one text (its pieces wrapped in one span that carries its node id).
   */
  const textsOf = (block: Element): void => {
    type Piece = { node: Text; style: TextRunStyle };
    const segments: Piece[][] = [[]];
    const walk = (parent: Element, style: TextRunStyle): void => {
      for (const child of Array.from(parent.childNodes)) {
        if (child.nodeType === 3) {
          segments[segments.length - 1]!.push({ node: child as Text, style });
          continue;
        }
        if (child.nodeType !== 1) continue;
        const el = child as Element;
        const cs = win.getComputedStyle(el);
        if (cs.display === "none") continue;
        if (el.tagName === "BR") {
          const br = doc.createTextNode("\n");
          segments[segments.length - 1]!.push({ node: br, style });
          continue;
        }
        if (INLINE_DISPLAYS.has(cs.display) && !ATOMIC.has(el.tagName)) {
          walk(el, cs.visibility === "visible" ? runStyleOf(cs, el) : style);
          continue;
        }
        segments.push([]);
      }
    };
    walk(block, runStyleOf(win.getComputedStyle(block), block));
    const blockCs = win.getComputedStyle(block);
    const pre = blockCs.whiteSpace.startsWith("pre");
    for (const pieces of segments) {
      let chars = "";
      const runs: MeasuredText["runs"] = [];
      for (const piece of pieces) {
        let text = piece.node.textContent ?? "";
        if (piece.node.parentNode === null)
          text = "\n"; // a <br>
        else if (!pre) text = text.replace(/\s+/g, " ");
        if (!pre && (chars === "" || chars.endsWith(" ") || chars.endsWith("\n"))) text = text.replace(/^ /, "");
        if (text === "") continue;
        if (text === "\n" && chars.endsWith(" ")) chars = chars.slice(0, -1);
        runs.push({ start: chars.length, end: chars.length + text.length, style: piece.style });
        chars += text;
      }
      const trimmed = chars.replace(/\s+$/, "");
      if (trimmed.trim() === "") continue;
      for (const r of runs) r.end = Math.min(r.end, trimmed.length);
      const kept = runs.filter((r) => r.end > r.start);
      const attached = pieces.map((p) => p.node).filter((n) => n.parentNode !== null);
      // Line boxes of the segment's text nodes.
      const range = doc.createRange();
      const rects: DOMRect[] = [];
      for (const node of attached) {
        range.selectNodeContents(node);
        for (const r of Array.from(range.getClientRects())) if (r.width > 0 && r.height > 0) rects.push(r);
      }
      if (rects.length === 0) continue;
      const clip = clipOf(block);
      const left = Math.min(...rects.map((r) => r.left)) + win.scrollX;
      const top = Math.min(...rects.map((r) => r.top)) + win.scrollY;
      const right = Math.max(...rects.map((r) => r.right)) + win.scrollX;
      const bottom = Math.max(...rects.map((r) => r.bottom)) + win.scrollY;
      const ink = { x: left, y: top, w: right - left, h: bottom - top };
      if (!insidePage(ink, clip)) continue;
      // Lines: line boxes whose vertical middles differ.
      const middles: number[] = [];
      for (const r of rects) {
        const mid = r.top + r.height / 2;
        if (!middles.some((m) => Math.abs(m - mid) < r.height / 2)) middles.push(mid);
      }
      const content = block.getBoundingClientRect();
      const padL = px(blockCs.paddingLeft) + px(blockCs.borderLeftWidth);
      const padR = px(blockCs.paddingRight) + px(blockCs.borderRightWidth);
      const id = `${options.idPrefix}${++textCount}`;
      // Tag the segment for later widths: its run of the block's child nodes, wrapped in one inline span
      // (inline content in an inline box: no layout change).
      const childOf = (n: Node): Node => {
        let c = n;
        while (c.parentNode && c.parentNode !== block) c = c.parentNode;
        return c;
      };
      const from = childOf(attached[0]!);
      const to = childOf(attached[attached.length - 1]!);
      const span = doc.createElement("span");
      span.setAttribute("data-node-id", id);
      block.insertBefore(span, from);
      for (let node: Node | null = from; node; ) {
        const next: Node | null = node === to ? null : node.nextSibling;
        span.appendChild(node);
        node = next;
      }
      const item: MeasuredText = {
        kind: "text",
        ...base(block, ink),
        id,
        chars: trimmed,
        runs: kept,
        lines: middles.length,
        align:
          blockCs.textAlign === "center"
            ? "center"
            : blockCs.textAlign === "right" || blockCs.textAlign === "end"
              ? "right"
              : blockCs.textAlign === "justify"
                ? "justify"
                : "left",
        column: { x: content.left + win.scrollX + padL, w: content.width - padL - padR },
      };
      items.push(item);
    }
  };

  const imageOf = (
    el: Element,
    cs: CSSStyleDeclaration,
    b: { x: number; y: number; w: number; h: number },
  ): MeasuredImage | undefined => {
    let src: string | undefined;
    if (el instanceof HTMLImageElement) src = el.currentSrc || el.src;
    else if (el instanceof HTMLVideoElement) src = el.poster ? new URL(el.poster, doc.baseURI).href : undefined;
    if (!src) return undefined;
    const fit = cs.objectFit === "contain" ? "contain" : cs.objectFit === "cover" ? "cover" : "fill";
    return { kind: "image", ...base(el, b), src, fit, radius: radiiOf(cs, b.w, b.h) };
  };

  const fieldText = (el: Element, cs: CSSStyleDeclaration): void => {
    const input = el as HTMLInputElement | HTMLTextAreaElement;
    const value = input.value || input.placeholder || "";
    if (value.trim() === "") return;
    const placeholder = input.value === "";
    const style = runStyleOf(placeholder ? win.getComputedStyle(el, "::placeholder") : cs);
    if (placeholder) style.color = parseColor(win.getComputedStyle(el, "::placeholder").color) ?? style.color;
    // A transparent placeholder (under a floating label) shows nothing.
    if (style.color.a < 0.05) return;
    const r = el.getBoundingClientRect();
    const padL = px(cs.paddingLeft) + px(cs.borderLeftWidth);
    const padT = px(cs.paddingTop) + px(cs.borderTopWidth);
    const lineHeight = style.lineHeight ?? style.size * 1.2;
    const id = `${options.idPrefix}${++textCount}`;
    el.setAttribute("data-node-id", id);
    const x = r.left + win.scrollX + padL;
    const y =
      el.tagName === "TEXTAREA" ? r.top + win.scrollY + padT : r.top + win.scrollY + (r.height - lineHeight) / 2;
    items.push({
      kind: "text",
      ...base(el, { x, y, w: Math.max(1, r.width - 2 * padL), h: lineHeight }),
      id,
      chars: value,
      runs: [{ start: 0, end: value.length, style }],
      lines: 1,
      align: "left",
      column: { x, w: Math.max(1, r.width - 2 * padL) },
      field: true,
    });
  };

  for (const el of all) {
    if (!visible(el)) continue;
    const cs = win.getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const b = boxOf(rect);
    const clip = clipOf(el);
    if (!insidePage(b, clip) && el.tagName !== "svg") {
      // Still look for text inside: a zero-size inline wrapper can hold visible text.
      if (cs.display !== "inline") continue;
    }
    if (b.w >= 1 && b.h >= 1) {
      const paint = paintOf(el, cs, b);
      if (paint) items.push(paint);
      const image = imageOf(el, cs, b);
      if (image) items.push(image);
    }
    if (el.tagName === "INPUT" || el.tagName === "TEXTAREA") {
      const type = (el as HTMLInputElement).type;
      if (!["checkbox", "radio", "hidden", "submit", "button", "range", "color", "file"].includes(type))
        fieldText(el, cs);
      continue;
    }
    for (const which of ["::before", "::after"] as const) pseudoPaint(el, which);
    if (INLINE_DISPLAYS.has(cs.display) || (ATOMIC.has(el.tagName) && el.tagName !== "BUTTON") || el.closest("svg"))
      continue;
    textsOf(el);
  }

  const body = parseColor(win.getComputedStyle(doc.body).backgroundColor);
  const html = parseColor(win.getComputedStyle(root).backgroundColor);
  return {
    url: doc.location.href,
    title: doc.title,
    width: pageWidth,
    height: pageHeight,
    background: visibleColor(body) ? body : visibleColor(html) ? html : { r: 1, g: 1, b: 1, a: 1 },
    items,
  };
}
