/**
 * Figma's masks in CSS. A layer with `mask` is not painted; it masks the siblings drawn above it (after it in its
 * parent's children), up to the next mask or the parent's end. Its outline clips them (`clip-path`: an ellipse, a
 * rounded inset, or a vector's own path); where the mask masks by more than its outline (an alpha mask whose fills
 * are an image, a gradient or see-through, a luminance mask) its fills become a CSS `mask` at its box: a picture's
 * alpha (or luminance) masks, placed by its scale mode as the picture itself would be. A picture without its bytes
 * (a grey placeholder) masks as the mask's outline, said in a note.
 *
 * Either the parent itself carries the mask (its only mask, drawn first, and a parent that paints nothing the mask
 * must not cut), or the masked siblings are wrapped in a box over the parent's (same origin and size, so their own
 * placement does not change) that carries it.
 */
import { round } from "../design/color.js";
import type { Asset, DesignNode, Paint } from "../design/types.js";
import { flexContainerDecls, imagePlacement, type AssetUrls, type Decl } from "./css.js";
import { flexOf, gridOf } from "../design/layout-kind.js";
import { childBoxes } from "../design/placed.js";

const px = (v: number): string => (v === 0 ? "0" : `${round(v)}px`);
/** `v` of `of` px in percent (of the masked box's own size: the outline scales with the box), px without a size. */
const share = (v: number, of: number): string => (of > 0 ? (v === 0 ? "0" : `${round((v / of) * 100)}%`) : px(v));

/** A mask and the siblings it masks: `parent.children` indices from (the mask's own) + 1 up to `to`, exclusive. */
export interface MaskRange {
  mask: DesignNode;
  at: number;
  to: number;
}

