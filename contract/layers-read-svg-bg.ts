/**
 * The DOM reader's SVG backgrounds (issue 51): a CSS `background-image` that is an SVG given as a data: URL (base64
 * or not) and drawn once (`background-repeat: no-repeat`) becomes a vector child of its layer, sized and placed as
 * the page draws it (background-origin, -size, -position), instead of an image fill Figma cannot make of SVG. Its
 * shapes are read as an inline `<svg>`'s are: the markup is put in a shadow root of its own (the page's CSS does not
 * reach it, as it does not reach a background), read, and taken out. A repeated SVG background keeps its image fill.
 * Self-contained as readLayers is (evaluated inside the page): given the vector reader.
 */
import type { LayerNode } from "./layers.js";

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Style {
  getPropertyValue(name: string): string;
}
interface BgElement {
  setAttribute(name: string, value: string): void;
  getBoundingClientRect(): Rect;
  remove(): void;
  appendChild(child: BgElement): void;
  attachShadow(init: { mode: "closed" | "open" }): { innerHTML: string; querySelector(q: string): BgElement | null };
}
interface BgGlobals {
  document: { createElement(tag: string): BgElement; documentElement: BgElement };
  atob(data: string): string;
  TextDecoder: new () => { decode(bytes: Uint8Array): string };
  performance: { getEntriesByName(name: string): ArrayLike<unknown> };
  XMLHttpRequest: new () => {
    open(method: string, url: string, async: boolean): void;
    send(): void;
    status: number;
    responseText: string;
  };
}
type VectorOf = (svg: never, base: Pick<LayerNode, "name" | "tag" | "box">, rect: Rect) => LayerNode;

/**
 * The background readers, given the inline SVG reader (layers-read-svg.ts' vectorOf), the CSS list splitter and the
 * markup of .svg files the caller already has, by URL (ReadOptions.svgs).
 */
