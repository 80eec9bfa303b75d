/**
 * fetchDesignExtras against the local Figma-REST test server (test/figma-rest-server): the image fills and
 * vector SVGs of real Figma files arrive as DesignExtras; the token goes to the API only; null URLs and
 * failed downloads are problems; 429 waits its Retry-After (on an injected sleep) a bounded number of times;
 * 403, 404, 5xx and timeouts throw errors with the exit code the CLI uses — never with the token in them.
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadDesign, type DesignDocument } from "../../codegen/index.js";
import {
  encodePng,
  figmaError,
  rateLimited,
  startFigmaRestServer,
  tokenDigest,
  type FigmaRestTestServer,
  type FigmaTestFile,
} from "../../test/figma-rest-server/server.js";
import { readFixture } from "../../test/helpers/fixtures.js";
import { exitCodeFor } from "../../kernel/errors.js";
import { FigmaRestError } from "./errors.js";
import { fetchDesignExtras, type FetchExtrasOptions } from "./fetch-extras.js";
import { DEFAULT_RETRY_POLICY } from "./retry.js";
import { selectAssets } from "./selection.js";

const TOKEN = "figd_TEST-token-0123456789abcdef";
const KEY = "AbCdEf123456";

let server: FigmaRestTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function design(name: string): DesignDocument {
  return loadDesign(readFixture(name)).document;
}

/** A test file holding a distinct PNG for every image fill and an SVG for every vector of `doc`. */
function fileFor(doc: DesignDocument): FigmaTestFile {
  const { imageRefs, vectorIds } = selectAssets(doc);
  const file: FigmaTestFile = { imageFills: {}, svgs: {} };
  imageRefs.forEach((ref, i) => (file.imageFills[ref] = encodePng(4 + i, 3, { seed: i })));
  for (const id of vectorIds)
    file.svgs[id] =
      `<svg width="24" height="24" viewBox="0 0 24 24" fill="none" ` +
      `xmlns="http://www.w3.org/2000/svg" data-id="${id}"><path d="M0 0h1v1z" fill="#000"/></svg>`;
  return file;
}

function harness(): {
  sleeps: number[];
  lines: string[];
  options(srv: FigmaRestTestServer, more?: Partial<FetchExtrasOptions>): FetchExtrasOptions;
} {
  const sleeps: number[] = [];
  const lines: string[] = [];
  return {
    sleeps,
    lines,
    options: (srv, more = {}) => ({
      token: TOKEN,
      baseUrl: srv.url,
      fileKey: KEY,
      timeoutMs: 5000,
      policy: DEFAULT_RETRY_POLICY,
      sleep: async (ms) => void sleeps.push(ms),
      progress: (line) => void lines.push(line),
      ...more,
    }),
  };
}

async function failure(promise: Promise<unknown>): Promise<FigmaRestError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FigmaRestError);
  return error as FigmaRestError;
}

