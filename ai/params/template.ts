/**
 * The prompt template: text with `{placeholder}`s naming parameters ("A {style} hero image for {audience}");
 * `{{` and `}}` write literal braces. Parsing finds unclosed and stray braces (with their column); checking
 * against the known names (the rows' columns and what rules `set`) finds unknown placeholders; filling
 * refuses a placeholder whose value is empty in a row, naming the row. Values go in as they are (trimmed):
 * a value that reads like an instruction is still just a value in the prompt.
 */
import { ParamsError, rowLabel } from "./errors.js";

export type TemplatePart = { text: string } | { param: string; column: number };

export interface Template {
  source: string;
  parts: readonly TemplatePart[];
  /** The placeholders' names, each once, in order of first use. */
  params: readonly string[];
}

function fail(message: string): never {
  throw new ParamsError("template", message);
}

export function parseTemplate(source: string): Template {
  if (!source.trim())
    fail('the template is empty; write the prompt with {placeholders}, e.g. "A {style} hero image for {audience}"');
  const parts: TemplatePart[] = [];
  let text = "";
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    if ((ch === "{" && next === "{") || (ch === "}" && next === "}")) {
      text += ch;
      i += 2;
      continue;
    }
    if (ch === "}") fail(`column ${i + 1}: a "}" with no "{" before it; write "}}" for a literal brace`);
    if (ch !== "{") {
      text += ch;
      i++;
      continue;
    }
    const close = source.indexOf("}", i + 1);
    const open = source.indexOf("{", i + 1);
    if (close < 0 || (open >= 0 && open < close))
      fail(`column ${i + 1}: "{" is not closed; close the placeholder with "}" or write "{{" for a literal brace`);
    const name = source.slice(i + 1, close).trim();
    if (!name)
      fail(
        `column ${i + 1}: an empty placeholder "{}"; put a parameter name inside, or write "{{}}" for literal braces`,
      );
    if (text) parts.push({ text });
    text = "";
    parts.push({ param: name, column: i + 1 });
    i = close + 1;
  }
  if (text) parts.push({ text });
  const params = [...new Set(parts.flatMap((p) => ("param" in p ? [p.param] : [])))];
  return { source, parts, params };
}

/** Throws for a placeholder no column or rule provides, naming the choices. */
export function checkTemplate(
  template: Template,
  columns: readonly string[],
  setByRules: readonly string[] = [],
): void {
  const known = new Set([...columns, ...setByRules]);
  for (const part of template.parts) {
    if (!("param" in part) || known.has(part.param)) continue;
    const choices = [
      ...columns.map((c) => `{${c}}`),
      ...setByRules.filter((s) => !columns.includes(s)).map((s) => `{${s}} (set by a rule)`),
    ];
    fail(
      `column ${part.column}: unknown placeholder {${part.param}}; the ` +
        `rows have ${choices.length ? choices.join(", ") : "no columns"}`,
    );
  }
}

/** Columns the template does not use (allowed; they may still feed rules and file names). */
export function unusedColumns(template: Template, columns: readonly string[]): string[] {
  return columns.filter((c) => !template.params.includes(c));
}

/** The template with the row's values. Throws when a placeholder's value is empty in this row. */
export function fillTemplate(
  template: Template,
  values: Readonly<Record<string, string>>,
  row: { row: number; line: number },
): string {
  return template.parts
    .map((part) => {
      if (!("param" in part)) return part.text;
      const value = (values[part.param] ?? "").trim();
      if (!value)
        throw new ParamsError(
          "rows",
          `${rowLabel(row)}: {${part.param}} is empty in this row; fill it in, or let a rule "set" it`,
        );
      return value;
    })
    .join("");
}
