/**
 * What the layout check decides for one frame (issue 49): inference proposes, a layout engine disposes. The frame's
 * inferred tree is laid out at the design width by an engine — a browser where one is at hand (Chromium in the CLI,
 * the panel's preview iframe), else the simulator — and compared layer by layer with the drawing. Sections whose
 * layers do not land where drawn keep their drawing there (fallback.ts), and the frame is laid out again, until every
 * layer holds; what still does not hold with every section drawn leaves the frame as drawn (exact).
 *
 * One procedure for every engine: `decideFrame` is a generator that yields the trees it needs laid out and takes
 * back each one's boxes by layer id, so a synchronous engine (the simulator) and an asynchronous one (a browser
 * rendering the emitted HTML) drive the same decisions. Pure.
 */
import type { DesignNode } from "../design/types.js";
import type { Box } from "./boxes.js";
import { childBoxes, placeLayers } from "../design/placed.js";

/** The engine that laid the frame out for the check. */
export type LayoutCheckEngine = "chromium" | "preview" | "simulator";

/** The check's verdict on one frame: which of its sections keep their drawing at the design width. */
export interface FrameLayout {
  /** Keys of the frame's sections kept as drawn (sectionKey). */
  kept: string[];
  /**
   * With every section drawn some layer did not hold (sections that overlap, bleed or lie beside each other): the whole
   * frame keeps its drawing at the design width and stacks below it.
   */
  drawn?: boolean;
  /** Even that did not hold: the frame is emitted as drawn at every width (`--exact-layout`). */
  exact?: boolean;
  /** Which engine checked it. */
  check: LayoutCheckEngine;
}

/** The check's verdicts by frame id: code options carry them from the check to every emitter and the hint. */
export type LayoutDecisions = Record<string, FrameLayout>;

/** Px a layer may be from its drawn box at the design width (a rendering's rounding), on each side. */
export const HOLD_TOLERANCE = 2;

/** Boxes of laid-out layers by id, frame coordinates; null where the layer has no rendered box. */
export type LaidBoxes = ReadonlyMap<string, Box | null>;

/** A tree the procedure needs laid out: the frame as inferred with some sections kept, or as drawn. */
export interface LayoutRequest {
  tree: DesignNode;
  /** "drawn": the frame as drawn (the reference for layers that no layout reproduces, such as a font's widths). */
  kind: "inferred" | "drawn";
  /** The layer ids whose boxes are wanted. */
  ids: string[];
}

/** Every visible layer of the frame as drawn, by id (auto layout children placed by replaying their layout). */
export function drawnBoxes(drawn: DesignNode): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const placed of placeLayers([drawn]))
    if (placed.node.id) out.set(placed.node.id, { x: placed.box.x, y: placed.box.y, w: placed.box.w, h: placed.box.h });
  return out;
}

/** A layer that does not hold at the design width. */
export interface OffLayer {
  id: string;
  name: string;
  drawn: Box;
  /** Its laid-out box, or null: not rendered at all. */
  laid: Box | null;
}

/** The procedure's outcome for one frame. */
export interface FrameDecision {
  layout: FrameLayout;
  /** The kept sections' names, in the frame's order. */
  keptNames: string[];
  /** Layers still off in the emitted layout (each off in the frame as drawn too). */
  off: OffLayer[];
  /** Layers compared. */
  compared: number;
  /** Layouts asked for. */
  rounds: number;
}

/** The most layouts of keeping sections (the reference one of them) before every section is kept at once. */
const MAX_ROUNDS = 5;

/** A stable key for a top-level child of an inferred frame: its id, or a wrapper's first real layer's. */
export function sectionKey(node: DesignNode): string | undefined {
  if (node.id) return node.id;
  for (const child of node.children ?? []) {
    const key = sectionKey(child);
    if (key !== undefined) return key.startsWith("w:") ? key : `w:${key}`;
  }
  return undefined;
}

/** The frame's sections (children of the inferred frame) by key, in the frame's order. */
export function sectionsOf(frame: DesignNode): Map<string, DesignNode> {
  const out = new Map<string, DesignNode>();
  for (const child of frame.children ?? []) {
    const key = sectionKey(child);
    if (key !== undefined && !out.has(key)) out.set(key, child);
  }
  return out;
}

