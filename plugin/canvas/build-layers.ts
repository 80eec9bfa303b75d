/**
 * A layer description (contract/layers.ts) built on the canvas: frames with auto layout, editable TEXT layers with
 * their runs, vectors from SVG, image fills, beside a given layer. Fonts load first (replacements noted); the whole
 * insertion is one undo step; between layers it reports progress and stops when cancelled, leaving every layer it
 * made whole; past `limit` layers it stops and says how many it built.
 */
import type { LayerDocument, LayerNode, LayerText } from "../../contract/layers.js";
import { MAX_LAYER_NODES } from "../../contract/layers.js";
import { flowOf } from "../../contract/layers-flow.js";
import { type GridCell, type GridPlan, gridPlan } from "../../contract/layers-grid.js";
import { nestGrids } from "../../contract/layers-grid-nest.js";
import { nextTask } from "../tasks.js";
import { fontOfRun, type LoadedFonts, loadLayerFonts } from "./layer-fonts.js";
import { buildGrid, placeInGrid } from "./layer-grid.js";
import { effectOf, IMAGE_PLACEHOLDER, PaintMaker } from "./layer-paints.js";
import { makeComponents, type Occurrence } from "./layer-components.js";
import { VariableBinder } from "./layer-variables.js";
import { spotFor } from "./placement.js";
import { requireEditable } from "./undo-step.js";

export interface BuildOptions {
  /** The frame the layers go beside (the selection when absent). */
  beside?: SceneNode;
  onProgress?: (built: number, total: number) => void;
  /** Checked between layers. */
  cancelled?: () => boolean;
  /** Most layers built (MAX_LAYER_NODES when absent). */
  limit?: number;
  /** How long the main thread works before it lets Figma breathe, ms. */
  sliceMs?: number;
  /** Cancelled: remove what was built, inside the same undo step (the panel's Cancel), instead of keeping it. */
  discardOnCancel?: boolean;
}

export interface Built {
  rootId: string | undefined;
  built: number;
  total: number;
  cancelled: boolean;
  notes: string[];
  /** Values bound to the file's variables (colours, gaps, paddings, radii …). */
  variables: number;
  /** Main components made of the page's React components, the instances of them, and their text overrides. */
  components: number;
  instances: number;
  overrides: number;
}

type Parent = FrameNode | PageNode;

export function countLayers(node: LayerNode): number {
  return 1 + (node.children ?? []).reduce((n, c) => n + countLayers(c), 0);
}

export async function buildLayers(read: LayerDocument, options: BuildOptions = {}): Promise<Built> {
  requireEditable("insert layers");
  // A grid Figma's grid cannot hold as nested auto layout (already done to what the CLI reads: nothing changes).
  const doc = nestGrids(read).document;
  const total = countLayers(doc.root);
  const limit = options.limit ?? MAX_LAYER_NODES;
  const fonts = await loadLayerFonts(doc.root);
  const paints = new PaintMaker();
  const source = options.beside ? [options.beside] : figma.currentPage.selection;
  const vars = await VariableBinder.load(source);
  const spot = spotFor(options.beside ? [options.beside] : figma.currentPage.selection, sizeOf(doc.root), "beside");
  const state = { built: 0, cancelled: false, lastYield: Date.now(), loneGrids: 0 };
  let root: SceneNode | undefined;

  const occurrences: Occurrence[] = [];
  const visit = async (
    layer: LayerNode,
    parent: Parent,
    auto: boolean,
    from?: string,
    inComponent = false,
    cell?: GridCell,
  ): Promise<void> => {
    if (state.built >= limit || state.cancelled) return;
    if (options.cancelled?.()) {
      state.cancelled = true;
      return;
    }
    // A text layer without an id of its own is its element's text: the design text layer it came from.
    const plan = gridPlan(layer);
    if (layer.autoLayout?.mode === "GRID" && !plan && (layer.children ?? []).length > 0) state.loneGrids++;
    const sourceId = layer.sourceId ?? (layer.kind === "text" ? from : undefined);
    const node = make(layer, fonts, paints, vars, sourceId, plan);
    if (node.type === "FRAME" || node.type === "TEXT") vars.style(node, layer, sourceId);
    if (node.type === "TEXT" && layer.text) vars.text(node, layer.text, sourceId);
    state.built++;
    if (cell && parent.type === "FRAME" && parent.layoutMode === "GRID")
      parent.appendChildAt(node, cell.row, cell.column);
    else parent.appendChild(node);
    root ??= node;
    place(node, layer, auto);
    if (cell) placeInGrid(node, cell);
    if (node === root) {
      node.x = spot.x;
      node.y = spot.y;
    }
    options.onProgress?.(state.built, total);
    if (Date.now() - state.lastYield >= (options.sliceMs ?? 10)) {
      state.lastYield = Date.now();
      await nextTask();
    }
    const occurs = !inComponent && layer.component !== undefined && node !== root && node.type === "FRAME";
    if (occurs) occurrences.push({ node, layer });
    if (node.type === "FRAME" && layer.kind === "frame") {
      const isAuto = (layer.autoLayout !== undefined && layer.autoLayout.mode !== "GRID") || plan !== undefined;
      for (const [i, child] of (layer.children ?? []).entries())
        await visit(child, node, isAuto, layer.sourceId, inComponent || occurs, plan?.cells[i]);
      // A hugging frame's size came from its children; set the description's own box once they are in.
      if (!isAuto) node.resize(Math.max(0.01, layer.box.w), Math.max(0.01, layer.box.h));
      vars.frame(node, layer);
    }
  };

  figma.commitUndo();
  let components = { components: 0, instances: 0, kept: 0, overrides: 0 };
  try {
    await visit(doc.root, figma.currentPage, false);
    if (!state.cancelled) components = makeComponents(occurrences);
    if (state.cancelled && options.discardOnCancel && root) {
      root.remove();
      root = undefined;
    }
  } finally {
    figma.commitUndo();
  }
  // An image the reader's caller noted (imageNotes) and the builder could not place either is one note.
  const notes = [
    ...new Set([
      ...fonts.notes.map((f) => `Font replaced: ${f}.`),
      ...paints.notes,
      ...doc.notes.map((n) => n.message),
    ]),
  ];
  if (state.loneGrids > 0)
    notes.push(
      `${state.loneGrids} CSS grids are frames with their children placed as the page drew them: ` +
        "Figma's grid cannot hold them (a cell holding two children, or a child off the track lines).",
    );
  if (components.kept > 0)
    notes.push(
      `${components.kept} repeated components differ from their first one beyond their texts: kept as frames.`,
    );
  if (state.built < total && !state.cancelled)
    notes.push(`Built ${state.built} of ${total} layers: at most ${limit} are inserted at once.`);
  if (state.cancelled)
    notes.push(
      options.discardOnCancel
        ? `Cancelled after ${state.built} of ${total} layers: nothing was inserted.`
        : `Cancelled: ${state.built} of ${total} layers were built and kept.`,
    );
  if (root) {
    figma.currentPage.selection = [root];
    figma.viewport.scrollAndZoomIntoView([root]);
  }
  return {
    rootId: root?.id,
    built: state.built,
    total,
    cancelled: state.cancelled,
    notes,
    variables: vars.bound,
    components: components.components,
    instances: components.instances,
    overrides: components.overrides,
  };
}

