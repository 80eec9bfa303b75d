/**
 * "Like the selection": the selected layer's top-level frame (`frameId`), when the index has it, becomes the
 * query — its own vector when the model made one for its current content, else (offline) its words: name,
 * components, then texts, each word once. Pure.
 */
import type { SelectionSummary } from "../../contract/messages.js";
import type { SearchFrameDoc, SearchIndex } from "../../contract/search.js";
import { decodeVector } from "../../contract/vector-codec.js";

/** Words of a "like" query at most: enough to say what the frame is, few enough to stay a fast query. */
export const MAX_LIKE_WORDS = 40;

export type LikeQuery = { kind: "vector"; vector: number[] } | { kind: "text"; term: string };

/** The frame of the selection that the index holds (the first selected layer's), or undefined. */
export function selectedFrame(
  selection: SelectionSummary,
  docs: ReadonlyMap<string, SearchFrameDoc>,
): SearchFrameDoc | undefined {
  for (const node of selection.nodes) {
    const doc = node.frameId !== undefined ? docs.get(node.frameId) : undefined;
    if (doc) return doc;
  }
  return undefined;
}

/** The frame's words for a full-text query: name, components, texts; each once, numbers and single letters left out. */
export function likeTerm(doc: SearchFrameDoc): string {
  const seen = new Set<string>();
  for (const text of [doc.name, ...doc.components, ...doc.texts]) {
    for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      if (word.length < 2 || /^\p{N}+$/u.test(word)) continue;
      seen.add(word);
      if (seen.size >= MAX_LIKE_WORDS) return [...seen].join(" ");
    }
  }
  return [...seen].join(" ");
}

/** Its vector when it has one for its current hash (and it decodes), else its words. */
export function likeQuery(doc: SearchFrameDoc, index: Pick<SearchIndex, "vectors">): LikeQuery {
  const stored = index.vectors[doc.id];
  if (stored && stored.hash === doc.hash) {
    try {
      return { kind: "vector", vector: decodeVector(stored.vector) };
    } catch {
      // A vector that does not decode is as good as none: the words still find similar frames.
    }
  }
  return { kind: "text", term: likeTerm(doc) };
}
