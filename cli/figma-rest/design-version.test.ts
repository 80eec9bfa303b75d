/**
 * fetchDesignJson and listVersions against the Figma-REST test server (never Figma): the request each form makes,
 * the version and lastModified of the reply, the version history page by page, and Figma's refusals and limits as
 * the client's errors (401/403 auth, 404 an unknown file or version, 429 retried after Retry-After, then given up).
 */
import { afterEach, describe, expect, it } from "vitest";
import { kindOf } from "../../kernel/errors.js";
import {
  figmaError,
  rateLimited,
  startFigmaRestServer,
  type FigmaRestTestServer,
} from "../../test/figma-rest-server/server.js";
import { fileReply, VERSIONS, versionedFile } from "../../test/helpers/design-versions.js";
import type { FigmaClientOptions } from "./client.js";
import { apiNodeId, fetchDesignJson, listVersions } from "./design-version.js";
import { DEFAULT_RETRY_POLICY } from "./retry.js";

const TOKEN = "figd_design-version-test";
const KEY = "JennyFileKey0123456789";
const [V1, V2, V3, NOW] = VERSIONS;
let srv: FigmaRestTestServer | undefined;
let sleeps: number[] = [];
afterEach(async () => {
  await srv?.close();
  srv = undefined;
  sleeps = [];
});

async function start(): Promise<FigmaClientOptions> {
  srv = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: versionedFile() } });
  return {
    token: TOKEN,
    baseUrl: srv.url,
    timeoutMs: 5000,
    policy: DEFAULT_RETRY_POLICY,
    sleep: async (ms) => void sleeps.push(ms),
  };
}

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("it did not fail");
}

describe("fetchDesignJson", () => {
  it("the current file, or a version of it, whole: GET /v1/files/:key[?version=ID], with its version", async () => {
    const options = await start();
    const now = await fetchDesignJson(options, KEY);
    expect(now).toMatchObject({ version: NOW.version, lastModified: NOW.lastModified });
    expect(now.json).toEqual(fileReply("c66ecf7"));
    const past = await fetchDesignJson(options, KEY, { version: V2.version });
    expect(past).toMatchObject({ version: V2.version, lastModified: V2.lastModified, json: fileReply("8c76537") });
    expect(srv!.requests.map((r) => r.path)).toEqual([`/v1/files/${KEY}`, `/v1/files/${KEY}?version=${V2.version}`]);
  });

  it("nodes (12:34 or 12-34, once each) at a version: GET /v1/files/:key/nodes?ids=…&version=ID", async () => {
    const options = await start();
    const got = await fetchDesignJson(options, KEY, { nodes: ["35-34", "36:38", "35:34"], version: V1.version });
    expect(srv!.requests.map((r) => r.path)).toEqual([`/v1/files/${KEY}/nodes?ids=35:34,36:38&version=${V1.version}`]);
    expect(got.version).toBe(V1.version);
    expect(Object.keys((got.json as { nodes: object }).nodes)).toEqual(["35:34", "36:38"]);
    expect(apiNodeId(" 12-34 ")).toBe("12:34");
    expect(apiNodeId("I1:2;3:4")).toBe("I1:2;3:4");
  });

  it("a node the version lacks, or a version the file lacks: input errors that say what to do", async () => {
    const options = await start();
    const missing = await failure(fetchDesignJson(options, KEY, { nodes: ["35:34", "9:9"], version: V3.version }));
    expect(missing.message).toBe(
      `the file ${KEY} at version ${V3.version} has no layer 9:9 (deleted, or a layer of another file?)`,
    );
    expect(kindOf(missing)).toBe("input");
    const unknown = await failure(fetchDesignJson(options, KEY, { version: "42" }));
    expect(unknown.message).toBe(
      `Figma has no version 42 of file ${KEY} (404): figment diff --file-key ${KEY} --versions lists the file's ` +
        "versions (check the file key too: the part after /design/ in its URL)",
    );
    expect(kindOf(unknown)).toBe("input");
  });

  it("401 and 403 are the token's (auth, exit 2); 404 an unknown file; the token is in no message", async () => {
    const options = await start();
    srv!.script("file", { status: 401, body: figmaError(401, "Token expired") });
    const expired = await failure(fetchDesignJson(options, KEY));
    expect(kindOf(expired)).toBe("auth");
    expect(expired.message).toMatch(/^Figma refused the request for the file \w+ \(401: "Token expired"\)/);
    const refused = await failure(fetchDesignJson({ ...options, token: "figd_wrong-token" }, KEY));
    expect(kindOf(refused)).toBe("auth");
    expect(refused.message).toContain("(403");
    const other = await failure(fetchDesignJson(options, "NoSuchFile"));
    expect(kindOf(other)).toBe("input");
    expect(other.message).toMatch(/^Figma has no file for the file NoSuchFile \(404/);
    for (const error of [expired, refused, other]) expect(error.message).not.toContain(TOKEN);
  });

  it("429: waits Figma's Retry-After and tries again; still limited after the retries, a limit error", async () => {
    const options = await start();
    srv!.script("nodes", rateLimited(2));
    const got = await fetchDesignJson(options, KEY, { nodes: ["35:34"] });
    expect(got.version).toBe(NOW.version);
    expect(sleeps).toEqual([2000]);
    const notices: string[] = [];
    srv!.script("file", ...Array.from({ length: 4 }, () => rateLimited(1)));
    const limited = await failure(fetchDesignJson({ ...options, onRetry: (n) => notices.push(n.what) }, KEY));
    expect(kindOf(limited)).toBe("limit");
    expect(notices).toEqual(Array.from({ length: 3 }, () => `the file ${KEY}`));
  });
});

describe("listVersions", () => {
  it("the file's versions, newest first, with when, label and who; page after page up to the limit", async () => {
    const options = await start();
    const all = await listVersions(options, KEY);
    expect(all.more).toBe(false);
    expect(all.versions.map((v) => v.id)).toEqual([NOW, V3, V2, V1].map((v) => v.version));
    expect(all.versions[0]).toEqual({
      id: NOW.version,
      createdAt: "2019-08-08T13:45:17Z",
      label: "Newsletter",
      user: "Jenny",
    });
    expect(all.versions[2]).toEqual({ id: V2.version, createdAt: "2019-07-29T19:26:23Z", user: "Jenny" });
    srv!.requests.length = 0;
    const some = await listVersions(options, KEY, 3);
    expect(some).toMatchObject({ more: true });
    expect(some.versions.map((v) => v.id)).toEqual([NOW, V3, V2].map((v) => v.version));
    expect(srv!.requests.map((r) => r.path)).toEqual([`/v1/files/${KEY}/versions?page_size=3`]);
  });

  it("follows Figma's pages (each before the last id) until it has no more", async () => {
    const options = await start();
    srv!.requests.length = 0;
    const file = versionedFile();
    // 60 versions: two pages of at most 50.
    const many = Array.from({ length: 60 }, (_, i) => ({ ...file.versions![0]!, id: String(1000 - i) }));
    await srv!.close();
    srv = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: { ...file, versions: many } } });
    const listed = await listVersions({ ...options, baseUrl: srv.url }, KEY);
    expect(listed.versions).toHaveLength(60);
    expect(listed.more).toBe(false);
    expect(srv.requests.map((r) => r.path)).toEqual([
      `/v1/files/${KEY}/versions?page_size=50`,
      `/v1/files/${KEY}/versions?page_size=50&before=951`,
    ]);
  });
});
