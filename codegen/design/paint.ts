/** Fills and strokes from REST JSON to CSS-ready paints. */
import { isRecord } from "../rest/reply.js";
import { finite, nonNegative } from "../rest/values.js";
import { cssBlend, cssColor, readColor, round } from "./color.js";
import type { Paint, Sides, Stroke } from "./types.js";

interface Vec {
  x: number;
  y: number;
}

function readVec(raw: unknown): Vec | undefined {
  if (!isRecord(raw)) return undefined;
  const { x, y } = raw;
  return typeof x === "number" && typeof y === "number" ? { x, y } : undefined;
}

function num(raw: unknown, fallback: number): number {
  return finite(raw) ?? fallback;
}

function stopsCss(raw: unknown, opacity: number, position: (t: number) => number): string[] {
  if (!Array.isArray(raw)) return [];
  const out: string[] = [];
  for (const stop of raw) {
    if (!isRecord(stop)) continue;
    const color = readColor(stop["color"]);
    if (!color) continue;
    out.push(`${cssColor(color, opacity)} ${round(position(num(stop["position"], 0)) * 100, 1)}%`);
  }
  return out;
}

/** A CSS gradient for a Figma gradient paint on a w×h box, mapping Figma's handles onto CSS's gradient line. */
export function gradientCss(paint: Record<string, unknown>, w: number, h: number, opacity: number): string | undefined {
  const handles = Array.isArray(paint["gradientHandlePositions"]) ? paint["gradientHandlePositions"].map(readVec) : [];
  const [p0, p1, p2] = handles;
  const type = paint["type"];
  if (type === "GRADIENT_LINEAR") {
    const start = p0 ?? { x: 0.5, y: 0 };
    const end = p1 ?? { x: 0.5, y: 1 };
    const dx = (end.x - start.x) * w;
    const dy = (end.y - start.y) * h;
    const angle = Math.atan2(dx, -dy); // CSS: 0deg points up, clockwise
    const ux = Math.sin(angle);
    const uy = -Math.cos(angle);
    const length = Math.abs(w * Math.sin(angle)) + Math.abs(h * Math.cos(angle)) || 1;
    const position = (t: number): number => {
      const px = (start.x + t * (end.x - start.x)) * w - w / 2;
      const py = (start.y + t * (end.y - start.y)) * h - h / 2;
      return (px * ux + py * uy) / length + 0.5;
    };
    const stops = stopsCss(paint["gradientStops"], opacity, position);
    if (stops.length === 0) return undefined;
    let degrees = round((angle * 180) / Math.PI, 1);
    if (degrees < 0) degrees += 360;
    return `linear-gradient(${degrees}deg, ${stops.join(", ")})`;
  }
  const center = p0 ?? { x: 0.5, y: 0.5 };
  const at = `${round(center.x * 100, 1)}% ${round(center.y * 100, 1)}%`;
  if (type === "GRADIENT_ANGULAR") {
    const edge = p1 ?? { x: 1, y: 0.5 };
    const from = round((Math.atan2((edge.x - center.x) * w, -(edge.y - center.y) * h) * 180) / Math.PI, 1);
    const stops = stopsCss(paint["gradientStops"], opacity, (t) => t);
    return stops.length ? `conic-gradient(from ${from}deg at ${at}, ${stops.join(", ")})` : undefined;
  }
  // Radial and diamond (approximated as radial).
  const rx = p1 ? Math.hypot((p1.x - center.x) * w, (p1.y - center.y) * h) : w / 2;
  const ry = p2 ? Math.hypot((p2.x - center.x) * w, (p2.y - center.y) * h) : h / 2;
  const stops = stopsCss(paint["gradientStops"], opacity, (t) => t);
  return stops.length
    ? `radial-gradient(${round(rx, 1)}px ${round(ry, 1)}px at ${at}, ${stops.join(", ")})`
    : undefined;
}

export interface PaintContext {
  w: number;
  h: number;
  /** Registers an image fill as an asset; returns its key and, when its bytes are known, its pixel size. */
  imageAsset(imageRef: string): { key: string; width?: number; height?: number };
}

const FIT: Record<string, "cover" | "contain" | "fill" | "tile"> = {
  FILL: "cover",
  FIT: "contain",
  STRETCH: "fill",
  CROP: "cover",
  TILE: "tile",
};

/**
 * The part of the image a crop shows, from `imageTransform` (layer's unit square → image's unit square;
 * REST writes a crop as STRETCH with a transform, the plugin API as CROP). Undefined for the identity (the
 * whole image, stretched), rotations and skews, and anything unreadable.
 */
