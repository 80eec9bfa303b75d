/**
 * A reply fetched with a depth limit (`GET /v1/files/:key?depth=N`, `/nodes?…&depth=N`): Figma stops N levels below
 * the reply's top and sends the containers there without their layers. Nothing in the reply says so; the shape does.
 * The deepest level of a whole design holds its leaves (texts, shapes, vectors) and hardly ever a container without
 * layers (none of the real designers' files here has one), while a cut leaves the groups, frames and instances of that
 * level empty — and a group cannot be empty in Figma (it goes with its last layer). So: a reply whose deepest level
 * holds an empty group, or several empty containers, was cut there. The code then lacks what they held (a footer, a
 * menu, a button's background), which is said; and analyze does not judge a text's contrast over one of them, whose
 * paint is not in the reply (textsOverEmptied).
 */
import { isRecord, type RestNode } from "./reply.js";
import { finite } from "./values.js";

/** Layers that hold layers: at a cut, each came without its own. */
const CONTAINERS = new Set([
  "FRAME",
  "GROUP",
  "COMPONENT",
  "COMPONENT_SET",
  "INSTANCE",
  "SECTION",
  "BOOLEAN_OPERATION",
]);
/** Never empty in Figma: made of their layers, they go with the last one. */
const NEVER_EMPTY = new Set(["GROUP", "BOOLEAN_OPERATION"]);
/** Empty frames, components or instances at the deepest level that make a cut (fewer: placeholders, spacers). */
const MIN_EMPTIED = 3;
/** The note names this many of the emptied layers. */
const NAMED = 3;

export interface DepthLimit {
  /**
   * The `depth` of the request that gives this reply: how many levels below its top (a file's document, a nodes
   * reply's node, an exported layer) it stops.
   */
  depth: number;
  /** The containers at that depth that came without their layers, in paint order. */
  emptied: RestNode[];
}

/** The nodes a reply's depth counts from: a file's document, each node of a nodes reply, or the node it is. */
function tops(json: unknown): unknown[] {
  if (!isRecord(json)) return [];
  if (isRecord(json["nodes"]))
    return Object.values(json["nodes"]).map((entry) => (isRecord(entry) ? entry["document"] : undefined));
  return [json["document"] !== undefined ? json["document"] : json];
}

const isNode = (value: unknown): value is RestNode =>
  isRecord(value) && typeof value["id"] === "string" && typeof value["type"] === "string";

const isEmptyContainer = (node: RestNode): boolean =>
  CONTAINERS.has(node.type) && (!Array.isArray(node.children) || node.children.length === 0);

/** The depth a reply was cut at, with the containers it emptied; undefined for a whole design. */
export function depthLimitOf(json: unknown): DepthLimit | undefined {
  let deepest = 0;
  let atDeepest: RestNode[] = [];
  const visit = (node: RestNode, level: number): void => {
    if (level > deepest) [deepest, atDeepest] = [level, []];
    if (level === deepest && isEmptyContainer(node)) atDeepest.push(node);
    if (Array.isArray(node.children)) for (const child of node.children) if (isNode(child)) visit(child, level + 1);
  };
  for (const top of tops(json)) if (isNode(top)) visit(top, 0);
  // A reply of the pages alone (depth 1) is no design to judge: the code says it has no frames.
  if (deepest < 2) return undefined;
  const cut = atDeepest.some((node) => NEVER_EMPTY.has(node.type)) || atDeepest.length >= MIN_EMPTIED;
  return cut ? { depth: deepest, emptied: atDeepest } : undefined;
}

/** The emptied layers' kinds, singular and plural, as the note counts them. */
const KIND_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  GROUP: ["group", "groups"],
  BOOLEAN_OPERATION: ["boolean group", "boolean groups"],
  FRAME: ["frame", "frames"],
  SECTION: ["section", "sections"],
  COMPONENT: ["component", "components"],
  COMPONENT_SET: ["component set", "component sets"],
  INSTANCE: ["instance", "instances"],
};

/** "269 groups and frames", "1 instance": the count, and the kinds most frequent first. */
function counted(emptied: readonly RestNode[]): string {
  const counts = new Map<string, number>();
  for (const node of emptied) counts.set(node.type, (counts.get(node.type) ?? 0) + 1);
  const types = [...counts].sort((a, b) => b[1] - a[1]).map(([type]) => type);
  const one = emptied.length === 1;
  const words = types.map((type) => KIND_WORDS[type]?.[one ? 0 : 1] ?? type.toLowerCase());
  const list = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
  return `${emptied.length.toLocaleString("en-US")} ${list}`;
}

