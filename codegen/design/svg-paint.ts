/**
 * What a shape's CSS gets from paint.ts, as SVG: a gradient fill from Figma's handles, drop and inner shadows as a
 * filter, and a stroke inside or outside the outline. vector.ts's drawShape uses these; isShapePicture trusts them
 * only where they draw as Figma does (canDraw*).
 */
import { isRecord } from "../rest/reply.js";
import { finite, nonNegative } from "../rest/values.js";
import { cssColor, readColor, round } from "./color.js";

type Paint = Record<string, unknown>;

/** An SVG id from a node id (ids hold `:` and `;`). */
export const svgId = (prefix: string, nodeId: string): string => `${prefix}-${nodeId.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

const GRADIENTS = new Set(["GRADIENT_LINEAR", "GRADIENT_RADIAL"]);

/** True for a gradient drawn as Figma draws it: linear or radial, three handles, stops of colours. */
export function canDrawGradient(paint: Paint): boolean {
  const handles = paint["gradientHandlePositions"];
  return (
    GRADIENTS.has(String(paint["type"])) &&
    Array.isArray(handles) &&
    handles.length >= 3 &&
    handles.every((p) => isRecord(p) && typeof p["x"] === "number" && typeof p["y"] === "number") &&
    Array.isArray(paint["gradientStops"]) &&
    paint["gradientStops"].length > 0 &&
    (paint["blendMode"] === undefined || paint["blendMode"] === "NORMAL")
  );
}

/**
 * A linear or radial gradient on a w×h shape. Figma's handles are in the shape's unit box: the gradient's own
 * space (0,0) → p0, (1,0) → p1, (0,1) → p2; that affine map, scaled by w×h, is the gradientTransform (so the lines
 * of one colour run along p0→p2, as in Figma, where CSS's angle would square them to p0→p1).
 */
export function svgGradient(paint: Paint, w: number, h: number, id: string): string | undefined {
  if (!canDrawGradient(paint)) return undefined;
  const [p0, p1, p2] = (paint["gradientHandlePositions"] as { x: number; y: number }[]).slice(0, 3) as [
    { x: number; y: number },
    { x: number; y: number },
    { x: number; y: number },
  ];
  const m = [(p1.x - p0.x) * w, (p1.y - p0.y) * h, (p2.x - p0.x) * w, (p2.y - p0.y) * h, p0.x * w, p0.y * h];
  const transform = `gradientTransform="matrix(${m.map((v) => round(v, 4)).join(" ")})"`;
  const opacity = finite(paint["opacity"]) ?? 1;
  const stops: string[] = [];
  for (const stop of paint["gradientStops"] as unknown[]) {
    if (!isRecord(stop)) continue;
    const color = readColor(stop["color"]);
    if (!color) continue;
    stops.push(`<stop offset="${round(finite(stop["position"]) ?? 0, 4)}" stop-color="${cssColor(color, opacity)}"/>`);
  }
  if (stops.length === 0) return undefined;
  const units = `id="${id}" gradientUnits="userSpaceOnUse" ${transform}`;
  return paint["type"] === "GRADIENT_LINEAR"
    ? `<linearGradient ${units} x1="0" y1="0" x2="1" y2="0">${stops.join("")}</linearGradient>`
    : `<radialGradient ${units} cx="0" cy="0" r="1">${stops.join("")}</radialGradient>`;
}

interface Shadow {
  inner: boolean;
  dx: number;
  dy: number;
  blur: number;
  spread: number;
  color: string;
  behind: boolean;
}

const visible = (raw: unknown): Paint[] =>
  Array.isArray(raw) ? raw.filter((e): e is Paint => isRecord(e) && e["visible"] !== false) : [];

function readShadow(effect: Paint): Shadow | undefined {
  const type = effect["type"];
  if (type !== "DROP_SHADOW" && type !== "INNER_SHADOW") return undefined;
  if (effect["blendMode"] !== undefined && effect["blendMode"] !== "NORMAL") return undefined;
  const color = readColor(effect["color"]);
  const offset = isRecord(effect["offset"]) ? effect["offset"] : {};
  if (!color) return undefined;
  return {
    inner: type === "INNER_SHADOW",
    dx: finite(offset["x"]) ?? 0,
    dy: finite(offset["y"]) ?? 0,
    blur: nonNegative(effect["radius"]) ?? 0,
    spread: finite(effect["spread"]) ?? 0,
    color: cssColor(color, 1),
    // Figma knocks a drop shadow out under the layer unless "show behind transparent areas" is on.
    behind: effect["showShadowBehindNode"] === true,
  };
}

/** True where every visible effect is a shadow the filter draws (normal blend; an inner one without spread). */
export function canDrawEffects(effects: unknown): boolean {
  return visible(effects).every((e) => {
    const shadow = readShadow(e);
    return shadow !== undefined && !(shadow.inner && shadow.spread !== 0);
  });
}

/**
 * The layer's shadows as one SVG filter on its w×h box, Figma's order: drop shadows under the layer (the first
 * lowest), inner shadows over it. Blur is Figma's radius, a Gaussian of half that deviation (as Figma's SVG export).
 */
export function svgShadowFilter(effects: unknown, w: number, h: number, id: string): string | undefined {
  const shadows = visible(effects).flatMap((e) => readShadow(e) ?? []);
  if (shadows.length === 0) return undefined;
  const steps: string[] = [];
  const under: string[] = [];
  const over: string[] = [];
  let [x0, y0, x1, y1] = [0, 0, w, h];
  shadows.forEach((s, i) => {
    const source = s.spread !== 0 ? `s${i}` : "SourceAlpha";
    if (s.spread !== 0) {
      const op = s.spread > 0 ? "dilate" : "erode";
      steps.push(
        `<feMorphology in="SourceAlpha" operator="${op}" radius="${round(Math.abs(s.spread), 3)}" result="s${i}"/>`,
      );
    }
    steps.push(`<feGaussianBlur in="${source}" stdDeviation="${round(s.blur / 2, 3)}"/>`);
    steps.push(`<feOffset dx="${round(s.dx, 3)}" dy="${round(s.dy, 3)}" result="b${i}"/>`);
    // An inner shadow is the layer less its blurred, moved copy: where the copy does not reach, the shade shows.
    if (s.inner) steps.push(`<feComposite in="SourceAlpha" in2="b${i}" operator="out" result="b${i}"/>`);
    steps.push(`<feFlood flood-color="${s.color}"/>`);
    steps.push(`<feComposite in2="b${i}" operator="in"${s.inner || s.behind ? ` result="e${i}"` : ""}/>`);
    if (!s.inner && !s.behind) steps.push(`<feComposite in2="SourceAlpha" operator="out" result="e${i}"/>`);
    (s.inner ? over : under).push(`<feMergeNode in="e${i}"/>`);
    if (s.inner) return;
    const reach = s.blur * 1.5 + Math.max(s.spread, 0);
    [x0, y0] = [Math.min(x0, s.dx - reach), Math.min(y0, s.dy - reach)];
    [x1, y1] = [Math.max(x1, w + s.dx + reach), Math.max(y1, h + s.dy + reach)];
  });
  const region =
    `x="${round(x0 - 1)}" y="${round(y0 - 1)}" width="${round(x1 - x0 + 2)}" height="${round(y1 - y0 + 2)}" ` +
    `filterUnits="userSpaceOnUse" color-interpolation-filters="sRGB"`;
  const merge = `<feMerge>${under.join("")}<feMergeNode in="SourceGraphic"/>${over.join("")}</feMerge>`;
  return `<filter id="${id}" ${region}>${steps.join("")}${merge}</filter>`;
}

/**
 * A box's or an ellipse's stroke inside or outside its outline (SVG strokes the centre), as Figma draws it: the
 * outline stroked at twice the weight, clipped to the shape (inside) or masked to outside it. The stroked element
 * keeps the layer's own box (a stroke moved by half its weight would measure smaller or larger than the layer).
 */
export function alignedStroke(
  shape: string,
  w: number,
  h: number,
  weight: number,
  align: "inside" | "outside",
  id: string,
): { def: string; attr: string } {
  if (align === "inside") return { def: `<clipPath id="${id}">${shape}</clipPath>`, attr: ` clip-path="url(#${id})"` };
  const out = weight + 1;
  const region = `x="${round(-out)}" y="${round(-out)}" width="${round(w + 2 * out)}" height="${round(h + 2 * out)}"`;
  const hole = shape.replace(/\/>$/, ' fill="black"/>');
  return {
    def: `<mask id="${id}" maskUnits="userSpaceOnUse" ${region}><rect ${region} fill="white"/>${hole}</mask>`,
    attr: ` mask="url(#${id})"`,
  };
}
