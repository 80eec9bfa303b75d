/**
 * A design by Figma file key (and node ids) for the tools: fetched through Figma's REST API with the server's
 * FIGMA_TOKEN (cli/figma-rest's client: its timeout, its retries after a 429, its redaction of the token) and kept in
 * the cache folder. A cached copy is revalidated cheaply — `GET /v1/files/:key?depth=1` gives the file's `version` —
 * at most once per `checkSec` per file, and fetched again only when that version changed, so an agent's calls on a
 * file see its edits without spending Figma's rate limit. When Figma rate-limits (429) or cannot be reached, a cached
 * copy is used with a note, and no request is made again before the Retry-After Figma gave has passed.
 */
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { Cancelled } from "../../kernel/cancelled.js";
import { FigmentError } from "../../kernel/errors.js";
import { FIGMA_API, parseFileKey } from "../common/args.js";
import { FIGMA_TIMEOUT_SEC, figmaToken } from "../figma-rest/token.js";
import { FigmaClient } from "../figma-rest/client.js";
import { FigmaRestError, formatWait } from "../figma-rest/errors.js";
import { DEFAULT_RETRY_POLICY, realSleep, type RetryPolicy, type Sleep } from "../figma-rest/retry.js";
import { cacheEntryPath, fileCacheDir } from "./figma-cache-paths.js";

/** Seconds a version check holds unless the server is told otherwise (--cache-check). */
export const DEFAULT_CHECK_SEC = 30;

