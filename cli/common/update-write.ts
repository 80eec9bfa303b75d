/**
 * An update written: the new generation merged into the folder as the team has edited it (codegen/project/update.ts:
 * three ways, by node-diff3), in place of writing the files (cli/common/design-files.ts writeFolders under --update).
 * What changed in the design is printed first; conflicts are listed as file:line and exit 1; `--dry-run` prints the
 * unified diff and writes nothing; the record follows only a finished update; the same design again changes no byte.
 */
import { createTwoFilesPatch } from "diff";
import { changeLine, changeSummary, diffDesigns, type DesignChange } from "../../codegen/design/design-diff.js";
import { BASE_DIR, inRecord, RECORD_DIR, RECORD_FILE, type ReadRecord } from "../../codegen/project/record.js";
import { renamedFiles } from "../../codegen/project/renames.js";
import { conflictPlaces, planUpdate, sameFile, type UpdatePlan } from "../../codegen/project/update.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import { FigmentError } from "../../kernel/errors.js";
import { plural } from "../../kernel/plural.js";
import type { CliArgs } from "./args.js";
import type { Output } from "./output.js";
import { reportProblems, type LayerNames } from "./problems-report.js";
import { readFolderFiles, readFolderRecord } from "./project-folder.js";
import { type OutputFolder, withRecord } from "./project-record.js";
import { commitUpdate } from "./update-commit.js";

/** The record files an update writes: only those that differ, so the same design again changes no byte. */
async function recordWrites(
  dir: string,
  generated: OutputFolder,
  old: ReadRecord,
): Promise<{ writes: SourceFile[]; removes: string[] }> {
  const record = generated.record!;
  const fresh = await withRecord(generated.files, record);
  const paths = fresh.map((f) => f.path);
  // A record file that cannot be read is written over (its folder's own files were read before: errors said there).
  const current = await readFolderFiles(dir, paths, new Set(fresh.filter((f) => f.bytes).map((f) => f.path)), true);
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
