/**
 * The record of a generated folder (`.figment/`, codegen/project/record.ts) as the CLI makes it: what the run was given
 * (the design file's name, Figma's file key and version, the node ids, the options) and the facts of the frames
 * the folder's code was made from. `figment code --update DIR` generates again from it.
 */
import { basename } from "node:path";
import { factsOfRoots, type DesignFacts } from "../../codegen/design/design-diff.js";
import { pageDrawings } from "../../codegen/design/drawings.js";
import type { LoadedDesign } from "../../codegen/load.js";
import { recordFiles, type RecordOptions, type RecordSource } from "../../codegen/project/record.js";
import type { SourceFile } from "../../codegen/types.js";
import { version } from "../package-file.js";
import type { CliArgs } from "./args.js";

/** What a run's code was made from: the loaded design (absent for code made from a hint). */
export interface Made {
  design?: LoadedDesign;
}

/** What the record of one folder says besides its files. */
export interface FolderRecord {
  source: RecordSource;
  options: RecordOptions;
  design?: DesignFacts;
}

export function recordOptions(args: CliArgs): RecordOptions {
  return {
    target: args.target,
    styling: args.styling,
    nodeIds: args.nodeIds,
    ...(args.exactLayout ? { layout: "exact" as const } : {}),
    ...(args.project ? { project: args.projectKind } : {}),
    ...(args.breakpoints !== undefined ? { breakpoints: args.breakpoints } : {}),
    ...(args.components !== undefined ? { components: args.components } : {}),
    ...(args.codeConnect !== undefined ? { codeConnect: args.codeConnect } : {}),
    ...(args.types.length > 0 ? { types: args.types } : {}),
    ...(args.variables !== undefined ? { variables: args.variables } : {}),
    ...(args.images !== undefined ? { images: args.images } : {}),
    ...(args.assets !== undefined ? { assets: args.assets } : {}),
    ...(args.ai
      ? {
          ai: {
            provider: args.provider,
            ...(args.model !== undefined ? { model: args.model } : {}),
            ...(args.baseUrl !== undefined ? { baseUrl: args.baseUrl } : {}),
            ...(args.instructions !== undefined ? { instructions: args.instructions } : {}),
          },
        }
      : {}),
  };
}

/**
 * The record of a folder holding the code of `frameIds` (every frame of the run when absent): their REST nodes and
 * their other drawings' are the design facts.
 */
export function folderRecord(args: CliArgs, made: Made, frameIds?: readonly string[]): FolderRecord {
  const design = made.design;
  const source: RecordSource = {
    ...(args.input !== undefined ? { file: basename(args.input) } : {}),
    ...(args.fromHint !== undefined ? { hint: basename(args.fromHint) } : {}),
    ...(args.fileKey !== undefined ? { fileKey: args.fileKey } : {}),
    ...(design?.restContext?.version !== undefined ? { version: design.restContext.version } : {}),
    ...(design?.restContext?.lastModified !== undefined ? { lastModified: design.restContext.lastModified } : {}),
    nodes: [...args.nodes],
    frames: [],
  };
  if (!design) return { source, options: recordOptions(args) };
  const frames = design.document.frames.filter((f) => frameIds === undefined || frameIds.includes(f.id));
  const ids = new Set(frames.flatMap((f) => pageDrawings(design.document, f).map((d) => d.id)));
  const roots = design.roots.filter((r) => ids.has(r.id));
  source.frames = frames.map((f) => ({ id: f.id, name: design.roots.find((r) => r.id === f.id)?.name ?? f.name }));
  const options = recordOptions(args);
  if (frameIds !== undefined) {
    // One frame's folder of a whole file: an update generates that frame (with its other drawings: one page).
    source.nodes = [...ids];
    if (ids.size > 1) options.breakpoints = true;
    else delete options.breakpoints;
  }
  const facts = design.restContext ? factsOfRoots(roots, design.restContext) : undefined;
  return { source, options, ...(facts ? { design: facts } : {}) };
}

/** One folder's files: the whole run's, or one frame's (a whole file without --out). */
export interface OutputFolder {
  dir: string;
  files: SourceFile[];
  /** What the files were made from: written beside them as `.figment/` (codegen/project/record.ts). */
  record?: FolderRecord;
}

/** The `.figment/` files of a folder's record (codegen/project/record.ts), stamped with this Figment's version. */
export async function withRecord(files: readonly SourceFile[], record: FolderRecord): Promise<SourceFile[]> {
  const made = { figment: await version(), createdAt: new Date().toISOString(), by: "cli" as const };
  return recordFiles({ ...made, source: record.source, options: record.options }, files, record.design);
}
