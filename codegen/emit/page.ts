/**
 * The page as a whole (issue 37): a screen's root is the drawing at its design width, as long as its content on a
 * narrower screen, and centred on a wider one, where its full-bleed backgrounds reach the viewport's edges.
 * - the root is centred (`margin-inline: auto`, css.ts rootDecls) at its drawn width;
 * - the root's own fill, and its clip, are the page's: a viewport-wide layer around the root (`pageLayer`) paints the
 *   fill edge to edge and clips at the viewport's sides what the root clipped at its own (the same box up to the
 *   design width), so that what bleeds past the root's sides on a wider screen shows, and nothing scrolls sideways;
 * - a layer drawn across the frame's whole width (`bleedDecls`) paints past the root's sides on a wider screen: a
 *   colour or gradient as a `border-image` outset (paint only, no layout, no scrolling), an image layer positioned
 *   across the frame by widening its box (the page layer clips it);
 * - a root whose children flow (auto layout, or inferred) keeps its drawn height only from its design width up; on a
 *   narrower screen it is as long as its content, and at least the viewport (or the drawn height if shorter) tall.
 * Frames narrower than a phone (icons, buttons drawn as frames) are centred and nothing more.
 */
import { flexOf } from "../design/layout-kind.js";
import { round } from "../design/color.js";
import type { Asset, DesignNode } from "../design/types.js";
import type { Decl } from "./css.js";
import { isBackdrop, isScreen } from "./screen.js";

export { isBackdrop, PAGE_MIN_WIDTH } from "./screen.js";

const px = (v: number): string => (v === 0 ? "0" : `${round(v)}px`);

/** What a layer of the page needs to know about the screen it is on. */
export interface PageScope {
  /** The screen's design width. */
  width: number;
  /** Whether the page layer clips at the viewport's sides (what it clips for the root). */
  clips: boolean;
}

/** The root's paint and clip can be the page's when nothing of the root's own look depends on them being its own. */
function pageCanTake(root: DesignNode): boolean {
  return (
    root.radius === undefined &&
    root.opacity === undefined &&
    !root.blend &&
    !root.effects &&
    !root.mask &&
    root.rotation === undefined
  );
}

const FILL = /^(background|background-color|background-blend-mode)$/;

/** A colour with no transparency: `#rrggbb`, `rgb(…)`, or `rgba(…, 1)`. */
function opaqueColor(color: string): boolean {
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c) || /^#[0-9a-f]{3}$/.test(c)) return true;
  if (/^#[0-9a-f]{8}$/.test(c)) return c.endsWith("ff");
  const m = /^rgba?\(([^)]*)\)$/.exec(c);
  if (!m) return false;
  const parts = m[1]!.split(/[\s,/]+/).filter(Boolean);
  return parts.length === 3 || (parts.length === 4 && Number(parts[3]) >= 1);
}

/** A gradient every stop of which is opaque (drawn twice, over itself, it looks the same). */
function opaqueGradient(css: string): boolean {
  if (/transparent/i.test(css)) return false;
  const colors = css.match(/#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)/g) ?? [];
  return colors.length > 0 && colors.every(opaqueColor);
}

/** An SVG that draws one rectangle over its whole box in one opaque colour: its colour. */
function plainRectColor(node: DesignNode, asset: Asset | undefined): string | undefined {
  if (asset?.kind !== "svg" || !asset.svg) return undefined;
  const m = /^<svg\b[^>]*>\s*<rect\b([^>]*)\/>\s*<\/svg>$/.exec(asset.svg.trim());
  if (!m) return undefined;
  const attrs = m[1]!;
  const num = (name: string): number | undefined => {
    const v = new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
    return v === undefined ? undefined : Number(v);
  };
  if (/\s(stroke|transform|rx|opacity|fill-opacity)="/.test(attrs) || (num("x") ?? 0) !== 0 || (num("y") ?? 0) !== 0)
    return undefined;
  if (Math.abs((num("width") ?? 0) - node.w) > 1 || Math.abs((num("height") ?? 0) - node.h) > 1) return undefined;
  const fill = /\sfill="([^"]*)"/.exec(attrs)?.[1];
  return fill && opaqueColor(fill) ? fill : undefined;
}

/**
 * How a layer across the screen reaches past the root's sides, from what it is: its one opaque colour or gradient
 * painted further ("paint"), or, an image with nothing on it, its box widened ("image"); undefined if it cannot
 * (rounded corners or per-side borders, which a wider paint would lose; a translucent or blended paint, which
 * drawn twice would darken; a vector's shape).
 */
