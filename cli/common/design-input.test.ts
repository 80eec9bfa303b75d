/**
 * Design files as people save them, through the commands (cli/common/io.ts readDesignJson, codegen/rest/reply-text.ts):
 * every real designer's file in test/fixtures/real/ lists its frames — the fragment without its outer braces among
 * them, with a note — and a byte-order mark, UTF-16, a trailer, a wrapper and keys in PascalCase are read by every
 * command that takes a design file; what holds no JSON is one line naming what was expected.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureIo, fixturePath, listFiles, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { brokenBoxes, pascalCaseBoxes } from "../../test/helpers/resaved-boxes.js";
import { pascalCaseFile } from "../../test/helpers/resaved-keys.js";
import { tempDirs } from "../../test/helpers/temp-dirs.js";
import { run } from "../run.js";

const REAL = join(REPO_ROOT, "test", "fixtures", "real");
const LOGIN = fixturePath("figmasharp-login.file.json");
const newDir = tempDirs("figment-design-input-");

async function figment(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe("design files as people save them", () => {
  it("lists the frames of every real designer's file; the fragment is read with a note", async () => {
    const files = readdirSync(REAL).filter((f) => f.endsWith(".json"));
    expect(files).toHaveLength(12);
    for (const file of files) {
      const { code, stdout, stderr } = await figment("frames", join(REAL, file));
      expect(code, `${file}: ${stderr}`).toBe(0);
      expect(stdout.split("\n").length, file).toBeGreaterThan(0);
      expect(stdout, file).toMatch(/^\d+:\d+\t/);
      if (file.includes(".fragment.")) {
        expect(stdout).toBe("1:14291\tDial picker\tCOMPONENT_SET\t960×1119\t421 nodes");
        expect(stderr).toMatch(
          new RegExp(
            String.raw`^figment: note: .*smart-ui-mes-dial-picker\.fragment\.json: it ` +
              "holds an object's members without their outer braces, a fragment",
          ),
        );
      } else {
        // A hidden or empty frame is listed, and said to be skipped by figment code; a page drawn at several widths,
        // to be made one page.
        const notes = /^figment: note: figment code (skips |makes each group one responsive page)/;
        expect(
          stderr.split("\n").filter((line) => line && !notes.test(line)),
          file,
        ).toEqual([]);
      }
    }
  });

  it("reads a byte-order mark, UTF-16 LE and BE, a trailer and a wrapper in every command", async () => {
    const dir = newDir();
    const text = readFileSync(LOGIN, "utf8");
    const utf16le = Buffer.from(text, "utf16le");
    const utf16be = Buffer.from(utf16le).swap16();
    const variants: [string, Buffer, RegExp][] = [
      ["bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), /UTF-8 byte-order mark/],
      ["le.json", Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]), /UTF-16 LE text with a byte-order mark/],
      ["be.json", Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), /UTF-16 BE text with a byte-order mark/],
      ["trailer.json", Buffer.from(`${text}\nHTTP_STATUS:200\n`), /text after the JSON: "HTTP_STATUS:200"/],
      [
        "wrapped.json",
        Buffer.from(`{"status": 200, "meta": ${text}}`),
        /inside a wrapper \(read the value of "meta"\)/,
      ],
    ];
    const plain = await figment("frames", LOGIN);
    for (const [name, bytes, note] of variants) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const listed = await figment("frames", path);
      expect(listed.code, `${name}: ${listed.stderr}`).toBe(0);
      expect(listed.stdout, name).toBe(plain.stdout);
      expect(listed.stderr, name).toMatch(note);
      // The other commands read design files the same way.
      for (const argv of [
        ["hints", path],
        ["analyze", path, "--json"],
        ["search", path, "log in"],
        ["code", path, "--out", join(dir, `out-${name}`)],
      ]) {
        const ran = await figment(...argv);
        // The login's button fails its contrast check: analyze exits 1 for that, as a linter does.
        expect(ran.code, `${argv.join(" ")}: ${ran.stderr}`).toBe(argv[0] === "analyze" ? 1 : 0);
        expect(ran.stderr, argv.join(" ")).toMatch(note);
      }
    }
  });

  it("refuses a file that is no Figma reply with one line naming what was expected", async () => {
    const dir = newDir();
    const cases: [string, string, RegExp][] = [
      [
        "html.json",
        "<html>nope</html>",
        new RegExp(
          String.raw`^figment: not Figma JSON: .*html\.json is not valid JSON \(.+\); expected a Figma REST ` +
            String.raw`reply: the JSON of GET \/v1\/files\/:key or \/nodes, or a plugin's JSON_REST_V1 export$`,
        ),
      ],
      ["empty.json", " \n", /^figment: not Figma JSON: .*empty\.json is empty; expected a Figma REST reply/],
      [
        "other.json",
        '{"hello": "world"}',
        new RegExp(
          "^figment: not Figma JSON: expected `document`, `nodes`, or a node with " +
            String.raw`id and type \(a Figma REST reply\), found an object with key "hello"$`,
        ),
      ],
    ];
    for (const [name, content, message] of cases) {
      const path = join(dir, name);
      writeFileSync(path, content);
      for (const command of ["frames", "code", "analyze"]) {
        const { code, stdout, stderr } = await figment(
          command,
          path,
          ...(command === "code" ? ["--out", join(dir, "never")] : []),
        );
        expect(code, `${command} ${name}`).toBe(2);
        expect(stdout).toBe("");
        expect(stderr, `${command} ${name}`).toMatch(message);
        expect(stderr).not.toContain("\n");
      }
    }
  });
});

/** figmasharp-bundler-dialog: two frames, six buttons and toggles whose sizes analyze checks. */
const DIALOG = fixturePath("figmasharp-bundler-dialog.file.json");
const dialog = (): unknown => JSON.parse(readFileSync(DIALOG, "utf8")) as unknown;

