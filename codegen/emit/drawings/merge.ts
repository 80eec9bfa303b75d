/**
 * One markup tree from a page's drawings (issue 70). Each drawing (a frame at its width) is built as a page of its
 * own; the trees are then laid over each other, widest first: an element of one layer (one cluster of matched layers,
 * design/layer-match.ts) is one element, present at the widths of the drawings that have it. Children are aligned in
 * order (the longest common order); a wrapper that only one drawing has (a row on desktop around layers the phone
 * stacks) stays in the tree and is `display: contents` at the other widths, so its layers are its parent's items
 * there. What cannot be one element — a layer drawn in another order, a text that reads differently — is written once
 * per drawing that has it and shown at that drawing's widths only; those are counted.
 */
import type { VNode } from "../vnode.js";

/** Where a merged node is at one drawing: that drawing's node, or a wrapper the drawing does not draw. */
export type Slot = { node: VNode; order?: number } | "contents";

export interface MergedNode {
  /** The node as the widest drawing that has it built it (tag, attributes, text). */
  node: VNode;
  /** By drawing (widest first): its node there, "contents", or undefined where the drawing does not have it. */
  at: (Slot | undefined)[];
  children: MergedNode[];
}

export interface Merged {
  root: MergedNode;
  /** Layers drawn in more than one frame written as more than one element (each shown at its drawing's widths). */
  perDrawing: number;
}

/** A child's identity across drawings: its layer's cluster, its text; undefined for a wrapper known by its layers. */
function keyOf(node: VNode, cluster: (id: string) => string | undefined): string | undefined {
  switch (node.type) {
    case "text":
      return `text:${node.value}`;
    case "prop":
      return `prop:${node.name}`;
    case "use": {
      const id = typeof node.nodeId === "string" ? cluster(node.nodeId) : undefined;
      return `use:${node.component}:${id ?? ""}`;
    }
    case "element": {
      const id = typeof node.nodeId === "string" ? cluster(node.nodeId) : undefined;
      return id === undefined ? undefined : `id:${id}`;
    }
    default:
      return `other:${JSON.stringify(node)}`;
  }
}

/** The words a subtree reads: an unnamed span of a text is known by them. */
function textOf(node: VNode): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

/** Whether `part` (in `list`'s order) is a run of consecutive members of `list`. */
function contiguous<T>(list: readonly T[], part: readonly T[]): boolean {
  const start = list.indexOf(part[0]!);
  return part.every((item, i) => list[start + i] === item);
}

/** The merged tree's bookkeeping: what each node holds, which layers each drawing draws, undoing a failed merge. */
class Layers {
  /** Undo steps of the changes made to merged nodes: a merge that fails halfway leaves nothing changed. */
  protected readonly undo: (() => void)[] = [];
  protected readonly idSets = new WeakMap<VNode, Set<string>>();

  /** By drawing: the keys of the layers its tree draws. */
  protected readonly present: Set<string>[];

  constructor(
    trees: readonly VNode[],
    protected readonly cluster: (id: string) => string | undefined,
    /** Whether drawing k lays a node's children out as flex or grid items (their `order` places them). */
    protected readonly flexAt: (node: VNode, k: number) => boolean = () => false,
  ) {
    this.count = trees.length;
    const seen = new Map<string, number>();
    this.present = trees.map((tree) => {
      const keys = new Set<string>();
      const clusters = new Set<string>();
      const walk = (node: VNode): void => {
        const key = keyOf(node, cluster);
        if (key !== undefined) keys.add(key);
        if ((node.type === "element" || node.type === "use") && typeof node.nodeId === "string") {
          const id = cluster(node.nodeId);
          if (id !== undefined) clusters.add(id);
        }
        if (node.type === "element") for (const child of node.children) walk(child);
      };
      walk(tree);
      for (const id of clusters) seen.set(id, (seen.get(id) ?? 0) + 1);
      return keys;
    });
    for (const [id, count] of seen) if (count > 1) this.shared.add(id);
  }

  /** The layers more than one drawing draws: what tells a wrapper of one drawing from another's. */
  protected readonly shared = new Set<string>();

  protected readonly count: number;

  /** The clusters of the layers in a subtree. */
  protected ids(node: VNode): Set<string> {
    const known = this.idSets.get(node);
    if (known) return known;
    const out = new Set<string>();
    const add = (n: VNode): void => {
      if ((n.type === "element" || n.type === "use") && typeof n.nodeId === "string") {
        const id = this.cluster(n.nodeId);
        if (id !== undefined && this.shared.has(id)) out.add(id);
      }
      if (n.type === "element") for (const child of n.children) add(child);
    };
    add(node);
    this.idSets.set(node, out);
    return out;
  }

  /** Merged nodes' layers: made anew for each drawing laid over (the one before changed them). */
  protected mergedSets = new WeakMap<MergedNode, Set<string>>();

