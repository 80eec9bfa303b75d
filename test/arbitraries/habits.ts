/**
 * What designers who draw without auto layout do to a frame, as edits of its Figma REST JSON (issue 49 item 5):
 * reorder siblings (paint order changes), group by eye (a layer and the siblings touching it into a GROUP, placed where
 * Figma places it) and ungroup, move a layer over a neighbour, bleed a shape or picture off the frame's top, left or
 * right edge (or stretch it wider than the frame), draw a line (a 0-high LINE) across the frame between sections,
 * rotate a layer (90°, 180°, 270° or a few degrees, about its centre), and mask a group with a shape at its start
 * (`isMask`). Each edit keeps the JSON valid REST: boxes moved with what they hold, groups refitted to their children
 * (rest-boxes.ts settle), rotation written as Figma writes it.
 *
 * As in mutate.ts, the arbitrary yields a short list of edits (it shrinks well and prints small); each picks its target
 * by index among the places it applies to, counted after the previous edits, and does nothing where none is.
 */
import fc from "fast-check";
import {
  boxOf,
  childrenOf,
  gap,
  overlaps,
  rotatedBounds,
  rotationOf,
  setBox,
  settle,
  translate,
  union,
  type Raw,
  type RestBox,
} from "./rest-boxes.js";

export type Habit =
  /** Child `from` of a container drawn at `to` instead (modulo its children). */
  | { kind: "reorder"; container: number; from: number; to: number }
  /** A layer and up to `reach` + 1 siblings touching it (within 32 px), grouped. */
  | { kind: "group"; layer: number; reach: number }
  /** A group's layers put back in its parent, in its place. */
  | { kind: "ungroup"; group: number }
  /** A layer moved over one of its three nearest siblings, `amount` quarters of the way between their centres. */
  | { kind: "overlap"; layer: number; neighbour: number; amount: number }
  /** A shape or picture moved `px` past an edge of the frame (at most 80 % of it), or stretched past both sides. */
  | { kind: "bleed"; layer: number; edge: "top" | "left" | "right" | "wide"; px: number }
  /** A LINE across the frame at one of its children's top or bottom edges, as wide as the frame or wider. */
  | { kind: "line"; at: number; index: number; wide: boolean; weight: number }
  /** A leaf layer rotated about its centre, in degrees counter-clockwise (Figma's sense). */
  | { kind: "rotate"; layer: number; degrees: number }
  /**
   * A group masked by a shape at its start: a new ellipse or rectangle inset `inset` % from the group's box, or its
   * bottom layer made the mask; a layer that is not a group is grouped with its neighbours first (a "Mask group").
   */
  | { kind: "mask"; layer: number; shape: "ellipse" | "rectangle" | "bottom"; inset: number };

export type HabitKind = Habit["kind"];

const index = fc.nat({ max: 1_000 });

export const habit: fc.Arbitrary<Habit> = fc.oneof(
  fc.record({ kind: fc.constant("reorder" as const), container: index, from: index, to: index }),
  fc.record({ kind: fc.constant("group" as const), layer: index, reach: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant("ungroup" as const), group: index }),
  fc.record({
    kind: fc.constant("overlap" as const),
    layer: index,
    neighbour: fc.nat({ max: 2 }),
    amount: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant("bleed" as const),
    layer: index,
    edge: fc.constantFrom("top" as const, "left" as const, "right" as const, "wide" as const),
    px: fc.integer({ min: 1, max: 240 }),
  }),
  fc.record({
    kind: fc.constant("line" as const),
    at: index,
    index,
    wide: fc.boolean(),
    weight: fc.constantFrom(1, 2),
  }),
  fc.record({
    kind: fc.constant("rotate" as const),
    layer: index,
    degrees: fc.oneof(
      fc.constantFrom(90, 180, 270),
      fc.integer({ min: -15, max: 15 }).filter((d) => d !== 0),
    ),
  }),
  fc.record({
    kind: fc.constant("mask" as const),
    layer: index,
    shape: fc.constantFrom("ellipse" as const, "rectangle" as const, "bottom" as const),
    inset: fc.nat({ max: 30 }),
  }),
);

