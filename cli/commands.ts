/** The `figment` subcommands. Each returns its exit code (0 done, 1 nothing found); bad input throws UsageError (exit 2). */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCode, loadDesign, modelHint, parseHint } from "../codegen/index.js";
import { layerNamesById } from "../codegen/design/layer-label.js";
import { layerBounds } from "../codegen/design/normalize.js";
import type { FidelityScore } from "../codegen/fidelity/types.js";
import { agree, plural } from "../codegen/plural.js";
import { countNodes } from "../codegen/rest/reply.js";
import { topLevelFrames } from "../codegen/rest/top-frames.js";
import { projectFiles } from "../codegen/scaffold/project-files.js";
import type { CliArgs } from "./args.js";
import { componentOptions, readComponentsInput } from "./components-map.js";
import { asUsage, codeOptions, emitAndWrite, load, readDesign, requireInput, runName, writeFolders, type Output, type OutputFolder, type RunContext } from "./design-files.js";
import { loadForCode } from "./figma-extras.js";
import { checkOutDir, readText, UsageError, writeFilesUnder } from "./io.js";
import { DEFAULT_OUT_ROOT, frameFolders } from "./out-dir.js";

export type { Output, RunContext } from "./design-files.js";

export async function framesCommand(args: CliArgs, io: Output): Promise<number> {
  const json = await readDesign(requireInput(args), io);
  const frames = asUsage(() => topLevelFrames(json));
  // A frame without a box (none, or not numbers) has no size to list: null in --json, "?×?" and a note in the table.
  const rows = frames.map(({ node, page, sections, converted }) => {
    const box = layerBounds(node);
    const where = [page, ...sections].filter(Boolean).join(" › ");
    const skipped = node["visible"] === false ? "hidden" : !(node.children ?? []).some((c) => c["visible"] !== false) ? "without visible layers" : undefined;
    return { id: node.id, name: node.name, type: node.type, page, sections, where, converted, width: box ? Math.round(box.width) : null, height: box ? Math.round(box.height) : null, nodes: countNodes(node), skipped };
  });
  if (args.json) {
    io.out(JSON.stringify({ frames: rows.map(({ where: _where, skipped: _skipped, ...row }) => row) }, null, 2));
    return rows.length === 0 ? 1 : 0;
  }
  if (rows.length === 0) {
    io.err("no top-level frames (frames, components, sections) in the design");
    return 1;
  }
  const short = (name: string): string => (name.length > 60 ? `${name.slice(0, 59)}…` : name).replace(/\s+/g, " ");
  // The page column only when the reply has pages: a nodes or export reply carries none.
  const paged = rows.some((r) => r.where !== "");
  for (const r of rows) io.out([r.id, ...(paged ? [short(r.where) || "-"] : []), short(r.name), r.type, `${r.width ?? "?"}×${r.height ?? "?"}`, plural(r.nodes, "node")].join("\t"));
  const unbounded = rows.filter((r) => r.width === null).length;
  if (unbounded > 0) io.err(`figment: note: ${plural(unbounded, "frame")} ${agree(unbounded, "has", "have")} no bounds (listed as ?×?): figment code skips ${agree(unbounded, "it", "them")}`);
  // What figment code will skip besides, said here so the two counts agree.
  const skipped = ["hidden", "without visible layers"].flatMap((why) => {
    const these = rows.filter((r) => r.converted && r.width !== null && r.skipped === why);
    return these.length === 0 ? [] : [`${these.length} ${why} (${these.slice(0, 3).map((r) => short(r.name)).join(", ")}${these.length > 3 ? ", …" : ""})`];
  });
  if (skipped.length > 0) io.err(`figment: note: figment code skips ${skipped.join(" and ")}`);
  return 0;
}

export async function hintsCommand(args: CliArgs, io: Output): Promise<number> {
  const design = await load(args, io);
  io.out(modelHint(design.document, args.exactLayout ? "exact" : "responsive").trimEnd());
  return 0;
}

export async function codeCommand(args: CliArgs, io: Output, context: RunContext = {}): Promise<number> {
  // Checked before any work (a model's answer costs money): --out must be a folder, or become one.
  if (args.out !== undefined) await checkOutDir(args.out);
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
    return emitAndWrite(await generateCode(document, codeOptions(args)), [], args, io, {}, runName(args, document.frames), layerNamesById(document));
  }
  const { requireChromium, scoreDocument, printScores } = await import("./code-score.js");
  if (args.score) requireChromium();
  const components = await readComponentsInput(args);
  const design = await loadForCode(args, io, context);
  const options = { ...codeOptions(args), ...componentOptions(components) };
  const problems = [...components.problems, ...design.problems];
  const frames = design.document.frames;
  const name = runName(args, design.roots);
  const score = async (): Promise<FidelityScore[]> => scoreDocument(design.document, design.roots, codeOptions(args));
  // Without --out, a whole file's frames go one folder each (figment-out/<frame>/<target>), each converted alone.
  const write = async (more: Record<string, unknown>): Promise<number> => {
    if (args.out !== undefined || frames.length === 1) return emitAndWrite(await generateCode(design.document, options), problems, args, io, more, name, design.layerNames);
    const names = frames.map((f) => design.roots.find((r) => r.id === f.id)?.name ?? f.name);
    const folders: OutputFolder[] = [];
    for (const [i, folder] of frameFolders(names).entries()) {
      const result = await generateCode({ ...design.document, frames: [frames[i]!] }, options);
      problems.push(...result.problems);
      const files = args.project ? projectFiles(result.files, { target: args.target, styling: args.styling, name: names[i]! }) : result.files;
      folders.push({ dir: join(DEFAULT_OUT_ROOT, folder, args.target), files });
    }
    return writeFolders(folders, problems, args, io, more, DEFAULT_OUT_ROOT, design.layerNames);
  };
  if (!args.score) return write({});
  // --json is one document, so its scores come first; plain output writes the files, then measures them.
  if (args.json) return write({ score: await score() });
  const code = await write({});
  printScores(await score(), io);
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
  const out = args.out ?? DEFAULT_OUT_ROOT;
  await checkOutDir(out);
  const fixtures = fileURLToPath(new URL("../test/fixtures/figma/", import.meta.url));
  for (const sample of DEMO_SAMPLES) {
    const design = loadDesign(await readDesign(join(fixtures, sample), io));
    const name = sample.replace(/\.(file|nodes)\.json$/, "");
    for (const target of ["react", "html"] as const) {
      const result = await generateCode(design.document, { target, styling: "css-modules", nodeIds: false });
      const dir = join(out, name, target);
      const { written } = await writeFilesUnder(dir, result.files);
      const serious = result.problems.filter((p) => p.severity === "error").length;
      io.out(`${name} → ${dir}: ${written.length} files (${result.files.map((f) => f.path).join(", ")})${serious ? `, ${serious} errors` : ""}`);
    }
    const hintPath = join(out, name, "hint.txt");
    await writeFilesUnder(join(out, name), [{ path: "hint.txt", content: modelHint(design.document) }]);
    io.out(`${name} → ${hintPath}: model hint`);
  }
  io.out(`open ${join(out, DEMO_SAMPLES[0]!.replace(/\.(file|nodes)\.json$/, ""), "html", "index.html")} in a browser to see a result`);
  return 0;
}