  /** A new drawing is laid over next: what the merged nodes hold is read again. */
  nextDrawing(): void {
    this.mergedSets = new WeakMap();
  }

  protected mergedIds(node: MergedNode): Set<string> {
    const known = this.mergedSets.get(node);
    if (known) return known;
    const out = new Set<string>();
    const add = (n: MergedNode): void => {
      for (const slot of n.at) if (slot && slot !== "contents") for (const id of this.ids(slot.node)) out.add(id);
      for (const child of n.children) add(child);
    };
    add(node);
    this.mergedSets.set(node, out);
    return out;
  }

  /** A tree of one drawing, as merged nodes present at drawing `k` only. */
  only(node: VNode, k: number): MergedNode {
    const at: (Slot | undefined)[] = new Array(this.count).fill(undefined);
    at[k] = { node };
    return { node, at, children: node.type === "element" ? node.children.map((c) => this.only(c, k)) : [] };
  }

  protected same(m: MergedNode, y: VNode, k: number): boolean {
    const a = keyOf(m.node, this.cluster);
    const b = keyOf(y, this.cluster);
    if (a === b && a !== undefined) return true;
    // Two layers matched to nothing on the other side (a desktop block and a phone block, instances of different
    // components) are one element when they hold the same layers; otherwise keys decide.
    if ((a !== undefined || b !== undefined) && !(this.freeAt(m, k) && this.freeBefore(y, k))) return false;
    if (m.node.type !== "element" || y.type !== "element") return false;
    const x = this.mergedIds(m);
    const z = this.ids(y);
    if (x.size === 0 && z.size === 0) return m.node.tag === y.tag && textOf(m.node) === textOf(y);
    let common = 0;
    for (const id of z) if (x.has(id)) common++;
    return common * 2 >= x.size + z.size - common && common > 0;
  }

  protected setSlot(m: MergedNode, k: number, slot: Slot): void {
    const before = m.at[k];
    m.at[k] = slot;
    this.undo.push(() => {
      m.at[k] = before;
    });
  }

  protected setChildren(m: MergedNode, children: MergedNode[]): void {
    const before = m.children;
    m.children = children;
    this.undo.push(() => {
      m.children = before;
    });
  }

  /** Whether a merged node is one drawing k does not draw anywhere: it can be a wrapper there (display: contents). */
  protected freeAt(m: MergedNode, k: number): boolean {
    if (m.node.type !== "element") return false;
    const key = keyOf(m.node, this.cluster);
    return key === undefined || !this.present[k]!.has(key);
  }

  /** Whether drawing k's node is one no drawing before it draws. */
  protected freeBefore(y: VNode, k: number): boolean {
    if (y.type !== "element") return false;
    const key = keyOf(y, this.cluster);
    return key === undefined || !this.present.slice(0, k).some((set) => set.has(key));
  }

  protected covers(outer: Set<string>, inner: Set<string>): boolean {
    if (inner.size === 0) return false;
    for (const id of inner) if (!outer.has(id)) return false;
    return true;
  }
}

/** Each drawing's tree laid over the merged tree (Layers), child lists aligned. */
class Merger extends Layers {
  /** `y` (drawing k) laid over `m`, which it matches. False (nothing changed) when their contents cannot be one. */
  merge(m: MergedNode, y: VNode, k: number): boolean {
    if (m.node.type !== y.type) return false;
    if (y.type !== "element" || m.node.type !== "element") {
      // Texts and component uses have no children to align: the same key is the same node.
      this.setSlot(m, k, { node: y });
      return true;
    }
    const mark = this.undo.length;
    const children =
      (this.flexAt(y, k) && this.reordered(m.children, y.children, k)) || this.align(m.children, y.children, k);
    if (!children) {
      while (this.undo.length > mark) this.undo.pop()!();
      return false;
    }
    this.setChildren(m, children);
    this.setSlot(m, k, { node: y });
    return true;
  }

