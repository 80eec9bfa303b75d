/**
 * get_design_hint on a hint larger than its page (issue 74, item 5): the hint a page of whole sections at a time.
 * The sections are the model path's (ai/code/sections/plan.ts hintSections: layout inference's top-level sections,
 * one over the page opened into its children), and each page's hint is printed by the planner's part hint, so it is
 * a hint of its own that parseHint reads. The first page also carries what every page shares (fonts, components,
 * design tokens, pages drawn at several widths), once. The cursor says where the next page starts, and for which
 * hint: a cursor of another hint (the design changed) or of another page size is refused, named why.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { framesPartHint, hintSections, type HintSection } from "../../ai/code/sections/plan.js";
import { allDrawings } from "../../codegen/design/drawings.js";
import type { DesignDocument, DesignNode } from "../../codegen/design/types.js";
import { pageLines } from "../../codegen/hint/pages.js";
import { documentTokensCss } from "../../codegen/tokens/index.js";
import { FigmentError } from "../../kernel/errors.js";

/** The largest page a call may ask for (Claude Code's default cap on a tool's output is 25,000 tokens). */
export const HINT_PAGE_CEILING = 50_000;

/** What a cursor holds: the hint's digest, the page size, and the section the next page starts at (and its frame). */
const CURSOR = z
  .object({
    v: z.literal(1),
    hint: z.string().regex(/^[0-9a-f]{16}$/),
    maxTokens: z.number().int().min(1).max(HINT_PAGE_CEILING),
    frame: z.string().max(200),
    section: z.number().int().min(0),
  })
  .strict();
type Cursor = z.infer<typeof CURSOR>;

/** The hint's digest: a cursor is good for the hint it was given for, no other. */
export const hintDigest = (hint: string): string => createHash("sha256").update(hint).digest("hex").slice(0, 16);

export const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString("base64url");

function decodeCursor(text: string): Cursor {
  const bad = (why: string): FigmentError =>
    new FigmentError("input", `the cursor is not one get_design_hint gave (${why}); call again without a cursor`);
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(text)) throw bad("not a cursor's characters or length");
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw bad("it does not decode");
  }
  const parsed = CURSOR.safeParse(json);
  if (!parsed.success) throw bad("its fields are not a cursor's");
  return parsed.data;
}

/** One section of a page, as the result lists it. */
export interface PageSection {
  /** 0-based, in drawn order across the hint's frames. */
  index: number;
  frame: string;
  id: string;
  name: string;
  tokens: number;
  overSize?: true;
}

export interface SectionPage extends Record<string, unknown> {
  hint: string;
  /** This page's tokens: its hint and, on the first page, the shared part. */
  tokens: number;
  totalTokens: number;
  maxTokens: number;
  lines: number;
  shared?: string;
  sections: PageSection[];
  sectionCount: number;
  nextCursor?: string;
  note?: string;
}

/**
 * What every page of the hint shares, said once on the first: fonts, components, design tokens, several widths. The
 * tokens' stylesheet only when the part stays within `maxTokens`; else their count, and where to read them.
 */
export function sharedPart(doc: DesignDocument, maxTokens: number, count: (text: string) => number): string {
  const fonts = new Map<string, Set<number>>();
  const components = new Map<string, { name: string; count: number }>();
  const walk = (node: DesignNode): void => {
    const text = node.text;
    if (text)
      for (const style of [text.style, ...(text.runs ?? []).map((r) => r.style)])
        if (style.family !== undefined) {
          const weights = fonts.get(style.family) ?? new Set<number>();
          weights.add(style.weight ?? text.style.weight);
          fonts.set(style.family, weights);
        }
    if (node.kind === "instance" && node.component) {
      const seen = components.get(node.component.id) ?? { name: node.component.name, count: 0 };
      seen.count++;
      components.set(node.component.id, seen);
    }
    for (const child of node.children ?? []) walk(child);
  };
  allDrawings(doc).forEach(walk);
  const lines = ["Shared by every page of this hint (given once, here):"];
  lines.push(...pageLines(doc));
  if (fonts.size > 0)
    lines.push(
      `fonts: ${[...fonts].map(([family, w]) => `${family} ${[...w].sort((a, b) => a - b).join("/")}`).join(", ")}`,
    );
  if (components.size > 0)
    lines.push(
      `components: ${[...components].map(([id, c]) => `${id} ${JSON.stringify(c.name)} ×${c.count}`).join(", ")}`,
    );
  const css = documentTokensCss(doc, "css").trim();
  if (css !== "") {
    const full = [...lines, "design tokens (CSS custom properties; get_variables has their modes):", css].join("\n");
    if (count(full) <= maxTokens) return full;
    const n = doc.tokens?.tokens.length ?? 0;
    lines.push(`design tokens: ${n}, too many to give here within the page: get_variables lists them`);
  }
  return lines.length > 1 ? lines.join("\n") : "";
}