/** Up to six edits; none (the frame as drawn) is where a failure that needs no edit shrinks to. */
export const habits: fc.Arbitrary<Habit[]> = fc.array(habit, { maxLength: 6 });

/** A node in the frame with where it hangs. */
interface Spot {
  node: Raw;
  parent: Raw;
  /** Its ancestors, the frame first. */
  ancestors: Raw[];
}

const AUTO = new Set(["HORIZONTAL", "VERTICAL", "GRID"]);
const isAuto = (node: Raw): boolean => AUTO.has(String(node["layoutMode"]));
const SHAPES = new Set(["RECTANGLE", "ELLIPSE", "VECTOR", "STAR", "POLYGON", "REGULAR_POLYGON"]);
const LEAVES = new Set([...SHAPES, "TEXT", "LINE"]);
/** Containers a designer edits freely: frames drawn by hand and groups (not instances, not booleans' operands). */
const EDITABLE = new Set(["FRAME", "GROUP", "COMPONENT"]);

const hasImage = (node: Raw): boolean =>
  Array.isArray(node["fills"]) && (node["fills"] as Raw[]).some((f) => f["type"] === "IMAGE" && f["visible"] !== false);

/** Every layer under the frame, in paint order, that a hand edit may touch (nothing inside instances or booleans). */
function spots(frame: Raw): Spot[] {
  const out: Spot[] = [];
  const walk = (parent: Raw, ancestors: Raw[]): void => {
    for (const node of childrenOf(parent)) {
      out.push({ node, parent, ancestors });
      if (EDITABLE.has(String(node["type"]))) walk(node, [...ancestors, node]);
    }
  };
  walk(frame, [frame]);
  return out;
}

/** Placed by hand in its parent (not a flow child of auto layout), with a box. */
const placedByHand = (s: Spot): boolean =>
  (!isAuto(s.parent) || s.node["layoutPositioning"] === "ABSOLUTE") && boxOf(s.node) !== undefined;

/** Containers whose children are placed by hand: the frame and its editable frames and groups. */
function containers(frame: Raw): Raw[] {
  return [frame, ...spots(frame).map((s) => s.node)].filter(
    (n) => EDITABLE.has(String(n["type"])) && !isAuto(n) && childrenOf(n).length >= 2,
  );
}

/** What an edit needs of the frame: fresh ids for the layers it adds, the nodes it moved. */
export interface EditContext {
  frame: Raw;
  next: () => string;
  touched: Set<Raw>;
}

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length > 0 ? list[i % list.length] : undefined);

function reorder(c: EditContext, h: Extract<Habit, { kind: "reorder" }>): void {
  const parent = pick(containers(c.frame), h.container);
  if (!parent) return;
  const children = childrenOf(parent);
  const from = h.from % children.length;
  const to = h.to % children.length;
  const [moved] = children.splice(from, 1);
  children.splice(to, 0, moved!);
}

/** The siblings a designer would select with `node` by eye: those within 32 px, nearest first. */
function neighbours(node: Raw, parent: Raw, within = 32): Raw[] {
  const box = boxOf(node)!;
  return childrenOf(parent)
    .filter((n) => n !== node && boxOf(n) !== undefined && gap(box, boxOf(n)!) <= within)
    .sort((a, b) => gap(box, boxOf(a)!) - gap(box, boxOf(b)!));
}

