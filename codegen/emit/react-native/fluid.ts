/**
 * CSS's fluid lengths (`clamp()`, `calc()`, `min()`, `max()`, `vw`, `vh`: the responsive extras of responsive.ts) as
 * TypeScript expressions of the window's size, for React Native, which has no such values: `vw` and `vh` are the
 * window's width and height (useWindowDimensions), and a container's width at the design width less `100%`
 * (`(1440px - 100%)`, how responsive.ts writes "how much narrower than drawn") is `shrink`, how much narrower the
 * window is than the design — the containers those rules are written for stretch with the screen. In a cap
 * (`max-width: calc(100% - 32px)`) `100%` is `page`, the window's width up to the design's: the widest the container
 * can be, so the cap is never tighter than CSS's.
 */

/** The arguments of a call whose `(` is at `open`, split at its top-level commas, and the index after its `)`. */
function callArgs(text: string, open: number): [args: string[], end: number] | undefined {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) {
      args.push(text.slice(start, i));
      return [args, i + 1];
    } else if (c === "," && depth === 1) {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return undefined;
}

/** `clamp(a, b, c)` as `Math.min(Math.max(a, b), c)`, nested ones too. */
function withoutClamp(text: string): string | undefined {
  const at = text.indexOf("clamp(");
  if (at < 0) return text;
  const call = callArgs(text, at + "clamp".length);
  if (call?.[0].length !== 3) return undefined;
  const [lo, mid, hi] = call[0].map((a) => withoutClamp(a.trim()));
  if (lo === undefined || mid === undefined || hi === undefined) return undefined;
  const rest = withoutClamp(text.slice(call[1]));
  return rest === undefined ? undefined : `${text.slice(0, at)}Math.min(Math.max(${lo}, ${mid}), ${hi})${rest}`;
}

/** Whether a CSS value is a fluid length (a math function or viewport units), not a plain one. */
export function isFluid(value: string): boolean {
  return /\b(?:clamp|calc|min|max)\(|\d(?:vw|vh)\b/.test(value);
}

/**
 * A fluid length as a TypeScript expression of `vw`, `vh` and `shrink`; undefined when it holds what has no
 * counterpart (a percentage of an unknown box, `em`, `var()`).
 */
export function fluidExpression(value: string, cap = false): string | undefined {
  if (!isFluid(value)) return undefined;
  let v = value.trim().replace(/\(\s*(-?[\d.]+)px\s*-\s*100%\s*\)/g, "shrink");
  if (cap) v = v.replace(/\b100%/g, "page");
  if (/%|var\(|\d(?:r?em|ch|ex)\b/.test(v)) return undefined;
  v = v
    .replace(/\bcalc\(/g, "(")
    .replace(/\bmin\(/g, "Math.min(")
    .replace(/\bmax\(/g, "Math.max(")
    .replace(/(\d*\.?\d+)px\b/g, "$1")
    .replace(/(\d*\.?\d+)vw\b/g, "($1 * vw) / 100")
    .replace(/(\d*\.?\d+)vh\b/g, "($1 * vh) / 100");
  const js = withoutClamp(v);
  if (js === undefined) return undefined;
  // Numbers, operators and the names above only: anything else is CSS this does not know.
  const words = js.match(/[A-Za-z_][\w.]*/g) ?? [];
  if (words.some((w) => !["Math.min", "Math.max", "vw", "vh", "shrink", "page"].includes(w))) return undefined;
  if (!/^[\d\s.+\-*/(),A-Za-z_]*$/.test(js)) return undefined;
  return js.replace(/\s+/g, " ");
}

type FluidInput = "vw" | "vh" | "shrink" | "page";

/** The window's values an expression reads. */
export function fluidInputs(expressions: Iterable<string>): Set<FluidInput> {
  const used = new Set<FluidInput>();
  for (const e of expressions)
    for (const w of ["vw", "vh", "shrink", "page"] as const) if (new RegExp(`\\b${w}\\b`).test(e)) used.add(w);
  return used;
}
