/**
 * The `figment` command end to end through `run(argv, io)`: listing frames, writing code only under --out,
 * the --json report, node selection by API and URL id, hints and code from a hint, and exit code 2 with a
 * clear message for every kind of bad input. Last, the bundled binary (dist/cli.js) as a child process.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countNodes, readRestReply } from "../codegen/rest/reply.js";
import { captureIo, fixturePath, listFiles, readFixture, REPO_ROOT } from "../test/helpers/fixtures.js";
import { typecheckReactProjects } from "../test/compile.js";
import { run } from "./run.js";

const LOGIN = fixturePath("figmasharp-login.file.json");

let tmp: string;

const write = (name: string, content: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

const box = (x: number, y: number, width: number, height: number) => ({
  absoluteBoundingBox: { x, y, width, height },
});
const fill = {
  fills: [{ type: "SOLID", color: { r: 0.2, g: 0.4, b: 0.8, a: 1 } }],
};
const label = (id: string, chars: string) => ({
  id,
  type: "TEXT",
  name: chars,
  characters: chars,
  ...box(10, 10, 200, 24),
  style: { fontFamily: "Inter", fontSize: 16, fontWeight: 400 },
});
const screen = (id: string, name: string, w: number, h: number, children: unknown[] = [label(`${id}t`, name)]) => ({
  id,
  type: "FRAME",
  name,
  ...box(0, 0, w, h),
  ...fill,
  children,
});

/** Two pages with a "Home" each; a section holding a frame; loose shapes on the page (a line, a vector, a text). */
const PAGES = {
  document: {
    id: "0:0",
    type: "DOCUMENT",
    name: "Document",
    children: [
      {
        id: "0:1",
        type: "CANVAS",
        name: "Home page",
        children: [
          screen("1:1", "Home", 390, 800),
          {
            id: "1:2",
            type: "LINE",
            name: "Line 1",
            ...box(0, 900, 700, 1),
            strokes: [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }],
          },
          {
            id: "1:3",
            type: "VECTOR",
            name: "Vector",
            ...box(0, 950, 16, 20),
            ...fill,
          },
          {
            id: "1:4",
            type: "SECTION",
            name: "Flow",
            ...box(500, 0, 900, 900),
            children: [screen("1:5", "Step 1", 390, 800)],
          },
          label("1:6", "Loose note"),
        ],
      },
      {
        id: "0:2",
        type: "CANVAS",
        name: "Archive",
        children: [
          screen("2:1", "Home", 1440, 900),
          {
            id: "2:4",
            type: "COMPONENT",
            name: "Button",
            ...box(0, 1000, 100, 40),
            ...fill,
            children: [
              {
                id: "2:5",
                type: "RECTANGLE",
                name: "Fill",
                ...box(0, 1000, 100, 40),
                ...fill,
              },
            ],
          },
          screen("2:6", "Empty", 200, 200, []),
        ],
      },
    ],
  },
};

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-run-"));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

