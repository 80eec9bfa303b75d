/**
 * What the code commands share: reading the design (codegen errors become usage errors), the options from
 * the arguments, writing files under --out and reporting problems. Kept apart from commands.ts so the model
 * command (ai-code.ts, loaded on demand) can use it without an import cycle.
 */
import { loadDesign, type CodeOptions, type FileSet, type LoadedDesign } from "../codegen/index.js";
import { HintSyntaxError } from "../codegen/hint/tokens.js";
import { EmptyDesignError, UnknownNodeError } from "../codegen/load.js";
import { NotFigmaJsonError } from "../codegen/rest/reply.js";
import { readVariablesReply, VariablesFileError } from "../codegen/tokens/variables-reply.js";
import { projectFiles } from "../codegen/scaffold/project-files.js";
import type { Problem } from "../codegen/types.js";
import type { CliArgs } from "./args.js";
import type { FigmaClientOptions } from "./figma-rest/client.js";
import type { DesignVariables } from "../codegen/design/extras.js";
import { missingImageFiles, readImagesDir } from "./images-dir.js";
import { readDesignJson, readText, UsageError, writeFilesUnder } from "./io.js";
import { plural } from "../codegen/plural.js";

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** What a command may take from its surroundings besides arguments. */
export interface RunContext {
  /** Environment variables (API keys); process.env unless given. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Cancels a model request (Ctrl-C). */
  signal?: AbortSignal;
  /** Figma REST client settings tests replace (a sleep that does not wait, a short timeout). */
  figma?: Partial<Pick<FigmaClientOptions, "sleep" | "timeoutMs" | "policy">>;
}

export function requireInput(args: CliArgs): string {
  if (!args.input) throw new UsageError(`figment ${args.command} needs a design file: figment ${args.command} <design.json>`);
  return args.input;
}

/** Domain errors from the codegen layer become usage errors with their own message. */
export function asUsage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof NotFigmaJsonError || error instanceof UnknownNodeError || error instanceof EmptyDesignError || error instanceof HintSyntaxError) {
      throw new UsageError(error.message);
    }
    throw error;
  }
}

/**
 * <design.json> as every command reads it (cli/io.ts readDesignJson: a byte-order mark, UTF-16, a trailer, a
 * fragment, a wrapper are read), each repair said as a note on stderr.
 */
export function readDesign(path: string, io?: Pick<Output, "err">): Promise<unknown> {
  return readDesignJson(path, io ? (text) => io.err(`figment: ${text}`) : undefined);
}

/** The design from <design.json>, with the image bytes of --images DIR (a fill without its file is a problem). */
export async function load(args: CliArgs, io?: Pick<Output, "err">): Promise<LoadedDesign> {
  const json = await readDesign(requireInput(args), io);
  const variables = args.variables !== undefined ? await readVariables(args.variables) : undefined;
  const images = args.images !== undefined ? await readImagesDir(args.images, json) : undefined;
  const design = asUsage(() => loadDesign(json, args.nodes, { ...(images ? { images } : {}), ...(variables ? { variables } : {}) }));
  if (images === undefined || args.images === undefined) return design;
  return { ...design, problems: [...design.problems, ...missingImageFiles(design.document, images, args.images)] };
}

/** The --variables file, or a usage error that names it and what is wrong. */
async function readVariables(path: string): Promise<DesignVariables> {
  let json: unknown;
  try {
    json = JSON.parse(await readText(path));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--variables ${path} is not valid JSON (${(error as Error).message})`);
  }
  try {
    return readVariablesReply(json);
  } catch (error) {
    if (error instanceof VariablesFileError) throw new UsageError(`--variables ${path}: ${error.message}`);
    throw error;
  }
}

function formatProblem(p: Problem): string {
  const where = p.file ? `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ""}` : ""}: ` : p.nodeId ? `node ${p.nodeId}: ` : "";
  return `${p.severity} ${p.code} ${where}${p.message}`;
}

export function reportProblems(problems: Problem[], io: Output): void {
  const shown = problems.filter((p) => p.severity !== "info");
  for (const p of shown) io.err(formatProblem(p));
  const notes = problems.length - shown.length;
  if (notes > 0) io.err(`${plural(notes, "note")} (missing images, vector placeholders, added imports); --json lists them`);
  // What a CLI user can do about the two notes that cost the most fidelity.
  if (problems.some((p) => p.code === "missing-image")) io.err("tip: image fills are grey placeholders; --images DIR supplies their bytes (DIR/<imageRef>.png|jpg|jpeg|gif|webp), or --file-key KEY fetches them from Figma");
  if (problems.some((p) => p.code === "vector-placeholder")) io.err("tip: vectors without outlines are drawn as boxes; --file-key KEY fetches them from Figma as SVG, or fetch the JSON with geometry=paths (GET /v1/files/:key/nodes?ids=…&geometry=paths)");
}

export function codeOptions(args: CliArgs): CodeOptions {
  return { target: args.target, styling: args.styling, nodeIds: args.nodeIds, ...(args.exactLayout ? { layout: "exact" as const } : {}) };
}

/**
 * Writes the files under --out (with --project, inside the runnable project the plugin's zip holds; `name`
 * names its package and page) and reports them (plain or --json, where `more` adds fields after these).
 */
export async function emitAndWrite(result: FileSet, extraProblems: Problem[], args: CliArgs, io: Output, more: Record<string, unknown> = {}, name = "design"): Promise<number> {
  const all = args.project ? projectFiles(result.files, { target: args.target, styling: args.styling, name }) : result.files;
  const { written, problems: writeProblems } = await writeFilesUnder(args.out, all);
  const problems = [...extraProblems, ...result.problems, ...writeProblems];
  if (args.json) {
    const files = all.map((f) => ({ path: f.path, bytes: f.bytes?.length ?? Buffer.byteLength(f.content) }));
    io.out(JSON.stringify({ files, problems, ...more }, null, 2));
  } else {
    io.out(`wrote ${plural(written.length, "file")} to ${args.out}`);
    for (const f of all) io.out(`  ${f.path}`);
    reportProblems(problems, io);
    if (args.project && args.target === "react") io.out(`run it: cd ${args.out} && npm install && npm run dev`);
  }
  return 0;
}

