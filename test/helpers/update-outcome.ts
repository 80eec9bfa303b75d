/**
 * What an update of an edited folder should have written, worked out on its own from the three folders — base (the
 * old design's generation), ours (base with the user's edits), theirs (the new design's fresh generation) — and held
 * against what `figment code NEW --update DIR` wrote: each file the new generation plus the user's edits, or conflict
 * markers the output lists, and those only where a hunk of the user's and one of the design's touch the same lines
 * (node-diff3's diffIndices, in base's lines). Pure: bench/update.ts uses it, update-outcome.test.ts checks it.
 */
import { diffIndices, merge } from "node-diff3";
import type { SourceFile } from "../../codegen/types.js";

export interface ConflictFile {
  path: string;
  /** Conflict markers (`<<<<<<< `) in the written file. */
  conflicts: number;
  /** Whether the command's output names the file. */
  listed: boolean;
  /** The user's hunks that touch lines a hunk of the design's touches: places a conflict may be. */
  overlaps: number;
}

export interface UpdateOutcome {
  /** Paths that should hold a clean result (the new generation, the user's file, or both merged). */
  expected: number;
  /** Of those, the ones written exactly so. */
  equal: number;
  /** Of the equal, those git's merge (node-diff3) calls a conflict: both sides' hunks on neighbouring lines. */
  neighbours: number;
  /** Paths written otherwise (or missing, or there when they should be gone). */
  unequal: string[];
  conflictFiles: ConflictFile[];
  /** Conflicts that no overlap of the user's and the design's hunks explains (falseConflictsIn). */
  falseConflicts: number;
}

const MARKER = /^<<<<<<< /;

/**
 * The hunks of `a` → `b` as [start, end) ranges of a's lines ([s, s): an insertion before line s). A hunk that
 * replaces lines one for one is taken line by line, as a reader of a diff would (the diff joins neighbouring changed
 * lines): two lines each side rewrote are two places, not one.
 */
function hunks(a: string, b: string): [number, number][] {
  const base = a.split("\n");
  return diffIndices(base, b.split("\n")).flatMap((h): [number, number][] => {
    const [start, length] = h.buffer1;
    if (length < 2 || h.buffer2Content.length !== length) return [[start, start + length]];
    return h.buffer2Content.flatMap((line, i): [number, number][] =>
      line === base[start + i] ? [] : [[start + i, start + i + 1]],
    );
  });
}

/** Whether two hunks touch the same lines: a base line both change, one place both insert at, one inside the other. */
function sameLines([s1, e1]: [number, number], [s2, e2]: [number, number]): boolean {
  if (s1 === e1 && s2 === e2) return s1 === s2;
  if (s1 === e1) return s1 > s2 && s1 < e2;
  if (s2 === e2) return s2 > s1 && s2 < e1;
  return s1 < e2 && s2 < e1;
}

/** The user's hunks that touch the same lines as one of the design's (lines beside each other do not). */
export function overlappingHunks(base: string, ours: string, theirs: string): number {
  const design = hunks(base, theirs);
  return hunks(base, ours).filter((mine) => design.some((d) => sameLines(mine, d))).length;
}

/**
 * Whether `to` is `from` changed only as `by` changed its base: every line `to` adds to `from` is one `by` wrote,
 * every line it drops one `by` dropped. Held both ways (updated against theirs with the user's changes, against ours
 * with the design's), it says the updated file is the new generation plus the user's edits, whatever order a merge
 * put neighbouring hunks in.
 */
export function onlyChanges(from: string, to: string, base: string, by: string): boolean {
  const made = diffIndices(base.split("\n"), by.split("\n"));
  const wrote = new Set(made.flatMap((h) => h.buffer2Content));
  const dropped = new Set(made.flatMap((h) => h.buffer1Content));
  return diffIndices(from.split("\n"), to.split("\n")).every(
    (h) => h.buffer2Content.every((l) => wrote.has(l)) && h.buffer1Content.every((l) => dropped.has(l)),
  );
}

/** Each conflict of a written file: the lines on the user's side and on the design's. */
export function conflictBlocks(text: string): { yours: string[]; design: string[] }[] {
  const blocks: { yours: string[]; design: string[] }[] = [];
  let side: "none" | "yours" | "base" | "design" = "none";
  for (const line of text.split("\n")) {
    if (MARKER.test(line)) {
      blocks.push({ yours: [], design: [] });
      side = "yours";
    } else if (side !== "none" && line.startsWith("||||||| ")) side = "base";
    else if (side !== "none" && line === "=======") side = "design";
    else if (side !== "none" && line.startsWith(">>>>>>> ")) side = "none";
    else if (side === "yours" || side === "design") blocks.at(-1)![side].push(line);
  }
  return blocks;
}

/**
 * The conflicts of a written file that no overlap explains: a block is explained where its user's side holds a line
 * the user wrote (or is empty, the user having deleted lines) and its design's side a line the design wrote (or is
 * empty, likewise), and there are no more explained blocks than overlapping hunks.
 */
