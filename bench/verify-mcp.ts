/**
 * Proves that mcpPayload() is byte-identical to what the real Figma-Context-MCP server returns from
 * its `get_figma_data` tool. Starts the server with createServer() from figma-developer-mcp/dist/mcp-server.js,
 * stubs global fetch so https://api.figma.com/v1/files/<key>[/nodes?ids=<id>] answers with a fixture,
 * calls the tool through an MCP Client over InMemoryTransport, and compares texts, for every fixture and
 * every output format (and the server's default format, which must be "tree").
 *
 *   node_modules/.bin/esbuild bench/verify-mcp.ts --bundle --platform=node --format=esm --packages=external \
 *     --outfile=bench/.out/verify-mcp.mjs --log-level=warning && node bench/.out/verify-mcp.mjs
 *
 * Uses @modelcontextprotocol/sdk, which is installed as a dependency of figma-developer-mcp.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { createServer } from "figma-developer-mcp/dist/mcp-server.js";
import { mcpPayload, type McpOutputFormat } from "./figma-context-mcp.js";
import { loadEvalFiles } from "./fixtures.js";

process.env.FRAMELINK_TELEMETRY = "off";
process.env.DO_NOT_TRACK = "1";

const files = loadEvalFiles().map((f, i) => {
  const raw = JSON.parse(f.text) as { nodes?: Record<string, unknown> };
  return { ...f, key: `fixture${i}`, nodeId: f.kind === "nodes" ? Object.keys(raw.nodes!)[0]! : undefined };
});

const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: string | URL | Request) => {
  const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
  const m = /^\/v1\/files\/([A-Za-z0-9]+)(\/nodes)?$/.exec(url.pathname);
  const f = m && files.find((x) => x.key === m[1]);
  if (url.hostname !== "api.figma.com" || !m || !f) throw new Error(`unexpected fetch ${url.href}`);
  if (!!m[2] !== (f.kind === "nodes")) throw new Error(`wrong endpoint for ${f.name}: ${url.href}`);
  if (m[2] && url.searchParams.get("ids") !== f.nodeId) throw new Error(`wrong ids for ${f.name}: ${url.href}`);
  return new Response(f.text, { status: 200, headers: { "content-type": "application/json" } });
}) as typeof fetch;

async function toolText(format: McpOutputFormat | undefined, key: string, nodeId?: string): Promise<string> {
  const server = createServer(
    { figmaApiKey: "dummy", figmaOAuthToken: "", useOAuth: false },
    format
      ? { transport: "stdio", outputFormat: format, skipImageDownloads: true }
      : { transport: "stdio", skipImageDownloads: true },
  );
  const [a, b] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "figment-bench", version: "0" });
  await Promise.all([server.connect(a), client.connect(b)]);
  const quiet = console.error;
  console.error = () => {}; // the server logs "[INFO] ..." to stderr in stdio mode
  try {
    const res = (await client.callTool({
      name: "get_figma_data",
      arguments: nodeId ? { fileKey: key, nodeId } : { fileKey: key },
    })) as {
      isError?: boolean;
      content: { type: string; text: string }[];
    };
    if (res.isError || res.content.length !== 1 || res.content[0]!.type !== "text")
      throw new Error(`tool error: ${JSON.stringify(res).slice(0, 500)}`);
    return res.content[0]!.text;
  } finally {
    console.error = quiet;
    await client.close();
    await server.close();
  }
}

let failures = 0;
for (const f of files) {
  for (const format of [undefined, "tree", "yaml", "json"] as const) {
    const expected = await toolText(format, f.key, f.nodeId);
    const raw = JSON.parse(f.text);
    const before = JSON.stringify(raw);
    const got = await mcpPayload(raw, format ?? "tree");
    const mutated = JSON.stringify(raw) !== before;
    const ok = got === expected;
    if (!ok) failures++;
    console.log(
      `${ok ? "OK  " : "FAIL"} ${f.name} format=${format ?? "(server default)"} chars=${expected.length}` +
        `${mutated ? " (simplify mutated the input)" : ""}`,
    );
  }
}
globalThis.fetch = realFetch;
if (failures) {
  console.log(`${failures} mismatches`);
  process.exit(1);
}
console.log("all identical");
