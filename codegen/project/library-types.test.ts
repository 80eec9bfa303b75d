/** The generated use of a team's components, type-checked against the library's declarations. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { checkLibraryUsage, type LibraryTypes } from "./library-types.js";

const ACME: LibraryTypes = {
  module: "@acme/ui",
  files: [
    {
      path: "index.d.ts",
      content: readFileSync(join(REPO_ROOT, "test", "fixtures", "components", "acme-ui.d.ts"), "utf8"),
    },
  ],
};

const screen = (body: string): { path: string; content: string } => ({
  path: "src/screens/Home.tsx",
  content: [
    'import { Button, ListItem } from "@acme/ui";',
    'import styles from "./Home.module.css";',
    "",
    "export function Home() {",
    "  return (",
    "    <main className={styles.home}>",
    body,
    "    </main>",
    "  );",
    "}",
    "",
  ].join("\n"),
});

describe("checkLibraryUsage", () => {
  it("accepts a use that fits the types, whatever else the file holds (CSS modules the check cannot see)", () => {
    expect(
      checkLibraryUsage([screen('      <Button variant="ghost" disabled icon={<svg />}>Sign in</Button>')], [ACME]),
    ).toEqual([]);
  });

  it("reports an unknown prop and a wrong value type with file:line", () => {
    const problems = checkLibraryUsage(
      [screen(['      <Button variant="huge">Go</Button>', '      <ListItem subtitle={3} tone="dark" />'].join("\n"))],
      [ACME],
    );
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ["component-props", "src/screens/Home.tsx", 7],
      ["component-props", "src/screens/Home.tsx", 8],
    ]);
    expect(problems[0]!.message).toMatch(
      new RegExp(
        `^<Button> prop variant: Type '"huge"' is not assignable ` +
          String.raw`to type '"primary" \| "secondary" \| "ghost" \| undefined'`,
      ),
    );
    expect(problems[1]!.message).toMatch(/^<ListItem> prop subtitle: Type 'number' is not assignable to type 'string'/);
    // One problem a line: TypeScript stops at the first bad attribute of an element.
    expect(problems).toHaveLength(2);
  });

  it("reports a name the library does not export, on its import", () => {
    const file = {
      path: "src/screens/A.tsx",
      content: 'import { Buton } from "@acme/ui";\nexport function A() {\n  return <Buton />;\n}\n',
    };
    const problems = checkLibraryUsage([file], [ACME]);
    expect(problems[0]).toMatchObject({ code: "component-props", file: "src/screens/A.tsx", line: 1 });
    expect(problems[0]!.message).toContain("has no exported member named 'Buton'");
  });

  it("reads a package folder's package.json entry and a module declared ambiently", () => {
    const folder: LibraryTypes = {
      module: "@acme/ui",
      files: [
        { path: "package.json", content: '{ "name": "@acme/ui", "types": "dist/main.d.ts" }' },
        { path: "dist/main.d.ts", content: 'export * from "./button";' },
        { path: "dist/button.d.ts", content: "export declare function Button(props: { size?: number }): null;" },
      ],
    };
    const use = {
      path: "src/A.tsx",
      content: 'import { Button } from "@acme/ui";\nexport const a = <Button size="big" />;\n',
    };
    expect(checkLibraryUsage([use], [folder]).map((p) => p.line)).toEqual([2]);
    const ambient: LibraryTypes = {
      module: "@acme/ui",
      files: [
        {
          path: "acme.d.ts",
          content: 'declare module "@acme/ui" {\n  export function Button(props: { size?: number }): null;\n}\n',
        },
      ],
    };
    expect(checkLibraryUsage([use], [ambient]).map((p) => p.line)).toEqual([2]);
  });

  it("checks nothing without libraries or files that use them", () => {
    expect(checkLibraryUsage([screen("")], [])).toEqual([]);
    expect(checkLibraryUsage([{ path: "src/B.tsx", content: "export const b = <div tone={1} />;\n" }], [ACME])).toEqual(
      [],
    );
  });
});
