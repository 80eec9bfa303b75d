/**
 * The hint's vocabulary: one entry per design-tree field, with its short key, how it prints and how it
 * parses back. Keeping both directions side by side is what makes parse(print(tree)) == tree.
 */
import type {
  Corners,
  DesignNode,
  Effects,
  FlexLayout,
  FlowItem,
  FrameLaid,
  GridCell,
  GridCollapse,
  GridLayout,
  GridTrack,
  Layout,
  ImagePaint,
  NavMenu,
  Paint,
  Shadow,
  Sides,
  Sizing,
  Stroke,
  TextContent,
  TextRun,
  TextStyle,
} from "../design/types.js";
import { expandColor, num, quote, shortColor, unquote } from "./tokens.js";
import { flowItem } from "../design/node.js";
import { flexOf, gridOf } from "../design/layout-kind.js";
import { FigmentError } from "../../kernel/errors.js";

/** `font`: a text's typeface, size, weight, spacing (shared by texts of several colours); `text`: the rest of it. */
export type Category = "layout" | "paint" | "font" | "text";

/**
 * Where a node sits, for what a hint of HINT_VERSION 2 leaves to its context (absent: printed in full, as version 1):
 * sizing fixed where auto layout is involved, the frame width of `fb`, frames not clipping unless `clip` says so.
 */
export interface FieldContext {
  parent: DesignNode | undefined;
  /** The top-level layer the node is in (itself at the top). */
  root: DesignNode;
}

export interface Field {
  key: string;
  category: Category;
  /** Value to print (without quoting); "" for a flag; undefined when the field is absent. */
  print(node: DesignNode, context?: FieldContext): string | undefined;
  parse(node: DesignNode, value: string, context?: FieldContext): void;
}

/**
 * Where auto layout is involved (an auto-layout frame, or a flow child), a version 2 hint takes a side's sizing as
 * fixed unless it says otherwise (`W:-` when it has none), so the commonest case costs nothing.
 */
export const sizingImplied = (node: DesignNode, parent: DesignNode | undefined): boolean =>
  node.layout !== undefined || (parent?.layout !== undefined && !node.absolute);

function printSizing(sizing: Sizing | undefined, node: DesignNode, context: FieldContext | undefined) {
  if (!context || !sizingImplied(node, context.parent)) return sizing ? SIZING.print(sizing) : undefined;
  return sizing === "fixed" ? undefined : sizing ? SIZING.print(sizing) : NO_SIZING;
}
/** A side without sizing where a version 2 hint would take it as fixed. */
export const NO_SIZING = "-";

const nums = (list: readonly number[]): string => list.join(",");
const parseNums = (value: string): number[] => value.split(",").map(num);

/** CSS-style shorthand for 4 sides: 1, 2 or 4 values. */
function printSides(s: Sides | Corners): string {
  const [a, b, c, d] = s;
  if (a === b && b === c && c === d) return String(a);
  if (a === c && b === d) return `${a},${b}`;
  return nums(s);
}
function parseSides(value: string): [number, number, number, number] {
  const v = parseNums(value);
  if (v.length === 1) return [v[0]!, v[0]!, v[0]!, v[0]!];
  if (v.length === 2) return [v[0]!, v[1]!, v[0]!, v[1]!];
  if (v.length === 4) return [v[0]!, v[1]!, v[2]!, v[3]!];
  throw new FigmentError("input", `expected 1, 2 or 4 numbers, got "${value}"`);
}

function enumCodec<T extends string>(codes: Record<T, string>): { print(v: T): string; parse(code: string): T } {
  const reverse = new Map(Object.entries(codes).map(([k, v]) => [v as string, k as T]));
  return {
    print: (v) => codes[v],
    parse: (code) => {
      const v = reverse.get(code);
      if (v === undefined) throw new FigmentError("input", `unknown code "${code}"`);
      return v;
    },
  };
}

const JUSTIFY = enumCodec<FlexLayout["justify"]>({ start: "s", center: "c", end: "e", "space-between": "sb" });
const ALIGN = enumCodec<FlexLayout["align"]>({ start: "s", center: "c", end: "e", baseline: "b", stretch: "st" });
const SIZING = enumCodec<Sizing>({ fixed: "fix", hug: "hug", fill: "fill" });
const CH = enumCodec<NonNullable<DesignNode["constraintH"]>>({
  left: "l",
  right: "r",
  center: "c",
  "left-right": "lr",
  scale: "s",
});
const CV = enumCodec<NonNullable<DesignNode["constraintV"]>>({
  top: "t",
  bottom: "b",
  center: "c",
  "top-bottom": "tb",
  scale: "s",
});
const STROKE_ALIGN = enumCodec<Stroke["align"]>({ inside: "i", center: "c", outside: "o" });
const RESIZE = enumCodec<TextContent["resize"]>({ none: "n", height: "h", width: "w", truncate: "t" });
const ALIGN_H = enumCodec<TextContent["alignH"]>({ left: "l", center: "c", right: "r", justify: "j" });
const ALIGN_V = enumCodec<TextContent["alignV"]>({ top: "t", center: "c", bottom: "b" });
const FIT = enumCodec<ImagePaint["fit"]>({
  cover: "cover",
  contain: "contain",
  fill: "fill",
  tile: "tile",
  crop: "crop",
});

