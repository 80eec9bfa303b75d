/**
 * The search worker's messages, mutated (issue 38): a fixed-seed fuzz of requests into the worker's handler and of
 * replies into the panel's check and its client. Every refusal is a ProtocolError of one short line (never a
 * raw TypeError), echoing only an id the panel could have sent; the worker's own failures reach the panel as a
 * sentence, never a raw JavaScript message; every reply it sends passes the panel's check; and no request of the
 * client is left pending by a malformed reply.
 */
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { isRequestId } from "../../contract/messages.js";
import type { SearchFrameDoc } from "../../contract/search.js";
import { encodeVector } from "../../contract/vector-codec.js";
import { answerRequest } from "./answer.js";
import { SearchWorkerClient } from "./client.js";
import { SearchIndexKeeper } from "./index-keeper.js";
import { parseSearchReply, parseSearchRequest, ProtocolError } from "./index-protocol.js";

const counts = { buttons: 0, inputs: 0, images: 0, headings: 0, width: 375, height: 812 };
const doc = (id: string, name: string, texts: string[]): SearchFrameDoc => ({
  id,
  name,
  page: "Screens",
  pageId: "0:1",
  texts,
  components: [],
  counts,
  summary: "375×812",
  hash: `h${id}`,
});
const DOCS = [
  doc("1:1", "Beach list", ["Beach towels"]),
  doc("1:2", "Ocean landing", ["Waves and sand"]),
  doc("1:3", "Settings", ["Privacy"]),
];
const VECTORS = { "1:1": encodeVector([1, 0, 0]), "1:2": encodeVector([0, 1, 0]), "1:3": encodeVector([0, 0, 1]) };

const INDEX = { kind: "index", id: "search-1-a1b2c3", docs: DOCS, vectors: VECTORS, dimensions: 3 };
const QUERY = { kind: "query", id: "search-2-a1b2c3", term: "sand", vector: [0, 1, 0], limit: 3, exclude: ["1:3"] };
const INDEXED = { kind: "index", id: "search-1-a1b2c3", ok: true, frames: 3, vectors: 3, ms: 1.5 };
const HITS = { kind: "query", id: "search-2-a1b2c3", ok: true, hits: [{ id: "1:2", score: 0.9 }] };
const FAILED = {
  id: "search-2-a1b2c3",
  ok: false,
  failure: {
    kind: "input",
    reason: "no-index",
    message: "the search index is not built yet (the panel queried before sending it)",
  },
};

const cycle = (): Record<string, unknown> => {
  const o: Record<string, unknown> = { kind: "query" };
  o["self"] = o;
  return o;
};
const deep = (depth: number): unknown =>
  Array.from({ length: depth }).reduce<unknown>((inner) => ({ inner }), { leaf: 1 });
/** An object whose `id` (and `kind`) getters throw: structured clone never delivers one, a caller in-process may. */
const throwing = (): unknown =>
  Object.defineProperties(
    {},
    {
      id: {
        enumerable: true,
        get: () => {
          throw new TypeError("getter exploded");
        },
      },
      kind: {
        enumerable: true,
        get: () => {
          throw new RangeError("x".repeat(100_001));
        },
      },
    },
  );

/** Values structured clone passes that JSON cannot write, huge, deep and prototype-shaped ones, and bad vectors. */
const awkward = fc.oneof(
  fc.anything(),
  fc.bigInt(),
  fc.constantFrom<unknown>(
    cycle(),
    deep(2000),
    "x".repeat(100_001),
    JSON.parse('{"__proto__": {"polluted": true}, "kind": "query"}') as unknown,
    new Uint8Array(5_000_000),
    new Float32Array([Number.NaN, 1, 0]),
    new Map([["a", 1]]),
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    throwing(),
    // Stored vectors that decode to nothing usable: not base64, the wrong length, NaN, Infinity, all zeros, too large
    // to square.
    "not base64!",
    encodeVector([1, 0]),
    encodeVector([Number.NaN, 0, 1]),
    encodeVector([Number.POSITIVE_INFINITY, 0, 0]),
    encodeVector([0, 0, 0]),
    encodeVector([3e38, 3e38, 0]),
    [Number.NaN, 0, 1],
    [0, 0, 0],
    [1e308, 1e308, 1],
    [DOCS[0], DOCS[0]],
    "__proto__",
    "constructor",
  ),
);

