/**
 * The built binary starts light: dist/cli.js and the chunks it imports statically hold the dispatcher, the command
 * table and the parsers, and nothing of a command's work. Each command's run, with the compilers, ts-morph, prettier,
 * Chromium's driver, the model client and the MCP SDK it needs, is a chunk imported when that command runs. Loaded
 * up front, they made every `figment` call cost about 2 s of CPU (`--help` 2.2 s; 0.1 s split).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../test/helpers/fixtures.js";

const DIST = join(REPO_ROOT, "dist");

/** The packages a command's run imports, which the start must not load. */
const HEAVY = [
  "typescript",
  "ts-morph",
  "prettier",
  "playwright-core",
  "openai",
  "@vue/compiler-sfc",
  "svelte",
  "sucrase",
  "tailwindcss",
  "@angular",
  "@modelcontextprotocol/sdk",
  "@orama/orama",
];

/** A module's static imports (`import … from "x"`, `import "x"`), not its dynamic `import("x")`. */
export function staticImports(source: string): string[] {
  return [...source.matchAll(/^import\s+(?:[^;"']*?\sfrom\s*)?"([^"]+)";?$/gm)].map((m) => m[1]!);
}

/** The bare packages dist/cli.js loads before any command runs: its static imports and its chunks', followed. */
function packagesAtStart(): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(readFileSync(join(DIST, file), "utf8"))) {
      if (spec.startsWith("./")) visit(spec.slice(2));
      else if (!spec.startsWith("node:")) packages.add(spec);
    }
  };
  visit("cli.js");
  return packages;
}

describe("the binary's start", () => {
  it("reads static imports and leaves dynamic ones", () => {
    const source =
      'import { a } from "./a.js";\nimport "./b.js";\nimport {\n  c,\n  d\n} from "x";\nawait import("./e.js");';
    expect(staticImports(source)).toEqual(["./a.js", "./b.js", "x"]);
  });

  it("loads no compiler, formatter, browser driver, model client or MCP SDK before a command runs", () => {
    const loaded = [...packagesAtStart()];
    const heavy = loaded.filter((p) => HEAVY.some((h) => p === h || p.startsWith(`${h}/`)));
    expect(heavy).toEqual([]);
  });

  it("answers --help and a refused folder at once, and still runs a command's work", () => {
    const help = spawnSync(process.execPath, [join(DIST, "cli.js"), "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("figment code");
    const frames = spawnSync(
      process.execPath,
      [join(DIST, "cli.js"), "frames", join(REPO_ROOT, "test/fixtures/figma/figmasharp-login.file.json")],
      { encoding: "utf8" },
    );
    expect(frames.status, frames.stderr).toBe(0);
    expect(frames.stdout).toContain("Log-In Page");
  });

  it("figment mcp starts with the MCP SDK and zod alone: a tool's work loads with its first call", async () => {
    // A module hook that prints every package the process imports, then the server asked to initialize.
    const dir = mkdtempSync(join(tmpdir(), "figment-startup-"));
    try {
      const hooks = join(dir, "hooks.mjs");
      writeFileSync(
        hooks,
        "export async function resolve(s, c, next) {\n" +
          "  if (!/^(\\.|\\/|node:|file:)/.test(s)) process.stderr.write('IMPORT ' + s + '\\n');\n" +
          "  return next(s, c);\n}\n",
      );
      const register = join(dir, "register.mjs");
      writeFileSync(
        register,
        `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
      );
      const child = spawn(process.execPath, ["--import", register, join(DIST, "cli.js"), "mcp"], {
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
      const initialized = new Promise<void>((resolve) => {
        let stdout = "";
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('"id":1')) resolve();
        });
      });
      const initialize = {
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "startup", version: "1" } },
      };
      child.stdin.write(`${JSON.stringify(initialize)}\n`);
      await initialized;
      child.stdin.end();
      await new Promise((resolve) => child.on("close", resolve));
      const imported = [...new Set([...stderr.matchAll(/^IMPORT (\S+)$/gm)].map((m) => m[1]!))];
      expect(imported.some((p) => p.startsWith("@modelcontextprotocol/sdk/"))).toBe(true);
      expect(
        imported.filter(
          (p) => HEAVY.some((h) => p === h || p.startsWith(`${h}/`)) && !p.startsWith("@modelcontextprotocol/"),
        ),
      ).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
