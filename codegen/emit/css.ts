/**
 * Design node → CSS declarations. Split in two, because a component's root gets its own look from the
 * component's stylesheet but its place and size from the screen that uses it:
 * - `placementDecls`: where the node sits in its parent (flex item sizing, or absolute + constraints);
 * - `ownDecls`: everything else (its layout for children, paint, text).
 */
import { round } from "../design/color.js";
import type { DesignNode, ImagePaint, Paint, TextStyle } from "../design/types.js";
import { boxShadowValue, px, type Decl } from "../css/decl.js";
import { fontStack } from "../fonts/stack.js";
import { isBackdrop } from "./screen.js";
import { flexOf, gridOf } from "../design/layout-kind.js";
import { gridContainerDecls, gridItemDecls } from "./grid.js";

/** The emitters take the pair from here with the declarations themselves (it lives in codegen/css/, below tokens/). */
export type { Decl };

export interface AssetUrls {
  /** URL of an asset as seen from the stylesheet being written. */
  cssUrl(key: string): string;
  /**
   * URL of a picture a mask masks with, where it differs from cssUrl: a CSS mask image is fetched in CORS mode, which
   * a page opened from disk (file://) never passes, so the HTML page, which users open that way, inlines it.
   */
  maskUrl?(key: string): string;
}

/**
 * The root of a screen: fluid up to the design width, so it never overflows a narrower viewport, and centred on a
 * wider one (codegen/emit/page.ts: the page around it, and its height below the design width).
 */
export function rootDecls(node: DesignNode): Decl[] {
  const out: Decl[] = [
    ["position", "relative"],
    ["width", "100%"],
  ];
  out.push(["max-width", px(node.w)]);
  // A clipping frame of shapes alone drawn as one SVG (vector.ts isShapePicture) scales as an image does; a loose
  // vector picked by id (it never clips) keeps its drawn height. A block: auto margins do not centre an inline <svg>.
  if (node.kind === "vector" && node.clip)
    out.push(["display", "block"], ["aspect-ratio", `${round(node.w)} / ${round(Math.max(node.h, 0.01))}`]);
  // A backdrop (a dialog's dimmed page) covers a viewport taller than drawn too.
  else if (node.sizeV !== "hug") out.push(["min-height", isBackdrop(node) ? `max(${px(node.h)}, 100vh)` : px(node.h)]);
  out.push(["margin-inline", "auto"]);
  return out;
}

/**
 * The flex basis that makes fill siblings equally wide, as Figma makes them: the largest padding along the axis
 * among them. With `1 1 0` a border-box item cannot be smaller than its padding, so a padded item would end
 * up wider than its unpadded sibling by that padding (597 and 597 drawn, 549 and 645 rendered).
 */
function fillBasis(parent: DesignNode, row: boolean): number {
  let basis = 0;
  for (const sibling of parent.children ?? []) {
    if (sibling.absolute || sibling.hidden || (row ? sibling.sizeH : sibling.sizeV) !== "fill") continue;
    const p = sibling.layout?.padding;
    if (p) basis = Math.max(basis, row ? p[1] + p[3] : p[0] + p[2]);
  }
  return basis;
}

/**
 * A text trimmed to its capitals (text.trim) is drawn as tall as its lines from cap height to baseline in Figma's
 * font: that height is its floor, so a fallback face with shorter capitals (Courier's 0.57 em for Space Mono's 0.7)
 * leaves the box, and what follows it, where drawn.
 */
function trimmedHeight(node: DesignNode): number | undefined {
  return node.text?.trim && node.h > 0 ? node.h : undefined;
}

/**
 * Figma gives an auto-height text box a whole-pixel height (two 52.8-px lines: 106 px, not 105.6): the
 * drawn height when its lines come to less than a pixel under it, so the items after it stay where drawn.
 */
