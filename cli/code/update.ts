/**
 * `figment code NEW.json [--node ID] --update DIR`: generates again with the options DIR's record holds and merges
 * the new code into DIR as the team has edited it (codegen/project/update.ts: three ways, by node-diff3). What changed
 * in the design is printed first; conflicts are listed as file:line and exit 1; `--dry-run` prints the unified diff
 * and writes nothing; the record follows only a finished update; an update from the same design changes no byte.
 */
import { createTwoFilesPatch } from "diff";
import { changeLine, changeSummary, diffDesigns, type DesignChange } from "../../codegen/design/design-diff.js";
import { BASE_DIR, inRecord, RECORD_DIR, RECORD_FILE, type ReadRecord } from "../../codegen/project/record.js";
import { renamedFiles } from "../../codegen/project/renames.js";
import { conflictPlaces, planUpdate, sameFile, type UpdatePlan } from "../../codegen/project/update.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import { FigmentError } from "../../kernel/errors.js";
import { plural } from "../../kernel/plural.js";
import type { CliArgs } from "../common/args.js";
import { reportProblems, withRecord, type LayerNames, type Output, type OutputFolder } from "../common/design-files.js";
import type { RunContext } from "../common/design-files.js";
import { commitUpdate, recoverInterrupted } from "./update-commit.js";
import { readFolderFiles, readFolderRecord } from "./update-folder.js";

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
        (record.source.file ? ` (the code was made from ${record.source.file})` : ""),
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
    types: args.types.length > 0 ? args.types : (o.types ?? []),
    ...(o.breakpoints !== undefined && args.breakpoints === undefined ? { breakpoints: o.breakpoints } : {}),
    ...(o.components !== undefined && args.components === undefined ? { components: o.components } : {}),
    ...(o.codeConnect !== undefined && args.codeConnect === undefined ? { codeConnect: o.codeConnect } : {}),
    ...(o.variables !== undefined && args.variables === undefined ? { variables: o.variables } : {}),
    ...(o.images !== undefined && args.images === undefined ? { images: o.images } : {}),
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
  const given = recordedArgs(args, folder);
  try {
    return await generate(given, io, context);
  } catch (error) {
    throw frameGone(error, folder, dir);
  }
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

/** The record files an update writes: only those that differ, so the same design again changes no byte. */
async function recordWrites(
  dir: string,
  generated: OutputFolder,
  old: ReadRecord,
): Promise<{ writes: SourceFile[]; removes: string[] }> {
  const record = generated.record!;
  const fresh = await withRecord(generated.files, record);
  const paths = fresh.map((f) => f.path);
  const current = await readFolderFiles(dir, paths, new Set(fresh.filter((f) => f.bytes).map((f) => f.path)));
  // record.json keeps its date when nothing else in it changed.
  const recordJson = fresh.find((f) => f.path === RECORD_FILE)!;
  const stamped = JSON.parse(recordJson.content) as { createdAt: string };
  const same = { ...stamped, createdAt: old.record.createdAt };
  const oldText = current.get(RECORD_FILE)?.content;
  if (oldText !== undefined && `${JSON.stringify(same, null, 2)}\n` === oldText) recordJson.content = oldText;
  const writes = fresh.filter((f) => !sameFile(f, current.get(f.path)));
  const kept = new Set(generated.files.map((f) => f.path));
  const removes = [...old.base.keys()].filter((p) => !kept.has(p)).map((p) => `${BASE_DIR}/${p}`);
  return { writes, removes };
}

/** The frames the record names that the new generation lacks (a whole file's frame deleted in Figma). */
function missingFrames(old: ReadRecord, generated: OutputFolder): { id: string; name: string }[] {
  const now = new Set(generated.record?.source.frames.map((f) => f.id) ?? []);
  if (!generated.record?.design) return [];
  return old.record.source.frames.filter((f) => !now.has(f.id));
}

/**
 * The update itself, in place of writing (cli/common/design-files.ts writeFolders calls it under --update): the new
 * generation merged into the folder, the changes said, the conflicts listed (exit 1).
 */
