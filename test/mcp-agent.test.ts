/**
 * An agent's session with `figment mcp` (issue 53), as a coding agent drives it: one server process over stdio (the
 * built dist/cli.js), the SDK's client, and for every real designer's file in the repository (test/fixtures/real)
 * list_frames, then for one of its frames get_design_hint → get_code (HTML with layer ids, into the agent's folder)
 * → score_code of that code. Every result is checked against its tool's output schema (Ajv, from tools/list), and
 * score_code's figures equal `figment score --dir --json` on the same folder within 0.02.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { Ajv, type ValidateFunction } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../cli/run.js";
import { captureIo, REPO_ROOT } from "./helpers/fixtures.js";
import { runBrowser } from "./helpers/browser.js";

const REAL = join(REPO_ROOT, "test", "fixtures", "real");
const FILES = readdirSync(REAL)
  .filter((name) => name.endsWith(".json"))
  .sort();
/** The largest frame an agent's call takes here: the score's time grows with the layers. */
const MAX_LAYERS = 700;

type ToolResult = Awaited<ReturnType<Client["callTool"]>>;
interface Frame {
  id: string;
  name: string;
  converted: boolean;
  nodes: number;
  width: number | null;
}
interface Score {
  iouMatched: number;
  meanIoU: number;
  matched: number;
  widths: { width: number }[];
}

let work: string;
let client: Client;
const schemas = new Map<string, ValidateFunction>();

/** The result's structured content, after checking it is no error and fits the tool's output schema. */
function valid<T>(tool: string, result: ToolResult): T {
  const said = (result.content as { text?: string }[]).map((c) => c.text ?? "").join("\n");
  expect(result.isError, `${tool}: ${said}`).toBeFalsy();
  const validate = schemas.get(tool)!;
  expect(validate(result.structuredContent), `${tool}: ${JSON.stringify(validate.errors)}`).toBe(true);
  return result.structuredContent as T;
}

/** The frame an agent would take: the largest converted one of at most MAX_LAYERS layers. */
function pick(frames: readonly Frame[]): Frame | undefined {
  return frames
    .filter((f) => f.converted && f.nodes <= MAX_LAYERS && (f.width ?? 0) > 0)
    .sort((a, b) => b.nodes - a.nodes)[0];
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figment-mcp-agent-"));
  client = new Client({ name: "figment-agent-test", version: "1.0.0" });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [join(REPO_ROOT, "dist", "cli.js"), "mcp", "--root", REAL],
    cwd: work,
    env: process.env as Record<string, string>,
    stderr: "pipe",
  });
  await client.connect(transport);
  const ajv = new Ajv({ strict: false });
  for (const tool of (await client.listTools()).tools)
    if (tool.outputSchema) schemas.set(tool.name, ajv.compile(tool.outputSchema));
}, 60_000);

afterAll(async () => {
  await client?.close();
  rmSync(work, { recursive: true, force: true });
});

describe.runIf(runBrowser)("an agent's get_design_hint → get_code → score_code on every real file", () => {
  it("finds the real files", () => {
    expect(FILES.length).toBeGreaterThanOrEqual(10);
  });

  it.each(FILES)(
    "%s: a hint, code with layer ids, and a score equal to figment score's",
    async (file) => {
      const design = join(REAL, file);
      const listed = valid<{ frames: Frame[] }>(
        "list_frames",
        await client.callTool({ name: "list_frames", arguments: { design } }),
      );
      const frame = pick(listed.frames);
      expect(frame, `no frame of at most ${MAX_LAYERS} layers in ${file}`).toBeDefined();
      const nodes = [frame!.id];

      const hint = valid<{ hint: string; tokens: number; totalTokens: number }>(
        "get_design_hint",
        await client.callTool({ name: "get_design_hint", arguments: { design, nodes } }),
      );
      expect(hint.hint).toContain(frame!.id);
      expect(hint.tokens).toBeGreaterThan(0);

      const out = file.replace(/\.json$/, "");
      const code = valid<{ files: { path: string }[] }>(
        "get_code",
        await client.callTool({
          name: "get_code",
          arguments: { design, nodes, out, target: "html", nodeIds: true },
        }),
      );
      expect(code.files.map((f) => f.path)).toContain("index.html");

      const scored = valid<{ score: Score }>(
        "score_code",
        await client.callTool({ name: "score_code", arguments: { design, dir: out, node: frame!.id } }),
      );
      const io = captureIo();
      const cli = ["score", design, "--dir", join(work, out), "--node", frame!.id, "--json"];
      expect(await run(cli, io), io.stderr()).toBe(0);
      const expected = (JSON.parse(io.stdout()) as { score: Score }).score;
      const got = scored.score;
      for (const figure of ["iouMatched", "meanIoU", "matched"] as const)
        expect(Math.abs(got[figure] - expected[figure]), `${file} ${figure}`).toBeLessThanOrEqual(0.02);
      expect(got.widths.map((w) => w.width)).toEqual(expected.widths.map((w) => w.width));
    },
    120_000,
  );
});