async function figment(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

interface CodeReport {
  out: string;
  files: { path: string; bytes: number }[];
  problems: { severity: string; code: string; message: string }[];
}

function parseReport(stdout: string): CodeReport {
  const report = JSON.parse(stdout) as CodeReport;
  expect(Object.keys(report).sort()).toEqual(["files", "out", "problems"]);
  expect(Array.isArray(report.files)).toBe(true);
  expect(Array.isArray(report.problems)).toBe(true);
  for (const f of report.files) {
    expect(Object.keys(f).sort()).toEqual(["bytes", "path"]);
    expect(typeof f.path).toBe("string");
    expect(typeof f.bytes).toBe("number");
  }
  return report;
}

/** Asserts the report's files are exactly what is on disk under `dir`, with the reported byte sizes. */
function expectWritten(dir: string, report: CodeReport): void {
  expect(report.files.length).toBeGreaterThan(0);
  expect(listFiles(dir)).toEqual(report.files.map((f) => f.path).sort());
  for (const f of report.files) expect(statSync(join(dir, f.path)).size, f.path).toBe(f.bytes);
}

describe("figment frames", () => {
  it("lists id, page, name, type, size and node count of each top-level frame", async () => {
    const nodes = countNodes(readRestReply(readFixture("figmasharp-login.file.json")).roots[0]!);
    const { code, stdout, stderr } = await figment("frames", LOGIN);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout.split("\n")).toEqual([`101:3\tPage 1\tLog-In Page\tFRAME\t375×667\t${nodes} nodes`]);
    expect(nodes).toBeGreaterThan(1);
  });

  it("prints the same rows as JSON with --json", async () => {
    const { code, stdout } = await figment("frames", LOGIN, "--json");
    expect(code).toBe(0);
    const { frames } = JSON.parse(stdout) as {
      frames: {
        id: string;
        name: string;
        width: number;
        height: number;
        nodes: number;
      }[];
    };
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({
      id: "101:3",
      name: "Log-In Page",
      page: "Page 1",
      sections: [],
      converted: true,
      width: 375,
      height: 667,
    });
  });

  it(
    "lists what Figma calls top-level frames, by page: not " + "a page's loose shapes; a section's frames; '1 node'",
    async () => {
      const { code, stdout, stderr } = await figment("frames", write("pages.json", JSON.stringify(PAGES)));
      expect(code, stderr).toBe(0);
      expect(stdout.split("\n")).toEqual([
        "1:1\tHome page\tHome\tFRAME\t390×800\t2 nodes",
        "1:4\tHome page\tFlow\tSECTION\t900×900\t3 nodes",
        "1:5\tHome page › Flow\tStep 1\tFRAME\t390×800\t2 nodes",
        "2:1\tArchive\tHome\tFRAME\t1440×900\t2 nodes",
        "2:4\tArchive\tButton\tCOMPONENT\t100×40\t2 nodes",
        "2:6\tArchive\tEmpty\tFRAME\t200×200\t1 node",
        // The two "Home" frames, one name and one text at a phone's and a desktop's width: one page drawn twice.
        "",
        "2 frames → one responsive page: Desktop 1440, Phone 390 (by name and content)",
        "  Desktop 1440\t2:1\tHome",
        "  Phone 390\t1:1\tHome",
      ]);
      expect(stderr.split("\n")).toEqual([
        "figment: note: figment code makes each group one responsive page (--no-breakpoints keeps every frame its own)",
        "figment: note: figment code skips 1 without visible layers (Empty)",
      ]);
    },
  );

  it("code converts the frames figment frames lists, a section's frames rather than the section", async () => {
    const out = join(mkdtempSync(join(tmp, "pages-")), "out");
    const { code, stdout, stderr } = await figment(
      "code",
      write("pages-code.json", JSON.stringify(PAGES)),
      "--target",
      "html",
      "--out",
      out,
      "--json",
      // Each "Home" its own page (they would be one page drawn at 390 and 1440).
      "--no-breakpoints",
    );
    expect(code, stderr).toBe(0);
    const pages = (JSON.parse(stdout) as CodeReport).files.map((f) => f.path).filter((p) => p.endsWith(".html"));
    // Home, Step 1, Home (Archive), Button, and the index linking them; none for the line, vector or text, nor
    // for the section (its frame has one) or the empty frame.
    expect(pages.sort()).toEqual(["button.html", "home.html", "home2.html", "index.html", "step-1.html"]);
    const index = readFileSync(join(out, "index.html"), "utf8");
    for (const page of pages.filter((p) => p !== "index.html")) expect(index).toContain(`href="${page}"`);
  });

  it("says 'no top-level frames' and exits 1 (nothing found) for a page of loose shapes", async () => {
    const loose = {
      document: {
        id: "0:0",
        type: "DOCUMENT",
        name: "Document",
        children: [
          {
            id: "0:1",
            type: "CANVAS",
            name: "Page 1",
            children: [PAGES.document.children[0]!.children[2]],
          },
        ],
      },
    };
    const { code, stdout, stderr } = await figment("frames", write("loose.json", JSON.stringify(loose)));
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe("no top-level frames (frames, components, sections) in the design");
  });
});

