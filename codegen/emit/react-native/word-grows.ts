/**
 * A one-word text of a drawn width whose box CSS lets grow to its line (`min-width: fit-content`, build.ts's texts
 * drawn on one line, or `white-space: nowrap`): CSS never breaks the word, its box is at least the word. A React
 * Native `Text` of that width breaks it where the box ends (react-native-web's `break-word`) once the font sets it a
 * little wider than Figma did: TnT's "Chat" read "Cha" / "t" in an 83-px box, its e-mail address "…gmail.co" / "m".
 *
 * Without a width the Text is never narrower than its word (a flex item's least size is its longest word), so the
 * drawn width becomes what the box starts from: the flex basis in a row, the least width in a column (its start
 * kept: a box of a set width is not stretched across its column, one without one would be). A width that is a share
 * of the parent's (a text placed in a box that scales: TnT's "Card Holder", 28.02 %, read "Card Holde" / "r", half
 * the card's text lost) is the least width as that share, at every width.
 */
import type { Decl } from "../../css/decl.js";
import { TEXTY } from "./print.js";
import { oneWord } from "./one-word.js";
import type { RnEntry, RnStyle } from "./style.js";
import type { VNode } from "../vnode.js";

interface GrowUnit {
  styles: Map<string, RnStyle>;
  below: Map<string, [width: number, entries: RnEntry[]][]>;
  /** Each class's CSS declarations. */
  rules: Map<string, Decl[]>;
  /** The design's width: a text of several words grows to its line from there up. */
  designWidth: number;
}

const entryValue = (entries: readonly RnEntry[], key: string): string | undefined =>
  entries.find(([k]) => k === key)?.[1];

/** Whether the CSS lets the box grow to its one line. */
function growsToLine(decls: readonly Decl[]): boolean {
  return decls.some(
    ([p, v]) => (p === "min-width" && v.trim() === "fit-content") || (p === "white-space" && v.trim() === "nowrap"),
  );
}

/** The parent's main axis, when no narrower screen's rule turns it (else undefined). */
function axisOf(parent: string | undefined, unit: GrowUnit): "row" | "column" | undefined {
  if (parent === undefined) return undefined;
  const turned = (unit.below.get(parent) ?? []).some(
    ([, entries]) => entryValue(entries, "flexDirection") !== undefined,
  );
  if (turned) return undefined;
  return entryValue(unit.styles.get(parent)?.entries ?? [], "flexDirection") === '"row"' ? "row" : "column";
}

/** A width in px (`83`), or a share of the parent's (`"28.02%"`, an absolute text's in a box that scales). */
const PX = /^[\d.]+$/;
const SHARE = /^"[\d.]+%"$/;

/** The text's own style with its drawn width as where its box starts from (undefined: left as it is). */
function grown(style: RnStyle, axis: "row" | "column" | "placed", parent: RnStyle | undefined): RnEntry[] | undefined {
  const width = entryValue(style.entries, "width");
  if (width === undefined || !(PX.test(width) || SHARE.test(width))) return undefined;
  const rest = style.entries.filter(([k]) => k !== "width");
  if (axis === "row") return entryValue(rest, "flexBasis") !== undefined ? rest : [...rest, ["flexBasis", width]];
  const own = entryValue(rest, "minWidth");
  // A share is the least width as it is (a least width of its own beside it: no telling which is wider, left).
  if (SHARE.test(width) && own !== undefined && own !== "0") return undefined;
  const least = SHARE.test(width) ? width : String(Math.max(Number(width), Number(own ?? 0)));
  const out: RnEntry[] = [...rest.filter(([k]) => k !== "minWidth"), ["minWidth", least]];
  const stretched =
    axis === "column" && [undefined, '"stretch"'].includes(entryValue(parent?.entries ?? [], "alignItems"));
  if (stretched && entryValue(rest, "alignSelf") === undefined) out.push(["alignSelf", '"flex-start"']);
  return out;
}

/**
 * A text of several words: a least width would not keep its words together on a narrower screen (CSS's least,
 * `fit-content`, is never wider than the space its container gives; React Native's drawn one would push past it),
 * so its drawn width is its least from the design's width up only, and its width again below (TnT's "OUR GOALS",
 * 377 px drawn, in a 596-px column at 1920 px: "OUR" / "GOALS" where CSS keeps its one line).
 */
function linesGrow(style: RnStyle, parentCls: string | undefined, unit: GrowUnit, cls: string): void {
  const parent = parentCls !== undefined ? unit.styles.get(parentCls) : undefined;
  const width = entryValue(style.entries, "width");
  if (width === undefined || !(PX.test(width) || SHARE.test(width))) return;
  const least = entryValue(style.entries, "minWidth");
  // A least width in a row too (its flex basis would not keep the words together); its start kept in a column.
  const axis = entryValue(style.entries, "position") === '"absolute"' ? "placed" : axisOf(parentCls, unit);
  const entries = grown(style, axis === "column" ? "column" : "placed", parent);
  if (entries === undefined) return;
  style.entries = entries;
  // A share of the parent narrows with it: CSS keeps the line at every width, and so does the least share.
  if (SHARE.test(width)) return;
  const list = unit.below.get(cls) ?? [];
  const back: RnEntry[] = [
    ["width", width],
    ["minWidth", least ?? "0"],
  ];
  const same = list.find(([w]) => w === unit.designWidth);
  if (same) same[1] = [...back, ...same[1].filter(([k]) => k !== "width" && k !== "minWidth")];
  else list.push([unit.designWidth, back]);
  unit.below.set(
    cls,
    list.sort((a, b) => b[0] - a[0]),
  );
}

/** Lets each text of a drawn width grow to its line (see above); `parent` is its parent element's class. */
export function letWordsGrow(node: VNode, unit: GrowUnit, parent?: string): void {
  if (node.type === "if") return letWordsGrow(node.child, unit, parent);
  if (node.type !== "element") return;
  for (const c of node.children) letWordsGrow(c, unit, node.cls);
  const cls = node.cls;
  if (cls === undefined || !TEXTY.has(node.tag) || !node.children.some((c) => c.type === "text")) return;
  const style = unit.styles.get(cls);
  if (!style || !growsToLine(unit.rules.get(cls) ?? [])) return;
  const parentStyle = parent !== undefined ? unit.styles.get(parent) : undefined;
  if (oneWord(node.children) === undefined) return linesGrow(style, parent, unit, cls);
  // A narrower screen's width of its own is left to its rule.
  const sized = (unit.below.get(cls) ?? []).some(([, entries]) =>
    entries.some(([k]) => ["width", "minWidth", "maxWidth"].includes(k)),
  );
  if (sized || entryValue(style.entries, "maxWidth") !== undefined) return;
  const placed = entryValue(style.entries, "position") === '"absolute"';
  const axis = placed ? "placed" : axisOf(parent, unit);
  if (axis === undefined) return;
  const entries = grown(style, axis, parentStyle);
  if (entries !== undefined) style.entries = entries;
}