export async function updateFolder(
  folders: OutputFolder[],
  given: Problem[],
  args: CliArgs,
  io: Output,
  more: Record<string, unknown>,
  names: LayerNames,
): Promise<number> {
  const dir = args.update!;
  const generated = folders[0];
  if (folders.length !== 1 || !generated) throw new Error("an update writes one folder");
  const old = await readFolderRecord(dir);
  const gone = missingFrames(old, generated);
  if (gone.length > 0)
    throw new FigmentError(
      "input",
      `the new design has no frame ${gone.map((f) => `${f.id} (“${f.name}”)`).join(", ")}, which ${dir}'s code ` +
        "was made from; nothing was written (name the frames to keep with --node ID)",
    );
  const changes = old.design && generated.record?.design ? diffDesigns(old.design, generated.record.design) : [];
  const theirs = generated.files.filter((f) => !inRecord(f.path));
  const renames = renamedFiles(
    changes,
    [...old.base.keys()],
    theirs.map((f) => f.path),
  );
  const binary = new Set(theirs.filter((f) => f.bytes).map((f) => f.path));
  for (const [path, file] of old.base) if (file.bytes) binary.add(path);
  const ours = await readFolderFiles(dir, [...old.base.keys(), ...theirs.map((f) => f.path)], binary);
  const plan = planUpdate({ base: old.base, ours, theirs, renames });
  const record = await recordWrites(dir, { ...generated, files: theirs }, old);
  const writes = [...plan.writes, ...record.writes];
  const removes = [...plan.removes, ...record.removes];
  const conflicts = conflictPlaces(plan);
  if (args.dryRun) {
    printReport(io, args, { dir, changes, plan, conflicts, given, names, more, dryRun: true });
    if (!args.json) printPatch(io, plan, ours);
    return conflicts.length > 0 ? 1 : 0;
  }
  if (writes.length > 0 || removes.length > 0) await commitUpdate(dir, writes, removes);
  printReport(io, args, { dir, changes, plan, conflicts, given, names, more, dryRun: false });
  return conflicts.length > 0 ? 1 : 0;
}

const OUTCOME_WORDS: Record<string, string> = {
  updated: "updated",
  merged: "merged with your edits",
  conflict: "conflict",
  added: "added",
  removed: "removed",
  kept: "kept (edited; the design no longer has it)",
  yours: "yours (the design left it as it was)",
};

interface Report {
  dir: string;
  changes: DesignChange[];
  plan: UpdatePlan;
  conflicts: string[];
  given: Problem[];
  names: LayerNames;
  more: Record<string, unknown>;
  dryRun: boolean;
}

function printReport(io: Output, args: CliArgs, r: Report): void {
  const files = r.plan.files.filter((f) => f.outcome !== "unchanged" && (f.outcome !== "yours" || f.from));
  const yours = r.plan.files.filter((f) => f.outcome === "yours" && !f.from).length;
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          out: r.dir,
          update: { dryRun: r.dryRun, changes: r.changes, summary: changeSummary(r.changes) },
          files: r.plan.files.filter((f) => f.outcome !== "unchanged"),
          conflicts: r.conflicts,
          problems: r.given,
          ...r.more,
        },
        null,
        2,
      ),
    );
    return;
  }
  io.out(`design changes since ${r.dir}'s code: ${changeSummary(r.changes)}`);
  for (const change of r.changes.slice(0, 200)) io.out(`  ${changeLine(change)}`);
  if (r.changes.length > 200) io.out(`  … and ${r.changes.length - 200} more`);
  const verb = r.dryRun ? "would update" : "updated";
  const kept = yours > 0 ? ` (your edits in ${plural(yours, "file")} left as they are)` : "";
  if (files.length === 0)
    io.out(`${r.dir} is up to date with the design: nothing ${r.dryRun ? "to write" : "written"}${kept}`);
  else io.out(`${verb} ${r.dir}: ${counts(files.map((f) => f.outcome))}${kept}`);
  for (const f of files) {
    const from = f.from !== undefined ? ` (renamed from ${f.from})` : "";
    io.out(`  ${OUTCOME_WORDS[f.outcome] ?? f.outcome}: ${f.path}${from}`);
  }
  reportProblems(r.given, io, args, r.names);
  if (r.conflicts.length === 0) return;
  io.out(`conflicts: ${plural(r.conflicts.length, "place")} where you and the design changed the same lines:`);
  for (const place of r.conflicts) io.out(`  ${place}`);
  io.out("resolve them (keep what is right between <<<<<<< yours and >>>>>>> design), then commit");
}

function counts(outcomes: readonly string[]): string {
  const n = new Map<string, number>();
  for (const o of outcomes) n.set(o, (n.get(o) ?? 0) + 1);
  return [...n].map(([o, k]) => `${k} ${o === "yours" ? "yours" : o}`).join(", ");
}

/** The unified diff an update would make, file by file (`--dry-run`). */
function printPatch(io: Output, plan: UpdatePlan, ours: ReadonlyMap<string, SourceFile>): void {
  for (const file of plan.writes) {
    const before = ours.get(file.path);
    if (file.bytes || before?.bytes) {
      io.out(`Binary file ${file.path} ${before ? "changes" : "is added"}`);
      continue;
    }
    io.out(
      createTwoFilesPatch(
        before ? `a/${file.path}` : "/dev/null",
        `b/${file.path}`,
        before?.content ?? "",
        file.content,
      ).replace(/^=+\n/, ""),
    );
  }
  for (const path of plan.removes) {
    const before = ours.get(path);
    if (before && !before.bytes)
      io.out(createTwoFilesPatch(`a/${path}`, "/dev/null", before.content, "").replace(/^=+\n/, ""));
    else io.out(`Binary file ${path} is removed`);
  }
  if (plan.writes.length === 0 && plan.removes.length === 0)
    io.out(`(no change to the code; ${RECORD_DIR}/ unchanged)`);
}
