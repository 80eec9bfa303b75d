/**
 * The stored index (contract/search.ts) as a live orama index (codegen/search/frame-index.ts): a few ms for
 * a thousand frames, so the panel rebuilds it whole after every scan instead of patching it. Vectors count only
 * for the frame's current hash, and only of the dimension most of them have (a changed setting leaves a mix).
 */
import { createFrameIndex, type FrameIndex, type IndexedFrame } from "../../codegen/search/frame-index.js";
import type { SearchFrameDoc, SearchIndex } from "../../contract/search.js";
import { decodeVector } from "../../contract/vector-codec.js";

export interface LoadedIndex {
  index: SearchIndex;
  docs: ReadonlyMap<string, SearchFrameDoc>;
  frames: FrameIndex;
  /** Frames whose vector is in `frames` (0 offline). */
  vectors: number;
}

/** The dimension most current vectors have, or undefined when there are none. */
export function vectorDimensions(index: SearchIndex): number | undefined {
  const counts = new Map<number, number>();
  for (const doc of index.docs) {
    const v = index.vectors[doc.id];
    if (v && v.hash === doc.hash) counts.set(v.dimensions, (counts.get(v.dimensions) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [dims, n] of counts) if (best === undefined || n > counts.get(best)!) best = dims;
  return best;
}

export async function buildIndex(index: SearchIndex): Promise<LoadedIndex> {
  const dimensions = vectorDimensions(index);
  let vectors = 0;
  const frames: IndexedFrame[] = index.docs.map((doc) => {
    const stored = index.vectors[doc.id];
    if (!dimensions || !stored || stored.hash !== doc.hash || stored.dimensions !== dimensions) return doc;
    try {
      const embedding = decodeVector(stored.vector);
      if (embedding.length !== dimensions) return doc;
      vectors++;
      return { ...doc, embedding };
    } catch {
      return doc; // an undecodable vector: the frame stays findable by its words
    }
  });
  const live = await createFrameIndex(frames, vectors > 0 ? dimensions : undefined);
  return { index, docs: new Map(index.docs.map((d) => [d.id, d])), frames: live, vectors };
}
