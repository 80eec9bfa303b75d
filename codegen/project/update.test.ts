import { describe, expect, it } from "vitest";
import type { SourceFile } from "../types.js";
import { conflictPlaces, mergeText, planUpdate } from "./update.js";

const file = (path: string, content: string): SourceFile => ({ path, content });
const map = (...files: SourceFile[]): Map<string, SourceFile> => new Map(files.map((f) => [f.path, f]));
const text = (...lines: string[]): string => `${lines.join("\n")}\n`;

describe("mergeText", () => {
  const base = text("a", "b", "c", "d", "e", "f", "g");

  it("takes each side's change where only one side changed a region", () => {
    const ours = text("a", "B", "c", "d", "e", "f", "g");
    const theirs = text("a", "b", "c", "d", "e", "F", "g");
    expect(mergeText(base, ours, theirs)).toEqual({ text: text("a", "B", "c", "d", "e", "F", "g"), conflicts: [] });
  });

  it("marks a conflict where both changed the same line, at its 1-based line", () => {
    const ours = text("a", "b", "mine", "d", "e", "f", "g");
    const theirs = text("a", "b", "design", "d", "e", "f", "g");
    const merged = mergeText(base, ours, theirs);
    expect(merged.conflicts).toEqual([3]);
    expect(merged.text).toBe(
      text("a", "b", "<<<<<<< yours", "mine", "=======", "design", ">>>>>>> design", "d", "e", "f", "g"),
    );
  });

  it("applies both changes that touch but change no line in common (diff3 alone calls it a conflict)", () => {
    // The user changes b; the design changes c, the next line.
    expect(mergeText(base, text("a", "B", "c", "d", "e", "f", "g"), text("a", "b", "C", "d", "e", "f", "g"))).toEqual({
      text: text("a", "B", "C", "d", "e", "f", "g"),
      conflicts: [],
    });
    // The user appends a rule; the design drops the last lines it followed.
    expect(mergeText(base, text("a", "b", "c", "d", "e", "f", "g", "rule"), text("a", "b", "c", "d"))).toEqual({
      text: text("a", "b", "c", "d", "rule"),
      conflicts: [],
    });
    // The user inserts a line before c; the design changes c.
    expect(
      mergeText(base, text("a", "b", "x", "c", "d", "e", "f", "g"), text("a", "b", "C", "d", "e", "f", "g")),
    ).toEqual({ text: text("a", "b", "x", "C", "d", "e", "f", "g"), conflicts: [] });
  });

  it("keeps a conflict where both insert at one place or one inserts inside what the other replaced", () => {
    expect(
      mergeText(base, text("a", "x", "b", "c", "d", "e", "f", "g"), text("a", "y", "b", "c", "d", "e", "f", "g"))
        .conflicts,
    ).toEqual([2]);
    expect(
      mergeText(base, text("a", "b", "x", "c", "d", "e", "f", "g"), text("a", "B", "C", "d", "e", "f", "g")).conflicts,
    ).toEqual([2]);
  });

  it("keeps the last line break as the side that changed it has it, and a change made alike is no conflict", () => {
    expect(mergeText("a\nb", "a\nb\n", "a\nB")).toEqual({ text: "a\nB\n", conflicts: [] });
    expect(
      mergeText(base, text("a", "X", "c", "d", "e", "f", "g"), text("a", "X", "c", "d", "e", "f", "g")).conflicts,
    ).toEqual([]);
  });
});

