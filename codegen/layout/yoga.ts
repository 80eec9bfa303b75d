/**
 * The design tree laid out at its design width by Yoga (npm `yoga-layout`, Meta's flexbox engine, WebAssembly), as
 * the emitters' CSS lays it out: the same model as simulate.ts (flex rows and columns, fixed / hug / fill sizes, texts
 * as tall as their drawn lines at the CSS line height, layers placed by their constraints), with Yoga's flexbox
 * algorithm in place of the simulator's. A candidate fallback engine for the self-check where no browser is (issue
 * 49): bench/engines.ts measures it against Chromium beside the simulator. Node and browsers only: Yoga 3 ships as
 * WebAssembly, which Figma's main thread does not have.
 */
import Yoga, {
  Align,
  Direction,
  Edge,
  FlexDirection,
  Gutter,
  Justify,
  MeasureMode,
  PositionType,
  Wrap,
  type Node as YogaNode,
} from "yoga-layout";
import { flexOf } from "../design/layout-kind.js";
import type { DesignNode, FlexLayout } from "../design/types.js";
import type { Box } from "./boxes.js";
import { flowTextHeight, gapOf, givesBack, lineGap, wraps, type Placed } from "./simulate.js";

const JUSTIFY = {
  start: Justify.FlexStart,
  center: Justify.Center,
  end: Justify.FlexEnd,
  "space-between": Justify.SpaceBetween,
} as const;
// Baseline as the simulator reads it: the texts' baselines are not modelled.
const ALIGN = {
  start: Align.FlexStart,
  center: Align.Center,
  end: Align.FlexEnd,
  baseline: Align.FlexStart,
  stretch: Align.Stretch,
} as const;
const SELF = { start: Align.FlexStart, center: Align.Center, end: Align.FlexEnd } as const;

const config = Yoga.Config.create();
// CSS's defaults (row, shrinking items, lines stretched across a wrapping container), no rounding to whole pixels.
config.setUseWebDefaults(true);
config.setPointScaleFactor(0);

/** A flow's content box along its main axis, less the items' fixed and hugging lengths: fill items' flex basis. */
function fillBasis(parent: DesignNode, row: boolean): number {
  let basis = 0;
  for (const c of parent.children ?? []) {
    if (c.absolute || c.hidden || (row ? c.sizeH : c.sizeV) !== "fill") continue;
    const p = flexOf(c)?.padding;
    if (p) basis = Math.max(basis, row ? p[1] + p[3] : p[0] + p[2]);
  }
  return basis;
}

/** The flow's own style: direction, wrapping, alignment, gaps, padding (css.ts ownDecls). */
function flowStyle(y: YogaNode, layout: FlexLayout): void {
  const row = layout.dir === "row";
  y.setFlexDirection(row ? FlexDirection.Row : FlexDirection.Column);
  y.setFlexWrap(wraps(layout) ? Wrap.Wrap : Wrap.NoWrap);
  y.setJustifyContent(JUSTIFY[layout.justify]);
  y.setAlignItems(ALIGN[layout.align]);
  y.setGap(row ? Gutter.Column : Gutter.Row, gapOf(layout));
  if (wraps(layout)) y.setGap(row ? Gutter.Row : Gutter.Column, lineGap(layout));
  const [t, r, b, l] = layout.padding;
  y.setPadding(Edge.Top, t);
  y.setPadding(Edge.Right, r);
  y.setPadding(Edge.Bottom, b);
  y.setPadding(Edge.Left, l);
}

/** How an item sits in its parent's flow (css.ts placementDecls, the flow branch; responsive.ts's margins). */
function itemStyle(y: YogaNode, node: DesignNode, parent: DesignNode, layout: FlexLayout): void {
  const row = layout.dir === "row";
  const main = row ? node.sizeH : node.sizeV;
  const cross = row ? node.sizeV : node.sizeH;
  const setMain = (v: number | "auto"): void => (row ? y.setWidth(v) : y.setHeight(v));
  const setCross = (v: number | "auto" | `${number}%`): void => (row ? y.setHeight(v) : y.setWidth(v));
  if (main === "fill") {
    y.setFlexGrow(1);
    y.setFlexShrink(1);
    y.setFlexBasis(fillBasis(parent, row));
    if ((row ? node.minW : node.minH) === undefined) (row ? y.setMinWidth : y.setMinHeight).call(y, 0);
  } else {
    // Never shrunk at the design width: a fixed item of a column is `flex-shrink: 0`, one of a row that overruns keeps
    // its drawn width (css.ts overrunFloor, responsive.ts's carousels), a hugging one its content (min-width: auto,
    // which Yoga does not have).
    if (main !== "hug") setMain(row ? node.w : node.h);
    y.setFlexShrink(0);
  }
  const crossMax = row ? node.maxH : node.maxW;
  if (cross === "fill" && crossMax !== undefined && (layout.align === "center" || layout.align === "end")) {
    y.setAlignSelf(layout.align === "center" ? Align.Center : Align.FlexEnd);
    setCross("100%");
  } else if (cross === "fill") y.setAlignSelf(Align.Stretch);
  else if (cross !== "hug" && !(node.text && !row && node.text.resize === "width")) setCross(row ? node.h : node.w);
  const flow = node.flow;
  if (flow?.before === "auto") y.setMargin(row ? Edge.Left : Edge.Top, "auto");
  else if (flow?.before !== undefined) y.setMargin(row ? Edge.Left : Edge.Top, flow.before);
  if (flow?.offset !== undefined) y.setMargin(row ? Edge.Top : Edge.Left, flow.offset);
  if (flow?.self) y.setAlignSelf(SELF[flow.self]);
  const back = row ? 0 : givesBack(node, layout);
  if (back > 0) y.setMargin(Edge.Bottom, -back);
}

