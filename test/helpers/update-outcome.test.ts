/**
 * The bench's own account of an update (update-outcome.ts): what each file should hold, conflicts only where the
 * user's and the design's hunks meet, and a wrong update told apart from a right one.
 */
import { describe, expect, it } from "vitest";
import { mergeText, planUpdate } from "../../codegen/project/update.js";
import type { SourceFile } from "../../codegen/types.js";
import { differentFiles, overlappingHunks, updateOutcome } from "./update-outcome.js";

const lines = (...l: string[]): string => `${l.join("\n")}\n`;
const BASE = lines("a", "b", "c", "d", "e", "f", "g");

/** The folder `planUpdate` (the update's pure part) leaves: ours with its writes and removes applied. */
function applied(base: SourceFile[], ours: SourceFile[], theirs: SourceFile[]): SourceFile[] {
  const plan = planUpdate({
    base: new Map(base.map((f) => [f.path, f])),
    ours: new Map(ours.map((f) => [f.path, f])),
    theirs,
  });
  const folder = new Map(ours.map((f) => [f.path, f]));
  for (const path of plan.removes) folder.delete(path);
  for (const file of plan.writes) folder.set(file.path, file);
  return [...folder.values()];
}

describe("an update's outcome", () => {
  it("counts hunks on the same lines, not those apart or beside each other", () => {
    expect(
      overlappingHunks(BASE, lines("a", "B", "c", "d", "e", "f", "g"), lines("a", "b", "c", "d", "e", "F", "g")),
    ).toBe(0);
    expect(
      overlappingHunks(BASE, lines("a", "B", "c", "d", "e", "f", "g"), lines("a", "b2", "c", "d", "e", "f", "g")),
    ).toBe(1);
    // An insertion right after a changed line is beside it, not on it.
    expect(
      overlappingHunks(BASE, lines("a", "b", "x", "c", "d", "e", "f", "g"), lines("a", "B", "c", "d", "e", "f", "g")),
    ).toBe(0);
  });

  it("finds an update done right: merged, the user's own file kept, the design's new file written", () => {
    const base = [
      { path: "A.tsx", content: BASE },
      { path: "Gone.tsx", content: "x\n" },
    ];
    const ours = [
      { path: "A.tsx", content: lines("a", "// team", "b", "c", "d", "e", "f", "g") },
      { path: "Gone.tsx", content: "x\n" },
      { path: "src/lib/analytics.ts", content: "mine\n" },
    ];
    const theirs = [
      { path: "A.tsx", content: lines("a", "b", "c", "d", "e", "F", "g") },
      { path: "New.tsx", content: "n\n" },
    ];
    const updated = applied(base, ours, theirs);
    const outcome = updateOutcome({ base, ours, theirs, updated, output: "" });
    expect(outcome).toEqual({
      expected: 4,
      equal: 4,
      neighbours: 0,
      unequal: [],
      conflictFiles: [],
      falseConflicts: 0,
    });
    expect(updated.find((f) => f.path === "A.tsx")?.content).toBe(lines("a", "// team", "b", "c", "d", "e", "F", "g"));
    // Changes on neighbouring lines, which git's merge calls a conflict: both applied, and counted as such.
    const beside = [{ path: "A.tsx", content: lines("a", "B (team)", "c", "d", "e", "f", "g") }];
    const design = [{ path: "A.tsx", content: lines("a", "b", "C", "d", "e", "f", "g") }];
    const merged = applied(base.slice(0, 1), beside, design);
    expect(merged[0]?.content).toBe(lines("a", "B (team)", "C", "d", "e", "f", "g"));
    const both = updateOutcome({ base: base.slice(0, 1), ours: beside, theirs: design, updated: merged, output: "" });
    expect(both).toMatchObject({ expected: 1, equal: 1, neighbours: 1, unequal: [] });
  });

  it("tells a conflict where both changed a line from a false one and from an edit overwritten", () => {
    const base = [{ path: "A.tsx", content: BASE }];
    const ours = [{ path: "A.tsx", content: lines("a", "B (team)", "c", "d", "e", "f", "g") }];
    const theirs = [{ path: "A.tsx", content: lines("a", "B", "c", "d", "e", "F", "g") }];
    const right = applied(base, ours, theirs);
    const listed = updateOutcome({ base, ours, theirs, updated: right, output: "conflict: A.tsx:2" });
    expect(listed.conflictFiles).toEqual([{ path: "A.tsx", conflicts: 1, listed: true, overlaps: 1 }]);
    expect(listed.falseConflicts).toBe(0);
    // Markers around lines only one side changed: a false conflict, and not listed.
    const falseOne = mergeText(BASE, lines("a", "b", "c", "d", "e", "f", "g"), BASE).text.replace(
      "f\n",
      "<<<<<<< yours\nf\n=======\nF\n>>>>>>> design\n",
    );
    const noisy = updateOutcome({ base, ours, theirs, updated: [{ path: "A.tsx", content: falseOne }], output: "" });
    expect(noisy.conflictFiles[0]).toMatchObject({ listed: false });
    expect(noisy.falseConflicts).toBe(1);
    // Two neighbouring lines both sides rewrote one for one: two places, a conflict each, none of them false.
    const twoMine = [{ path: "A.tsx", content: lines("a", "B (team)", "C (team)", "d", "e", "f", "g") }];
    const twoDesign = [{ path: "A.tsx", content: lines("a", "B2", "C2", "d", "e", "f", "g") }];
    const perLine = applied(base, twoMine, twoDesign);
    const two = updateOutcome({ base, ours: twoMine, theirs: twoDesign, updated: perLine, output: "A.tsx" });
    expect(two.conflictFiles).toEqual([{ path: "A.tsx", conflicts: 2, listed: true, overlaps: 2 }]);
    expect(two.falseConflicts).toBe(0);
    // The user's edit overwritten by the new generation: the file is not what it should be.
    const overwritten = updateOutcome({
      base,
      ours: [{ path: "A.tsx", content: lines("a", "// team", "b", "c", "d", "e", "f", "g") }],
      theirs,
      updated: theirs,
      output: "",
    });
    expect(overwritten.unequal).toEqual(["A.tsx"]);
  });

  it("says which files differ byte for byte", () => {
    const a = [
      { path: "x", content: "1" },
      { path: "y", content: "2" },
    ];
    expect(
      differentFiles(a, [
        { path: "x", content: "1" },
        { path: "y", content: "3" },
        { path: "z", content: "" },
      ]),
    ).toEqual(["y", "z"]);
    expect(differentFiles(a, [...a].reverse())).toEqual([]);
  });
});