describe("figment code", () => {
  it("writes under --out only, and --json lists every written path with its byte size", async () => {
    const work = mkdtempSync(join(tmp, "code-"));
    const out = join(work, "out");
    const { code, stdout, stderr } = await figment("code", LOGIN, "--out", out, "--json");
    expect(code, stderr).toBe(0);
    const report = parseReport(stdout);
    expectWritten(out, report);
    expect(report.files.some((f) => f.path.endsWith(".tsx"))).toBe(true);
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    // Nothing beside --out: the working folder holds only the out folder.
    expect(readdirSync(work)).toEqual(["out"]);
  });

  it("writes the files it names in plain output", async () => {
    const out = join(mkdtempSync(join(tmp, "plain-")), "out");
    const { code, stdout } = await figment("code", LOGIN, "--out", out);
    expect(code).toBe(0);
    const written = listFiles(out);
    expect(stdout.split("\n")[0]).toBe(`wrote ${written.length} files to ${out} (and its record, .figment/)`);
    for (const path of written) expect(stdout).toContain(`  ${path}`);
  });

  it("--target html writes an HTML page and a stylesheet", async () => {
    const out = join(mkdtempSync(join(tmp, "html-")), "out");
    const { code, stdout } = await figment("code", LOGIN, "--target", "html", "--out", out, "--json");
    expect(code).toBe(0);
    const report = parseReport(stdout);
    expectWritten(out, report);
    const paths = report.files.map((f) => f.path);
    expect(paths).toContain("index.html");
    expect(paths.some((p) => p.endsWith(".css"))).toBe(true);
    expect(paths.some((p) => /\.(tsx?|jsx?)$/.test(p))).toBe(false);
    expect(readFileSync(join(out, "index.html"), "utf8")).toMatch(/^<!doctype html>/i);
  });

  it("--node takes the API id (101:3) and the URL form (101-3) alike", async () => {
    const whole = parseReport((await figment("code", LOGIN, "--out", join(tmp, "n0"), "--json")).stdout);
    const api = await figment("code", LOGIN, "--node", "101:3", "--out", join(tmp, "n1"), "--json");
    const url = await figment("code", LOGIN, "--node", "101-3", "--out", join(tmp, "n2"), "--json");
    expect(api.code).toBe(0);
    expect(url.code).toBe(0);
    const a = parseReport(api.stdout);
    const b = parseReport(url.stdout);
    expectWritten(join(tmp, "n1"), a);
    expectWritten(join(tmp, "n2"), b);
    expect(b.files).toEqual(a.files);
    expect(a.files).toEqual(whole.files);
    for (const f of a.files) {
      expect(readFileSync(join(tmp, "n2", f.path), "utf8"), f.path).toBe(readFileSync(join(tmp, "n1", f.path), "utf8"));
    }
  });

  it("--project writes the runnable project the plugin's zip holds, and it type-checks", async () => {
    const out = join(mkdtempSync(join(tmp, "project-")), "app");
    const { code, stdout, stderr } = await figment("code", LOGIN, "--project", "--out", out, "--json");
    expect(code, stderr).toBe(0);
    const report = parseReport(stdout);
    expectWritten(out, report);
    const paths = report.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "package.json",
        "index.html",
        "src/main.tsx",
        "vite.config.ts",
        "tsconfig.json",
        "src/screens/LogInPage.tsx",
      ]),
    );
    const pkg = JSON.parse(readFileSync(join(out, "package.json"), "utf8")) as {
      name: string;
      scripts: Record<string, string>;
    };
    expect(pkg.name).toBe("log-in-page");
    expect(pkg.scripts["dev"]).toBeDefined();
    expect(readFileSync(join(out, "src/main.tsx"), "utf8")).toContain("LogInPage");
    const sources = paths
      .filter((p) => /\.(tsx?|d\.ts)$/.test(p) && p !== "vite.config.ts")
      .map((p) => ({ path: p, content: readFileSync(join(out, p), "utf8") }));
    const compiled = typecheckReactProjects([sources]);
    expect(compiled.errors[0], compiled.errors[0]?.join("\n")).toEqual([]);
    // Plain output says how to run it; HTML output is a page as it is (no scaffold needed).
    const plain = await figment("code", LOGIN, "--project", "--out", join(tmp, "project-plain"));
    expect(plain.stdout).toContain("npm install && npm run dev");
    const html = parseReport(
      (await figment("code", LOGIN, "--project", "--target", "html", "--out", join(tmp, "project-html"), "--json"))
        .stdout,
    );
    expect(html.files.map((f) => f.path)).not.toContain("package.json");
    expect((await figment("frames", LOGIN, "--project")).code).toBe(2);
  });

  it("--node selects a frame inside a file with several", async () => {
    const file = fixturePath("grida-stroke.file.json");
    const out = join(tmp, "one-of-many");
    const { code, stdout } = await figment(
      "code",
      file,
      "--node",
      "1:3",
      "--target",
      "html",
      "--node-ids",
      "--out",
      out,
      "--json",
    );
    expect(code).toBe(0);
    expectWritten(out, parseReport(stdout));
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain('data-node-id="1:3"');
    expect(html).not.toContain('data-node-id="1:2"');
  });

  it("names the layer a warning is about as the layers panel does, the id trailing as a detail", async () => {
    const box = (x: number, w: number, h: number) => ({
      x,
      y: 0,
      width: w,
      height: h,
    });
    const design = join(tmp, "two-frames.json");
    writeFileSync(
      design,
      JSON.stringify({
        document: {
          id: "0:0",
          type: "DOCUMENT",
          children: [
            {
              id: "0:1",
              type: "CANVAS",
              name: "Page 1",
              children: [
                {
                  id: "1:2",
                  type: "FRAME",
                  name: "Card",
                  absoluteBoundingBox: box(0, 100, 100),
                  children: [
                    {
                      id: "1:3",
                      type: "RECTANGLE",
                      name: "Photo",
                      absoluteBoundingBox: box(0, 10, 10),
                    },
                  ],
                },
                {
                  id: "1:4",
                  type: "FRAME",
                  name: "Frame 8",
                  absoluteBoundingBox: box(200, 100, 100),
                  children: [],
                },
              ],
            },
          ],
        },
      }),
    );
    const { code, stderr } = await figment("code", design, "--out", join(tmp, "two-frames"));
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/^warning empty-frame frame "Frame 8" has no visible layers; skipped \(id 1:4\)$/m);
    expect(stderr).not.toMatch(/node 1:4/);
  });
});

