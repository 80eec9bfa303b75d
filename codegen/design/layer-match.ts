/**
 * Which layers of two drawings of one page are the same layer (issue 70): the same text (its words), image (its
 * picture), instance (its main component and texts), icon or named shape, taken in drawing order where a page draws
 * several alike; then containers by the layers they hold. A layer drawn in one frame only (a menu button on the
 * phone, a sidebar on desktop) has no match and exists at that frame's widths only.
 */
import type { DesignNode } from "./types.js";

/** `node`'s words, lowercased: a text's lines broken differently at another width are the same text. */
function words(text: string): string {
  return text.toLowerCase().split(/\s+/u).filter(Boolean).join(" ");
}

/** The texts inside `node`, in drawing order (an instance is known by them beside its component). */
function textsIn(node: DesignNode, out: string[] = []): string[] {
  if (node.text) out.push(words(node.text.chars));
  for (const child of node.children ?? []) if (!child.hidden) textsIn(child, out);
  return out;
}

/** What a layer is, whatever its size and place: undefined for a container known by what it holds. */
function leafKey(node: DesignNode): string | undefined {
  if (node.text) return `t:${words(node.text.chars)}`;
  if (node.component && node.kind === "instance") return `c:${node.component.id}:${textsIn(node).join("|")}`;
  const image = (node.fills ?? []).find((paint) => paint.kind === "image");
  if (image && image.kind === "image" && !node.children?.length) return `i:${image.asset}`;
  if (node.asset !== undefined) return `v:${node.kind}:${node.name}:${(node.w / Math.max(node.h, 1)).toFixed(1)}`;
  return undefined;
}

/** A layer known by its kind and name only (an icon, a named shape): matched inside matched containers. */
function weakKey(node: DesignNode): string | undefined {
  if (node.children?.length && node.asset === undefined) return undefined;
  return node.name ? `${node.kind}:${node.name}` : undefined;
}

/** Every layer under `root` (itself excluded) in drawing order, hidden ones left out. */
function layers(root: DesignNode): DesignNode[] {
  const out: DesignNode[] = [];
  const walk = (node: DesignNode): void => {
    for (const child of node.children ?? []) {
      if (child.hidden) continue;
      out.push(child);
      // An instance is one layer here: its layers follow it (matched by place inside it below).
      walk(child);
    }
  };
  walk(root);
  return out;
}

/**
 * The layers of `other` that are layers of `page`, as other's id → page's id. The two roots match; leaves match by
 * their key in drawing order; a container matches the container of `page` that holds most of the same leaves (their
 * matched leaves overlap by 0.6 of their union at least: rows of four are not rows of two), each container of `page`
 * once; icons and named shapes then by name inside matched containers.
 */
export function matchLayers(page: DesignNode, other: DesignNode): Map<string, string> {
  const out = new Map<string, string>([[other.id, page.id]]);
  const queues = new Map<string, DesignNode[]>();
  const pageLayers = layers(page);
  for (const node of pageLayers) {
    const key = leafKey(node);
    if (key === undefined) continue;
    const queue = queues.get(key);
    if (queue) queue.push(node);
    else queues.set(key, [node]);
  }
  const otherLayers = layers(other);
  for (const node of otherLayers) {
    const key = leafKey(node);
    const match = key === undefined ? undefined : queues.get(key)?.shift();
    if (match) out.set(node.id, match.id);
  }
  // Instances' layers: matched by their place inside the matched instance (same component, same layer order).
  for (const node of otherLayers) {
    const match = out.get(node.id);
    if (node.kind !== "instance" || match === undefined) continue;
    const twin = pageLayers.find((n) => n.id === match);
    if (twin) matchInside(twin, node, out);
  }
  matchContainers(page, other, out);
  // Icons and named shapes: by name and kind among the children of matched containers, in order.
  const byId = new Map(pageLayers.map((n) => [n.id, n]));
  byId.set(page.id, page);
  for (const node of [other, ...otherLayers]) {
    const twin = byId.get(out.get(node.id) ?? "");
    if (!twin || !node.children || !twin.children) continue;
    const free = twin.children.filter((c) => !c.hidden && !taken(out, c.id));
    for (const child of node.children) {
      if (child.hidden || out.has(child.id)) continue;
      const key = weakKey(child);
      const at = key === undefined ? -1 : free.findIndex((c) => weakKey(c) === key);
      if (at < 0) continue;
      out.set(child.id, free[at]!.id);
      free.splice(0, at + 1);
    }
  }
  return out;
}

