/**
 * What the code commands share: reading the design (codegen's errors are input errors: exit 2), the options from
 * the arguments, writing files under --out and reporting problems: the commands' folders (cli/code/,
 * cli/frames/, cli/batch/ …) all use it.
 */
import { basename, relative, sep } from "node:path";
import { loadDesign, type CodeOptions, type FileSet, type LoadedDesign } from "../../codegen/index.js";
import { readVariablesReply } from "../../codegen/tokens/variables-reply.js";
import { starterProject } from "../../codegen/scaffold/vue-project.js";
import type { Problem } from "../../codegen/types.js";
import type { CliArgs } from "./args.js";
import type { DesignVariables } from "../../codegen/design/extras.js";
import { missingImageFiles, readImagesDir } from "./images-dir.js";
import { checkOutDir, readDesignJson, readText, writeFilesUnder } from "./io.js";
import { defaultOutDir, otherTargetFiles } from "./out-dir.js";
import { plural } from "../../kernel/plural.js";
import { RECORD_DIR } from "../../codegen/project/record.js";
import { folderRecord, withRecord, type Made } from "./project-record.js";
export { withRecord } from "./project-record.js";
import { FigmentError, isFigmentError } from "../../kernel/errors.js";

export type { Output } from "./output.js";

export { CANCELLED, type Outcome, type RunContext } from "./run-context.js";

export function requireInput(args: CliArgs): string {
  if (!args.input)
    throw new FigmentError("input", `${args.command} needs a design file: figment ${args.command} <design.json>`);
  return args.input;
}

/**
 * <design.json> as every command reads it (cli/common/io.ts readDesignJson: a byte-order mark, UTF-16, a trailer, a
 * fragment, a wrapper are read), each repair said as a note on stderr.
 */
export function readDesign(path: string, io?: Pick<Output, "err">): Promise<unknown> {
  return readDesignJson(path, io ? (text) => io.err(`figment: ${text}`) : undefined);
}

/** A whole file converts what `figment frames` lists: its top-level frames, not a page's loose shapes. */
export const WHOLE_FILE = { topLevel: "frames" } as const;

/** The design from <design.json>, with the image bytes of --images DIR (a fill without its file is a problem). */
export async function load(args: CliArgs, io?: Pick<Output, "err">): Promise<LoadedDesign> {
  const json = await readDesign(requireInput(args), io);
  const variables = args.variables !== undefined ? await readVariables(args.variables) : undefined;
  const images = args.images !== undefined ? await readImagesDir(args.images, json) : undefined;
  const design = loadDesign(
    json,
    args.nodes,
    { ...(images ? { images } : {}), ...(variables ? { variables } : {}) },
    WHOLE_FILE,
  );
  if (images === undefined || args.images === undefined) return design;
  return { ...design, problems: [...design.problems, ...missingImageFiles(design.document, images, args.images)] };
}

/** The --variables file, or a usage error that names it and what is wrong. */
export async function readVariables(path: string): Promise<DesignVariables> {
  let json: unknown;
  try {
    json = JSON.parse(await readText(path));
  } catch (error) {
    if (isFigmentError(error)) throw error;
    throw new FigmentError("input", `--variables ${path} is not valid JSON (${(error as Error).message})`);
  }
  try {
    return readVariablesReply(json);
  } catch (error) {
    if (isFigmentError(error, "input")) throw new FigmentError("input", `--variables ${path}: ${error.message}`);
    throw error;
  }
}

export { formatProblem, reportProblems, type LayerNames } from "./problems-report.js";
import type { LayerNames } from "./problems-report.js";
import { reportProblems } from "./problems-report.js";
import type { Output } from "./output.js";

export function codeOptions(args: CliArgs): CodeOptions {
  return {
    target: args.target,
    styling: args.styling,
    nodeIds: args.nodeIds,
    ...(args.exactLayout ? { layout: "exact" as const } : {}),
  };
}

export type { OutputFolder } from "./project-record.js";
import type { OutputFolder } from "./project-record.js";

/** What names the default folder of a run: its one frame, else the design (or hint) file. */
export function runName(args: CliArgs, frames: readonly { name: string }[]): string {
  if (frames.length === 1) return frames[0]!.name;
  const file = args.input ?? args.fromHint ?? "design";
  return basename(file).replace(/\.(file|nodes)?\.?(json|txt)$/i, "") || "design";
}