const MASK_TYPE = enumCodec<NonNullable<DesignNode["maskType"]>>({ vector: "v", luminance: "l" });

const SELF = enumCodec<NonNullable<FlowItem["self"]>>({ start: "s", center: "c", end: "e" });

// An item of an inferred flow (codegen/layout): `fi:<before>,<self>,<offset>`, trailing empties dropped,
// `a` for an auto margin: `fi:24`, `fi:a`, `fi:,c`, `fi:,,12`.
function printFlow(f: FlowItem): string {
  const before = f.before === "auto" ? "a" : (f.before?.toString() ?? "");
  return [before, f.self ? SELF.print(f.self) : "", f.offset?.toString() ?? ""].join(",").replace(/,+$/, "");
}
function parseFlow(value: string): FlowItem {
  const [before = "", self = "", offset = "", ...extra] = value.split(",");
  if (extra.length > 0) throw new FigmentError("input", `bad flow item "${value}"`);
  const flow = flowItem();
  if (before !== "") flow.before = before === "a" ? "auto" : num(before);
  if (self !== "") flow.self = SELF.parse(self);
  if (offset !== "") flow.offset = num(offset);
  return flow;
}

function layoutOf(node: DesignNode): Layout {
  if (!node.layout) throw new FigmentError("input", `layout property before row/col/grid on ${node.id}`);
  return node.layout;
}
function flexLayoutOf(node: DesignNode): FlexLayout {
  const flex = flexOf(node);
  if (!flex) throw new FigmentError("input", `layout property before row/col on ${node.id}`);
  return flex;
}
function gridLayoutOf(node: DesignNode): GridLayout {
  const grid = gridOf(node);
  if (!grid) throw new FigmentError("input", `grid property before grid on ${node.id}`);
  return grid;
}

// A grid's tracks: `<columns>/<rows>`, each a comma list of `1fr` (a share), `240` (px) or `a` (hugs its content), a
// run of equal tracks as `4*1fr`: `grid:4*1fr/a,120`.
function printTrack(t: GridTrack): string {
  return t.kind === "hug" ? "a" : t.kind === "px" ? String(t.value) : `${t.value}fr`;
}
function printTracks(tracks: readonly GridTrack[]): string {
  const words = tracks.map(printTrack);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let j = i + 1;
    while (j < words.length && words[j] === words[i]) j++;
    out.push(j - i > 1 ? `${j - i}*${words[i]}` : words[i]!);
    i = j;
  }
  return out.join(",");
}
function parseTrack(word: string): GridTrack {
  if (word === "a") return { kind: "hug" };
  if (word.endsWith("fr")) return { kind: "fr", value: num(word.slice(0, -2)) };
  return { kind: "px", value: num(word) };
}
function parseTracks(value: string): GridTrack[] {
  const out: GridTrack[] = [];
  for (const word of value.split(",")) {
    const m = /^(\d+)\*(.+)$/.exec(word);
    const times = m ? Number(m[1]) : 1;
    if (times < 1 || times > 200) throw new FigmentError("input", `bad grid tracks "${value}"`);
    for (let i = 0; i < times; i++) out.push(parseTrack(m ? m[2]! : word));
  }
  return out;
}
function parseGrid(value: string): GridLayout {
  const [columns, rows, ...extra] = value.split("/");
  if (!columns || !rows || extra.length > 0) throw new FigmentError("input", `bad grid "${value}"`);
  return {
    kind: "grid",
    columns: parseTracks(columns),
    rows: parseTracks(rows),
    columnGap: 0,
    rowGap: 0,
    padding: [0, 0, 0, 0],
  };
}

// A grid child's area: `gi:<row>,<column>` (0-based), with `,<row span>,<column span>` when either is more than 1.
function printCell(c: GridCell): string {
  const spans = c.rowSpan > 1 || c.columnSpan > 1 ? `,${c.rowSpan},${c.columnSpan}` : "";
  return `${c.row},${c.column}${spans}`;
}
function parseCell(value: string): GridCell {
  const v = parseNums(value);
  if ((v.length !== 2 && v.length !== 4) || v.some((n) => !Number.isInteger(n) || n < 0))
    throw new FigmentError("input", `bad grid area "${value}"`);
  return { row: v[0]!, column: v[1]!, rowSpan: Math.max(1, v[2] ?? 1), columnSpan: Math.max(1, v[3] ?? 1) };
}
const CELL_ALIGN = enumCodec<NonNullable<GridCell["alignH"]>>({ start: "s", center: "c", end: "e" });
function cellOf(node: DesignNode): GridCell {
  if (!node.cell) throw new FigmentError("input", `grid alignment before gi on ${node.id}`);
  return node.cell;
}
// Below the design width, the grid's columns: `gcb:<below>/<columns>,…` (widest first).
const printCollapse = (list: readonly GridCollapse[]): string => list.map((c) => `${c.below}/${c.columns}`).join(",");
function parseCollapse(value: string): GridCollapse[] {
  return value.split(",").map((pair) => {
    const [below, columns, ...extra] = pair.split("/");
    if (below === undefined || columns === undefined || extra.length > 0)
      throw new FigmentError("input", `bad grid collapse "${value}"`);
    return { below: num(below), columns: num(columns) };
  });
}
function textOf(node: DesignNode): TextContent {
  if (!node.text) throw new FigmentError("input", `text property on a non-text node ${node.id}`);
  return node.text;
}