function roundedTextHeight(node: DesignNode): number | undefined {
  const lh = node.text?.style.lineHeight;
  if (lh === undefined || lh <= 0 || node.text?.trim) return undefined;
  const lines = Math.round(node.h / lh);
  const short = node.h - lines * lh;
  return lines >= 1 && short > 0.01 && short < 1 ? node.h : undefined;
}

/**
 * The other way of the same rounding: one 31.2-px line in a 31-px box. The lines keep their height (the text's
 * style may be a shared token) and the box gives back what it is drawn shorter, as a negative margin below it,
 * so the items after it stay where drawn. Undefined where a run or paragraph spacing sets lines of its own.
 */
export function roundedTextOverhang(node: DesignNode): number | undefined {
  const text = node.text;
  const lh = text?.style.lineHeight;
  if (
    !text ||
    lh === undefined ||
    lh <= 0 ||
    text.trim ||
    text.paragraphSpacing ||
    text.runs?.some((r) => r.style.lineHeight !== undefined)
  )
    return undefined;
  const lines = Math.round(node.h / lh);
  const over = round(lines * lh - node.h);
  return lines >= 1 && over > 0.01 && over < 1 ? over : undefined;
}

/**
 * How far a designer's row (one line) runs past its content box at the design width: its items' drawn widths and
 * gaps less that box, in px (0 when they fit). Figma never shrinks an item to fit: it draws the line running on,
 * clipped by the row or an ancestor, or overflowing (four 405-px cards in a 1280-px row). Not a row whose items
 * are spaced between: Figma overlaps those by what they overrun (a phone's status bar, 5 px), which shrinking them
 * into the row comes nearer to than letting the line run on.
 */
export function rowOverrun(parent: DesignNode): number {
  const layout = flexOf(parent);
  if (layout?.dir !== "row" || layout.wrap || layout.inferred || layout.justify === "space-between") return 0;
  const items = (parent.children ?? []).filter((c) => !c.absolute && !c.hidden);
  if (items.length === 0) return 0;
  const content = parent.w - layout.padding[1] - layout.padding[3];
  const line = items.reduce((sum, c) => sum + (c.sizeH === "fill" ? 0 : c.w), 0) + layout.gap * (items.length - 1);
  const over = line - content;
  return over > 0.5 ? over : 0;
}

/**
 * The least width of an item of a row that its line overruns: its drawn width while the row is as wide as drawn
 * (CSS would shrink it into the row), giving way pixel for pixel as the row narrows below that (`100%` of a flex
 * item's min-width is the row's content width), so that on a narrower screen the items shrink into the row as
 * before.
 */
function overrunFloor(node: DesignNode, parent: DesignNode): Decl[] {
  if (node.sizeH === "fill" || node.minW !== undefined || rowOverrun(parent) === 0) return [];
  const layout = parent.layout!;
  const slack = round(parent.w - layout.padding[1] - layout.padding[3] - node.w);
  const give = slack === 0 ? "100%" : `100% ${slack > 0 ? "-" : "+"} ${px(Math.abs(slack))}`;
  return [["min-width", `min(${px(node.w)}, ${give})`]];
}

/**
 * A margin that takes back `length` from a box the browser lays out in 1/64-px units (Chromium's LayoutUnit): the
 * box's 31.2 px is 31.203 there, and a margin of 0.2 px is cut to 0.1875, which leaves a sixtieth of a pixel that
 * every box after it carries. The middle of the unit `length` rounds to, to the hundredth: 0.21 px for 0.2.
 */
function snappedMargin(length: number): number {
  return round((Math.round(length * 64) + 0.5) / 64, 2);
}

/** Placement inside the parent. `parent` undefined = a component root placed by its user (no decls). */
/** Whether `node` is the first item of `parent`'s flow (not placed absolutely, not hidden). */
function firstInFlow(node: DesignNode, parent: DesignNode): boolean {
  // By id: a mask is placed as drawn unpainted, a copy of its layer (mask.ts).
  return (parent.children ?? []).find((c) => !c.absolute && !c.hidden)?.id === node.id;
}

