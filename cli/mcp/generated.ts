/**
 * The files get_code wrote into the server's own folders (no `out` given): each run a resource template's instance,
 * figment://generated/<run>/<path>, listed and read through the protocol. Only files of a run are read: a path
 * that leaves its folder is no resource.
 */
import { readdir, readFile } from "node:fs/promises";
import { extname, join, relative, sep } from "node:path";
import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, ListResourcesRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";
import { safeTarget } from "../common/io.js";
import { page } from "./tool-kit.js";

const TYPES: Record<string, string> = {
  ".tsx": "text/tsx",
  ".ts": "text/typescript",
  ".css": "text/css",
  ".html": "text/html",
  ".json": "application/json",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".svg": "image/svg+xml",
};
const TEXT = /^text\/|json|svg/;

export class GeneratedFiles {
  private readonly runs: string[] = [];

  /** Keeps `dir` as a run; returns its number, the uri's first segment. */
  add(dir: string): string {
    this.runs.push(dir);
    return String(this.runs.length);
  }

  /** The folder of run `run`, or undefined. */
  folder(run: string): string | undefined {
    return /^\d+$/.test(run) ? this.runs[Number(run) - 1] : undefined;
  }

  /** Every file of every run as [run, path relative to its folder]. */
  async all(): Promise<[string, string][]> {
    const found: [string, string][] = [];
    for (const [index, dir] of this.runs.entries()) {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true });
      // The run's .figment/ record is how the code was made, not code: not a resource.
      for (const entry of entries)
        if (entry.isFile() && !relative(dir, entry.parentPath).split(sep).includes(".figment"))
          found.push([String(index + 1), relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/")]);
    }
    return found;
  }
}

/** Resources a resources/list page holds. */
export const RESOURCES_PAGE = 100;

export function registerGeneratedResources(server: McpServer, generated: GeneratedFiles): void {
  // Listed below, a page at a time (the SDK's own list of a template's resources has no pages).
  const template = new ResourceTemplate("figment://generated/{run}/{+path}", { list: undefined });
  server.registerResource(
    "generated",
    template,
    { title: "Generated files", description: "The files get_code wrote without an `out` folder" },
    async (uri, variables) => {
      const run = String(variables["run"]);
      const path = decodeURIComponent(String(variables["path"]));
      const dir = generated.folder(run);
      // The writer's rule for what is inside the folder (a `..foo` folder is).
      const full = dir === undefined ? undefined : safeTarget(dir, path);
      if (full === undefined) throw new Error(`no generated file ${uri.href}`);
      const mimeType = TYPES[extname(path)] ?? "application/octet-stream";
      const bytes = await readFile(full);
      return {
        contents: [
          TEXT.test(mimeType)
            ? { uri: uri.href, mimeType, text: bytes.toString("utf8") }
            : { uri: uri.href, mimeType, blob: bytes.toString("base64") },
        ],
      };
    },
  );
  server.server.setRequestHandler(ListResourcesRequestSchema, async (request) => {
    const all = (await generated.all()).map(([run, path]) => ({
      uri: `figment://generated/${run}/${path}`,
      name: path,
      title: path,
      mimeType: TYPES[extname(path)] ?? "application/octet-stream",
    }));
    let listed: ReturnType<typeof page<(typeof all)[number]>>;
    try {
      listed = page(all, request.params?.cursor, RESOURCES_PAGE);
    } catch (error) {
      throw new McpError(ErrorCode.InvalidParams, (error as Error).message);
    }
    return { resources: listed.items, ...(listed.next ? { nextCursor: listed.next } : {}) };
  });
}
