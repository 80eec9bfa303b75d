/** The `figment` subcommands. Each returns its exit code; bad input throws UsageError (exit 2). */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCode, loadDesign, modelHint, parseHint } from "../codegen/index.js";
import { readRestReply, countNodes } from "../codegen/rest/reply.js";
import { layerBounds } from "../codegen/design/normalize.js";
import { agree, plural } from "../codegen/plural.js";
import type { CliArgs } from "./args.js";
import { asUsage, codeOptions, emitAndWrite, load, readDesign, requireInput, type Output, type RunContext } from "./design-files.js";
import { loadForCode } from "./figma-extras.js";
import { componentOptions, readComponentsInput } from "./components-map.js";
import { readText, UsageError, writeFilesUnder } from "./io.js";

export type { Output, RunContext } from "./design-files.js";

export async function framesCommand(args: CliArgs, io: Output): Promise<number> {
  const json = await readDesign(requireInput(args), io);
  const reply = asUsage(() => readRestReply(json));
  // A frame without a box (none, or not numbers) has no size to list: null in --json, "?×?" and a note in the table.
  const rows = reply.roots.map((node) => {
    const box = layerBounds(node);
    return { id: node.id, name: node.name, type: node.type, width: box ? Math.round(box.width) : null, height: box ? Math.round(box.height) : null, nodes: countNodes(node) };
  });
  if (args.json) {
    io.out(JSON.stringify({ frames: rows }, null, 2));
    return 0;
  }
  if (rows.length === 0) io.err("no top-level frames");
  const short = (name: string): string => (name.length > 60 ? `${name.slice(0, 59)}…` : name).replace(/\s+/g, " ");
  for (const r of rows) io.out(`${r.id}\t${short(r.name)}\t${r.type}\t${r.width ?? "?"}×${r.height ?? "?"}\t${r.nodes} nodes`);
  const unbounded = rows.filter((r) => r.width === null).length;
  if (unbounded > 0) io.err(`figment: note: ${plural(unbounded, "frame")} ${agree(unbounded, "has", "have")} no bounds (listed as ?×?): figment code skips ${agree(unbounded, "it", "them")}`);
  return 0;
}

export async function hintsCommand(args: CliArgs, io: Output): Promise<number> {
  const design = await load(args, io);
  io.out(modelHint(design.document, args.exactLayout ? "exact" : "responsive").trimEnd());
  return 0;
}

export async function codeCommand(args: CliArgs, io: Output, context: RunContext = {}): Promise<number> {
  if (args.ai && args.batchApi) {
    const { codeBatchCommand } = await import("./batch/code.js");
    return codeBatchCommand(args, io, context);
  }
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
  const { requireChromium, scoreDocument, printScores } = await import("./code-score.js");
  if (args.score) requireChromium();
  const components = await readComponentsInput(args);
  const design = await loadForCode(args, io, context);
  const result = await generateCode(design.document, { ...codeOptions(args), ...componentOptions(components) });
  const problems = [...components.problems, ...design.problems];
  if (!args.score) return emitAndWrite(result, problems, args, io, {}, design.roots[0]?.name);
  const name = design.roots[0]?.name;
  // --json is one document, so its scores come first; plain output writes the files, then measures them.
  if (args.json) return emitAndWrite(result, problems, args, io, { score: await scoreDocument(design.document, design.roots, codeOptions(args)) }, name);
  const code = await emitAndWrite(result, problems, args, io, {}, name);
  printScores(await scoreDocument(design.document, design.roots, codeOptions(args)), io);
  return code;
}

export async function fidelityCommand(args: CliArgs, io: Output): Promise<number> {
  const design = await load(args, io);
  const { launchChromium } = await import("./browser.js");
  const { measureFrame } = await import("./responsive-page.js");
  const { fidelityJson, fidelityTable } = await import("./fidelity-report.js");
  const browser = await launchChromium();
  try {
    const frames = [];
    for (const root of design.roots) {
      const single = loadDesign({ document: root }, []);
      const code = await generateCode(single.document, { target: "html", styling: "css-modules", nodeIds: true });
      const frame = root as Parameters<typeof measureFrame>[1]["frame"];
      frames.push(await measureFrame(browser, { frame, files: code.files, entry: "index.html", ...(args.widths ? { widths: args.widths } : {}) }));
    }
    if (args.json) io.out(JSON.stringify(fidelityJson(frames), null, 2));
    else for (const line of fidelityTable(frames)) io.out(line);
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
    const design = loadDesign(await readDesign(join(fixtures, sample), io));
    const name = sample.replace(/\.(file|nodes)\.json$/, "");
    for (const target of ["react", "html"] as const) {
      const result = await generateCode(design.document, { target, styling: "css-modules", nodeIds: false });
      const dir = join(args.out, name, target);
      const { written } = await writeFilesUnder(dir, result.files);
      const serious = result.problems.filter((p) => p.severity === "error").length;
      io.out(`${name} → ${dir}: ${written.length} files (${result.files.map((f) => f.path).join(", ")})${serious ? `, ${serious} errors` : ""}`);
    }
    const hintPath = join(args.out, name, "hint.txt");
    await writeFilesUnder(join(args.out, name), [{ path: "hint.txt", content: modelHint(design.document) }]);
    io.out(`${name} → ${hintPath}: model hint`);
  }
  io.out(`open ${join(args.out, DEMO_SAMPLES[0]!.replace(/\.(file|nodes)\.json$/, ""), "html", "index.html")} in a browser to see a result`);
  return 0;
}
