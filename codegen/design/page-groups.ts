/**
 * Which top-level frames draw one page at several widths ("Home • Desktop" / "Home • Tablet" / "Home • Mobile",
 * "Cart" beside "Mobile / Cart"): the groups `withDrawings` (drawings.ts) makes one responsive page each.
 *
 * Two kinds of evidence, weighed together: the name (page-names.ts: the same stem once breakpoint, device, width and
 * numbering words are gone) and the content (the same texts, images and component instances). A pair of frames of
 * different widths is one page when both agree, or when one is strong enough alone; a group is built from the best
 * pairs first and holds one frame per width, every two of its frames a pair. False groups cost more than missed ones
 * (a missed group is still two correct pages), so the thresholds lean to keeping frames apart.
 */
import { blankStem, pageName, type BreakpointClass, type PageName } from "./page-names.js";
import type { DesignNode } from "./types.js";

export interface PageGroupFrame {
  id: string;
  name: string;
  /** Rounded to px: a group never holds two frames of one width. */
  width: number;
  /** "Desktop" | "Tablet" | "Phone", or the frame's own breakpoint word ("md", "MacBook"). */
  label: string;
}

export interface PageGroup {
  /** Widest first. */
  frames: PageGroupFrame[];
  /** What says the frames are one page: their names, their content, or both. */
  by: "name" | "content" | "name and content";
}

/** Narrower than this, a frame is a part (an icon, a chip), never a page's drawing. */
const MIN_PAGE_WIDTH = 240;

/** Content similarity (0..1) above which the names need only not contradict each other. */
const SAME_CONTENT = 0.55;
/** Content similarity above which frames of unrelated names, or of one width class, are one page. */
const STRONG_CONTENT = 0.85;
/** Content similarity above which frames of one name share enough to be one page. */
const SOME_CONTENT = 0.2;

/** The class a width falls in: phones up to 600 px, tablets to 1024, desktops from there. */
export function widthClass(width: number): BreakpointClass {
  return width < 600 ? "Phone" : width < 1024 ? "Tablet" : "Desktop";
}

/**
 * Whether a top-level frame may be a page's drawing: visible, wide enough, and not a component, a set of them (a
 * frame of components: Figma's component set) or a section (a frame of frames). Those hold what pages are made of,
 * so their content resembles the pages'.
 */
function drawsPage(frame: DesignNode): boolean {
  if (frame.hidden || Math.round(frame.w) < MIN_PAGE_WIDTH) return false;
  if (frame.kind === "section" || frame.kind === "component") return false;
  const shown = (frame.children ?? []).filter((c) => !c.hidden);
  return !(shown.length > 0 && shown.every((c) => c.kind === "component"));
}

interface Candidate {
  node: DesignNode;
  width: number;
  name: PageName;
  /** Content features (contentOf). */
  features: Set<string>;
  /** Their weights' sum (featureWeights: rarer across the candidates weighs more). */
  mass: number;
}

interface Pair {
  a: number;
  b: number;
  /** Ordering strength: content similarity, with a name's agreement adding to it. */
  strength: number;
  name: boolean;
  content: boolean;
}

/**
 * The groups of `frames` that are one page drawn at several widths; frames not in a group are pages of their own.
 * One walk of each frame's layers, then every pair of frames of different widths compared in the smaller's features
 * (flora's and fitma's whole files: tens of ms).
 */
export function findPageGroups(frames: readonly DesignNode[]): PageGroup[] {
  const candidates = frames
    .filter(drawsPage)
    .map((node) => ({ node, width: Math.round(node.w), name: pageName(node.name), features: contentOf(node) }));
  if (new Set(candidates.map((c) => c.width)).size < 2) return [];
  const weight = featureWeights(candidates.map((c) => c.features));
  const weighed: Candidate[] = candidates.map((c) => ({ ...c, mass: massOf(c.features, weight) }));
  const pairs: Pair[] = [];
  for (let a = 0; a < weighed.length; a++)
    for (let b = a + 1; b < weighed.length; b++) {
      const pair = judge(weighed[a]!, weighed[b]!, weight);
      if (pair) pairs.push({ ...pair, a, b });
    }
  return grouped(weighed, pairs);
}