/**
 * A turned item of a flex line takes the room Figma's auto layout gives it, its turned bounds: CSS lays the box out
 * unturned (a 29-px rule turned upright took 29 px of its row, drawn 14 px right of where the design has it), so
 * margins give back (or add) the difference on each side, the transform still turning it about its centre. A rule
 * turned upright takes no width in Figma's row, its stroke painted beside its box (design/rule.ts): left of it when
 * turned clockwise on screen, right of it the other way.
 */
function turnedItemMargins(node: DesignNode, out: Decl[]): void {
  const turn = ((node.rotation ?? 0) * Math.PI) / 180;
  const cos = Math.abs(Math.cos(turn));
  const sin = Math.abs(Math.sin(turn));
  // A rule's box is its border (border-box, no height of its own).
  const weight = node.kind === "line" && node.h === 0 && cos < 0.01 ? lineWeight(node) : 0;
  const h = Math.max(node.h, weight);
  const dx = round((node.w * cos + h * sin - node.w) / 2);
  const dy = round((node.w * sin + h * cos - h) / 2);
  const add = (prop: string, delta: number): void => {
    if (delta === 0) return;
    const at = out.findIndex(([p]) => p === prop);
    const had = at < 0 ? 0 : Number.parseFloat(out[at]![1]) || 0;
    if (at < 0) out.push([prop, px(delta)]);
    else out[at] = [prop, px(had + delta)];
  };
  const clockwise = Math.sin(turn) > 0;
  add("margin-left", dx - (clockwise ? weight : 0));
  add("margin-right", dx - (clockwise ? 0 : weight));
  add("margin-top", dy);
  add("margin-bottom", dy);
}

/** The weight of a line's stroke (its border). */
function lineWeight(node: DesignNode): number {
  const s = node.stroke;
  return typeof s?.weight === "number" ? s.weight : (s?.weight[0] ?? 0);
}

