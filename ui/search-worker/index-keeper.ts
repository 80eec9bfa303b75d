/**
 * What the search worker does with each request, apart from the messaging (so it runs in Node for tests): it
 * keeps one orama index (codegen/search/frame-index.ts) of the frames it was last given, decodes their stored
 * vectors, and answers queries over it. A query never sees a half-built index: the worker runs requests one
 * at a time, in the order they came (search.worker.ts).
 */
import { createFrameIndex, searchFrames, type FrameIndex, type IndexedFrame } from "../../codegen/search/frame-index.js";
import { decodeVector } from "../../contract/vector-codec.js";
import type { SearchOkReply, SearchRequestOf, SearchWorkerRequest } from "./index-protocol.js";

export class SearchIndexKeeper {
  private frames: FrameIndex | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  async handle(request: SearchWorkerRequest): Promise<SearchOkReply> {
    return request.kind === "index" ? this.index(request) : this.query(request);
  }

  private async index({ id, docs, vectors, dimensions }: SearchRequestOf<"index">): Promise<SearchOkReply> {
    const started = this.now();
    let withVector = 0;
    const frames: IndexedFrame[] = docs.map((doc) => {
      const stored = dimensions ? vectors[doc.id] : undefined;
      if (!stored) return doc;
      try {
        const embedding = decodeVector(stored);
        if (embedding.length !== dimensions) return doc;
        withVector++;
        return { ...doc, embedding };
      } catch {
        return doc; // an undecodable vector: the frame stays findable by its words
      }
    });
    this.frames = await createFrameIndex(frames, withVector > 0 ? dimensions : undefined);
    return { kind: "index", id, ok: true, frames: docs.length, vectors: withVector, ms: this.now() - started };
  }

  private async query({ id, term, vector, limit, exclude = [] }: SearchRequestOf<"query">): Promise<SearchOkReply> {
    const frames = this.frames;
    if (!frames) throw new Error("the search index is not built yet (the panel queried before sending it)");
    if (vector && frames.dimensions && vector.length !== frames.dimensions) {
      throw new Error(`the query vector has ${vector.length} dimensions but the index's have ${frames.dimensions}`);
    }
    const left = new Set(exclude);
    const hits = await searchFrames(frames, { ...(term !== undefined ? { term } : {}), ...(vector ? { vector } : {}), limit: limit + left.size });
    return { kind: "query", id, ok: true, hits: hits.filter((h) => !left.has(h.id)).slice(0, limit).map((h) => ({ id: h.id, score: h.score })) };
  }
}
