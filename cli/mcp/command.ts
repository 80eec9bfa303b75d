/**
 * `figment mcp`: the MCP server over stdio (the agent starts it), or over Streamable HTTP with --http until the
 * process is stopped. Its log (where it listens) goes to stderr: over stdio, stdout is the protocol's.
 */
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { FigmentError } from "../../kernel/errors.js";
import type { Output, RunContext } from "../common/design-files.js";
import type { McpArgs } from "./args.js";
import { FIGMA_API } from "../common/args.js";
import { defaultCacheDir } from "./figma-file.js";
import { serveHttp } from "./http.js";
import { SharedChromium } from "./chromium.js";
import { createServer, type ServerOptions } from "./server.js";

export async function mcpCommand(args: McpArgs, io: Output, context: RunContext = {}): Promise<number> {
  const env = context.env ?? process.env;
  const folders = [process.cwd(), ...args.roots];
  const figma = {
    baseUrl: args.figmaBaseUrl ?? FIGMA_API,
    cacheDir: args.cache ?? defaultCacheDir(env),
    ...(args.cacheCheckSec !== undefined ? { checkSec: args.cacheCheckSec } : {}),
  };
  const chromium = new SharedChromium();
  try {
    return await serve(args, io, { folders, env, figma, chromium });
  } finally {
    await chromium.close();
  }
}

async function serve(args: McpArgs, io: Output, options: ServerOptions): Promise<number> {
  const { env } = options;
  if (args.port === undefined) {
    const server = await createServer(options);
    const transport = new StdioServerTransport();
    const closed = new Promise<void>((done) => {
      transport.onclose = done;
      process.stdin.once("end", done);
    });
    await server.connect(transport);
    await closed;
    await server.close();
    return 0;
  }
  let bearer: string | undefined;
  if (args.bearerEnv !== undefined) {
    bearer = env[args.bearerEnv];
    if (bearer === undefined || bearer === "")
      throw new FigmentError("input", `--bearer-env ${args.bearerEnv}: the variable is not set`);
  }
  const running = await serveHttp({
    ...options,
    host: args.host ?? "127.0.0.1",
    port: args.port,
    ...(bearer !== undefined ? { bearer } : {}),
  });
  io.err(`figment mcp: listening on ${running.url}`);
  await new Promise<void>((done) => {
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
  await running.close();
  return 0;
}
