/**
 * The format pass (pipeline step 5). A model's files go through prettier's standalone build with only the plugins
 * each file needs; the emitters' .ts/.tsx/.css/.html through the wasm formatters (web-fmt.ts), which print them as
 * prettier does but for the choices docs/output.md lists, in a fraction of the time.
 * Pure: runs in a Web Worker and in Node. Never throws: a file prettier cannot parse stays as it was and
 * becomes a `format` problem with its line.
 */
import type { Plugin } from "prettier";
import { format } from "prettier/standalone";
import type { FileSet, Problem, SourceFile } from "../types";
import { languageFor, PRINT_WIDTH, type Language } from "./languages";
import { joinStyles, splitStyles } from "./sfc-styles";
import { loadPlugins } from "./plugins";
import { formatsWithWebFmt, formatWithWebFmt } from "./web-fmt";

/**
 * Who wrote the files: the emitters (codegen/index.ts generateCode) or a model (ai/code/pipeline.ts), which prettier
 * formats.
 */
export type Author = "emitters" | "model";

type Formatted = { ok: true; content: string } | { ok: false; problem: Problem } | { ok: "skipped" };

async function formatContent(file: SourceFile, author: Author): Promise<Formatted> {
  if (file.bytes) return { ok: "skipped" };
  if (author === "emitters" && formatsWithWebFmt(file.path)) {
    const content = await formatWithWebFmt(file.path, file.content);
    // Undefined: not loaded, or not parsed; prettier formats it, or says where it fails.
    if (content !== undefined) return { ok: true, content };
  }
  const language = languageFor(file.path, file.content);
  if (language === undefined) return { ok: "skipped" };
  if (author === "emitters" && SFC.test(file.path)) {
    const content = await formatComponent(file.content, language);
    if (content !== undefined) return { ok: true, content };
  }
  return formatWithPrettier(file, language);
}

/** Vue and Svelte components: their `<style>` blocks go to malva as the emitters' `.css` files do (sfc-styles.ts). */
const SFC = /\.(vue|svelte)$/i;

/** The emitters' component, its styles by malva and the rest by prettier; undefined: format it whole with prettier. */
async function formatComponent(content: string, language: Language): Promise<string | undefined> {
  const split = splitStyles(content);
  if (!split) return undefined;
  const skeleton = await formatWithPrettier({ path: "component", content: split.skeleton }, language);
  if (skeleton.ok !== true) return undefined;
  return joinStyles(skeleton.content, split.styles, (css, indent) => formatWithWebFmt("style.css", css, indent));
}

async function formatWithPrettier(file: SourceFile, language: Language): Promise<Formatted> {
  let plugins: Plugin[];
  try {
    plugins = await loadPlugins(language.plugins);
  } catch (error) {
    const message = `could not load prettier plugins (${language.plugins.join(", ")}): ${describe(error)}`;
    return {
      ok: false,
      problem: { severity: "error", code: "internal", message, file: file.path },
    };
  }
  try {
    const content = await format(file.content, {
      parser: language.parser,
      plugins,
      printWidth: PRINT_WIDTH,
    });
    return { ok: true, content };
  } catch (error) {
    return { ok: false, problem: formatProblem(file.path, error) };
  }
}

/** Formats every file it has a parser for; keeps input order; other files pass through unchanged. */
export async function formatFiles(files: SourceFile[], author: Author): Promise<FileSet> {
  const out: SourceFile[] = [];
  const problems: Problem[] = [];
  for (const file of Array.isArray(files) ? files : []) {
    try {
      const result = await formatContent(file, author);
      if (result.ok === true) out.push({ path: file.path, content: result.content });
      else out.push(file);
      if (result.ok === false) problems.push(result.problem);
    } catch (error) {
      out.push(file);
      problems.push({
        severity: "error",
        code: "internal",
        message: describe(error),
        file: file.path,
      });
    }
  }
  return { files: out, problems };
}

/** Whether formatting the file changes nothing (like `prettier --check`); false if it cannot be parsed. */
export async function isFormatted(file: SourceFile, author: Author): Promise<boolean> {
  try {
    const result = await formatContent(file, author);
    return result.ok === "skipped" || (result.ok === true && result.content === file.content);
  } catch {
    return false;
  }
}

/** Prettier's syntax errors carry `loc.start` (1-based line and column) and end with ` (line:col)`. */
function formatProblem(path: string, error: unknown): Problem {
  const problem: Problem = {
    severity: "error",
    code: "format",
    message: describe(error),
    file: path,
  };
  const start = readStart(error);
  if (start?.line !== undefined) problem.line = start.line;
  if (start?.column !== undefined) problem.column = start.column;
  return problem;
}

function readStart(error: unknown): { line?: number; column?: number } | undefined {
  if (typeof error !== "object" || error === null || !("loc" in error)) return undefined;
  const loc: unknown = error.loc;
  if (typeof loc !== "object" || loc === null || !("start" in loc)) return undefined;
  const start: unknown = loc.start;
  if (typeof start !== "object" || start === null) return undefined;
  const line = "line" in start && typeof start.line === "number" ? start.line : undefined;
  const column = "column" in start && typeof start.column === "number" ? start.column : undefined;
  return { ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) };
}

/** First line of an error message, without prettier's code frame and ` (line:col)` suffix. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split("\n")[0] ?? message;
  return first.replace(/\s*\(\d+:\d+\)\s*$/, "");
}
