/**
 * Whether a stylesheet the emitters wrote is already in the format pass's form (malva, codegen/format/web-fmt.ts),
 * so that pass can skip it (EmittedFiles.printed). A line scan, no parser: the emitters print their rules as the
 * formatter does (two-space indents, rules inside @media indented, a blank line between rules, a list that starts
 * with a function one item a line); any line this cannot vouch for (too long, a form the formatter rewrites, an
 * unknown shape) says no, and the file is formatted as before.
 */
import { PRINT_WIDTH } from "../format/languages.js";
import type { SourceFile } from "../types.js";

const DECL = /^( +)(--[\w-]+|-?[a-z][a-z-]*): (.+);$/;
/** The first line of a declaration malva wrapped over lines (wrapped()). */
const WRAPPED_START = /^( +)(--[\w-]+|-?[a-z][a-z-]*):(?: ([^;]+))?$/;
const SELECTOR =
  /^( *)([.:*[a-z][^{},;]*?|@media \([a-z-]+(?: [<>:]=? ?|: )[^(){};]*\)|@font-face|@theme static|@theme|:root) \{$/;
const SELECTOR_PART = /^[.:*[a-z][^{},;]*,$/;
/** What the formatter keeps as written: lower-case hex, no leading-dot numbers, no single quotes, no tabs. */
const REWRITTEN = /#[0-9a-f]*[A-F]|(^|[^\w.])\.\d|'|\t|\s{2}| ,|,(?! )|\( | \)/;
/** A function call first in a comma list (not url/var): the formatter breaks the list, one item a line. */
const FUNCTION_FIRST = /^(?!url\(|var\()[a-z-]+\(/;

/** Top-level comma-separated items of a value (commas inside parentheses or quotes stay). */
function topItems(value: string): string[] | undefined {
  const items: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"') quote = !quote;
    else if (quote) continue;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "," && depth === 0) {
      items.push(value.slice(start, i).trim());
      start = i + 1;
    }
    if (depth < 0) return undefined;
  }
  if (quote || depth !== 0) return undefined;
  items.push(value.slice(start).trim());
  return items;
}

/** Top-level space-separated components of a value (spaces inside parentheses or quotes stay). */
function components(value: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"') quote = !quote;
    else if (quote) continue;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === " " && depth === 0) {
      out.push(value.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return undefined;
  }
  if (quote || depth !== 0) return undefined;
  out.push(value.slice(start));
  return out.some((c) => c === "") ? undefined : out;
}

/** A list that starts with a function (not url/var): malva breaks it one item a line, however short. */
function breaksAlways(property: string, value: string): boolean {
  if (property === "font-family" || property.startsWith("--")) return false;
  const items = topItems(value);
  return items !== undefined && items.length > 1 && FUNCTION_FIRST.test(items[0]!);
}

/**
 * A declaration whose one line is too long, as malva wraps it (undefined where it would do something else): a comma
 * list one item a line under `prop:`, a space-separated value filled, its further lines indented two more.
 */
function wrapped(indent: string, property: string, value: string): string[] | undefined {
  const items = topItems(value);
  if (items === undefined) return undefined;
  const inner = `${indent}  `;
  const fits = (lines: string[]): string[] | undefined =>
    lines.every((line) => line.length <= PRINT_WIDTH) ? lines : undefined;
  if (property === "font-family") {
    // The families filled under `font-family:`, each with its comma.
    if (items.length < 2) return undefined;
    const lines: string[] = [];
    let current = "";
    items.forEach((item, i) => {
      const part = `${item}${i === items.length - 1 ? ";" : ","}`;
      if (current === "") current = `${inner}${part}`;
      else if (current.length + 1 + part.length <= PRINT_WIDTH) current += ` ${part}`;
      else {
        lines.push(current);
        current = `${inner}${part}`;
      }
    });
    return fits([`${indent}${property}:`, ...lines, current]);
  }
  if (items.length > 1) {
    const lines = items.flatMap((item, i) => {
      const one = `${inner}${item}${i === items.length - 1 ? ";" : ","}`;
      // An item too long stays (and the sheet falls back): malva indents its call's arguments by rules not known here.
      return [one];
    });
    return fits([`${indent}${property}:`, ...lines]);
  }
  // One item: its space-separated components filled, each line as full as it goes (the last with its `;`); a lone
  // call, its arguments one a line.
  const parts = components(value);
  if (parts === undefined || property.startsWith("--")) return undefined;
  if (parts.length === 1) {
    const call = expandedCall(indent, value, ";");
    if (!call) return undefined;
    return fits([`${indent}${property}: ${call[0]!.trimStart()}`, ...call.slice(1)]);
  }
  const lines: string[] = [];
  let current = `${indent}${property}: ${parts[0]}`;
  for (let i = 1; i < parts.length; i++) {
    const part = i === parts.length - 1 ? `${parts[i]};` : parts[i]!;
    if (current.length + 1 + part.length <= PRINT_WIDTH) current += ` ${part}`;
    else {
      lines.push(current);
      current = `${inner}${part}`;
    }
  }
  lines.push(current);
  // A value of calls alone (three drop-shadows in a filter) that ends up wrapped: malva expands its last call's
  // arguments in place (`drop-shadow(` at a line's end), by rules not known here, so the sheet falls back to the
  // format pass. A fill that mixes calls and words (border-image) is malva's as above.
  if (lines.length > 1 && parts.every((part) => part.includes("("))) return undefined;
  return fits(lines);
}

/** A function call too long for its line: `name(`, its arguments one a line, `)` (then `end`). */
function expandedCall(indent: string, call: string, end: string): string[] | undefined {
  const open = /^([a-z-]+)\(/.exec(call);
  if (!open || !call.endsWith(")") || open[1] === "url" || open[1] === "var") return undefined;
  const args = topItems(call.slice(open[0].length, -1));
  if (args === undefined || args.length < 2) return undefined;
  const lines = args.map((arg, i) => `${indent}  ${arg}${i === args.length - 1 ? "" : ","}`);
  if (lines.some((line) => line.length > PRINT_WIDTH)) return undefined;
  return [`${indent}${open[0]}`, ...lines, `${indent})${end}`];
}

/**
 * The sheet with its long declarations (and lists that start with a function) as malva lays them out; a line it cannot
 * wrap stays, and inFormatterForm then says no.
 */
export function wrapLongDeclarations(css: string): string {
  let out: string[] | undefined;
  let start = 0;
  let index = 0;
  // The next "(" and "," at or after the line's start (-1: none left), each found once however many lines pass.
  let open = css.indexOf("(");
  let comma = css.indexOf(",");
  while (start <= css.length) {
    let end = css.indexOf("\n", start);
    if (end === -1) end = css.length;
    if (open !== -1 && open < start) open = css.indexOf("(", start);
    if (comma !== -1 && comma < start) comma = css.indexOf(",", start);
    // Short, and not a list that starts with a function (that needs a "(" and a ","): as it is, not even cut out.
    const plain = end - start <= PRINT_WIDTH && (open === -1 || open > end || comma === -1 || comma > end);
    const line = plain && out === undefined ? "" : css.slice(start, end);
    const lines = plain ? undefined : rewrapped(line);
    // Most sheets have no line to wrap: they come back as they are, never split and joined.
    if (lines !== undefined && out === undefined) out = css.slice(0, start).split("\n").slice(0, index);
    if (out !== undefined) out.push(...(lines ?? [line]));
    start = end + 1;
    index++;
  }
  return out === undefined ? css : out.join("\n");
}

/** A line's wrapped lines, or undefined when it stays as it is. */
function rewrapped(line: string): string[] | undefined {
  const decl = DECL.exec(line);
  if (!decl) return undefined;
  const [, indent, property, value] = decl as unknown as [string, string, string, string];
  if (line.length <= PRINT_WIDTH && !breaksAlways(property, value)) return undefined;
  return wrapped(indent, property, value);
}

/** Outside quoted strings only (a font's name may hold anything). */
function unquoted(value: string): string {
  return value.replace(/"[^"]*"/g, '""');
}

function valueHolds(property: string, value: string): boolean {
  if (REWRITTEN.test(unquoted(value))) return false;
  if (property === "font-family") return true;
  const items = topItems(value);
  return items !== undefined && !(items.length > 1 && FUNCTION_FIRST.test(items[0]!));
}

/** A declaration line's verdict (declVerdict): not one, one the formatter rewrites, or its indent's width. */
const NOT_DECL = -1;
const REWRITES = -2;

/**
 * For a one-line declaration, the width of its indent when the formatter keeps it as written (at that depth), else
 * REWRITES; NOT_DECL for any other line. Independent of where the line stands, so a sheet's repeated declarations
 * (and the next sheet's) are judged once: `seen` holds the verdicts of one printedStylesheets call.
 */
export function declVerdict(line: string, seen?: Map<string, number>): number {
  const known = seen?.get(line);
  if (known !== undefined) return known;
  const decl = DECL.exec(line);
  let verdict = NOT_DECL;
  if (decl) {
    const holds =
      line.length <= PRINT_WIDTH &&
      valueHolds(decl[2]!, decl[3]!) &&
      !(decl[2]!.startsWith("--") && REWRITTEN.test(unquoted(decl[3]!)));
    verdict = holds ? decl[1]!.length : REWRITES;
  }
  seen?.set(line, verdict);
  return verdict;
}

/** True when the format pass would leave `css` as it is; false whenever a line is not a form this knows. */
export function inFormatterForm(css: string, seen?: Map<string, number>): boolean {
  // A sheet may end with a comment (fonts.css: a commented @font-face for a family Google does not serve).
  if (!/(\}|\*\/)\n$/.test(css) || css.startsWith("\n") || css.includes("\n\n\n")) return false;
  const lines = css.slice(0, -1).split("\n");
  let depth = 0;
  // The open top-level block is an at-rule (@media): rules, not declarations, are inside it.
  let inAtRule = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A declaration on one line (it starts with spaces and ends with ";": none of the forms below).
    const verdict = declVerdict(line, seen);
    if (verdict !== NOT_DECL) {
      if (depth === 0 || verdict !== depth * 2) return false;
      continue;
    }
    // A comment at the top level is kept as written, however long (formatComments is off).
    if (depth === 0 && line.startsWith("/* ")) {
      while (i < lines.length && !lines[i]!.endsWith("*/")) i++;
      if (i === lines.length || lines[i]!.indexOf("*/") !== lines[i]!.length - 2) return false;
      continue;
    }
    if (line.length > PRINT_WIDTH) return false;
    if (line === "") {
      // Between rules only: never first in a block or before its end.
      if (lines[i - 1]!.endsWith("{") || /^ *}$/.test(lines[i + 1] ?? "")) return false;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (/^ *}$/.test(line)) {
      depth--;
      if (depth < 0 || indent !== depth * 2) return false;
      continue;
    }
    const selector = SELECTOR.exec(line);
    if (selector) {
      if (indent !== depth * 2 || depth > 1) return false;
      if (depth === 0) inAtRule = line.startsWith("@");
      depth++;
      continue;
    }
    // A selector list's first selectors, one a line, at the top level or in an at-rule (@media).
    const inRule = depth === 0 || (depth === 1 && inAtRule);
    if (inRule && indent === depth * 2 && SELECTOR_PART.test(line.slice(indent)) && lines[i + 1] !== "") continue;
    const start = WRAPPED_START.exec(line);
    if (start && start[1]!.length === depth * 2 && depth > 0) {
      // A declaration over lines: exactly what wrapped() makes of its one-line form.
      let j = i + 1;
      while (j < lines.length && !lines[j]!.endsWith(";")) j++;
      const block = lines.slice(i, j + 1);
      const value = block
        .map((l, k) => (k === 0 ? (start[3] ?? "") : l.trim()))
        .join(" ")
        .trim()
        .replace(/\( /g, "(")
        .replace(/ \)/g, ")")
        .slice(0, -1);
      if (REWRITTEN.test(unquoted(value))) return false;
      const one = `${start[1]}${start[2]}: ${value};`;
      if (one.length <= PRINT_WIDTH && !breaksAlways(start[2]!, value)) return false;
      if (wrapped(start[1]!, start[2]!, value)?.join("\n") !== block.join("\n")) return false;
      i = j;
      continue;
    }
    return false;
  }
  return depth === 0;
}

const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * A declaration that declVerdict keeps as written at any indent its line fits in, known by a scan of its characters:
 * a property of lower-case letters and hyphens (not a custom one), a value of lower-case letters, digits, `%`, `-`,
 * `#`, single inner spaces, dots after a digit and calls whose commas are followed by a space (`8px`, `0.5`, `#ff0000`,
 * `1px solid rgba(0, 0, 0, 0.1)`): none of the forms the formatter rewrites, no top-level list, no string. Any other
 * declaration is judged by declVerdict.
 */
function plainDecl(property: string, value: string): boolean {
  const first = property.charCodeAt(0);
  if (!(isLower(first) || (first === 45 && isLower(property.charCodeAt(1))))) return false;
  for (let i = 1; i < property.length; i++) {
    const c = property.charCodeAt(i);
    if (!isLower(c) && c !== 45) return false;
  }
  if (value.length === 0 || value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32) return false;
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // Letters, digits, `%`, `-`, `#` (a lower-case hex colour).
    if (isLower(c) || isDigit(c) || c === 37 || c === 45 || c === 35) continue;
    const before = value.charCodeAt(i - 1);
    const after = value.charCodeAt(i + 1);
    if (c === 32 && before !== 32) continue;
    if (c === 46 && isDigit(before)) continue;
    // A call's parentheses, without inner spaces at their sides, and the commas between its arguments.
    if (c === 40 && after !== 32) depth++;
    else if (c === 41 && before !== 32 && depth > 0) depth--;
    else if (!(c === 44 && depth > 0 && after === 32 && before !== 32)) return false;
  }
  return depth === 0;
}

/**
 * What inFormatterForm says of the lines of a sheet the emitters print rule by rule (emit/vnode.ts `Sheet`), asked
 * one line at a time without the sheet's text: a declaration by its indent, property and value (each judged once per
 * emit, however many sheets repeat it), a selector line by its text. A no sends the sheet through the whole check.
 */
export class LineChecks {
  /** indent width → property → value → the declaration line holds as written. */
  private readonly decls = new Map<number, Map<string, Map<string, boolean>>>();

  /** `${indent}${property}: ${value};` is kept by the formatter at that indent (and wrapLongDeclarations leaves it). */
  declHolds(indent: number, property: string, value: string): boolean {
    if (plainDecl(property, value)) return indent + property.length + value.length + 3 <= PRINT_WIDTH;
    let byProperty = this.decls.get(indent);
    if (!byProperty) this.decls.set(indent, (byProperty = new Map()));
    let byValue = byProperty.get(property);
    if (!byValue) byProperty.set(property, (byValue = new Map()));
    let holds = byValue.get(value);
    if (holds === undefined) {
      holds = declVerdict(`${" ".repeat(indent)}${property}: ${value};`) === indent;
      byValue.set(value, holds);
    }
    return holds;
  }

  /** `${indent}${selector} {` opens a rule at depth indent / 2 (0 or 1) as the formatter writes it. */
  selectorHolds(indent: number, selector: string): boolean {
    const line = `${" ".repeat(indent)}${selector} {`;
    // The selectors start with `.` or `@`: the pattern's leading spaces are the indent.
    return indent <= 2 && line.length <= PRINT_WIDTH && selector.charCodeAt(0) !== 32 && SELECTOR.test(line);
  }
}

/**
 * The emitters' stylesheets in the format pass's form, path → content (EmittedFiles.printed): a sheet whose long
 * declarations wrapLongDeclarations() lays out as malva would is rewritten so (its file's content too). `vouched`:
 * the paths of sheets whose every line LineChecks passed (Sheet.inFormatterForm): in that form as they are.
 */
export function printedStylesheets(
  files: readonly SourceFile[],
  vouched: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const printed = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const file of files) {
    if (file.bytes !== undefined || !file.path.endsWith(".css")) continue;
    if (vouched.has(file.path)) {
      printed.set(file.path, file.content);
      continue;
    }
    const text = wrapLongDeclarations(file.content);
    if (!inFormatterForm(text, seen)) continue;
    // The sheet as the format pass would leave it (its long values wrapped), which it then skips.
    file.content = text;
    printed.set(file.path, text);
  }
  return printed;
}
