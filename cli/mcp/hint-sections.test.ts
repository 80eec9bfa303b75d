/**
 * get_design_hint's pages by sections (hint-sections.ts) on flora's "Home • Desktop" (1440 × 5594, a real designer's
 * landing page): paged to the end at a stated size, every section once, every page within the size (o200k, the
 * tokenizer the planner counts with), every text of the frame on exactly one page; the cursor's refusals.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { DesignDocument, DesignNode } from "../../codegen/design/types.js";
import { laidDocument } from "../../codegen/hint/model.js";
import { parseHint } from "../../codegen/hint/parse.js";
import { printHint } from "../../codegen/hint/print.js";
import { loadDesign } from "../../codegen/index.js";
import { countTextTokens, loadTokenizer } from "../../ai/estimate/estimate.js";
import { encodeCursor, hintDigest, pageSentence, sectionPage, type SectionPage } from "./hint-sections.js";

const FLORA = JSON.parse(readFileSync("test/fixtures/real/flora.file.json", "utf8")) as unknown;
const HOME = "8203:59903";

let doc: DesignDocument;
let hint: string;

beforeAll(async () => {
  await loadTokenizer();
  doc = laidDocument(loadDesign(FLORA, [HOME]).document);
  hint = printHint(doc);
});

/** Each text layer's id and characters in a hint, read back by the parser. */
const texts = (text: string): string[] => {
  const out: string[] = [];
  const walk = (n: DesignNode): void => {
    if (n.kind === "text") out.push(`${n.id} ${n.text?.chars}`);
    for (const c of n.children ?? []) walk(c);
  };
  for (const f of parseHint(text).document.frames) walk(f);
  return out;
};

/** Every page from the first, following nextCursor (up to the first that `until` is true of). */
function pages(maxTokens: number, until: (page: SectionPage) => boolean = () => false): SectionPage[] {
  const out: SectionPage[] = [];
  let cursor: string | undefined;
  do {
    const page = sectionPage(doc, hint, { cursor, maxTokens, fallback: 20_000 }, countTextTokens);
    out.push(page);
    cursor = page.nextCursor;
    expect(out.length).toBeLessThan(200);
    if (until(page)) break;
  } while (cursor !== undefined);
  return out;
}

describe("get_design_hint by sections", () => {
  it("pages a tall real page to the end: every section once, every page within the size, every text once", () => {
    const size = 2_000;
    expect(countTextTokens(hint)).toBeGreaterThan(3 * size);
    const all = pages(size);
    expect(all.length).toBeGreaterThanOrEqual(4);
    const count = all[0]!.sectionCount;
    expect(all.flatMap((p) => p.sections.map((s) => s.index))).toEqual([...Array(count).keys()]);
    for (const [k, page] of all.entries()) {
      const counted = countTextTokens(page.hint) + (page.shared ? countTextTokens(page.shared) : 0);
      expect(page.tokens, `page ${k + 1}`).toBe(counted);
      expect(page.tokens, `page ${k + 1}`).toBeLessThanOrEqual(size);
      expect(page.sectionCount).toBe(count);
    }
    // What the pages share is said once, on the first.
    expect(all[0]!.shared).toMatch(/fonts: .*Roboto/);
    expect(all.slice(1).every((p) => p.shared === undefined)).toBe(true);
    const paged = all.flatMap((p) => (p.hint === "" ? [] : texts(p.hint)));
    expect(paged.sort()).toEqual(texts(hint).sort());
    expect(new Set(paged).size).toBe(paged.length);
    expect(pageSentence(all[0]!)).toContain(`cursor "${all[0]!.nextCursor}"`);
    expect(pageSentence(all.at(-1)!)).toContain("This is the last page.");
  });

  it("opens a section over the size into its children, and sends one that cannot be alone, saying which", () => {
    // At 600 tokens the page's large sections are opened into their children; at 150 some layers are over on their
    // own (the planner's pages take 500 or more; the size here only makes such layers).
    const opened = pages(600);
    expect(opened[0]!.sectionCount).toBeGreaterThan(pages(2_000)[0]!.sectionCount);
    for (const page of opened) expect(page.tokens).toBeLessThanOrEqual(600);
    const paged = opened.flatMap((p) => (p.hint === "" ? [] : texts(p.hint)));
    expect(paged.sort()).toEqual(texts(hint).sort());
    const over = pages(150, (page) => page.sections.some((s) => s.overSize)).at(-1)!;
    expect(over.sections).toHaveLength(1);
    const [section] = over.sections;
    expect(section!.overSize).toBe(true);
    expect(section!.tokens).toBeGreaterThan(150);
    expect(over.tokens).toBe(countTextTokens(over.hint));
    expect(over.note).toContain(`${section!.id}) is ${section!.tokens} tokens, over the page's 150`);
  });

  it("refuses a malformed, stale or foreign cursor, naming why", () => {
    const first = sectionPage(doc, hint, { maxTokens: 2_000, fallback: 20_000 }, countTextTokens);
    const ask = (cursor: string, maxTokens?: number) => () =>
      sectionPage(doc, hint, { cursor, maxTokens, fallback: 20_000 }, countTextTokens);
    expect(ask("not a cursor!")).toThrow(/not one get_design_hint gave \(not a cursor's characters/);
    expect(ask("bm90IGpzb24")).toThrow(/not one get_design_hint gave \(it does not decode\)/);
    expect(ask(Buffer.from('{"v":1}').toString("base64url"))).toThrow(/its fields are not a cursor's/);
    const edited = `${hint}T 1:1 "edited"\n`;
    const request = { cursor: first.nextCursor, fallback: 20_000 };
    expect(() => sectionPage(doc, edited, request, countTextTokens)).toThrow(/the cursor is stale: the design's hint/);
    expect(ask(first.nextCursor!, 3_000)).toThrow(/the cursor pages at 2000 tokens, not 3000/);
    const cursor = { v: 1 as const, hint: hintDigest(hint), maxTokens: 2_000, frame: HOME, section: 999 };
    expect(ask(encodeCursor(cursor))).toThrow(/names section 1000 of frame 8203:59903, which this hint does not/);
    expect(ask(encodeCursor({ ...cursor, section: 1, frame: "1:2" }))).toThrow(/section 2 of frame 1:2/);
    // The cursor it gave, with the same size or none: the second page.
    expect(ask(first.nextCursor!, 2_000)().sections[0]!.index).toBe(first.sections.length);
    expect(ask(first.nextCursor!)().sections[0]!.index).toBe(first.sections.length);
  });
});