type Axis = "start" | "end" | "center" | "both" | "scale" | undefined;
const AXIS: Record<string, Axis> = {
  right: "end",
  bottom: "end",
  center: "center",
  "left-right": "both",
  "top-bottom": "both",
  scale: "scale",
};

/** A layer placed by its constraints in its container (css.ts placementDecls, the absolute branch). */
function layerStyle(y: YogaNode, node: DesignNode, parent: DesignNode): void {
  y.setPositionType(PositionType.Absolute);
  const axis = (
    start: number,
    length: number,
    drawn: number,
    constraint: Axis,
    edges: [Edge, Edge],
    size: (v: number | `${number}%`) => void,
  ): void => {
    const [from, to] = edges;
    if (constraint === "end") y.setPosition(to, drawn - start - length);
    else if (constraint === "center") {
      // calc(50% - d px) as 50% and a margin of -d (Yoga takes no calc).
      y.setPosition(from, "50%");
      y.setMargin(from, start - drawn / 2);
    } else if (constraint === "both") {
      y.setPosition(from, start);
      y.setPosition(to, drawn - start - length);
      return;
    } else if (constraint === "scale" && drawn > 0) {
      y.setPosition(from, `${(start / drawn) * 100}%`);
      size(`${(length / drawn) * 100}%`);
      return;
    } else y.setPosition(from, start);
    size(length);
  };
  axis(node.x ?? 0, node.w, parent.w, AXIS[node.constraintH ?? ""], [Edge.Left, Edge.Right], (v) => y.setWidth(v));
  axis(node.y ?? 0, node.h, parent.h, AXIS[node.constraintV ?? ""], [Edge.Top, Edge.Bottom], (v) => y.setHeight(v));
}

/**
 * A text measured as the simulator measures it: as tall as its lines; as wide as drawn on one line (`nowrap`: it runs
 * past a narrower box), else as its box or at most as drawn.
 */
function measureText(node: DesignNode) {
  const oneLine = node.text?.resize === "width";
  return (width: number, widthMode: MeasureMode): { width: number; height: number } => ({
    width:
      widthMode === MeasureMode.Exactly
        ? width
        : widthMode === MeasureMode.AtMost && !oneLine
          ? Math.min(width, node.w)
          : node.w,
    height: flowTextHeight(node),
  });
}

/** A Yoga node for `node` and its visible children, recorded in `made`. */
function build(node: DesignNode, parent: DesignNode | undefined, made: Map<DesignNode, YogaNode>): YogaNode {
  const y = Yoga.Node.create(config);
  made.set(node, y);
  // Grids are not modelled here (Yoga has no grid): such a box keeps its drawn size, its items absolute.
  const layout = flexOf(node);
  const parentFlow = parent ? flexOf(parent) : undefined;
  if (layout) flowStyle(y, layout);
  if (!parent) {
    y.setWidth(node.w);
    // The frame grows with a hugging column's content, as the simulator lets it.
    if (node.sizeV === "hug" && node.growBelow === undefined && layout && (layout.dir === "column" || wraps(layout)))
      y.setMinHeight(node.minH ?? 0);
    else y.setHeight(node.h);
  } else if (parentFlow && !node.absolute) itemStyle(y, node, parent, parentFlow);
  else if (parentFlow || node.x !== undefined) layerStyle(y, node, parent);
  else {
    y.setPositionType(PositionType.Absolute);
    y.setWidth(node.w);
    y.setHeight(node.h);
  }
  if (node.minW !== undefined) y.setMinWidth(node.minW);
  if (node.maxW !== undefined) y.setMaxWidth(node.maxW);
  if (node.minH !== undefined && parent) y.setMinHeight(node.minH);
  if (node.maxH !== undefined) y.setMaxHeight(node.maxH);
  if (node.text) y.setMeasureFunc(measureText(node));
  else if (!layout && parentFlow && !node.absolute) {
    // A leaf (a picture, a shape) or a box without layout in a flow: as large as drawn where the flow does not size it.
    if ((parentFlow.dir === "row" ? node.sizeH : node.sizeV) === "hug") {
      if (parentFlow.dir === "row") y.setWidth(node.w);
      else y.setHeight(node.h);
    }
    if ((parentFlow.dir === "row" ? node.sizeV : node.sizeH) === "hug") {
      if (parentFlow.dir === "row") y.setHeight(node.h);
      else y.setWidth(node.w);
    }
  }
  if (!node.text) {
    let i = 0;
    for (const child of node.children ?? []) if (!child.hidden) y.insertChild(build(child, node, made), i++);
  }
  return y;
}

/** Every node of `frame` laid out at its design width by Yoga, frame coordinates from its top-left. */
export function yogaFrame(frame: DesignNode): Placed {
  const made = new Map<DesignNode, YogaNode>();
  const root = build(frame, undefined, made);
  try {
    root.calculateLayout(frame.w, undefined, Direction.LTR);
    const placed: Placed = new Map();
    const visit = (node: DesignNode, x: number, y: number): void => {
      const at = made.get(node);
      if (!at) return;
      const box: Box = {
        x: x + at.getComputedLeft(),
        y: y + at.getComputedTop(),
        w: at.getComputedWidth(),
        h: at.getComputedHeight(),
      };
      placed.set(node, box);
      for (const child of node.children ?? []) visit(child, box.x, box.y);
    };
    visit(frame, 0, 0);
    return placed;
  } finally {
    root.freeRecursive();
  }
}
