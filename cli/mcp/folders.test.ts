/** What the tools may touch (cli/mcp/folders.ts), what they never say (run-command.ts), and `figment mcp`'s flags. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MCP_PORT, parseMcpArgs } from "./args.js";
import { allowedPath, type Folders, rootFolders } from "./folders.js";
import { redactSecrets } from "./run-command.js";
import { hintPage } from "./tools-design.js";
import { loadTokenizer } from "../../ai/estimate/estimate.js";

let base: string;
let own: string;
let outside: string;
const folders = (roots: string[] = []): Folders => ({ own: [own], clientRoots: async () => roots });

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "figment-mcp-folders-"));
  own = join(base, "own");
  outside = join(base, "outside");
  mkdirSync(own);
  mkdirSync(outside);
  writeFileSync(join(outside, "design.json"), "{}");
  symlinkSync(outside, join(own, "link"));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("allowedPath", () => {
  it("takes a path inside the folders, relative to the first, even one not there yet", async () => {
    expect(await allowedPath(folders(), "a/b.json", "the design")).toBe(join(own, "a", "b.json"));
    expect(await allowedPath(folders(), join(own, "new", "out"), "the output folder")).toBe(join(own, "new", "out"));
  });

  it("refuses a path outside, a way out with .., and a link inside that points outside", async () => {
    for (const path of ["/etc/passwd", "../outside/design.json", join(own, "link", "design.json"), base])
      await expect(allowedPath(folders(), path, "the design"), path).rejects.toThrow(
        /^the design .* is outside the folders this server may use/,
      );
  });

  it("takes a path inside a root the client declares (a file:// URI)", async () => {
    const design = join(outside, "design.json");
    expect(await allowedPath(folders([pathToFileURL(outside).href]), design, "the design")).toBe(design);
    expect(rootFolders(["https://example.com/x", pathToFileURL(outside).href])).toEqual([outside]);
  });
});

describe("redactSecrets", () => {
  it("cuts the value of every key, token, secret or password variable out of a text", () => {
    const env = { OPENAI_API_KEY: "sk-abcdefgh123", FIGMA_TOKEN: "figd_0123456789", HOME: "/home/someone" };
    expect(redactSecrets("key sk-abcdefgh123 and figd_0123456789 at /home/someone", env)).toBe(
      "key [redacted] and [redacted] at /home/someone",
    );
  });
});

describe("parseMcpArgs", () => {
  it("stdio by default; --http with or without a port; --root folders absolute", () => {
    expect(parseMcpArgs([])).toEqual({ help: false, roots: [] });
    expect(parseMcpArgs(["--http"]).port).toBe(DEFAULT_MCP_PORT);
    expect(parseMcpArgs(["--http", "0", "--host", "0.0.0.0"])).toMatchObject({ port: 0, host: "0.0.0.0" });
    expect(parseMcpArgs(["--root", "designs"]).roots).toEqual([join(process.cwd(), "designs")]);
    expect(parseMcpArgs(["--cache-check", "0"]).cacheCheckSec).toBe(0);
  });

  it("refuses a bad port, a stray argument, and HTTP's flags without --http", () => {
    expect(() => parseMcpArgs(["--http", "70000"])).toThrow(/--http takes a port/);
    expect(() => parseMcpArgs(["design.json"])).toThrow(/unexpected argument: design.json/);
    expect(() => parseMcpArgs(["--host", "0.0.0.0"])).toThrow(/--host goes with --http/);
    expect(() => parseMcpArgs(["--bearer-env", "T"])).toThrow(/--bearer-env goes with --http/);
    expect(() => parseMcpArgs(["--cache-check", "1m"])).toThrow(/--cache-check takes whole seconds/);
  });
});

describe("hintPage", () => {
  it("pages whole lines within the tokens asked for, at least one line a page", async () => {
    await loadTokenizer();
    const hint = Array.from({ length: 50 }, (_, i) => `frame ${i} "a layer with a name" 0,0 100x${i}`).join("\n");
    const first = hintPage(hint, 0, 60);
    expect(first.tokens).toBeLessThanOrEqual(60);
    expect(first.nextLine).toBe(first["lines"]);
    const last = hintPage(hint, 49, 1);
    expect(last).toMatchObject({ lines: 1, fromLine: 49 });
    expect(last.nextLine).toBeUndefined();
  });
});