/** The masks among `parent`'s visible children, each with the siblings above it up to the next mask. */
export function maskRanges(parent: DesignNode): MaskRange[] {
  const children = parent.children ?? [];
  const at = children.flatMap((c, i) => (c.mask && !c.hidden ? [i] : []));
  return at.map((i, k) => ({ mask: children[i]!, at: i, to: at[k + 1] ?? children.length }));
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The mask's box in its parent's coordinates: where it was drawn, or for the first item of an auto layout (a mask in
 * a flow, as Figma allows) where that layout puts it. Undefined when the flow places it in a way this does not read.
 */
export function maskBox(parent: DesignNode, mask: DesignNode): Box | undefined {
  if (mask.x !== undefined && mask.y !== undefined) return { x: mask.x, y: mask.y, w: mask.w, h: mask.h };
  // In a grid, its area says where it is.
  if (gridOf(parent))
    return childBoxes(parent, { x: 0, y: 0, w: parent.w, h: parent.h }).find((c) => c.child === mask)?.box;
  const layout = flexOf(parent);
  if (!layout) return undefined;
  const flow = (parent.children ?? []).filter((c) => !c.hidden && !c.absolute);
  if (flow[0] !== mask) return undefined;
  const [top, right, bottom, left] = layout.padding;
  const row = layout.dir === "row";
  const innerMain = row ? parent.w - left - right : parent.h - top - bottom;
  const innerCross = row ? parent.h - top - bottom : parent.w - left - right;
  const main = row ? mask.w : mask.h;
  const cross = row ? mask.h : mask.w;
  // Along the main axis only the start is read (centred or at the end, the other items' sizes would count).
  const alone = flow.length === 1;
  const mainAt =
    layout.justify === "start" || layout.justify === "space-between"
      ? 0
      : !alone
        ? undefined
        : layout.justify === "center"
          ? (innerMain - main) / 2
          : innerMain - main;
  if (mainAt === undefined) return undefined;
  const crossAt =
    layout.align === "center" ? (innerCross - cross) / 2 : layout.align === "end" ? innerCross - cross : 0;
  return row
    ? { x: left + mainAt, y: top + crossAt, w: mask.w, h: mask.h }
    : { x: left + crossAt, y: top + mainAt, w: mask.w, h: mask.h };
}

const PARAMS: Record<string, number> = { M: 2, L: 2, T: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, A: 7, Z: 0 };
const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y;

/** Which of a command's parameters are x and y coordinates (absolute commands move by the offset there). */
function shifted(command: string, index: number): "x" | "y" | undefined {
  if (command === "H") return "x";
  if (command === "V") return "y";
  if (command === "A") return index === 5 ? "x" : index === 6 ? "y" : undefined;
  return index % 2 === 0 ? "x" : "y";
}

/**
 * SVG path data moved by (dx, dy): absolute coordinates shift, relative ones stay (a path's first `m` is absolute).
 * Undefined for anything but well-formed path data.
 */
export function translatePath(d: string, dx: number, dy: number): string | undefined {
  const out: string[] = [];
  let at = 0;
  let command = "";
  let first = true;
  const skip = (): void => {
    while (at < d.length && /[\s,]/.test(d[at]!)) at++;
  };
  const number = (): number | undefined => {
    skip();
    NUMBER.lastIndex = at;
    const m = NUMBER.exec(d);
    if (!m) return undefined;
    at += m[0].length;
    return Number(m[0]);
  };
  skip();
  while (at < d.length) {
    if (/[a-zA-Z]/.test(d[at]!)) {
      command = d[at++]!;
      if (PARAMS[command.toUpperCase()] === undefined) return undefined;
      out.push(command);
      if (command.toUpperCase() === "Z") {
        skip();
        continue;
      }
    } else if (!command || command.toUpperCase() === "Z") return undefined;
    const upper = command.toUpperCase();
    const absolute = command === upper || (first && command === "m");
    for (let i = 0; i < PARAMS[upper]!; i++) {
      const v = number();
      if (v === undefined) return undefined;
      const axis = absolute ? shifted(upper, i) : undefined;
      out.push(String(round(axis === "x" ? v + dx : axis === "y" ? v + dy : v, 2)));
    }
    first = false;
    // Further pairs after a move are lines, relative after a relative move.
    if (command === "M") command = "L";
    else if (command === "m") command = "l";
    skip();
  }
  return out.length > 0 ? out.join(" ") : undefined;
}

/** A vector's outline from its SVG (paths only, drawn in a viewBox of its own size), or undefined. */
export function svgOutline(svg: string, w: number, h: number): { d: string; rule: "nonzero" | "evenodd" } | undefined {
  const view = /viewBox="\s*([-\d.]+)[\s,]+([-\d.]+)[\s,]+([-\d.]+)[\s,]+([-\d.]+)\s*"/.exec(svg);
  if (
    !view ||
    Number(view[1]) !== 0 ||
    Number(view[2]) !== 0 ||
    Math.abs(Number(view[3]) - w) > 0.5 ||
    Math.abs(Number(view[4]) - h) > 0.5
  )
    return undefined;
  // Anything placed or shaped otherwise than by a path's own data would be lost.
  if (/transform=|<(?:rect|ellipse|circle|polygon|polyline|line|image|use|text|mask|clipPath)\b/.test(svg))
    return undefined;
  const paths = [...svg.matchAll(/<path\b([^>]*)>/g)].map((m) => m[1]!);
  const ds = paths
    .map((a) => /\sd="([^"]*)"/.exec(a)?.[1])
    .filter((d): d is string => d !== undefined && d.trim() !== "");
  if (ds.length === 0 || ds.length !== paths.length) return undefined;
  const rules = new Set(paths.map((a) => (/fill-rule="evenodd"/.test(a) ? "evenodd" : "nonzero")));
  if (rules.size > 1) return undefined;
  return { d: ds.join(" "), rule: [...rules][0] === "evenodd" ? "evenodd" : "nonzero" };
}

