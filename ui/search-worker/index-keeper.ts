/**
 * What the search worker does with each request, apart from the messaging (so it runs in Node for tests): it
 * keeps one orama index (codegen/search/frame-index.ts) of the frames it was last given, decodes their stored
 * vectors, and answers queries over it. A query never sees a half-built index: the worker runs requests one
 * at a time, in the order they came (search.worker.ts).
 */
import {
  createFrameIndex,
  searchFrames,
  type FrameIndex,
  type IndexedFrame,
} from "../../codegen/search/frame-index.js";
import { FigmentError } from "../../kernel/errors.js";
import { describeValue } from "../../contract/fields.js";
import { decodeVector } from "../../contract/vector-codec.js";
import type { SearchOkReply, SearchRequestOf, SearchWorkerRequest } from "./index-protocol.js";

/**
 * A request the keeper cannot answer (an `input` failure: what the panel sent cannot be used), said in a sentence the
 * panel shows as it is; `reason` says which.
 */
const refusal = (reason: "duplicate-id" | "no-index" | "dimensions", message: string): FigmentError =>
  new FigmentError("input", message, { reason });

/**
 * A stored vector as the index can rank by it: `dimensions` finite numbers with a length (orama's cosine of a vector
 * of NaN, Infinity, zeros or of numbers whose squares overflow is NaN, and the frame silently never matched).
 */
function usableVector(stored: string, dimensions: number): number[] | undefined {
  let vector: number[];
  try {
    vector = decodeVector(stored);
  } catch {
    return undefined; // not base64, or not whole Float32s
  }
  const squares = vector.reduce((sum, x) => sum + x * x, 0);
  return vector.length === dimensions && Number.isFinite(squares) && squares > 0 ? vector : undefined;
}

export class SearchIndexKeeper {
  private frames: FrameIndex | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  async handle(request: SearchWorkerRequest): Promise<SearchOkReply> {
    return request.kind === "index" ? this.index(request) : this.query(request);
  }

  private async index({ id, docs, vectors, dimensions }: SearchRequestOf<"index">): Promise<SearchOkReply> {
    const started = this.now();
    const seen = new Set<string>();
    for (const doc of docs) {
      if (seen.has(doc.id))
        throw refusal("duplicate-id", `two frames of the index have the id ${describeValue(doc.id)}`);
      seen.add(doc.id);
    }
    let withVector = 0;
    const frames: IndexedFrame[] = docs.map((doc) => {
      // Own keys only: a frame named "constructor" has no inherited vector.
      const stored = dimensions && Object.hasOwn(vectors, doc.id) ? vectors[doc.id] : undefined;
      const embedding = stored ? usableVector(stored, dimensions!) : undefined;
      if (!embedding) return doc; // the frame stays findable by its words
      withVector++;
      return { ...doc, embedding };
    });
    this.frames = await createFrameIndex(frames, withVector > 0 ? dimensions : undefined);
    return { kind: "index", id, ok: true, frames: docs.length, vectors: withVector, ms: this.now() - started };
  }

  private async query({ id, term, vector, limit, exclude = [] }: SearchRequestOf<"query">): Promise<SearchOkReply> {
    const frames = this.frames;
    if (!frames) throw refusal("no-index", "the search index is not built yet (the panel queried before sending it)");
    if (vector && frames.dimensions && vector.length !== frames.dimensions) {
      throw refusal(
        "dimensions",
        `the query vector has ${vector.length} dimensions but the index's have ${frames.dimensions}`,
      );
    }
    const left = new Set(exclude);
    const hits = await searchFrames(frames, {
      ...(term !== undefined ? { term } : {}),
      ...(vector ? { vector } : {}),
      limit: limit + left.size,
    });
    // A score that is not a number ranks nothing (and would fail the panel's check of the reply).
    const ranked = hits.filter((h) => !left.has(h.id) && Number.isFinite(h.score));
    return { kind: "query", id, ok: true, hits: ranked.slice(0, limit).map((h) => ({ id: h.id, score: h.score })) };
  }
}