describe("planUpdate", () => {
  const base = map(
    file("src/App.tsx", text("app", "v1")),
    file("src/Card.tsx", text("card", "v1")),
    file("src/Old.tsx", text("old")),
    file("src/Gone.tsx", text("gone")),
  );

  it("replaces untouched files, merges edited ones, keeps the user's own, removes only untouched files", () => {
    const ours = map(
      file("src/App.tsx", text("app", "v1")),
      file("src/Card.tsx", text("// team", "card", "v1")),
      file("src/Old.tsx", text("old")),
      file("src/Gone.tsx", text("gone", "edited")),
    );
    const theirs = [
      file("src/App.tsx", text("app", "v2")),
      file("src/Card.tsx", text("card", "v2")),
      file("src/New.tsx", "n\n"),
    ];
    const plan = planUpdate({ base, ours, theirs });
    expect(plan.files).toEqual([
      { path: "src/App.tsx", outcome: "updated" },
      { path: "src/Card.tsx", outcome: "merged" },
      { path: "src/New.tsx", outcome: "added" },
      { path: "src/Old.tsx", outcome: "removed" },
      { path: "src/Gone.tsx", outcome: "kept" },
    ]);
    expect(plan.writes.map((f) => [f.path, f.content])).toEqual([
      ["src/App.tsx", text("app", "v2")],
      ["src/Card.tsx", text("// team", "card", "v2")],
      ["src/New.tsx", "n\n"],
    ]);
    expect(plan.removes).toEqual(["src/Old.tsx"]);
    expect(conflictPlaces(plan)).toEqual([]);
  });

  it("writes nothing when the design made the same code again (files the user deleted stay deleted)", () => {
    const ours = map(file("src/App.tsx", text("app", "v1", "mine")), file("src/Card.tsx", text("card", "v1")));
    const theirs = [...base.values()];
    const plan = planUpdate({ base, ours, theirs });
    expect(plan.writes).toEqual([]);
    expect(plan.removes).toEqual([]);
    expect(plan.files.map((f) => f.outcome)).toEqual(["yours", "unchanged", "yours", "yours"]);
  });

  it("lists conflicts as path:line and a file the user deleted is not forced back", () => {
    const ours = map(file("src/App.tsx", text("app", "mine")));
    const plan = planUpdate({
      base,
      ours,
      theirs: [file("src/App.tsx", text("app", "v2")), file("src/Card.tsx", "c\n")],
    });
    expect(conflictPlaces(plan)).toEqual(["src/App.tsx:2"]);
    expect(plan.files[1]).toEqual({ path: "src/Card.tsx", outcome: "yours" });
    expect(plan.writes.map((f) => f.path)).toEqual(["src/App.tsx"]);
  });

  it("moves a renamed component's file, untouched or merged, and removes the old path", () => {
    const ours = map(file("src/Card.tsx", text("// team", "card", "v1")), file("src/App.tsx", text("app", "v1")));
    const theirs = [file("src/App.tsx", text("app", "v1")), file("src/ProductCard.tsx", text("card", "v2"))];
    const renames = new Map([["src/Card.tsx", "src/ProductCard.tsx"]]);
    const plan = planUpdate({ base: map(base.get("src/App.tsx")!, base.get("src/Card.tsx")!), ours, theirs, renames });
    expect(plan.files).toContainEqual({ path: "src/ProductCard.tsx", outcome: "merged", from: "src/Card.tsx" });
    expect(plan.writes).toContainEqual(file("src/ProductCard.tsx", text("// team", "card", "v2")));
    expect(plan.removes).toEqual(["src/Card.tsx"]);
  });

  it("a file of the user's where the design now adds one of that name is a conflict, both kept", () => {
    const plan = planUpdate({
      base: new Map(),
      ours: map(file("src/New.tsx", "mine\n")),
      theirs: [file("src/New.tsx", "d\n")],
    });
    expect(plan.files).toEqual([{ path: "src/New.tsx", outcome: "conflict", conflicts: [1] }]);
    expect(plan.writes[0]!.content).toBe(text("<<<<<<< yours", "mine", "=======", "d", ">>>>>>> design"));
  });

  it("compares pictures byte for byte and never merges them", () => {
    const png = (byte: number): SourceFile => ({ path: "src/a.png", content: "", bytes: new Uint8Array([1, byte]) });
    const untouched = planUpdate({ base: map(png(1)), ours: map(png(1)), theirs: [png(2)] });
    expect(untouched.writes).toEqual([png(2)]);
    const both = planUpdate({ base: map(png(1)), ours: map(png(3)), theirs: [png(2)] });
    expect(both.writes).toEqual([]);
    expect(conflictPlaces(both)).toEqual(["src/a.png"]);
  });
});
