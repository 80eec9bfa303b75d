/** Command-line parsing for `figment mcp`, on cli/common/flags.ts. Bad flags are input errors (exit 2). */
import { resolve } from "node:path";
import { present, readFlags } from "../common/flags.js";
import { FigmentError } from "../../kernel/errors.js";

/** The port `--http` listens on when given without one. */
export const DEFAULT_MCP_PORT = 3845;

export const MCP_USAGE = `figment mcp — Figment as an MCP server for coding agents (Claude Code, Cursor, VS Code)

Usage:
  figment mcp [--root DIR]... [--cache DIR] [--cache-check SEC] [--figma-base-url URL]
  figment mcp --http [PORT] [--host HOST] [--root DIR]... [--bearer-env NAME]
              [--cache DIR] [--cache-check SEC] [--figma-base-url URL]

Without --http the server speaks MCP over stdin/stdout (the agent starts it). With --http it serves Streamable HTTP
at http://127.0.0.1:PORT/mcp (PORT ${DEFAULT_MCP_PORT} when left out; 0 picks a free one, printed on stderr).
Tools: list_frames, get_design_hint, get_code, score_code, analyze, search_frames, get_variables, get_screenshot,
generate_image, get_design_changes — the commands' own work, with their sentences as tool errors. Files are read
and written only inside the working folder, the folders given with --root and the roots the client declares: a
design or an output folder elsewhere is a tool error.
  --root DIR        one more folder the tools may read and write (repeatable)
  --cache DIR       where designs fetched by Figma file key are kept (default ~/.cache/figment/figma), with
                    their images and Figma's renders: a tool given a fileKey fetches the file (or its nodes) with
                    FIGMA_TOKEN, then reads the copy, fetched again only when the file's version on Figma changed
  --cache-check SEC how often at most a cached file's version is checked with Figma (default 30 s; 0: each call)
  --figma-base-url  Figma's API address (default https://api.figma.com)
  --http [PORT]     Streamable HTTP instead of stdio
  --host HOST       the address to listen on (default 127.0.0.1); a request whose Host or Origin is not this
                    machine's is refused with 403 (DNS-rebinding protection) unless HOST is given
  --bearer-env NAME an environment variable holding a token every HTTP request must bring as
                    "Authorization: Bearer <token>" (401 without it)
API keys (OPENAI_API_KEY …) and FIGMA_TOKEN come from the server's environment and never appear in a result or a log.

Exit codes: 0 the client closed the connection; 2 bad usage (an unknown flag, a bad port, an unset --bearer-env).`;

export interface McpArgs {
  help: boolean;
  /** The folders besides the working folder that the tools may use, absolute. */
  roots: string[];
  /** Streamable HTTP on this port; stdio when undefined. */
  port?: number;
  host?: string;
  bearerEnv?: string;
  /** --cache, absolute. */
  cache?: string;
  /** --cache-check: seconds a version check of a cached file holds. */
  cacheCheckSec?: number;
  figmaBaseUrl?: string;
}

/** The flags `figment mcp` takes (help.test.ts holds MCP_USAGE to them). */
export const MCP_FLAGS = {
  boolean: ["http"],
  string: ["host", "bearer-env", "cache", "cache-check", "figma-base-url"],
  list: ["root"],
} as const;

export function parseMcpArgs(argv: string[]): McpArgs {
  // `--http 8080`: the port is --http's optional value, read as the positional that follows it.
  const { values, positionals } = readFlags(argv, {
    ...MCP_FLAGS,
    positionals: true,
    hint: "figment mcp --help lists the flags",
  });
  const help = values.help ?? false;
  if (positionals.length > 1 || (positionals.length === 1 && !values.http))
    throw new FigmentError("input", `unexpected argument: ${positionals[values.http ? 1 : 0]}`);
  let port: number | undefined;
  if (values.http) {
    const given = positionals[0] ?? String(DEFAULT_MCP_PORT);
    port = Number(given);
    if (!/^\d+$/.test(given) || port > 65535)
      throw new FigmentError("input", `--http takes a port from 0 to 65535, not "${given}"`);
  }
  const check = values["cache-check"];
  if (check !== undefined && !/^\d+$/.test(check))
    throw new FigmentError("input", `--cache-check takes whole seconds (0 or more), not "${check}"`);
  if (values.host !== undefined && !values.http) throw new FigmentError("input", "--host goes with --http");
  if (values["bearer-env"] !== undefined && !values.http)
    throw new FigmentError("input", "--bearer-env goes with --http");
  return {
    help,
    roots: (values.root ?? []).map((dir) => resolve(dir)),
    ...present({
      port,
      host: values.host,
      bearerEnv: values["bearer-env"],
      cache: values.cache !== undefined ? resolve(values.cache) : undefined,
      cacheCheckSec: check !== undefined ? Number(check) : undefined,
      figmaBaseUrl: values["figma-base-url"],
    }),
  };
}