/** The mask's outline as a `clip-path` in its parent's box; `exact` false where only its box is known. */
export function maskClip(
  mask: DesignNode,
  box: Box,
  parent: { w: number; h: number },
  assets: Record<string, Asset>,
): { clip: string; exact: boolean } {
  const { x, y, w, h } = box;
  // In percent of the parent's box: where the box scales as a unit or grows below the design width, the outline goes
  // with it (in px it stayed where drawn, and cut away the texts it holds on a phone).
  if (mask.kind === "ellipse") {
    const [rx, ry] = [share(w / 2, parent.w), share(h / 2, parent.h)];
    return { clip: `ellipse(${rx} ${ry} at ${share(x + w / 2, parent.w)} ${share(y + h / 2, parent.h)})`, exact: true };
  }
  const asset = mask.asset !== undefined ? assets[mask.asset] : undefined;
  if (asset?.kind === "svg" && asset.svg !== undefined && !asset.placeholder) {
    const outline = svgOutline(asset.svg, w, h);
    const d = outline ? translatePath(outline.d, x, y) : undefined;
    if (outline && d) return { clip: `path(${outline.rule === "evenodd" ? "evenodd, " : ""}"${d}")`, exact: true };
  }
  const inset = [
    share(y, parent.h),
    share(parent.w - x - w, parent.w),
    share(parent.h - y - h, parent.h),
    share(x, parent.w),
  ].join(" ");
  const r = mask.radius;
  const rounded = r === undefined ? "" : ` round ${typeof r === "number" ? px(r) : r.map(px).join(" ")}`;
  const exact =
    mask.kind === "rect" ||
    mask.kind === "frame" ||
    mask.kind === "component" ||
    mask.kind === "instance" ||
    (mask.kind === "group" && !mask.children?.length);
  return { clip: `inset(${inset}${rounded})`, exact };
}

const opaque = (p: Paint): boolean => p.kind === "solid" && !p.color.startsWith("rgba(");

/**
 * Whether the mask masks by more than its outline: luminance, or an alpha mask whose fills are not all opaque colours.
 */
export function masksByPaint(mask: DesignNode): boolean {
  if (mask.maskType === "vector") return false;
  const fills = mask.fills ?? [];
  if (mask.maskType === "luminance") return fills.length > 0;
  return fills.some((f) => !opaque(f));
}

/** Whether the mask's box is the whole box it masks (its group's usual bounds): its layers then size by keywords. */
function fillsParent(box: Box, parent: { w: number; h: number }): boolean {
  return (
    Math.abs(box.x) < 0.5 &&
    Math.abs(box.y) < 0.5 &&
    Math.abs(box.w - parent.w) < 0.5 &&
    Math.abs(box.h - parent.h) < 0.5
  );
}

/**
 * One fill of the mask as a CSS mask layer at the mask's box (the layer outside the box is cut by the clip). Over the
 * whole box it is placed as a background is (cover, contain, a tile, a crop's percentages), so it follows the box
 * when the layout resizes it and needs no picture size; elsewhere it is placed in px inside the box.
 */
function maskLayer(
  paint: Paint,
  box: Box,
  parent: { w: number; h: number },
  urls: AssetUrls,
  assets: Record<string, Asset>,
): string {
  const whole = fillsParent(box, parent);
  const at = `${px(box.x)} ${px(box.y)}`;
  const stretched = `${at} / ${px(box.w)} ${px(box.h)} no-repeat`;
  if (paint.kind === "solid") return `linear-gradient(${paint.color}, ${paint.color})${whole ? "" : ` ${stretched}`}`;
  if (paint.kind === "gradient") return whole ? paint.css : `${paint.css} ${stretched}`;
  const url = `url(${urls.maskUrl?.(paint.asset) ?? urls.cssUrl(paint.asset)})`;
  if (whole) return `${url} ${imagePlacement(paint)}`;
  if (paint.fit === "crop" && paint.crop) {
    const [cx, cy, cw, ch] = paint.crop;
    const iw = box.w / cw;
    const ih = box.h / ch;
    return `${url} ${px(box.x - cx * iw)} ${px(box.y - cy * ih)} / ${px(iw)} ${px(ih)} no-repeat`;
  }
  if (paint.fit === "tile") return `${url} ${at} / ${imagePlacement(paint).split(" / ")[1]}`;
  const image = assets[paint.asset];
  const size = image?.kind === "image" && image.width && image.height ? { w: image.width, h: image.height } : undefined;
  if ((paint.fit === "cover" || paint.fit === "contain") && size) {
    const scale = (paint.fit === "cover" ? Math.max : Math.min)(box.w / size.w, box.h / size.h);
    const iw = size.w * scale;
    const ih = size.h * scale;
    return `${url} ${px(box.x + (box.w - iw) / 2)} ${px(box.y + (box.h - ih) / 2)} / ${px(iw)} ${px(ih)} no-repeat`;
  }
  // Stretched, or an image whose size is not known (cover and contain need it to be placed in the box).
  return `${url} ${stretched}`;
}