/** Every file under `dir`, path → bytes. */
const filesUnder = (dir: string): Map<string, Buffer> =>
  new Map(listFiles(dir).map((path) => [path, readFileSync(join(dir, path))]));

describe("boxes re-saved by another tool (issue 38)", () => {
  it(
    "reads a C# client's PascalCase boxes as Figma's: the frames' real " +
      "sizes, the same code byte for byte, the same analysis, one note",
    async () => {
      const dir = newDir();
      const resaved = pascalCaseBoxes(dialog());
      expect(resaved.boxes).toBeGreaterThan(100);
      const path = join(dir, "pascal.json");
      writeFileSync(path, JSON.stringify(resaved.json, null, 2));
      const note =
        `figment: note: ${path}: its bounding boxes and sizes use other keys than Figma's: "X" for ` +
        `"x", "Y" for "y", "Width" for "width", "Height" for "height" (read as Figma's, in 107 layers)`;

      const frames = await figment("frames", path);
      expect(frames.code).toBe(0);
      expect(frames.stdout).toBe((await figment("frames", DIALOG)).stdout);
      expect(frames.stdout).toContain("25:0\tPage 1\t1.0. Bundle Figma Document\tFRAME\t514×268\t106 nodes");
      expect(frames.stderr).toBe(note);

      const [original, repaired] = [join(dir, "original"), join(dir, "repaired")];
      const before = await figment("code", DIALOG, "--out", original);
      const after = await figment("code", path, "--out", repaired);
      expect(after.code, after.stderr).toBe(0);
      expect(filesUnder(repaired)).toEqual(filesUnder(original));
      expect(filesUnder(repaired).size).toBeGreaterThan(10);
      expect(after.stderr).toBe(`${note}\n${before.stderr}`);
      expect(after.stderr).not.toContain("missing-bounds");

      const analyzed = await figment("analyze", path, "--json");
      expect(analyzed.stdout).toBe((await figment("analyze", DIALOG, "--json")).stdout);
      expect(analyzed.stdout).not.toMatch(/0×0|NaN/);
      expect(analyzed.stderr).toBe(note);
    },
  );

  it("refuses boxes of a shape of their own in one line naming the key expected", async () => {
    const dir = newDir();
    const path = join(dir, "own.json");
    writeFileSync(
      path,
      JSON.stringify({
        document: {
          id: "1:1",
          name: "Home",
          type: "FRAME",
          absoluteBoundingBox: { X: 0, Y: 0, Size: { W: 10, H: 10 } },
          children: [],
        },
      }),
    );
    for (const command of ["frames", "code", "analyze"]) {
      const { code, stdout, stderr } = await figment(
        command,
        path,
        ...(command === "code" ? ["--out", join(dir, "never")] : []),
      );
      expect(code, command).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toBe(
        `figment: not Figma JSON: ${path}: the absoluteBoundingBox of "Home" (1:1) has no ` +
          `"width" (its keys are "X", "Y", "Size"); expected Figma's "x", "y", "width", "height"`,
      );
    }
  });

  it(
    "skips the layers whose boxes are missing or hold " + "NaN with one note naming them; no 0×0 finding, no NaN",
    async () => {
      const dir = newDir();
      const path = join(dir, "broken.json");
      // Both buttons lose their box, a label's width and the second frame's height are "NaN".
      writeFileSync(
        path,
        JSON.stringify(
          brokenBoxes(dialog(), {
            "25:4": "missing",
            "25:5": "missing",
            "25:17": { nan: "width" },
            "160:199": { nan: "height" },
          }),
        ),
      );
      const frames = await figment("frames", path);
      // The page's loose text (160:199, its height NaN) is no frame: figment frames and figment code leave it out.
      expect(frames.stdout.split("\n")).toEqual([
        "25:0\tPage 1\t1.0. Bundle Figma Document\tFRAME\t514×268\t106 nodes",
      ]);
      expect(frames.stderr).toBe("");

      const code = await figment("code", path, "--out", join(dir, "out"), "--json");
      expect(code.code, code.stderr).toBe(0);
      const report = JSON.parse(code.stdout) as {
        files: { path: string }[];
        problems: { code: string; message: string }[];
      };
      expect(report.problems.filter((p) => p.code === "missing-bounds").map((p) => p.message)).toEqual([
        '3 layers have no bounds ("Button/Standard", "Button/Standard", "UI Framework:"): skipped',
      ]);
      expect(report.files.map((f) => f.path)).toContain("src/screens/Screen10BundleFigmaDocument.tsx");
      expect(readFileSync(join(dir, "out", "src/screens/Screen10BundleFigmaDocument.module.css"), "utf8")).not.toMatch(
        /NaN|Infinity/,
      );

      const analyzed = await figment("analyze", path);
      expect(analyzed.code).toBe(1); // a contrast error
      expect(analyzed.stdout).not.toMatch(/0×0|NaN/);
      // The two buttons without a size are not judged; the other four targets still are.
      expect(analyzed.stdout.match(/target-size/g)).toHaveLength(4);
    },
  );
});

