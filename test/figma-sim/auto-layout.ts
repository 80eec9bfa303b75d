/**
 * The simulator's auto layout: the AutoLayoutMixin properties of frames, components and instances (read
 * from the REST JSON, settable by the plugin with Figma's refusals: `layoutWrap` and the sizing shorthands
 * need a HORIZONTAL or VERTICAL `layoutMode`, spacing and padding must be finite, padding not negative), and the
 * layout itself for frames the plugin made: children flow along the primary axis, wrapping onto new tracks
 * when `layoutWrap` is "WRAP" and the primary axis is FIXED; an AUTO axis hugs the children. Frames from the
 * file keep their file's boxes (the fixture already holds Figma's layout).
 */
import { defineGridProps, layOutGrid } from "./grid-layout.js";
import type { Json, LayoutNode } from "./layout-node.js";

export type { LayoutNode };

interface LayoutState {
  layoutMode: "NONE" | "HORIZONTAL" | "VERTICAL" | "GRID";
  layoutWrap: "NO_WRAP" | "WRAP";
  primaryAxisSizingMode: "FIXED" | "AUTO";
  counterAxisSizingMode: "FIXED" | "AUTO";
  itemSpacing: number;
  /** null: follows itemSpacing (Figma's `counterAxisSpacing = null`). */
  counterAxisSpacing: number | null;
  paddingLeft: number;
  paddingRight: number;
  paddingTop: number;
  paddingBottom: number;
}

export const AUTO_LAYOUT_TYPES = new Set(["FRAME", "COMPONENT", "INSTANCE"]);
const states = new WeakMap<LayoutNode, LayoutState>();

const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;
const size = (value: unknown): number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : 0;

function readState(rest: Json): LayoutState {
  return {
    layoutMode: pick(rest["layoutMode"], ["HORIZONTAL", "VERTICAL", "GRID"], "NONE"),
    layoutWrap: pick(rest["layoutWrap"], ["WRAP"], "NO_WRAP"),
    primaryAxisSizingMode: pick(rest["primaryAxisSizingMode"], ["FIXED"], "AUTO"),
    counterAxisSizingMode: pick(rest["counterAxisSizingMode"], ["FIXED"], "AUTO"),
    itemSpacing: size(rest["itemSpacing"]),
    counterAxisSpacing: typeof rest["counterAxisSpacing"] === "number" ? size(rest["counterAxisSpacing"]) : null,
    paddingLeft: size(rest["paddingLeft"]),
    paddingRight: size(rest["paddingRight"]),
    paddingTop: size(rest["paddingTop"]),
    paddingBottom: size(rest["paddingBottom"]),
  };
}