/** Whether one of the mask's fills is a picture without its bytes: a grey placeholder, which would mask as a box. */
export function maskPictureMissing(mask: DesignNode, assets: Record<string, Asset>): boolean {
  return (mask.fills ?? []).some((f) => {
    if (f.kind !== "image") return false;
    const asset = assets[f.asset];
    return asset?.kind !== "image" || asset.bytes === undefined;
  });
}

/**
 * What a box over the parent's (the parent itself, or a wrapper of the same origin and size) takes to mask as `mask`
 * does: its clip, and its fills as a CSS mask where they mask by more than the outline (`-webkit-mask` first, for
 * Safari and Chromium before 120). Undefined when the mask's box is not known (rotated, or placed by a flow this does
 * not read). `exact` false where only the mask's box clips; `pictureMissing` where a picture the mask masks with has
 * no bytes, so that it masks as its outline only.
 */
export function maskDecls(
  parent: DesignNode,
  mask: DesignNode,
  urls: AssetUrls,
  assets: Record<string, Asset>,
): { decls: Decl[]; exact: boolean; pictureMissing?: true } | undefined {
  if (mask.rotation !== undefined) return undefined;
  const box = maskBox(parent, mask);
  if (!box) return undefined;
  const { clip, exact } = maskClip(mask, box, parent, assets);
  const decls: Decl[] = [["clip-path", clip]];
  const byPaint = masksByPaint(mask);
  // A placeholder's grey is opaque: masking with it would be masking with the box, which the clip already does.
  const pictureMissing = byPaint && maskPictureMissing(mask, assets);
  if (byPaint && !pictureMissing) {
    // Figma lists fills bottom first; CSS lists mask layers top first.
    const layers = [...(mask.fills ?? [])].reverse().map((p) => maskLayer(p, box, parent, urls, assets));
    // A luminance mask says so in each layer of the shorthand: a `mask-mode` of its own would be reset by a `mask`
    // written after it (Tailwind orders arbitrary properties by name). The prefixed shorthand knows no mode.
    const mode = mask.maskType === "luminance" ? " luminance" : "";
    decls.push(["-webkit-mask", layers.join(", ")], ["mask", layers.map((l) => `${l}${mode}`).join(", ")]);
  }
  // The mask's own opacity lowers what it lets through, unless only its outline counts.
  if (mask.opacity !== undefined && mask.maskType !== "vector") decls.push(["opacity", String(mask.opacity)]);
  return { decls, exact, ...(pictureMissing ? { pictureMissing: true as const } : {}) };
}

/**
 * Whether the parent paints something of its own that its children's mask must not cut (a fill, a stroke, a shadow).
 */
function paintsItself(parent: DesignNode): boolean {
  return (
    (parent.fills ?? []).length > 0 ||
    parent.stroke !== undefined ||
    parent.effects !== undefined ||
    parent.opacity !== undefined
  );
}

/** How `parent`'s masks are drawn: on the parent itself, or as wrappers of the ranges; masks that are not drawn. */
export interface MaskPlan {
  /** Declarations the parent takes (its only mask, drawn first). */
  own: Decl[];
  /**
   * The ranges drawn in a wrapper, with the wrapper's declarations (its place, the mask's); `from`: the first child
   * index it holds (the mask's own in a flow, where the mask keeps its slot; else the layer above it).
   */
  wrapped: { range: MaskRange; decls: Decl[]; from: number }[];
  /**
   * Masks not reproduced: their siblings are drawn unmasked. `box`: reproduced as their box only; `picture`: as their
   * outline, the picture they mask with having no bytes.
   */
  lost: { mask: DesignNode; why: "placed" | "box" | "picture" }[];
}