// Paints: `;`-separated; each `<color|gradient|img(key,fit[=numbers][,opacity])>[|blend]`, where a crop
// carries its region (`crop=x/y/w/h`) and a tile its size (`tile=w/h`).
function printImage(p: ImagePaint): string {
  const detail = p.crop ?? p.tileSize;
  return (
    `img(${p.asset},${FIT.print(p.fit)}${detail ? `=${detail.join("/")}` : ""}` +
    `${p.opacity !== undefined ? `,${p.opacity}` : ""})`
  );
}
/**
 * A gradient in context (version 2) without the space after each comma, as `shortColor` writes an rgba colour; read
 * back when no comma has one (a gradient whose commas all lack it would read back with them: Figment writes none).
 */
const shortGradient = (css: string, compact: boolean): string => (compact ? css.replace(/, /g, ",") : css);
const expandGradient = (css: string, compact: boolean): string =>
  compact && !css.includes(", ") ? css.replace(/,/g, ", ") : css;

function printPaint(p: Paint, compact: boolean): string {
  const body =
    p.kind === "solid" ? shortColor(p.color) : p.kind === "gradient" ? shortGradient(p.css, compact) : printImage(p);
  return p.blend ? `${body}|${p.blend}` : body;
}
function parseImage(m: RegExpExecArray): ImagePaint {
  const fit = FIT.parse(m[2]!);
  const detail = m[3]?.split("/").map(num);
  const paint: ImagePaint = { kind: "image", asset: m[1]!, fit };
  if (fit === "crop" && detail?.length === 4) paint.crop = detail as [number, number, number, number];
  else if (fit === "crop") paint.fit = "cover";
  if (fit === "tile" && detail?.length === 2) paint.tileSize = detail as [number, number];
  if (m[4] !== undefined) paint.opacity = num(m[4]);
  return paint;
}
function parsePaint(text: string, compact: boolean): Paint {
  const bar = text.lastIndexOf("|");
  const body = bar >= 0 ? text.slice(0, bar) : text;
  const blend = bar >= 0 ? text.slice(bar + 1) : undefined;
  let paint: Paint;
  const img = /^img\((.+),(cover|contain|fill|tile|crop)(?:=([-\d./]+))?(?:,([\d.]+))?\)$/.exec(body);
  if (img) paint = parseImage(img);
  else if (/gradient\(/.test(body)) paint = { kind: "gradient", css: expandGradient(body, compact) };
  else paint = { kind: "solid", color: expandColor(body) };
  return blend ? { ...paint, blend } : paint;
}
// Gradients contain `;`? No: CSS gradients use commas only, so `;` separates paints safely.
const printPaints = (paints: Paint[], compact: boolean): string => paints.map((p) => printPaint(p, compact)).join(";");
const parsePaints = (value: string, compact: boolean): Paint[] => value.split(";").map((p) => parsePaint(p, compact));

function printShadow(s: Shadow): string {
  return `${s.kind === "inner" ? "i" : ""}${s.x}/${s.y}/${s.blur}/${s.spread}/${shortColor(s.color)}`;
}
function parseShadow(text: string): Shadow {
  const inner = text.startsWith("i");
  const parts = (inner ? text.slice(1) : text).split("/");
  if (parts.length !== 5) throw new FigmentError("input", `bad shadow "${text}"`);
  return {
    kind: inner ? "inner" : "drop",
    x: num(parts[0]!),
    y: num(parts[1]!),
    blur: num(parts[2]!),
    spread: num(parts[3]!),
    color: expandColor(parts[4]!),
  };
}

function effects(node: DesignNode): Effects {
  node.effects ??= {};
  return node.effects;
}

// Text style properties, shared by the base style and by runs (`k=v` joined with `|` inside runs).
interface StyleField {
  key: string;
  print(s: Partial<TextStyle>): string | undefined;
  parse(s: Partial<TextStyle>, value: string): void;
}
const CASE = enumCodec<NonNullable<TextStyle["case"]>>({ upper: "up", lower: "lo", title: "ti", "small-caps": "sc" });
const DECO = enumCodec<NonNullable<TextStyle["decoration"]>>({ underline: "u", "line-through": "s" });
const STYLE_FIELDS: StyleField[] = [
  { key: "ff", print: (s) => s.family, parse: (s, v) => void (s.family = v) },
  { key: "fs", print: (s) => s.size?.toString(), parse: (s, v) => void (s.size = num(v)) },
  { key: "fw", print: (s) => s.weight?.toString(), parse: (s, v) => void (s.weight = num(v)) },
  {
    key: "it",
    print: (s) => (s.italic === undefined ? undefined : s.italic ? "1" : "0"),
    parse: (s, v) => void (s.italic = v === "1"),
  },
  { key: "lh", print: (s) => s.lineHeight?.toString(), parse: (s, v) => void (s.lineHeight = num(v)) },
  { key: "ls", print: (s) => s.letterSpacing?.toString(), parse: (s, v) => void (s.letterSpacing = num(v)) },
  {
    key: "tc",
    print: (s) => (s.case ? CASE.print(s.case) : undefined),
    parse: (s, v) => void (s.case = CASE.parse(v)),
  },
  {
    key: "td",
    print: (s) => (s.decoration ? DECO.print(s.decoration) : undefined),
    parse: (s, v) => void (s.decoration = DECO.parse(v)),
  },
  {
    key: "c",
    print: (s) => (s.color ? shortColor(s.color) : undefined),
    parse: (s, v) => void (s.color = expandColor(v)),
  },
];

function printRun(run: TextRun): string {
  const parts = [`${run.start}-${run.end}`];
  for (const f of STYLE_FIELDS) {
    const v = f.print(run.style);
    // A value holding a separator (a font family like "a;b|c") is written as a JSON string.
    if (v !== undefined) parts.push(`${f.key}=${/[|;"\\]/.test(v) ? JSON.stringify(v) : v}`);
  }
  return parts.join("|");
}
/** Splits on `sep` outside JSON strings. */
function splitOutsideStrings(text: string, sep: string): string[] {
  const out: string[] = [];
  let start = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString && ch === "\\") i++;
    else if (ch === '"') inString = !inString;
    else if (!inString && ch === sep) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}
