/**
 * A design by Figma file key (and node ids) for the tools: fetched once through Figma's REST API with the server's
 * FIGMA_TOKEN (cli/figma-rest's client: its timeout, its retries after a 429, its redaction of the token), then kept
 * in the cache folder, so the agent's next calls on the same file and nodes do not count against Figma's rate limit.
 * `refresh` fetches again. The cached reply is a design file like any other: the commands read it.
 */
import { createHash } from "node:crypto";
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { Cancelled } from "../../kernel/cancelled.js";
import { FigmentError } from "../../kernel/errors.js";
import { FIGMA_API, parseFileKey } from "../common/args.js";
import { FIGMA_TIMEOUT_SEC, figmaToken } from "../code/figma-extras.js";
import { FigmaClient } from "../figma-rest/client.js";
import { DEFAULT_RETRY_POLICY, realSleep } from "../figma-rest/retry.js";

export interface FigmaSource {
  /** Figma's API (a test server in tests). */
  baseUrl: string;
  /** Where fetched replies are kept. */
  cacheDir: string;
}

/** $XDG_CACHE_HOME/figment/figma, else ~/.cache/figment/figma. */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>>): string {
  return join(env["XDG_CACHE_HOME"] || join(homedir(), ".cache"), "figment", "figma");
}

export const defaultFigmaSource = (env: Readonly<Record<string, string | undefined>>): FigmaSource => ({
  baseUrl: FIGMA_API,
  cacheDir: defaultCacheDir(env),
});

/**
 * The server's FIGMA_TOKEN, or the sentence that says where to set it: the server takes no --figma-token, its token
 * is its environment's, set where the client starts it.
 */
export function serverFigmaToken(env: Readonly<Record<string, string | undefined>>): string {
  if ((env["FIGMA_TOKEN"] ?? "").trim() === "")
    throw new FigmentError(
      "input",
      'a design by fileKey needs a Figma token: set FIGMA_TOKEN in the MCP server\'s environment (the "env" of its ' +
        "entry in your client's configuration, e.g. .mcp.json); create one in Figma under Settings → Security → " +
        "Personal access tokens, with file_content:read",
    );
  return figmaToken({}, env);
}

export interface FetchedDesign {
  path: string;
  /** Whether it came from the cache (no request to Figma). */
  cached: boolean;
}

/** The cached reply's path: per file key, and per set of node ids (the whole file without). */
function cachePath(source: FigmaSource, key: string, ids: readonly string[]): string {
  const which =
    ids.length === 0
      ? "file"
      : `nodes-${createHash("sha256")
          .update([...ids].sort().join(","))
          .digest("hex")
          .slice(0, 16)}`;
  return join(source.cacheDir, key.replace(/[^\w-]/g, "_"), `${which}.json`);
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

export async function figmaDesign(
  source: FigmaSource,
  request: { fileKey: string; nodes?: readonly string[]; refresh?: boolean },
  env: Readonly<Record<string, string | undefined>>,
  signal?: AbortSignal,
): Promise<FetchedDesign> {
  const key = parseFileKey(request.fileKey);
  // Figma's ids in the API's form (12:34); a URL's node-id=12-34 is accepted as the CLI accepts it.
  const ids = (request.nodes ?? []).map((id) => id.replace(/^(\d+)-(\d+)$/, "$1:$2"));
  const path = cachePath(source, key, ids);
  if (!request.refresh && (await exists(path))) return { path, cached: true };
  const token = serverFigmaToken(env);
  const client = new FigmaClient({
    token,
    baseUrl: source.baseUrl,
    timeoutMs: FIGMA_TIMEOUT_SEC * 1000,
    policy: DEFAULT_RETRY_POLICY,
    sleep: realSleep,
    ...(signal ? { signal } : {}),
  });
  const route =
    ids.length === 0
      ? `/v1/files/${encodeURIComponent(key)}`
      : `/v1/files/${encodeURIComponent(key)}/nodes?ids=${ids.map(encodeURIComponent).join(",")}`;
  let reply: unknown;
  try {
    reply = await client.getJson(route, ids.length === 0 ? `the file ${key}` : `the nodes ${ids.join(", ")}`);
  } catch (error) {
    if (signal?.aborted) throw new Cancelled("cancelled; nothing was fetched");
    throw error;
  }
  // Written whole or not at all: a second server reading the cache never sees half a reply.
  await mkdir(join(path, ".."), { recursive: true });
  const partial = `${path}.${process.pid}.tmp`;
  await writeFile(partial, JSON.stringify(reply));
  await rename(partial, path);
  return { path, cached: false };
}
