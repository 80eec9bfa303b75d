/**
 * Makes a converted page look drawn, not exported: what designers do on a canvas without auto layout, measured on
 * real files (issue 22) — flat roots where a section's background, heading, text and images are siblings;
 * groups that cut across two sections; decorative shapes bleeding off the left or right edge; full-bleed images
 * wider than the frame; carousels of cards running past the frame, which clips them; the navigation drawn over
 * the hero's image; round photos as mask groups; an image rotated by π; buttons and cards as component
 * instances (text inside instances); decorative ellipses overlapping cards.
 *
 * Pure and deterministic: a seeded generator picks the places. The page as seen at the design width does not
 * change, except for the added decorations (which never cover text there).
 */
import type { MeasuredItem, Rect, Rgba } from "./measured.js";
import { placed, solid, type CorpusNode } from "./to-rest.js";

export interface DrawOptions {
  seed: number;
  /** The measured item of each root layer (to-rest.ts), by node id. */
  sources: ReadonlyMap<string, MeasuredItem>;
  /** For some image refs, the ref of the same image turned by 180° (drawn rotated by π, it looks the same). */
  flipped?: ReadonlyMap<string, string>;
}

export interface Drawn {
  frame: CorpusNode;
  /** The `components` map of the reply: the main components of the instances made here. */
  components: Record<
    string,
    { key: string; name: string; description: string; remote: boolean; documentationLinks: never[] }
  >;
  /** Text ids that changed (a text moved into an instance takes the instance's id prefix). */
  renamed: Map<string, string>;
  /** What was done, for SOURCES.md. */
  log: string[];
}

/** mulberry32: a small seeded generator, the same sequence on every machine. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const boxOf = (n: CorpusNode): Rect => {
  const b = n["absoluteBoundingBox"] as { x: number; y: number; width: number; height: number };
  return { x: b.x, y: b.y, w: b.width, h: b.height };
};

function setBox(n: CorpusNode, r: Rect): void {
  const b = {
    x: Math.round(r.x),
    y: Math.round(r.y),
    width: Math.max(1, Math.round(r.w)),
    height: Math.max(1, Math.round(r.h)),
  };
  n["absoluteBoundingBox"] = b;
  n["absoluteRenderBounds"] = b;
  n["size"] = { x: b.width, y: b.height };
}

const union = (rs: Rect[]): Rect => {
  const x = Math.min(...rs.map((r) => r.x));
  const y = Math.min(...rs.map((r) => r.y));
  return { x, y, w: Math.max(...rs.map((r) => r.x + r.w)) - x, h: Math.max(...rs.map((r) => r.y + r.h)) - y };
};

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (inner: Rect, outer: Rect, slack = 1): boolean =>
  inner.x >= outer.x - slack &&
  inner.y >= outer.y - slack &&
  inner.x + inner.w <= outer.x + outer.w + slack &&
  inner.y + inner.h <= outer.y + outer.h + slack;

const fillsOf = (n: CorpusNode): Record<string, unknown>[] =>
  Array.isArray(n["fills"]) ? (n["fills"] as Record<string, unknown>[]) : [];
const hasImage = (n: CorpusNode): boolean => fillsOf(n).some((f) => f["type"] === "IMAGE");

/** Deep copy with fresh ids (`id` for the copy itself, `id;<old>` style for nothing: copies get new plain ids). */
function copyNode(n: CorpusNode, nextId: () => string, dx: number): CorpusNode {
  const out = JSON.parse(JSON.stringify(n)) as CorpusNode;
  const walk = (c: CorpusNode): void => {
    c.id = nextId();
    const b = boxOf(c);
    setBox(c, { ...b, x: b.x + dx });
    for (const k of c.children ?? []) walk(k);
  };
  walk(out);
  return out;
}

