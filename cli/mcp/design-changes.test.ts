/**
 * get_design_changes over MCP (the server in this process over HTTP, the SDK's client checking each result against
 * the tool's output schema), on real successive versions (test/fixtures/diff) served by the Figma-REST test server
 * (never Figma): since a Figma version to the current one, since a generated folder's record to a design file or to
 * the file's current version; the folders and the token as every tool has them; each misuse a tool error in words.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { designFacts } from "../../codegen/design/design-diff.js";
import { recordFiles } from "../../codegen/project/record.js";
import { type FigmaRestTestServer, startFigmaRestServer } from "../../test/figma-rest-server/server.js";
import { type Commit, VERSIONS, versionedFile, versionPath } from "../../test/helpers/design-versions.js";
import { type RunningHttp, serveHttp } from "./http.js";

const TOKEN = "figd_design-changes-mcp-4567";
const KEY = "JennyFileKey0123456789";
const [, V2, V3, NOW] = VERSIONS;

let work: string;
let figma: FigmaRestTestServer;

/** A folder under the working folder as figment code --out writes it, its record of `commit`'s design. */
function generated(name: string, commit: Commit, fileKey?: string): string {
  const dir = join(work, name);
  const design = designFacts(JSON.parse(readFileSync(versionPath(commit), "utf8")) as unknown);
  const record = {
    figment: "0.1.0",
    createdAt: "2019-08-07T10:00:00.000Z",
    by: "mcp" as const,
    source: { file: "design.json", ...(fileKey ? { fileKey } : {}), nodes: [], frames: [] },
    options: { target: "react" as const, styling: "css-modules" as const, nodeIds: false },
  };
  for (const file of recordFiles(record, [{ path: "src/App.tsx", content: "export {};\n" }], design)) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return name;
}

async function connect(env: Record<string, string> = { FIGMA_TOKEN: TOKEN }): Promise<[Client, RunningHttp]> {
  const served = await serveHttp({
    folders: [work],
    env,
    figma: { baseUrl: figma.url, cacheDir: join(work, ".cache"), sleep: async () => {} },
    host: "127.0.0.1",
    port: 0,
  });
  const client = new Client({ name: "figment-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(served.url)));
  await client.listTools();
  return [client, served];
}

let client: Client;
let served: RunningHttp;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figment-mcp-changes-"));
  figma = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: versionedFile() } });
  writeFileSync(join(work, "new.json"), readFileSync(versionPath("c66ecf7")));
  [client, served] = await connect();
});

afterAll(async () => {
  await client?.close();
  await served?.close();
  await figma?.close();
  rmSync(work, { recursive: true, force: true });
});

type Result = Awaited<ReturnType<Client["callTool"]>>;
const texts = (result: Result): string[] => (result.content as { text?: string }[]).map((c) => c.text ?? "");
const call = (args: Record<string, unknown>): Promise<Result> =>
  client.callTool({ name: "get_design_changes", arguments: args });

describe("get_design_changes", () => {
  it("since a Figma version to the current one: the changes, the summary, both sides; the lines as text", async () => {
    const result = await call({ fileKey: KEY, version: V2.version });
    expect(result.isError, texts(result).join("\n")).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      summary: "16 moved, 14 resized, 2 recoloured, 2 added",
      before: { fileKey: KEY, version: V2.version, lastModified: V2.lastModified },
      after: { fileKey: KEY, version: NOW.version },
    });
    const [lines, json] = texts(result);
    expect(lines!.split("\n")[0]).toBe("moved “Vector 2” (VECTOR 55:55): 64.6,3150.6 → 64.6,3330.6");
    expect(lines!.split("\n").at(-1)).toBe("16 moved, 14 resized, 2 recoloured, 2 added");
    expect(JSON.parse(json!)).toEqual(result.structuredContent);
    const frame = await call({
      fileKey: `https://www.figma.com/design/${KEY}/Jenny`,
      version: V3.version,
      nodes: ["36-38"],
    });
    expect(frame.structuredContent).toMatchObject({
      summary: "1 resized",
      changes: [{ id: "36:73", kind: "resized" }],
    });
    expect(figma.requests.at(-1)?.path).toBe(`/v1/files/${KEY}/nodes?ids=36:38`);
  });

  it("since a generated folder's record: to a design file, or to the record's file as it is now", async () => {
    const toFile = await call({ folder: generated("site", "412cc73"), design: "new.json" });
    expect(toFile.isError, texts(toFile).join("\n")).toBeFalsy();
    expect(toFile.structuredContent).toMatchObject({
      summary: "16 moved, 14 resized, 2 added",
      before: { record: join(work, "site"), generatedAt: "2019-08-07T10:00:00.000Z" },
      after: { file: join(work, "new.json") },
    });
    const toFigma = await call({ folder: generated("figma-site", "8c76537", KEY) });
    expect(toFigma.structuredContent).toMatchObject({
      summary: "16 moved, 14 resized, 2 recoloured, 2 added",
      after: { fileKey: KEY, version: NOW.version },
    });
    expect(texts(toFigma).join("\n")).not.toContain(TOKEN);
  });

  it("a folder without a record, outside the folders, or mixed inputs: tool errors that say what to do", async () => {
    mkdirSync(join(work, "plain"));
    const plain = await call({ folder: "plain" });
    expect(plain.isError).toBe(true);
    expect(texts(plain)[0]).toBe(
      `figment: ${join(work, "plain")} has no .figment/record.json: it was not generated by figment code --out (or ` +
        `was generated before records existed); generate it again with figment code <design.json> --out ` +
        join(work, "plain"),
    );
    const outside = await call({ folder: "/etc" });
    expect(texts(outside)[0]).toMatch(
      /^figment: the generated folder \/etc is outside the folders this server may use/,
    );
    const mixed = await call({ folder: "plain", fileKey: KEY, version: V2.version });
    expect(texts(mixed)[0]).toMatch(/fileKey, version and nodes do not apply$/);
    const none = await call({ fileKey: KEY });
    expect(texts(none)[0]).toMatch(/^figment: give a Figma file and the version to compare from/);
    const unknown = await call({ fileKey: KEY, version: "42" });
    expect(texts(unknown)[0]).toContain(`Figma has no version 42 of file ${KEY}`);
  });

  it("without FIGMA_TOKEN: a tool error naming the server's environment; a record and a file need none", async () => {
    const [bare, bareServed] = await connect({});
    try {
      const result = await bare.callTool({ name: "get_design_changes", arguments: { fileKey: KEY, version: "1" } });
      expect(result.isError).toBe(true);
      expect(texts(result)[0]).toContain("set FIGMA_TOKEN in the MCP server's environment");
      const record = await bare.callTool({
        name: "get_design_changes",
        arguments: { folder: generated("keyed", "c66ecf7", KEY) },
      });
      expect(texts(record)[0]).toContain("set FIGMA_TOKEN in the MCP server's environment");
      const local = await bare.callTool({
        name: "get_design_changes",
        arguments: { folder: generated("local", "c66ecf7"), design: "new.json" },
      });
      expect(local.structuredContent).toMatchObject({ changes: [], summary: "no changes" });
    } finally {
      await bare.close();
      await bareServed.close();
    }
  });
});
