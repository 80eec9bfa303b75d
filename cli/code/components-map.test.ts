/**
 * `figment code --code-connect DIR --components FILE --types PATH` end to end through `run`: the team's
 * components in the written files, the same output from either source, a wrong prop at its file:line, and
 * bad input as clear notes (or exit 2 for flags that cannot work).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo, fixturePath, listFiles, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { run } from "../run.js";

const COMPONENTS = join(REPO_ROOT, "test", "fixtures", "components");
const SELFIE = fixturePath("figma-differ-selfie.nodes.json");
const STUB = join(COMPONENTS, "acme-ui.d.ts");

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-components-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

interface Report {
  files: { path: string }[];
  problems: { severity: string; code: string; message: string; file?: string; line?: number }[];
}

async function figment(...argv: string[]): Promise<{ code: number; report?: Report; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io);
  const out = io.stdout();
  return { code, stderr: io.stderr(), ...(out.startsWith("{") ? { report: JSON.parse(out) as Report } : {}) };
}

describe("figment code with the team's components", () => {
  it(
    "--code-connect and --types: @acme/ui imported, no file for " +
      "the mapped components, the overrides it does not carry listed",
    async () => {
      const out = join(tmp, "cc");
      const { code, report } = await figment(
        "code",
        SELFIE,
        "--code-connect",
        COMPONENTS,
        "--types",
        STUB,
        "--out",
        out,
        "--json",
      );
      expect(code).toBe(0);
      const paths = report!.files.map((f) => f.path);
      expect(paths).not.toContain("src/components/Title.tsx");
      expect(paths).not.toContain("src/components/ListItem.tsx");
      expect(listFiles(out)).toEqual([...paths].sort());
      const screen = readFileSync(join(out, "src/screens/Selfie.tsx"), "utf8");
      expect(screen).toContain('import { Hint, ListItem, Title } from "@acme/ui";');
      expect(screen).toContain('<Title size="base">Place your face in the frame</Title>');
      expect(report!.problems.filter((p) => p.code === "component-props")).toEqual([]);
      expect(report!.problems).toContainEqual(
        expect.objectContaining({
          severity: "warning",
          code: "component-override",
          message: expect.stringContaining('of its layer "Label"'),
        }),
      );
      // The bundler's Button mapping has no instance in the Selfie: an info note naming its file and line.
      expect(report!.problems).toContainEqual(
        expect.objectContaining({
          severity: "info",
          code: "component-unused",
          message: expect.stringMatching(/Button\.figma\.tsx:5: no instance of node 1:78/),
        }),
      );
    },
  );

  it("--components gives the same files as the equivalent Code Connect files", async () => {
    const fromJson = join(tmp, "json");
    const fromCc = join(tmp, "cc2");
    expect(
      (await figment("code", SELFIE, "--components", join(COMPONENTS, "components.json"), "--out", fromJson, "--json"))
        .code,
    ).toBe(0);
    expect((await figment("code", SELFIE, "--code-connect", COMPONENTS, "--out", fromCc, "--json")).code).toBe(0);
    const files = listFiles(fromJson);
    expect(listFiles(fromCc)).toEqual(files);
    for (const file of files.filter((f) => f.endsWith(".tsx")))
      expect(readFileSync(join(fromCc, file), "utf8"), file).toBe(readFileSync(join(fromJson, file), "utf8"));
  });

  it("a wrong prop in the mapping is reported with file:line in the written file", async () => {
    const mapping = JSON.parse(readFileSync(join(COMPONENTS, "components.json"), "utf8")) as {
      components: { import: { name: string }; props: Record<string, unknown> }[];
    };
    mapping.components.find((c) => c.import.name === "Title")!.props["tone"] = { kind: "value", value: "dark" };
    const file = join(tmp, "wrong.json");
    writeFileSync(file, JSON.stringify(mapping));
    const out = join(tmp, "wrong");
    const { code, stderr } = await figment("code", SELFIE, "--components", file, "--types", STUB, "--out", out);
    expect(code).toBe(0);
    const line = /error component-props src\/screens\/Selfie\.tsx:(\d+):\d+: <Title> prop tone: .*'tone'/.exec(stderr);
    expect(line, stderr).not.toBeNull();
    expect(readFileSync(join(out, "src/screens/Selfie.tsx"), "utf8").split("\n")[Number(line![1]) - 1]).toContain(
      'tone="dark"',
    );
  });

  it(
    "bad input is a note each and nothing else is lost: a syntax " +
      "error, an unknown URL, a property the component lacks",
    async () => {
      const dir = join(tmp, "bad-cc");
      cpSync(COMPONENTS, dir, { recursive: true });
      writeFileSync(
        join(dir, "Broken.figma.tsx"),
        'import figma from "@figma/code-connect";\n' +
          'figma.connect(Button, "https://www.figma.com/design/K/F?node-id=1-2", {\n' +
          '  props: { a: figma.string("A") \n',
      );
      writeFileSync(
        join(dir, "Unknown.figma.tsx"),
        'import figma from "@figma/code-connect";\n' +
          'import { Card } from "@acme/ui";\n' +
          'figma.connect(Card, "https://www.figma.com/design/K/F?node-id=77-88", {});\n',
      );
      writeFileSync(
        join(dir, "Selfie.figma.tsx"),
        readFileSync(join(COMPONENTS, "Selfie.figma.tsx"), "utf8").replace(
          'label: figma.textContent("Label")',
          'label: figma.string("Heading")',
        ),
      );
      const { code, report } = await figment(
        "code",
        SELFIE,
        "--code-connect",
        dir,
        "--out",
        join(tmp, "bad"),
        "--json",
      );
      expect(code).toBe(0);
      const messages = report!.problems.map((p) => `${p.severity} ${p.code} ${p.message}`);
      expect(messages).toContainEqual(
        expect.stringMatching(
          /^error component-mapping .*Broken\.figma\.tsx:\d+: syntax error: .*; the file is left out$/,
        ),
      );
      expect(messages).toContainEqual(
        expect.stringMatching(/^info component-unused .*Unknown\.figma\.tsx:3: no instance of node 77:88/),
      );
      expect(messages).toContainEqual(
        expect.stringMatching(
          /^warning component-mapping .*Selfie\.figma\.tsx:18: the component has no TEXT property "Heading"/,
        ),
      );
      // The other mappings still apply.
      const screen = readFileSync(join(tmp, "bad", "src/screens/Selfie.tsx"), "utf8");
      expect(screen).toContain('<Title size="base" />');
      expect(screen).toContain("<Hint>Great, hold still for a few seconds</Hint>");
    },
  );

  it("HTML output ignores the mapping with a note", async () => {
    const { code, report } = await figment(
      "code",
      SELFIE,
      "--target",
      "html",
      "--components",
      join(COMPONENTS, "components.json"),
      "--out",
      join(tmp, "html"),
      "--json",
    );
    expect(code).toBe(0);
    expect(report!.problems).toContainEqual(
      expect.objectContaining({ code: "component-mapping", message: expect.stringContaining("React output only") }),
    );
  });

  it("refuses flags that cannot work, with exit 2", async () => {
    const cases: [string[], RegExp][] = [
      [
        ["code", SELFIE, "--types", STUB],
        /--types checks mapped components: add --components FILE or --code-connect DIR/,
      ],
      [["code", "--from-hint", "hint.txt", "--components", "c.json"], /--components needs the design's JSON/],
      [["hints", SELFIE, "--code-connect", COMPONENTS], /--code-connect only applies to figment code/],
      [["code", SELFIE, "--code-connect", join(tmp, "nowhere")], /--code-connect .*nowhere: no such file or folder/],
      [["code", SELFIE, "--components", STUB], /--components .*acme-ui\.d\.ts: not valid JSON/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await figment(...argv, "--out", join(tmp, "refused"));
      expect(code, argv.join(" ")).toBe(2);
      expect(stderr).toMatch(message);
    }
  });
});
