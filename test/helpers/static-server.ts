/**
 * The test run's file server on 127.0.0.1, started by test/global-setup.ts: Chromium fetches the harness's large,
 * unchanging files from it itself (withPage's `fetchFrom`) instead of having them sent from memory. Sent from memory,
 * the plugin's 13 MB dist/code.js crosses Playwright's protocol twice (test worker → the run's browser server →
 * Chromium) as base64: about 1 s of CPU each time a plugin page opens, some 200 times a run. Read-only, and only the
 * folders below: the build, the Figma fixtures and the run's cache (the harness host's bundle).
 */
import { createReadStream, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, relative, resolve, sep } from "node:path";

/** The environment variable naming the server's origin for the test files (they inherit the setup's env). */
export const STATIC_ORIGIN_ENV = "FIGMENT_TEST_STATIC_ORIGIN";

/** The folders served, from the repository root. */
const SERVED_FOLDERS = ["dist", join("test", "fixtures", "figma"), join("node_modules", ".cache", "figment-test")];

const TYPES: Readonly<Record<string, string>> = {
  ".js": "text/javascript; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
};

/** The repository-relative path (with `/`) of `file` when it is under a served folder of `root`, else undefined. */
export function servedPath(root: string, file: string): string | undefined {
  const path = relative(resolve(root), resolve(file));
  if (path.startsWith("..") || !SERVED_FOLDERS.some((folder) => path.startsWith(folder + sep))) return undefined;
  return path.split(sep).join("/");
}

/**
 * The URL the run's server answers `file` at (an absolute path under `root`), or undefined: no server in this run
 * (a test file run on its own, the bench) or a file outside the served folders.
 */
export function staticUrl(root: string, file: string): string | undefined {
  const origin = process.env[STATIC_ORIGIN_ENV];
  const path = servedPath(root, file);
  return origin && path ? `${origin}/${path.split("/").map(encodeURIComponent).join("/")}` : undefined;
}

/** Starts the server for `root`'s served folders; resolves with its origin and a function that closes it. */
export async function startStaticServer(root: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    let file: string;
    try {
      file = join(root, decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    } catch {
      file = "";
    }
    const path = file && servedPath(root, file);
    const size = path ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (request.method !== "GET" || !path || !size?.isFile()) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not served");
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": size.size,
      "cache-control": "no-store",
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the test file server has no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections(); // Chromium's kept-alive ones
      }),
  };
}
