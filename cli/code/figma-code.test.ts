/**
 * `figment code DESIGN.json --file-key K` end to end through `run(argv, io)` against the local Figma-REST
 * test server (never Figma): the token from FIGMA_TOKEN or --figma-token, progress and retries on stderr,
 * 403/404 → exit 2, 5xx/timeouts/a 429 that does not clear → exit 1, a missing image → a listed problem, the
 * flags refused where they do not apply — and the token in no output, error or written file. Last, the
 * built binary as a child process.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadDesign } from "../../codegen/index.js";
import {
  encodePng,
  figmaError,
  rateLimited,
  startFigmaRestServer,
  tokenDigest,
  type FigmaRestTestServer,
  type FigmaTestFile,
} from "../../test/figma-rest-server/server.js";
import { captureIo, fixturePath, listFiles, readFixture, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { parseFileKey } from "../common/args.js";
import { selectAssets } from "../figma-rest/selection.js";
import { run } from "../run.js";

const LOGIN = fixturePath("figmasharp-login.file.json");
const TOKEN = "figd_SECRET-test-token-9f8e7d6c5b4a";
const KEY = "LoginFileKey0123456789";

let tmp: string;
let server: FigmaRestTestServer | undefined;
let outCount = 0;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-figma-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The login file's image fill and vectors as the test server holds them. */
function loginFile(): FigmaTestFile {
  const { imageRefs, vectorIds } = selectAssets(loadDesign(readFixture("figmasharp-login.file.json")).document);
  const file: FigmaTestFile = { imageFills: {}, svgs: {} };
  for (const ref of imageRefs) file.imageFills[ref] = encodePng(6, 4, { seed: 3 });
  for (const id of vectorIds)
    file.svgs[id] =
      `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" ` +
      `data-figma="${id}"><path d="M2 2h20v20H2z" fill="#123456"/></svg>`;
  return file;
}

async function serve(token = TOKEN): Promise<FigmaRestTestServer> {
  server = await startFigmaRestServer({ token, files: { [KEY]: loginFile() } });
  return server;
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
  out: string;
  sleeps: number[];
}

/** Runs figment with FIGMA_TOKEN set (unless `env` says otherwise) and a sleep that only records. */
async function figment(
  argv: string[],
  env: Record<string, string | undefined> = { FIGMA_TOKEN: TOKEN },
  timeoutMs = 5000,
): Promise<Result> {
  const out = join(tmp, `out-${++outCount}`);
  const io = captureIo();
  const sleeps: number[] = [];
  const code = await run([...argv, "--out", out], io, {
    env,
    figma: { sleep: async (ms) => void sleeps.push(ms), timeoutMs },
  });
  const result = { code, stdout: io.stdout(), stderr: io.stderr(), out, sleeps };
  expectNoToken(result);
  return result;
}

/** The token is nowhere: not on stdout, not on stderr, not in a written file. */
function expectNoToken(result: Result): void {
  expect(result.stdout).not.toContain(TOKEN);
  expect(result.stderr).not.toContain(TOKEN);
  for (const path of listFiles(result.out))
    expect(readFileSync(join(result.out, path), "utf8"), path).not.toContain(TOKEN);
}

function code(srv: FigmaRestTestServer, ...more: string[]): string[] {
  return ["code", LOGIN, "--file-key", KEY, "--figma-base-url", srv.url, ...more];
}