/** Each real layer id inside `frame`'s sections → the section's key. */
function sectionOfLayer(frame: DesignNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, section] of sectionsOf(frame)) {
    const walk = (n: DesignNode): void => {
      if (n.id) out.set(n.id, key);
      for (const c of n.children ?? []) walk(c);
    };
    walk(section);
  }
  return out;
}

/** Layers drawn thinner than this on an axis are rules: they must be painted on the rows they are drawn on. */
const RULE = 6;

/** `a` and `b` painted on the same pixel rows from `start` over `size` (a box's edges snap to whole pixels). */
const sameRows = (a: number, aSize: number, b: number, bSize: number): boolean =>
  Math.round(a) === Math.round(b) && Math.round(a + aSize) === Math.round(b + bSize);

/**
 * `a` lands on `b`: each side within HOLD_TOLERANCE px; and a rule (`drawn` thinner than RULE px on an axis: a line,
 * the band its stroke paints, a 2-px divider) on the same pixel rows or columns as `b` — a 2-px rule half a pixel
 * lower is painted a row lower, a third of it off as the score sees it.
 */
function near(a: Box, b: Box, drawn: Box): boolean {
  const within =
    Math.abs(a.x - b.x) <= HOLD_TOLERANCE &&
    Math.abs(a.y - b.y) <= HOLD_TOLERANCE &&
    Math.abs(a.w - b.w) <= HOLD_TOLERANCE &&
    Math.abs(a.h - b.h) <= HOLD_TOLERANCE;
  return (
    within &&
    (drawn.h >= RULE || sameRows(a.y, Math.max(a.h, 1), b.y, Math.max(b.h, 1))) &&
    (drawn.w >= RULE || sameRows(a.x, Math.max(a.w, 1), b.x, Math.max(b.w, 1)))
  );
}

/**
 * Whether a layer holds: within HOLD_TOLERANCE of its drawn box, or of where the frame as drawn puts it (what no layout
 * reproduces, a browser's text a few px wider than Figma's, is not inference's doing). A layer the drawn frame does not
 * render either (drawn inside a picture) holds wherever it is.
 */
function holds(laid: Box | null | undefined, drawn: Box, exact: Box | null | undefined, known: boolean): boolean {
  if (known && !exact) return true;
  if (laid === null || laid === undefined) return false;
  return near(laid, drawn, drawn) || (!!exact && near(laid, exact, drawn));
}

/**
 * The layers compared, as the fidelity score compares them (codegen/fidelity/design-nodes.ts visibleNodes), with their
 * drawn boxes in frame coordinates: visible layers with an area, not groups (code may keep or flatten a group), not
 * inside a picture (an icon drawn as one SVG, a boolean's operands: the picture is compared), not clipped away
 * entirely.
 */
export function drawnLayers(drawn: DesignNode): Map<string, Box> {
  const out = new Map<string, Box>();
  const visit = (node: DesignNode, box: Box, clip: Box | undefined, root: boolean): void => {
    if (node.hidden || node.opacity === 0) return;
    const area = box.w > 0 || box.h > 0;
    if (!root && node.id && node.kind !== "group" && area && !(clip && outside(box, clip))) out.set(node.id, box);
    // The shapes an icon's SVG draws carry their own ids (a chart's rules, a logo's parts): compared as the score does.
    for (const part of node.parts ?? []) {
      const at = { x: box.x + part.x, y: box.y + part.y, w: part.w, h: part.h };
      if (part.id && (part.w > 0 || part.h > 0) && !(clip && outside(at, clip))) out.set(part.id, at);
    }
    if (node.asset !== undefined || node.kind === "boolean") return;
    const inner = node.clip && node.kind !== "group" ? (clip ? intersection(clip, box) : box) : clip;
    for (const { child, box: childBox } of childBoxes(node, box)) visit(child, childBox, inner, false);
  };
  visit(drawn, { x: 0, y: 0, w: drawn.w, h: drawn.h }, undefined, true);
  return out;
}

const outside = (a: Box, clip: Box): boolean =>
  a.x >= clip.x + clip.w || a.x + a.w <= clip.x || a.y >= clip.y + clip.h || a.y + a.h <= clip.y;

function intersection(a: Box, b: Box): Box {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return {
    x,
    y,
    w: Math.max(0, Math.min(a.x + a.w, b.x + b.w) - x),
    h: Math.max(0, Math.min(a.y + a.h, b.y + b.h) - y),
  };
}