/** Adds the auto layout properties to `node`; each set is a document change (`change`) and lays the frame out again. */
export function defineAutoLayoutProps(node: LayoutNode, change: (what: string) => void): void {
  const state = readState(node.rest);
  states.set(node, state);
  const needsAxis = (prop: string): void => {
    if (state.layoutMode === "NONE")
      throw new Error(`${prop} can only be set on auto layout frames (layoutMode HORIZONTAL or VERTICAL)`);
  };
  // Which axes fill their parent (the sizing shorthands' FILL: Figma keeps the frame's own axis FIXED meanwhile).
  const fills = { layoutSizingHorizontal: false, layoutSizingVertical: false };
  const axisOf = (horizontal: boolean): "primaryAxisSizingMode" | "counterAxisSizingMode" =>
    (state.layoutMode !== "VERTICAL") === horizontal ? "primaryAxisSizingMode" : "counterAxisSizingMode";
  const sizingOf = (key: keyof typeof fills): "FIXED" | "HUG" | "FILL" =>
    fills[key]
      ? "FILL"
      : state.layoutMode !== "NONE" && state[axisOf(key === "layoutSizingHorizontal")] === "AUTO"
        ? "HUG"
        : "FIXED";
  // The export shows the axis modes and the shorthands as Figma keeps them: one set, the others follow (a stale
  // primaryAxisSizingMode after layoutSizingHorizontal = "HUG" would read as a fixed frame).
  const syncSizing = (): void => {
    if (state.layoutMode === "NONE") return;
    node.rest["primaryAxisSizingMode"] = state.primaryAxisSizingMode;
    node.rest["counterAxisSizingMode"] = state.counterAxisSizingMode;
    for (const key of ["layoutSizingHorizontal", "layoutSizingVertical"] as const) node.rest[key] = sizingOf(key);
  };
  const prop = <K extends keyof LayoutState>(
    key: K,
    accept: (value: unknown) => LayoutState[K],
    axisOnly: boolean,
    get: () => unknown = () => state[key],
  ): void => {
    Object.defineProperty(node, key, {
      enumerable: true,
      get,
      set: (value: unknown) => {
        if (axisOnly) needsAxis(key);
        const next = accept(value);
        change(`layout ${String(node.rest["id"])} ${key}`);
        state[key] = next;
        // The export (JSON_REST_V1) shows what was set, under the same names.
        node.rest[key] = next;
        // An axis set to hug no longer fills its parent.
        if (key === "primaryAxisSizingMode" || key === "counterAxisSizingMode") {
          const horizontal = (key === "primaryAxisSizingMode") === (state.layoutMode !== "VERTICAL");
          if (next === "AUTO") fills[horizontal ? "layoutSizingHorizontal" : "layoutSizingVertical"] = false;
        }
        if (key === "layoutMode" || key === "primaryAxisSizingMode" || key === "counterAxisSizingMode") syncSizing();
        layOut(node);
      },
    });
  };
  const oneOf =
    <T extends string>(key: string, allowed: readonly T[]) =>
    (value: unknown): T => {
      if (!allowed.includes(value as T))
        throw new Error(`${key}: expected one of ${allowed.join(", ")} (got ${JSON.stringify(value)})`);
      return value as T;
    };
  const length =
    (key: string) =>
    (value: unknown): number => {
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
        throw new Error(`${key}: expected a finite number of at least 0 (got ${String(value)})`);
      return value;
    };
  prop("layoutMode", oneOf("layoutMode", ["NONE", "HORIZONTAL", "VERTICAL", "GRID"] as const), false);
  defineGridProps(node, change, () => layOut(node));
  prop("layoutWrap", oneOf("layoutWrap", ["NO_WRAP", "WRAP"] as const), true);
  prop("primaryAxisSizingMode", oneOf("primaryAxisSizingMode", ["FIXED", "AUTO"] as const), false);
  prop("counterAxisSizingMode", oneOf("counterAxisSizingMode", ["FIXED", "AUTO"] as const), false);
  // Figma takes a negative gap (children overlap); the other lengths must be at least 0.
  prop(
    "itemSpacing",
    (v) => (typeof v === "number" && v < 0 ? -length("itemSpacing")(-v) : length("itemSpacing")(v)),
    false,
  );
  prop(
    "counterAxisSpacing",
    (v) => (v === null ? null : length("counterAxisSpacing")(v)),
    false,
    () => state.counterAxisSpacing ?? state.itemSpacing,
  );
  for (const key of ["paddingLeft", "paddingRight", "paddingTop", "paddingBottom"] as const)
    prop(key, length(key), false);
  // The sizing shorthands: FIXED, HUG, or FILL for the children of auto layout frames (kept, not laid out: a filling
  // child keeps the size it was given).
  for (const [key, horizontal] of [
    ["layoutSizingHorizontal", true],
    ["layoutSizingVertical", false],
  ] as const) {
    Object.defineProperty(node, key, {
      enumerable: true,
      get: () => sizingOf(key),
      set: (value: unknown) => {
        if (value !== "FIXED" && value !== "HUG" && value !== "FILL")
          throw new Error(`${key}: expected FIXED, HUG or FILL (got ${JSON.stringify(value)})`);
        if (value === "HUG") needsAxis(`${key} "HUG"`);
        const mode = node.parent?.rest["layoutMode"];
        if (value === "FILL" && mode !== "HORIZONTAL" && mode !== "VERTICAL" && mode !== "GRID")
          throw new Error(`${key}: FILL can only be set on children of auto layout frames`);
        change(`layout ${String(node.rest["id"])} ${key}`);
        if (state.layoutMode !== "NONE") state[axisOf(horizontal)] = value === "HUG" ? "AUTO" : "FIXED";
        fills[key] = value === "FILL";
        node.rest[key] = value;
        syncSizing();
        layOut(node);
        // A grid sizes a filling child to its cells.
        if (node.parent?.rest["layoutMode"] === "GRID") layOut(node.parent as LayoutNode);
      },
    });
  }
}

