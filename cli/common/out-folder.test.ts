/**
 * An output folder that cannot be one is refused before any work, in one sentence with exit 2: a place that
 * refuses new folders (/proc, where node's recursive mkdir retried for ten minutes; /sys, where it was an internal
 * error with a stack), a path through a file, a folder without write permission. The built binary is run, as a
 * user runs it: a retry loop would hold the test until its timeout.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturePath, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { checkOutDir, refusalReason } from "./out-folder.js";

const CLI = join(REPO_ROOT, "dist", "cli.js");
const LOGIN = fixturePath("figmasharp-login.file.json");
const IS_ROOT = process.getuid?.() === 0;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-out-folder-"));
});
afterAll(() => {
  if (existsSync(join(tmp, "read-only"))) chmodSync(join(tmp, "read-only"), 0o755);
  rmSync(tmp, { recursive: true, force: true });
});

/** The binary with `argv`; a run that loops is killed after a minute so it never outlives the test run. */
function figment(argv: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...argv], {
      cwd: tmp,
      env: { PATH: process.env.PATH ?? "", ...env },
      timeout: 60_000,
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    child.on("close", (code) => done({ code, stderr }));
  });
}

/** Every command that takes --out, with `out` as its folder (the model commands with a key and a dead address). */
const COMMANDS: { name: string; argv: (out: string) => string[]; env?: Record<string, string> }[] = [
  { name: "code", argv: (out) => ["code", LOGIN, "--out", out] },
  { name: "code --target html", argv: (out) => ["code", LOGIN, "--target", "html", "--out", out] },
  { name: "demo", argv: (out) => ["demo", "--out", out] },
  {
    name: "image",
    argv: (out) => ["image", "--prompt", "a cat", "--out", out, "--base-url", "http://127.0.0.1:9"],
    env: { OPENAI_API_KEY: "sk-test" },
  },
  {
    name: "image --provider sdnext",
    argv: (out) => [
      "image",
      "--provider",
      "sdnext",
      "--prompt",
      "a cat",
      "--out",
      out,
      "--base-url",
      "http://127.0.0.1:9",
    ],
  },
  {
    name: "image --template --rows",
    argv: (out) => ["image", "--template", "a {a}", "--rows", join(tmp, "rows.csv"), "--out", out],
    env: { OPENAI_API_KEY: "sk-test" },
  },
  {
    name: "image --template --rows --provider sdnext",
    argv: (out) => [
      "image",
      "--template",
      "a {a}",
      "--rows",
      join(tmp, "rows.csv"),
      "--provider",
      "sdnext",
      "--out",
      out,
      "--base-url",
      "http://127.0.0.1:9",
    ],
  },
];

function expectRefused(result: { code: number | null; stderr: string }, out: string, says: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^figment: --out ${out.replace(/[/\\.]/g, "\\$&")}: `));
  expect(lines[0]).toMatch(says);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at |EPERM|ENOENT|mkdir/);
}

describe("an --out that cannot be made", () => {
  beforeAll(() => {
    writeFileSync(join(tmp, "rows.csv"), "a\ncat\n");
    writeFileSync(join(tmp, "a-file"), "keep me");
  });

  it.each(COMMANDS)("$name: /proc/x (refuses new names) is a sentence and exit 2", async ({ argv, env }) => {
    expectRefused(await figment(argv("/proc/x"), env), "/proc/x", /\/proc does not take new folders/);
  });

  it.each(COMMANDS.slice(0, 4))("$name: /sys/x (refuses even root) is a sentence and exit 2", async ({ argv, env }) => {
    expectRefused(await figment(argv("/sys/x"), env), "/sys/x", /permission denied in \/sys/);
  });

  it("a deeper path under /proc, and a path through a file, are refused the same way", async () => {
    expectRefused(await figment(["code", LOGIN, "--out", "/proc/x/y/z"]), "/proc/x/y/z", /\/proc does not take/);
    const through = join(tmp, "a-file", "sub");
    expectRefused(await figment(["code", LOGIN, "--out", through]), through, /lies inside .*a-file, which is a file/);
  });

  it.skipIf(IS_ROOT)("a folder without write permission is a sentence and exit 2", async () => {
    const readOnly = join(tmp, "read-only");
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    const out = join(readOnly, "x");
    expectRefused(await figment(["code", LOGIN, "--out", out]), out, /permission denied in .*read-only/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("checkOutDir", () => {
  it("leaves nothing behind for a folder it can make (the folder is made when files are written)", async () => {
    const parent = mkdtempSync(join(tmp, "fresh-"));
    await checkOutDir(join(parent, "a", "b"));
    expect(readdirSync(parent)).toEqual([]);
  });

  it("says each refusal in words, naming where", () => {
    expect(refusalReason("EROFS", "/mnt/cd")).toBe("/mnt/cd is on a read-only file system");
    expect(refusalReason("EACCES", "/srv")).toBe("permission denied in /srv");
    expect(refusalReason("ENOSPC", "/data")).toBe("no space left on the device of /data");
    expect(refusalReason("EWHATEVER", "/x")).toBe("the system refuses it (EWHATEVER)");
  });
});