class Drawing {
  readonly rng: () => number;
  readonly log: string[] = [];
  readonly renamed = new Map<string, string>();
  readonly components: Drawn["components"] = {};
  private counter = 40000;
  private readonly nameCounts = new Map<string, number>();
  constructor(
    readonly page: number,
    readonly frame: CorpusNode,
    readonly options: DrawOptions,
  ) {
    this.rng = generator(options.seed);
  }
  get width(): number {
    return boxOf(this.frame).w;
  }
  get height(): number {
    return boxOf(this.frame).h;
  }
  get children(): CorpusNode[] {
    return this.frame.children!;
  }
  nextId = (): string => `${this.page}:${++this.counter}`;
  name(base: string): string {
    const n = (this.nameCounts.get(base) ?? 100) + 1;
    this.nameCounts.set(base, n);
    return `${base} ${n}`;
  }
  source(n: CorpusNode): MeasuredItem | undefined {
    return this.options.sources.get(n.id);
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rng() * list.length)]!;
  }
  between(a: number, b: number): number {
    return a + this.rng() * (b - a);
  }
  texts(): Rect[] {
    const out: Rect[] = [];
    const walk = (n: CorpusNode): void => {
      if (n.type === "TEXT") out.push(boxOf(n));
      for (const c of n.children ?? []) walk(c);
    };
    for (const c of this.children) walk(c);
    return out;
  }
}

/** The navigation drawn over the hero: the hero's background extended up under it, the navigation on top. */
function navOverHero(d: Drawing): void {
  const nav = d.children.filter((n) => d.source(n)?.region.tag === "nav");
  if (nav.length === 0) return;
  const navBottom = Math.max(...nav.map((n) => boxOf(n).y + boxOf(n).h));
  const hero = d.children.find((n) => {
    const b = boxOf(n);
    return (
      n.type !== "TEXT" &&
      b.w >= 0.9 * d.width &&
      b.h >= 200 &&
      b.y >= navBottom - 2 &&
      b.y <= navBottom + 40 &&
      fillsOf(n).length > 0
    );
  });
  if (hero) {
    const b = boxOf(hero);
    setBox(hero, { ...b, y: 0, h: b.h + b.y });
    d.log.push(`hero background "${hero.name}" extended under the navigation`);
  }
  // The navigation on top of everything it lies over.
  const rest = d.children.filter((n) => !nav.includes(n));
  d.frame.children = [...rest, ...nav];
}

/** Full-bleed images and section backgrounds widened past the frame (1,475–1,730 px), as drawn on a canvas. */
function fullBleed(d: Drawing): void {
  const wide = d.children.filter(
    (n) => n.type === "RECTANGLE" && hasImage(n) && boxOf(n).w >= 0.98 * d.width && boxOf(n).x <= 1,
  );
  for (const n of wide.slice(0, 2)) {
    const b = boxOf(n);
    const w = Math.round(d.between(1475, 1730) * (d.width / 1440));
    const x = -Math.round(d.between(0.2, 0.8) * (w - b.w));
    setBox(n, { x, y: b.y, w, h: b.h });
    d.log.push(`full-bleed image "${n.name}" widened to ${w} px (x ${x})`);
  }
}

/** Cells (grid columns, cards) as rows of three or more of the same size, side by side. */
function cellRows(d: Drawing): { cells: { key: number; nodes: CorpusNode[]; box: Rect }[] }[] {
  const byCell = new Map<number, CorpusNode[]>();
  for (const n of d.children) {
    const cell = d.source(n)?.cell;
    if (cell === undefined || d.source(n)?.region.tag === "nav") continue;
    byCell.set(cell, [...(byCell.get(cell) ?? []), n]);
  }
  const cells = [...byCell]
    .map(([key, nodes]) => ({ key, nodes, box: union(nodes.map(boxOf)) }))
    .filter((c) => c.box.w >= 150 && c.box.w <= 520 && c.box.h >= 60 && c.nodes.some((n) => n.type !== "TEXT"));
  const rows: { cells: typeof cells }[] = [];
  for (const cell of cells.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)) {
    const row = rows.find((r) => {
      const first = r.cells[0]!.box;
      return (
        Math.abs(first.y - cell.box.y) <= 4 &&
        Math.abs(first.w - cell.box.w) <= 4 &&
        Math.abs(first.h - cell.box.h) <= 0.15 * first.h
      );
    });
    if (row) row.cells.push(cell);
    else rows.push({ cells: [cell] });
  }
  return rows.filter((r) => r.cells.length >= 3).map((r) => ({ cells: r.cells.sort((a, b) => a.box.x - b.box.x) }));
}