export function placementDecls(node: DesignNode, parent: DesignNode): Decl[] {
  const out: Decl[] = [];
  const layout = flexOf(parent);
  const grid = gridOf(parent);
  const textAuto = node.text !== undefined && node.text.resize !== "none" && node.text.resize !== "truncate";
  if (grid && !node.absolute) out.push(...gridItemDecls(node, node.cell));
  else if (layout && !node.absolute) {
    const row = layout.dir === "row";
    const main = row ? node.sizeH : node.sizeV;
    const cross = row ? node.sizeV : node.sizeH;
    const mainSize = row ? node.w : node.h;
    const crossSize = row ? node.h : node.w;
    const mainProp = row ? "width" : "height";
    const crossProp = row ? "height" : "width";
    if (main === "fill") {
      const basis = fillBasis(parent, row);
      out.push(["flex", basis > 0 ? `1 1 ${px(basis)}` : "1 1 0"]);
      // A drawn minimum (min-width) is written with the sizes; else nothing may keep the item wider than its share.
      if ((row ? node.minW : node.minH) === undefined) out.push([row ? "min-width" : "min-height", "0"]);
    } else if (main !== "hug") {
      out.push([mainProp, px(mainSize)]);
      if (!row) out.push(["flex-shrink", "0"]);
    }
    const crossMax = row ? node.maxH : node.maxW;
    // Filling across up to a maximum (a 1280-px container in a 1440-px section): Figma places what is left of the
    // line as the parent aligns (centred, at the end); a stretched box would keep to the start.
    if (
      cross === "fill" &&
      crossMax !== undefined &&
      (layout.align === "center" || layout.align === "end") &&
      !node.flow?.self
    ) {
      out.push(["align-self", layout.align === "center" ? "center" : "flex-end"], [crossProp, "100%"]);
    } else if (cross === "fill") out.push(["align-self", "stretch"]);
    else if (cross !== "hug" && !(textAuto && !row && node.text?.resize === "width")) {
      out.push([crossProp, px(crossSize)]);
      // Never wider than the column on a narrower screen; drawn wider than its content box (a 352-px text in a
      // 341-px column), as much wider at the design width.
      // (In an inferred column only an item drawn reaching past its sides is: layout/spacing.ts.)
      const past = round(crossSize - (parent.w - layout.padding[1] - layout.padding[3]));
      if (!row) out.push(["max-width", past > 0.5 ? `calc(100% + ${px(past)})` : "100%"]);
    } else if (cross !== "hug" && textAuto && !row && node.text?.resize === "width" && layout.inferred) {
      // A text on one line in an inferred column sizes to its line, and its drawn box is its floor: a box drawn
      // wider than its words (a field's placeholder as wide as the field) stays as wide as drawn, never wider than
      // the column; a browser's line wider than Figma's still grows it.
      out.push(["min-width", `min(${px(crossSize)}, 100%)`]);
    } else if (cross === "hug" && !row && !node.text && node.layout && !layout.inferred) {
      // A box of the designer's column that hugs its content (a section's column around a 1312-px form) is never
      // wider than the column on a narrower screen either: its content has a width to shrink to. As drawn at the
      // design width, where its content fits the column (or runs past it by as much as drawn).
      const past = round(crossSize - (parent.w - layout.padding[1] - layout.padding[3]));
      out.push(["max-width", past > 0.5 ? `calc(100% + ${px(past)})` : "100%"]);
    }
    if (row) out.push(...overrunFloor(node, parent));
    if (layout.gap < 0 && !layout.wrap && !firstInFlow(node, parent))
      out.push([row ? "margin-left" : "margin-top", px(layout.gap)]);
    // A hugging text in a row keeps its one line; fixed-width text wraps as designed.
    const rounded = textAuto && node.minH === undefined ? (trimmedHeight(node) ?? roundedTextHeight(node)) : undefined;
    if (rounded !== undefined) out.push(["min-height", px(rounded)]);
    // Figma's rounding of a box in the designer's own auto layout (inference sizes its items from their lines).
    const overhang = textAuto && node.maxH === undefined && !layout.inferred ? roundedTextOverhang(node) : undefined;
    if (overhang !== undefined) out.push(["margin-bottom", px(-snappedMargin(overhang))]);
    if (node.rotation !== undefined) turnedItemMargins(node, out);
  } else {
    out.push(["position", "absolute"]);
    const x = node.x ?? 0;
    const y = node.y ?? 0;
    const h = node.constraintH;
    if (h === "right") out.push(["right", px(parent.w - x - node.w)]);
    else if (h === "center") out.push(["left", `calc(50% - ${round(parent.w / 2 - x)}px)`]);
    else if (h === "left-right") out.push(["left", px(x)], ["right", px(parent.w - x - node.w)]);
    else if (h === "scale" && parent.w > 0)
      out.push(["left", `${round((x / parent.w) * 100)}%`], ["width", `${round((node.w / parent.w) * 100)}%`]);
    else out.push(["left", px(x)]);
    if (h !== "left-right" && !(h === "scale" && parent.w > 0)) out.push(["width", px(node.w)]);
    const v = node.constraintV;
    if (v === "bottom") out.push(["bottom", px(parent.h - y - node.h)]);
    else if (v === "center") out.push(["top", `calc(50% - ${round(parent.h / 2 - y)}px)`]);
    else if (v === "top-bottom") out.push(["top", px(y)], ["bottom", px(parent.h - y - node.h)]);
    else if (v === "scale" && parent.h > 0)
      out.push(["top", `${round((y / parent.h) * 100)}%`], ["height", `${round((node.h / parent.h) * 100)}%`]);
    else out.push(["top", px(y)]);
    const heightSet = v === "top-bottom" || (v === "scale" && parent.h > 0);
    if (!heightSet && !textAuto) out.push(["height", px(node.h)]);
    // A text sized by its lines is at least as tall as drawn: Figma's box is its lines in Figma's font, rounded up to a
    // whole pixel (one 17.5-px line: 18 px), or from cap height to baseline (trimmed); a fallback face's lines may be
    // shorter. Its lines start at its top as drawn, and a longer text still grows it.
    if (!heightSet && textAuto && node.minH === undefined && node.h > 0) out.push(["min-height", px(node.h)]);
  }
  // Children placed absolutely need a containing block; it is part of placement, so a component's user
  // can make the component's root absolute without fighting its stylesheet.
  // So is the box a stroke with a weight per side is drawn in (strokeOverlayDecls).
  if (!out.some(([p]) => p === "position") && (hasAbsoluteChildren(node) || sidedStroke(node)))
    out.unshift(["position", "relative"]);
  // A layer the designer placed absolutely under the flow (a hero's picture drawn first) paints above an item that
  // is not positioned, whatever the order: the item drawn after it is positioned too, and stays above it.
  else if (!out.some(([p]) => p === "position") && parent.layout && !node.absolute && drawnOverLayer(node, parent))
    out.unshift(["position", "relative"]);
  if (node.minW !== undefined) out.push(["min-width", px(node.minW)]);
  if (node.maxW !== undefined) out.push(["max-width", px(node.maxW)]);
  if (node.minH !== undefined) out.push(["min-height", px(node.minH)]);
  if (node.maxH !== undefined) out.push(["max-height", px(node.maxH)]);
  if (node.rotation !== undefined) out.push(["transform", `rotate(${node.rotation}deg)`]);
  return out;
}

