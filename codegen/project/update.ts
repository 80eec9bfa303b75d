/**
 * An update of generated code the team has edited: three files per path — base (the record's copy of what was
 * generated), ours (the folder now), theirs (the new generation) — merged line by line by node-diff3, git's way:
 * where only one side changed a region it wins; where both changed the same (or touching) lines, both are kept
 * between conflict markers. A file the user did not touch becomes the new generation; a file the user added is not
 * looked at; a generated file the new design no longer has is removed when untouched and kept (and listed) when
 * edited; a file renamed with its component (codegen/project/renames.ts) moves, merged. Pure: the CLI reads and
 * writes the folder (cli/code/update.ts).
 */
import { diff3Merge, diffIndices } from "node-diff3";
import type { SourceFile } from "../types.js";

/** How one path fares in an update. */
export type FileOutcome =
  /** Nothing to do: the folder already holds the new generation's file. */
  | "unchanged"
  /** Untouched by the user: the new generation replaces it. */
  | "updated"
  /** Both changed, merged without conflict. */
  | "merged"
  /** Both changed the same lines: written with conflict markers. */
  | "conflict"
  /** New in the design: written. */
  | "added"
  /** Gone from the design and untouched: removed. */
  | "removed"
  /** Gone from the design but edited: left in place. */
  | "kept"
  /** Edited by the user only: left as it is. */
  | "yours";

export interface FileUpdate {
  path: string;
  outcome: FileOutcome;
  /** Where a renamed component's file was before. */
  from?: string;
  /** 1-based lines of each conflict's first marker in the written file. */
  conflicts?: number[];
}

export interface UpdatePlan {
  /** Files to write (new content), in the new generation's order. */
  writes: SourceFile[];
  /** Paths to delete. */
  removes: string[];
  /** Every path of base or theirs, with what happens to it. */
  files: FileUpdate[];
  /** The new record's base: the new generation exactly. */
  base: SourceFile[];
}

export interface UpdateInput {
  /** The record's files as generated, by path. */
  base: ReadonlyMap<string, SourceFile>;
  /** The folder's files now, for the paths of base and theirs (a path missing here is not in the folder). */
  ours: ReadonlyMap<string, SourceFile>;
  /** The new generation. */
  theirs: readonly SourceFile[];
  /** Renamed files: old path → new path (the component a file is named after was renamed in Figma). */
  renames?: ReadonlyMap<string, string>;
}

/** The labels on conflict markers: `<<<<<<< yours` … `>>>>>>> design`. */
export const CONFLICT_LABELS = { a: "yours", b: "design" } as const;

export function sameFile(a: SourceFile | undefined, b: SourceFile | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.bytes || b.bytes) {
    const x = a.bytes ?? new TextEncoder().encode(a.content);
    const y = b.bytes ?? new TextEncoder().encode(b.content);
    return x.length === y.length && x.every((byte, i) => byte === y[i]);
  }
  return a.content === b.content;
}

/** A text's lines without the line break that ends it (said apart), so a conflict never swallows the last one. */
function lines(text: string): { lines: string[]; ends: boolean } {
  const ends = text.endsWith("\n");
  const body = ends ? text.slice(0, -1) : text;
  return { lines: body === "" && !ends ? [] : body.split("\n"), ends };
}

interface Hunk {
  /** Where in the base it starts and how many base lines it replaces (0: an insertion before `start`). */
  start: number;
  length: number;
  lines: string[];
}

function hunks(base: string[], side: string[]): Hunk[] {
  return diffIndices(base, side).map((d) => ({ start: d.buffer1[0], length: d.buffer1[1], lines: d.buffer2Content }));
}

/** Two hunks clash when they change a base line in common, or insert at one place, or one inserts inside the other. */
function clash(x: Hunk, y: Hunk): boolean {
  const xEnd = x.start + x.length;
  const yEnd = y.start + y.length;
  if (x.length === 0 && y.length === 0) return x.start === y.start;
  if (x.length === 0) return x.start > y.start && x.start < yEnd;
  if (y.length === 0) return y.start > x.start && y.start < xEnd;
  return x.start < yEnd && y.start < xEnd;
}

/**
 * A region node-diff3 calls a conflict because the two sides' changes touch (diff3 joins changes with no unchanged
 * line between them) when, hunk by hunk, neither changes a line the other changes: both applied, each where it was
 * made (an insertion before a change that starts at its place). Undefined when they truly overlap.
 */
function bothApplied(base: string[], ours: string[], theirs: string[]): string[] | undefined {
  const mine = hunks(base, ours);
  const design = hunks(base, theirs);
  if (mine.some((m) => design.some((d) => clash(m, d)))) return undefined;
  const all = [...mine, ...design].sort((x, y) => x.start - y.start || x.length - y.length);
  const out: string[] = [];
  let at = 0;
  for (const hunk of all) {
    out.push(...base.slice(at, hunk.start), ...hunk.lines);
    at = Math.max(at, hunk.start + hunk.length);
  }
  out.push(...base.slice(at));
  return out;
}