/** Names of real layers by id. */
function namesOf(frame: DesignNode): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (n: DesignNode): void => {
    if (n.id) out.set(n.id, n.name);
    for (const c of n.children ?? []) walk(c);
  };
  walk(frame);
  return out;
}

/**
 * Whether every layer of a section is shifted by one and the same offset, none missing, its size kept: the section
 * itself reproduces, something above it moved it.
 */
function merelyMoved(ids: string[], laid: LaidBoxes, drawn: Map<string, Box>): boolean {
  let dx: number | undefined;
  let dy: number | undefined;
  for (const id of ids) {
    const b = drawn.get(id);
    if (!b) continue;
    const a = laid.get(id);
    if (!a) return false;
    if (Math.abs(a.w - b.w) > HOLD_TOLERANCE || Math.abs(a.h - b.h) > HOLD_TOLERANCE) return false;
    dx ??= a.x - b.x;
    dy ??= a.y - b.y;
    if (Math.abs(a.x - b.x - dx) > HOLD_TOLERANCE || Math.abs(a.y - b.y - dy) > HOLD_TOLERANCE) return false;
  }
  return dx !== undefined && dy !== undefined && (Math.abs(dx) > HOLD_TOLERANCE || Math.abs(dy) > HOLD_TOLERANCE);
}

/** How the frame is built for a set of kept sections (index.ts: inference, then the kept sections' drawing). */
export interface FrameBuilder {
  /** The frame as inferred, with `kept` (section keys) as drawn: the tree the emitters write. */
  build(kept: ReadonlySet<string>): DesignNode;
  /** The frame as drawn. */
  drawn: DesignNode;
  /** The whole frame as drawn at the design width, its layers stacked below it. */
  whole(): DesignNode;
}

/**
 * The check of one frame, as a generator: it yields each layout it needs and takes back that layout's boxes by id.
 * Round one lays out the frame as inferred; when some layer does not hold, the frame as drawn is laid out once as the
 * reference, and each round keeps as drawn the sections whose own layers are off (or, when every off section is
 * only moved, the one above the first of them), until every layer holds. Past MAX_ROUNDS, or when a kept section
 * itself is off, every section is kept; if even that does not hold, the whole frame keeps its drawing (stacked below
 * the design width), and failing that it is emitted as drawn at every width.
 */
export function* decideFrame(
  builder: FrameBuilder,
  check: LayoutCheckEngine,
): Generator<LayoutRequest, FrameDecision, LaidBoxes> {
  const drawn = drawnLayers(builder.drawn);
  const ids = [...drawn.keys()];
  const names = namesOf(builder.drawn);
  const kept = new Set<string>();
  let reference: LaidBoxes | undefined;
  let rounds = 0;
  const offIn = (laid: LaidBoxes): OffLayer[] => {
    const off: OffLayer[] = [];
    for (const [id, box] of drawn) {
      const at = laid.get(id);
      if (!holds(at, box, reference?.get(id), reference !== undefined))
        off.push({ id, name: names.get(id) ?? id, drawn: box, laid: at ?? null });
    }
    return off;
  };
  const decision = (tree: DesignNode, off: OffLayer[], whole?: "drawn" | "exact"): FrameDecision => {
    const sections = sectionsOf(tree);
    const keptNames = whole ? [] : [...sections].filter(([key]) => kept.has(key)).map(([, s]) => s.name || "Section");
    return {
      layout: { kept: whole ? [] : [...kept], ...(whole ? { [whole]: true } : {}), check },
      keptNames,
      off,
      compared: ids.length,
      rounds,
    };
  };
  let tree = builder.build(kept);
  let before = Infinity;
  for (;;) {
    rounds++;
    const laid: LaidBoxes = yield { tree, kind: "inferred", ids };
    let off = offIn(laid);
    if (off.length > 0 && reference === undefined) {
      rounds++;
      reference = yield { tree: builder.drawn, kind: "drawn", ids };
      off = offIn(laid);
    }
    if (off.length === 0) return decision(tree, off);
    // Keeping sections no longer helps (the layers still off lie across sections, or between them): all at once.
    if (off.length >= before) break;
    before = off.length;
    const sectionOf = sectionOfLayer(tree);
    const offSections = new Map<string, string[]>();
    for (const layer of off) {
      const key = sectionOf.get(layer.id);
      if (key !== undefined && !kept.has(key)) offSections.set(key, [...(offSections.get(key) ?? []), layer.id]);
    }
    const all = sectionsOf(tree);
    const keepNext = sectionsToKeep(offSections, all, kept, laid, drawn);
    if (keepNext.length === 0 || rounds > MAX_ROUNDS) break;
    for (const key of keepNext) kept.add(key);
    tree = builder.build(kept);
  }
  // Every section as drawn.
  const every = sectionsOf(builder.build(new Set()));
  if ([...every.keys()].some((key) => !kept.has(key))) {
    for (const key of every.keys()) kept.add(key);
    tree = builder.build(kept);
    rounds++;
    const laid: LaidBoxes = yield { tree, kind: "inferred", ids };
    const off = offIn(laid);
    if (off.length === 0) return decision(tree, off);
  }
  // The whole frame as drawn, stacked below the design width.
  tree = builder.whole();
  rounds++;
  const laid: LaidBoxes = yield { tree, kind: "inferred", ids };
  const off = offIn(laid);
  if (off.length === 0) return decision(tree, off, "drawn");
  // The frame as drawn at every width: what is off there is off in the reference too.
  return decision(builder.drawn, reference ? offIn(reference) : [], "exact");
}