export function svgBackgroundReaders(
  vectorOf: VectorOf,
  splitTop: (v: string) => string[],
  known?: Readonly<Record<string, string>>,
) {
  const g = globalThis as unknown as BgGlobals;
  const num = (v: string | undefined): number | undefined => {
    const m = /^\s*(-?[\d.]+)(px)?\s*$/.exec(v ?? "");
    return m ? Number(m[1]) : undefined;
  };

  /**
   * The SVG markup of a data: URL of type image/svg+xml, or of an .svg the page loaded (read again, from the
   * browser's cache or the page's server; one it did not load is never asked for); undefined for any other source.
   */
  const markupOf = (src: string): string | undefined => {
    const m = /^data:image\/svg\+xml([^,]*),([\s\S]*)$/i.exec(src);
    if (!m)
      return /\.svg([?#].*)?$/i.test(src) && g.performance.getEntriesByName(src).length > 0 ? loaded(src) : undefined;
    try {
      if (!/;base64/i.test(m[1] ?? "")) return decodeURIComponent(m[2]!);
      const binary = g.atob(m[2]!.replace(/\s+/g, ""));
      return new g.TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    } catch {
      return undefined;
    }
  };

  /** Each .svg asked for once per read (an icon used on every card is one request). */
  const fetched = new Map<string, string | undefined>();
  const loaded = (src: string): string | undefined => {
    const given = known?.[src];
    if (typeof given === "string") return /<svg\b/i.test(given) ? given : undefined;
    if (!fetched.has(src)) fetched.set(src, request(src));
    return fetched.get(src);
  };
  const request = (src: string): string | undefined => {
    try {
      const request = new g.XMLHttpRequest();
      request.open("GET", src, false);
      request.send();
      return request.status === 200 && /<svg\b/i.test(request.responseText) ? request.responseText : undefined;
    } catch {
      return undefined;
    }
  };

  /** The root `<svg>`'s own size (width/height in px) and its proportions (those, else its viewBox). */
  const intrinsic = (markup: string): { w?: number; h?: number; ratio?: number } => {
    const tag = /<svg\b[^>]*>/i.exec(markup)?.[0] ?? "";
    const attr = (name: string): string | undefined =>
      new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(tag)?.[1];
    const w = num(attr("width"));
    const h = num(attr("height"));
    const vb = (attr("viewBox") ?? "")
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    const ratio = w && h ? w / h : vb.length === 4 && vb[2]! > 0 && vb[3]! > 0 ? vb[2]! / vb[3]! : undefined;
    return { ...(w ? { w } : {}), ...(h ? { h } : {}), ...(ratio ? { ratio } : {}) };
  };

  /** A `<length-percentage>` (calc of % and px included) against `whole`; undefined for auto. */
  const lengthOf = (v: string, whole: number): number | undefined => {
    if (v === "auto" || v === "") return undefined;
    let out = 0;
    for (const m of v.replace(/\s+/g, "").matchAll(/([-+]?[\d.]+(?:e[-+]?\d+)?)(%|px)?/gi))
      out += m[2] === "%" ? (Number(m[1]) / 100) * whole : Number(m[1]);
    return out;
  };

  /** The drawn size of an image in an area of aw × ah under one `background-size` value (CSS Backgrounds 3). */
  const sizeOf = (size: string, aw: number, ah: number, own: ReturnType<typeof intrinsic>): [number, number] => {
    if (size === "cover" || size === "contain") {
      if (!own.ratio) return [aw, ah];
      const scale = (size === "cover" ? Math.max : Math.min)(aw / own.ratio, ah);
      return [scale * own.ratio, scale];
    }
    const [sw = "auto", sh = "auto"] = size.split(/\s+(?![^(]*\))/);
    const w = lengthOf(sw, aw);
    const h = lengthOf(sh, ah);
    if (w !== undefined && h !== undefined) return [w, h];
    if (w !== undefined) return [w, own.ratio ? w / own.ratio : (own.h ?? ah)];
    if (h !== undefined) return [own.ratio ? h * own.ratio : (own.w ?? aw), h];
    if (own.w && own.h) return [own.w, own.h];
    if (own.ratio && (own.w || own.h)) return own.w ? [own.w, own.w / own.ratio] : [own.h! * own.ratio, own.h!];
    return own.ratio ? sizeOf("contain", aw, ah, own) : [own.w ?? aw, own.h ?? ah];
  };

  /** The layer's no-repeat SVG backgrounds as vector children (bottom first); their image fills taken off `node`. */
  const svgBackgroundsOf = (style: Style, node: LayerNode): LayerNode[] => {
    const image = style.getPropertyValue("background-image");
    if (!/data:image\/svg\+xml|\.svg\b/i.test(image)) return [];
    const list = (name: string): string[] => splitTop(style.getPropertyValue(name));
    const [sizes, xs, ys, repeats, origins] = [
      list("background-size"),
      list("background-position-x"),
      list("background-position-y"),
      list("background-repeat"),
      list("background-origin"),
    ];
    const at = (values: string[], i: number): string => (values.length > 0 ? values[i % values.length]!.trim() : "");
    const edge = (kind: string, side: string): number =>
      kind === "border" && style.getPropertyValue(`border-${side}-style`) === "none"
        ? 0
        : (num(style.getPropertyValue(kind === "border" ? `border-${side}-width` : `${kind}-${side}`)) ?? 0);
    const out: LayerNode[] = [];
    splitTop(image).forEach((layer, i) => {
      const url = /^url\("?(.*?)"?\)$/s.exec(layer.trim())?.[1]?.replace(/\\(["\\])/g, "$1");
      const markup = url === undefined ? undefined : markupOf(url);
      if (url === undefined || markup === undefined) return;
      if (!/^no-repeat( no-repeat)?$/.test(at(repeats, i))) return;
      // The area it is placed in: the padding box unless background-origin says otherwise.
      const origin = at(origins, i) || "padding-box";
      const inset = (side: string): number =>
        (origin === "border-box" ? 0 : edge("border", side)) + (origin === "content-box" ? edge("padding", side) : 0);
      const [l, t] = [inset("left"), inset("top")];
      const aw = Math.max(0, node.box.w - l - inset("right"));
      const ah = Math.max(0, node.box.h - t - inset("bottom"));
      const [w, h] = sizeOf(at(sizes, i) || "auto", aw, ah, intrinsic(markup));
      if (!(w > 0 && h > 0)) return;
      const x = l + (lengthOf(at(xs, i) || "0%", aw - w) ?? 0);
      const y = t + (lengthOf(at(ys, i) || "0%", ah - h) ?? 0);
      const vector = read(markup, w, h, { x, y, w, h });
      if (!vector) return;
      const fills = node.fills ?? [];
      const index = fills.findIndex((p) => p.type === "IMAGE" && p.src.slice(0, 2_000_000) === url.slice(0, 2_000_000));
      if (index >= 0) fills.splice(index, 1);
      if (node.fills && fills.length === 0) delete node.fills;
      out.unshift(vector);
    });
    return out;
  };

  /** The markup drawn at w × h, read as an inline `<svg>` in a shadow root of its own, then taken out. */
  const read = (markup: string, w: number, h: number, box: LayerNode["box"]): LayerNode | undefined => {
    const host = g.document.createElement("div");
    host.setAttribute("style", "all:initial;position:absolute;left:0;top:0;display:block");
    g.document.documentElement.appendChild(host);
    try {
      const root = host.attachShadow({ mode: "closed" });
      root.innerHTML = markup;
      const svg = root.querySelector("svg");
      if (!svg) return undefined;
      svg.setAttribute("width", String(w));
      svg.setAttribute("height", String(h));
      svg.setAttribute("style", "display:block");
      const node = vectorOf(svg as never, { name: "background", tag: "svg", box }, svg.getBoundingClientRect());
      return { ...node, absolute: true, constraints: { horizontal: "MIN", vertical: "MIN" } };
    } finally {
      host.remove();
    }
  };

  /** Paint readers whose visuals also give a box its SVG backgrounds as children (a ::before / ::after box). */
  const withBackgrounds = <P extends { visuals(style: Style, node: LayerNode): void }>(
    p: P,
    room: () => boolean,
  ): P => ({
    ...p,
    visuals: (style: Style, node: LayerNode) => {
      p.visuals(style, node);
      const vectors = svgBackgroundsOf(style, node).filter(() => room());
      if (vectors.length > 0) node.children = vectors;
    },
  });

  return { svgBackgroundsOf, withBackgrounds };
}