/** Size of a component root, for its own stylesheet (users may override through className). */
export function componentRootSize(node: DesignNode): Decl[] {
  const out: Decl[] = [];
  if (node.sizeH !== "hug" && node.sizeH !== "fill") out.push(["width", px(node.w)]);
  if (node.sizeV !== "hug" && node.sizeV !== "fill") out.push(["height", px(node.h)]);
  return out;
}

const JUSTIFY = { start: "flex-start", center: "center", end: "flex-end", "space-between": "space-between" } as const;
const ALIGN = {
  start: "flex-start",
  center: "center",
  end: "flex-end",
  baseline: "baseline",
  stretch: "stretch",
} as const;

/** Whether a sibling drawn before `node` (under it) is placed absolutely in their auto layout. */
function drawnOverLayer(node: DesignNode, parent: DesignNode): boolean {
  for (const sibling of parent.children ?? []) {
    if (sibling === node) return false;
    if (sibling.absolute && !sibling.hidden) return true;
  }
  return false;
}

export function hasAbsoluteChildren(node: DesignNode): boolean {
  return (node.children ?? []).some((c) => !node.layout || c.absolute);
}

export function textStyleDecls(style: Partial<TextStyle>, isText = true): Decl[] {
  const out: Decl[] = [];
  if (style.family !== undefined) out.push(["font-family", fontStack(style.family)]);
  if (style.size !== undefined) out.push(["font-size", px(style.size)]);
  if (style.weight !== undefined) out.push(["font-weight", String(style.weight)]);
  if (style.italic !== undefined) out.push(["font-style", style.italic ? "italic" : "normal"]);
  if (style.lineHeight !== undefined) out.push(["line-height", px(style.lineHeight)]);
  if (style.letterSpacing !== undefined) out.push(["letter-spacing", px(style.letterSpacing)]);
  if (style.case === "small-caps") out.push(["font-variant", "small-caps"]);
  else if (style.case)
    out.push(["text-transform", { upper: "uppercase", lower: "lowercase", title: "capitalize" }[style.case]]);
  if (style.decoration) out.push(["text-decoration", style.decoration]);
  if (style.color !== undefined && isText) out.push(["color", style.color]);
  return out;
}