describe("fetchDesignExtras: 200", () => {
  it(
    "returns every image fill's bytes by imageRef and " + "every vector's SVG by node id (instance ids included)",
    async () => {
      const doc = design("figmasharp-bundler-dialog.file.json");
      const file = fileFor(doc);
      server = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: file } });
      const h = harness();
      const { extras, problems } = await fetchDesignExtras(doc, h.options(server));
      expect(problems).toEqual([]);
      expect(Object.keys(extras.images ?? {}).sort()).toEqual(Object.keys(file.imageFills).sort());
      expect(Object.keys(file.imageFills)).toHaveLength(8);
      for (const [ref, bytes] of Object.entries(file.imageFills))
        expect(Buffer.from(extras.images![ref]!).equals(Buffer.from(bytes!))).toBe(true);
      expect(extras.svgs).toEqual(file.svgs);
      expect(Object.keys(file.svgs).some((id) => id.includes(";"))).toBe(true);
      expect(h.sleeps).toEqual([]);
      expect(h.lines.at(-1)).toBe("figma: got 8 of 8 images and 10 of 10 SVGs");
    },
  );

  it("sends the token to the API only, never to the image and SVG URLs", async () => {
    const doc = design("figmasharp-login.file.json");
    server = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: fileFor(doc) } });
    await fetchDesignExtras(doc, harness().options(server));
    const api = server.requests.filter((r) => r.route === "fills" || r.route === "renders");
    const assets = server.requests.filter((r) => r.route === "image" || r.route === "svg");
    expect(api.map((r) => r.route)).toEqual(["fills", "renders"]);
    expect(assets).toHaveLength(1 + 4);
    for (const r of api) expect(r.tokenDigest).toBe(tokenDigest(TOKEN));
    for (const r of assets) expect(r.tokenDigest).toBeUndefined();
    expect(api[1]!.path).toMatch(/^\/v1\/images\/AbCdEf123456\?ids=101:22,101:26,101:38,101:45&format=svg$/);
  });

  it("asks for the vectors in batches of at most idsPerRender, one render at a time", async () => {
    const doc = design("figmagic-design-system.file.json");
    server = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: fileFor(doc) } });
    const { extras, problems } = await fetchDesignExtras(doc, harness().options(server, { idsPerRender: 16 }));
    const renders = server.requests.filter((r) => r.route === "renders");
    // 39 vectors and 7 token sheets drawn as one SVG each (Colors' vector is part of its sheet's).
    expect(renders.map((r) => r.ids.length)).toEqual([16, 16, 14]);
    expect(new Set(renders.flatMap((r) => r.ids)).size).toBe(46);
    expect(Object.keys(extras.svgs ?? {})).toHaveLength(46);
    expect(problems).toEqual([]);
  });

  it("asks for a top-level frame of shapes alone (a picture) as one SVG, as codegen draws it", async () => {
    const doc = design("figmagic-design-system.file.json");
    server = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: fileFor(doc) } });
    const { extras } = await fetchDesignExtras(doc, harness().options(server));
    const asked = server.requests.filter((r) => r.route === "renders").flatMap((r) => r.ids);
    // Token sheets of shapes alone: Media Queries, Radii, Spacing, Opacities, Shadows, Border Widths, Colors.
    for (const id of ["2657:0", "2657:106", "2605:13", "3091:653", "2657:121", "2657:116", "2605:41"]) {
      expect(asked).toContain(id);
      expect(extras.svgs?.[id]).toBe(fileFor(doc).svgs[id]);
    }
  });

  it("asks for nothing when the frames have no image fills or vectors", async () => {
    server = await startFigmaRestServer({ token: TOKEN, files: {} });
    const doc: DesignDocument = { frames: [{ id: "1:1", name: "Empty", kind: "frame", w: 10, h: 10 }], assets: {} };
    const h = harness();
    expect(await fetchDesignExtras(doc, h.options(server))).toEqual({ extras: {}, problems: [] });
    expect(server.requests).toEqual([]);
    expect(h.lines).toEqual(["figma: the selected frames have no image fills or vectors; nothing to fetch"]);
  });
});

describe("fetchDesignExtras: missing pieces are problems, not failures", () => {
  it("lists a null image URL, a null render and a download that keeps failing; keeps the rest", async () => {
    const doc = design("figmasharp-bundler-dialog.file.json");
    const file = fileFor(doc);
    const [nullRef, brokenRef] = Object.keys(file.imageFills);
    const nullId = Object.keys(file.svgs)[0]!;
    file.imageFills[nullRef!] = null;
    file.svgs[nullId] = null;
    server = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: file } });
    // The second image's download fails with 500 on every try (first try + 2 retries).
    server.script("image", { status: 200, body: "" }); // first download: not an image at all
    const h = harness();
    const { extras, problems } = await fetchDesignExtras(doc, h.options(server, { concurrency: 1 }));
    expect(Object.keys(extras.images ?? {})).toHaveLength(6);
    expect(extras.images![nullRef!]).toBeUndefined();
    expect(extras.images![brokenRef!]).toBeUndefined();
    expect(Object.keys(extras.svgs ?? {})).toHaveLength(9);
    expect(problems.map((p) => p.code)).toEqual(["figma-image-missing", "figma-svg-missing", "figma-image-missing"]);
    expect(problems[0]!.message).toContain(`image fill ${nullRef!.slice(0, 12)} (null)`);
    expect(problems[1]).toMatchObject({ nodeId: nullId });
    expect(problems[1]!.message).toMatch(/^Figma rendered no SVG for “[^”]+” \(the render failed/);
    expect(problems[2]!.message).toMatch(/is not an image/);
    expect(h.lines.at(-1)).toBe("figma: got 6 of 8 images and 9 of 10 SVGs");
  });

  it("retries a failing download, then lists it", async () => {
    const doc = design("figmasharp-login.file.json");
    server = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: fileFor(doc) } });
    server.script("svg", { status: 503 }, { status: 503 }, { status: 503 });
    const h = harness();
    const { extras, problems } = await fetchDesignExtras(doc, h.options(server, { concurrency: 1 }));
    expect(h.sleeps).toEqual([1000, 2000]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "figma-svg-missing", nodeId: "101:22" });
    // Named as the layers panel names it (Figma's generated "Group"); the id is the problem's nodeId.
    expect(problems[0]!.message).toContain("the download of the SVG of “Group” answered 503");
    expect(problems[0]!.message).not.toContain("101:22");
    expect(Object.keys(extras.svgs ?? {})).toEqual(["101:26", "101:38", "101:45"]);
  });
});

