/**
 * The round trip's figure: a design frame's visible layers (codegen/fidelity's visibleNodes, as `figment score`
 * counts them) against the layers read back from its code, matched by the element's data-node-id (the layer's
 * sourceId), boxes compared with the scorer's IoU, relative to the frame's own layer. IoU×matched is the score.
 */
import type { AutoLayout, LayerDocument, LayerNode } from "../../contract/layers.js";
import { iou, visibleNodes, type RestNode } from "../../codegen/fidelity/index.js";
import type { Box } from "../../codegen/fidelity/types.js";

export interface RoundTrip {
  /** Mean IoU over the matched layers. */
  meanIoU: number;
  /** Share of the design's visible layers that came back as a layer. */
  matched: number;
  score: number;
  /** Text layers read back, and how many are editable text (kind text): always all of them. */
  textLayers: number;
  /**
   * Flex containers (auto layout frames in the layers) and how many kept the design's direction, gap and padding,
   * the gap as Figma shows it: "Auto" under SPACE_BETWEEN (Figma ignores itemSpacing there), none beside fewer than
   * two flowing children, else the number.
   */
  autoLayoutFrames: number;
  designAutoLayouts: number;
  sameAutoLayout: number;
  /** The same, the gap compared as the number in the file whether Figma shows it or not (the stricter figure). */
  sameAutoLayoutStrict: number;
  /** The design's auto layout frames that did not come back as shown, and why (missing, mode, gap, padding). */
  autoLayoutMisses: { id: string; name: string; why: string }[];
  /** Those the same as shown but whose file's gap differs where Figma does not show it (the strict count's misses). */
  unshownGapMisses: { id: string; name: string; why: string }[];
  /** The design's visible texts, those read back as editable text (the layer or its text child). */
  designTexts: number;
  editableTexts: number;
  /** Of the editable texts, those whose first run's family is the design's. */
  sameFont: number;
}

/** Every layer's box in page coordinates, by sourceId (the first layer with an id wins). */
export function layersById(root: LayerNode): Map<string, { node: LayerNode; box: Box }> {
  const out = new Map<string, { node: LayerNode; box: Box }>();
  const walk = (node: LayerNode, x: number, y: number): void => {
    const box = { x: x + node.box.x, y: y + node.box.y, width: node.box.w, height: node.box.h };
    if (node.sourceId && !out.has(node.sourceId)) out.set(node.sourceId, { node, box });
    for (const child of node.children ?? []) walk(child, box.x, box.y);
    for (const part of node.parts ?? [])
      if (!out.has(part.sourceId))
        out.set(part.sourceId, {
          node,
          box: { x: box.x + part.box.x, y: box.y + part.box.y, width: part.box.w, height: part.box.h },
        });
  };
  walk(root, 0, 0);
  return out;
}

interface DesignLayout extends RestNode {
  style?: { fontFamily?: string; textCase?: string } | null;
  primaryAxisAlignItems?: string;
  itemSpacing?: number;
  paddingTop?: number;
  paddingRight?: number;
  paddingBottom?: number;
  paddingLeft?: number;
}

/** A gap as Figma's panel shows it: "auto" under SPACE_BETWEEN, "none" beside fewer than two flowing children. */
type ShownGap = number | "auto" | "none";

const designGap = (d: DesignLayout): ShownGap => {
  if (d.primaryAxisAlignItems === "SPACE_BETWEEN") return "auto";
  const flowing = (d.children ?? []).filter(
    (c) => c.visible !== false && (c as { layoutPositioning?: string }).layoutPositioning !== "ABSOLUTE",
  );
  return flowing.length < 2 ? "none" : (d.itemSpacing ?? 0);
};

const layerGap = (node: LayerNode, a: AutoLayout): ShownGap => {
  if (a.primaryAlign === "SPACE_BETWEEN") return "auto";
  const flowing = (node.children ?? []).filter((c) => !c.absolute && c.visible !== false);
  return flowing.length < 2 ? "none" : a.gap;
};

const sameGap = (p: ShownGap, q: ShownGap): boolean =>
  typeof p === "number" && typeof q === "number" ? Math.abs(p - q) <= 1 : p === q;

const gapWords = (g: ShownGap): string =>
  g === "auto" ? "Auto (SPACE_BETWEEN)" : g === "none" ? "none (one child)" : `${g}`;

/** Each REST node's parent, by id (groups included). */
function parents(frame: RestNode): Map<string, RestNode> {
  const out = new Map<string, RestNode>();
  const walk = (node: RestNode): void => {
    for (const child of node.children ?? []) out.set(child.id, node), walk(child);
  };
  walk(frame);
  return out;
}

/**
 * A design layer with no layer of its own whose nearest ancestor with one is a picture (a vector from the code's
 * inline SVG, where an unnamed `<g>` drew the group; an image): drawn by that picture, neither matched nor missing,
 * as `figment score` counts the code (codegen/fidelity/box-score.ts scoreBoxes).
 */
