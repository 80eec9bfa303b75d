/**
 * `figment search` end to end through run(): offline ranking and its --json shape, usage errors, and --ai
 * against the OpenAI-wire test server (bag-of-words embeddings; bodies validated against the OpenAPI spec):
 * --cache makes an identical second run send nothing, a changed frame alone is embedded again, a 401 exits 2.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { captureIo, fixturePath, readFixture } from "../../test/helpers/fixtures.js";
import { bagOfWordsEmbeddings, startOpenAiServer, type OpenAiTestServer } from "../../test/openai-server/server.js";
import { run } from "../run.js";
import { tempDirs } from "../../test/helpers/temp-dirs.js";

const tempDir = tempDirs("figment-search-");

const FIGMAGIC = fixturePath("figmagic-design-system.file.json");
const ENV = { OPENAI_API_KEY: "sk-test-search-9876" };

let srv: OpenAiTestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

async function figment(argv: string[], env: Record<string, string | undefined> = ENV) {
  const io = captureIo();
  const code = await run(argv, io, { env });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}
const inputs = (s: OpenAiTestServer): string[][] => s.requests.map((r) => (r.body as { input: string[] }).input);

describe("figment search (offline)", () => {
  it("--json prints { results: [{ id, name, page, score }] }, best first, --top long", async () => {
    const { code, stdout } = await figment(["search", FIGMAGIC, "letter spacing", "--json", "--top", "2"]);
    expect(code).toBe(0);
    const { results } = JSON.parse(stdout) as { results: Record<string, unknown>[] };
    expect(results.length).toBe(2);
    expect(results[0]).toEqual({
      id: "2657:12",
      name: "Letter Spacings",
      page: "Design Tokens",
      score: expect.any(Number),
    });
    expect(Object.keys(results[1]!)).toEqual(["id", "name", "page", "score"]);
  });

  it(
    "prints score, id, page and name per line; when nothing " +
      "matches says so plainly on stderr and exits 1, as grep does",
    async () => {
      const found = await figment(["search", FIGMAGIC, "cubic-bezier"]);
      expect(found.code).toBe(0);
      expect(found.stdout.split("\n")[0]).toMatch(/^\d+\.\d{3}\t3214:739\tDesign Tokens\tEasings$/);
      const none = await figment(["search", FIGMAGIC, "zebracorn"]);
      expect(none.code).toBe(1);
      expect(none.stdout).toBe("");
      // Not an error's "figment: " prefix: nothing found is an answer.
      expect(none.stderr).toBe('no frame matches "zebracorn"');
      const json = await figment(["search", FIGMAGIC, "zebracorn", "--json"]);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toEqual({ results: [] });
    },
  );

  it("bad input exits 2 with a clear message", async () => {
    expect((await figment(["search", FIGMAGIC])).stderr).toMatch(
      /^figment: search needs a query: figment search <design.json> QUERY$/,
    );
    expect((await figment(["search", FIGMAGIC, "x", "--top", "0"])).code).toBe(2);
    expect((await figment(["search", FIGMAGIC, "x", "--cache", "c.json"])).stderr).toMatch(
      /--cache works with --ai only/,
    );
    const missing = await figment(["search", "/nonexistent.json", "x"]);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringMatching(/no such file/) });
    const help = await figment(["search", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--cache FILE/);
  });
});

describe("figment search --ai", () => {
  it("embeds the frames in batches and ranks by words and meaning", async () => {
    srv = await startOpenAiServer(bagOfWordsEmbeddings);
    const { code, stdout, stderr } = await figment([
      "search",
      FIGMAGIC,
      "cubic bezier easings",
      "--ai",
      "--base-url",
      srv.url,
      "--json",
      "--dimensions",
      "48",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).results[0]).toMatchObject({ id: "3214:739", name: "Easings" });
    // All 57 frames in one request, then the query.
    expect(inputs(srv).map((i) => i.length)).toEqual([57, 1]);
    expect(
      srv.requests.every((r) => r.schemaErrors.length === 0 && (r.body as { dimensions: number }).dimensions === 48),
    ).toBe(true);
    expect(stderr).toMatch(/embedded 57 of 57 frames \(1 request, text-embedding-3-small\)/);
  });

  it("--cache: a second run embeds no frame; a changed frame alone is embedded again", async () => {
    srv = await startOpenAiServer(bagOfWordsEmbeddings);
    const dir = tempDir();
    const cache = join(dir, "cache.json");
    const design = join(dir, "design.json");
    const json = readFixture("figmagic-design-system.file.json") as {
      document: { children: { children: { id: string; name: string }[] }[] };
    };
    writeFileSync(design, JSON.stringify(json));
    const argv = ["search", design, "shadows", "--ai", "--base-url", srv.url, "--cache", cache];
    expect((await figment(argv)).code).toBe(0);
    expect(Object.keys((JSON.parse(readFileSync(cache, "utf8")) as { embeddings: object }).embeddings).length).toBe(57);

    srv.requests.length = 0;
    const second = await figment(argv);
    expect(second.code).toBe(0);
    // Nothing is embedded: the frames' and the query's vectors both come from the cache.
    expect(srv.requests).toEqual([]);
    expect(second.stderr).toMatch(/embedded 0 of 57 frames \(0 requests.*; 57 from/);

    const shadows = json.document.children[0]!.children.find((f) => f.name === "Shadows")!;
    shadows.name = "Elevation shadows";
    writeFileSync(design, JSON.stringify(json));
    srv.requests.length = 0;
    const third = await figment([...argv, "--json"]);
    expect(inputs(srv)).toEqual([[expect.stringMatching(/^Elevation shadows\n/)]]);
    expect(JSON.parse(third.stdout).results[0]).toMatchObject({ id: shadows.id, name: "Elevation shadows" });
  });

  it(
    "--cache keeps the query's vector by query, model, " +
      "dimensions and endpoint: only an identical query is not sent",
    async () => {
      srv = await startOpenAiServer(bagOfWordsEmbeddings);
      const cache = join(tempDir(), "cache.json");
      const argv = (query: string, ...more: string[]) => [
        "search",
        FIGMAGIC,
        query,
        "--ai",
        "--base-url",
        srv!.url,
        "--cache",
        cache,
        ...more,
      ];
      expect((await figment(argv("shadows"))).code).toBe(0);
      srv.requests.length = 0;

      const same = await figment(argv("shadows", "--json"));
      expect(srv.requests.length).toBe(0);
      expect(JSON.parse(same.stdout).results[0]).toMatchObject({ name: "Shadows" });

      expect((await figment(argv("letter spacing"))).code).toBe(0);
      expect(inputs(srv)).toEqual([["letter spacing"]]);
      srv.requests.length = 0;
      expect((await figment(argv("shadows", "--model", "text-embedding-3-large"))).code).toBe(0);
      // Another model: the frames and the query are embedded again.
      expect(inputs(srv).at(-1)).toEqual(["shadows"]);
      srv.requests.length = 0;
      expect((await figment(argv("shadows"))).code).toBe(0);
      expect((await figment(argv("letter spacing"))).code).toBe(0);
      // The frames were re-embedded for the default model; both queries are still kept for it.
      expect(
        inputs(srv)
          .flat()
          .filter((text) => text === "shadows" || text === "letter spacing"),
      ).toEqual([]);
      const file = JSON.parse(readFileSync(cache, "utf8")) as { queries: Record<string, number[]> };
      // Most recently used last.
      expect(Object.keys(file.queries).map((key) => (JSON.parse(key) as unknown[]).slice(0, 2))).toEqual([
        ["shadows", "text-embedding-3-large"],
        ["shadows", "text-embedding-3-small"],
        ["letter spacing", "text-embedding-3-small"],
      ]);
    },
  );

  it("a refused key exits 2 and leaves the cache as it was; a missing key exits 2", async () => {
    srv = await startOpenAiServer([{ kind: "error", status: 401, message: "Incorrect API key provided" }]);
    const dir = tempDir();
    const cache = join(dir, "cache.json");
    const refused = await figment(["search", FIGMAGIC, "x", "--ai", "--base-url", srv.url, "--cache", cache]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/The endpoint answered 401: .*Incorrect API key provided/);
    expect(refused.stderr).not.toContain("sk-test-search-9876");
    expect(() => readFileSync(cache)).toThrow();
    const missing = await figment(["search", FIGMAGIC, "x", "--ai"], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Set OPENAI_API_KEY/);
  });

  it("refuses a cache file that is not one, without overwriting it", async () => {
    srv = await startOpenAiServer(bagOfWordsEmbeddings);
    const cache = join(tempDir(), "notes.json");
    writeFileSync(cache, '{"mine":true}');
    const result = await figment(["search", FIGMAGIC, "x", "--ai", "--base-url", srv.url, "--cache", cache]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a Figment search cache/);
    expect(readFileSync(cache, "utf8")).toBe('{"mine":true}');
    expect(srv.requests).toEqual([]);
  });
});