type Path = readonly (string | number)[];
const REQUEST_PATHS: Path[] = [
  ["id"],
  ["kind"],
  ["docs"],
  ["vectors"],
  ["dimensions"],
  ["term"],
  ["vector"],
  ["limit"],
  ["exclude"],
  ["extra"],
  ["__proto__"],
  ["docs", 0],
  ["docs", 0, "id"],
  ["docs", 0, "name"],
  ["docs", 0, "texts"],
  ["docs", 0, "texts", 0],
  ["docs", 0, "counts"],
  ["docs", 0, "counts", "width"],
  ["docs", 0, "hash"],
  ["vectors", "1:1"],
  ["vectors", "__proto__"],
  ["vectors", "constructor"],
  ["vector", 0],
  ["exclude", 0],
];
const REPLY_PATHS: Path[] = [
  ["id"],
  ["kind"],
  ["ok"],
  ["frames"],
  ["vectors"],
  ["ms"],
  ["hits"],
  ["hits", 0],
  ["hits", 0, "id"],
  ["hits", 0, "score"],
  ["error"],
  ["extra"],
];

/**
 * A copy of `seed` with the value at `path` replaced (own keys, `__proto__` included, as JSON.parse would make them).
 */
function mutate(seed: object, path: Path, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(seed)) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== "object" || next === null) return copy;
    at = next as Record<string | number, unknown>;
  }
  Object.defineProperty(at, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** What the panel may show: one line, the refused value quoted by a short start. */
const oneShortLine = (text: string): boolean => !text.includes("\n") && text.length <= 400;
/** JavaScript's own words, which mean nothing to a user. */
const RAW = new RegExp(
  String.raw`Cannot read propert|is not a function|is not iterable|is not defined|\[object |Maximum call ` +
    "stack|Invalid array length|Cannot convert|already exists|getter exploded|Not base64|Not a Float32",
);

/** What went wrong in one case, as a line of the report (none expected). */
type Violations = string[];

function checkRefusal(what: string, read: () => unknown, problems: Violations): void {
  try {
    read();
  } catch (error) {
    if (!(error instanceof ProtocolError))
      return void problems.push(`${what}: raw ${error instanceof Error ? error.name : typeof error}`);
    if (!oneShortLine(error.message) || RAW.test(error.message))
      problems.push(`${what}: refusal ${JSON.stringify(error.message.slice(0, 100))}`);
    if (error.id !== undefined && !isRequestId(error.id))
      problems.push(`${what}: echoed id of ${String(error.id).length} characters`);
  }
}

/**
 * Runs one request through a fresh worker (its index built from the real documents first), as search.worker.ts does.
 */
async function checkWorker(what: string, data: unknown, problems: Violations): Promise<void> {
  const keeper = new SearchIndexKeeper();
  await answerRequest(keeper, INDEX);
  let reply: Awaited<ReturnType<typeof answerRequest>>;
  try {
    reply = await answerRequest(keeper, data);
  } catch (error) {
    return void problems.push(
      `${what}: the worker's handler threw ` +
        `${error instanceof Error ? error.name : typeof error} (its queue would stop)`,
    );
  }
  try {
    parseSearchReply(reply);
  } catch (error) {
    problems.push(`${what}: the worker's reply is refused by the panel: ${(error as Error).message.slice(0, 120)}`);
  }
  if (reply.id !== "" && !isRequestId(reply.id))
    problems.push(`${what}: echoed id of ${String(reply.id).length} characters`);
  if (!reply.ok && (!oneShortLine(reply.failure.message) || RAW.test(reply.failure.message)))
    problems.push(`${what}: failure ${JSON.stringify(reply.failure.message.slice(0, 100))}`);
}

const CASES = 3000;

describe("the search worker's messages under mutated input", () => {
  it(
    `refuses every mutated request or reply as one short line, and answers ` +
      `every request with a reply the panel reads (${CASES} cases, fixed seed)`,
    async () => {
      const request = fc.tuple(fc.constantFrom(INDEX, QUERY), fc.constantFrom(...REQUEST_PATHS), awkward, fc.nat(9));
      const reply = fc.tuple(
        fc.constantFrom(INDEXED, HITS, FAILED),
        fc.constantFrom(...REPLY_PATHS),
        awkward,
        fc.nat(9),
      );
      const problems: Violations = [];
      const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
      try {
        for (const [seed, path, value, whole] of fc.sample(request, { seed: 38, numRuns: CASES })) {
          const data = whole === 0 ? value : mutate(seed, path, value);
          const what = `request ${seed.kind} ${whole === 0 ? "(whole)" : path.join(".")}`;
          checkRefusal(what, () => parseSearchRequest(data), problems);
          await checkWorker(what, data, problems);
        }
        for (const [seed, path, value, whole] of fc.sample(reply, { seed: 38, numRuns: CASES })) {
          checkRefusal(
            `reply ${seed.id} ${path.join(".")}`,
            () => parseSearchReply(whole === 0 ? value : mutate(seed, path, value)),
            problems,
          );
        }
      } finally {
        error.mockRestore();
      }
      expect(problems).toEqual([]);
    },
  );

  it("echoes only an id the panel could have sent, and names a getter that throws without its text", () => {
    const refused = (data: unknown): ProtocolError => {
      try {
        parseSearchRequest(data);
      } catch (error) {
        expect(error).toBeInstanceOf(ProtocolError);
        return error as ProtocolError;
      }
      throw new Error("accepted");
    };
    expect(refused({ ...QUERY, id: "x".repeat(100_001) }).id).toBeUndefined();
    expect(refused({ ...QUERY, id: "   " }).id).toBeUndefined();
    expect(refused({ ...QUERY, limit: 10n }).message).toBe(
      "the search worker got a request it does not understand: limit must be a whole number ≥ 1 ≤ 5000",
    );
    expect(refused({ ...QUERY, kind: "x".repeat(100_001) }).message).toBe(
      `the search worker got a request it does not understand: ` +
        `kind must be one of index, query (got "${"x".repeat(58)}…)`,
    );
    expect(refused(throwing()).message).toBe(
      "the search worker got a request it does not understand: a field could not be read",
    );
  });

  it(
    "leaves a stored vector that decodes to nothing usable " + "out of the index, the frame findable by its words",
    async () => {
      const keeper = new SearchIndexKeeper();
      const vectors = {
        "1:1": encodeVector([Number.NaN, 0, 1]),
        "1:2": encodeVector([0, 0, 0]),
        "1:3": encodeVector([Number.NEGATIVE_INFINITY, 0, 0]),
      };
      expect(await answerRequest(keeper, { ...INDEX, vectors })).toMatchObject({ ok: true, frames: 3, vectors: 0 });
      expect(await answerRequest(keeper, { ...QUERY, vector: undefined, term: "privacy" })).toMatchObject({
        ok: true,
        hits: [],
      });
      expect(await answerRequest(keeper, { ...QUERY, vector: undefined, exclude: [], term: "privacy" })).toMatchObject({
        ok: true,
        hits: [{ id: "1:3" }],
      });
    },
  );

  it(
    "says so when two frames share an id, and hides an internal " +
      "error behind one sentence (its details in the console)",
    async () => {
      const keeper = new SearchIndexKeeper();
      expect(await answerRequest(keeper, { ...INDEX, docs: [DOCS[0], DOCS[0]] })).toEqual({
        id: INDEX.id,
        ok: false,
        failure: { kind: "input", reason: "duplicate-id", message: 'two frames of the index have the id "1:1"' },
      });
      const broken = new SearchIndexKeeper();
      vi.spyOn(broken, "handle").mockRejectedValue(
        new TypeError("Cannot read properties of undefined (reading 'length')"),
      );
      const console = vi.spyOn(globalThis.console, "error").mockImplementation(() => undefined);
      try {
        const reply = await answerRequest(broken, QUERY);
        expect(reply).toEqual({
          id: QUERY.id,
          ok: false,
          failure: {
            kind: "internal",
            message:
              "the search worker hit an internal error and could not answer; the details are in the browser console",
          },
        });
        expect(console).toHaveBeenCalledWith("Figment search worker: internal error", expect.any(TypeError));
      } finally {
        console.mockRestore();
      }
    },
  );
});

/** A worker in-process: it answers each request with `reply(request)` on the next microtask, then calls `answered`. */
class FakeWorker {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor(
    private readonly reply: (request: { kind: string; id: string }) => unknown,
    private readonly answered: () => void,
  ) {}
  postMessage(request: { kind: string; id: string }): void {
    queueMicrotask(() => {
      this.onmessage?.({ data: this.reply(request) } as MessageEvent<unknown>);
      this.answered();
    });
  }
  terminate(): void {}
}

const PACKED = gzipSync("").toString("base64");
/** Lets every promise callback the answer started run (one turn of the event loop; no timer). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("the search client under mutated replies", () => {
  it(
    "never leaves a request pending: a malformed reply fails " +
      "it (or its worker) with one line (1,000 cases, fixed seed)",
    async () => {
      const mutation = fc.tuple(fc.constantFrom(...REPLY_PATHS), awkward, fc.boolean(), fc.boolean());
      const problems: Violations = [];
      for (const [path, value, asQuery, asFailure] of fc.sample(mutation, { seed: 38, numRuns: 1000 })) {
        let answered!: () => void;
        const answer = new Promise<void>((resolve) => (answered = resolve));
        const client = new SearchWorkerClient({
          source: async () => PACKED,
          createWorker: () =>
            new FakeWorker(
              ({ kind, id }) =>
                mutate(
                  asFailure ? { ...FAILED, id } : kind === "index" ? { ...INDEXED, id } : { ...HITS, id },
                  path,
                  value,
                ),
              answered,
            ) as unknown as Worker,
        });
        // Set by the promise's callbacks: read through a box so the compiler does not narrow it to its first value.
        const settled: { outcome: "pending" | "ok" | Error } = { outcome: "pending" };
        const asked = asQuery
          ? client.call("query", { term: "sand", limit: 3 })
          : client.call("index", { docs: DOCS, vectors: VECTORS, dimensions: 3 });
        asked.then(
          () => (settled.outcome = "ok"),
          (error: unknown) => (settled.outcome = error instanceof Error ? error : new Error(String(error))),
        );
        // The worker has answered, the request has had a turn to settle: it must have.
        await answer;
        await settle();
        const what = `${asQuery ? "query" : "index"} reply ${asFailure ? "failed " : ""}${path.join(".")}`;
        const { outcome } = settled;
        if (outcome === "pending") problems.push(`${what}: still pending`);
        else if (outcome instanceof Error && (!oneShortLine(outcome.message) || RAW.test(outcome.message)))
          problems.push(`${what}: ${JSON.stringify(outcome.message.slice(0, 100))}`);
        client.dispose();
      }
      expect(problems).toEqual([]);
    },
  );

  it("fails a request answered with the other kind's reply (an index build answered as a query)", async () => {
    const client = new SearchWorkerClient({
      source: async () => PACKED,
      createWorker: () =>
        new FakeWorker(
          ({ id }) => ({ ...HITS, id }),
          () => undefined,
        ) as unknown as Worker,
    });
    await expect(client.call("index", { docs: DOCS, vectors: VECTORS, dimensions: 3 })).rejects.toThrow(
      "the search worker answered the index request with a query reply",
    );
    client.dispose();
  });
});