const pct = (v: number): string => `${round(v * 100, 2)}%`;

/**
 * Where and how large an image layer is drawn (`position / size repeat`). A crop shows the region
 * [x, y, w, h] of the image: the image is 1/w × 1/h of the box, and a percentage position p puts it at
 * p × (box − image), so p = x / (1 − w) lands its region on the box at any box size.
 */
export function imagePlacement(paint: ImagePaint): string {
  if (paint.fit === "crop" && paint.crop) {
    const [x, y, w, h] = paint.crop;
    const at = (offset: number, size: number): string => (Math.abs(1 - size) < 1e-6 ? "0" : pct(offset / (1 - size)));
    return `${at(x, w)} ${at(y, h)} / ${pct(1 / w)} ${pct(1 / h)} no-repeat`;
  }
  if (paint.fit === "tile")
    return `left top / ${paint.tileSize ? paint.tileSize.map((v) => `${round(v)}px`).join(" ") : "auto"} repeat`;
  const size = { cover: "cover", contain: "contain", fill: "100% 100%", crop: "cover" }[paint.fit];
  return `center / ${size} no-repeat`;
}

function paintLayer(paint: Paint, urls: AssetUrls): string {
  if (paint.kind === "solid") return `linear-gradient(${paint.color}, ${paint.color})`;
  if (paint.kind === "gradient") return paint.css;
  return `url(${urls.cssUrl(paint.asset)}) ${imagePlacement(paint)}`;
}

export function backgroundDecls(fills: Paint[], urls: AssetUrls): Decl[] {
  if (fills.length === 0) return [];
  const only = fills[0]!;
  if (fills.length === 1 && only.kind === "solid") {
    return only.blend
      ? [
          ["background-color", only.color],
          ["background-blend-mode", only.blend],
        ]
      : [["background-color", only.color]];
  }
  // CSS lists layers top first; Figma lists them bottom first.
  const layers = [...fills].reverse();
  const out: Decl[] = [["background", layers.map((p) => paintLayer(p, urls)).join(", ")]];
  if (layers.some((p) => p.blend))
    out.push(["background-blend-mode", layers.map((p) => p.blend ?? "normal").join(", ")]);
  return out;
}

/** An auto layout's own declarations as a flex container (its items' are placementDecls'). */
export function flexContainerDecls(layout: NonNullable<ReturnType<typeof flexOf>>): Decl[] {
  const out: Decl[] = [];
  out.push(["display", "flex"]);
  if (layout.dir === "column") out.push(["flex-direction", "column"]);
  if (layout.wrap) out.push(["flex-wrap", "wrap"]);
  if (layout.justify !== "start") out.push(["justify-content", JUSTIFY[layout.justify]]);
  // Figma places a hugging child at the start (MIN) of the cross axis; CSS would stretch it.
  out.push(["align-items", ALIGN[layout.align]]);
  // A negative spacing (items drawn overlapping: a row of avatars) is not a gap CSS takes: its items overlap by
  // their margins (placementDecls).
  if (layout.gap > 0)
    out.push([
      layout.wrap && layout.crossGap !== undefined ? (layout.dir === "row" ? "column-gap" : "row-gap") : "gap",
      px(layout.gap),
    ]);
  if (layout.wrap && layout.crossGap !== undefined)
    out.push([layout.dir === "row" ? "row-gap" : "column-gap", px(layout.crossGap)]);
  if (layout.padding.some((p) => p !== 0)) {
    const [t, r, b, l] = layout.padding;
    out.push([
      "padding",
      t === b && r === l ? (t === r ? px(t) : `${px(t)} ${px(r)}`) : [t, r, b, l].map(px).join(" "),
    ]);
  }
  return out;
}