/** The folder a run's code goes to: --out, else ./figment-out/<name>/<target> (cli/common/out-dir.ts). */
export function outDirFor(args: CliArgs, name: string): string {
  return args.out ?? defaultOutDir(name, args.target);
}

/**
 * Writes the files under --out, or ./figment-out/<name>/<target> without it (with --project, inside the runnable
 * project the plugin's zip holds; `name` names its package and page, and the default folder), and reports them
 * (plain or --json, where `more` adds fields after these); `names` names the layers the problems point at.
 */
export async function emitAndWrite(
  result: FileSet,
  extraProblems: Problem[],
  args: CliArgs,
  io: Output,
  more: Record<string, unknown> = {},
  name = "design",
  names: LayerNames = new Map(),
  made: Made = {},
): Promise<number> {
  const dir = outDirFor(args, name);
  const files = args.project
    ? starterProject(result.files, { target: args.target, styling: args.styling, name, kind: args.projectKind })
    : result.files;
  const folder = { dir, files, record: folderRecord(args, made) };
  return writeFolders([folder], [...extraProblems, ...result.problems], args, io, more, dir, names);
}

/**
 * Writes each folder (refusing, before anything is written, a folder that cannot be one) and reports what was
 * written where: plain, a block per folder; --json, one document whose paths are relative to `root`.
 */
export async function writeFolders(
  folders: OutputFolder[],
  given: Problem[],
  args: CliArgs,
  io: Output,
  more: Record<string, unknown>,
  root: string,
  names: LayerNames = new Map(),
): Promise<number> {
  if (args.update !== undefined) {
    const { updateFolder } = await import("./update-write.js");
    return updateFolder(folders, given, args, io, more, names);
  }
  for (const folder of folders) await checkOutDir(folder.dir);
  for (const folder of folders) await warnOtherTarget(folder, args, io);
  const all = [...given];
  const report: { path: string; bytes: number }[] = [];
  for (const folder of folders) {
    const { written, problems: writeProblems } = await writeFilesUnder(folder.dir, [
      ...folder.files,
      ...(folder.record ? await withRecord(folder.files, folder.record) : []),
    ]);
    all.push(...writeProblems);
    const prefix = relative(root, folder.dir).split(sep).join("/");
    for (const f of folder.files)
      report.push({
        path: prefix ? `${prefix}/${f.path}` : f.path,
        bytes: f.bytes?.length ?? Buffer.byteLength(f.content),
      });
    if (args.json) continue;
    const code = written.length - (folder.record ? written.filter(inRecordFolder).length : 0);
    io.out(`wrote ${plural(code, "file")} to ${folder.dir}${folder.record ? ` (and its record, ${RECORD_DIR}/)` : ""}`);
    for (const f of folder.files) io.out(`  ${f.path}`);
  }
  // Frames converted one by one repeat the file's notes (a font's, a token's): each is said once.
  const problems = [
    ...new Map(all.map((p) => [JSON.stringify([p.severity, p.code, p.message, p.nodeId, p.file, p.line]), p])).values(),
  ];
  if (args.json) {
    io.out(JSON.stringify({ out: root, files: report, problems, ...more }, null, 2));
    return 0;
  }
  reportProblems(problems, io, args, names);
  if (args.project && args.target === "react")
    for (const folder of folders) io.out(`run it: cd ${folder.dir} && npm install && npm run dev`);
  return 0;
}

function inRecordFolder(path: string): boolean {
  return path.split(sep).includes(RECORD_DIR);
}

/** Said before writing: files of the other target already in the folder, which this run leaves beside its own. */
async function warnOtherTarget(folder: OutputFolder, args: CliArgs, io: Output): Promise<void> {
  const other = await otherTargetFiles(
    folder.dir,
    args.target,
    folder.files.map((f) => f.path),
  );
  if (other.length === 0) return;
  const shown = other.slice(0, 3).join(", ") + (other.length > 3 ? ", …" : "");
  const was = args.target === "html" ? "react" : "html";
  io.err(
    `figment: warning: ${folder.dir} already holds ${plural(other.length, "file")} ` +
      `of a --target ${was} run (${shown}), which this run leaves beside its ` +
      `${args.target} files; empty the folder or name another --out to keep them apart`,
  );
}
