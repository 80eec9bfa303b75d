/**
 * The messages across the boundaries, mutated, as a count (the bench's larger run; the suite's fixed-seed runs are
 * contract/messages-fuzz.test.ts and ui/engine/protocol/mutated.test.ts, which assert the same properties): every
 * refusal must be the boundary's own error of one short line that echoes only an id the panel could have sent.
 */
import fc from "fast-check";
import { isRequestId, MessageError, parseMainMessage, parseUiMessage } from "../../contract/messages.js";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { parseEngineMessage, parseEngineRequest, ProtocolError } from "../../ui/engine/protocol/index.js";
import { parseSearchReply, parseSearchRequest } from "../../ui/search-worker/index-protocol.js";

export interface MessageFuzzReport {
  boundary: string;
  cases: number;
  refusals: number;
  defects: string[];
}

const cycle = (): Record<string, unknown> => {
  const o: Record<string, unknown> = { type: "cancel", kind: "query" };
  o["self"] = o;
  return o;
};
const deep = (depth: number): unknown =>
  Array.from({ length: depth }).reduce<unknown>((inner) => ({ inner }), { leaf: 1 });
const throwingGetter = (): Record<string, unknown> =>
  Object.defineProperty({ type: "cancel" }, "requestId", {
    enumerable: true,
    get: () => {
      throw new TypeError("getter");
    },
  });

/** Awkward values: what structured clone passes and JSON cannot write, huge, deep and prototype-shaped ones. */
export const awkwardValue = fc.oneof(
  fc.anything(),
  fc.bigInt(),
  fc.constant(cycle()),
  fc.constant(deep(2000)),
  fc.constant("x".repeat(100_001)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "type": "cancel"}') as unknown),
  fc.constant(new Uint8Array(5_000_000)),
  fc.constant(new Map([["a", 1]])),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(throwingGetter()),
);

interface Boundary {
  name: string;
  seeds: Record<string, unknown>[];
  keys: string[];
  parsers: ((data: unknown) => unknown)[];
  /** The boundary's own refusal, with the id it echoes. */
  refusal: (error: unknown) => { message: string; id: string | undefined } | undefined;
}

const engineGenerate = {
  id: "r1",
  kind: "ai-generate",
  settings: DEFAULT_SETTINGS,
  apiKey: "sk-test",
  timeoutMs: 60_000,
  input: { target: "react", styling: "css-modules", hint: "FRAME 1:1 Page 1440×900" },
};

export const BOUNDARIES: Boundary[] = [
  {
    name: "panel⇄main",
    seeds: [
      { type: "cancel", requestId: "r1" },
      { type: "delete-image-versions", requestId: "r4", ids: ["ok"] },
      { type: "image-placed", requestId: "r1", nodeIds: ["1:2"], note: "Scaled to fit" },
      { type: "versions-usage", requestId: "r1", usage: { bytes: 1, budget: 2, fileBytes: 0 } },
    ],
    keys: ["type", "requestId", "ids", "usage", "nodeIds", "note", "extra"],
    parsers: [parseMainMessage, parseUiMessage],
    refusal: (error) => (error instanceof MessageError ? { message: error.message, id: undefined } : undefined),
  },
  {
    name: "panel⇄engine",
    seeds: [
      engineGenerate,
      { ...engineGenerate, input: { ...engineGenerate.input, components: "import { Button } from '@acme/ui';" } },
    ],
    keys: ["id", "kind", "input", "settings", "apiKey", "timeoutMs", "components", "hint", "drafts"],
    parsers: [parseEngineRequest, parseEngineMessage],
    refusal: (error) => (error instanceof ProtocolError ? { message: error.message, id: error.id } : undefined),
  },
  {
    name: "panel⇄search worker",
    seeds: [
      { kind: "index", id: "i1", docs: [], vectors: {}, dimensions: 3 },
      { kind: "query", id: "q1", term: "login", limit: 10 },
      { kind: "query", id: "q2", vector: [0.1, 0.2, 0.3], limit: 5, exclude: ["1:2"] },
      { kind: "query", id: "q1", ok: true, hits: [{ id: "1:2", score: 0.5 }] },
      { id: "q1", ok: false, failure: { kind: "input", reason: "no-index", message: "No index yet." } },
    ],
    keys: [
      "kind",
      "id",
      "docs",
      "vectors",
      "dimensions",
      "term",
      "vector",
      "limit",
      "exclude",
      "ok",
      "hits",
      "failure",
    ],
    parsers: [parseSearchRequest, parseSearchReply],
    refusal: (error) => (error instanceof ProtocolError ? { message: error.message, id: error.id } : undefined),
  },
];

/** Runs `cases` mutations of each seed message (a field replaced, or the whole message) through a boundary's checks. */
export function fuzzBoundary(boundary: Boundary, cases: number, seed: number): MessageFuzzReport {
  const report: MessageFuzzReport = { boundary: boundary.name, cases, refusals: 0, defects: [] };
  const mutations = fc.sample(
    fc.tuple(fc.constantFrom(...boundary.seeds), fc.constantFrom(...boundary.keys), awkwardValue, fc.boolean()),
    { seed, numRuns: cases },
  );
  for (const [message, key, value, whole] of mutations) {
    const data = whole ? value : { ...message, [key]: value };
    for (const parse of boundary.parsers) {
      try {
        parse(data);
      } catch (error) {
        const refusal = boundary.refusal(error);
        if (!refusal)
          report.defects.push(
            `${error instanceof Error ? error.name : typeof error}: ` +
              `${error instanceof Error ? error.message.slice(0, 200) : ""}`,
          );
        else {
          report.refusals += 1;
          if (refusal.message.length >= 1000) report.defects.push(`a refusal of ${refusal.message.length} characters`);
          if (refusal.id !== undefined && !isRequestId(refusal.id))
            report.defects.push(`echoed id ${String(refusal.id).slice(0, 40)}`);
        }
      }
    }
  }
  return report;
}