/** Visual and layout declarations of the node itself. `svgInline`: the node is drawn by an inline SVG. */
export function ownDecls(node: DesignNode, urls: AssetUrls, svgInline: boolean): Decl[] {
  const out: Decl[] = [];
  const layout = flexOf(node);
  const grid = gridOf(node);
  if (grid) out.push(...gridContainerDecls(grid));
  if (layout) out.push(...flexContainerDecls(layout));
  if (node.kind === "text" && node.text) out.push(...textDecls(node));
  else if (!svgInline && !node.mask) {
    if (node.kind === "line") {
      const s = node.stroke;
      // A line drawn as the band its stroke paints (design/rule.ts) is that band: a border as thick as its box, on
      // its long side (the box is border-box). A line in a flow keeps no height: its stroke's weight below it.
      const weight = typeof s?.weight === "number" ? s.weight : (s?.weight[0] ?? 0);
      const thick = Math.min(node.w, node.h);
      if (s)
        out.push([
          node.h > node.w ? "border-left" : "border-top",
          `${px(thick > 0 ? thick : weight)} ${s.dashes ? "dashed" : "solid"} ${s.color}`,
        ]);
    } else {
      out.push(...backgroundDecls(node.fills ?? [], urls));
      out.push(...strokeDecls(node));
    }
  }
  if (node.kind === "ellipse") out.push(["border-radius", "50%"]);
  else if (node.radius !== undefined && !svgInline) {
    out.push(["border-radius", typeof node.radius === "number" ? px(node.radius) : node.radius.map(px).join(" ")]);
  }
  const shadows = node.effects?.shadows ?? [];
  if (shadows.length) {
    if (node.kind === "text") {
      const drops = shadows.filter((s) => s.kind === "drop");
      if (drops.length)
        out.push(["text-shadow", drops.map((s) => `${px(s.x)} ${px(s.y)} ${px(s.blur)} ${s.color}`).join(", ")]);
    } else if (svgInline) {
      out.push([
        "filter",
        shadows
          .filter((s) => s.kind === "drop")
          .map((s) => `drop-shadow(${px(s.x)} ${px(s.y)} ${px(s.blur / 2)} ${s.color})`)
          .join(" ") || "none",
      ]);
    } else {
      out.push(["box-shadow", boxShadowValue(shadows)]);
    }
  }
  if (node.effects?.blur) out.push(["filter", `blur(${px(node.effects.blur / 2)})`]);
  if (node.effects?.backdropBlur) out.push(["backdrop-filter", `blur(${px(node.effects.backdropBlur / 2)})`]);
  if (node.opacity !== undefined) out.push(["opacity", String(node.opacity)]);
  if (node.blend) out.push(["mix-blend-mode", node.blend]);
  if (node.clip) out.push(["overflow", "hidden"]);
  return mergeFilters(out);
}

/** Two `filter` declarations (shadow + blur) must become one. */
function mergeFilters(decls: Decl[]): Decl[] {
  // Counted first: nearly every layer has fewer than two (this runs for each one).
  let count = 0;
  for (const [p, v] of decls) if (p === "filter" && v !== "none") count++;
  if (count < 2) return decls;
  const filters = decls
    .filter(([p]) => p === "filter")
    .map(([, v]) => v)
    .filter((v) => v !== "none");
  const rest = decls.filter(([p]) => p !== "filter");
  rest.push(["filter", filters.join(" ")]);
  return rest;
}

/** Whether a node's stroke has a weight per side (a table cell's top and left rules): drawn by `strokeOverlayDecls`. */
export function sidedStroke(node: DesignNode): boolean {
  return (
    node.stroke !== undefined &&
    typeof node.stroke.weight !== "number" &&
    node.kind !== "text" &&
    node.kind !== "line" &&
    !node.mask
  );
}

/**
 * A stroke with a weight per side, as the `::after` box that draws it over the node: Figma lays out a frame's
 * content as if its strokes were not there (a 46-px cell with a 1-px top rule is 46 px tall, its text where its
 * padding puts it), where a border would make the box a pixel taller and move its content by the border. The box
 * lies on the node's edges, inside them, across them or outside them as the stroke is aligned, and is drawn over
 * the node's children, as Figma draws a frame's stroke. The node is its containing block (placementDecls).
 */