/**
 * Three texts merged by node-diff3 (git's rules; a change both sides made alike is no conflict), touching changes
 * that change no line in common applied both; the 1-based lines where the conflicts left start in the result.
 */
export function mergeText(base: string, ours: string, theirs: string): { text: string; conflicts: number[] } {
  const o = lines(base);
  const a = lines(ours);
  const b = lines(theirs);
  const regions = diff3Merge(a.lines, o.lines, b.lines, { excludeFalseConflicts: true });
  const out: string[] = [];
  const conflicts: number[] = [];
  for (const region of regions) {
    if (region.ok) {
      out.push(...region.ok);
      continue;
    }
    const c = region.conflict!;
    const merged = bothApplied(c.o, c.a, c.b);
    if (merged) {
      out.push(...merged);
      continue;
    }
    conflicts.push(out.length + 1);
    out.push(`<<<<<<< ${CONFLICT_LABELS.a}`, ...c.a, "=======", ...c.b, `>>>>>>> ${CONFLICT_LABELS.b}`);
  }
  // The last line break: as the side that changed it has it (the design's when neither did).
  const ends = a.ends !== o.ends ? a.ends : b.ends;
  const text = out.join("\n");
  return { text: ends && out.length > 0 ? `${text}\n` : text, conflicts };
}

/** One path whose file exists in base and theirs (at `path`, or renamed from `from`). */
function updateOne(
  path: string,
  base: SourceFile,
  ours: SourceFile | undefined,
  theirs: SourceFile,
  from: string | undefined,
): { update: FileUpdate; write?: SourceFile } {
  const moved = from !== undefined ? { from } : {};
  // Deleted by the user: the design's new file is not forced back in; listed as theirs to keep.
  if (!ours) return { update: { path, outcome: "yours", ...moved } };
  if (sameFile(ours, theirs) && from === undefined) return { update: { path, outcome: "unchanged" } };
  if (sameFile(ours, base)) return { update: { path, outcome: "updated", ...moved }, write: theirs };
  if (sameFile(base, theirs)) {
    // The design left this file as it was: the user's edits stand (a renamed file moves with them).
    return from !== undefined
      ? { update: { path, outcome: "yours", ...moved }, write: { ...ours, path } }
      : { update: { path, outcome: "yours" } };
  }
  if (ours.bytes || base.bytes || theirs.bytes) {
    // A picture both replaced: theirs cannot be merged into it; the user's stays, listed as a conflict.
    return { update: { path, outcome: "conflict", ...moved, conflicts: [] } };
  }
  const merged = mergeText(base.content, ours.content, theirs.content);
  const outcome = merged.conflicts.length > 0 ? "conflict" : "merged";
  return {
    update: { path, outcome, ...moved, ...(merged.conflicts.length > 0 ? { conflicts: merged.conflicts } : {}) },
    write: { path, content: merged.text },
  };
}

/**
 * What an update does to a folder: each path of the new generation and of the base, in that order. Renamed files
 * are merged at their new path and their old one is removed.
 */
export function planUpdate(input: UpdateInput): UpdatePlan {
  const { base, ours, theirs } = input;
  const renames = input.renames ?? new Map<string, string>();
  const renamedFrom = new Map([...renames].map(([from, to]) => [to, from]));
  const theirPaths = new Set(theirs.map((f) => f.path));
  const writes: SourceFile[] = [];
  const removes: string[] = [];
  const files: FileUpdate[] = [];
  for (const file of theirs) {
    const from = renamedFrom.get(file.path);
    const was = base.get(from ?? file.path);
    const mine = ours.get(from ?? file.path);
    if (!was) {
      const there = ours.get(file.path);
      if (sameFile(there, file)) files.push({ path: file.path, outcome: "unchanged" });
      else if (!there) {
        files.push({ path: file.path, outcome: "added" });
        writes.push(file);
      } else {
        // The user made a file of this name, and now the design has one: both kept, as a conflict from nothing.
        const merged = mergeText("", there.content, file.content);
        files.push({ path: file.path, outcome: "conflict", conflicts: merged.conflicts });
        writes.push({ path: file.path, content: merged.text });
      }
      continue;
    }
    const { update, write } = updateOne(file.path, was, mine, file, from);
    files.push(update);
    if (write) writes.push(write);
    if (from !== undefined && mine && update.outcome !== "conflict") removes.push(from);
    if (from !== undefined && mine && update.outcome === "conflict" && write) removes.push(from);
  }
  for (const [path, was] of base) {
    if (theirPaths.has(path) || renames.has(path)) continue;
    const mine = ours.get(path);
    if (!mine) continue; // gone already
    if (sameFile(mine, was)) {
      files.push({ path, outcome: "removed" });
      removes.push(path);
    } else files.push({ path, outcome: "kept" });
  }
  return { writes, removes, files, base: [...theirs] };
}

/** The conflicts of a plan, `path:line` each, in order. */
export function conflictPlaces(plan: UpdatePlan): string[] {
  return plan.files.flatMap((f) =>
    f.outcome !== "conflict" ? [] : f.conflicts?.length ? f.conflicts.map((line) => `${f.path}:${line}`) : [f.path],
  );
}