export function extension(node: DesignNode, asset: Asset | undefined): "paint" | "image" | undefined {
  if (node.kind === "text" || node.kind === "ellipse" || node.kind === "line") return undefined;
  if (
    node.radius !== undefined ||
    node.mask ||
    node.rotation !== undefined ||
    (node.stroke && typeof node.stroke.weight !== "number")
  )
    return undefined;
  if (node.asset !== undefined) return plainRectColor(node, asset) ? "paint" : undefined;
  const fills = node.fills ?? [];
  if (fills.some((f) => f.kind === "image")) return (node.children ?? []).some((c) => !c.hidden) ? undefined : "image";
  if (fills.length !== 1 || fills[0]!.blend) return undefined;
  const fill = fills[0]!;
  if (fill.kind === "solid" && opaqueColor(fill.color)) return "paint";
  return fill.kind === "gradient" && opaqueGradient(fill.css) ? "paint" : undefined;
}

/** Whether a layer across the screen would reach past the root's sides (an image only where it is positioned). */
function bleeds(root: DesignNode, assets: Record<string, Asset>): boolean {
  const scope: PageScope = { width: root.w, clips: true };
  const asset = (n: DesignNode): Asset | undefined => (n.asset !== undefined ? assets[n.asset] : undefined);
  const visit = (node: DesignNode): boolean =>
    (node.children ?? []).some((c) => {
      if (!spansScreen(c, scope)) return false;
      const how = extension(c, asset(c));
      return how === "paint" || (how === "image" && !!c.absolute) || (passesBleed(c) && visit(c));
    });
  return visit(root);
}

/**
 * The page layer around a screen's root, when it has something to do: the root's fill, and its `overflow` when a
 * layer across the screen reaches past the root's sides, moved from the root's declarations to it (`clip`: the
 * overflow moved). Undefined leaves the root as it is.
 */
export function pageLayer(
  root: DesignNode,
  decls: Decl[],
  assets: Record<string, Asset>,
): { page: Decl[]; root: Decl[]; clip: boolean } | undefined {
  if (!isScreen(root) || !pageCanTake(root) || root.scaled) return undefined;
  const clip = !!root.clip && bleeds(root, assets);
  const moves = ([p]: Decl): boolean => FILL.test(p) || (clip && p === "overflow");
  const page = decls.filter(moves);
  if (page.length === 0) return undefined;
  return { page, root: decls.filter((d) => !moves(d)), clip };
}

/** The scope a screen's root gives its children, or undefined when nothing of it can reach past the root. */
export function pageScope(root: DesignNode, clipMoved: boolean): PageScope | undefined {
  if (!isScreen(root) || root.scaled) return undefined;
  // A root that keeps its clip cuts whatever would reach past its sides.
  if (root.clip && !clipMoved) return undefined;
  return { width: root.w, clips: !!root.clip };
}

/** Whether `node`, in a parent that spans the screen, spans it too: as wide as the frame, from its left edge. */
export function spansScreen(node: DesignNode, scope: PageScope): boolean {
  if (node.hidden || node.w < scope.width - 1) return false;
  return node.x === undefined || node.x <= 1;
}

/** Whether the children of a layer that spans the screen may still reach past it: nothing of it clips them. */
export const passesBleed = (node: DesignNode): boolean =>
  !node.clip && !node.mask && !(node.children ?? []).some((c) => c.mask && !c.hidden);

/** How far past each side of the root the viewport reaches (0 up to the design width). */
const outside = (width: number): string => `max(0px, 50vw - ${px(width / 2)})`;

const ZERO = /^0(px|%)?$/;
const PX = /^-?[\d.]+(px)?$/;

/** An image layer positioned across its container, widened to the viewport's edges (the page layer clips it). */
function widened(decls: Decl[], scope: PageScope): Decl[] | undefined {
  const value = (p: string): string | undefined => decls.find(([q]) => q === p)?.[1];
  const [left, right, width] = [value("left"), value("right"), value("width")];
  const reach = `min(0px, ${px(scope.width / 2)} - 50vw)`;
  const side = (v: string): string => (ZERO.test(v) ? reach : `calc(${v} + ${reach})`);
  // Pinned to both sides (an image element is stretched by its width: codegen/emit/build.ts stretchReplaced).
  if (left !== undefined && right !== undefined && PX.test(left) && PX.test(right)) {
    return decls.map(
      ([p, v]): Decl =>
        p === "left"
          ? [p, side(left)]
          : p === "right"
            ? [p, side(right)]
            : p === "width" && v.startsWith("calc(100% -")
              ? [p, `calc(100% - ${side(left)} - ${side(right)})`]
              : [p, v],
    );
  }
  // As wide as its container, in percentages (a box that scales as a unit).
  if (left !== undefined && ZERO.test(left) && right === undefined && width === "100%") {
    return decls.map(
      ([p, v]): Decl => (p === "left" ? [p, reach] : p === "width" ? [p, `calc(100% - 2 * ${reach})`] : [p, v]),
    );
  }
  return undefined;
}