export function strokeOverlayDecls(node: DesignNode): Decl[] {
  const s = node.stroke;
  if (!s || typeof s.weight === "number" || !sidedStroke(node)) return [];
  const out = s.align === "inside" ? 0 : s.align === "center" ? 0.5 : 1;
  const [top, right, bottom, left] = s.weight.map((w) => px(-w * out));
  return [
    ["content", '""'],
    ["position", "absolute"],
    ["top", top!],
    ["right", right!],
    ["bottom", bottom!],
    ["left", left!],
    ["border-style", s.dashes ? "dashed" : "solid"],
    ["border-color", s.color],
    ["border-width", s.weight.map(px).join(" ")],
    ["border-radius", "inherit"],
    ["pointer-events", "none"],
  ];
}

/** A stroke with a weight per side as a border, for an element that draws no ::after (an image). */
export function sidedBorderDecls(node: DesignNode): Decl[] {
  const s = node.stroke;
  if (!s || typeof s.weight === "number") return [];
  return [
    ["border-style", s.dashes ? "dashed" : "solid"],
    ["border-color", s.color],
    ["border-width", s.weight.map(px).join(" ")],
  ];
}

function strokeDecls(node: DesignNode): Decl[] {
  const s = node.stroke;
  if (!s) return [];
  const style = s.dashes ? "dashed" : "solid";
  // Per-side weights: drawn over the box by its ::after (strokeOverlayDecls), taking no room in the layout.
  if (typeof s.weight !== "number") return [];
  // An outline draws the stroke without moving the content, as Figma does; its offset gives the alignment.
  const offset = s.align === "inside" ? -s.weight : s.align === "center" ? -s.weight / 2 : 0;
  const out: Decl[] = [["outline", `${px(s.weight)} ${style} ${s.color}`]];
  if (offset !== 0) out.push(["outline-offset", px(offset)]);
  return out;
}

function textDecls(node: DesignNode): Decl[] {
  const text = node.text!;
  const out = textStyleDecls(text.style);
  if (text.alignH !== "left") out.push(["text-align", text.alignH]);
  // Line breaks are <br> elements (markup.ts) and spaces CSS would collapse are no-break spaces
  // (whitespace.ts): the text keeps the default white-space, which formatting the markup cannot break.
  if (text.resize === "width") out.push(["white-space", "nowrap"]);
  if (text.resize === "truncate" || text.maxLines !== undefined) {
    out.push(["overflow", "hidden"], ["text-overflow", "ellipsis"]);
    if (text.maxLines !== undefined && text.maxLines > 1)
      out.push(
        ["display", "-webkit-box"],
        ["-webkit-box-orient", "vertical"],
        ["-webkit-line-clamp", String(text.maxLines)],
      );
    else out.push(["white-space", "nowrap"]);
  } else if (text.alignV !== "top" && text.resize === "none") {
    // A trimmed text stays a block (text-box trims a block's lines, not a flex item's) and aligns its lines itself.
    if (text.trim) out.push(["align-content", text.alignV === "center" ? "center" : "end"]);
    else
      out.push(
        ["display", "flex"],
        ["flex-direction", "column"],
        ["justify-content", text.alignV === "center" ? "center" : "flex-end"],
      );
  }
  // Figma's vertical trim: the box from the first line's cap height to the last line's baseline.
  if (text.trim) out.push(["text-box", "trim-both cap alphabetic"]);
  return out;
}

export function declsToCss(selector: string, decls: Decl[]): string {
  if (decls.length === 0) return `${selector} {\n\n}\n`;
  let out = `${selector} {\n`;
  for (const [p, v] of decls) out += `  ${p}: ${v};\n`;
  return `${out}}\n`;
}