/** Rows of cards continued past the frame's right edge (to 1,900+ px), as a carousel the frame clips. */
function carousels(d: Drawing): void {
  const rows = cellRows(d);
  let made = 0;
  for (const row of rows) {
    if (made >= 2 || (made > 0 && d.rng() < 0.5)) break;
    const first = row.cells[0]!.box;
    const pitch = row.cells[1]!.box.x - first.x;
    if (pitch < first.w) continue;
    const target = Math.max(1900 * (d.width / 1440), d.width + 1.5 * pitch);
    let right = row.cells[row.cells.length - 1]!.box.x + first.w;
    const copies: CorpusNode[] = [];
    let k = 0;
    while (right < target) {
      const cell = row.cells[k % row.cells.length]!;
      const dx = row.cells[row.cells.length - 1]!.box.x + pitch * (Math.floor(k / 1) + 1) - cell.box.x;
      copies.push(...cell.nodes.map((n) => copyNode(n, d.nextId, dx)));
      right = cell.box.x + dx + first.w;
      k++;
    }
    const last = Math.max(...row.cells.flatMap((c) => c.nodes.map((n) => d.children.indexOf(n))));
    d.children.splice(last + 1, 0, ...copies);
    d.log.push(
      `carousel: a row of ${row.cells.length} cells at y ${Math.round(first.y)} ` +
        `continued with ${k} more to x ${Math.round(right)}`,
    );
    made++;
  }
}

/** Buttons as instances of a "Button" component: its text inside the instance. */
function buttonInstances(d: Drawing): void {
  const variants = new Map<string, string>();
  for (const box of [...d.children]) {
    const src = d.source(box);
    if (src?.kind !== "box" || !(src.tag === "a" || src.tag === "button" || /\bbtn\b/.test(src.className))) continue;
    const b = boxOf(box);
    if (b.h > 90 || b.w > 420 || fillsOf(box).length === 0) continue;
    const texts = d.children.filter((t) => t.type === "TEXT" && inside(boxOf(t), b, 2));
    if (texts.length === 0) continue;
    const fill = JSON.stringify(fillsOf(box)[0]);
    let componentId = variants.get(fill);
    if (!componentId) {
      componentId = `${d.page}:${9000 + variants.size + 1}`;
      variants.set(fill, componentId);
      d.components[componentId] = {
        key: `${d.page}c${variants.size}`.padEnd(40, "0"),
        name: `Button/Variant ${variants.size}`,
        description: "",
        remote: false,
        documentationLinks: [],
      };
    }
    const instance: CorpusNode = { ...box, type: "INSTANCE", name: "Button", componentId, clipsContent: false };
    delete instance.children;
    instance.children = texts.map((t) => {
      const id = `I${box.id};${t.id}`;
      d.renamed.set(t.id, id);
      return { ...t, id };
    });
    d.frame.children = d.children.filter((n) => !texts.includes(n));
    d.children[d.children.indexOf(box)] = instance;
  }
  if (variants.size > 0) d.log.push(`buttons as instances of ${variants.size} button component(s)`);
}