/** The paint a layer extends with, as an image: its colour, or its gradient as written (tokens included). */
function paintImage(node: DesignNode, decls: Decl[], asset: Asset | undefined): string | undefined {
  const color =
    node.asset !== undefined ? plainRectColor(node, asset) : decls.find(([p]) => p === "background-color")?.[1];
  if (color) return `linear-gradient(${color}, ${color})`;
  return decls.find(([p]) => p === "background")?.[1];
}

const NO_BORDER_IMAGE = /^(border|border-width|border-style|border-color|border-top|border-image|clip-path)$/;

/**
 * The declarations of a layer that spans the screen, extended past the root's sides on a wider screen: a colour or
 * gradient as a border-image drawn over the layer's own background and as far past each side as the viewport
 * reaches (nothing at the design width and below: paint only, no layout, no scrolling); an image positioned across
 * the frame widened to the viewport's edges. `tag`: the element it is drawn as.
 */
export function bleedDecls(
  node: DesignNode,
  decls: Decl[],
  scope: PageScope,
  tag: string,
  asset: Asset | undefined,
): Decl[] {
  const how = extension(node, asset);
  if (how === "image") return (scope.clips && tag !== "svg" ? widened(decls, scope) : undefined) ?? decls;
  if (how !== "paint" || tag === "img" || tag === "input" || decls.some(([p]) => NO_BORDER_IMAGE.test(p))) return decls;
  const paint = paintImage(node, decls, asset);
  return paint ? [...decls, ["border-image", `${paint} 0 fill / 0 / 0 ${outside(scope.width)}`]] : decls;
}

/**
 * A layer drawn reaching past the frame's left or right side, positioned in px in a parent across the screen: the
 * root clipped it there, and on a wider screen the page layer clips at the viewport's sides instead, so it is cut
 * at the frame's sides itself (a `clip-path` inset by its overhang, in its own box: exact from the design width up;
 * below it what it cuts lies outside the root, which the page layer clips as the root did).
 */
export function overhangClip(node: DesignNode, decls: Decl[], scope: PageScope): Decl[] {
  if (
    !scope.clips ||
    !node.absolute ||
    node.x === undefined ||
    node.rotation !== undefined ||
    decls.some(([p]) => p === "clip-path")
  )
    return decls;
  const before = Math.max(0, -node.x);
  const after = Math.max(0, node.x + node.w - scope.width);
  if (before < 0.5 && after < 0.5) return decls;
  const width = decls.find(([p]) => p === "width")?.[1];
  const placed = decls.filter(([p]) => p === "left" || p === "right");
  if (!width || !PX.test(width) || placed.length === 0 || placed.some(([, v]) => !PX.test(v))) return decls;
  return [...decls, ["clip-path", `inset(0 ${px(after)} 0 ${px(before)})`]];
}

/**
 * A screen's root whose children flow: below its design width, the height it is drawn with gives way to its content
 * (at least the viewport's height, or the drawn height if less). A root whose children are placed where drawn keeps
 * it: they are what makes it that tall. Items filling the root's height then keep their content's height.
 */
export function rootBelow(root: DesignNode): [number, Decl[]][] {
  if (!root.layout || root.scaled || root.sizeV === "hug" || root.h <= 0) return [];
  // A backdrop covers the viewport at every width (rootDecls: from its design width up).
  if (isBackdrop(root)) return [[Math.round(root.w), [["min-height", "100vh"]]]];
  return [[Math.round(root.w), [["min-height", `min(${px(root.h)}, 100vh)`]]]];
}

/** Below the screen's design width, an item that fills its root's height is at least as tall as its content. */
export function fillItemBelow(node: DesignNode, root: DesignNode): [number, Decl[]][] {
  if (
    rootBelow(root).length === 0 ||
    flexOf(root)?.dir !== "column" ||
    node.absolute ||
    node.sizeV !== "fill" ||
    node.minH !== undefined
  )
    return [];
  return [[Math.round(root.w), [["min-height", "auto"]]]];
}
