/**
 * Result rows as the Search panel shows them, from orama's hits and the index's documents: the name with the
 * matched words marked, the page, the score relative to the best hit, and the text that matched (or the frame's
 * summary). Pure, so the shaping is tested without a browser.
 */
import type { SearchFrameDoc } from "../../contract/search.js";

export interface Part {
  text: string;
  mark: boolean;
}

export interface SearchRow {
  id: string;
  hash: string;
  name: Part[];
  page: string;
  pageId: string;
  /** The raw score (BM25, cosine or hybrid), for the tooltip. */
  score: number;
  /** 0..1 of the best hit's score; undefined when listing without a query. */
  relative?: number;
  /** The matching text with its words marked, or the frame's summary. */
  snippet: Part[];
}

/** Around a match, the characters of context kept on each side of a snippet. */
const SNIPPET_CONTEXT = 40;

/** The query's words, lowercased (orama splits on what is not a letter or digit, and matches word prefixes). */
export function queryWords(term: string): string[] {
  return [
    ...new Set(
      term
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 0),
    ),
  ];
}

/** `text` cut into parts, marking each word that starts with one of `words`. */
export function markWords(text: string, words: readonly string[]): Part[] {
  if (words.length === 0 || text === "") return [{ text, mark: false }];
  const parts: Part[] = [];
  const push = (piece: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += piece;
    else if (piece) parts.push({ text: piece, mark });
  };
  for (const piece of text.split(/([\p{L}\p{N}]+)/u)) {
    const lower = piece.toLowerCase();
    push(piece, piece !== "" && words.some((w) => lower.startsWith(w)));
  }
  return parts;
}

/** The first text (then component) of the frame holding a query word, cut around the match; else its summary. */
export function snippetOf(doc: SearchFrameDoc, words: readonly string[], caption?: string): Part[] {
  for (const text of [...doc.texts, ...doc.components, ...(caption ? [caption] : [])]) {
    const parts = markWords(text.replace(/\s+/g, " ").trim(), words);
    const at = parts.findIndex((p) => p.mark);
    if (at < 0) continue;
    return trimAround(parts, at);
  }
  return [{ text: doc.summary, mark: false }];
}

/** Keeps SNIPPET_CONTEXT characters before the first mark (with "…"), the rest is cut by CSS. */
function trimAround(parts: Part[], at: number): Part[] {
  const before = parts
    .slice(0, at)
    .map((p) => p.text)
    .join("");
  if (before.length <= SNIPPET_CONTEXT) return parts;
  const kept = before.slice(before.length - SNIPPET_CONTEXT).replace(/^\S*\s/, "");
  return [{ text: `…${kept}`, mark: false }, ...parts.slice(at)];
}

export interface Hit {
  id: string;
  score: number;
}

/**
 * Hits (best first) as rows; hits whose frame is not in `docs` (dropped since) are left out, and so are those
 * under `minRelative` of the best (ranking by meaning scores every frame: the near-zero ones are noise).
 */
export function shapeRows(
  hits: readonly Hit[],
  docs: ReadonlyMap<string, SearchFrameDoc>,
  term: string,
  captions: Readonly<Record<string, { text: string }>> = {},
  minRelative = 0,
): SearchRow[] {
  const words = queryWords(term);
  const best = hits.reduce((max, h) => Math.max(max, h.score), 0);
  const rows: SearchRow[] = [];
  for (const hit of hits) {
    const doc = docs.get(hit.id);
    if (!doc || (minRelative > 0 && (best <= 0 || hit.score / best < minRelative))) continue;
    rows.push({
      id: doc.id,
      hash: doc.hash,
      name: markWords(doc.name, words),
      page: doc.page,
      pageId: doc.pageId,
      score: hit.score,
      relative: best > 0 ? hit.score / best : 0,
      snippet: snippetOf(doc, words, captions[doc.id]?.text),
    });
  }
  return rows;
}

/** Every frame without a query: in the scan's order (page by page, as on the canvas), at most `limit`. */
export function listRows(docs: readonly SearchFrameDoc[], limit: number): SearchRow[] {
  return docs.slice(0, limit).map((doc) => ({
    id: doc.id,
    hash: doc.hash,
    name: [{ text: doc.name, mark: false }],
    page: doc.page,
    pageId: doc.pageId,
    score: 0,
    snippet: [{ text: doc.summary, mark: false }],
  }));
}