function parseRun(text: string): TextRun {
  const [range, ...parts] = splitOutsideStrings(text, "|");
  const m = /^(\d+)-(\d+)$/.exec(range ?? "");
  if (!m) throw new FigmentError("input", `bad text run "${text}"`);
  const style: Partial<TextStyle> = {};
  for (const part of parts) {
    const eq = part.indexOf("=");
    const field = STYLE_FIELDS.find((f) => f.key === part.slice(0, eq));
    if (!field) throw new FigmentError("input", `unknown run style "${part}"`);
    field.parse(style, unquote(part.slice(eq + 1)));
  }
  return { start: Number(m[1]), end: Number(m[2]), style };
}

/** Fluid text size (`flu:<min px>,<vw>` or `flu:<min px>,<vw>,<fit>` for a word too wide for a phone). */
function fluidOf(value: string): [number, number] | [number, number, number] {
  const v = parseNums(value);
  if (v.length !== 2 && v.length !== 3) throw new FigmentError("input", `bad fluid size "${value}"`);
  return v.length === 3 ? [v[0]!, v[1]!, v[2]!] : [v[0]!, v[1]!];
}

function navOf(value: string): NavMenu {
  const v = parseNums(value);
  if (v.length !== 4) throw new FigmentError("input", `bad navigation bar "${value}"`);
  return { below: v[0]!, from: v[1]!, to: v[2]!, up: v[3]! };
}

const CHECK_CODES: Record<FrameLaid["check"], string> = { chromium: "c", preview: "p", simulator: "s", none: "-" };
const CHECK_BY_CODE = new Map(Object.entries(CHECK_CODES).map(([check, code]) => [code, check as FrameLaid["check"]]));

/**
 * `c` (Chromium), `p` (the plugin's preview), `s` (the simulator) or `-` (no check), then `/drawn` (the whole frame
 * kept as drawn), `/exact` (as drawn at every width) or `/<key>,<key>` (the sections kept as drawn): `lc:c/1:2,w:3:4`.
 */
function printLaid(laid: FrameLaid): string {
  const how = laid.exact ? "exact" : laid.drawn ? "drawn" : laid.kept.join(",");
  return CHECK_CODES[laid.check] + (how ? `/${how}` : "");
}

function parseLaid(value: string): FrameLaid {
  const slash = value.indexOf("/");
  const check = CHECK_BY_CODE.get(slash < 0 ? value : value.slice(0, slash));
  if (check === undefined) throw new FigmentError("input", `lc: unknown layout check "${value}"`);
  const how = slash < 0 ? "" : value.slice(slash + 1);
  if (how === "exact") return { check, kept: [], exact: true };
  if (how === "drawn") return { check, kept: [], drawn: true };
  return { check, kept: how === "" ? [] : how.split(",") };
}