/** A GROUP of `members` (siblings in `parent`), where Figma puts it: at the topmost member's place. */
function groupOf(c: EditContext, parent: Raw, members: Raw[], name: string): Raw {
  const children = childrenOf(parent);
  const ordered = children.filter((n) => members.includes(n));
  const top = Math.max(...ordered.map((n) => children.indexOf(n)));
  const box = union(ordered.map((n) => boxOf(n)!));
  const group: Raw = {
    id: c.next(),
    name,
    type: "GROUP",
    blendMode: "PASS_THROUGH",
    children: ordered,
    absoluteBoundingBox: box,
    constraints: { vertical: "TOP", horizontal: "LEFT" },
    clipsContent: false,
    background: [],
    fills: [],
    strokes: [],
    effects: [],
  };
  const sample = ordered[0]!;
  if (sample["absoluteRenderBounds"] !== undefined) group["absoluteRenderBounds"] = { ...box };
  if (sample["relativeTransform"] !== undefined) {
    group["relativeTransform"] = [
      [1, 0, 0],
      [0, 1, 0],
    ];
    group["size"] = { x: box.width, y: box.height };
  }
  const at = top - (ordered.length - 1);
  parent["children"] = children.filter((n) => !members.includes(n));
  (parent["children"] as Raw[]).splice(at, 0, group);
  c.touched.add(group);
  return group;
}

function group(c: EditContext, h: Extract<Habit, { kind: "group" }>): void {
  const spot = pick(
    spots(c.frame).filter((s) => placedByHand(s) && EDITABLE.has(String(s.parent["type"])) && !isAuto(s.parent)),
    h.layer,
  );
  if (!spot) return;
  const near = neighbours(spot.node, spot.parent).slice(0, h.reach + 1);
  if (near.length === 0) return;
  groupOf(c, spot.parent, [spot.node, ...near], "Group");
}

function ungroup(c: EditContext, h: Extract<Habit, { kind: "ungroup" }>): void {
  const plain = (n: Raw): boolean =>
    n["type"] === "GROUP" &&
    childrenOf(n).length > 0 &&
    !childrenOf(n).some((k) => k["isMask"] === true) &&
    (n["opacity"] === undefined || n["opacity"] === 1) &&
    !(Array.isArray(n["effects"]) && (n["effects"] as Raw[]).some((e) => e["visible"] !== false)) &&
    (n["blendMode"] === undefined || n["blendMode"] === "PASS_THROUGH") &&
    n["visible"] !== false &&
    Math.abs(rotationOf(n)) < 1e-3;
  const spot = pick(
    spots(c.frame).filter((s) => plain(s.node) && !isAuto(s.parent)),
    h.group,
  );
  if (!spot) return;
  const siblings = childrenOf(spot.parent);
  siblings.splice(siblings.indexOf(spot.node), 1, ...childrenOf(spot.node));
}

/** Whether a box has an area a designer can grab. */
const grabbable = (s: Spot): boolean => {
  const b = boxOf(s.node);
  return b !== undefined && b.width >= 1 && b.height >= 1;
};

function overlap(c: EditContext, h: Extract<Habit, { kind: "overlap" }>): void {
  const spot = pick(
    spots(c.frame).filter((s) => placedByHand(s) && grabbable(s) && childrenOf(s.parent).length >= 2),
    h.layer,
  );
  if (!spot) return;
  const box = boxOf(spot.node)!;
  const near = neighbours(spot.node, spot.parent, Number.POSITIVE_INFINITY).filter((n) => {
    const b = boxOf(n)!;
    return b.width >= 1 && b.height >= 1;
  });
  const target = pick(near.slice(0, 3), h.neighbour);
  if (!target) return;
  const to = boxOf(target)!;
  const centre = (b: RestBox): { x: number; y: number } => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  const [a, b] = [centre(box), centre(to)];
  let f = h.amount / 4;
  const moved = (k: number): RestBox => ({
    ...box,
    x: box.x + Math.round((b.x - a.x) * k),
    y: box.y + Math.round((b.y - a.y) * k),
  });
  // Far apart, a quarter of the way does not reach: all the way does (the centres meet).
  if (!overlaps(moved(f), to)) f = 1;
  translate(spot.node, Math.round((b.x - a.x) * f), Math.round((b.y - a.y) * f), c.touched);
}