export function cropRegion(raw: unknown): [number, number, number, number] | undefined {
  if (!Array.isArray(raw) || raw.length < 2) return undefined;
  const [r0, r1] = raw as unknown[];
  if (!Array.isArray(r0) || !Array.isArray(r1)) return undefined;
  const [a, b, tx] = r0.map((v) => finite(v));
  const [c, d, ty] = r1.map((v) => finite(v));
  if (a === undefined || b === undefined || tx === undefined || c === undefined || d === undefined || ty === undefined)
    return undefined;
  if (Math.abs(b) > 1e-6 || Math.abs(c) > 1e-6 || a <= 0 || d <= 0) return undefined;
  const region: [number, number, number, number] = [round(tx, 4), round(ty, 4), round(a, 4), round(d, 4)];
  return region.every((v, i) => Math.abs(v - [0, 0, 1, 1][i]!) < 1e-4) ? undefined : region;
}

function imagePaint(paint: Record<string, unknown>, ctx: PaintContext, opacity: number): Paint {
  const ref = typeof paint["imageRef"] === "string" ? paint["imageRef"] : "missing";
  const image = ctx.imageAsset(ref);
  const mode = String(paint["scaleMode"]);
  const base = { kind: "image" as const, asset: image.key, ...(opacity < 1 ? { opacity: round(opacity, 3) } : {}) };
  const crop = mode === "STRETCH" || mode === "CROP" ? cropRegion(paint["imageTransform"]) : undefined;
  if (crop) return { ...base, fit: "crop", crop };
  const fit = FIT[mode] ?? "cover";
  if (fit === "tile" && image.width !== undefined && image.height !== undefined) {
    const scale = nonNegative(paint["scalingFactor"]) || 1;
    return { ...base, fit, tileSize: [round(image.width * scale, 1), round(image.height * scale, 1)] };
  }
  return { ...base, fit };
}

/** Visible paints, bottom first (Figma's order). */
export function readPaints(raw: unknown, ctx: PaintContext): Paint[] {
  if (!Array.isArray(raw)) return [];
  const out: Paint[] = [];
  for (const paint of raw) {
    if (!isRecord(paint) || paint["visible"] === false) continue;
    const opacity = num(paint["opacity"], 1);
    const blend = cssBlend(paint["blendMode"]);
    const withBlend = <T extends Paint>(p: T): T => (blend ? { ...p, blend } : p);
    const type = paint["type"];
    if (type === "SOLID") {
      const color = readColor(paint["color"]);
      if (color) out.push(withBlend({ kind: "solid", color: cssColor(color, opacity) }));
    } else if (typeof type === "string" && type.startsWith("GRADIENT_")) {
      const css = gradientCss(paint, ctx.w, ctx.h, opacity);
      if (css) out.push(withBlend({ kind: "gradient", css }));
    } else if (type === "IMAGE") {
      out.push(withBlend(imagePaint(paint, ctx, opacity)));
    }
  }
  return out;
}

const ALIGN: Record<string, Stroke["align"]> = { INSIDE: "inside", OUTSIDE: "outside", CENTER: "center" };

/** The node's stroke, from its first visible solid (or gradient's first stop) stroke paint. */
export function readStroke(node: Record<string, unknown>, ctx: PaintContext): Stroke | undefined {
  const paints = readPaints(node["strokes"], ctx);
  const first = paints.find((p) => p.kind === "solid") ?? paints[0];
  if (!first) return undefined;
  const color =
    first.kind === "solid"
      ? first.color
      : first.kind === "gradient"
        ? (/#[0-9a-f]{6}|rgba\([^)]*\)/.exec(first.css)?.[0] ?? "#000000")
        : "#000000";
  const uniform = nonNegative(node["strokeWeight"]) ?? 1;
  const sides = node["individualStrokeWeights"];
  let weight: number | Sides = round(uniform);
  if (isRecord(sides)) {
    const side = (key: string): number => nonNegative(sides[key]) ?? uniform;
    const s: Sides = [side("top"), side("right"), side("bottom"), side("left")].map((v) => round(v)) as Sides;
    weight = s.every((v) => v === s[0]) ? s[0] : s;
  }
  if (weight === 0) return undefined;
  const dashes = Array.isArray(node["strokeDashes"])
    ? node["strokeDashes"].map(nonNegative).filter((d): d is number => d !== undefined)
    : [];
  return {
    color,
    weight,
    align: ALIGN[String(node["strokeAlign"])] ?? "inside",
    ...(dashes.length ? { dashes: dashes.map((d) => round(d)) } : {}),
  };
}