describe("a file re-saved with PascalCase keys (issue 38)", () => {
  it.each([
    { file: "figma-gpt-header.file.json", enums: true },
    { file: "over-promo.nodes.json", enums: false },
  ])(
    "reads $file as a C# client re-saves it (enum values by name: $enums): " +
      "the same frames and sizes, the same code byte for byte, one note",
    async ({ file, enums }) => {
      const dir = newDir();
      const original = join(REAL, file);
      const path = join(dir, file);
      writeFileSync(
        path,
        JSON.stringify(pascalCaseFile(JSON.parse(readFileSync(original, "utf8")) as unknown, { enums }).json, null, 2),
      );

      const frames = await figment("frames", path);
      expect(frames.code, frames.stderr).toBe(0);
      expect(frames.stdout).toBe((await figment("frames", original)).stdout);
      expect(frames.stdout).toMatch(/\d+×\d+/);
      expect(frames.stderr).toMatch(
        new RegExp(
          `^figment: note: ${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: its keys differ from ` +
            `Figma's only in case \\(("Nodes" for "nodes", )?"Document" for "document", "Id" for "id"`,
        ),
      );
      expect(frames.stderr.includes("enum values")).toBe(enums);
      expect(frames.stderr.split("\n")).toHaveLength(1);

      const [before, after] = [join(dir, "original"), join(dir, "recased")];
      const expected = await figment("code", original, "--out", before);
      const read = await figment("code", path, "--out", after);
      expect(read.code, read.stderr).toBe(0);
      expect(filesUnder(after)).toEqual(filesUnder(before));
      expect(filesUnder(after).size).toBeGreaterThan(5);
      expect(read.stderr).toBe(`${frames.stderr}${expected.stderr ? `\n${expected.stderr}` : ""}`);
    },
  );
});
