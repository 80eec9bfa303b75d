/**
 * A generated React project built as its own `npm run build` builds it, offline: Tailwind compiled first by
 * Tailwind's own compiler (`compile` of the `tailwindcss` package, over the project's class candidates: what
 * @tailwindcss/vite does in the build, its output replacing src/tailwind.css, which Vite then processes as the
 * plugin hands it on), then Vite's `build()` on the project's folder. Neither @tailwindcss/vite nor
 * @vitejs/plugin-react is installed here (no network: never npm install), so the project's vite.config.ts is not
 * read: Vite's own transform compiles the TSX (the tsconfig's react-jsx), and React's module names resolve to
 * preact/compat, as in the preview runtime (React is not installed either). Everything else is the project's: its
 * index.html, src/, assets and Fontsource packages (from the repository's node_modules, linked in as an install
 * would put them). Then `serveDir` answers the built dist/ on 127.0.0.1 and logs every request with its status.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, normalize, resolve, sep } from "node:path";
import { build, createLogger } from "vite";
import { contentTypeFor } from "../../cli/measure/browser.js";
import { compileTailwind } from "../../codegen/preview/tailwind-compile.js";
import type { SourceFile } from "../../codegen/types.js";
import { REPO_ROOT } from "./fixtures.js";

const NODE_MODULES = join(REPO_ROOT, "node_modules");

/** React's modules as preact/compat's (ESM files, so that Rolldown bundles them as the project's React). */
const REACT_AS_PREACT = [
  { find: /^react-dom\/client$/, replacement: join(NODE_MODULES, "preact/compat/client.mjs") },
  { find: /^react\/jsx(?:-dev)?-runtime$/, replacement: join(NODE_MODULES, "preact/jsx-runtime/dist/jsxRuntime.mjs") },
  { find: /^react(?:-dom)?$/, replacement: join(NODE_MODULES, "preact/compat/dist/compat.mjs") },
];

export interface ProjectBuild {
  /** The built site (dist/). */
  dist: string;
  /** What Vite warned about while building (e.g. a url() it could not resolve and left for the browser). */
  warnings: string[];
  /** The Tailwind stylesheet as @tailwindcss/vite would hand it to Vite (src/tailwind.css compiled). */
  tailwindCss: string | undefined;
}

/** Writes `files` (the project, as projectFiles makes it) to `dir` and builds it into `dir`/dist. */
export async function buildProject(files: readonly SourceFile[], dir: string): Promise<ProjectBuild> {
  const tailwind = await compileTailwind(files);
  const compiled = new Map((tailwind?.stylesheets ?? []).filter((s) => !s.added).map((s) => [s.path, s.css]));
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes ?? compiled.get(file.path) ?? file.content);
  }
  symlinkSync(NODE_MODULES, join(dir, "node_modules"), "dir");
  const warnings: string[] = [];
  const logger = createLogger("warn");
  logger.warn = (message) => void warnings.push(message);
  logger.warnOnce = (message) => void warnings.push(message);
  const dist = join(dir, "dist");
  await build({
    root: dir,
    mode: "production",
    configFile: false,
    logLevel: "warn",
    customLogger: logger,
    resolve: { alias: REACT_AS_PREACT },
    build: { outDir: dist, emptyOutDir: true },
  });
  return { dist, warnings, tailwindCss: compiled.get("src/tailwind.css") };
}

export interface ServedRequest {
  path: string;
  status: number;
}

export interface ServedDir {
  origin: string;
  /** Every request answered so far, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1 (a free port) as a static host serves a built site: a folder's index.html at its path
 * (`/`, `/book/`), 404 for what is not there.
 */
export async function serveDir(root: string): Promise<ServedDir> {
  const requests: ServedRequest[] = [];
  const base = resolve(root);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    // A folder's path is its index.html, as static hosts answer it (Next.js's export writes book/index.html).
    const file = normalize(join(base, path.endsWith("/") ? `${path}index.html` : path));
    let body: Buffer | undefined;
    try {
      if (file.startsWith(base + sep)) body = readFileSync(file);
    } catch {
      body = undefined;
    }
    requests.push({ path, status: body ? 200 : 404 });
    if (!body) {
      response.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${path}`);
      return;
    }
    response.writeHead(200, { "content-type": contentTypeFor(file) }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
