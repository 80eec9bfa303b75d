/**
 * CSS's `white-space: nowrap` (a text drawn on one line: fitma's footer links, "Customer Support" in a 120-px
 * column) has no React Native style: a Text breaks its line where its box ends, and with the font a little wider than
 * Figma's, "Customer" / "Support" took two lines where CSS runs one past the box. Its spaces are written as no-break
 * spaces instead, as CSS collapses them (a run of them one space, none at the text's ends): the line then has no
 * place to break, and a Text whose width is not set is as wide as its line (a flex item's least size is its longest
 * unbroken run).
 *
 * Only where every screen keeps the line: a narrower screen's rule that lets it wrap (`white-space: normal`) would
 * need other characters there. A descendant whose class sets its own white-space is left to its own rule.
 */
import { type Decl, lastValue } from "../../css/decl.js";
import type { Sheet, VNode } from "../vnode.js";

const NBSP = "\u00a0";

const setsWhiteSpace = (decls: readonly Decl[]): boolean => decls.some(([p]) => p === "white-space");

/** Whether a class keeps its text on one line at every width: nowrap in its rule, no narrower rule changing it. */
function keepsOneLine(cls: string, sheet: Pick<Sheet, "rules" | "below">): boolean | undefined {
  const own = sheet.rules.get(cls) ?? [];
  const below = (sheet.below.get(cls) ?? []).map(([, decls]) => decls);
  if (!setsWhiteSpace(own) && !below.some(setsWhiteSpace)) return undefined;
  return lastValue(own, "white-space") === "nowrap" && !below.some(setsWhiteSpace);
}

type Sheetish = Pick<Sheet, "rules" | "below">;

/** Whether an element is a paragraph of its own (build.ts's `paragraphs`: a run made a block). */
const isBlock = (node: VNode, sheet: Sheetish): boolean =>
  node.type === "element" &&
  node.cls !== undefined &&
  (sheet.rules.get(node.cls) ?? []).some(([p, v]) => p === "display" && v.trim() === "block");

/** The lines under an element, each its text nodes in order: its runs' with it, a paragraph's its own. */
function linesOf(node: VNode, sheet: Sheetish, line: { value: string }[], lines: { value: string }[][]): void {
  if (node.type === "text") line.push(node);
  else if (node.type === "if") linesOf(node.child, sheet, line, lines);
  else if (node.type === "element")
    for (const c of node.children) {
      if (!isBlock(c, sheet)) linesOf(c, sheet, line, lines);
      else {
        const own: { value: string }[] = [];
        lines.push(own);
        linesOf(c, sheet, own, lines);
      }
    }
}

/** A line's spaces as no-break spaces: runs collapsed, none at its ends (those CSS drops, kept as they are). */
function joinLine(texts: readonly { value: string }[]): void {
  const whole = texts.map((t) => t.value).join("");
  const first = whole.search(/\S/);
  const end = whole.trimEnd().length;
  let at = 0;
  for (const t of texts) {
    const from = at;
    at += t.value.length;
    t.value = t.value.replace(/\s+/g, (run, offset: number) => {
      const start = from + offset;
      return start > first && start + run.length < end && !/[\n\r]/.test(run) ? NBSP : run;
    });
  }
}

function joinWords(node: VNode, sheet: Sheetish): void {
  const lines: { value: string }[][] = [[]];
  linesOf(node, sheet, lines[0]!, lines);
  for (const line of lines) joinLine(line);
}

/** Writes the spaces of each text CSS keeps on one line (see above) as no-break spaces; `inherited`: a parent's. */
export function keepLinesWhole(node: VNode, sheet: Pick<Sheet, "rules" | "below">, inherited = false): void {
  if (node.type === "if") return keepLinesWhole(node.child, sheet, inherited);
  if (node.type !== "element") return;
  const own = node.cls !== undefined ? keepsOneLine(node.cls, sheet) : undefined;
  const whole = own ?? inherited;
  const hasText = node.children.some((c) => c.type === "text");
  if (whole && hasText && node.children.every((c) => c.type !== "element" || !hasOwnWhiteSpace(c, sheet))) {
    // In a box of a set width a line without a place to break breaks inside a word (react-native-web's
    // `break-word`): fitma's "Back to Shopping" (99 px) read "Shoppin" / "g" at 390 px. Such a text keeps its spaces.
    if (!(node.cls !== undefined && drawnWidth(node.cls, sheet))) joinWords(node, sheet);
    return;
  }
  for (const c of node.children) keepLinesWhole(c, sheet, whole);
}

/** Whether a class sets a width in px, in its rule or a narrower screen's. */
function drawnWidth(cls: string, sheet: Pick<Sheet, "rules" | "below">): boolean {
  const all = [sheet.rules.get(cls) ?? [], ...(sheet.below.get(cls) ?? []).map(([, decls]) => decls)];
  return all.some((decls) => decls.some(([p, v]) => p === "width" && /^[\d.]+px$/.test(v.trim())));
}

function hasOwnWhiteSpace(node: VNode, sheet: Pick<Sheet, "rules" | "below">): boolean {
  if (node.type !== "element") return false;
  return (
    (node.cls !== undefined && keepsOneLine(node.cls, sheet) !== undefined) ||
    node.children.some((c) => hasOwnWhiteSpace(c, sheet))
  );
}