/** Whether two frames are one page, and how strongly; undefined when not. */
function judge(a: Candidate, b: Candidate, weight: ReadonlyMap<string, number>): Omit<Pair, "a" | "b"> | undefined {
  if (a.width === b.width) return undefined;
  const similarity = contentSimilarity(a, b, weight);
  const names = nameAgreement(a, b);
  const apart = widthClass(a.width) !== widthClass(b.width);
  const content = similarity >= SOME_CONTENT;
  // Two desktops (1440 and 1152) are one page only when drawn alike and named alike: a component sheet holds much of
  // what a page draws.
  if (!apart)
    return similarity >= STRONG_CONTENT && (names === "strong" || names === "same" || names === "blank")
      ? pair(similarity, names, true)
      : undefined;
  switch (names) {
    case "strong":
      // "About Us - Desktop" and "About Us - Mobile": the name says it even of frames that share nothing drawn.
      return pair(similarity, names, content);
    case "same":
      // "Cart" and "Mobile / Cart", "1.1 Landing Page" and "1.2 Landing Page": one stem, and some content shared.
      return content ? pair(similarity, names, true) : undefined;
    case "blank":
      // "Desktop" and "Mobile", "MacBook Pro" and "iPhone 11 Pro / X": names of widths only, the content decides.
      return similarity >= SAME_CONTENT ? pair(similarity, names, true) : undefined;
    case "neutral":
    case "related":
      // "Checkout / Data Complete" and a phone drawing of it its designer left named "… / No Data".
      return similarity >= SAME_CONTENT ? pair(similarity, names, true) : undefined;
    case "different":
      return similarity >= STRONG_CONTENT ? pair(similarity, names, true) : undefined;
  }
}

function pair(similarity: number, names: NameAgreement, content: boolean): Omit<Pair, "a" | "b"> {
  const name = names === "strong" || names === "same" || names === "blank";
  return { strength: similarity + (name ? 0.5 : 0), name, content };
}

/**
 * How two names relate: "strong", one stem and a breakpoint word or width in a name; "same", one stem; "blank", both
 * names only breakpoint words ("desktop", "mobile"); "neutral", one names no page ("Frame 3"); "related", stems of
 * half their words in common ("checkout no data", "checkout data complete"); "different" stems.
 */
type NameAgreement = "strong" | "same" | "blank" | "neutral" | "related" | "different";

function nameAgreement(a: Candidate, b: Candidate): NameAgreement {
  const blankA = blankStem(a.name.stem);
  const blankB = blankStem(b.name.stem);
  if (blankA && blankB) return a.name.breakpoint && b.name.breakpoint ? "blank" : "neutral";
  if (blankA || blankB) return "neutral";
  if (a.name.stem.replace(/ /g, "") !== b.name.stem.replace(/ /g, "")) return related(a.name.stem, b.name.stem);
  // A breakpoint word that contradicts its frame's width ("Mobile" on a 1440 frame) is no evidence.
  const fits = (c: Candidate): boolean => c.name.breakpoint && (!c.name.says || c.name.says === widthClass(c.width));
  return fits(a) || fits(b) ? "strong" : "same";
}

/** Stems that share at least half their words (of the two stems' words together) are related. */
function related(a: string, b: string): "related" | "different" {
  const wordsA = new Set(a.split(" "));
  const wordsB = new Set(b.split(" "));
  const shared = [...wordsA].filter((w) => wordsB.has(w)).length;
  return shared * 2 >= new Set([...wordsA, ...wordsB]).size ? "related" : "different";
}

/**
 * The content a frame draws, as features: each text (whole, and its words), each image (by asset: one per imageRef
 * or bytes in a document) and each component instance (by main component). Hidden layers draw nothing.
 */
function contentOf(frame: DesignNode): Set<string> {
  const features = new Set<string>();
  const walk = (node: DesignNode): void => {
    if (node.hidden) return;
    if (node.text) {
      const text = node.text.chars.toLowerCase().replace(/\s+/g, " ").trim();
      if (text !== "") features.add(`t:${text}`);
      for (const word of text.split(/[^\p{L}\p{N}]+/u)) if (word.length > 1) features.add(`w:${word}`);
    }
    for (const fill of node.fills ?? []) if (fill.kind === "image") features.add(`i:${fill.asset}`);
    if (node.kind === "instance" && node.component) features.add(`c:${node.component.id}`);
    for (const child of node.children ?? []) walk(child);
  };
  for (const child of frame.children ?? []) walk(child);
  return features;
}

/**
 * Each feature's weight: rarer across the frames weighs more, so what every page shares (a header, a footer, the
 * words "the" and "and") says little of which page a frame draws.
 */
function featureWeights(sets: readonly Set<string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const set of sets) for (const f of set) counts.set(f, (counts.get(f) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [f, n] of counts) weights.set(f, Math.log(1 + sets.length / n));
  return weights;
}

function massOf(features: Set<string>, weight: ReadonlyMap<string, number>): number {
  let mass = 0;
  for (const f of features) mass += weight.get(f) ?? 0;
  return mass;
}

/**
 * Weighted overlap of two frames' content (0..1): what they share over what the smaller draws, tempered by the
 * larger (a phone drawing leaves some out, but a frame holding a tenth of another's content is not its drawing).
 */