describe("figment hints and code --from-hint", () => {
  it("prints the inferred layout of an absolute page (issue 14), and the drawn one with --exact-layout", async () => {
    const landing = join(REPO_ROOT, "test", "fixtures", "responsive", "landing-absolute.file.json");
    const inferred = await figment("hints", landing);
    expect(inferred.code, inferred.stderr).toBe(0);
    // Wrappers without a Figma id (`+`), inferred flows (`inf:`), items' places (`fi:`), a fluid heading (`flu:`).
    expect(inferred.stdout).toMatch(/^ G \+ (Row|Stack) /m);
    expect(inferred.stdout).toMatch(/^F 10:23 .* col .*inf:1440/m);
    expect(inferred.stdout).toMatch(/ fi:/);
    expect(inferred.stdout).toMatch(/"Hero title" .* flu:\d+,[\d.]+ /);
    const exact = await figment("hints", landing, "--exact-layout");
    expect(exact.code, exact.stderr).toBe(0);
    expect(exact.stdout).not.toMatch(/ \+ | inf:| fi:| flu:/);
  });

  it("prints a hint that starts with the header, and code from it writes a project", async () => {
    const hints = await figment("hints", LOGIN);
    expect(hints.code).toBe(0);
    const lines = hints.stdout.split("\n");
    expect(lines[0]).toBe("figment-hint 2");
    expect(lines.some((l) => /^F 101:3 /.test(l))).toBe(true);

    const hintFile = join(tmp, "login.hint.txt");
    writeFileSync(hintFile, hints.stdout + "\n");
    const out = join(tmp, "from-hint");
    const fromHint = await figment("code", "--from-hint", hintFile, "--out", out, "--json");
    expect(fromHint.code, fromHint.stderr).toBe(0);
    const report = parseReport(fromHint.stdout);
    expectWritten(out, report);
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);

    // The same project layout as from the JSON (the hint names assets without their payload, so inline
    // vectors may become placeholders: contents are compared in test/hint-roundtrip.test.ts, assets swapped in).
    const fromJson = parseReport((await figment("code", LOGIN, "--out", join(tmp, "from-json"), "--json")).stdout);
    expect(report.files.map((f) => f.path)).toEqual(fromJson.files.map((f) => f.path));
  });

  it("with --assets, the hint and the files it names make the design's own code, file for file", async () => {
    // Vectors drawn as their parts' boxes (no outlines in the JSON) and design tokens: neither is in the hint's text.
    const microsite = join(REPO_ROOT, "test", "fixtures", "real", "template-microsite.nodes.json");
    const assets = join(tmp, "microsite-assets");
    const hints = await figment("hints", microsite, "--node", "3988:10182", "--assets", assets);
    expect(hints.code, hints.stderr).toBe(0);
    expect(hints.stderr).toMatch(/wrote 15 SVG and 0 image files, and hint-assets.json \(with the design tokens\)/);
    const hintFile = join(tmp, "microsite.hint.txt");
    writeFileSync(hintFile, hints.stdout);

    const design = join(tmp, "microsite-design");
    expect((await figment("code", microsite, "--node", "3988:10182", "--out", design)).code).toBe(0);
    const withAssets = join(tmp, "microsite-hint-assets");
    const made = await figment("code", "--from-hint", hintFile, "--assets", assets, "--out", withAssets);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).not.toMatch(/missing-asset-file/);
    const alone = join(tmp, "microsite-hint-alone");
    expect((await figment("code", "--from-hint", hintFile, "--out", alone)).code).toBe(0);

    const contents = (dir: string) => listFiles(dir).map((path) => [path, readFileSync(join(dir, path), "utf8")]);
    expect(contents(withAssets)).toEqual(contents(design));
    // Without the files, the vectors are the hint's stand-ins: the test above compares something that differs.
    expect(contents(alone)).not.toEqual(contents(design));

    // A file taken out of the folder: its stand-in, and a warning that names it.
    rmSync(join(assets, "down-2.svg"));
    const lacking = await figment("code", "--from-hint", hintFile, "--assets", assets, "--out", join(tmp, "lacking"));
    expect(lacking.code).toBe(0);
    expect(lacking.stderr).toMatch(/has no down-2\.svg: the hint's stand-in is drawn in its place/);
  });

  it("refuses --assets without a hint, and a folder that is not one", async () => {
    const withJson = await figment("code", LOGIN, "--assets", tmp, "--out", join(tmp, "no-out"));
    expect(withJson.code).toBe(2);
    expect(withJson.stderr).toMatch(/--assets reads the files a hint names: give it with --from-hint/);
    const hintFile = join(tmp, "login-for-assets.hint.txt");
    writeFileSync(hintFile, (await figment("hints", LOGIN)).stdout);
    const notFolder = await figment("code", "--from-hint", hintFile, "--assets", hintFile, "--out", join(tmp, "x"));
    expect(notFolder.code).toBe(2);
    expect(notFolder.stderr).toMatch(/cannot read --assets .*: it is not a folder/);
  });

  it("refuses a malformed hint with exit code 2 and the line", async () => {
    const bad = join(tmp, "bad.hint.txt");
    writeFileSync(bad, "figment-hint 1\nF 1:2 Card 100x50\n Q :3 Thing 10x10\n");
    const { code, stderr } = await figment("code", "--from-hint", bad, "--out", join(tmp, "bad-out"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^figment: line 3: unknown node kind "Q"/);
    expect(existsSync(join(tmp, "bad-out"))).toBe(false);
  });
});

