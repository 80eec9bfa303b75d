/**
 * A frame's document cut to what the contract stores (contract/search.ts): texts to MAX_SEARCH_TEXT_CHARS in
 * all (names and first texts rank best, so the tail goes), names and lists to their field limits. Cutting
 * never changes the hash: it describes the frame's content, not what we keep of it.
 */
import type { FrameDoc } from "../../codegen/search/frame-doc.js";
import type { SearchFrameDoc } from "../../contract/search.js";
import { MAX_SEARCH_TEXT_CHARS } from "../../contract/limits.js";

/** The contract's limits on a name, a page name or a component name, and on list lengths. */
const MAX_NAME = 1000;
const MAX_ITEMS = 5000;

const cut = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

/** Texts in order until MAX_SEARCH_TEXT_CHARS are used; the one that crosses it is cut. */
export function cutTexts(texts: readonly string[], budget = MAX_SEARCH_TEXT_CHARS): string[] {
  const out: string[] = [];
  let left = budget;
  for (const text of texts) {
    if (left <= 0 || out.length >= MAX_ITEMS) break;
    out.push(cut(text, left));
    left -= text.length;
  }
  return out;
}

export function fitDoc(doc: FrameDoc, pageId: string): SearchFrameDoc {
  return {
    id: doc.id,
    name: cut(doc.name, MAX_NAME),
    page: cut(doc.page, MAX_NAME),
    pageId,
    texts: cutTexts(doc.texts),
    components: doc.components.slice(0, MAX_ITEMS).map((c) => cut(c, MAX_NAME)),
    counts: doc.counts,
    summary: cut(doc.summary, MAX_NAME),
    hash: doc.hash,
  };
}