export function maskPlan(parent: DesignNode, urls: AssetUrls, assets: Record<string, Asset>, root: boolean): MaskPlan {
  const plan: MaskPlan = { own: [], wrapped: [], lost: [] };
  const children = parent.children ?? [];
  const ranges = maskRanges(parent).filter((r) => children.slice(r.at + 1, r.to).some((c) => !c.hidden));
  const firstShown = children.findIndex((c) => !c.hidden);
  for (const range of ranges) {
    const found = maskDecls(parent, range.mask, urls, assets);
    if (!found) {
      plan.lost.push({ mask: range.mask, why: "placed" });
      continue;
    }
    if (!found.exact) plan.lost.push({ mask: range.mask, why: "box" });
    if (ranges.length === 1 && range.at === firstShown && !root && !paintsItself(parent) && !parent.stackBelow) {
      plan.own = found.decls;
      if (found.pictureMissing) plan.lost.push({ mask: range.mask, why: "picture" });
      continue;
    }
    // A wrapper takes the masked layers out of their parent's flow: only for layers placed absolutely.
    const masked = children.slice(range.at + 1, range.to).filter((c) => !c.hidden);
    const inFlow = masked.some((c) => parent.layout && !c.absolute);
    const flow = inFlow ? flowWrapper(parent, range, children) : undefined;
    if (flow) {
      plan.wrapped.push({ range, decls: [...flow, ...found.decls], from: range.at });
      if (found.pictureMissing) plan.lost.push({ mask: range.mask, why: "picture" });
      continue;
    }
    if (parent.stackBelow !== undefined || inFlow || masked.some((c) => c.stack !== undefined)) {
      plan.lost.push({ mask: range.mask, why: "placed" });
      continue;
    }
    const place: Decl[] = [
      ["position", "absolute"],
      ["left", "0"],
      ["top", "0"],
      ["width", "100%"],
      ["height", "100%"],
    ];
    plan.wrapped.push({ range, decls: [...place, ...found.decls], from: range.at + 1 });
    if (found.pictureMissing) plan.lost.push({ mask: range.mask, why: "picture" });
  }
  return plan;
}

/**
 * Where masked layers are in an auto layout's flow and the parent cannot carry the mask (it paints itself): a wrapper
 * that is the flow instead, holding the mask (its slot) and the layers above it. It is the parent's only flow item,
 * stretched over its padding box (negative margins of the padding, the padding its own), and lays its items out as
 * the parent would, so that they stay where they were and a hugging parent keeps its size. Only for the last range
 * of a flex layout whose flow the mask starts (the layers below it absolute, drawn under the wrapper); undefined
 * otherwise.
 */
function flowWrapper(parent: DesignNode, range: MaskRange, children: DesignNode[]): Decl[] | undefined {
  const layout = flexOf(parent);
  if (!layout || layout.wrap || parent.stackBelow !== undefined || range.to !== children.length) return undefined;
  const flow = children.filter((c) => !c.hidden && !c.absolute);
  if (flow[0] !== range.mask || children.some((c) => c.stack !== undefined)) return undefined;
  const [t, r, b, l] = layout.padding;
  return [
    ["position", "relative"],
    ["flex", "1 1 auto"],
    ["align-self", "stretch"],
    ["min-width", "0"],
    ...(layout.padding.some((p) => p !== 0) ? ([["margin", [t, r, b, l].map((v) => px(-v)).join(" ")]] as Decl[]) : []),
    ...flexContainerDecls(layout),
  ];
}

/**
 * A mask layer as it is drawn: its box only (its paint and its outline's SVG go), and so are its layers, when a group
 * or a frame is the mask (build.ts draws them unpainted too).
 */
export function unpaintedMask(mask: DesignNode): DesignNode {
  const {
    fills: _fills,
    stroke: _stroke,
    effects: _effects,
    asset: _asset,
    parts: _parts,
    text: _text,
    component: _component,
    ...rest
  } = mask;
  const kind = mask.children?.length ? "group" : mask.kind === "ellipse" ? "ellipse" : "rect";
  return { ...rest, kind };
}