const sizeOf = (layer: LayerNode): { width: number; height: number } => ({ width: layer.box.w, height: layer.box.h });

function make(
  layer: LayerNode,
  fonts: LoadedFonts,
  paints: PaintMaker,
  vars: VariableBinder,
  sourceId: string | undefined,
  plan?: GridPlan,
): SceneNode {
  if (layer.kind === "text" && layer.text) return makeText(layer, layer.text, fonts, paints, vars, sourceId);
  if (layer.kind === "vector" && layer.svg !== undefined) {
    const svg = figma.createNodeFromSvg(layer.svg);
    svg.name = layer.name;
    svg.resize(Math.max(0.01, layer.box.w), Math.max(0.01, layer.box.h));
    vars.shapes(svg, layer);
    return svg;
  }
  const frame = figma.createFrame();
  frame.name = layer.name;
  frame.clipsContent = layer.clip ?? false;
  const fills = [...(layer.fills ?? [])];
  if (layer.kind === "image" && layer.image) fills.push({ type: "IMAGE", ...layer.image });
  // An image that could not be placed over a colour or gradient (a CSS background that did not load) keeps its
  // placeholder hidden: the layer shows what the browser showed, its image slot stays to be filled.
  frame.fills = fills.map((p, i) => {
    const paint = paints.paint(p);
    return paint === IMAGE_PLACEHOLDER && i > 0
      ? { ...paint, visible: false }
      : vars.paint(paint, "fill", layer.sourceId);
  });
  if (layer.stroke) {
    frame.strokes = [vars.paint(paints.paint(layer.stroke.paint), "stroke", layer.sourceId)];
    frame.strokeAlign = "INSIDE";
    const w = layer.stroke.weights;
    frame.strokeTopWeight = w.top;
    frame.strokeRightWeight = w.right;
    frame.strokeBottomWeight = w.bottom;
    frame.strokeLeftWeight = w.left;
    if (layer.stroke.dash) frame.dashPattern = [...layer.stroke.dash];
  }
  if (layer.radii) {
    frame.topLeftRadius = layer.radii.topLeft;
    frame.topRightRadius = layer.radii.topRight;
    frame.bottomRightRadius = layer.radii.bottomRight;
    frame.bottomLeftRadius = layer.radii.bottomLeft;
  }
  const al = flowOf(layer);
  if (al && al.mode !== "GRID") {
    frame.layoutMode = al.mode;
    frame.itemSpacing = al.gap;
    frame.paddingTop = al.padding.top;
    frame.paddingRight = al.padding.right;
    frame.paddingBottom = al.padding.bottom;
    frame.paddingLeft = al.padding.left;
    frame.primaryAxisAlignItems =
      al.primaryAlign === "SPACE_EVENLY" || al.primaryAlign === "SPACE_AROUND" ? "SPACE_BETWEEN" : al.primaryAlign;
    frame.counterAxisAlignItems = al.counterAlign;
    // Figma wraps horizontal auto layout only (a wrapping column is laid out as one column, as CSS drew it).
    if (al.wrap && al.mode === "HORIZONTAL") {
      frame.layoutWrap = "WRAP";
      if (al.counterGap !== undefined) frame.counterAxisSpacing = al.counterGap;
    }
    // Fixed at the description's box until its own sizing says otherwise (set once it is in its parent).
    frame.primaryAxisSizingMode = "FIXED";
    frame.counterAxisSizingMode = "FIXED";
  }
  if (plan) buildGrid(frame, plan);
  frame.resize(Math.max(0.01, layer.box.w), Math.max(0.01, layer.box.h));
  common(frame, layer);
  return frame;
}

