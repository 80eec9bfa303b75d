/**
 * Where `figment code` writes without --out (./figment-out/<frame>/<target>/, one folder per frame of a whole
 * file), that it says where, and that React then HTML never mix in silence: apart by default, and a warning
 * naming the other target's files when the user points both at one --out.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo, fixturePath, listFiles, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { folderSlug, frameFolders, otherTargetFiles } from "./out-dir.js";
import { run } from "../run.js";

const LOGIN = fixturePath("figmasharp-login.file.json");
const FIGMAGIC = fixturePath("figmagic-design-system.file.json");
const CLI = join(REPO_ROOT, "dist", "cli.js");

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-out-dir-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** The built binary run in `cwd` (test/global-setup.ts builds dist/ first): the default folder is relative to it. */
function figmentIn(cwd: string, ...argv: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...argv], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("folder names", () => {
  it("are the frames' names as slugs, in any script, a repeated one numbered", () => {
    expect(frameFolders(["Home", "Home • Desktop", "Промо", "Home", "  ", "Sign up-OTP"])).toEqual([
      "home",
      "home-desktop",
      "промо",
      "home-2",
      "frame",
      "sign-up-otp",
    ]);
    expect(folderSlug("../../etc/passwd")).toBe("etc-passwd");
    expect(folderSlug("a".repeat(100))).toHaveLength(60);
  });
});

describe("figment code without --out", () => {
  it("writes ./figment-out/<frame>/<target>/ and says so; HTML then goes beside React, not into it", () => {
    const cwd = mkdtempSync(join(tmp, "one-"));
    const react = figmentIn(cwd, "code", LOGIN);
    expect(react.code, react.stderr).toBe(0);
    expect(react.stdout.split("\n")[0]).toMatch(
      /^wrote \d+ files to figment-out\/log-in-page\/react \(and its record, \.figment\/\)$/,
    );
    const html = figmentIn(cwd, "code", LOGIN, "--target", "html");
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout.split("\n")[0]).toMatch(
      /^wrote \d+ files to figment-out\/log-in-page\/html \(and its record, \.figment\/\)$/,
    );
    expect(listFiles(join(cwd, "figment-out", "log-in-page", "html"))).toEqual(
      expect.arrayContaining(["index.html", "styles.css"]),
    );
    expect(listFiles(join(cwd, "figment-out", "log-in-page", "react")).every((p) => p.startsWith("src/"))).toBe(true);
    expect(html.stderr).not.toMatch(/warning: .* --target react run/);
    // Nothing anywhere else: the demo's ./out and the working folder stay clean.
    expect(existsSync(join(cwd, "out"))).toBe(false);
  });

  it("converts a whole file one folder per frame, each on its own, and --json's paths are under figment-out", () => {
    const cwd = mkdtempSync(join(tmp, "whole-"));
    const { code, stdout, stderr } = figmentIn(cwd, "code", FIGMAGIC, "--target", "html", "--json");
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as { out: string; files: { path: string }[] };
    expect(report.out).toBe("figment-out");
    const listed = JSON.parse(figmentIn(cwd, "frames", FIGMAGIC, "--json").stdout) as {
      frames: { name: string; converted: boolean }[];
      groups: { frames: unknown[] }[];
    };
    const folders = new Set(report.files.map((f) => f.path.split("/")[0]));
    // A page drawn at several widths (the demo view at four devices' widths) is one folder.
    const drawings = listed.groups.reduce((n, g) => n + g.frames.length - 1, 0);
    expect(drawings).toBe(3);
    expect(folders.size).toBe(listed.frames.filter((f) => f.converted).length - drawings);
    for (const folder of folders) expect(report.files.map((f) => f.path)).toContain(`${folder}/html/index.html`);
    expect(listFiles(join(cwd, "figment-out")).sort()).toEqual(report.files.map((f) => f.path).sort());
  });
});

describe("React then HTML into one --out", () => {
  it("warns, naming the React files the HTML run leaves beside its own", async () => {
    const out = join(mkdtempSync(join(tmp, "mixed-")), "site");
    const first = captureIo();
    expect(await run(["code", LOGIN, "--out", out], first)).toBe(0);
    expect(first.stderr()).not.toMatch(/warning: /);
    const second = captureIo();
    expect(await run(["code", LOGIN, "--out", out, "--target", "html"], second)).toBe(0);
    expect(second.stderr()).toMatch(
      new RegExp(
        `^figment: warning: ${out.replace(/[/\\]/g, "\\$&")} already holds \\d+ ` +
          `files of a --target react run \\(src/[^)]+\\), which this run leaves beside ` +
          `its html files; empty the folder or name another --out to keep them apart$`,
        "m",
      ),
    );
    // The same target again overwrites its own files: nothing to say.
    const again = captureIo();
    expect(await run(["code", LOGIN, "--out", out, "--target", "html"], again)).toBe(0);
    expect(again.stderr()).toMatch(/already holds \d+ files of a --target react run/);
    const fresh = join(mkdtempSync(join(tmp, "fresh-")), "site");
    const html = captureIo();
    expect(await run(["code", LOGIN, "--out", fresh, "--target", "html"], html)).toBe(0);
    expect(await run(["code", LOGIN, "--out", fresh, "--target", "html"], html)).toBe(0);
    expect(html.stderr()).not.toMatch(/warning: /);
  });

  it("finds the other target's files, and not this run's own nor a project's node_modules", async () => {
    const dir = mkdtempSync(join(tmp, "scan-"));
    mkdirSync(join(dir, "src", "screens"), { recursive: true });
    mkdirSync(join(dir, "node_modules", "x"), { recursive: true });
    writeFileSync(join(dir, "src", "screens", "Home.tsx"), "");
    writeFileSync(join(dir, "src", "screens", "Home.module.css"), "");
    writeFileSync(join(dir, "node_modules", "x", "a.tsx"), "");
    writeFileSync(join(dir, "index.html"), "");
    expect(await otherTargetFiles(dir, "html", ["index.html", "styles.css"])).toEqual([
      "src/screens/Home.module.css",
      "src/screens/Home.tsx",
    ]);
    expect(await otherTargetFiles(dir, "react", ["src/screens/Home.tsx"])).toEqual(["index.html"]);
    expect(await otherTargetFiles(dir, "react", ["index.html"])).toEqual([]);
    expect(await otherTargetFiles(join(dir, "missing"), "react", [])).toEqual([]);
  });
});