describe("figment code --file-key: 200", () => {
  it("fetches the image fill and the vectors with the token from FIGMA_TOKEN; progress on stderr; exit 0", async () => {
    const srv = await serve();
    const { code: exit, stdout, stderr } = await figment(code(srv, "--json"));
    expect(exit, stderr).toBe(0);
    expect(stderr.split("\n").filter((l) => l.startsWith("figma:"))).toEqual([
      "figma: asking for the URLs of 1 image fill",
      "figma: rendering 4 vectors as SVG (1 request)",
      "figma: downloading 5 files",
      "figma: got 1 of 1 image and 4 of 4 SVGs",
    ]);
    const report = JSON.parse(stdout) as { files: { path: string; bytes: number }[]; problems: { code: string }[] };
    expect(
      report.problems
        .map((p) => p.code)
        .filter((c) => c.startsWith("figma-") || c === "missing-image" || c === "vector-placeholder"),
    ).toEqual([]);
    expect(srv.requests.map((r) => r.route).sort()).toEqual(["fills", "image", "renders", "svg", "svg", "svg", "svg"]);
    for (const r of srv.requests)
      expect(r.tokenDigest).toBe(r.route === "fills" || r.route === "renders" ? tokenDigest(TOKEN) : undefined);
  });

  it("writes the served image into src/assets and inlines the served SVGs (React)", async () => {
    const srv = await serve();
    const { code: exit, stderr, out } = await figment(code(srv));
    expect(exit, stderr).toBe(0);
    const [png] = Object.values(loginFile().imageFills);
    expect(readFileSync(join(out, "src/assets/background-image.png")).equals(Buffer.from(png!))).toBe(true);
    const screen = readFileSync(join(out, "src/screens/LogInPage.tsx"), "utf8");
    expect(screen.match(/d="M2 2h20v20H2z"/g)).toHaveLength(4);
    expect(readFileSync(join(out, "src/screens/LogInPage.module.css"), "utf8")).toContain(
      "../assets/background-image.png",
    );
  });

  it("HTML: assets/ holds the image, index.html the four icons", async () => {
    const srv = await serve();
    const { code: exit, stderr, out } = await figment(code(srv, "--target", "html"));
    expect(exit, stderr).toBe(0);
    expect(listFiles(out)).toEqual(["assets/background-image.png", "index.html", "styles.css"]);
    expect(readFileSync(join(out, "index.html"), "utf8").match(/d="M2 2h20v20H2z"/g)).toHaveLength(4);
    expect(readFileSync(join(out, "styles.css"), "utf8")).toContain("assets/background-image.png");
  });

  it("with --images DIR too, the folder's image wins and only the SVGs come from Figma", async () => {
    const srv = await serve();
    const [ref] = Object.keys(loginFile().imageFills);
    const dir = join(tmp, "images");
    mkdirSync(dir, { recursive: true });
    const local = encodePng(9, 9, { seed: 7 });
    writeFileSync(join(dir, `${ref}.png`), local);
    const { code: exit, stderr, out } = await figment(code(srv, "--images", dir));
    expect(exit, stderr).toBe(0);
    expect(srv.requests.map((r) => r.route)).not.toContain("fills");
    expect(srv.requests.filter((r) => r.route === "svg")).toHaveLength(4);
    expect(readFileSync(join(out, "src/assets/background-image.png")).equals(local)).toBe(true);
  });

  it("--figma-token wins over FIGMA_TOKEN, and --file-key takes the file's URL", async () => {
    const srv = await serve();
    const url = `https://www.figma.com/design/${KEY}/Login-Page?node-id=101-3&t=abc`;
    const { code: exit, stderr } = await figment(
      ["code", LOGIN, "--file-key", url, "--figma-base-url", srv.url, "--figma-token", TOKEN],
      { FIGMA_TOKEN: "figd_stale" },
    );
    expect(exit, stderr).toBe(0);
    expect(srv.requests.find((r) => r.route === "fills")?.path).toBe(`/v1/files/${KEY}/images`);
  });

  it("a null image URL is a listed problem: the code is still written (exit 0)", async () => {
    server = await startFigmaRestServer({
      token: TOKEN,
      files: {
        [KEY]: {
          ...loginFile(),
          imageFills: Object.fromEntries(Object.keys(loginFile().imageFills).map((ref) => [ref, null])),
        },
      },
    });
    const { code: exit, stderr, out } = await figment(code(server));
    expect(exit).toBe(0);
    expect(stderr).toMatch(
      /^warning figma-image-missing Figma has no URL for image fill \w+ \(null\); a placeholder is used$/m,
    );
    expect(stderr).toContain("figma: got 0 of 1 image and 4 of 4 SVGs");
    expect(listFiles(out).length).toBeGreaterThan(0);
  });
});

