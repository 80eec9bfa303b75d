/**
 * A React file printed as the format pass would print it (doc-printer.ts, jsx-doc.ts), so that the pass can skip it;
 * undefined where the printer cannot vouch for the formatter's layout (the pass then formats the file).
 */
import {
  group,
  ifBreak,
  indent,
  line,
  softline,
  printDoc,
  rigid,
  textWidth,
  isUnprintable,
  unprintable,
  type Doc,
} from "../doc-printer.js";
import { jsxDoc } from "./jsx-doc.js";
import { printJsxAt, stacksChildren } from "./jsx-print.js";
import { jsStringLiteral } from "./js-quotes.js";
import type { MarkupStyle } from "../markup.js";
import type { VNode } from "../vnode.js";
import { PRINT_WIDTH } from "../../format/languages.js";

export interface TsxParts {
  /** Imports, then any declarations before the function (lines the formatter keeps as they are, if they fit). */
  head: string[];
  name: string;
  /** A component's destructured props and their type; none for a screen. */
  params?: { names: string[]; type: string };
  /** The statements before `return`. */
  locals: string[];
  tree: VNode;
  style: MarkupStyle;
}

const SINGLE_IMPORT = /^import (?:(?:\{ [\w$]+ \}|[\w$]+) from )?"[^"\\]+";$/;

/** A line the formatter leaves alone if it fits: an import, a declaration's line, a statement. */
function fixed(text: string): string {
  // An import of one name (or none) stays on its line however long (prettier and Biome break only lists).
  if (SINGLE_IMPORT.test(text)) return text;
  if (textWidth(text) > PRINT_WIDTH || text.includes('\\"')) throw unprintable("long line");
  return text;
}

function param(text: string): Doc {
  // `name = "…"` or `name = true`: a default the formatter never breaks inside (its quotes as it writes them).
  const literal = /^([\w$]+) = ("(?:[^"\\]|\\.)*")$/.exec(text);
  if (literal) return `${literal[1]} = ${jsStringLiteral(literal[2]!)}`;
  if (text.includes('\\"')) throw unprintable("quotes");
  return /^[\w$]+ = (true|false)$/.test(text) ? text : rigid(text);
}

/**
 * `return (…);` of the markup: printed straight where its root stacks its children (its group then always breaks,
 * the markup on lines of its own between the parentheses), else as a document.
 */
function returned(parts: TsxParts): string {
  if (stacksChildren(parts.tree)) return `  return (\n    ${printJsxAt(parts.tree, parts.style, 4)}\n  );`;
  const jsx = jsxDoc(parts.tree, parts.style);
  const body = ["  ", indent(["return ", group([ifBreak("("), indent([softline, jsx]), softline, ifBreak(")")]), ";"])];
  return printDoc(body, PRINT_WIDTH);
}

export function printTsx(parts: TsxParts): string | undefined {
  try {
    const head = parts.head.map(fixed);
    const signature: Doc = parts.params
      ? [
          `export function ${parts.name}(`,
          group([
            "{",
            indent([line, parts.params.names.map((p, i) => (i === 0 ? param(p) : [",", line, param(p)]))]),
            ifBreak(","),
            line,
            "}",
          ]),
          `: ${parts.params.type}) {`,
        ]
      : fixed(`export function ${parts.name}() {`);
    return [...head, printDoc(signature, PRINT_WIDTH), ...parts.locals.map(fixed), returned(parts), "}", ""].join("\n");
  } catch (error) {
    if (isUnprintable(error)) return undefined;
    throw error;
  }
}
