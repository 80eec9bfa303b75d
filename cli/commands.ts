/** The `figment` subcommands. Each returns its exit code; bad input throws UsageError (exit 2). */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { EmptyDesignError, generateCode, loadDesign, parseHint, printHint, UnknownNodeError, type CodeOptions, type FileSet, type LoadedDesign } from "../codegen/index.js";
import { HintSyntaxError } from "../codegen/hint/tokens.js";
import { countNodes, NotFigmaJsonError, readRestReply } from "../codegen/rest/reply.js";
import type { Problem } from "../codegen/types.js";
import type { CliArgs } from "./args.js";
import { readJson, readText, UsageError, writeFilesUnder } from "./io.js";

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
}

function requireInput(args: CliArgs): string {
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

export async function load(args: CliArgs): Promise<LoadedDesign> {
  const json = await readJson(requireInput(args));
  return asUsage(() => loadDesign(json, args.nodes));
}

function formatProblem(p: Problem): string {
  const where = p.file ? `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ""}` : ""}: ` : p.nodeId ? `node ${p.nodeId}: ` : "";
  return `${p.severity} ${p.code} ${where}${p.message}`;
}

export function reportProblems(problems: Problem[], io: Output): void {
  const shown = problems.filter((p) => p.severity !== "info");
  for (const p of shown) io.err(formatProblem(p));
  const notes = problems.length - shown.length;
  if (notes > 0) io.err(`${notes} note${notes === 1 ? "" : "s"} (missing images, vector placeholders, added imports); --json lists them`);
}

export async function framesCommand(args: CliArgs, io: Output): Promise<number> {
  const json = await readJson(requireInput(args));
  const reply = asUsage(() => readRestReply(json));
  const rows = reply.roots.map((node) => {
    const box = node["absoluteBoundingBox"] as { width?: number; height?: number } | null | undefined;
    return { id: node.id, name: node.name, type: node.type, width: Math.round(box?.width ?? 0), height: Math.round(box?.height ?? 0), nodes: countNodes(node) };
  });
  if (args.json) {
    io.out(JSON.stringify({ frames: rows }, null, 2));
    return 0;
  }
  if (rows.length === 0) io.err("no top-level frames");
  const short = (name: string): string => (name.length > 60 ? `${name.slice(0, 59)}…` : name).replace(/\s+/g, " ");
  for (const r of rows) io.out(`${r.id}\t${short(r.name)}\t${r.type}\t${r.width}×${r.height}\t${r.nodes} nodes`);
  return 0;
}

export async function hintsCommand(args: CliArgs, io: Output): Promise<number> {
  const design = await load(args);
  io.out(printHint(design.document).trimEnd());
  return 0;
}

export function codeOptions(args: CliArgs): CodeOptions {
  return { target: args.target, styling: args.styling, nodeIds: args.nodeIds };
}

/** Writes the files under --out and reports them (plain or --json, where `more` adds fields after these). */
export async function emitAndWrite(result: FileSet, extraProblems: Problem[], args: CliArgs, io: Output, more: Record<string, unknown> = {}): Promise<number> {
  const { written, problems: writeProblems } = await writeFilesUnder(args.out, result.files);
  const problems = [...extraProblems, ...result.problems, ...writeProblems];
  if (args.json) {
    const files = result.files.map((f) => ({ path: f.path, bytes: Buffer.byteLength(f.content) }));
    io.out(JSON.stringify({ files, problems, ...more }, null, 2));
  } else {
    io.out(`wrote ${written.length} file${written.length === 1 ? "" : "s"} to ${args.out}`);
    for (const f of result.files) io.out(`  ${f.path}`);
    reportProblems(problems, io);
  }
  return 0;
}

export async function codeCommand(args: CliArgs, io: Output, context: RunContext = {}): Promise<number> {
  if (args.ai) {
    const { aiCodeCommand } = await import("./ai-code.js");
    return aiCodeCommand(args, io, context);
  }
  if (args.fromHint !== undefined) {
    if (args.input) throw new UsageError("give either <design.json> or --from-hint <hint.txt>, not both");
    const text = await readText(args.fromHint);
    const { document } = asUsage(() => parseHint(text));
    if (document.frames.length === 0) throw new UsageError(`${args.fromHint} holds no frames`);
    return emitAndWrite(await generateCode(document, codeOptions(args)), [], args, io);
  }
  const design = await load(args);
  return emitAndWrite(await generateCode(design.document, codeOptions(args)), design.problems, args, io);
}

export async function fidelityCommand(args: CliArgs, io: Output): Promise<number> {
  const design = await load(args);
  const { launchChromium } = await import("./browser.js");
  const { measureFidelity } = await import("./fidelity.js");
  const browser = await launchChromium();
  try {
    const frames = [];
    for (const root of design.roots) {
      const single = loadDesign({ document: root }, []);
      const code = await generateCode(single.document, { target: "html", styling: "css-modules", nodeIds: true });
      frames.push(await measureFidelity(browser, { frame: root as Parameters<typeof measureFidelity>[1]["frame"], files: code.files, entry: "index.html" }));
    }
    if (args.json) {
      io.out(JSON.stringify({ frames: frames.map(({ id, name, meanIoU, matched, textCoverage, absoluteInAutoLayout, overflowAt80 }) => ({ id, name, meanIoU, matched, textCoverage, absoluteInAutoLayout, overflowAt80 })) }, null, 2));
    } else {
      io.out("id\tmeanIoU\tmatched\ttext\tabsInAutoLayout\toverflow@80%\tname");
      const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
      for (const f of frames) io.out(`${f.id}\t${f.meanIoU.toFixed(3)}\t${pct(f.matched)}\t${pct(f.textCoverage)}\t${pct(f.absoluteInAutoLayout)}\t${f.overflowAt80 ? "yes" : "no"}\t${f.name}`);
    }
    return 0;
  } finally {
    await browser.close();
  }
}

/** The bundled sample designs (real Figma files, see test/fixtures/figma/SOURCES.md). */
export const DEMO_SAMPLES = ["figmasharp-login.file.json", "figma-differ-selfie.nodes.json"];

export async function demoCommand(args: CliArgs, io: Output): Promise<number> {
  const fixtures = fileURLToPath(new URL("../test/fixtures/figma/", import.meta.url));
  for (const sample of DEMO_SAMPLES) {
    const design = loadDesign(await readJson(join(fixtures, sample)));
    const name = sample.replace(/\.(file|nodes)\.json$/, "");
    for (const target of ["react", "html"] as const) {
      const result = await generateCode(design.document, { target, styling: "css-modules", nodeIds: false });
      const dir = join(args.out, name, target);
      const { written } = await writeFilesUnder(dir, result.files);
      const serious = result.problems.filter((p) => p.severity === "error").length;
      io.out(`${name} → ${dir}: ${written.length} files (${result.files.map((f) => f.path).join(", ")})${serious ? `, ${serious} errors` : ""}`);
    }
    const hintPath = join(args.out, name, "hint.txt");
    await writeFilesUnder(join(args.out, name), [{ path: "hint.txt", content: printHint(design.document) }]);
    io.out(`${name} → ${hintPath}: model hint`);
  }
  io.out(`open ${join(args.out, DEMO_SAMPLES[0]!.replace(/\.(file|nodes)\.json$/, ""), "html", "index.html")} in a browser to see a result`);
  return 0;
}