describe("bad input: exit code 2 and a clear message", () => {
  const frame = (extra: Record<string, unknown>): Record<string, unknown> => ({
    id: "1:2",
    name: "Frame",
    type: "FRAME",
    absoluteBoundingBox: { x: 0, y: 0, width: 100, height: 100 },
    children: [],
    ...extra,
  });

  const cases: { name: string; argv: () => string[]; message: RegExp }[] = [
    {
      name: "a file that is not JSON",
      argv: () => ["code", write("not.json", "<html>nope</html>")],
      message: /not Figma JSON: .*not\.json is not valid JSON/,
    },
    {
      name: "JSON that is not Figma",
      argv: () => ["code", write("a1.json", '{"a":1}')],
      message: /not Figma JSON: expected `document`, `nodes`, or a node with id and type/,
    },
    {
      name: "a JSON array",
      argv: () => ["frames", write("array.json", "[1,2]")],
      message: /not Figma JSON: expected an object/,
    },
    {
      name: "an unknown node id",
      argv: () => ["code", LOGIN, "--node", "999:999"],
      message: /unknown node id 999:999/,
    },
    {
      name: "a file whose page has no frames",
      argv: () => [
        "code",
        write(
          "empty.json",
          JSON.stringify({
            document: {
              id: "0:0",
              type: "DOCUMENT",
              children: [{ id: "0:1", type: "CANVAS", children: [] }],
            },
          }),
        ),
      ],
      message: /the design has no frames to convert/,
    },
    {
      name: "a file whose only frame is hidden",
      argv: () => [
        "code",
        write(
          "hidden.json",
          JSON.stringify({
            document: frame({
              visible: false,
              children: [
                {
                  id: "1:3",
                  type: "RECTANGLE",
                  name: "R",
                  absoluteBoundingBox: { x: 0, y: 0, width: 10, height: 10 },
                },
              ],
            }),
          }),
        ),
      ],
      message: /nothing visible to convert/,
    },
    {
      name: "a nodes reply whose every frame is hidden",
      argv: () => [
        "hints",
        write(
          "hidden-nodes.json",
          JSON.stringify({
            nodes: {
              "1:2": { document: frame({ visible: false }) },
              "1:4": { document: frame({ id: "1:4", visible: false }) },
            },
          }),
        ),
      ],
      message: /nothing visible to convert/,
    },
    {
      name: "an empty frame (no layers)",
      argv: () => [
        "code",
        write(
          "empty-frame.json",
          JSON.stringify({
            document: frame({
              fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
            }),
          }),
        ),
      ],
      message: /nothing to convert: every frame is empty/,
    },
    {
      name: "an empty frame asked for by id",
      argv: () => [
        "code",
        write(
          "empty-by-id.json",
          JSON.stringify({
            nodes: {
              "1:2": {
                document: frame({
                  children: [
                    {
                      id: "1:5",
                      type: "RECTANGLE",
                      name: "R",
                      visible: false,
                      absoluteBoundingBox: {
                        x: 0,
                        y: 0,
                        width: 10,
                        height: 10,
                      },
                    },
                  ],
                }),
              },
            },
          }),
        ),
        "--node",
        "1:2",
      ],
      message: /^figment: “Frame” is empty: it has no visible layers \(id 1:2\)$/m,
    },
    {
      name: "a missing file",
      argv: () => ["code", join(tmp, "does-not-exist.json")],
      message: /no such file: .*does-not-exist\.json/,
    },
    {
      name: "a missing hint file",
      argv: () => ["code", "--from-hint", join(tmp, "nope.txt")],
      message: /no such file: .*nope\.txt/,
    },
    {
      name: "an unknown command",
      argv: () => ["bogus", LOGIN],
      message: /unknown command "bogus"/,
    },
    {
      name: "a bad --target",
      argv: () => ["code", LOGIN, "--target", "flutter"],
      message: /--target must be react, html, vue, svelte, angular or react-native, not flutter/,
    },
    {
      name: "a bad --styling",
      argv: () => ["code", LOGIN, "--styling", "sass"],
      message: /--styling must be css-modules, css or tailwind, not sass/,
    },
    {
      name: "an unknown option",
      argv: () => ["code", LOGIN, "--frobnicate"],
      message: /frobnicate/,
    },
    {
      name: "no design file",
      argv: () => ["code"],
      message: /^figment: code needs a design file/,
    },
  ];

  it.each(cases)("$name", async ({ argv, message }) => {
    const out = join(tmp, "never-written");
    const given = argv();
    // --out only where the command takes it (frames and hints refuse it).
    const { code, stdout, stderr } = await figment(...given, ...(given[0] === "code" ? ["--out", out] : []));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^figment: /);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it("--help prints the usage and exits 0", async () => {
    const { code, stdout, stderr } = await figment("--help");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^figment — /);
    expect(stdout).toContain("Usage:");
    expect(stdout).toContain("figment code <design.json>");
  });
});

describe("the built binary (dist/cli.js)", () => {
  const cli = join(REPO_ROOT, "dist", "cli.js");

  beforeAll(() => {
    // test/global-setup.ts builds dist/ once before every run.
    expect(existsSync(cli)).toBe(true);
  });

  it("lists the login frame", () => {
    const result = spawnSync(process.execPath, [cli, "frames", LOGIN], {
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^101:3\tPage 1\tLog-In Page\tFRAME\t375×667\t\d+ nodes\n$/);
  });

  it("exits 2 with a message on stderr for a file that is not JSON", () => {
    const bad = join(tmp, "bin-not.json");
    writeFileSync(bad, "this is not json");
    const result = spawnSync(process.execPath, [cli, "frames", bad], {
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^figment: not Figma JSON: .*bin-not\.json is not valid JSON/);
  });
});
