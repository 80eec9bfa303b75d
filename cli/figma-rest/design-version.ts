/**
 * A design's REST JSON at a version, and a file's versions, from Figma's REST API:
 *   GET /v1/files/:key[?version=ID]                → the whole file (the current version without one);
 *   GET /v1/files/:key/nodes?ids=…[&version=ID]    → the nodes asked for, with their components and styles;
 *   GET /v1/files/:key/versions?page_size=…&before= → the file's saved versions, newest first.
 * The reply is what `readDesign` reads from a file (a file or nodes reply), so every command takes it as it takes a
 * design on disk. On FigmaClient (cli/figma-rest/client.ts): its timeout, its retries after a 429 or a 5xx, the token
 * never in an error; a refused token, an unknown file or version, a node the version lacks are input errors (exit 2).
 * Used by `figment diff` and `figment code --update`.
 */
import type { GetFileVersionsResponse, Version } from "@figma/rest-api-spec";
import { FigmentError } from "../../kernel/errors.js";
import { FigmaClient, type FigmaClientOptions } from "./client.js";
import { FigmaRestError } from "./errors.js";
import { idsParam } from "./fetch-extras.js";

/** What to fetch of a file. */
export interface DesignRequest {
  /** Node ids (`12:34`, or `12-34` as a URL writes them): only these frames or layers; none, the whole file. */
  nodes?: readonly string[];
  /** A version id (listVersions, Figma's version history); absent, the file as it is now. */
  version?: string;
}

/** A design fetched from Figma. */
export interface FetchedDesignJson {
  /** Figma's reply as sent: a file reply (`{ document, components, … }`) or a nodes reply (`{ nodes: { … } }`). */
  json: unknown;
  /** The version the reply is of (the one asked for, or the current one), as the reply says it. */
  version?: string;
  /** When that version was last modified (ISO 8601), as the reply says it. */
  lastModified?: string;
}

/** A node id in the API's form: a URL's `12-34` is `12:34` (an instance's `I1:2;3:4` is kept). */
export const apiNodeId = (id: string): string => id.trim().replace(/^(\d+)-(\d+)$/, "$1:$2");

/** "file K", "file K at version V": how a request names what it asks for, in errors and notes. */
export function designWords(fileKey: string, version?: string): string {
  return version === undefined ? `file ${fileKey}` : `file ${fileKey} at version ${version}`;
}

function stringField(reply: unknown, field: string): string | undefined {
  const value = typeof reply === "object" && reply !== null ? (reply as Record<string, unknown>)[field] : undefined;
  return typeof value === "string" ? value : undefined;
}

/**
 * The file `fileKey` (its `nodes` only, when given) at `version` (now, without one). A version Figma does not have
 * (400 or 404 on a request with a version) is an input error that says how to list them; a node the reply holds no
 * document for (Figma answers null for an id it lacks) is an input error naming it and the version.
 */
export async function fetchDesignJson(
  options: FigmaClientOptions,
  fileKey: string,
  request: DesignRequest = {},
): Promise<FetchedDesignJson> {
  const ids = [...new Set((request.nodes ?? []).map(apiNodeId))];
  const { version } = request;
  const key = encodeURIComponent(fileKey);
  const query = [
    ...(ids.length > 0 ? [`ids=${idsParam(ids)}`] : []),
    ...(version !== undefined ? [`version=${encodeURIComponent(version)}`] : []),
  ];
  const path = `/v1/files/${key}${ids.length > 0 ? "/nodes" : ""}${query.length > 0 ? `?${query.join("&")}` : ""}`;
  const of = designWords(fileKey, version);
  const what = ids.length > 0 ? `the ${ids.length === 1 ? "node" : "nodes"} ${ids.join(", ")} of ${of}` : `the ${of}`;
  let json: unknown;
  try {
    json = await new FigmaClient(options).getJson(path, what);
  } catch (error) {
    throw version !== undefined ? unknownVersion(error, fileKey, version) : error;
  }
  if (ids.length > 0) {
    const nodes = (json as { nodes?: unknown } | null)?.nodes;
    if (typeof nodes !== "object" || nodes === null)
      throw new FigmaRestError("service", `Figma's answer for ${what} has no nodes`);
    const missing = ids.filter((id) => {
      const entry = (nodes as Record<string, unknown>)[id];
      return typeof entry !== "object" || entry === null || !("document" in entry);
    });
    if (missing.length > 0)
      throw new FigmentError(
        "input",
        `the ${of} has no layer ${missing.join(", ")} (deleted, or a layer of another file?)`,
      );
  }
  const replyVersion = stringField(json, "version");
  const lastModified = stringField(json, "lastModified");
  return {
    json,
    ...(replyVersion !== undefined ? { version: replyVersion } : {}),
    ...(lastModified !== undefined ? { lastModified } : {}),
  };
}