describe("fetchDesignExtras: 429", () => {
  it("waits the Retry-After and tries again, saying so", async () => {
    const doc = design("figmasharp-login.file.json");
    server = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: fileFor(doc) } });
    server.script("fills", rateLimited(2), rateLimited(1));
    const retries: string[] = [];
    const h = harness();
    const { extras } = await fetchDesignExtras(
      doc,
      h.options(server, { onRetry: (n) => void retries.push(`${n.status} ${n.waitSec} ${n.attempt}/${n.of}`) }),
    );
    expect(h.sleeps).toEqual([2000, 1000]);
    expect(retries).toEqual(["429 2 1/3", "429 1 2/3"]);
    expect(Object.keys(extras.images ?? {})).toHaveLength(1);
    expect(server.requests.filter((r) => r.route === "fills")).toHaveLength(3);
  });

  it("gives up after the bounded retries and says when to run again (exit 1)", async () => {
    const doc = design("figmasharp-login.file.json");
    server = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: fileFor(doc) } });
    server.script("renders", rateLimited(1), rateLimited(1), rateLimited(1), rateLimited(5));
    const h = harness();
    const error = await failure(fetchDesignExtras(doc, h.options(server)));
    expect(h.sleeps).toEqual([1000, 1000, 1000]);
    expect(error.kind).toBe("limit");
    expect(exitCodeFor(error.kind)).toBe(1);
    expect(error.message).toContain("still after 3 retries: run the command again in 5 s or later");
  });

  it("does not sit through a Retry-After longer than the policy allows", async () => {
    const doc = design("figmasharp-login.file.json");
    server = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: fileFor(doc) } });
    server.script("fills", rateLimited(3 * 24 * 3600));
    const h = harness();
    const error = await failure(fetchDesignExtras(doc, h.options(server)));
    expect(h.sleeps).toEqual([]);
    expect(error.message).toMatch(
      /asks to wait 72 h, longer than figment waits \(2 min\): run the command again in 72 h/,
    );
  });
});

describe("fetchDesignExtras: refusals and failures", () => {
  it("403 (wrong token): exit code 2, a clear message, no token in it", async () => {
    const doc = design("figmasharp-login.file.json");
    server = await startFigmaRestServer({ token: "figd_the-right-one", files: { [KEY]: fileFor(doc) } });
    const h = harness();
    const error = await failure(fetchDesignExtras(doc, h.options(server)));
    expect(error.kind).toBe("auth");
    expect(exitCodeFor(error.kind)).toBe(2);
    expect(error.message).toContain('403: "Invalid token"');
    expect(error.message).toContain("FIGMA_TOKEN");
    expect(error.message).not.toContain(TOKEN);
    expect(h.sleeps).toEqual([]);
  });

  it("a server echoing the token in its error gets it redacted", async () => {
    const doc = design("figmasharp-login.file.json");
    server = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: fileFor(doc) } });
    server.script("fills", { status: 403, body: figmaError(403, `token ${TOKEN} has no access`) });
    const error = await failure(fetchDesignExtras(doc, harness().options(server)));
    expect(error.message).toContain("token *** has no access");
    expect(error.message).not.toContain(TOKEN);
  });

  it("404 (unknown file key): exit code 2, says to check --file-key", async () => {
    const doc = design("figmasharp-login.file.json");
    server = await startFigmaRestServer({ token: TOKEN, files: {} });
    const error = await failure(fetchDesignExtras(doc, harness().options(server)));
    expect(error).toMatchObject({ kind: "input", status: 404 });
    expect(exitCodeFor(error.kind)).toBe(2);
    expect(error.message).toContain("check --file-key");
  });

  it("5xx after its retries: exit code 1", async () => {
    const doc = design("grida-stroke.file.json");
    server = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: fileFor(doc) } });
    server.script(
      "renders",
      { status: 500, body: figmaError(500, "Render timeout") },
      { status: 502 },
      { status: 500, body: figmaError(500, "Render timeout") },
    );
    const h = harness();
    const error = await failure(fetchDesignExtras(doc, h.options(server)));
    expect(h.sleeps).toEqual([1000, 2000]);
    expect(error).toMatchObject({ kind: "service", status: 500 });
    expect(exitCodeFor(error.kind)).toBe(1);
    expect(error.message).toContain('(500: "Render timeout")');
  });

  it("a request that never answers times out: exit code 1", async () => {
    const doc = design("grida-stroke.file.json");
    server = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: fileFor(doc) } });
    server.script("renders", "hang");
    const error = await failure(fetchDesignExtras(doc, harness().options(server, { timeoutMs: 150 })));
    expect(error).toMatchObject({ kind: "network" });
    expect(exitCodeFor(error.kind)).toBe(1);
    expect(error.message).toContain("within 0.2 s");
  });

  it("nothing listening: a network error naming the host, exit code 1", async () => {
    const doc = design("grida-stroke.file.json");
    const gone = await startFigmaRestServer({ token: TOKEN, files: {} });
    await gone.close();
    const error = await failure(fetchDesignExtras(doc, harness().options(gone)));
    expect(error).toMatchObject({ kind: "network" });
    expect(exitCodeFor(error.kind)).toBe(1);
    expect(error.message).toContain(`could not reach ${gone.url}`);
  });
});