function makeText(
  layer: LayerNode,
  text: LayerText,
  fonts: LoadedFonts,
  paints: PaintMaker,
  vars: VariableBinder,
  sourceId: string | undefined,
): TextNode {
  const node = figma.createText();
  node.name = layer.name;
  // No box fitting while the text and its runs go in (each would lay the text out again): its own sizing last.
  node.textAutoResize = "NONE";
  const first = text.runs[0];
  const base = first ? { font: fonts.use(fontOfRun(first)), size: Math.max(1, first.size) } : undefined;
  if (base) {
    node.fontName = base.font;
    node.fontSize = base.size;
  }
  node.characters = text.characters;
  for (const run of text.runs) {
    if (run.end <= run.start) continue;
    const [s, e] = [run.start, run.end];
    // A value the characters already have (the layer's font and size, a new text's defaults) is not set again.
    const font = fonts.use(fontOfRun(run));
    if (!base || font.family !== base.font.family || font.style !== base.font.style) node.setRangeFontName(s, e, font);
    if (!base || Math.max(1, run.size) !== base.size) node.setRangeFontSize(s, e, Math.max(1, run.size));
    node.setRangeFills(s, e, [vars.paint(paints.paint({ type: "SOLID", color: run.fill }), "textFill", sourceId)]);
    node.setRangeLetterSpacing(s, e, { unit: "PIXELS", value: run.letterSpacing });
    if (run.lineHeight !== undefined) node.setRangeLineHeight(s, e, { unit: "PIXELS", value: run.lineHeight });
    if (run.decoration !== "NONE") node.setRangeTextDecoration(s, e, run.decoration);
    if (run.textCase !== "ORIGINAL") node.setRangeTextCase(s, e, run.textCase);
    if (run.href) node.setRangeHyperlink(s, e, { type: "URL", value: run.href });
  }
  node.textAlignHorizontal = text.align;
  node.textAlignVertical = text.alignVertical;
  // A fixed-width box wraps at its width; a hugging one grows with its line.
  if (text.autoResize === "HEIGHT" || text.autoResize === "NONE" || text.autoResize === "TRUNCATE")
    node.resize(Math.max(1, layer.box.w), Math.max(1, layer.box.h));
  if (text.autoResize === "HEIGHT" || text.autoResize === "WIDTH_AND_HEIGHT") node.textAutoResize = text.autoResize;
  common(node, layer);
  return node;
}

function common(node: FrameNode | TextNode, layer: LayerNode): void {
  if (layer.effects) node.effects = layer.effects.map(effectOf);
  if (layer.opacity !== undefined) node.opacity = layer.opacity;
  if (layer.blendMode) node.blendMode = layer.blendMode;
  if (layer.visible === false) node.visible = false;
}

/** Position and sizing in the parent: absolute children where their box says, flowing ones sized per axis. */
function place(node: SceneNode, layer: LayerNode, parentAuto: boolean): void {
  const flows = parentAuto && !layer.absolute;
  if (parentAuto && layer.absolute && "layoutPositioning" in node) node.layoutPositioning = "ABSOLUTE";
  if (!flows) {
    // A new layer is at 0, 0: a move only where it goes elsewhere.
    if (node.x !== layer.box.x) node.x = layer.box.x;
    if (node.y !== layer.box.y) node.y = layer.box.y;
  }
  if (layer.constraints && "constraints" in node) node.constraints = { ...layer.constraints };
  const sizing = layer.sizing;
  if (!sizing || !("layoutSizingHorizontal" in node)) return;
  const hugs = node.type === "TEXT" || (node.type === "FRAME" && node.layoutMode !== "NONE");
  const mode = (m: "FIXED" | "HUG" | "FILL"): "FIXED" | "HUG" | "FILL" =>
    (m === "FILL" && !flows) || (m === "HUG" && !hugs) ? "FIXED" : m;
  node.layoutSizingHorizontal = mode(sizing.horizontal.mode);
  node.layoutSizingVertical = mode(sizing.vertical.mode);
  if (node.type !== "FRAME") return;
  if (sizing.horizontal.min !== undefined) node.minWidth = sizing.horizontal.min;
  if (sizing.horizontal.max !== undefined) node.maxWidth = sizing.horizontal.max;
  if (sizing.vertical.min !== undefined) node.minHeight = sizing.vertical.min;
  if (sizing.vertical.max !== undefined) node.maxHeight = sizing.vertical.max;
}