/** A 400 or 404 on a request for a version: the version is unknown (or the file is), said with what to do. */
function unknownVersion(error: unknown, fileKey: string, version: string): unknown {
  if (!(error instanceof FigmaRestError) || (error.status !== 400 && error.status !== 404)) return error;
  return new FigmaRestError(
    "input",
    `Figma has no version ${version} of file ${fileKey} (${error.status}): figment diff --file-key ${fileKey} ` +
      `--versions lists the file's versions (check the file key too: the part after /design/ in its URL)`,
    error.status,
  );
}

/** One saved version of a file, as the versions listing gives it. */
export interface FigmaVersion {
  id: string;
  /** When it was saved (ISO 8601, UTC). */
  createdAt: string;
  /** The name given to it in Figma's version history ("Handoff v2"); absent for an autosave. */
  label?: string;
  description?: string;
  /** Who saved it: the user's handle. */
  user?: string;
}

export interface VersionList {
  /** Newest first. */
  versions: FigmaVersion[];
  /** Figma has older versions than these (the listing stopped at `limit`). */
  more: boolean;
}

/** Versions a page of the listing asks for (Figma's most). */
export const VERSIONS_PAGE = 50;

function readVersion(raw: Partial<Version>): FigmaVersion | undefined {
  if (typeof raw.id !== "string" && typeof raw.id !== "number") return undefined;
  const text = (value: unknown): string | undefined =>
    typeof value === "string" && value.trim() !== "" ? value : undefined;
  const label = text(raw.label);
  const description = text(raw.description);
  const user = text(raw.user?.handle);
  return {
    id: String(raw.id),
    createdAt: text(raw.created_at) ?? "",
    ...(label !== undefined ? { label } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(user !== undefined ? { user } : {}),
  };
}

/**
 * The file's versions, newest first, page after page (each before the last one's id) until Figma has no more or
 * `limit` are listed (default 100).
 */
export async function listVersions(options: FigmaClientOptions, fileKey: string, limit = 100): Promise<VersionList> {
  const client = new FigmaClient(options);
  const versions: FigmaVersion[] = [];
  let before: string | undefined;
  for (;;) {
    const size = Math.min(VERSIONS_PAGE, Math.max(1, limit - versions.length));
    const path =
      `/v1/files/${encodeURIComponent(fileKey)}/versions?page_size=${size}` +
      (before !== undefined ? `&before=${encodeURIComponent(before)}` : "");
    const what = `the versions of file ${fileKey}`;
    const reply = (await client.getJson(path, what)) as Partial<GetFileVersionsResponse> | null;
    if (!Array.isArray(reply?.versions))
      throw new FigmaRestError("service", `Figma's answer for ${what} has no versions list`);
    const page = reply.versions.flatMap((v) => readVersion(v as Partial<Version>) ?? []);
    versions.push(...page);
    const next = typeof reply.pagination?.next_page === "string" && reply.pagination.next_page !== "";
    if (!next || page.length === 0) return { versions, more: false };
    if (versions.length >= limit) return { versions: versions.slice(0, limit), more: true };
    before = page.at(-1)!.id;
  }
}