export const FIELDS: Field[] = [
  // Layout and sizing.
  { key: "rot", category: "layout", print: (n) => n.rotation?.toString(), parse: (n, v) => void (n.rotation = num(v)) },
  {
    key: "hidden",
    category: "layout",
    print: (n) => (n.hidden ? "" : undefined),
    parse: (n) => void (n.hidden = true),
  },
  {
    key: "row",
    category: "layout",
    print: (n) => (flexOf(n)?.dir === "row" ? "" : undefined),
    parse: (n) => void (n.layout = { dir: "row", gap: 0, padding: [0, 0, 0, 0], justify: "start", align: "start" }),
  },
  {
    key: "col",
    category: "layout",
    print: (n) => (flexOf(n)?.dir === "column" ? "" : undefined),
    parse: (n) => void (n.layout = { dir: "column", gap: 0, padding: [0, 0, 0, 0], justify: "start", align: "start" }),
  },
  // Figma's grid auto layout: its tracks, gaps (`gg:<row>,<column>`, one number when equal), and below the design
  // width its fewer columns; a child's area and its alignment in it (`ga:<h><v>`, `-` for Figma's AUTO).
  {
    key: "grid",
    category: "layout",
    print: (n) => {
      const grid = gridOf(n);
      return grid ? `${printTracks(grid.columns)}/${printTracks(grid.rows)}` : undefined;
    },
    parse: (n, v) => void (n.layout = parseGrid(v)),
  },
  {
    key: "gg",
    category: "layout",
    print: (n) => {
      const grid = gridOf(n);
      if (!grid || (grid.rowGap === 0 && grid.columnGap === 0)) return undefined;
      return grid.rowGap === grid.columnGap ? String(grid.rowGap) : nums([grid.rowGap, grid.columnGap]);
    },
    parse: (n, v) => {
      const grid = gridLayoutOf(n);
      const [row, column = row] = parseNums(v);
      if (row === undefined) throw new FigmentError("input", `bad grid gaps "${v}"`);
      grid.rowGap = row;
      grid.columnGap = column!;
    },
  },
  {
    key: "gcb",
    category: "layout",
    print: (n) => {
      const collapse = gridOf(n)?.collapse;
      return collapse ? printCollapse(collapse) : undefined;
    },
    parse: (n, v) => void (gridLayoutOf(n).collapse = parseCollapse(v)),
  },
  {
    key: "gi",
    category: "layout",
    print: (n) => (n.cell ? printCell(n.cell) : undefined),
    parse: (n, v) => void (n.cell = parseCell(v)),
  },
  {
    key: "ga",
    category: "layout",
    print: (n) => {
      const { alignH, alignV } = n.cell ?? {};
      if (!alignH && !alignV) return undefined;
      return `${alignH ? CELL_ALIGN.print(alignH) : "-"}${alignV ? CELL_ALIGN.print(alignV) : "-"}`;
    },
    parse: (n, v) => {
      const cell = cellOf(n);
      if (v.length !== 2) throw new FigmentError("input", `bad grid alignment "${v}"`);
      if (v[0] !== "-") cell.alignH = CELL_ALIGN.parse(v[0]!);
      if (v[1] !== "-") cell.alignV = CELL_ALIGN.parse(v[1]!);
    },
  },
  {
    key: "g",
    category: "layout",
    print: (n) => {
      const gap = flexOf(n)?.gap;
      return gap ? String(gap) : undefined;
    },
    parse: (n, v) => void (flexLayoutOf(n).gap = num(v)),
  },
  {
    key: "p",
    category: "layout",
    print: (n) => (n.layout?.padding.some((x) => x !== 0) ? printSides(n.layout.padding) : undefined),
    parse: (n, v) => void (layoutOf(n).padding = parseSides(v)),
  },
  {
    key: "j",
    category: "layout",
    print: (n) => {
      const justify = flexOf(n)?.justify;
      return justify && justify !== "start" ? JUSTIFY.print(justify) : undefined;
    },
    parse: (n, v) => void (flexLayoutOf(n).justify = JUSTIFY.parse(v)),
  },
  {
    key: "a",
    category: "layout",
    print: (n) => {
      const align = flexOf(n)?.align;
      return align && align !== "start" ? ALIGN.print(align) : undefined;
    },
    parse: (n, v) => void (flexLayoutOf(n).align = ALIGN.parse(v)),
  },
  {
    key: "wrap",
    category: "layout",
    print: (n) => (n.layout?.wrap ? "" : undefined),
    parse: (n) => void (flexLayoutOf(n).wrap = true),
  },
  {
    key: "cg",
    category: "layout",
    print: (n) => n.layout?.crossGap?.toString(),
    parse: (n, v) => void (flexLayoutOf(n).crossGap = num(v)),
  },
  // Layout inference's marks (codegen/layout): an inferred flow and the width its percentages refer to,
  // an item's place in it, a box whose absolute children scale as a unit.
  {
    key: "inf",
    category: "layout",
    print: (n) => n.layout?.inferred?.within.toString(),
    parse: (n, v) => void (flexLayoutOf(n).inferred = { within: num(v) }),
  },
  // How layout inference left a top-level frame (the layout check's verdict and engine): code from the hint applies it.
  {
    key: "lc",
    category: "layout",
    print: (n) => (n.laid ? printLaid(n.laid) : undefined),
    parse: (n, v) => void (n.laid = parseLaid(v)),
  },
  {
    key: "fi",
    category: "layout",
    print: (n) => (n.flow ? printFlow(n.flow) : undefined),
    parse: (n, v) => void (n.flow = parseFlow(v)),
  },
  { key: "scl", category: "layout", print: (n) => (n.scaled ? "" : undefined), parse: (n) => void (n.scaled = true) },
  // A carousel row: one line from this width up, wrapping below it; a decoration hidden below a width.
  {
    key: "wb",
    category: "layout",
    print: (n) => n.layout?.wrapBelow?.toString(),
    parse: (n, v) => void (flexLayoutOf(n).wrapBelow = num(v)),
  },
  // A designer's row of blocks that wraps to fewer per line, each item at least this wide, on narrow screens.
  {
    key: "rf",
    category: "layout",
    print: (n) => n.layout?.reflow?.toString(),
    parse: (n, v) => void (flexLayoutOf(n).reflow = num(v)),
  },
  // The designer's auto layout on narrower screens: items never wider than it, rows that wrap (layout/reflow.ts).
  // Always the frame's width (rounded), so in context a bare `fb`.
  {
    key: "fb",
    category: "layout",
    print: (n, c) => {
      const below = n.layout?.fitBelow;
      return below !== undefined && c && below === Math.round(c.root.w) ? "" : below?.toString();
    },
    parse: (n, v, c) => void (layoutOf(n).fitBelow = v === "" && c ? Math.round(c.root.w) : num(v)),
  },
  // A designer's layout whose wide side padding gives way on narrower screens, and the width its percentages refer to.
  {
    key: "gw",
    category: "layout",
    print: (n) => n.layout?.fluidSides?.toString(),
    parse: (n, v) => void (layoutOf(n).fluidSides = num(v)),
  },
  {
    key: "hb",
    category: "layout",
    print: (n) => n.hideBelow?.toString(),
    parse: (n, v) => void (n.hideBelow = num(v)),
  },
  // Its place in its container's drawing order (1 = lowest), where layers and the flow interleave.
  { key: "z", category: "layout", print: (n) => n.z?.toString(), parse: (n, v) => void (n.z = num(v)) },
  // A section kept as drawn at the design width (layout/fallback.ts): stacking below a width, each child's role
  // there (i item, b background, h hidden) and reading order, and the section itself.
  {
    key: "sb",
    category: "layout",
    print: (n) => n.stackBelow?.toString(),
    parse: (n, v) => void (n.stackBelow = num(v)),
  },
  {
    key: "st",
    category: "layout",
    print: (n) => (n.stack ? `${n.stack.role[0]}${n.stack.order}/${n.stack.below}` : undefined),
    parse: (n, v) =>
      void (n.stack = {
        role: v[0] === "b" ? "background" : v[0] === "h" ? "hidden" : "item",
        order: num(v.slice(1, v.indexOf("/"))),
        below: num(v.slice(v.indexOf("/") + 1)),
      }),
  },
  {
    key: "stt",
    category: "layout",
    print: (n) => (n.stackTop ? "" : undefined),
    parse: (n) => void (n.stackTop = true),
  },
  // A backdrop with the layers drawn on it (layout/fallback.ts): stacked, it stays behind them.
  {
    key: "bd",
    category: "layout",
    print: (n) => (n.backdrop ? "" : undefined),
    parse: (n) => void (n.backdrop = true),
  },
  // A picture beside a section's texts (layout/beside.ts): below a width it joins the flow after them ("a") or before
  // them ("b"), in its proportion; and the picture of it, which fills it there.
  {
    key: "bs",
    category: "layout",
    print: (n) => (n.beside ? `${n.beside.first ? "b" : "a"}${n.beside.below}/${n.beside.w}x${n.beside.h}` : undefined),
    parse: (n, v) => {
      const m = /^([ab])(\d+)\/(\d+)x(\d+)$/.exec(v);
      if (m) n.beside = { first: m[1] === "b", below: num(m[2]!), w: num(m[3]!), h: num(m[4]!) };
    },
  },
  {
    key: "flb",
    category: "layout",
    print: (n) => n.fillBelow?.toString(),
    parse: (n, v) => void (n.fillBelow = num(v)),
  },
  // A text drawn on one line: one line from this width up, wrapping below.
  {
    key: "lb",
    category: "layout",
    print: (n) => n.lineBelow?.toString(),
    parse: (n, v) => void (n.lineBelow = num(v)),
  },
  // A frame drawn shorter than its content: its drawn height from this width up, its content's below.
  {
    key: "gb",
    category: "layout",
    print: (n) => n.growBelow?.toString(),
    parse: (n, v) => void (n.growBelow = num(v)),
  },
  // A navigation bar's row: below this width its children [from, to) go behind a menu button, the panel dropping
  // below the bar's box `up` ancestors above (`nav:<below>,<from>,<to>,<up>`).
  {
    key: "nav",
    category: "layout",
    print: (n) => (n.nav ? nums([n.nav.below, n.nav.from, n.nav.to, n.nav.up]) : undefined),
    parse: (n, v) => void (n.nav = navOf(v)),
  },
  // In context, `W:-`/`H:-` is a side without sizing; it is taken off again once the line is read (parse.ts).
  {
    key: "W",
    category: "layout",
    print: (n, c) => printSizing(n.sizeH, n, c),
    parse: (n, v, c) => void (n.sizeH = c && v === NO_SIZING ? NO_SIZING_MARK : SIZING.parse(v)),
  },
  {
    key: "H",
    category: "layout",
    print: (n, c) => printSizing(n.sizeV, n, c),
    parse: (n, v, c) => void (n.sizeV = c && v === NO_SIZING ? NO_SIZING_MARK : SIZING.parse(v)),
  },
  { key: "minw", category: "layout", print: (n) => n.minW?.toString(), parse: (n, v) => void (n.minW = num(v)) },
  { key: "maxw", category: "layout", print: (n) => n.maxW?.toString(), parse: (n, v) => void (n.maxW = num(v)) },
  { key: "minh", category: "layout", print: (n) => n.minH?.toString(), parse: (n, v) => void (n.minH = num(v)) },
  { key: "maxh", category: "layout", print: (n) => n.maxH?.toString(), parse: (n, v) => void (n.maxH = num(v)) },
  {
    key: "abs",
    category: "layout",
    print: (n) => (n.absolute ? "" : undefined),
    parse: (n) => void (n.absolute = true),
  },
  {
    // Both constraints in one token, horizontal then vertical: `k:rb`, `k:lrc`; left/top are the default.
    key: "k",
    category: "layout",
    print: (n) =>
      n.constraintH || n.constraintV
        ? `${n.constraintH ? CH.print(n.constraintH) : "l"}${n.constraintV ? CV.print(n.constraintV) : "t"}`
        : undefined,
    parse: (n, v) => {
      const m = /^(lr|l|r|c|s)(tb|t|b|c|s)$/.exec(v);
      if (!m) throw new FigmentError("input", `bad constraints "${v}"`);
      if (m[1] !== "l") n.constraintH = CH.parse(m[1]!);
      if (m[2] !== "t") n.constraintV = CV.parse(m[2]!);
    },
  },
  // Paint.
  {
    key: "f",
    category: "paint",
    print: (n, c) => (n.fills ? printPaints(n.fills, c !== undefined) : undefined),
    parse: (n, v, c) => void (n.fills = parsePaints(v, c !== undefined)),
  },
  {
    key: "s",
    category: "paint",
    print: (n) => {
      const s = n.stroke;
      if (!s) return undefined;
      const weight = typeof s.weight === "number" ? String(s.weight) : s.weight.join("/");
      return (
        `${shortColor(s.color)},${weight},${STROKE_ALIGN.print(s.align)}` +
        `${s.dashes ? `,${s.dashes.join("/")}` : ""}`
      );
    },
    parse: (n, v) => {
      // The colour may hold commas (rgba), so read the fields from the end.
      const m = /^(.+),([\d./]+),([ico])(?:,([\d./]+))?$/.exec(v);
      if (!m) throw new FigmentError("input", `bad stroke "${v}"`);
      const weights = m[2]!.split("/").map(num);
      n.stroke = {
        color: expandColor(m[1]!),
        weight: weights.length === 4 ? (weights as Sides) : weights[0]!,
        align: STROKE_ALIGN.parse(m[3]!),
        ...(m[4] !== undefined ? { dashes: m[4].split("/").map(num) } : {}),
      };
    },
  },
  {
    key: "r",
    category: "paint",
    print: (n) =>
      n.radius === undefined ? undefined : typeof n.radius === "number" ? String(n.radius) : nums(n.radius),
    parse: (n, v) => void (n.radius = v.includes(",") ? parseSides(v) : num(v)),
  },
  {
    key: "sh",
    category: "paint",
    print: (n) => n.effects?.shadows?.map(printShadow).join(";"),
    parse: (n, v) => void (effects(n).shadows = v.split(";").map(parseShadow)),
  },
  {
    key: "blur",
    category: "paint",
    print: (n) => n.effects?.blur?.toString(),
    parse: (n, v) => void (effects(n).blur = num(v)),
  },
  {
    key: "bblur",
    category: "paint",
    print: (n) => n.effects?.backdropBlur?.toString(),
    parse: (n, v) => void (effects(n).backdropBlur = num(v)),
  },
  { key: "o", category: "paint", print: (n) => n.opacity?.toString(), parse: (n, v) => void (n.opacity = num(v)) },
  { key: "bl", category: "paint", print: (n) => n.blend, parse: (n, v) => void (n.blend = v) },
  // Frames clip by default in Figma, so in a version 1 hint the flag marks the exception for frames (`noclip`); most
  // frames of real designs do not clip, so in context (version 2) every layer that clips says `clip`.
  {
    key: "clip",
    category: "paint",
    print: (n, c) => (n.clip && (c || n.kind !== "frame") ? "" : undefined),
    parse: (n) => void (n.clip = true),
  },
  {
    key: "noclip",
    category: "paint",
    print: (n, c) => (!c && !n.clip && n.kind === "frame" ? "" : undefined),
    parse: (n) => void delete n.clip,
  },
  // `mask` masks by alpha (Figma's default), `mask:v` by its outline, `mask:l` by luminance.
  {
    key: "mask",
    category: "paint",
    print: (n) => (n.mask ? (n.maskType ? MASK_TYPE.print(n.maskType) : "") : undefined),
    parse: (n, v) => void Object.assign(n, { mask: true }, v ? { maskType: MASK_TYPE.parse(v) } : {}),
  },
  // Text: base style, then text layout, then runs.
  ...STYLE_FIELDS.map(
    (sf): Field => ({
      key: sf.key,
      category: sf.key === "c" ? "text" : "font",
      print: (n) => (n.text ? sf.print(n.text.style) : undefined),
      parse: (n, v) => sf.parse(textOf(n).style, v),
    }),
  ),
  {
    key: "rs",
    category: "text",
    print: (n) => (n.text && n.text.resize !== "none" ? RESIZE.print(n.text.resize) : undefined),
    parse: (n, v) => void (textOf(n).resize = RESIZE.parse(v)),
  },
  {
    key: "ta",
    category: "text",
    print: (n) => (n.text && n.text.alignH !== "left" ? ALIGN_H.print(n.text.alignH) : undefined),
    parse: (n, v) => void (textOf(n).alignH = ALIGN_H.parse(v)),
  },
  {
    key: "tv",
    category: "text",
    print: (n) => (n.text && n.text.alignV !== "top" ? ALIGN_V.print(n.text.alignV) : undefined),
    parse: (n, v) => void (textOf(n).alignV = ALIGN_V.parse(v)),
  },
  {
    key: "ml",
    category: "text",
    print: (n) => n.text?.maxLines?.toString(),
    parse: (n, v) => void (textOf(n).maxLines = num(v)),
  },
  {
    key: "ps",
    category: "text",
    print: (n) => n.text?.paragraphSpacing?.toString(),
    parse: (n, v) => void (textOf(n).paragraphSpacing = num(v)),
  },
  {
    key: "trim",
    category: "text",
    print: (n) => (n.text?.trim ? "" : undefined),
    parse: (n) => void (textOf(n).trim = "cap"),
  },
  {
    key: "flu",
    category: "text",
    print: (n) => (n.text?.fluid ? nums(n.text.fluid.filter((v) => v !== undefined)) : undefined),
    parse: (n, v) => void (textOf(n).fluid = fluidOf(v)),
  },
  { key: "sn", category: "text", print: (n) => n.text?.styleName, parse: (n, v) => void (textOf(n).styleName = v) },
  {
    key: "run",
    category: "text",
    print: (n) => n.text?.runs?.map(printRun).join(";"),
    parse: (n, v) => void (textOf(n).runs = splitOutsideStrings(v, ";").map(parseRun)),
  },
];

export const FIELD_BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));

/** One printed property token: `key`, or `key:value` (value quoted when it has spaces). */
export function printField(field: Field, value: string): string {
  return value === "" ? field.key : `${field.key}:${quote(value)}`;
}

export function parseFieldToken(node: DesignNode, token: string, context?: FieldContext): void {
  const colon = token.indexOf(":");
  const key = colon < 0 ? token : token.slice(0, colon);
  const field = FIELD_BY_KEY.get(key);
  if (!field) throw new FigmentError("input", `unknown property "${key}"`);
  field.parse(node, colon < 0 ? "" : unquote(token.slice(colon + 1)), context);
}

/** What `W:-`/`H:-` leaves on a node while its line is read: no sizing, where the context would give "fixed". */
const NO_SIZING_MARK = "none" as Sizing;

/** After a version 2 line is read: its implied sizing filled in, `W:-`/`H:-` taken off. */
export function completeSizing(node: DesignNode, parent: DesignNode | undefined): void {
  const implied = sizingImplied(node, parent);
  for (const side of ["sizeH", "sizeV"] as const) {
    if (node[side] === NO_SIZING_MARK) delete node[side];
    else if (implied) node[side] ??= "fixed";
  }
}
