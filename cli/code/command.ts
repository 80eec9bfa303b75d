/**
 * `figment code`: multi-file code for the frames — offline, from a hint (--from-hint), a vision model's (--ai, its
 * Batch API form with --batch-api), with Figma's images and SVGs (--file-key), measured with --score.
 */
import { join } from "node:path";
import { generateCode } from "../../codegen/index.js";
import { layerNamesById } from "../../codegen/design/layer-label.js";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import { starterProject } from "../../codegen/scaffold/vue-project.js";
import type { CliArgs } from "../common/args.js";
import {
  codeOptions,
  emitAndWrite,
  runName,
  writeFolders,
  type Output,
  type OutputFolder,
  type RunContext,
} from "../common/design-files.js";
import { checkOutDir } from "../common/io.js";
import { DEFAULT_OUT_ROOT, frameFolders } from "../common/out-dir.js";
import { componentOptions, readComponentsInput } from "./components-map.js";
import { loadForCode } from "./figma-extras.js";
import { stopIfAborted } from "../../kernel/cancelled.js";
import { FigmentError } from "../../kernel/errors.js";

const NOTHING_WRITTEN = "cancelled; nothing was written";
import type { CodeOptions, LoadedDesign } from "../../codegen/load.js";
import type { Problem } from "../../codegen/types.js";
import { checkedOptions, LayoutBrowser } from "../measure/layout-check.js";
import { folderRecord } from "../common/project-record.js";
import { readHintDesign } from "../common/hint-assets.js";

export async function codeCommand(args: CliArgs, io: Output, context: RunContext = {}): Promise<number> {
  if (args.update !== undefined) {
    // The folder's record gives the options; the generation below writes nothing but the merged update.
    const { updateCommand } = await import("./update.js");
    await checkOutDir(args.update, "--update");
    return updateCommand(args, io, context, generate);
  }
  // Checked before any work (a model's answer costs money): --out (or ./figment-out) must be a folder, or become one.
  await checkOutDir(args.out ?? DEFAULT_OUT_ROOT, args.out === undefined ? "the output folder" : "--out");
  return generate(args, io, context);
}

/** The code of the design, written (or, under --update, merged) by writeFolders. */
async function generate(args: CliArgs, io: Output, context: RunContext): Promise<number> {
  if (args.ai && args.batchApi) {
    const { codeBatchCommand } = await import("./batch-api.js");
    return codeBatchCommand(args, io, context);
  }
  if (args.ai) {
    const { aiCodeCommand } = await import("./ai.js");
    return aiCodeCommand(args, io, context);
  }
  if (args.fromHint !== undefined) {
    if (args.input) throw new FigmentError("input", "give either <design.json> or --from-hint <hint.txt>, not both");
    const { document, problems } = await readHintDesign(args.fromHint, args.assets);
    return emitAndWrite(
      await generateCode(document, codeOptions(args)),
      problems,
      args,
      io,
      {},
      runName(args, document.frames),
      layerNamesById(document),
    );
  }
  const { requireChromium, scoreDocument, printScores } = await import("./score.js");
  if (args.score) requireChromium();
  const components = await readComponentsInput(args);
  const design = await loadForCode(args, io, context);
  const browser = new LayoutBrowser(context.chromium);
  try {
    // The inferred layout checked in Chromium at each frame's design width first: the files, and the score, are of it.
    context.progress?.(0, 2, "checking the inferred layout");
    const checked = await checkedOptions(design.document, codeOptions(args), browser, io, context.signal);
    context.progress?.(1, 2, "layout checked; generating the files");
    return await writeAndScore(
      args,
      io,
      design,
      { ...checked.options, ...componentOptions(components) },
      {
        ...(context.signal ? { signal: context.signal } : {}),
        problems: [...components.problems, ...design.problems],
        score: () => scoreDocument(design.document, design.roots, checked.options, browser),
        printScores,
      },
    );
  } finally {
    await browser.close();
  }
}

/** Writes the code of `design` (one folder, or one per frame) and, with --score, measures it. */
async function writeAndScore(
  args: CliArgs,
  io: Output,
  design: LoadedDesign,
  options: CodeOptions,
  run: {
    /** Checked before anything is written: a cancel writes nothing. */
    signal?: AbortSignal;
    problems: Problem[];
    score: () => Promise<FidelityScore[]>;
    printScores: (scores: readonly FidelityScore[], io: Output) => void;
  },
): Promise<number> {
  const { problems, score, printScores } = run;
  const frames = design.document.frames;
  const name = runName(args, design.roots);
  // Without --out, a whole file's frames go one folder each (figment-out/<frame>/<target>), each converted alone.
  const write = async (more: Record<string, unknown>): Promise<number> => {
    if (args.out !== undefined || frames.length === 1) {
      const result = await generateCode(design.document, options);
      stopIfAborted(run.signal, NOTHING_WRITTEN);
      return emitAndWrite(result, problems, args, io, more, name, design.layerNames, { design });
    }
    const names = frames.map((f) => design.roots.find((r) => r.id === f.id)?.name ?? f.name);
    const folders: OutputFolder[] = [];
    for (const [i, folder] of frameFolders(names).entries()) {
      stopIfAborted(run.signal, NOTHING_WRITTEN);
      const result = await generateCode({ ...design.document, frames: [frames[i]!] }, options);
      problems.push(...result.problems);
      const files = args.project
        ? starterProject(result.files, {
            target: args.target,
            styling: args.styling,
            name: names[i]!,
            kind: args.projectKind,
          })
        : result.files;
      const record = folderRecord(args, { design }, [frames[i]!.id]);
      folders.push({ dir: join(DEFAULT_OUT_ROOT, folder, args.target), files, record });
    }
    stopIfAborted(run.signal, NOTHING_WRITTEN);
    return writeFolders(folders, problems, args, io, more, DEFAULT_OUT_ROOT, design.layerNames);
  };
  if (!args.score) return write({});
  // --json is one document, so its scores come first; plain output writes the files, then measures them.
  if (args.json) return write({ score: await score() });
  const code = await write({});
  printScores(await score(), io);
  return code;
}