/** Lays out the children of a plugin-made auto layout frame and hugs its AUTO axes (no-op for anything else). */
export function layOut(node: LayoutNode): void {
  const state = states.get(node);
  if (!state || state.layoutMode === "NONE" || !node.created) return;
  // GRID's primary axis is the horizontal one (as the sizing shorthands read it).
  if (state.layoutMode === "GRID")
    return layOutGrid(node, {
      width: state.primaryAxisSizingMode === "FIXED",
      height: state.counterAxisSizingMode === "FIXED",
    });
  const horizontal = state.layoutMode === "HORIZONTAL";
  // Absolutely positioned children stay where they are put, out of the flow.
  const items = (node.childList() ?? []).filter(
    (c) => !c.removed && c.visible && c.rest["layoutPositioning"] !== "ABSOLUTE",
  );
  const main = (n: LayoutNode): number => (horizontal ? n.width : n.height);
  const cross = (n: LayoutNode): number => (horizontal ? n.height : n.width);
  const [startMain, endMain, startCross, endCross] = horizontal
    ? [state.paddingLeft, state.paddingRight, state.paddingTop, state.paddingBottom]
    : [state.paddingTop, state.paddingBottom, state.paddingLeft, state.paddingRight];
  const fixedMain = state.primaryAxisSizingMode === "FIXED";
  const room = (horizontal ? node.width : node.height) - startMain - endMain;
  const wraps = state.layoutWrap === "WRAP" && fixedMain;
  const tracks: LayoutNode[][] = [];
  let used = 0;
  for (const item of items) {
    const track = tracks.at(-1);
    // A hundredth of a pixel is float noise (widths read back from a browser), not an overflow.
    if (!track || (wraps && used + state.itemSpacing + main(item) > room + 0.01)) {
      tracks.push([item]);
      used = main(item);
    } else {
      track.push(item);
      used += state.itemSpacing + main(item);
    }
  }
  const trackGap = state.counterAxisSpacing ?? state.itemSpacing;
  let crossAt = startCross;
  let longest = 0;
  // Alignment (set through ./style-props.ts, kept in the REST JSON): the free room of a fixed axis goes before,
  // around or between the items; a hugging axis has none.
  const primaryAlign = node.rest["primaryAxisAlignItems"];
  const counterAlign = node.rest["counterAxisAlignItems"];
  const crossRoom = cross(node) - startCross - endCross;
  const oneTrack = tracks.length === 1 && state.counterAxisSizingMode === "FIXED";
  for (const track of tracks) {
    const length = track.reduce((n, item) => n + main(item), 0) + state.itemSpacing * (track.length - 1);
    const free = fixedMain ? Math.max(0, room - length) : 0;
    const between = primaryAlign === "SPACE_BETWEEN" && track.length > 1;
    const gap = between ? state.itemSpacing + free / (track.length - 1) : state.itemSpacing;
    let mainAt = startMain + (between ? 0 : primaryAlign === "CENTER" ? free / 2 : primaryAlign === "MAX" ? free : 0);
    const trackCross = oneTrack ? crossRoom : Math.max(...track.map(cross));
    for (const item of track) {
      const slack = trackCross - cross(item);
      const at = crossAt + (counterAlign === "CENTER" ? slack / 2 : counterAlign === "MAX" ? slack : 0);
      item.place(horizontal ? mainAt : at, horizontal ? at : mainAt);
      mainAt += main(item) + gap;
    }
    longest = Math.max(longest, length);
    crossAt += Math.max(...track.map(cross)) + trackGap;
  }
  const crossUsed = tracks.length > 0 ? crossAt - trackGap - startCross : 0;
  const mainSize = fixedMain ? main(node) : startMain + longest + endMain;
  const crossSize = state.counterAxisSizingMode === "AUTO" ? startCross + crossUsed + endCross : cross(node);
  const [width, height] = [node.width, node.height];
  node.width = Math.max(0.01, horizontal ? mainSize : crossSize);
  node.height = Math.max(0.01, horizontal ? crossSize : mainSize);
  // A grid places its children by their size: one that hugs and grew is placed again.
  if ((width !== node.width || height !== node.height) && node.parent?.rest["layoutMode"] === "GRID")
    layOut(node.parent as LayoutNode);
}
