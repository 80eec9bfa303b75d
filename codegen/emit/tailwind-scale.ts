/**
 * Tailwind v4's default theme scales, and CSS values → the scale step that draws exactly the same.
 * The scaffold installs `tailwindcss@^4.3.5` (codegen/scaffold/project-files.ts); the numbers below are
 * copied from that version's `tailwindcss/theme.css` (`--spacing: 0.25rem`, `--text-*`, `--radius-*`,
 * `--blur-*`, `--shadow-*`, `--font-weight-*`, `--tracking-*`), taken at 1rem = 16px. A value that matches
 * no step returns undefined and the caller writes an arbitrary `[…]` value.
 */

/** `12px` → 12; anything else (%, calc, em, keywords) → undefined. `0` is 0. */
export function pxValue(value: string): number | undefined {
  if (value === "0") return 0;
  const m = /^(-?\d+(?:\.\d+)?)px$/.exec(value);
  return m ? Number(m[1]) : undefined;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;

/**
 * Spacing step for a length (`w-64`, `p-4`, `gap-0.5`): v4 multiplies `--spacing` (0.25rem = 4px) by the
 * step, so 4px steps are integers and 2px half steps; 1px is `px`. Percentages: `full` and halves/quarters.
 */
export function spacingStep(value: string): string | undefined {
  if (value === "100%") return "full";
  if (value === "auto") return "auto";
  if (value === "0%") return "0";
  // Sizes by content (only widths and heights take them): `w-max`, `w-min`, `w-fit`.
  const content = { "max-content": "max", "min-content": "min", "fit-content": "fit" }[value];
  if (content) return content;
  const fraction = { "50%": "1/2", "25%": "1/4", "75%": "3/4" }[value];
  if (fraction) return fraction;
  const n = pxValue(value);
  if (n === undefined || n < 0) return undefined;
  if (n === 1) return "px";
  const step = n / 4;
  return Number.isInteger(step * 2) ? String(step) : undefined;
}

/** Arbitrary values use `_` for spaces. */
export function arb(value: string): string {
  return `[${value
    .replace(/"/g, "'")
    .replace(/_/g, "\\_")
    .replace(/\s*,\s*/g, ",")
    .replace(/\s+/g, "_")}]`;
}

/** Inset and margin take negative steps (`-left-4`); sizes, padding and gaps do not. */
const NEGATIVE = /^(left|right|top|bottom|inset(-[xy])?|m[trblxy]?)$/;

/** `w-64`, `-left-4`, `w-[13px]`. */
export function spacingClass(prefix: string, value: string): string {
  const step = spacingStep(value);
  if (step !== undefined) return `${prefix}-${step}`;
  const n = pxValue(value);
  if (n !== undefined && n < 0 && NEGATIVE.test(prefix)) {
    const positive = spacingStep(`${-n}px`);
    if (positive !== undefined) return `-${prefix}-${positive}`;
  }
  return `${prefix}-${arb(value)}`;
}

/** `--text-*` with `--text-*--line-height`, in px. */
export const FONT_SIZES: readonly [name: string, size: number, lineHeight: number][] = [
  ["xs", 12, 16],
  ["sm", 14, 20],
  ["base", 16, 24],
  ["lg", 18, 28],
  ["xl", 20, 28],
  ["2xl", 24, 32],
  ["3xl", 30, 36],
  ["4xl", 36, 40],
  ["5xl", 48, 48],
  ["6xl", 60, 60],
  ["7xl", 72, 72],
  ["8xl", 96, 96],
  ["9xl", 128, 128],
];

export function fontSizeStep(px: number): { name: string; lineHeight: number } | undefined {
  const hit = FONT_SIZES.find(([, size]) => near(size, px));
  return hit ? { name: hit[0], lineHeight: hit[2] } : undefined;
}

/** `leading-6` (spacing steps, 24px) or `leading-none` (1 × font size). */
export function leadingStep(lineHeight: number, fontSize: number | undefined): string | undefined {
  if (fontSize !== undefined && near(lineHeight, fontSize)) return "none";
  return spacingStep(`${lineHeight}px`);
}

export const FONT_WEIGHTS: Record<string, string> = {
  "100": "thin",
  "200": "extralight",
  "300": "light",
  "400": "normal",
  "500": "medium",
  "600": "semibold",
  "700": "bold",
  "800": "extrabold",
  "900": "black",
};

/** `--tracking-*` in em, matched against px letter spacing at a known font size. */
const TRACKING: readonly [string, number][] = [
  ["tighter", -0.05],
  ["tight", -0.025],
  ["normal", 0],
  ["wide", 0.025],
  ["wider", 0.05],
  ["widest", 0.1],
];

export function trackingStep(letterSpacing: number, fontSize: number): string | undefined {
  return TRACKING.find(([, em]) => near(em * fontSize, letterSpacing))?.[0];
}

/** `--radius-*` in px (`rounded-lg` = 8px); 0 is `none`. */
const RADII: readonly [string, number][] = [
  ["none", 0],
  ["xs", 2],
  ["sm", 4],
  ["md", 6],
  ["lg", 8],
  ["xl", 12],
  ["2xl", 16],
  ["3xl", 24],
  ["4xl", 32],
];

export function radiusStep(px: number): string | undefined {
  return RADII.find(([, r]) => near(r, px))?.[0];
}

/** `--blur-*` in px (`blur-sm` = 8px). */
const BLURS: readonly [string, number][] = [
  ["xs", 4],
  ["sm", 8],
  ["md", 12],
  ["lg", 16],
  ["xl", 24],
  ["2xl", 40],
  ["3xl", 64],
];

export function blurStep(px: number): string | undefined {
  if (px === 0) return "none";
  return BLURS.find(([, b]) => near(b, px))?.[0];
}

/** `--shadow-*`, each layer as x, y, blur, spread, rgba. */
type Layer = [x: number, y: number, blur: number, spread: number, r: number, g: number, b: number, a: number];
const SHADOWS: readonly [string, Layer[]][] = [
  ["2xs", [[0, 1, 0, 0, 0, 0, 0, 0.05]]],
  ["xs", [[0, 1, 2, 0, 0, 0, 0, 0.05]]],
  [
    "sm",
    [
      [0, 1, 3, 0, 0, 0, 0, 0.1],
      [0, 1, 2, -1, 0, 0, 0, 0.1],
    ],
  ],
  [
    "md",
    [
      [0, 4, 6, -1, 0, 0, 0, 0.1],
      [0, 2, 4, -2, 0, 0, 0, 0.1],
    ],
  ],
  [
    "lg",
    [
      [0, 10, 15, -3, 0, 0, 0, 0.1],
      [0, 4, 6, -4, 0, 0, 0, 0.1],
    ],
  ],
  [
    "xl",
    [
      [0, 20, 25, -5, 0, 0, 0, 0.1],
      [0, 8, 10, -6, 0, 0, 0, 0.1],
    ],
  ],
  ["2xl", [[0, 25, 50, -12, 0, 0, 0, 0.25]]],
];

/** One `box-shadow` layer as written by css.ts: `0 4px 6px -1px rgba(0, 0, 0, 0.1)` (or `#rrggbb`). */
function parseLayer(text: string): Layer | undefined {
  const m = /^(\S+) (\S+) (\S+) (\S+) (#[0-9a-f]{6}|rgba?\(([^)]*)\))$/i.exec(text.trim());
  if (!m) return undefined;
  const lengths = [m[1]!, m[2]!, m[3]!, m[4]!].map(pxValue);
  if (lengths.some((v) => v === undefined)) return undefined;
  let rgba: number[];
  if (m[5]!.startsWith("#")) rgba = [1, 3, 5].map((i) => parseInt(m[5]!.slice(i, i + 2), 16)).concat(1);
  else rgba = m[6]!.split(",").map(Number).concat(1).slice(0, 4);
  return [...(lengths as number[]), ...rgba] as Layer;
}

/** The shadow step whose layers are exactly these (alpha within 0.005), else undefined. */
export function shadowStep(value: string): string | undefined {
  if (value.includes("inset")) return undefined;
  const layers = value.split(/,(?![^(]*\))/).map(parseLayer);
  if (layers.some((l) => l === undefined)) return undefined;
  const same = (a: Layer, b: Layer): boolean => a.every((v, i) => near(v, b[i]!));
  return SHADOWS.find(([, scale]) => scale.length === layers.length && scale.every((l, i) => same(l, layers[i]!)))?.[0];
}