/**
 * The sections to keep next: those whose own layers are off (not merely moved by what lies above); when all are merely
 * moved, the in-flow section just above the first moved one (its height or place moved them), else that one itself.
 */
function sectionsToKeep(
  offSections: Map<string, string[]>,
  all: Map<string, DesignNode>,
  kept: ReadonlySet<string>,
  laid: LaidBoxes,
  drawn: Map<string, Box>,
): string[] {
  if (offSections.size === 0) return [];
  const layersOf = (section: DesignNode): string[] => {
    const out: string[] = [];
    const walk = (n: DesignNode): void => {
      if (n.id) out.push(n.id);
      for (const c of n.children ?? []) walk(c);
    };
    walk(section);
    return out;
  };
  const own = [...offSections.keys()].filter((key) => !merelyMoved(layersOf(all.get(key)!), laid, drawn));
  if (own.length > 0) return own;
  const top = (key: string): number => {
    const boxes = layersOf(all.get(key)!).flatMap((id) => drawn.get(id) ?? []);
    return boxes.length > 0 ? Math.min(...boxes.map((b) => b.y)) : Infinity;
  };
  const moved = [...offSections.keys()].sort((a, b) => top(a) - top(b));
  const first = moved[0]!;
  const firstTop = top(first);
  // The in-flow section ending last above the first moved one.
  const above = [...all]
    .filter(([key, s]) => !kept.has(key) && !s.absolute && !offSections.has(key) && top(key) < firstTop)
    .sort((a, b) => top(b[0]) - top(a[0]))[0];
  return [above ? above[0] : first];
}

/** Runs `decideFrame` with an engine that answers at once (the simulator). */
export function decideNow(
  builder: FrameBuilder,
  check: LayoutCheckEngine,
  lay: (request: LayoutRequest) => LaidBoxes,
): FrameDecision {
  const steps = decideFrame(builder, check);
  let next = steps.next();
  while (!next.done) next = steps.next(lay(next.value));
  return next.value;
}

/**
 * Runs `decideFrame` with an engine that answers later (a browser). `speculate`: the frame as drawn is laid out beside
 * the first layout, at once (an engine with pages to spare, such as Chromium): more than half the frames need it as
 * the reference, and then it costs no round of its own.
 */
export async function decideLater(
  builder: FrameBuilder,
  check: LayoutCheckEngine,
  lay: (request: LayoutRequest) => Promise<LaidBoxes>,
  options: { speculate?: boolean } = {},
): Promise<FrameDecision> {
  const steps = decideFrame(builder, check);
  let next = steps.next();
  let reference: Promise<LaidBoxes> | undefined;
  if (options.speculate && !next.done) {
    reference = lay({ tree: builder.drawn, kind: "drawn", ids: next.value.ids });
    // Not asked for when the first layout holds: its failure is then nobody's.
    reference.catch(() => undefined);
  }
  while (!next.done) {
    const request = next.value;
    const answer = request.kind === "drawn" && reference !== undefined ? reference : lay(request);
    next = steps.next(await answer);
  }
  return next.value;
}
