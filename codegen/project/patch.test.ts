/**
 * projectPatch against real git: a temp repository holding the old generation takes the patch (`git apply --check`,
 * then `git apply`) and ends byte for byte as the new generation — modified, added, deleted and empty files, names
 * with spaces and non-ASCII letters, files without a final newline; binary files are named in the preamble, not
 * patched, and the patch still applies.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SourceFile } from "../types.js";
import { gitBlobId } from "./git-blob.js";
import { gitName, projectPatch } from "./patch.js";

const GIT = "/usr/bin/git";
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function writeTree(dir: string, files: readonly SourceFile[]): void {
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes ?? file.content);
  }
}

function readTree(dir: string, at = dir): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(at)) {
    if (name === ".git") continue;
    const path = join(at, name);
    if (statSync(path).isDirectory()) for (const [p, b] of readTree(dir, path)) files.set(p, b);
    else files.set(relative(dir, path).split("\\").join("/"), readFileSync(path));
  }
  return files;
}

/** A git repository holding `files`, committed. */
function repoOf(files: readonly SourceFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), "figment-patch-"));
  dirs.push(dir);
  const git = (...args: string[]) => execFileSync(GIT, args, { cwd: dir, stdio: "pipe" });
  git("init", "-q");
  writeTree(dir, files);
  git("add", "-A");
  git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "generated", "--allow-empty");
  return dir;
}

/** Applies `patch` with git (check first) in a repository of `before`; its files after. */
function applied(before: readonly SourceFile[], patch: string): Map<string, Buffer> {
  const dir = repoOf(before);
  const file = join(dir, "..", `${dir.split(/[\\/]/).at(-1)}.patch`);
  writeFileSync(file, patch);
  dirs.push(file);
  execFileSync(GIT, ["apply", "--check", file], { cwd: dir, stdio: "pipe" });
  execFileSync(GIT, ["apply", file], { cwd: dir, stdio: "pipe" });
  return readTree(dir);
}

const bytesOf = (files: readonly SourceFile[]): Map<string, Buffer> =>
  new Map(files.map((f) => [f.path, Buffer.from(f.bytes ?? new TextEncoder().encode(f.content))]));

const lines = (n: number, change?: (i: number) => string | undefined): string =>
  Array.from({ length: n }, (_, i) => change?.(i) ?? `line ${i + 1}`).join("\n");

const OLD: SourceFile[] = [
  { path: "src/App.tsx", content: `${lines(40)}\n` },
  { path: "src/screens/Home.tsx", content: "export function Home() {\n  return <h1>Buy</h1>;\n}\n" },
  { path: "src/gone.css", content: ".a { color: red; }\n" },
  { path: "src/empty-gone.ts", content: "" },
  { path: "src/no newline.txt", content: "last line" },
  { path: "src/größe.md", content: "# Größe\n" },
  { path: ".figment/record.json", content: '{\n  "createdAt": "2026-11-28T14:02:00.000Z"\n}\n' },
];

const NEW: SourceFile[] = [
  {
    path: "src/App.tsx",
    content: `${lines(40, (i) => (i === 5 ? "changed 6" : i === 30 ? "changed 31" : undefined))}\n`,
  },
  { path: "src/screens/Home.tsx", content: "export function Home() {\n  return <h1>Buy now</h1>;\n}\n" },
  { path: "src/screens/New Card.tsx", content: "export const Card = () => null;\n" },
  { path: "src/empty-new.ts", content: "" },
  { path: "src/no newline.txt", content: "last line, longer" },
  { path: "src/größe.md", content: "# Größe\n\nMehr.\n" },
  { path: ".figment/record.json", content: '{\n  "createdAt": "2026-11-29T09:30:00.000Z"\n}\n' },
];

