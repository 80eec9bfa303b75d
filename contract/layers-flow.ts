/**
 * A flex row or column's spacing as Figma can hold it, taken from where the browser put the children: Figma has no
 * space-around / space-evenly and no margins, so the gap between the boxes becomes the frame's gap and the room before
 * the first and after the last its padding (the boxes land where Chromium drew them). Only where every gap is the same
 * (one itemSpacing holds them all) and the line does not wrap; otherwise the auto layout stays as read. The builder
 * and the REST writer both read it. Pure.
 */
import type { AutoLayout, LayerNode } from "./layers.js";

/** How far two gaps may differ and still be one gap, px. */
const SAME = 0.5;

export function flowOf(layer: LayerNode): AutoLayout | undefined {
  const al = layer.autoLayout;
  if (!al || al.mode === "GRID" || al.wrap) return al;
  const row = al.mode === "HORIZONTAL";
  const items = (layer.children ?? []).filter((c) => !c.absolute && c.visible !== false);
  if (items.length === 0) return al;
  const start = (c: LayerNode): number => (row ? c.box.x : c.box.y);
  const end = (c: LayerNode): number => start(c) + (row ? c.box.w : c.box.h);
  const gaps = items.slice(1).map((c, i) => start(c) - end(items[i]!));
  const gap = gaps.length > 0 ? gaps.reduce((a, b) => a + b, 0) / gaps.length : al.gap;
  if (gaps.some((g) => Math.abs(g - gap) > SAME)) return al;
  const size = row ? layer.box.w : layer.box.h;
  const [before, after] = row ? (["left", "right"] as const) : (["top", "bottom"] as const);
  const lead = start(items[0]!);
  const trail = size - end(items[items.length - 1]!);
  const spread = al.primaryAlign === "SPACE_AROUND" || al.primaryAlign === "SPACE_EVENLY";
  // The padding that puts the line where it is (a margin before the first or after the last item included).
  const padded = (sides: readonly ("left" | "right" | "top" | "bottom")[]): AutoLayout["padding"] => {
    const padding = { ...al.padding };
    for (const side of sides) padding[side] = Math.max(0, side === before ? lead : trail);
    return padding;
  };
  if (spread) return { ...al, gap, primaryAlign: "MIN", padding: padded([before, after]) };
  const next = { ...al, gap: al.primaryAlign === "SPACE_BETWEEN" && gaps.length > 0 ? al.gap : gap };
  if (al.primaryAlign === "MIN" && lead - al.padding[before] > SAME) next.padding = padded([before]);
  if (al.primaryAlign === "MAX" && trail - al.padding[after] > SAME) next.padding = padded([after]);
  return next;
}