function drawnByPicture(
  id: string,
  parentOf: Map<string, RestNode>,
  byId: Map<string, { node: LayerNode; box: Box }>,
): boolean {
  for (let p = parentOf.get(id); p; p = parentOf.get(p.id)) {
    const layer = byId.get(p.id);
    if (layer) return layer.node.kind === "vector" || layer.node.kind === "image";
  }
  return false;
}

export function scoreRoundTrip(frame: RestNode, layers: LayerDocument): RoundTrip {
  const byId = layersById(layers.root);
  const parentOf = parents(frame);
  let drawnInside = 0;
  const origin = byId.get(frame.id)?.box ?? { x: 0, y: 0, width: 0, height: 0 };
  const nodes = visibleNodes(frame);
  let matched = 0;
  let sum = 0;
  let designAutoLayouts = 0;
  let sameAutoLayout = 0;
  let sameAutoLayoutStrict = 0;
  const autoLayoutMisses: RoundTrip["autoLayoutMisses"] = [];
  const unshownGapMisses: RoundTrip["unshownGapMisses"] = [];
  let designTexts = 0;
  let editableTexts = 0;
  let sameFont = 0;
  for (const v of nodes) {
    const layer = byId.get(v.node.id);
    const d = v.node as DesignLayout;
    // Texts are never pictures' to draw: a text the code drew inside an SVG is a text lost.
    if (!layer && d.type !== "TEXT" && drawnByPicture(d.id, parentOf, byId)) {
      drawnInside++;
      continue;
    }
    const flow = d.layoutMode === "HORIZONTAL" || d.layoutMode === "VERTICAL";
    if (flow) designAutoLayouts++;
    const miss = (why: string) => autoLayoutMisses.push({ id: d.id, name: d.name, why });
    if (d.type === "TEXT") {
      designTexts++;
      const text = layer?.node.kind === "text" ? layer.node : layer?.node.children?.find((c) => c.kind === "text");
      if (text?.text && text.text.characters.length > 0) {
        editableTexts++;
        const family = text.text.runs[0]?.family ?? "";
        if (family.toLowerCase() === (d.style?.fontFamily ?? "").toLowerCase()) sameFont++;
      }
    }
    if (!layer) {
      if (flow) miss("no layer");
      continue;
    }
    matched++;
    const box = { ...layer.box, x: layer.box.x - origin.x, y: layer.box.y - origin.y };
    sum += iou(v.box, box);
    if (!flow) continue;
    const a = layer.node.autoLayout;
    if (a === undefined) {
      miss(`${layer.node.kind} without auto layout`);
      continue;
    }
    if (a.mode !== d.layoutMode) {
      miss(`${a.mode} for ${d.layoutMode}`);
      continue;
    }
    const near = (p: number | undefined, q: number): boolean => Math.abs((p ?? 0) - q) <= 1;
    const padding =
      near(d.paddingTop, a.padding.top) &&
      near(d.paddingRight, a.padding.right) &&
      near(d.paddingBottom, a.padding.bottom) &&
      near(d.paddingLeft, a.padding.left);
    const shown = { design: designGap(d), layer: layerGap(layer.node, a) };
    const strict = near(d.itemSpacing, a.gap);
    const why =
      `gap ${a.gap} for ${d.itemSpacing ?? 0} (shown: ${gapWords(shown.layer)} for ${gapWords(shown.design)}), ` +
      `padding ${Object.values(a.padding).join(" ")} for ` +
      [d.paddingTop, d.paddingRight, d.paddingBottom, d.paddingLeft].map((n) => n ?? 0).join(" ");
    if (padding && strict) sameAutoLayoutStrict++;
    if (padding && sameGap(shown.design, shown.layer)) {
      sameAutoLayout++;
      if (!strict) unshownGapMisses.push({ id: d.id, name: d.name, why });
    } else miss(why);
  }
  let textLayers = 0;
  let autoLayoutFrames = 0;
  const count = (node: LayerNode): void => {
    if (node.kind === "text") textLayers++;
    if (node.autoLayout) autoLayoutFrames++;
    for (const child of node.children ?? []) count(child);
  };
  count(layers.root);
  const meanIoU = matched > 0 ? sum / matched : 0;
  const share = nodes.length - drawnInside > 0 ? matched / (nodes.length - drawnInside) : 0;
  return {
    meanIoU,
    matched: share,
    score: meanIoU * share,
    textLayers,
    autoLayoutFrames,
    designAutoLayouts,
    sameAutoLayout,
    sameAutoLayoutStrict,
    autoLayoutMisses,
    unshownGapMisses,
    designTexts,
    editableTexts,
    sameFont,
  };
}