  /**
   * `ys` (drawing k's children of a node) laid over `ms` (the merged children of its match): matched in their longest
   * common order, the rest kept in order on both sides. Undefined when a text of either side has no match (a text
   * cannot be hidden at some widths).
   */
  protected align(ms: MergedNode[], ys: VNode[], k: number): MergedNode[] | undefined {
    const n = ms.length;
    const p = ys.length;
    // The longest common subsequence by `same`.
    const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(p + 1).fill(0));
    for (let i = n - 1; i >= 0; i--)
      for (let j = p - 1; j >= 0; j--)
        table[i]![j] = this.same(ms[i]!, ys[j]!, k)
          ? table[i + 1]![j + 1]! + 1
          : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    const out: MergedNode[] = [];
    let i = 0;
    let j = 0;
    let restM: MergedNode[] = [];
    let restY: VNode[] = [];
    const flush = (): boolean => {
      const gap = this.gap(restM, restY, k);
      if (!gap) return false;
      out.push(...gap);
      restM = [];
      restY = [];
      return true;
    };
    while (i < n || j < p) {
      if (i < n && j < p && this.same(ms[i]!, ys[j]!, k) && table[i]![j] === table[i + 1]![j + 1]! + 1) {
        const m = ms[i]!;
        if (this.merge(m, ys[j]!, k)) {
          if (!flush()) return undefined;
          out.push(m);
        } else {
          restM.push(m);
          restY.push(ys[j]!);
        }
        i++;
        j++;
      } else if (j >= p || (i < n && table[i + 1]![j]! >= table[i]![j + 1]!)) restM.push(ms[i++]!);
      else restY.push(ys[j++]!);
    }
    return flush() ? out : undefined;
  }

  /**
   * Drawing k's children of a flex or grid container that draws the same layers in another order (a picture above
   * its text on the phone, beside it after the text on desktop): each one element, placed at drawing k by `order`.
   * Undefined when the orders agree (the common order does it) or a child cannot be one element.
   */
  protected reordered(ms: MergedNode[], ys: VNode[], k: number): MergedNode[] | undefined {
    const pairs = new Map<VNode, MergedNode>();
    const taken = new Set<MergedNode>();
    for (const y of ys) {
      const key = keyOf(y, this.cluster);
      if (key === undefined || key.startsWith("text:")) continue;
      const m = ms.find((x) => !taken.has(x) && keyOf(x.node, this.cluster) === key);
      if (!m) continue;
      pairs.set(y, m);
      taken.add(m);
    }
    // Only where the matched layers cross: otherwise the longest common order keeps them in place.
    const places = ys.filter((y) => pairs.has(y)).map((y) => ms.indexOf(pairs.get(y)!));
    if (places.every((at, i) => i === 0 || at > places[i - 1]!)) return undefined;
    if (ys.some((y) => (y.type === "text" || y.type === "prop") && !pairs.has(y))) return undefined;
    if (ms.some((m) => (m.node.type === "text" || m.node.type === "prop") && !taken.has(m))) return undefined;
    const mark = this.undo.length;
    for (const [y, m] of pairs)
      if (!this.merge(m, y, k)) {
        while (this.undo.length > mark) this.undo.pop()!();
        return undefined;
      }
    const added = ys.filter((y) => !pairs.has(y)).map((y) => this.only(y, k));
    const out = [...ms, ...added];
    // Drawing k's own order, said on each of its children.
    for (const [index, y] of ys.entries()) {
      const node = pairs.get(y) ?? added.find((a) => a.at[k] !== undefined && (a.at[k] as { node: VNode }).node === y)!;
      this.setSlot(node, k, { node: y, order: index });
    }
    return out;
  }

  /**
   * Children between two matched ones: a wrapper of one side that holds the other side's layers there is one element
   * (`display: contents` where it is not drawn); what is left is written per drawing.
   */
  protected gap(ms: MergedNode[], ys: VNode[], k: number): MergedNode[] | undefined {
    if (ms.length === 0 && ys.length === 0) return [];
    const mark = this.undo.length;
    const out = this.wrapped(ms, ys, k);
    if (out) return out;
    while (this.undo.length > mark) this.undo.pop()!();
    return this.withNew(ms, ys, k);
  }

  /**
   * The gap as wrappers: a merged wrapper drawing k does not draw around a run of drawing k's layers (it is
   * `display: contents` there), a wrapper of drawing k's around a run of merged layers (contents at the widths before).
   * Undefined when the runs cross.
   */
  protected wrapped(ms: MergedNode[], ys: VNode[], k: number): MergedNode[] | undefined {
    const tied = new Map<MergedNode, VNode[]>();
    const used = new Set<VNode>();
    for (const m of ms) {
      if (!this.freeAt(m, k)) continue;
      const mIds = this.mergedIds(m);
      const run = ys.filter((y) => !used.has(y) && this.covers(mIds, this.ids(y)));
      if (run.length === 0 || !contiguous(ys, run)) continue;
      const mark = this.undo.length;
      const inner = this.align(m.children, run, k);
      if (!inner) {
        while (this.undo.length > mark) this.undo.pop()!();
        continue;
      }
      this.setChildren(m, inner);
      this.setSlot(m, k, "contents");
      tied.set(m, run);
      for (const y of run) used.add(y);
    }
    let seq = ms;
    for (const y of ys) {
      if (used.has(y) || y.type !== "element" || !this.freeBefore(y, k)) continue;
      const own = this.ids(y);
      const inside = seq.filter((m) => !tied.has(m) && this.covers(own, this.mergedIds(m)));
      if (inside.length === 0 || !contiguous(seq, inside)) continue;
      const wrapper: MergedNode = { node: y, at: new Array(this.count).fill(undefined), children: [] };
      for (let j = 0; j < k; j++) if (inside.some((m) => m.at[j] !== undefined)) wrapper.at[j] = "contents";
      const mark = this.undo.length;
      const inner = this.align(inside, y.children, k);
      if (!inner) {
        while (this.undo.length > mark) this.undo.pop()!();
        continue;
      }
      wrapper.children = inner;
      wrapper.at[k] = { node: y };
      const at = seq.indexOf(inside[0]!);
      seq = [...seq.slice(0, at), wrapper, ...seq.slice(at + inside.length)];
      tied.set(wrapper, [y]);
      used.add(y);
    }
    if (tied.size === 0) return undefined;
    // Drawing k's order: each tied run after the one before it.
    let last = -1;
    for (const m of seq) {
      const run = tied.get(m);
      if (!run) continue;
      const first = ys.indexOf(run[0]!);
      if (first <= last) return undefined;
      last = ys.indexOf(run[run.length - 1]!);
    }
    const free = ys.filter((y) => !used.has(y));
    if (free.some((y) => y.type === "text" || y.type === "prop")) return undefined;
    const out: MergedNode[] = [];
    let next = 0;
    for (const m of seq) {
      const run = tied.get(m);
      if (run) {
        const first = ys.indexOf(run[0]!);
        for (; next < first; next++) if (!used.has(ys[next]!)) out.push(this.only(ys[next]!, k));
        next = ys.indexOf(run[run.length - 1]!) + 1;
      } else if ((m.node.type === "text" || m.node.type === "prop") && m.at.some((slot, j) => j < k && slot))
        return undefined;
      out.push(m);
    }
    for (; next < ys.length; next++) if (!used.has(ys[next]!)) out.push(this.only(ys[next]!, k));
    return out;
  }

  /** Merged children absent at drawing k, then drawing k's own: each written for the drawings that have it. */
  protected withNew(ms: MergedNode[], ys: VNode[], k: number): MergedNode[] | undefined {
    if (ys.some((y) => y.type === "text" || y.type === "prop")) return undefined;
    if (ms.some((m) => (m.node.type === "text" || m.node.type === "prop") && m.at.some((slot, j) => j < k && slot)))
      return undefined;
    return [...ms, ...ys.map((y) => this.only(y, k))];
  }
}

