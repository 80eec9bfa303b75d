/**
 * The official MCP inspector's CLI against `figment mcp` over stdio, as a developer checks a server by hand:
 * `@modelcontextprotocol/inspector-cli`, the package `npx @modelcontextprotocol/inspector --cli` runs (the same
 * build), pinned at 0.15.0, the last to run on Node 20; the whole inspector is not installed, as its launcher finds
 * its own commander only where npm hoists it (here sucrase's commander 4 is). tools/list lists every tool,
 * and tools/call calls each of them on a fixture design in the server's working folder, with arguments as the
 * inspector's `--tool-arg key=value` gives them. Every result is no error and its structured content fits the
 * output schema the tool declares (Ajv); a tool the list has and this test does not call fails it.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/fixtures.js";
import { runBrowser } from "./helpers/browser.js";
import { designFacts } from "../codegen/design/design-diff.js";
import { recordFiles } from "../codegen/project/record.js";

const INSPECTOR = join(REPO_ROOT, "node_modules", "@modelcontextprotocol", "inspector-cli", "build", "cli.js");
const SERVER = [process.execPath, join(REPO_ROOT, "dist", "cli.js"), "mcp"];
const LOGIN = join(REPO_ROOT, "test", "fixtures", "figma", "figmasharp-login.file.json");

/** Each tool's call, in an order where score_code finds the code get_code wrote. */
const CALLS: [tool: string, args: string[]][] = [
  ["list_frames", ["design=login.json"]],
  ["get_design_hint", ["design=login.json", "maxTokens=2000"]],
  // Over the page: the first page of whole sections, with its nextCursor.
  ["get_design_hint", ["design=login.json", "maxTokens=500"]],
  ["get_code", ["design=login.json", "out=code", "target=html", "nodeIds=true"]],
  ["score_code", ["design=login.json", "dir=code", "widths=[375]"]],
  ["analyze", ["design=login.json"]],
  ["search_frames", ["design=login.json", "query=log in"]],
  ["get_variables", ["design=login.json", "styling=tailwind"]],
  ["get_screenshot", ["design=login.json", "node=101:3"]],
  ["generate_image", ["prompt=a lighthouse at dusk", "out=images", "dryRun=true"]],
  ["get_design_changes", ["folder=generated", "design=login.json"]],
  ["update_code", ["folder=generated", "design=login.json", "dryRun=true"]],
];

/** A folder figment code generated from login.json: its .figment record, for get_design_changes and update_code. */
function writeRecord(dir: string): void {
  const design = designFacts(JSON.parse(readFileSync(LOGIN, "utf8")) as unknown);
  const record = {
    figment: "0.1.0",
    createdAt: "2026-11-27T12:00:00.000Z",
    by: "cli" as const,
    source: { file: "login.json", nodes: [], frames: [] },
    options: { target: "html" as const, styling: "css-modules" as const, nodeIds: true },
  };
  for (const file of recordFiles(record, [{ path: "index.html", content: "<!doctype html>\n" }], design)) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
}

interface Tool {
  name: string;
  inputSchema: object;
  outputSchema?: object;
}
interface CallResult {
  content: { type: string }[];
  structuredContent?: unknown;
  isError?: boolean;
}

let work: string;

/** `mcp-inspector --cli <figment mcp> …args` in the working folder: its stdout, parsed. */
function inspector(args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [INSPECTOR, "--cli", ...SERVER, ...args], {
      cwd: work,
      env: { ...process.env, OPENAI_API_KEY: "sk-test-not-a-real-key-0123456789" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => {
      if (status !== 0) return reject(new Error(`the inspector exited ${status}: ${stderr}${stdout}`));
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(new Error(`the inspector printed no JSON: ${stdout}${stderr}`));
      }
    });
  });
}

let tools: Tool[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figment-mcp-inspector-"));
  copyFileSync(LOGIN, join(work, "login.json"));
  writeRecord(join(work, "generated"));
  tools = ((await inspector(["--method", "tools/list"])) as { tools: Tool[] }).tools;
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.runIf(runBrowser)("the MCP inspector's CLI against figment mcp", () => {
  it("tools/list: every tool, each with an input and an output schema; the test calls each", () => {
    expect(tools.map((t) => t.name).sort()).toEqual([...new Set(CALLS.map(([tool]) => tool))].sort());
    for (const tool of tools) {
      expect(tool.inputSchema, tool.name).toMatchObject({ type: "object" });
      expect(tool.outputSchema, tool.name).toMatchObject({ type: "object" });
    }
  });

  it.each(CALLS)(
    "tools/call %s on the fixture: a result that fits its output schema",
    async (tool, args) => {
      const result = (await inspector([
        "--method",
        "tools/call",
        "--tool-name",
        tool,
        ...args.flatMap((arg) => ["--tool-arg", arg]),
      ])) as CallResult;
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      expect(result.content.length).toBeGreaterThan(0);
      const schema = tools.find((t) => t.name === tool)?.outputSchema;
      const validate = new Ajv({ strict: false }).compile(schema ?? {});
      expect(validate(result.structuredContent), JSON.stringify(validate.errors)).toBe(true);
      if (tool === "get_screenshot") expect(result.content.map((c) => c.type)).toContain("image");
      if (args.includes("maxTokens=500")) expect(result.structuredContent).toHaveProperty("nextCursor");
    },
    120_000,
  );
});
