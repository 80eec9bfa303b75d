/**
 * Ranking frames with @orama/orama: full-text BM25 over name, page, texts, components and summary; vector or
 * hybrid search when the frames carry embeddings. Pure JS (no DOM, no Node), so the panel and the CLI share it.
 */
import { create, insertMultiple, removeMultiple, search, type AnyOrama } from "@orama/orama";
import type { FrameDoc } from "./frame-doc.js";
import { searchTokenizer } from "./tokens.js";

export interface IndexedFrame extends FrameDoc {
  /** The frame's embedding (ai/search/embeddings.ts), when there is a key. */
  embedding?: number[];
}

export interface FrameIndex {
  db: AnyOrama;
  /** Length of the embeddings, when the index holds them. */
  dimensions?: number;
}

export interface FrameHit {
  id: string;
  name: string;
  page: string;
  score: number;
}

/** A frame's name says most about it; its texts and components next. */
const BOOST = { name: 3, texts: 1.5, components: 1.5, page: 1, summary: 0.5 } as const;

function row(frame: IndexedFrame): Record<string, unknown> {
  return {
    id: frame.id,
    name: frame.name,
    page: frame.page,
    texts: frame.texts.join("\n"),
    components: frame.components.join("\n"),
    summary: frame.summary,
    hash: frame.hash,
    ...(frame.embedding ? { embedding: frame.embedding } : {}),
  };
}

/** An index of the frames; with `dimensions` it also holds their embeddings (frames without one are text-only). */
export async function createFrameIndex(frames: IndexedFrame[], dimensions?: number): Promise<FrameIndex> {
  const schema = {
    name: "string",
    page: "string",
    texts: "string",
    components: "string",
    summary: "string",
    ...(dimensions ? { embedding: `vector[${dimensions}]` } : {}),
  } as const;
  // Words of every script, folded alike in the CLI and the panel's worker (tokens.ts).
  const db = create({ schema: schema as Record<string, "string">, components: { tokenizer: searchTokenizer() } });
  const index: FrameIndex = { db, ...(dimensions ? { dimensions } : {}) };
  await addFrames(index, frames);
  return index;
}

export async function addFrames(index: FrameIndex, frames: IndexedFrame[]): Promise<void> {
  if (frames.length > 0) await insertMultiple(index.db, frames.map(row) as never[]);
}

export async function removeFrames(index: FrameIndex, ids: string[]): Promise<void> {
  if (ids.length > 0) await removeMultiple(index.db, ids);
}

export interface FrameQuery {
  /** Words to look for (full-text; with `vector` as well, hybrid). */
  term?: string;
  /** A query embedding (a typed query's, or the selected frame's own for "like the selection"). */
  vector?: number[];
  /** How many results (default 10). */
  limit?: number;
}

/** Frames best first. Full-text alone without a vector; vector alone without words; hybrid with both. */
export async function searchFrames(index: FrameIndex, query: FrameQuery): Promise<FrameHit[]> {
  const limit = query.limit ?? 10;
  const term = query.term?.trim() ?? "";
  const vector = query.vector && index.dimensions ? { value: query.vector, property: "embedding" } : undefined;
  if (!term && !vector) return [];
  // similarity 0: rank every frame by its cosine (the default 0.8 would hide all but near-duplicates).
  const params = vector
    ? term
      ? { mode: "hybrid", term, vector, similarity: 0, boost: BOOST, limit }
      : { mode: "vector", vector, similarity: 0, limit }
    : { mode: "fulltext", term, boost: BOOST, limit };
  const result = await search(index.db, params as never);
  return result.hits.map((hit) => {
    const doc = hit.document as unknown as Pick<FrameHit, "name" | "page">;
    return { id: String(hit.id), name: doc.name, page: doc.page, score: hit.score };
  });
}

/** What changed since the last indexing: frames to add, to index again (hash changed) and to drop (deleted). */
export interface IndexPlan {
  add: FrameDoc[];
  reindex: FrameDoc[];
  drop: string[];
  unchanged: string[];
}

export function planIndexUpdate(
  previous: readonly { id: string; hash: string }[],
  current: readonly FrameDoc[],
): IndexPlan {
  const before = new Map(previous.map((p) => [p.id, p.hash]));
  const plan: IndexPlan = { add: [], reindex: [], drop: [], unchanged: [] };
  for (const doc of current) {
    const hash = before.get(doc.id);
    if (hash === undefined) plan.add.push(doc);
    else if (hash !== doc.hash) plan.reindex.push(doc);
    else plan.unchanged.push(doc.id);
  }
  const now = new Set(current.map((d) => d.id));
  for (const id of before.keys()) if (!now.has(id)) plan.drop.push(id);
  return plan;
}

/** Applies a plan to a live index; `withEmbedding` gives the new frames their vectors when the index has them. */
export async function applyIndexUpdate(
  index: FrameIndex,
  plan: IndexPlan,
  withEmbedding: (doc: FrameDoc) => IndexedFrame = (doc) => doc,
): Promise<void> {
  await removeFrames(index, [...plan.drop, ...plan.reindex.map((d) => d.id)]);
  await addFrames(index, [...plan.add, ...plan.reindex].map(withEmbedding));
}