/** A layer's name as the note quotes it, cut short. */
function quoted(node: RestNode): string {
  const name = typeof node.name === "string" && node.name.trim() !== "" ? node.name.trim() : node.id;
  return `“${name.length > 30 ? `${name.slice(0, 29)}…` : name}”`;
}

/**
 * The sentence that says it: "the design looks fetched with a depth limit (depth=4): 269 groups and frames 4 levels
 * down came without their layers (“Footer”, “Menu”, “Hero”, …), so the code lacks what they hold; fetch the file again
 * without `depth`". With `roots`, only the layers inside them count (the frames converted); undefined when none of
 * them is there.
 */
export function depthLimitNote(limit: DepthLimit, roots?: readonly RestNode[]): string | undefined {
  const all = roots ? emptiedWithin(limit, roots) : limit.emptied;
  // What a hidden layer held is not drawn either: the shown ones are said, if any.
  const shown = all.filter((node) => node["visible"] !== false);
  const emptied = shown.length > 0 ? shown : all;
  if (emptied.length === 0) return undefined;
  // The largest first: a footer or a hero says more than an icon's frame.
  const area = (node: RestNode): number => {
    const box = boxOf(node);
    return box ? box.width * box.height : 0;
  };
  const largest = [...new Set([...emptied].sort((a, b) => area(b) - area(a)).map(quoted))];
  const names = `${largest.slice(0, NAMED).join(", ")}${largest.length > NAMED ? ", …" : ""}`;
  return (
    `the design looks fetched with a depth limit (depth=${limit.depth}): ${counted(emptied)} ${limit.depth} levels ` +
    `down came without their layers (${names}), ` +
    `so the code lacks what ${emptied.length === 1 ? "it holds" : "they hold"}; ` +
    "fetch the file again without `depth`"
  );
}

/** The emptied layers inside `roots`, in paint order. */
function emptiedWithin(limit: DepthLimit, roots: readonly RestNode[]): RestNode[] {
  // By id: readRestReply's nodes are copies of the reply's.
  const emptied = new Map(limit.emptied.map((node) => [node.id, node]));
  const out: RestNode[] = [];
  const visit = (node: RestNode): void => {
    const cut = emptied.get(node.id);
    if (cut) out.push(cut);
    if (Array.isArray(node.children)) for (const child of node.children) if (isNode(child)) visit(child);
  };
  for (const root of roots) visit(root);
  return out;
}

/** A node's box on the canvas, if it has one. */
function boxOf(node: RestNode): { x: number; y: number; width: number; height: number } | undefined {
  const box = node["absoluteBoundingBox"];
  if (!isRecord(box)) return undefined;
  const [x, y, width, height] = [finite(box["x"]), finite(box["y"]), finite(box["width"]), finite(box["height"])];
  return x === undefined || y === undefined || width === undefined || height === undefined
    ? undefined
    : { x, y, width, height };
}

/**
 * The texts painted over a layer the cut emptied (one earlier in paint order whose box meets the text's): what lies
 * behind them is not in the reply, so their contrast cannot be judged.
 */
export function textsOverEmptied(json: unknown, limit: DepthLimit): Set<string> {
  const emptied = new Set(limit.emptied);
  const out = new Set<string>();
  const visit = (node: RestNode, below: RestNode[]): void => {
    if (node["visible"] === false) return;
    if (emptied.has(node)) below.push(node);
    const box = boxOf(node);
    if (node.type === "TEXT" && box) {
      const meets = (other: RestNode): boolean => {
        const b = boxOf(other);
        return (
          b !== undefined &&
          b.x < box.x + box.width &&
          box.x < b.x + b.width &&
          b.y < box.y + box.height &&
          box.y < b.y + b.height
        );
      };
      if (below.some(meets)) out.add(node.id);
    }
    if (Array.isArray(node.children)) for (const child of node.children) if (isNode(child)) visit(child, below);
  };
  // Paint order is the tree's order, each top-level frame apart.
  for (const top of tops(json)) if (isNode(top)) for (const frame of framesOf(top)) visit(frame, []);
  return out;
}

/** A top's frames, each painted apart: a document's pages' layers, a page's, or the node itself. */
function framesOf(top: RestNode): RestNode[] {
  const children = (node: RestNode): RestNode[] => (Array.isArray(node.children) ? node.children.filter(isNode) : []);
  if (top.type === "DOCUMENT")
    return children(top).flatMap((page) => (page.type === "CANVAS" ? children(page) : [page]));
  return top.type === "CANVAS" ? children(top) : [top];
}