function bleed(c: EditContext, h: Extract<Habit, { kind: "bleed" }>): void {
  const frame = boxOf(c.frame)!;
  const spot = pick(
    spots(c.frame).filter(
      (s) =>
        placedByHand(s) &&
        grabbable(s) &&
        (SHAPES.has(String(s.node["type"])) || hasImage(s.node)) &&
        // Nothing between it and the frame clips it: it bleeds past the frame's edge, not a card's.
        s.ancestors.slice(1).every((a) => a["clipsContent"] !== true),
    ),
    h.layer,
  );
  if (!spot) return;
  const box = boxOf(spot.node)!;
  const past = (size: number): number => Math.max(1, Math.round(Math.min(h.px, size * 0.8)));
  const stretchable =
    childrenOf(spot.node).length === 0 && spot.node["type"] !== "VECTOR" && rotationOf(spot.node) === 0;
  if (h.edge === "wide" && stretchable) {
    const wide: RestBox = { x: frame.x - h.px, y: box.y, width: frame.width + 2 * h.px, height: box.height };
    setBox(spot.node, wide);
    if (spot.node["size"] !== undefined) spot.node["size"] = { x: wide.width, y: wide.height };
    c.touched.add(spot.node);
    return;
  }
  if (h.edge === "top") translate(spot.node, 0, frame.y - past(box.height) - box.y, c.touched);
  else if (h.edge === "right")
    translate(spot.node, frame.x + frame.width - box.width + past(box.width) - box.x, 0, c.touched);
  else translate(spot.node, frame.x - past(box.width) - box.x, 0, c.touched);
}

function line(c: EditContext, h: Extract<Habit, { kind: "line" }>): void {
  const frame = boxOf(c.frame)!;
  const children = childrenOf(c.frame);
  const edges = [
    ...new Set(
      children.flatMap((n) => {
        const b = boxOf(n);
        return b ? [Math.round(b.y), Math.round(b.y + b.height)] : [];
      }),
    ),
  ]
    .filter((y) => y > frame.y && y < frame.y + frame.height)
    .sort((a, b) => a - b);
  const y = pick(edges, h.at) ?? Math.round(frame.y + frame.height / 2);
  const extra = h.wide ? 40 : 0;
  const box: RestBox = { x: frame.x - extra, y, width: frame.width + 2 * extra, height: 0 };
  const node: Raw = {
    id: c.next(),
    name: "Line",
    type: "LINE",
    blendMode: "PASS_THROUGH",
    absoluteBoundingBox: box,
    constraints: { vertical: "TOP", horizontal: "LEFT" },
    fills: [],
    strokes: [{ blendMode: "NORMAL", type: "SOLID", color: { r: 0.85, g: 0.85, b: 0.85, a: 1 } }],
    strokeWeight: h.weight,
    strokeAlign: "CENTER",
    effects: [],
  };
  const sample = children[0];
  if (sample?.["absoluteRenderBounds"] !== undefined)
    node["absoluteRenderBounds"] = { ...box, y: y - h.weight / 2, height: h.weight };
  if (sample?.["relativeTransform"] !== undefined) {
    node["relativeTransform"] = [
      [1, 0, 0],
      [0, 1, 0],
    ];
    node["size"] = { x: box.width, y: 0 };
  }
  children.splice(h.index % (children.length + 1), 0, node);
  c.frame["children"] = children;
  c.touched.add(node);
}

function rotate(c: EditContext, h: Extract<Habit, { kind: "rotate" }>): void {
  const spot = pick(
    spots(c.frame).filter(
      (s) =>
        placedByHand(s) && LEAVES.has(String(s.node["type"])) && Math.abs(rotationOf(s.node)) < 1e-3 && grabbable(s),
    ),
    h.layer,
  );
  if (!spot) return;
  const box = boxOf(spot.node)!;
  const radians = (h.degrees * Math.PI) / 180;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const turned = rotatedBounds(centre, box.width, box.height, radians);
  // Figma writes rotation in (-π, π].
  const rotation = Math.atan2(Math.sin(radians), Math.cos(radians));
  spot.node["rotation"] = rotation;
  if (spot.node["relativeTransform"] !== undefined) spot.node["size"] = { x: box.width, y: box.height };
  setBox(spot.node, turned);
  c.touched.add(spot.node);
}

