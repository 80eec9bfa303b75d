/**
 * A text layer whose box places its characters: CSS's `<p>` is a flexbox (`display: flex; flex-direction: column;
 * justify-content: flex-end` sets a one-line footnote at the bottom of its 60 px), a React Native `Text` is not —
 * its characters stay at its top. Such a layer is printed as a View with the box's styles round a Text of the
 * characters (print.ts), as a Pressable's characters are.
 */
import type { RnEntry, RnStyle } from "./style.js";

/** The main axis's values that move the characters off the box's start. */
const MOVED = new Set(['"flex-end"', '"center"', '"space-around"', '"space-evenly"']);

const entryOf = (entries: readonly RnEntry[], key: string): string | undefined => entries.find(([k]) => k === key)?.[1];

/**
 * Whether a text class's style sets its characters lower than its top: a column's justifyContent (a View's default
 * direction) moves them, in a box with a least height (no fixed one). Not when the style's
 * window-dependent entries change text styles: those stay with the box (`textKeys`), not its characters.
 */
export function alignsCharacters(
  style: RnStyle | undefined,
  below: readonly [number, RnEntry[]][] | undefined,
  textKeys: ReadonlySet<string>,
): boolean {
  if (!style) return false;
  const { entries } = style;
  // A column only: in a row, the Text would be an item that does not shrink (React Native's default), its line
  // running past the box where CSS's anonymous item wraps.
  if (entryOf(entries, "flexDirection") === '"row"') return false;
  const main = entryOf(entries, "justifyContent");
  if (main === undefined || !MOVED.has(main)) return false;
  // A least height the characters may outgrow: in a fixed one, lines that overflow it would run off its top, not
  // its bottom as a Text's do, where React's clip them alike.
  if (entryOf(entries, "height") !== undefined || entryOf(entries, "minHeight") === undefined) return false;
  const windowed = [...(style.fluid ?? []), ...(below ?? []).flatMap(([, list]) => list)];
  return !windowed.some(([k]) => textKeys.has(k));
}
