/**
 * Exit codes as users of Unix tools expect them, across commands: 0 done, 1 nothing found or a check failed,
 * 2 bad usage (an unknown flag, a missing argument, a bad value, an unusable file or folder). And the messages
 * of bad usage: one line, one "figment: " prefix, no stack, the unknown flag quoted whole.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo, fixturePath, REPO_ROOT } from "../test/helpers/fixtures.js";
import { version } from "./package-file.js";
import { run } from "./run.js";

const LOGIN = fixturePath("figmasharp-login.file.json");
const STROKE = fixturePath("grida-stroke.file.json");

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-exit-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

async function figment(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io, { env: {} });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const file = (name: string, content: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe("exit codes", () => {
  const cases: { name: string; argv: () => string[]; exit: 0 | 1 | 2 }[] = [
    { name: "frames lists", argv: () => ["frames", LOGIN], exit: 0 },
    { name: "search finds", argv: () => ["search", LOGIN, "log in"], exit: 0 },
    { name: "analyze without an error finding", argv: () => ["analyze", STROKE], exit: 0 },
    { name: "search finds nothing", argv: () => ["search", LOGIN, "zebracorn"], exit: 1 },
    { name: "analyze with an error finding (a failed check)", argv: () => ["analyze", LOGIN], exit: 1 },
    { name: "an unknown flag (frames)", argv: () => ["frames", LOGIN, "--bogus"], exit: 2 },
    { name: "an unknown flag (search)", argv: () => ["search", LOGIN, "x", "--bogus"], exit: 2 },
    { name: "an unknown flag (batch)", argv: () => ["batch", "status", tmp, "--bogus"], exit: 2 },
    { name: "a flag another command takes", argv: () => ["hints", LOGIN, "--target", "html"], exit: 2 },
    { name: "a missing argument (code)", argv: () => ["code"], exit: 2 },
    { name: "a missing argument (search)", argv: () => ["search", LOGIN], exit: 2 },
    { name: "a missing argument (batch)", argv: () => ["batch", "status"], exit: 2 },
    { name: "a bad value", argv: () => ["code", LOGIN, "--target", "flutter"], exit: 2 },
    {
      name: "a value that does not go together",
      argv: () => ["code", LOGIN, "--target", "html", "--styling", "tailwind"],
      exit: 2,
    },
    { name: "a folder as the design", argv: () => ["frames", tmp], exit: 2 },
    { name: "an existing file as --out", argv: () => ["code", LOGIN, "--out", file("taken", "x")], exit: 2 },
    { name: "a file as the batch's folder", argv: () => ["batch", "status", file("not-a-folder", "x")], exit: 2 },
    { name: "no command", argv: () => [], exit: 2 },
    { name: "an unknown command", argv: () => ["bogus"], exit: 2 },
  ];

  it.each(cases)("$name: $exit", async ({ argv, exit }) => {
    const { code, stderr } = await figment(...argv());
    expect(code, stderr).toBe(exit);
    expect(stderr).not.toMatch(/figment: internal error|\n\s+at .+:\d+:\d+/);
  });
});

describe("messages of bad usage", () => {
  it("a folder as the design says so, not EISDIR", async () => {
    const { stderr } = await figment("frames", tmp);
    expect(stderr).toBe(`figment: ${tmp} is a folder, not a file: name the .json file inside it`);
  });

  it(
    "--out naming an existing file (or a path through one) is " +
      "refused before anything is written, not an internal error",
    async () => {
      const taken = file("taken-out", "keep me");
      for (const [out, says] of [
        [taken, `${taken} is a file, not a folder`],
        [join(taken, "sub"), `${join(taken, "sub")} lies inside`],
      ] as const) {
        for (const argv of [
          ["code", LOGIN, "--out", out],
          ["demo", "--out", out],
        ]) {
          const { code, stdout, stderr } = await figment(...argv);
          expect(code, argv.join(" ")).toBe(2);
          expect(stdout).toBe("");
          expect(stderr).toMatch(
            new RegExp(`^figment: --out ${out.replace(/[/\\]/g, "\\$&")}: ${says.replace(/[/\\]/g, "\\$&")}`),
          );
          expect(stderr.split("\n")).toHaveLength(1);
        }
      }
      expect(readFileSync(taken, "utf8")).toBe("keep me");
    },
  );

  it("one 'figment: ' prefix, however the message starts", async () => {
    for (const argv of [
      ["search", LOGIN],
      ["search"],
      ["code"],
      ["frames"],
      ["analyze"],
      ["score"],
      ["batch", "status"],
      ["batch", "bogus", "x"],
    ]) {
      const { code, stderr } = await figment(...argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(stderr, argv.join(" ")).toMatch(/^figment: /);
      expect(stderr, argv.join(" ")).not.toMatch(/^figment: figment /);
    }
    expect((await figment("search", LOGIN)).stderr).toBe(
      "figment: search needs a query: figment search <design.json> QUERY",
    );
  });

  it("an unknown flag is quoted whole, with the command's help named (node's quoting advice left out)", async () => {
    for (const [command, ...rest] of [
      ["frames", LOGIN],
      ["code", LOGIN],
      ["hints", LOGIN],
      ["fidelity", LOGIN],
      ["demo"],
      ["search", LOGIN, "x"],
      ["batch", "status", tmp],
    ]) {
      const { stderr } = await figment(command!, ...rest, "--bogus");
      expect(stderr, command).toBe(`figment: Unknown option '--bogus' (figment ${command} --help lists the flags)`);
    }
  });

  it("a file that is not JSON is said on one line, whatever its first characters", async () => {
    for (const content of ["hello\nworld\nand more", "<html>\n<body>\n", "# A README\n\ntext"]) {
      const { code, stderr } = await figment("frames", file("notes.json", content));
      expect(code).toBe(2);
      expect(stderr).toMatch(/^figment: not Figma JSON: .*notes\.json is not valid JSON \(/);
      expect(stderr.split("\n"), JSON.stringify(content)).toHaveLength(1);
    }
  });

  it("--target html with --styling tailwind is refused: the HTML output is plain CSS", async () => {
    const out = join(tmp, "never-tailwind");
    const { code, stderr } = await figment("code", LOGIN, "--target", "html", "--styling", "tailwind", "--out", out);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "figment: --styling tailwind applies to --target react only: the HTML output " +
        "is plain CSS (styles.css); leave out --styling, or use --target react",
    );
    expect(readdirSync(tmp)).not.toContain("never-tailwind");
  });
});

describe("--version", () => {
  it("is package.json's version", async () => {
    const { version: declared } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    expect(await version()).toBe(declared);
    for (const argv of [["--version"], ["-v"], ["code", "--version"]]) {
      const { code, stdout } = await figment(...argv);
      expect(code).toBe(0);
      expect(stdout).toBe(declared);
    }
  });
});