/** Round or rounded photos drawn as mask groups: the shape is the mask, the image larger beneath it. */
function maskGroups(d: Drawing): void {
  let n = 0;
  d.frame.children = d.children.map((node) => {
    const r = Number(node["cornerRadius"] ?? 0);
    if (node.type !== "RECTANGLE" || !hasImage(node) || r <= 0) return node;
    const b = boxOf(node);
    const round = r >= Math.min(b.w, b.h) / 2 - 1;
    const mask: CorpusNode = {
      ...placed(d.nextId(), round ? "Ellipse" : "Rectangle", round ? "ELLIPSE" : "RECTANGLE", b),
      fills: [solid({ r: 0.85, g: 0.85, b: 0.85, a: 1 })],
      strokes: [],
      strokeWeight: 1,
      strokeAlign: "INSIDE",
      effects: [],
      isMask: true,
    };
    if (!round) mask["cornerRadius"] = r;
    const grow = round ? Math.round(b.w * 0.08) : 0;
    const image: CorpusNode = { ...node, name: node.name };
    delete image["cornerRadius"];
    delete image["rectangleCornerRadii"];
    setBox(image, { x: b.x - grow, y: b.y - grow, w: b.w + 2 * grow, h: b.h + 2 * grow });
    const group = placed(d.nextId(), "Mask group", "GROUP", b);
    group.fills = [];
    group.children = [mask, image];
    n++;
    return group;
  });
  if (n > 0) d.log.push(`${n} rounded image(s) as mask groups`);
}

/** One image drawn rotated by π, with its bytes turned by 180° so the page looks the same. */
function rotatedImage(d: Drawing): void {
  const flipped = d.options.flipped;
  if (!flipped) return;
  const candidates = d.children.filter(
    (n) =>
      n.type === "RECTANGLE" &&
      hasImage(n) &&
      boxOf(n).w < 0.9 * d.width &&
      boxOf(n).x >= 0 &&
      boxOf(n).x + boxOf(n).w <= d.width,
  );
  const chosen = candidates.find((n) =>
    flipped.has(String(fillsOf(n).find((f) => f["type"] === "IMAGE")?.["imageRef"])),
  );
  if (!chosen) return;
  const fill = fillsOf(chosen).find((f) => f["type"] === "IMAGE")!;
  fill["imageRef"] = flipped.get(String(fill["imageRef"]));
  chosen["rotation"] = Math.PI;
  d.log.push(`image "${chosen.name}" rotated by π (its bytes turned by 180°)`);
}

/** The page's accent colours: fills of the boxes that are neither white, black nor grey. */
function accents(d: Drawing): Rgba[] {
  const out: Rgba[] = [];
  for (const n of d.children) {
    for (const f of fillsOf(n)) {
      const c = f["color"] as Rgba | undefined;
      if (f["type"] !== "SOLID" || !c) continue;
      const spread = Math.max(c.r, c.g, c.b) - Math.min(c.r, c.g, c.b);
      if (spread > 0.25 && !out.some((o) => JSON.stringify(o) === JSON.stringify(c))) out.push(c);
    }
  }
  return out.length > 0 ? out : [{ r: 0.36, g: 0.42, b: 0.95, a: 1 }];
}