/**
 * The drawings' trees (widest first) as one. `cluster`: a layer id → its cluster (design/layer-match.ts). A drawing
 * whose root cannot be laid over the page's is written whole for its widths (counted).
 */
export function mergeTrees(
  trees: readonly VNode[],
  cluster: (id: string) => string | undefined,
  flexAt?: (node: VNode, k: number) => boolean,
): Merged {
  const merger = new Merger(trees, cluster, flexAt);
  const root = merger.only(trees[0]!, 0);
  const extra: MergedNode[] = [];
  for (let k = 1; k < trees.length; k++) {
    merger.nextDrawing();
    if (!merger.merge(root, trees[k]!, k)) {
      extra.push(merger.only(trees[k]!, k));
    }
  }
  const perDrawing = writtenApart(extra.length > 0 ? [root, ...extra] : [root], cluster);
  if (extra.length > 0) {
    // A drawing not laid over the page: its whole tree beside the page's, in a wrapper that is nothing of its own.
    const holder: VNode = { type: "element", tag: "div", attrs: [], children: [] };
    const at: (Slot | undefined)[] = trees.map(() => "contents" as const);
    return { root: { node: holder, at, children: [root, ...extra] }, perDrawing };
  }
  return { root, perDrawing };
}

/**
 * The layers drawn in more than one frame that are more than one element of the page: each drawing's element shown at
 * its widths (a section drawn in another order, in other groups, with other content).
 */
function writtenApart(roots: readonly MergedNode[], cluster: (id: string) => string | undefined): number {
  const elements = new Map<string, Set<MergedNode>>();
  const drawings = new Map<string, Set<number>>();
  const walk = (node: MergedNode): void => {
    node.at.forEach((slot, k) => {
      if (!slot || slot === "contents") return;
      const n = slot.node;
      if ((n.type !== "element" && n.type !== "use") || typeof n.nodeId !== "string") return;
      const id = cluster(n.nodeId);
      if (id === undefined) return;
      let set = elements.get(id);
      if (!set) elements.set(id, (set = new Set()));
      set.add(node);
      let ks = drawings.get(id);
      if (!ks) drawings.set(id, (ks = new Set()));
      ks.add(k);
    });
    for (const child of node.children) walk(child);
  };
  for (const root of roots) walk(root);
  let count = 0;
  for (const [id, set] of elements) if (set.size > 1 && drawings.get(id)!.size > 1) count++;
  return count;
}