function mask(c: EditContext, h: Extract<Habit, { kind: "mask" }>): void {
  const spot = pick(
    spots(c.frame).filter((s) => placedByHand(s) && grabbable(s) && !isAuto(s.parent)),
    h.layer,
  );
  if (!spot) return;
  const plainGroup = spot.node["type"] === "GROUP" && !childrenOf(spot.node).some((n) => n["isMask"] === true);
  const target = plainGroup
    ? spot.node
    : groupOf(c, spot.parent, [spot.node, ...neighbours(spot.node, spot.parent).slice(0, 2)], "Mask group");
  const members = childrenOf(target);
  const bottom = members[0]!;
  if (h.shape === "bottom" && SHAPES.has(String(bottom["type"])) && !hasImage(bottom) && members.length > 1) {
    bottom["isMask"] = true;
    c.touched.add(target);
    return;
  }
  const box = boxOf(target)!;
  const dx = Math.round((box.width * h.inset) / 100);
  const dy = Math.round((box.height * h.inset) / 100);
  const shape: RestBox = { x: box.x + dx, y: box.y + dy, width: box.width - 2 * dx, height: box.height - 2 * dy };
  if (shape.width < 1 || shape.height < 1) return;
  const node: Raw = {
    id: c.next(),
    name: h.shape === "ellipse" ? "Ellipse" : "Rectangle",
    type: h.shape === "ellipse" ? "ELLIPSE" : "RECTANGLE",
    blendMode: "PASS_THROUGH",
    absoluteBoundingBox: shape,
    constraints: { vertical: "TOP", horizontal: "LEFT" },
    fills: [{ blendMode: "NORMAL", type: "SOLID", color: { r: 0.77, g: 0.77, b: 0.77, a: 1 } }],
    strokes: [],
    strokeWeight: 1,
    strokeAlign: "INSIDE",
    effects: [],
    isMask: true,
  };
  if (bottom["absoluteRenderBounds"] !== undefined) node["absoluteRenderBounds"] = { ...shape };
  if (bottom["relativeTransform"] !== undefined) {
    node["relativeTransform"] = [
      [1, 0, 0],
      [0, 1, 0],
    ];
    node["size"] = { x: shape.width, y: shape.height };
  }
  members.unshift(node);
  c.touched.add(node);
  c.touched.add(target);
}

const EDITS: { [K in HabitKind]: (c: EditContext, h: Extract<Habit, { kind: K }>) => void } = {
  reorder,
  group,
  ungroup,
  overlap,
  bleed,
  line,
  rotate,
  mask,
};

/** Ids for added layers: above every id in the frame, as Figma numbers new layers. */
function idMaker(frame: Raw): () => string {
  let max = 0;
  const walk = (n: Raw): void => {
    const m = /^(\d+):/.exec(String(n["id"]));
    if (m) max = Math.max(max, Number(m[1]));
    for (const c of childrenOf(n)) walk(c);
  };
  walk(frame);
  let count = 0;
  return () => `${max + 1}:${++count}`;
}

/** A copy of `frame` with `list` applied in turn, its groups refitted and its transforms rewritten. */
export function applyHabits(frame: Raw, list: readonly Habit[]): Raw {
  const copy = structuredClone(frame);
  const c: EditContext = { frame: copy, next: idMaker(copy), touched: new Set() };
  for (const h of list) {
    (EDITS[h.kind] as (c: EditContext, h: Habit) => void)(c, h);
    settle(copy, c.touched);
  }
  return copy;
}