/** The sections of every frame of the laid document, in the order the hint prints the frames. */
function allSections(doc: DesignDocument, maxTokens: number, count: (text: string) => number): HintSection[] {
  return allDrawings(doc).flatMap((frame) => hintSections(doc, frame, maxTokens, count));
}

const lineCount = (text: string): number => (text === "" ? 0 : text.split("\n").length);

/**
 * The page of the hint `hint` (printed from the laid document `doc`) that `cursor` names, or the first without one:
 * whole sections in drawn order while the page stays within `maxTokens`. A section over the size on its own (no
 * children to split it along) is sent alone, said in `note`. `maxTokens` undefined: the cursor's, or `fallback`.
 */
export function sectionPage(
  doc: DesignDocument,
  hint: string,
  request: { cursor?: string | undefined; maxTokens?: number | undefined; fallback: number },
  count: (text: string) => number,
): SectionPage {
  const digest = hintDigest(hint);
  const cursor = request.cursor === undefined ? undefined : decodeCursor(request.cursor);
  if (cursor && cursor.hint !== digest)
    throw new FigmentError(
      "input",
      "the cursor is stale: the design's hint changed since it was given (the design, its nodes or the layout " +
        "options differ); call again without a cursor",
    );
  if (cursor && request.maxTokens !== undefined && request.maxTokens !== cursor.maxTokens)
    throw new FigmentError(
      "input",
      `the cursor pages at ${cursor.maxTokens} tokens, not ${request.maxTokens}: give the same maxTokens (or none) ` +
        "with it, or call again without a cursor",
    );
  const maxTokens = cursor?.maxTokens ?? request.maxTokens ?? request.fallback;
  const sections = allSections(doc, maxTokens, count);
  const start = cursor?.section ?? 0;
  if (cursor && (start >= sections.length || sections[start]!.frame.id !== cursor.frame))
    throw new FigmentError(
      "input",
      `the cursor names section ${start + 1} of frame ${cursor.frame}, which this hint does not have; call again ` +
        "without a cursor",
    );
  const frames = allDrawings(doc);
  // The tokens' stylesheet in the shared part only when the first section still fits beside it.
  const shared = cursor === undefined ? sharedPart(doc, maxTokens - (sections[0]?.tokens ?? 0), count) : "";
  const sharedTokens = shared === "" ? 0 : count(shared);
  const taken: HintSection[] = [];
  let text = "";
  let tokens = sharedTokens;
  for (let k = start; k < sections.length; k++) {
    const section = sections[k]!;
    // A section over the size goes alone; the shared part too when the first section does not fit beside it.
    if (section.overSize && (taken.length > 0 || shared !== "")) break;
    const candidate = framesPartHint(doc, frames, new Set([...taken, section].map((s) => s.node))).trimEnd();
    const size = count(candidate) + sharedTokens;
    if (size > maxTokens && !section.overSize) break;
    taken.push(section);
    text = candidate;
    tokens = size;
    if (section.overSize) break;
  }
  const end = start + taken.length;
  const listed = taken.map(
    (s, k): PageSection => ({
      index: start + k,
      frame: s.frame.id,
      id: s.node.id,
      name: s.node.name,
      tokens: s.tokens,
      ...(s.overSize ? { overSize: true as const } : {}),
    }),
  );
  const over = listed.find((s) => s.overSize);
  const notes = [
    ...(over
      ? [
          `section ${over.index + 1} (${over.name || over.id}, ${over.id}) is ${over.tokens} tokens, over the page's ` +
            `${maxTokens}: it has no children to split it along, so it is sent alone`,
        ]
      : []),
    ...(sharedTokens > maxTokens
      ? [`the shared part alone is ${sharedTokens} tokens, over the page's ${maxTokens}`]
      : []),
    ...(taken.length === 0 && shared !== "" ? ["this page holds the shared part only: the sections begin next"] : []),
  ];
  return {
    hint: text,
    tokens,
    totalTokens: count(hint),
    maxTokens,
    lines: lineCount(text),
    ...(shared !== "" ? { shared } : {}),
    sections: listed,
    sectionCount: sections.length,
    ...(end < sections.length
      ? {
          nextCursor: encodeCursor({
            v: 1,
            hint: digest,
            maxTokens,
            frame: sections[end]!.frame.id,
            section: end,
          }),
        }
      : {}),
    ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
  };
}

/** The sentence an agent reads beside the page's JSON: which sections, how many, and how to ask for the next. */
export function pageSentence(page: SectionPage): string {
  const first = page.sections[0];
  const last = page.sections[page.sections.length - 1];
  const which = first
    ? `sections ${first.index + 1}${last !== first ? `–${last!.index + 1}` : ""} of ${page.sectionCount}`
    : `no section yet (${page.sectionCount} in all)`;
  const more = page.nextCursor
    ? `More: call get_design_hint again with the same arguments and cursor "${page.nextCursor}".`
    : "This is the last page.";
  return (
    `The hint is ${page.totalTokens} tokens, over the page's ${page.maxTokens}: this page holds ${which} ` +
    `(${page.tokens} tokens). ${more}`
  );
}
