/** The writer keeps the project pass's rule for what is inside --out (codegen/file-paths.ts insidePath). */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkPaths } from "../../codegen/project/paths.js";
import { safeTarget, writeFilesUnder } from "./io.js";

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-io-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("writeFilesUnder: what the project pass keeps is written inside the folder", () => {
  it("writes files under folders named ..foo, refuses .. , absolute and drive paths", async () => {
    const out = join(tmp, "out");
    const model = [
      { path: "src/..foo/Bar.tsx", content: "export {};\n" },
      { path: "..foo/x.css", content: "a {}\n" },
      { path: "../escape.css", content: "a {}\n" },
      { path: "src\\..\\..\\escape.ts", content: "x\n" },
      { path: "/tmp/escape.ts", content: "x\n" },
      { path: "C:\\escape.ts", content: "x\n" },
    ];
    const kept = checkPaths(model).files;
    expect(kept.map((file) => file.path)).toEqual(["src/..foo/Bar.tsx", "..foo/x.css"]);
    // The writer is the last guard: given everything, it writes what the pass kept and refuses the rest.
    const { written, problems } = await writeFilesUnder(out, model);
    expect(written).toEqual([join(out, "src", "..foo", "Bar.tsx"), join(out, "..foo", "x.css")]);
    expect(readFileSync(join(out, "..foo", "x.css"), "utf8")).toBe("a {}\n");
    expect(problems.map((p) => p.file)).toEqual(model.slice(2).map((file) => file.path));
    expect(existsSync(join(tmp, "escape.css"))).toBe(false);
  });

  it("safeTarget resolves inside the root, or is undefined", () => {
    expect(safeTarget("/root", "..foo/x.css")).toBe(join("/root", "..foo", "x.css"));
    expect(safeTarget("/root", "a\\b.css")).toBe(join("/root", "a", "b.css"));
    expect(safeTarget("/root", "..")).toBeUndefined();
    expect(safeTarget("/root", "")).toBeUndefined();
    expect(safeTarget("/root", "a/\0")).toBeUndefined();
  });
});
