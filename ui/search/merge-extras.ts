/**
 * The model's additions (captions, vectors) made from one index, laid onto another: a scan may answer while an
 * enrich run is going, and its index is newer. An addition is kept only where the frame still has the hash it
 * was made for; frames the newer index added keep what they have (none, until the next run).
 */
import type { SearchIndex } from "../../contract/search.js";

export function withExtras(current: SearchIndex, made: SearchIndex): SearchIndex {
  const hashes = new Map(current.docs.map((d) => [d.id, d.hash]));
  const vectors = { ...current.vectors };
  const captions = { ...current.captions };
  for (const [id, vector] of Object.entries(made.vectors)) if (hashes.get(id) === vector.hash) vectors[id] = vector;
  for (const [id, caption] of Object.entries(made.captions))
    if (hashes.get(id) === caption.hash) captions[id] = caption;
  return { ...current, vectors, captions };
}