/** A blob: a closed path of `points` bumps inside a w×h box (fillGeometry's path format). */
function blobPath(d: Drawing, w: number, h: number): string {
  const points = 6;
  const pts = Array.from({ length: points }, (_, i) => {
    const a = (i / points) * 2 * Math.PI;
    const r = d.between(0.75, 1);
    return [w / 2 + (Math.cos(a) * r * w) / 2, h / 2 + (Math.sin(a) * r * h) / 2] as const;
  });
  const f = (v: number): string => String(Math.round(v * 100) / 100);
  const mid = (i: number): readonly [number, number] => {
    const p = pts[i % points]!;
    const q = pts[(i + 1) % points]!;
    return [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
  };
  let path = `M${f(mid(0)[0])} ${f(mid(0)[1])}`;
  for (let i = 1; i <= points; i++) {
    const c = pts[i % points]!;
    const m = mid(i);
    path += `Q${f(c[0])} ${f(c[1])} ${f(m[0])} ${f(m[1])}`;
  }
  return `${path}Z`;
}

function decoration(d: Drawing, kind: "ellipse" | "blob" | "line", box: Rect, tint: Rgba, opacity: number): CorpusNode {
  if (kind === "ellipse") {
    const n = placed(d.nextId(), d.name("Ellipse"), "ELLIPSE", box);
    return {
      ...n,
      fills: [solid({ ...tint, a: 1 })],
      opacity,
      strokes: [],
      strokeWeight: 1,
      strokeAlign: "INSIDE",
      effects: [],
    };
  }
  const n = placed(d.nextId(), d.name("Vector"), "VECTOR", box);
  if (kind === "line") {
    // A thin zigzag stroke, drawn as its outline's fill (strokeGeometry), as REST gives it with geometry=paths.
    const steps = Math.max(3, Math.round(box.w / 24));
    let path = "M0 0";
    for (let i = 1; i <= steps; i++)
      path += `L${Math.round((i * box.w * 100) / steps) / 100} ${i % 2 ? Math.round(box.h * 100) / 100 : 0}`;
    return {
      ...n,
      fills: [],
      strokes: [solid({ ...tint, a: 1 })],
      strokeWeight: 2,
      strokeAlign: "CENTER",
      strokeGeometry: [{ path: `${path}L${box.w} ${box.h}L0 ${box.h}Z`, windingRule: "NONZERO" }],
      fillGeometry: [],
      opacity,
      effects: [],
    };
  }
  return {
    ...n,
    fills: [solid({ ...tint, a: 1 })],
    strokes: [],
    strokeWeight: 1,
    strokeAlign: "INSIDE",
    fillGeometry: [{ path: blobPath(d, box.w, box.h), windingRule: "NONZERO" }],
    strokeGeometry: [],
    opacity,
    effects: [],
  };
}

/**
 * Decorative shapes bleeding off the left or right edge (50–300 px wide; ellipses, blobs, thin lines), placed
 * where they cover no text at the design width, drawn above their section's background (or, now and then, on
 * top of everything); and one or two ellipses behind a card's corner.
 */
function decorations(d: Drawing): void {
  const texts = d.texts();
  const tints = accents(d);
  const count = 3 + Math.floor(d.rng() * 4);
  let added = 0;
  for (let i = 0; i < count; i++) {
    const kind = d.pick(["ellipse", "ellipse", "blob", "line"] as const);
    const w = Math.round(kind === "line" ? d.between(120, 300) : d.between(50, 300));
    const h = Math.round(kind === "line" ? d.between(8, 14) : w * d.between(0.6, 1.2));
    for (let attempt = 0; attempt < 30; attempt++) {
      const left = d.rng() < 0.5;
      const shown = d.between(0.3, 0.7) * w;
      const x = Math.round(left ? shown - w : d.width - shown);
      const y = Math.round(d.between(0.05, 0.95) * (d.height - h));
      const box = { x, y, w, h };
      if (texts.some((t) => overlaps(t, { x: x - 8, y: y - 8, w: w + 16, h: h + 16 }))) continue;
      const node = decoration(d, kind, box, d.pick(tints), Math.round(d.between(0.2, 0.6) * 100) / 100);
      // Above the section background it lies on (the last full-width layer under it), or on top of all.
      const onTop = d.rng() < 0.3;
      let at = d.children.length;
      if (!onTop) {
        const under = d.children
          .map((n, i) => ({ n, i }))
          .filter(({ n }) => n.type !== "TEXT" && boxOf(n).w >= 0.9 * d.width && overlaps(boxOf(n), box));
        at = under.length > 0 ? under[under.length - 1]!.i + 1 : 0;
      }
      d.children.splice(at, 0, node);
      added++;
      break;
    }
  }
  // Behind a card: an ellipse centred on one of its corners.
  const cards = d.children.filter(
    (n) =>
      n.type !== "TEXT" &&
      !hasImage(n) &&
      (n["effects"] as unknown[] | undefined)?.length &&
      boxOf(n).w < 600 &&
      boxOf(n).h >= 100,
  );
  const behind = Math.min(cards.length, 1 + Math.floor(d.rng() * 2));
  for (let i = 0; i < behind; i++) {
    const card = cards[Math.floor(d.rng() * cards.length)]!;
    const b = boxOf(card);
    const s = Math.round(d.between(60, 160));
    const cx = d.rng() < 0.5 ? b.x : b.x + b.w;
    const cy = d.rng() < 0.5 ? b.y : b.y + b.h;
    const node = decoration(d, "ellipse", { x: cx - s / 2, y: cy - s / 2, w: s, h: s }, d.pick(tints), 0.35);
    d.children.splice(d.children.indexOf(card), 0, node);
    added++;
  }
  d.log.push(`${added} decorative shapes (${count} at the edges, ${behind} behind cards)`);
}

/**
 * Groups as designers leave them: some cards grouped, and groups that cut across two sections (the last layers
 * of one and the first of the next, consecutive in the layer list).
 */
function groups(d: Drawing): void {
  const region = (n: CorpusNode): number | undefined => {
    const src = d.source(n);
    return src && src.region.tag !== "nav" ? src.region.index : undefined;
  };
  let across = 0;
  const wanted = 2 + Math.floor(d.rng() * 2);
  for (let i = 1; i < d.children.length && across < wanted; i++) {
    const a = region(d.children[i - 1]!);
    const b = region(d.children[i]!);
    if (a === undefined || b === undefined || a === b || d.rng() < 0.4) continue;
    const from = Math.max(0, i - 1 - Math.floor(d.rng() * 3));
    const to = Math.min(d.children.length, i + 1 + Math.floor(d.rng() * 3));
    const members = d.children.slice(from, to);
    if (members.some((m) => m.type === "GROUP" || region(m) === undefined)) continue;
    const group = placed(d.nextId(), d.name("Group"), "GROUP", union(members.map(boxOf)));
    group.fills = [];
    group.children = members;
    d.children.splice(from, to - from, group);
    across++;
    i = from + 1;
  }
  let cards = 0;
  for (const row of cellRows(d)) {
    if (d.rng() < 0.5) continue;
    for (const cell of row.cells) {
      const idx = cell.nodes.map((n) => d.children.indexOf(n)).sort((x, y) => x - y);
      if (idx.some((v, k) => v < 0 || (k > 0 && v !== idx[k - 1]! + 1))) continue;
      const group = placed(d.nextId(), d.name("Group"), "GROUP", cell.box);
      group.fills = [];
      group.children = cell.nodes;
      d.children.splice(idx[0]!, idx.length, group);
      cards++;
    }
  }
  d.log.push(`${across} groups across two sections, ${cards} cards grouped`);
}

/** relativeTransform of every node from its box (and rotation) against its parent's box. */
function fixTransforms(n: CorpusNode, parent: Rect): void {
  const b = boxOf(n);
  if (n["rotation"] === Math.PI) {
    n["relativeTransform"] = [
      [-1, 0, b.x + b.w - parent.x],
      [0, -1, b.y + b.h - parent.y],
    ];
  } else {
    n["relativeTransform"] = [
      [1, 0, b.x - parent.x],
      [0, 1, b.y - parent.y],
    ];
  }
  for (const c of n.children ?? []) fixTransforms(c, b);
}

export function drawLikeADesigner(frame: CorpusNode, options: DrawOptions): Drawn {
  const page = Number(frame.id.split(":")[0]);
  // A copy (sources are keyed by id, which it keeps).
  const d = new Drawing(page, JSON.parse(JSON.stringify(frame)) as CorpusNode, options);
  navOverHero(d);
  fullBleed(d);
  carousels(d);
  buttonInstances(d);
  maskGroups(d);
  rotatedImage(d);
  decorations(d);
  groups(d);
  fixTransforms(d.frame, { x: 0, y: 0, w: 0, h: 0 });
  return { frame: d.frame, components: d.components, renamed: d.renamed, log: d.log };
}