describe("figment code --file-key: 429", () => {
  it("waits Figma's Retry-After, says so on stderr, and carries on", async () => {
    const srv = await serve();
    srv.script("renders", rateLimited(2));
    const { code: exit, stderr, sleeps } = await figment(code(srv));
    expect(exit, stderr).toBe(0);
    expect(sleeps).toEqual([2000]);
    expect(stderr).toContain("figma: rate-limited (429) on 4 layers as SVG; retrying in 2 s (1 of 3)");
    expect(srv.requests.filter((r) => r.route === "renders")).toHaveLength(2);
  });

  it("exits 1 when the limit does not clear, saying when to run again; writes nothing", async () => {
    const srv = await serve();
    srv.script("fills", rateLimited(1), rateLimited(1), rateLimited(1), rateLimited(30));
    const { code: exit, stderr, out, sleeps } = await figment(code(srv));
    expect(exit).toBe(1);
    expect(sleeps).toEqual([1000, 1000, 1000]);
    expect(stderr).toMatch(
      new RegExp(
        "^figment: Figma rate-limited the request for the image fills of file LoginFileKey0123456789 " +
          String.raw`\(429: "Rate limit exceeded"\), still after 3 retries: run the command again in 30 s or later`,
        "m",
      ),
    );
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});

describe("figment code --file-key: refusals and failures", () => {
  it("403 (a token Figma refuses): exit 2, says to check the token, never shows it", async () => {
    const srv = await serve("figd_a-different-token");
    const { code: exit, stderr, out } = await figment(code(srv));
    expect(exit).toBe(2);
    expect(stderr).toMatch(
      new RegExp(
        "^figment: Figma refused the request for the image fills of file " +
          String.raw`\w+ \(403: "Invalid token"\): the token is invalid or expired`,
        "m",
      ),
    );
    expect(existsSync(out)).toBe(false);
  });

  it("404 (a file key Figma does not know): exit 2, says to check --file-key", async () => {
    const srv = await serve();
    const { code: exit, stderr } = await figment([
      "code",
      LOGIN,
      "--file-key",
      "NoSuchFile",
      "--figma-base-url",
      srv.url,
    ]);
    expect(exit).toBe(2);
    expect(stderr).toMatch(
      /^figment: Figma has no file for the image fills of file NoSuchFile \(404: "Not found"\): check --file-key/m,
    );
  });

  it("5xx that persists: exit 1 after the retries", async () => {
    const srv = await serve();
    srv.script(
      "renders",
      { status: 500, body: figmaError(500, "Internal server error") },
      { status: 500 },
      { status: 503 },
    );
    const { code: exit, stderr, sleeps } = await figment(code(srv));
    expect(exit).toBe(1);
    expect(sleeps).toEqual([1000, 2000]);
    expect(stderr).toContain("figma: Figma answered 500 on 4 layers as SVG; retrying in 1 s (1 of 2)");
    expect(stderr).toMatch(/^figment: Figma failed on 4 layers as SVG \(503: "scripted"\); this is on Figma's side/m);
  });

  it("a request that never answers: exit 1 after the timeout", async () => {
    const srv = await serve();
    srv.script("fills", "hang");
    const { code: exit, stderr } = await figment(code(srv), { FIGMA_TOKEN: TOKEN }, 200);
    expect(exit).toBe(1);
    expect(stderr).toMatch(
      /^figment: Figma did not answer the request for the image fills of file \w+ within 0.2 s; try again later$/m,
    );
  });
});

describe("figment code --file-key: Ctrl-C", () => {
  it("cancelling during a Retry-After wait exits 130 and writes nothing", async () => {
    const srv = await serve();
    srv.script("fills", rateLimited(60));
    const controller = new AbortController();
    const io = captureIo();
    const out = join(tmp, "cancelled");
    const sleep = (_ms: number, signal?: AbortSignal): Promise<void> => {
      controller.abort(new Error("SIGINT"));
      return Promise.reject(signal?.reason as Error);
    };
    const exit = await run([...code(srv), "--out", out], io, {
      env: { FIGMA_TOKEN: TOKEN },
      signal: controller.signal,
      figma: { sleep },
    });
    expect(exit).toBe(130);
    expect(io.stderr()).toContain(
      "figma: rate-limited (429) on the image fills of file LoginFileKey0123456789; retrying in 60 s (1 of 3)",
    );
    expect(io.stderr()).toMatch(/^figment: cancelled; nothing was written$/m);
    expect(existsSync(out)).toBe(false);
  });
});

describe("figment code --file-key: bad options (exit 2, nothing sent)", () => {
  it.each([
    [
      "no token anywhere",
      ["code", LOGIN, "--file-key", KEY],
      {},
      /--file-key needs a Figma token: set FIGMA_TOKEN \(or pass --figma-token\)/,
    ],
    [
      "a token with a line break",
      ["code", LOGIN, "--file-key", KEY],
      { FIGMA_TOKEN: `${TOKEN}\nX-Other: 1` },
      /FIGMA_TOKEN holds characters a Figma token cannot have/,
    ],
    [
      "--figma-token without --file-key",
      ["code", LOGIN, "--figma-token", TOKEN],
      {},
      /--figma-token only applies with --file-key KEY/,
    ],
    [
      "--figma-base-url without --file-key",
      ["code", LOGIN, "--figma-base-url", "http://127.0.0.1:1"],
      {},
      /--figma-base-url only applies with --file-key KEY/,
    ],
    [
      "--file-key on another command",
      ["hints", LOGIN, "--file-key", KEY],
      {},
      /--file-key only applies to figment code, not figment hints/,
    ],
    [
      "--file-key with --from-hint",
      ["code", "--from-hint", LOGIN, "--file-key", KEY],
      {},
      /--file-key needs the design's JSON/,
    ],
    [
      "a key that is no key",
      ["code", LOGIN, "--file-key", "not a key!"],
      {},
      /--file-key needs a Figma file key \(letters and digits/,
    ],
    [
      "a base URL that is no URL",
      ["code", LOGIN, "--file-key", KEY, "--figma-base-url", "api.figma.com"],
      {},
      /--figma-base-url must be an http\(s\) URL/,
    ],
  ] as const)("%s", async (_name, argv, env, message) => {
    const srv = await serve();
    const { code: exit, stderr, stdout } = await figment([...argv], { ...env });
    expect(exit).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^figment: /);
    expect(stderr).toMatch(message);
    expect(srv.requests).toEqual([]);
  });

  it("--dry-run with --ai sends nothing to Figma either", async () => {
    const srv = await serve();
    const { code: exit, stderr } = await figment([...code(srv), "--ai", "--dry-run"]);
    expect(exit, stderr).toBe(0);
    expect(stderr).toContain("figma: --dry-run sends nothing: the images and SVGs are not fetched from Figma");
    expect(srv.requests).toEqual([]);
  });
});

describe("parseFileKey", () => {
  it.each([
    ["AbC123", "AbC123"],
    ["https://www.figma.com/design/AbC123/My-File?node-id=1-2", "AbC123"],
    ["https://www.figma.com/file/AbC123/My-File", "AbC123"],
    ["https://www.figma.com/design/AbC123/branch/BrAnCh9/My-File", "BrAnCh9"],
    ["  AbC123  ", "AbC123"],
  ])("%s → %s", (input, key) => {
    expect(parseFileKey(input)).toBe(key);
  });

  it.each(["", "https://www.figma.com/", "https://example.com/x", "AbC/123", "https://[bad"])("refuses %j", (input) => {
    expect(() => parseFileKey(input)).toThrow(/--file-key needs a Figma file key/);
  });
});

describe("the built binary (dist/cli.js) with --file-key", () => {
  it("reads FIGMA_TOKEN from its environment and exits 0; the token is in none of its output", async () => {
    const srv = await serve();
    const out = join(tmp, "bin-out");
    const child = spawn(process.execPath, [join(REPO_ROOT, "dist", "cli.js"), ...code(srv, "--out", out)], {
      env: { ...process.env, FIGMA_TOKEN: TOKEN },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exit = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(exit, stderr).toBe(0);
    expect(stderr).toContain("figma: got 1 of 1 image and 4 of 4 SVGs");
    expect(stdout).toMatch(/^wrote \d+ files to /);
    expect(`${stdout}${stderr}`).not.toContain(TOKEN);
    expect(readdirSync(out).length).toBeGreaterThan(0);
  });
});
