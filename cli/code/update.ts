/**
 * `figment code NEW.json [--node ID] --update DIR`: generates again with the options DIR's record holds (this file);
 * the generation's writeFolders then merges the new code into DIR as the team has edited it
 * (cli/common/update-write.ts over codegen/project/update.ts).
 */
import type { ReadRecord } from "../../codegen/project/record.js";
import { FigmentError } from "../../kernel/errors.js";
import type { CliArgs } from "../common/args.js";
import type { Output, RunContext } from "../common/design-files.js";
import { readFolderRecord } from "../common/project-folder.js";
import { recoverInterrupted } from "../common/update-commit.js";

type Generate = (args: CliArgs, io: Output, context: RunContext) => Promise<number>;

/** The arguments of the generation an update runs: the recorded options, DIR as --out. */
export function recordedArgs(args: CliArgs, folder: ReadRecord): CliArgs {
  const { record } = folder;
  const o = record.options;
  const dir = args.update!;
  if (o.ai && !args.ai)
    throw new FigmentError(
      "input",
      `${dir}'s code came from a model (${o.ai.provider}${o.ai.model ? ` ${o.ai.model}` : ""}): add --ai to update ` +
        "it with the model (its new answer is merged like any generation)",
    );
  if (!o.ai && args.ai)
    throw new FigmentError(
      "input",
      `${dir}'s code was generated offline: leave out --ai (a model's answer would replace every line of it)`,
    );
  if (record.source.hint !== undefined && args.fromHint === undefined)
    throw new FigmentError(
      "input",
      `${dir}'s code was made from the hint ${record.source.hint}: give --from-hint FILE`,
    );
  if (record.source.hint === undefined && args.input === undefined)
    throw new FigmentError(
      "input",
      `--update needs the new design: figment code NEW.json --update ${dir}` +
        (record.source.file ? ` (the code was made from ${record.source.file})` : "") +
        ", or --file-key KEY to fetch Figma's current version",
    );
  return {
    ...args,
    out: dir,
    target: o.target,
    styling: o.styling,
    nodeIds: o.nodeIds,
    exactLayout: o.layout === "exact",
    project: o.project !== undefined,
    projectKind: o.project === "nextjs" || o.project === "expo" ? o.project : "vite",
    nodes: args.nodes.length > 0 ? args.nodes : record.source.nodes,
    // Code made with Figma's images and SVGs is updated with them (FIGMA_TOKEN), or its pictures would all change.
    ...(record.source.fileKey !== undefined && args.fileKey === undefined ? { fileKey: record.source.fileKey } : {}),
    types: args.types.length > 0 ? args.types : (o.types ?? []),
    ...(o.breakpoints !== undefined && args.breakpoints === undefined ? { breakpoints: o.breakpoints } : {}),
    ...(o.components !== undefined && args.components === undefined ? { components: o.components } : {}),
    ...(o.codeConnect !== undefined && args.codeConnect === undefined ? { codeConnect: o.codeConnect } : {}),
    ...(o.variables !== undefined && args.variables === undefined ? { variables: o.variables } : {}),
    ...(o.images !== undefined && args.images === undefined ? { images: o.images } : {}),
    ...(o.assets !== undefined && args.assets === undefined ? { assets: o.assets } : {}),
    ...(o.ai && (o.ai.provider === "openai" || o.ai.provider === "openrouter" || o.ai.provider === "custom")
      ? { provider: o.ai.provider }
      : {}),
    ...(o.ai?.baseUrl !== undefined && args.baseUrl === undefined ? { baseUrl: o.ai.baseUrl } : {}),
    ...(o.ai?.model !== undefined && args.model === undefined ? { model: o.ai.model } : {}),
    ...(o.ai?.instructions !== undefined && args.instructions === undefined ? { instructions: o.ai.instructions } : {}),
  };
}

/** `figment code … --update DIR`: the folder's record read (a half-done update undone first), then the generation. */
export async function updateCommand(
  args: CliArgs,
  io: Output,
  context: RunContext,
  generate: Generate,
): Promise<number> {
  const dir = args.update!;
  const folder = await readFolderRecord(dir);
  if (!args.dryRun && (await recoverInterrupted(dir)))
    io.err(`figment: an earlier update of ${dir} was interrupted; the folder is back as it was before it`);
  const fetched = await currentDesign(args, folder, io, context);
  const given = recordedArgs(fetched, folder);
  try {
    return await generate(given, io, context);
  } catch (error) {
    throw frameGone(error, folder, dir);
  }
}

/**
 * Without NEW.json, the design's current version fetched from Figma (GET /v1/files/:key/nodes, the recorded frames):
 * --file-key KEY, or the key the record holds. The reply is kept in a folder of its own for the run's input.
 */
async function currentDesign(args: CliArgs, folder: ReadRecord, io: Output, context: RunContext): Promise<CliArgs> {
  const { source } = folder.record;
  const fileKey = args.fileKey ?? source.fileKey;
  if (args.input !== undefined || source.hint !== undefined || fileKey === undefined) return args;
  const { figmaClientOptions } = await import("./figma-client.js");
  const { fetchDesignJson } = await import("../figma-rest/design-version.js");
  const nodes = args.nodes.length > 0 ? args.nodes : source.nodes;
  io.err(`figma: fetching the current version of ${fileKey}${nodes.length > 0 ? ` (${nodes.join(", ")})` : ""}`);
  const { json } = await fetchDesignJson(figmaClientOptions(args, io, context), fileKey, { nodes });
  const { mkdtemp, writeFile } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const input = join(await mkdtemp(join(tmpdir(), "figment-update-")), `${fileKey}.json`);
  await writeFile(input, JSON.stringify(json));
  return { ...args, input, fileKey };
}

/** A recorded frame the new design lacks, said with its name and what to do; other errors as they were. */
function frameGone(error: unknown, folder: ReadRecord, dir: string): unknown {
  if (!(error instanceof FigmentError)) return error;
  const id = /unknown node id (\S+)/.exec(error.message)?.[1];
  if (id === undefined) return error;
  const frame = folder.record.source.frames.find((f) => f.id === id);
  return new FigmentError(
    "input",
    `the new design has no frame ${id}${frame ? ` (“${frame.name}”)` : ""}, which ${dir}'s code was made from; ` +
      "nothing was written (deleted, or another file? give the frame's id in the new design with --node ID)",
  );
}