function contentSimilarity(a: Candidate, b: Candidate, weight: ReadonlyMap<string, number>): number {
  if (a.mass === 0 || b.mass === 0) return 0;
  const [small, large] = a.features.size <= b.features.size ? [a, b] : [b, a];
  let shared = 0;
  for (const f of small.features) if (large.features.has(f)) shared += weight.get(f) ?? 0;
  const containment = shared / Math.min(a.mass, b.mass);
  const dice = (2 * shared) / (a.mass + b.mass);
  return Math.sqrt(containment * dice);
}

/**
 * Groups from the pairs, strongest first: two groups join when their widths differ and every two frames of them
 * are a pair (so a frame joins the group it shares the most with, and no chain joins two pages through a third).
 */
function grouped(candidates: readonly Candidate[], pairs: Pair[]): PageGroup[] {
  const judged = new Map<string, Pair>();
  for (const p of pairs) judged.set(`${p.a} ${p.b}`, p);
  const link = (a: number, b: number): Pair | undefined => judged.get(a < b ? `${a} ${b}` : `${b} ${a}`);
  const groupOf = candidates.map((_, i) => [i]);
  for (const p of [...pairs].sort((x, y) => y.strength - x.strength)) {
    const ga = groupOf[p.a]!;
    const gb = groupOf[p.b]!;
    if (ga === gb) continue;
    const widths = new Set(ga.map((i) => candidates[i]!.width));
    if (gb.some((i) => widths.has(candidates[i]!.width))) continue;
    if (!ga.every((i) => gb.every((j) => link(i, j)))) continue;
    const merged = [...ga, ...gb];
    for (const i of merged) groupOf[i] = merged;
  }
  const groups = [...new Set(groupOf)].filter((g) => g.length > 1);
  return groups
    .map((members) => {
      const links = members.flatMap((i, n) => members.slice(n + 1).map((j) => link(i, j)!));
      const name = links.every((l) => l.name);
      const content = links.every((l) => l.content);
      const frames = members.map((i) => candidates[i]!).sort((x, y) => y.width - x.width);
      return {
        frames: labelled(frames),
        by: name && content ? ("name and content" as const) : name ? ("name" as const) : ("content" as const),
      };
    })
    .sort((x, y) => order(frames(x)) - order(frames(y)));
  function frames(group: PageGroup): string {
    return group.frames[0]!.id;
  }
  function order(id: string): number {
    return candidates.findIndex((c) => c.node.id === id);
  }
}

/**
 * The frames of a group with their labels: the class the name says or the width falls in; where two frames of the
 * group would share one, the narrower ones take their own breakpoint word ("MacBook" beside "MacBook Pro").
 */
function labelled(frames: readonly Pick<Candidate, "node" | "width" | "name">[]): PageGroupFrame[] {
  const taken = new Set<string>();
  return frames.map(({ node, width, name }) => {
    const fits = name.says !== undefined && name.says === widthClass(width);
    let label: string =
      name.word !== undefined && name.says === undefined ? name.word : fits ? name.says! : widthClass(width);
    if (taken.has(label) && name.word !== undefined) label = name.word;
    taken.add(label);
    return { id: node.id, name: node.name, width, label };
  });
}

/** "3 frames → one responsive page: Desktop 1440, Tablet 768, Phone 375": a group as the CLI and the panel say it. */
export function pageGroupLine(group: { readonly frames: readonly PageGroupFrame[] }): string {
  const widths = group.frames.map((f) => `${f.label} ${f.width}`).join(", ");
  return `${group.frames.length} frames → one responsive page: ${widths}`;
}

/** The frames' names as a list: “Home”, “Home Tablet” and “Home Mobile”. */
export function frameNames(frames: readonly Pick<PageGroupFrame, "name">[]): string {
  const quoted = frames.map((f) => `“${f.name}”`);
  return quoted.length < 2 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/**
 * Frames given as one page (`figment code --node A --node B --breakpoints`, the panel's selection), widest first and
 * labelled as a group found is; the caller checked that their widths differ (`sharedWidth`).
 */
export function labelFrames(frames: readonly DesignNode[]): PageGroupFrame[] {
  return labelled(
    [...frames]
      .sort((a, b) => b.w - a.w)
      .map((node) => ({ node, width: Math.round(node.w), name: pageName(node.name) })),
  );
}

/** The first frames of `frames` that share a width (rounded to px), or undefined when every width differs. */
export function sharedWidth<T extends Pick<DesignNode, "w">>(frames: readonly T[]): T[] | undefined {
  const byWidth = new Map<number, T[]>();
  for (const f of frames) byWidth.set(Math.round(f.w), [...(byWidth.get(Math.round(f.w)) ?? []), f]);
  return [...byWidth.values()].find((same) => same.length > 1);
}