describe("projectPatch", () => {
  it("takes a folder of the old generation to the new one byte for byte under git apply", () => {
    const patch = projectPatch(OLD, NEW, { title: ["Figment update: Home, 28 Nov 14:02 → now"] });
    expect(patch.text.startsWith("# Figment update: Home, 28 Nov 14:02 → now\n")).toBe(true);
    const id = (content: string) => gitBlobId(content);
    const app = (i: number) => NEW[0]!.content.split("\n")[i];
    expect(app(5)).toBe("changed 6");
    expect(patch.text).toContain(
      `diff --git a/src/App.tsx b/src/App.tsx\nindex ${id(OLD[0]!.content)}..${id(NEW[0]!.content)} 100644\n` +
        "--- a/src/App.tsx\n+++ b/src/App.tsx\n",
    );
    expect(patch.text).toContain(
      `new file mode 100644\nindex ${"0".repeat(40)}..${id(NEW[2]!.content)}\n--- /dev/null\n` +
        "+++ b/src/screens/New Card.tsx\t\n",
    );
    expect(patch.text).toContain(
      `deleted file mode 100644\nindex ${id(OLD[2]!.content)}..${"0".repeat(40)}\n--- a/src/gone.css\n+++ /dev/null\n`,
    );
    expect(patch.text).toContain(`diff --git "a/src/gr\\303\\266\\303\\237e.md" "b/src/gr\\303\\266\\303\\237e.md"`);
    expect(patch.files).toEqual([
      { path: "src/App.tsx", change: "modified" },
      { path: "src/screens/Home.tsx", change: "modified" },
      { path: "src/screens/New Card.tsx", change: "added" },
      { path: "src/empty-new.ts", change: "added" },
      { path: "src/no newline.txt", change: "modified" },
      { path: "src/größe.md", change: "modified" },
      { path: ".figment/record.json", change: "modified" },
      { path: "src/gone.css", change: "deleted" },
      { path: "src/empty-gone.ts", change: "deleted" },
    ]);
    expect(applied(OLD, patch.text)).toEqual(bytesOf(NEW));
  });

  it("merges under git apply --3way where the team edited lines near the design's change", () => {
    const dir = repoOf(OLD);
    const git = (...args: string[]) => execFileSync(GIT, args, { cwd: dir, stdio: "pipe" });
    // The team changed line 8, within the context of the design's change of line 6, and committed it.
    const theirs = OLD[0]!.content.replace("line 8\n", "the team's line 8\n");
    writeFileSync(join(dir, "src/App.tsx"), theirs);
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qam", "ours");
    const file = `${dir}.patch`;
    writeFileSync(file, projectPatch(OLD, NEW).text);
    dirs.push(file);
    expect(() => git("apply", "--check", file)).toThrow(/patch does not apply/);
    git("apply", "--3way", file);
    const merged = readFileSync(join(dir, "src/App.tsx"), "utf8").split("\n");
    expect(merged.slice(4, 9)).toEqual(["line 5", "changed 6", "line 7", "the team's line 8", "line 9"]);
    expect(merged[30]).toBe("changed 31");
    expect(readFileSync(join(dir, "src/screens/Home.tsx"), "utf8")).toBe(NEW[1]!.content);
  });

  it("leaves unchanged files out, and is empty when nothing changed", () => {
    const patch = projectPatch(OLD, [...OLD.slice(0, 1), NEW[1]!, ...OLD.slice(2)]);
    expect(patch.files).toEqual([{ path: "src/screens/Home.tsx", change: "modified" }]);
    expect(patch.text.match(/^diff --git/gm)).toHaveLength(1);
    expect(projectPatch(OLD, OLD)).toEqual({ text: "", files: [], binaries: [] });
  });

  it("names binary files in the preamble, and the patch still applies to the text files", () => {
    const png = (n: number) => ({ path: "src/assets/hero.png", content: "", bytes: new Uint8Array([137, 80, n]) });
    const before = [...OLD, png(1), { path: "src/assets/old.png", content: "", bytes: new Uint8Array([1, 0, 2]) }];
    const after = [...NEW, png(2), { path: "public/font.woff2", content: "", bytes: new Uint8Array([0, 1]) }];
    const patch = projectPatch(before, after, { binariesFrom: "home-react.zip" });
    expect(patch.binaries).toEqual([
      { path: "src/assets/hero.png", change: "modified" },
      { path: "public/font.woff2", change: "added" },
      { path: "src/assets/old.png", change: "deleted" },
    ]);
    expect(patch.text).toContain(
      "# Binary files are not in this patch (git apply cannot make them without their bytes); take them from " +
        "home-react.zip:\n#   replace src/assets/hero.png\n#   add public/font.woff2\n#   delete src/assets/old.png\n",
    );
    expect(patch.text).not.toContain("GIT binary patch");
    const result = applied(before, patch.text);
    // The text files are the new generation's; the binaries are as they were (the note says what to do).
    for (const file of NEW) expect(result.get(file.path)).toEqual(bytesOf([file]).get(file.path));
    expect(result.get("src/assets/hero.png")).toEqual(Buffer.from([137, 80, 1]));
  });

  it("names blobs as git hash-object does", () => {
    const dir = repoOf([]);
    for (const content of ["", "x", "line\n".repeat(1000), "Größe ✓\r\n"]) {
      writeFileSync(join(dir, "blob"), content);
      const theirs = execFileSync(GIT, ["hash-object", "blob"], { cwd: dir }).toString().trim();
      expect(gitBlobId(content)).toBe(theirs);
    }
    // Every length around SHA-1's 64-byte blocks and its 56-byte padding edge.
    for (let n = 40; n < 140; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 7 + n) & 255);
      writeFileSync(join(dir, "blob"), bytes);
      expect(gitBlobId(bytes)).toBe(execFileSync(GIT, ["hash-object", "blob"], { cwd: dir }).toString().trim());
    }
  });

  it("quotes names as git does", () => {
    expect(gitName("a/src/App.tsx")).toBe("a/src/App.tsx");
    expect(gitName("a/src/x y.ts")).toBe("a/src/x y.ts");
    expect(gitName('a/"q"\\.ts')).toBe('"a/\\"q\\"\\\\.ts"');
    expect(gitName("a/tab\there")).toBe('"a/tab\\there"');
  });
});