export interface FigmaSource {
  /** Figma's API (a test server in tests). */
  baseUrl: string;
  /** Where fetched replies, images and renders are kept. */
  cacheDir: string;
  /** Seconds a check of a file's version holds: within them a cached copy is used without asking Figma. */
  checkSec?: number;
  /** The clock, in ms (tests move it instead of waiting). */
  now?: () => number;
  /** The wait between retries (tests pass one that does not wait). */
  sleep?: Sleep;
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

/** Where a call's design came from, as its result says it (`figma`). */
export interface FigmaOrigin {
  fileKey: string;
  /** The copy was in the cache (no download of the file in this call). */
  fromCache: boolean;
  /**
   * fetched: downloaded in this call; recent: cached, its version checked less than checkSec ago (no request);
   * unchanged: cached, Figma's version is the same (one depth=1 request); stale: cached, not confirmed (see note).
   */
  cache: "fetched" | "recent" | "unchanged" | "stale";
  /** Seconds since the copy was downloaded from Figma. */
  ageSec: number;
  version?: string;
  lastModified?: string;
  note?: string;
}

export interface FetchedDesign {
  path: string;
  origin: FigmaOrigin;
}

/** What a cached reply was (beside it, `<entry>.meta.json`). */
interface EntryMeta {
  version?: string;
  lastModified?: string;
  fetchedAt: number;
}

/** The last word from Figma on a file's version (`check.json` in the file's folder). */
interface FileCheck {
  version?: string;
  lastModified?: string;
  checkedAt: number;
  /** No request before this time (ms): Figma's Retry-After of a 429. */
  waitUntil?: number;
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** Written whole or not at all: a second server reading the cache never sees half a file. */
export async function writeWhole(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(partial, data);
  await rename(partial, path);
}

/** A cached entry's meta; a copy from before metas were kept gets its file's time and no version. */
async function entryMeta(path: string): Promise<EntryMeta | undefined> {
  const meta = await readJson<EntryMeta>(`${path}.meta.json`);
  if (meta) return meta;
  const info = await stat(path).catch(() => undefined);
  return info ? { fetchedAt: info.mtimeMs } : undefined;
}

/** `version` and `lastModified` of a file or nodes reply (both carry them). */
function versionOf(reply: unknown): Pick<EntryMeta, "version" | "lastModified"> {
  const r = (reply ?? {}) as { version?: unknown; lastModified?: unknown };
  return {
    ...(typeof r.version === "string" ? { version: r.version } : {}),
    ...(typeof r.lastModified === "string" ? { lastModified: r.lastModified } : {}),
  };
}

/** A client; with a cached copy to fall back on, a 429 or a failing Figma is not waited for. */
function client(source: FigmaSource, token: string, fallback: boolean, signal?: AbortSignal): FigmaClient {
  const policy: RetryPolicy = fallback
    ? { ...DEFAULT_RETRY_POLICY, rateLimitRetries: 0, serverRetries: 0 }
    : DEFAULT_RETRY_POLICY;
  return new FigmaClient({
    token,
    baseUrl: source.baseUrl,
    timeoutMs: FIGMA_TIMEOUT_SEC * 1000,
    policy,
    sleep: source.sleep ?? realSleep,
    ...(signal ? { signal } : {}),
  });
}

/**
 * Why Figma could not answer, as the start of the result's note, or undefined for an error that must stop the call
 * (a refused token, an unknown file: the CLI's sentences). A 429 records when Figma may be asked again.
 */
async function fallbackReason(
  error: unknown,
  dir: string,
  check: FileCheck | undefined,
  now: number,
  what: string,
): Promise<string | undefined> {
  if (!(error instanceof FigmaRestError)) return undefined;
  if (error.kind === "limit") {
    const waitSec = error.retryAfterSec ?? DEFAULT_RETRY_POLICY.defaultWaitSec;
    await writeWhole(
      join(dir, "check.json"),
      JSON.stringify({ ...check, checkedAt: check?.checkedAt ?? 0, waitUntil: now + waitSec * 1000 }),
    );
    return `Figma rate-limited ${what} (429) and asks to wait ${formatWait(waitSec)} (no request before then)`;
  }
  if (error.kind === "network" || error.kind === "service") return error.message.replace(/[.;:]?\s*$/, "");
  return undefined;
}

const NOT_CHECKED = "this is the cached copy, not checked against Figma";

export async function figmaDesign(
  source: FigmaSource,
  request: { fileKey: string; nodes?: readonly string[]; refresh?: boolean },
  env: Readonly<Record<string, string | undefined>>,
  signal?: AbortSignal,
): Promise<FetchedDesign> {
  const key = parseFileKey(request.fileKey);
  // Figma's ids in the API's form (12:34); a URL's node-id=12-34 is accepted as the CLI accepts it.
  const ids = (request.nodes ?? []).map((id) => id.replace(/^(\d+)-(\d+)$/, "$1:$2"));
  const now = (source.now ?? Date.now)();
  const dir = fileCacheDir(source.cacheDir, key);
  const path = cacheEntryPath(source.cacheDir, key, ids);
  const cached = request.refresh ? undefined : await entryMeta(path);
  const kept = (cache: FigmaOrigin["cache"], note?: string): FetchedDesign => ({
    path,
    origin: {
      fileKey: key,
      fromCache: true,
      cache,
      ageSec: Math.max(0, Math.round((now - cached!.fetchedAt) / 1000)),
      ...versionOf(cached),
      ...(note ? { note } : {}),
    },
  });
  // Without a token a cached copy is still a design: used as it is, the result saying from when (refresh fetches).
  if (cached && !hasFigmaToken(env)) return withoutToken(source, cached, dir, now, kept);
  const token = serverFigmaToken(env);
  try {
    if (cached) {
      const check = await readJson<FileCheck>(join(dir, "check.json"));
      if (check?.waitUntil !== undefined && now < check.waitUntil)
        return kept(
          "stale",
          "Figma rate-limited this file's requests and asked to wait until " +
            `${new Date(check.waitUntil).toISOString()}: ${NOT_CHECKED}`,
        );
      let latest = check && now - check.checkedAt < (source.checkSec ?? DEFAULT_CHECK_SEC) * 1000 ? check : undefined;
      const recent = latest !== undefined;
      if (!latest) {
        const what = `the version of file ${key}`;
        let reply: unknown;
        try {
          reply = await client(source, token, true, signal).getJson(
            `/v1/files/${encodeURIComponent(key)}?depth=1`,
            what,
          );
        } catch (error) {
          if (signal?.aborted) throw error;
          const reason = await fallbackReason(error, dir, check, now, what);
          if (reason === undefined) throw error;
          return kept("stale", `${reason}: ${NOT_CHECKED}`);
        }
        latest = { ...versionOf(reply), checkedAt: now };
        await writeWhole(join(dir, "check.json"), JSON.stringify(latest));
      }
      if (latest.version !== undefined && latest.version === cached.version)
        return kept(recent ? "recent" : "unchanged");
    }
    return await fetchEntry(source, { key, ids, path, dir, token, now, fallback: cached !== undefined }, signal);
  } catch (error) {
    if (signal?.aborted) throw new Cancelled("cancelled; nothing was fetched");
    if (cached) {
      const reason = await fallbackReason(error, dir, undefined, now, `the file ${key}`);
      const copy = cached.version !== undefined ? `its version ${cached.version}` : "it";
      if (reason !== undefined)
        return kept("stale", `${reason}: this is the cached copy, though Figma has a newer version than ${copy}`);
    }
    throw error;
  }
}

export const hasFigmaToken = (env: Readonly<Record<string, string | undefined>>): boolean =>
  (env["FIGMA_TOKEN"] ?? "").trim() !== "";

/**
 * A cached copy used without FIGMA_TOKEN: `recent` when its version was confirmed within the check interval, else
 * `stale`; the note says when it was downloaded and what Figma last said of the file's version.
 */
async function withoutToken(
  source: FigmaSource,
  cached: EntryMeta,
  dir: string,
  now: number,
  kept: (cache: FigmaOrigin["cache"], note?: string) => FetchedDesign,
): Promise<FetchedDesign> {
  const check = await readJson<FileCheck>(join(dir, "check.json"));
  const recent =
    check !== undefined &&
    check.version === cached.version &&
    now - check.checkedAt < (source.checkSec ?? DEFAULT_CHECK_SEC) * 1000;
  const downloaded = `no FIGMA_TOKEN in the server's environment: this is the cached copy downloaded at ${new Date(
    cached.fetchedAt,
  ).toISOString()}`;
  if (recent) return kept("recent", `${downloaded}, its version confirmed by Figma less than the check interval ago`);
  const newer =
    check?.version !== undefined && cached.version !== undefined && check.version !== cached.version
      ? `, though Figma had a newer version (${check.version}) at ${new Date(check.checkedAt).toISOString()}`
      : ", not checked against Figma";
  return kept("stale", `${downloaded}${newer}`);
}

/** Downloads the file or its nodes and keeps it, its meta and the file's check. */
async function fetchEntry(
  source: FigmaSource,
  at: { key: string; ids: string[]; path: string; dir: string; token: string; now: number; fallback: boolean },
  signal?: AbortSignal,
): Promise<FetchedDesign> {
  const { key, ids } = at;
  const route =
    ids.length === 0
      ? `/v1/files/${encodeURIComponent(key)}`
      : `/v1/files/${encodeURIComponent(key)}/nodes?ids=${ids.map(encodeURIComponent).join(",")}`;
  const what = ids.length === 0 ? `the file ${key}` : `the nodes ${ids.join(", ")}`;
  const reply = await client(source, at.token, at.fallback, signal).getJson(route, what);
  const version = versionOf(reply);
  await writeWhole(at.path, JSON.stringify(reply));
  await writeWhole(`${at.path}.meta.json`, JSON.stringify({ ...version, fetchedAt: at.now }));
  await writeWhole(join(at.dir, "check.json"), JSON.stringify({ ...version, checkedAt: at.now }));
  return { path: at.path, origin: { fileKey: key, fromCache: false, cache: "fetched", ageSec: 0, ...version } };
}
