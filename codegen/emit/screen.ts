/**
 * What a frame is as a screen (issue 37), read from its own facts: wide enough to be a page, and whether it is a
 * backdrop. Shared by the root's declarations (css.ts) and the page around it (page.ts).
 */
import { flexOf } from "../design/layout-kind.js";
import type { DesignNode } from "../design/types.js";

/** Frames at least this wide are screens: their fill and full-bleed backgrounds reach the viewport's edges. */
export const PAGE_MIN_WIDTH = 320;

export const isScreen = (root: DesignNode): boolean => root.w >= PAGE_MIN_WIDTH;

/** A translucent colour's alpha (0..1), or undefined for an opaque or unreadable one. */
function alphaOf(color: string): number | undefined {
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{8}$/.test(c)) return parseInt(c.slice(7), 16) / 255;
  const m = /^rgba\(([^)]*)\)$/.exec(c);
  const parts = m?.[1]?.split(/[\s,/]+/).filter(Boolean);
  return parts?.length === 4 ? Number(parts[3]) : undefined;
}

/**
 * A screen drawn as a backdrop (issue 37): a frame whose only paint is a see-through colour laid over what is behind
 * it (a dialog's dimmed page, 25 % black), its content centred on it by its own auto layout. It stays a backdrop over
 * the whole viewport at every width: at least as tall as the screen, its content centred on it.
 */
export function isBackdrop(root: DesignNode): boolean {
  const fills = (root.fills ?? []).filter((f) => !f.blend);
  if (!isScreen(root) || fills.length !== 1 || fills[0]!.kind !== "solid" || (root.fills ?? []).length !== 1)
    return false;
  const alpha = alphaOf(fills[0]!.color);
  const layout = flexOf(root);
  return (
    alpha !== undefined &&
    alpha > 0 &&
    alpha < 0.9 &&
    !!layout &&
    !layout.inferred &&
    layout.align === "center" &&
    layout.justify === "center"
  );
}
