/**
 * CSS linear gradients (`linear-gradient(180deg, #fff 0%, #4d1d95 100%)`, layered) as an SVG document for
 * react-native-svg's `SvgXml`, which draws them on every platform: React Native's own `experimental_backgroundImage`
 * is drawn by the new architecture only, and react-native-web leaves it out. The drawing fills its box, stretched
 * (`preserveAspectRatio="none"`): the gradient line runs across the box at the CSS angle.
 */
import { layers } from "./background.js";

/** Each side's direction on screen (y down). */
const SIDES: Record<string, [number, number]> = { top: [0, -1], right: [1, 0], bottom: [0, 1], left: [-1, 0] };

/** `to right`, `to top left`… as CSS's angle (0deg up, clockwise); undefined for anything else. */
function sideAngle(words: string): number | undefined {
  const m = /^to ((?:top|right|bottom|left)(?: (?:top|right|bottom|left))?)$/.exec(words);
  if (!m) return undefined;
  const [x, y] = m[1]!
    .split(" ")
    .reduce<[number, number]>((a, w) => [a[0] + SIDES[w]![0], a[1] + SIDES[w]![1]], [0, 0]);
  return ((Math.atan2(x, -y) * 180) / Math.PI + 360) % 360;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

/** One `linear-gradient(…)` as an SVG `<linearGradient>` of id `id`; undefined for what it cannot read. */
function linear(layer: string, id: string): string | undefined {
  const m = /^linear-gradient\((.*)\)$/s.exec(layer.trim());
  if (!m) return undefined;
  const parts = layers(m[1]!);
  let angle = 180;
  const head = parts[0]!.trim();
  const deg = /^(-?[\d.]+)deg$/.exec(head);
  const side = sideAngle(head);
  if (deg) angle = Number(deg[1]);
  else if (side !== undefined) angle = side;
  const stops = deg || side !== undefined ? parts.slice(1) : parts;
  if (stops.length < 2) return undefined;
  const rad = (angle * Math.PI) / 180;
  const [dx, dy] = [Math.sin(rad) / 2, -Math.cos(rad) / 2];
  const out: string[] = [];
  for (const [i, stop] of stops.entries()) {
    const s = /^(.*?)\s+(-?[\d.]+)%$/.exec(stop.trim());
    const color = (s ? s[1]! : stop).trim();
    if (/["<>]/.test(color) || /\s\d/.test(color.replace(/\([^)]*\)/g, ""))) return undefined;
    const at = s ? Number(s[2]) : (i / (stops.length - 1)) * 100;
    out.push(`<stop offset="${round(at / 100)}" stop-color="${color}"/>`);
  }
  const line = `x1="${round(0.5 - dx)}" y1="${round(0.5 - dy)}" x2="${round(0.5 + dx)}" y2="${round(0.5 + dy)}"`;
  return `<linearGradient id="${id}" ${line}>${out.join("")}</linearGradient>`;
}

/**
 * A background's gradient layers as one SVG document (the first layer on top); undefined when one is not linear.
 * `idPrefix` makes its gradients' ids the page's own (a web page shares one id space among its SVGs).
 */
export function gradientSvg(value: string, idPrefix: string): string | undefined {
  const all = layers(value.trim());
  const defs: string[] = [];
  for (const [i, layer] of all.entries()) {
    const def = linear(layer, `${idPrefix}${i}`);
    if (def === undefined) return undefined;
    defs.push(def);
  }
  const rects = defs.map((_, i) => `<rect width="1" height="1" fill="url(#${idPrefix}${i})"/>`).reverse();
  return `<svg viewBox="0 0 1 1" preserveAspectRatio="none"><defs>${defs.join("")}</defs>${rects.join("")}</svg>`;
}
