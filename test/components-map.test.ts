/**
 * The team's own components end to end (issue 26): Code Connect files → React that imports @acme/ui for the
 * mapped instances, compiles with tsc --strict against the library's stub types, and has a wrong prop in the
 * mapping reported by the project pass with the written file's line.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign, type CodeOptions } from "../codegen/index.js";
import { parseCodeConnect } from "../codegen/components-map/code-connect.js";
import type { ComponentMap } from "../codegen/components-map/model.js";
import type { LibraryTypes } from "../codegen/project/library-types.js";
import type { SourceFile } from "../codegen/types.js";
import { typecheckReactProjects } from "./compile.js";
import { readFixture, REPO_ROOT } from "./helpers/fixtures.js";

const DIR = join(REPO_ROOT, "test", "fixtures", "components");
const STUB = readFileSync(join(DIR, "acme-ui.d.ts"), "utf8");
const LIBRARY: LibraryTypes = { module: "@acme/ui", files: [{ path: "index.d.ts", content: STUB }] };
const { map, notes } = parseCodeConnect(
  ["Button.figma.tsx", "Selfie.figma.tsx"].map((name) => ({ name, text: readFileSync(join(DIR, name), "utf8") })),
);
const OPTIONS: CodeOptions = {
  target: "react",
  styling: "css-modules",
  nodeIds: false,
  components: map,
  libraryTypes: [LIBRARY],
};

/** The stub as the installed package, so tsc resolves `@acme/ui` as a project would. */
const withLibrary = (files: SourceFile[]): SourceFile[] => [
  ...files,
  { path: "node_modules/@acme/ui/package.json", content: '{ "name": "@acme/ui", "types": "index.d.ts" }' },
  { path: "node_modules/@acme/ui/index.d.ts", content: STUB },
];

describe("mapped components, end to end", () => {
  it("the Code Connect fixtures read without a note", () => {
    expect(notes).toEqual([]);
  });

  it("Selfie and the bundler dialog import @acme/ui, write no file " +
    "for the mapped components, and compile with tsc --strict", async () => {
    const selfie = await generateCode(loadDesign(readFixture("figma-differ-selfie.nodes.json")).document, OPTIONS);
    const bundler = await generateCode(
      loadDesign(readFixture("figmasharp-bundler-dialog.file.json")).document,
      OPTIONS,
    );
    for (const result of [selfie, bundler]) {
      expect(result.problems.filter((p) => p.code === "component-props" || p.severity === "error")).toEqual([]);
      expect(result.files.map((f) => f.path).filter((p) => /\/(Button|ListItem|Title|Hint)\.tsx$/.test(p))).toEqual([]);
    }
    expect(selfie.files.find((f) => f.path === "src/screens/Selfie.tsx")!.content).toContain(
      'import { Hint, ListItem, Title } from "@acme/ui";',
    );
    expect(bundler.files.find((f) => f.path === "src/screens/Screen10BundleFigmaDocument.tsx")!.content).toContain(
      '<Button type="button">Add</Button>',
    );
    const { errors } = typecheckReactProjects([withLibrary(selfie.files), withLibrary(bundler.files)]);
    expect(errors).toEqual([[], []]);
  }, 120_000);

  it("a wrong prop in the mapping is a component-props " +
    "problem at the written file's line, and tsc agrees", async () => {
    const wrong: ComponentMap = {
      components: map.components.map((c) =>
        c.import.name === "ListItem" ? { ...c, props: { ...c.props, subtitle: { kind: "value", value: 42 } } } : c,
      ),
    };
    const result = await generateCode(loadDesign(readFixture("figma-differ-selfie.nodes.json")).document, {
      ...OPTIONS,
      components: wrong,
    });
    const problems = result.problems.filter((p) => p.code === "component-props");
    expect(problems).toHaveLength(1);
    const screen = result.files.find((f) => f.path === problems[0]!.file)!;
    expect(problems[0]!.file).toBe("src/screens/Selfie.tsx");
    expect(screen.content.split("\n")[problems[0]!.line! - 1]).toContain("subtitle={42}");
    expect(problems[0]!.message).toMatch(/^<ListItem> prop subtitle: Type 'number' is not assignable to type 'string'/);
    const { errors } = typecheckReactProjects([withLibrary(result.files)]);
    expect(errors[0]).toEqual([
      expect.stringMatching(
        new RegExp(
          `^src/screens/Selfie\\.tsx:${problems[0]!.line}:\\d+ Type 'number' is not assignable to type 'string'`,
        ),
      ),
    ]);
  }, 120_000);
});