function falseConflictsIn(text: string, base: string, ours: string, theirs: string): number {
  const written = (a: string, b: string): { lines: Set<string>; deletes: boolean } => {
    const found = diffIndices(a.split("\n"), b.split("\n"));
    return { lines: new Set(found.flatMap((h) => h.buffer2Content)), deletes: found.some((h) => h.buffer2[1] === 0) };
  };
  const mine = written(base, ours);
  const design = written(base, theirs);
  const side = (lines: string[], by: { lines: Set<string>; deletes: boolean }): boolean =>
    lines.some((l) => by.lines.has(l)) || (lines.length === 0 && by.deletes);
  const blocks = conflictBlocks(text);
  const explained = blocks.filter((b) => side(b.yours, mine) && side(b.design, design)).length;
  return blocks.length - explained + Math.max(0, explained - overlappingHunks(base, ours, theirs));
}

/** A clean three-way merge of one file's text, or undefined where both sides changed the same lines. */
export function cleanMerge(base: string, ours: string, theirs: string): string | undefined {
  const merged = merge(ours.split("\n"), base.split("\n"), theirs.split("\n"), { excludeFalseConflicts: true });
  return merged.conflict ? undefined : merged.result.join("\n");
}

/** What a path should hold after the update: its text, undefined for gone, "conflict" where lines clash. */
function expectedAt(
  path: string,
  base: ReadonlyMap<string, string>,
  ours: ReadonlyMap<string, string>,
  theirs: ReadonlyMap<string, string>,
): string | undefined | "conflict" {
  const [was, mine, now] = [base.get(path), ours.get(path), theirs.get(path)];
  if (was === undefined) {
    // New on one side: the user's own file stays; the design's new one is written (both: a conflict from nothing).
    if (mine !== undefined && now !== undefined) return mine === now ? now : "conflict";
    return mine ?? now;
  }
  if (mine === undefined) return undefined; // deleted by the user: not forced back
  if (now === undefined) return mine === was ? undefined : mine; // gone from the design: removed unless edited
  if (mine === was) return now;
  if (was === now) return mine;
  return cleanMerge(was, mine, now) ?? "conflict";
}

/** The update's written folder (`updated`, the record's folder left out) against what it should hold. */
export function updateOutcome(input: {
  base: readonly SourceFile[];
  ours: readonly SourceFile[];
  theirs: readonly SourceFile[];
  updated: readonly SourceFile[];
  /** What the command printed (stdout and stderr): where conflicts are listed. */
  output: string;
}): UpdateOutcome {
  const text = (files: readonly SourceFile[]) => new Map(files.filter((f) => !f.bytes).map((f) => [f.path, f.content]));
  const [base, ours, theirs, updated] = [input.base, input.ours, input.theirs, input.updated].map(text) as [
    Map<string, string>,
    Map<string, string>,
    Map<string, string>,
    Map<string, string>,
  ];
  const paths = [...new Set([...base.keys(), ...ours.keys(), ...theirs.keys(), ...updated.keys()])].sort();
  const outcome: UpdateOutcome = {
    expected: 0,
    equal: 0,
    neighbours: 0,
    unequal: [],
    conflictFiles: [],
    falseConflicts: 0,
  };
  for (const path of paths) {
    const want = expectedAt(path, base, ours, theirs);
    const got = updated.get(path);
    const conflicts = got?.split("\n").filter((line) => MARKER.test(line)).length ?? 0;
    if (conflicts > 0) {
      const overlaps = overlappingHunks(base.get(path) ?? "", ours.get(path) ?? "", theirs.get(path) ?? "");
      outcome.conflictFiles.push({ path, conflicts, listed: input.output.includes(path), overlaps });
      outcome.falseConflicts += falseConflictsIn(
        got!,
        base.get(path) ?? "",
        ours.get(path) ?? "",
        theirs.get(path) ?? "",
      );
      continue;
    }
    outcome.expected++;
    const [was, mine, now] = [base.get(path), ours.get(path), theirs.get(path)];
    // Beside git's merge, one that applies hunks on neighbouring lines of both sides (codegen/project/update.ts).
    const both =
      got !== undefined &&
      was !== undefined &&
      mine !== undefined &&
      now !== undefined &&
      onlyChanges(now, got, was, mine) &&
      onlyChanges(mine, got, was, now);
    if (got === want && want !== "conflict") outcome.equal++;
    else if (both) {
      outcome.equal++;
      outcome.neighbours++;
    } else outcome.unequal.push(path);
  }
  return outcome;
}

/** Paths whose bytes differ between two folders (one side missing counts), in order. */
export function differentFiles(a: readonly SourceFile[], b: readonly SourceFile[]): string[] {
  const bytes = (f: SourceFile): Uint8Array => f.bytes ?? new TextEncoder().encode(f.content);
  const left = new Map(a.map((f) => [f.path, bytes(f)]));
  const right = new Map(b.map((f) => [f.path, bytes(f)]));
  const same = (x: Uint8Array | undefined, y: Uint8Array | undefined): boolean =>
    x !== undefined && y !== undefined && x.length === y.length && x.every((byte, i) => byte === y[i]);
  return [...new Set([...left.keys(), ...right.keys()])]
    .sort()
    .filter((path) => !same(left.get(path), right.get(path)));
}
