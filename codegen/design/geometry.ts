/** Boxes, rotation, auto layout, sizing and constraints from REST JSON. */
import { isRecord } from "../rest/reply.js";
import { finite } from "../rest/values.js";
import { round } from "./color.js";
import type { DesignNode, FlexLayout, HConstraint, Sides, Sizing, VConstraint } from "./types.js";

type Raw = Record<string, unknown>;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function readBox(raw: unknown): Box | undefined {
  if (!isRecord(raw)) return undefined;
  const x = finite(raw["x"]);
  const y = finite(raw["y"]);
  const width = finite(raw["width"]);
  const height = finite(raw["height"]);
  if (x === undefined || y === undefined || width === undefined || height === undefined) return undefined;
  return { x, y, width: Math.max(0, width), height: Math.max(0, height) };
}

/** Figma rotation (radians, counter-clockwise) in CSS degrees (clockwise), in (-180, 180]; undefined if ~0. */
export function cssRotation(node: Raw): number | undefined {
  const radians = finite(node["rotation"]);
  if (radians === undefined) return undefined;
  let degrees = (-radians * 180) / Math.PI;
  degrees = ((((degrees + 180) % 360) + 360) % 360) - 180;
  if (degrees === -180) degrees = 180;
  const rounded = round(degrees, 1);
  return Math.abs(rounded) < 0.05 ? undefined : rounded;
}

/**
 * The unrotated size of a node. REST gives the axis-aligned bounds of the rotated node; `size` is present
 * only with `geometry=paths` or newer exports, so otherwise solve bounds = |R|·size for the size.
 */
export function unrotatedSize(node: Raw, bounds: Box, degrees: number | undefined): { w: number; h: number } {
  const size = isRecord(node["size"]) ? node["size"] : undefined;
  const sw = finite(size?.["x"]);
  const sh = finite(size?.["y"]);
  if (sw !== undefined && sh !== undefined) return { w: sw, h: sh };
  if (degrees === undefined) return { w: bounds.width, h: bounds.height };
  const t = (degrees * Math.PI) / 180;
  const c = Math.abs(Math.cos(t));
  const s = Math.abs(Math.sin(t));
  const det = c * c - s * s;
  if (Math.abs(det) < 1e-3) {
    // 45°: any w+h fits; assume a square.
    const side = bounds.width / (c + s);
    return { w: side, h: side };
  }
  return {
    w: Math.max(0, (bounds.width * c - bounds.height * s) / det),
    h: Math.max(0, (bounds.height * c - bounds.width * s) / det),
  };
}

const JUSTIFY: Record<string, FlexLayout["justify"]> = {
  MIN: "start",
  CENTER: "center",
  MAX: "end",
  SPACE_BETWEEN: "space-between",
};
const ALIGN: Record<string, FlexLayout["align"]> = { MIN: "start", CENTER: "center", MAX: "end", BASELINE: "baseline" };

export function readFlexLayout(node: Raw): FlexLayout | undefined {
  const mode = node["layoutMode"];
  if (mode !== "HORIZONTAL" && mode !== "VERTICAL") return undefined;
  const n = (key: string): number => round(finite(node[key]) ?? 0);
  const padding: Sides = [n("paddingTop"), n("paddingRight"), n("paddingBottom"), n("paddingLeft")];
  const wrap = node["layoutWrap"] === "WRAP";
  const crossGap = finite(node["counterAxisSpacing"]);
  return {
    dir: mode === "HORIZONTAL" ? "row" : "column",
    gap: node["primaryAxisAlignItems"] === "SPACE_BETWEEN" ? 0 : n("itemSpacing"),
    padding,
    justify: JUSTIFY[String(node["primaryAxisAlignItems"])] ?? "start",
    align: ALIGN[String(node["counterAxisAlignItems"])] ?? "start",
    ...(wrap ? { wrap: true } : {}),
    ...(wrap && crossGap !== undefined && crossGap !== 0 ? { crossGap: round(crossGap) } : {}),
  };
}

const SIZING: Record<string, Sizing> = { FIXED: "fixed", HUG: "hug", FILL: "fill" };

/**
 * Sizing per axis. Newer replies have layoutSizingHorizontal/Vertical; older ones are derived from
 * layoutGrow/layoutAlign (as a flex child) and the primary/counter sizing modes (as a flex auto-layout frame).
 */
export function readSizing(node: Raw, parentDir: "row" | "column" | "grid" | undefined): { h?: Sizing; v?: Sizing } {
  const explicitH = SIZING[String(node["layoutSizingHorizontal"])];
  const explicitV = SIZING[String(node["layoutSizingVertical"])];
  const own = readFlexLayout(node);
  const resize = isRecord(node["style"]) ? node["style"]["textAutoResize"] : undefined;
  const derive = (axis: "row" | "column"): Sizing | undefined => {
    if (parentDir !== undefined && parentDir !== "grid") {
      if (parentDir === axis && finite(node["layoutGrow"]) === 1) return "fill";
      if (parentDir !== axis && node["layoutAlign"] === "STRETCH") return "fill";
    }
    if (own) {
      const onPrimary = own.dir === axis;
      const mode = onPrimary ? node["primaryAxisSizingMode"] : node["counterAxisSizingMode"];
      return mode === "FIXED" ? "fixed" : "hug"; // REST omits the default, AUTO
    }
    // A grid without the sizing of newer replies is as drawn (its tracks say nothing of how it sizes itself).
    if (node["layoutMode"] === "GRID") return "fixed";
    if (node["type"] === "TEXT") {
      if (resize === "WIDTH_AND_HEIGHT") return "hug";
      if (resize === "HEIGHT" && axis === "column") return "hug";
    }
    return parentDir !== undefined ? "fixed" : undefined;
  };
  const h = explicitH ?? derive("row");
  const v = explicitV ?? derive("column");
  return { ...(h ? { h } : {}), ...(v ? { v } : {}) };
}

const H_CONSTRAINT: Record<string, HConstraint> = {
  RIGHT: "right",
  CENTER: "center",
  LEFT_RIGHT: "left-right",
  SCALE: "scale",
};
const V_CONSTRAINT: Record<string, VConstraint> = {
  BOTTOM: "bottom",
  CENTER: "center",
  TOP_BOTTOM: "top-bottom",
  SCALE: "scale",
};

export function readConstraints(node: Raw): Pick<DesignNode, "constraintH" | "constraintV"> {
  const c = isRecord(node["constraints"]) ? node["constraints"] : {};
  const h = H_CONSTRAINT[String(c["horizontal"])];
  const v = V_CONSTRAINT[String(c["vertical"])];
  return { ...(h ? { constraintH: h } : {}), ...(v ? { constraintV: v } : {}) };
}

export function readMinMax(node: Raw): Pick<DesignNode, "minW" | "maxW" | "minH" | "maxH"> {
  const out: Pick<DesignNode, "minW" | "maxW" | "minH" | "maxH"> = {};
  const map = [
    ["minWidth", "minW"],
    ["maxWidth", "maxW"],
    ["minHeight", "minH"],
    ["maxHeight", "maxH"],
  ] as const;
  for (const [from, to] of map) {
    const value = finite(node[from]);
    if (value !== undefined && value > 0 && value < 1e6) out[to] = round(value);
  }
  return out;
}