function taken(out: Map<string, string>, id: string): boolean {
  for (const value of out.values()) if (value === id) return true;
  return false;
}

/** The layers of two instances of one component, pair by pair while their trees agree. */
function matchInside(page: DesignNode, other: DesignNode, out: Map<string, string>): void {
  const a = page.children ?? [];
  const b = other.children ?? [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.kind !== y.kind || x.name !== y.name) continue;
    if (!out.has(y.id)) out.set(y.id, x.id);
    matchInside(x, y, out);
  }
}

/** The matched leaves under each container of `root` (ids, of `root`'s side). */
function leavesUnder(root: DesignNode, leafId: (node: DesignNode) => string | undefined): Map<DesignNode, Set<string>> {
  const out = new Map<DesignNode, Set<string>>();
  const walk = (node: DesignNode): Set<string> => {
    const mine = new Set<string>();
    const own = node.children?.length ? undefined : leafId(node);
    if (own !== undefined) mine.add(own);
    for (const child of node.children ?? []) {
      if (child.hidden) continue;
      for (const id of walk(child)) mine.add(id);
    }
    if (node.children?.length) out.set(node, mine);
    return mine;
  };
  walk(root);
  return out;
}

function matchContainers(page: DesignNode, other: DesignNode, out: Map<string, string>): void {
  const matchedPage = new Set(out.values());
  const pageSets = leavesUnder(page, (n) => (matchedPage.has(n.id) ? n.id : undefined));
  const otherSets = leavesUnder(other, (n) => out.get(n.id));
  const taken = new Set(out.values());
  const candidates: [score: number, other: DesignNode, page: DesignNode][] = [];
  for (const [node, set] of otherSets) {
    if (out.has(node.id) || set.size === 0) continue;
    for (const [twin, pageSet] of pageSets) {
      if (taken.has(twin.id) || pageSet.size === 0) continue;
      let common = 0;
      for (const id of set) if (pageSet.has(id)) common++;
      if (common / (set.size + pageSet.size - common) < 0.6) continue;
      // The closest pair first; a designer's own name agreeing breaks ties.
      const score = common / (set.size + pageSet.size - common) + (node.name && node.name === twin.name ? 0.01 : 0);
      candidates.push([score, node, twin]);
    }
  }
  candidates.sort((x, y) => y[0] - x[0]);
  for (const [, node, twin] of candidates) {
    if (out.has(node.id) || taken.has(twin.id)) continue;
    out.set(node.id, twin.id);
    taken.add(twin.id);
  }
}

/**
 * One id per layer of a page drawn several times (`drawings`, widest first): each layer's id in the first drawing
 * that has it. Layers of one cluster are one element of the page's DOM.
 */
export function layerClusters(drawings: readonly DesignNode[]): Map<string, string> {
  const cluster = new Map<string, string>();
  const all = (root: DesignNode): DesignNode[] => [root, ...layers(root)];
  for (const node of all(drawings[0]!)) cluster.set(node.id, node.id);
  for (let k = 1; k < drawings.length; k++) {
    const maps = drawings.slice(0, k).map((earlier) => matchLayers(earlier, drawings[k]!));
    for (const node of all(drawings[k]!)) {
      let id = node.id;
      for (const map of maps) {
        const twin = map.get(node.id);
        if (twin !== undefined && cluster.has(twin)) {
          id = cluster.get(twin)!;
          break;
        }
      }
      cluster.set(node.id, id);
    }
  }
  return cluster;
}
