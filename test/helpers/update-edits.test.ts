/**
 * Issue 71's scripted user edits (update-edits.ts) on real generated folders: every kind applied in every target's
 * syntax, the edited code still parses, and `editSurvived` tells an edit kept (also on the user's side of a conflict)
 * from one lost.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { parse as parseVue } from "@vue/compiler-sfc";
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../codegen/index.js";
import { mergeText } from "../../codegen/project/update.js";
import type { SourceFile } from "../../codegen/types.js";
import { REPO_ROOT } from "./fixtures.js";
import { EDIT_KINDS, editSurvived, keptSide, userEdits, type EditTarget, type UserEdit } from "./update-edits.js";

const VERSIONS = join(REPO_ROOT, "test/fixtures/versions");
/** figmagic's DemoForm: a screen with ten components that have props; Tkinter Designer's window: a screen alone. */
const FRAMES = [
  { file: "figmagic-testdata/2-98007a6c.json", id: "3022:701" },
  { file: "tkinter-designer/3-2434d7d.json", id: "1:2" },
];
const TARGETS: EditTarget[] = [
  { target: "react", styling: "css-modules" },
  { target: "react", styling: "tailwind" },
  { target: "html", styling: "css-modules" },
  { target: "vue", styling: "css-modules" },
  { target: "svelte", styling: "css-modules" },
  { target: "angular", styling: "css-modules" },
  { target: "react-native", styling: "css-modules" },
];

async function generated(frame: (typeof FRAMES)[number], target: EditTarget): Promise<SourceFile[]> {
  const json = JSON.parse(readFileSync(join(VERSIONS, frame.file), "utf8")) as unknown;
  const { files } = await generateCode(loadDesign(json, [frame.id]).document, { ...target, nodeIds: false });
  return files;
}

/** Syntax errors of the edited code files (TS/TSX by TypeScript, Vue by its SFC parser). */
function syntaxErrors(files: readonly SourceFile[]): string[] {
  return files.flatMap((f) => {
    if (/\.(tsx?|js)$/.test(f.path)) {
      const kind = f.path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
      const source = ts.createSourceFile(f.path, f.content, ts.ScriptTarget.Latest, true, kind);
      const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
      return diagnostics.map((d) => `${f.path}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    }
    if (f.path.endsWith(".vue")) return parseVue(f.content).errors.map((e) => `${f.path}: ${String(e)}`);
    return [];
  });
}

describe("scripted user edits", () => {
  for (const target of TARGETS) {
    const label = `${target.target}${target.styling === "tailwind" ? " (tailwind)" : ""}`;
    it(`${label}: every kind applied, the code still parses, each edit found in the edited files only`, async () => {
      const [demo, window] = await Promise.all(FRAMES.map((frame) => generated(frame, target)));
      const edited = userEdits(demo!, target);
      const kinds = edited.edits.map((e) => e.kind);
      // HTML has no components and so no props to rename; every other target gets all six.
      expect(kinds).toEqual(target.target === "html" ? EDIT_KINDS.filter((k) => k !== "rename-prop") : EDIT_KINDS);
      expect(syntaxErrors(edited.files)).toEqual([]);
      for (const edit of edited.edits) {
        expect(editSurvived(edit, edited.files), edit.what).toBe(true);
        expect(editSurvived(edit, demo!), edit.what).toBe(false);
      }
      const comments = edited.edits.find((e) => e.kind === "comment")!;
      const components = demo!.filter((f) => /\/(components|screens)\/[^/]+\.(tsx|vue|svelte|ts)$/.test(f.path));
      expect(comments.places.length).toBe(target.target === "html" ? 1 : components.length);
      // A screen alone: the edits that need no component still apply.
      const alone = userEdits(window!, target).edits.map((e) => e.kind);
      expect(alone).toEqual(expect.arrayContaining(["comment", "style-rule", "new-file", "handler", "text"]));
    });
  }

  it("a prop renamed everywhere it is used in its component, and only there", async () => {
    const react = await generated(FRAMES[0]!, TARGETS[0]!);
    const edited = userEdits(react, TARGETS[0]!);
    const rename = edited.edits.find((e) => e.kind === "rename-prop")!;
    const [, from, to] = /prop (\w+) → (\w+)/.exec(rename.what)!;
    const file = edited.files.find((f) => f.path === rename.places[0]!.path)!;
    expect(file.content).toContain(`${to}?: string;`);
    expect(file.content).toContain(`{${to}}`);
    expect(file.content).not.toMatch(new RegExp(`(?<![\\w.])${from}\\b(?!")`));
    // Only that file changed by the rename: the others are as generated but for the other edits.
    expect(rename.places.map((p) => p.path)).toEqual([file.path]);
  });

  it("an edit is kept on the user's side of a conflict, not on the design's", () => {
    const edit: UserEdit = { kind: "text", what: "t", places: [{ path: "a.tsx", lines: ["  <p>Hi (team)</p>"] }] };
    const base = "<div>\n  <p>Hi</p>\n</div>\n";
    const ours = "<div>\n  <p>Hi (team)</p>\n</div>\n";
    const theirs = "<div>\n  <p>Hello</p>\n</div>\n";
    const merged = mergeText(base, ours, theirs);
    expect(merged.conflicts.length).toBe(1);
    expect(editSurvived(edit, [{ path: "a.tsx", content: merged.text }])).toBe(true);
    // The other way round, the user's text is only on the design's side: lost.
    const flipped = mergeText(base, theirs, ours);
    expect(editSurvived(edit, [{ path: "a.tsx", content: flipped.text }])).toBe(false);
    expect(keptSide(flipped.text)).toBe("<div>\n  <p>Hello</p>\n</div>\n");
    // A file moved by the update (its component renamed in Figma) still holds the edit.
    expect(editSurvived(edit, [{ path: "b.tsx", content: ours }])).toBe(true);
  });
});
