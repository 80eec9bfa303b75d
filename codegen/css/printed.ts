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
const OPEN_VALUE = /^( +)(--[\w-]+|-?[a-z][a-z-]*):$/;
/** The first line of a value malva filled over lines (wrapped()). */
const FILLED = /^( +)(-?[a-z][a-z-]*): ([^;]+)$/;
const SELECTOR =
  /^( *)([.:*[a-z][^{},;]*?|@media \([a-z-]+ [<>:]=? ?[^(){};]*\)|@font-face|@theme static|@theme|:root) \{$/;
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
  if (items === undefined || property === "font-family") return undefined;
  const inner = `${indent}  `;
  if (items.length > 1) {
    const lines = items.map((item, i) => `${inner}${item}${i === items.length - 1 ? ";" : ","}`);
    return lines.every((line) => line.length <= PRINT_WIDTH) ? [`${indent}${property}:`, ...lines] : undefined;
  }
  // One item: its space-separated components filled, each line as full as it goes (the last with its `;`).
  const parts = components(value);
  if (parts === undefined || parts.length < 2 || property.startsWith("--")) return undefined;
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
  return lines.every((line) => line.length <= PRINT_WIDTH) ? lines : undefined;
}

/**
 * The sheet with its long declarations (and lists that start with a function) as malva lays them out; a line it cannot
 * wrap stays, and inFormatterForm then says no.
 */
export function wrapLongDeclarations(css: string): string {
  return css
    .split("\n")
    .flatMap((line) => {
      const decl = DECL.exec(line);
      if (!decl) return [line];
      const [, indent, property, value] = decl as unknown as [string, string, string, string];
      if (line.length <= PRINT_WIDTH && !breaksAlways(property, value)) return [line];
      return wrapped(indent, property, value) ?? [line];
    })
    .join("\n");
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

/** True when the format pass would leave `css` as it is; false whenever a line is not a form this knows. */
export function inFormatterForm(css: string): boolean {
  // A sheet may end with a comment (fonts.css: a commented @font-face for a family Google does not serve).
  if (!/(\}|\*\/)\n$/.test(css) || css.startsWith("\n") || css.includes("\n\n\n")) return false;
  const lines = css.slice(0, -1).split("\n");
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
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
      depth++;
      continue;
    }
    if (depth === 0 && SELECTOR_PART.test(line) && /[{,]$/.test(line) && lines[i + 1] !== "") continue;
    const decl = DECL.exec(line);
    if (decl) {
      if (depth === 0 || decl[1]!.length !== depth * 2 || !valueHolds(decl[2]!, decl[3]!)) return false;
      if (decl[2]!.startsWith("--") && REWRITTEN.test(unquoted(decl[3]!))) return false;
      continue;
    }
    const open = OPEN_VALUE.exec(line);
    if (open && open[1]!.length === depth * 2 && depth > 0 && open[2] !== "font-family") {
      // `src:` then one item a line, each ending `,` but the last `;`: the form of a list that starts with a function.
      const items: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const item = lines[j]!;
        if (!item.startsWith(" ".repeat(depth * 2 + 2)) || item.length > PRINT_WIDTH) return false;
        items.push(item.trim().slice(0, -1));
        if (item.endsWith(";")) break;
        if (!item.endsWith(",")) return false;
      }
      const value = items.join(", ");
      const long = `${open[1]}${open[2]}: ${value};`.length > PRINT_WIDTH;
      if (items.length < 2 || !(long || breaksAlways(open[2]!, value)) || REWRITTEN.test(unquoted(value))) return false;
      if (topItems(value)?.length !== items.length) return false;
      i = j;
      continue;
    }
    const filled = FILLED.exec(line);
    if (filled && filled[1]!.length === depth * 2 && depth > 0) {
      // A value filled over lines: what wrapped() makes of it, to the character.
      let j = i + 1;
      while (j < lines.length && !lines[j]!.endsWith(";")) j++;
      const block = lines.slice(i, j + 1);
      const value = [filled[3]!, ...block.slice(1).map((l) => l.trim())].join(" ").slice(0, -1);
      if (REWRITTEN.test(unquoted(value)) || topItems(value)?.length !== 1) return false;
      if (wrapped(filled[1]!, filled[2]!, value)?.join("\n") !== block.join("\n")) return false;
      i = j;
      continue;
    }
    return false;
  }
  return depth === 0;
}

/**
 * The emitters' stylesheets in the format pass's form, path → content (EmittedFiles.printed): a sheet whose long
 * declarations wrapLongDeclarations() lays out as malva would is rewritten so (its file's content too).
 */
export function printedStylesheets(files: readonly SourceFile[]): Map<string, string> {
  const printed = new Map<string, string>();
  for (const file of files) {
    if (file.bytes !== undefined || !file.path.endsWith(".css")) continue;
    const text = wrapLongDeclarations(file.content);
    if (!inFormatterForm(text)) continue;
    // The sheet as the format pass would leave it (its long values wrapped), which it then skips.
    file.content = text;
    printed.set(file.path, text);
  }
  return printed;
}
