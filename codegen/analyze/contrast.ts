/**
 * Text contrast (WCAG 2.2, 1.4.3 Contrast (Minimum), AA): each visible text layer's colours — one per run
 * when runs differ — composited with every opacity that applies, over the background the compositor
 * resolves. Failures are errors; a background (or text colour) that cannot be known exactly is reported as
 * such, never guessed.
 */
import { failedContrast } from "../design/color.js";
import type { Placed } from "../design/placed.js";
import { buildStack, pixelAt, type Pixel } from "./background.js";
import { quote, textSegments, type TextSegment } from "./text-runs.js";
import type { ContrastFinding } from "./types.js";
import { contrastRatio, hexColor, isLargeText, parseCssColor, requiredRatio, type Rgba } from "./wcag.js";

interface Ink {
  css: string;
  large: boolean;
  chars: string;
}

/** The distinct (colour, large) pairs of a text layer, in reading order; pieces without a colour draw nothing. */
function inks(segments: TextSegment[]): Ink[] {
  const out = new Map<string, Ink>();
  for (const { chars, style } of segments) {
    if (style.color === undefined) continue;
    const large = isLargeText(style.size, style.weight);
    const key = `${style.color}|${large}`;
    const seen = out.get(key);
    if (seen) seen.chars += ` ${chars}`;
    else out.set(key, { css: style.color, large, chars });
  }
  return [...out.values()];
}

interface Resolved {
  hex: string;
  color: Rgba;
}

/** An opaque colour, or why there is none. */
function resolve(pixel: Pixel): Resolved | string {
  if ("unknown" in pixel) return pixel.unknown;
  if (pixel.color.a < 0.999) return "no opaque fill";
  // Quantised to 8 bits as a screen shows it, so the ratio is what a checker gives for the two hex colours.
  const hex = hexColor({ ...pixel.color, a: 1 });
  return { hex, color: parseCssColor(hex)! };
}

export function contrastFindings(layers: Placed[]): ContrastFinding[] {
  const stack = buildStack(layers);
  const out: ContrastFinding[] = [];
  for (const placed of layers) {
    const { node } = placed;
    if (node.kind !== "text" || !node.text) continue;
    const base = { nodeId: node.id, nodeName: placed.name, kind: "contrast" as const };
    const background = resolve(pixelAt(stack, placed));
    for (const ink of inks(textSegments(node.text))) {
      const required = requiredRatio(ink.large);
      const color = parseCssColor(ink.css);
      const drawn = color && typeof background !== "string" ? resolve(pixelAt(stack, placed, color)) : undefined;
      if (typeof background === "string" || drawn === undefined || typeof drawn === "string") {
        const why =
          color === undefined
            ? `its colour is not a plain colour (${ink.css})`
            : typeof background === "string"
              ? background.startsWith("no ")
                ? `there is ${background} behind it`
                : `it sits on ${background}`
              : `its colour does not resolve`;
        out.push({
          ...base,
          severity: "info",
          message:
            `Contrast of ${quote(ink.chars)} cannot be computed: ` +
            `${why}; check it by eye or with the vision model.`,
          required,
          foreground: ink.css,
          large: ink.large,
        });
        break; // one such note per layer is enough
      }
      const ratio = contrastRatio(drawn.color, background.color);
      if (ratio >= required) continue;
      out.push({
        ...base,
        severity: "error",
        message:
          `Text ${quote(ink.chars)} has contrast ${failedContrast(ratio).toFixed(2)}:1 (${drawn.hex} on ` +
          `${background.hex}); WCAG 2.2 AA needs ${required}:1 for ${ink.large ? "large" : "normal"} text.`,
        ratio: failedContrast(ratio),
        required,
        foreground: drawn.hex,
        background: background.hex,
        large: ink.large,
      });
    }
  }
  return out;
}
