/**
 * The round trip's figure: a design frame's visible layers (codegen/fidelity's visibleNodes, as `figment score`
 * counts them) against the layers read back from its code, matched by the element's data-node-id (the layer's
 * sourceId), boxes compared with the scorer's IoU, relative to the frame's own layer. IoU×matched is the score.
 */
import type { LayerDocument, LayerNode } from "../../contract/layers.js";
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
  /** Flex containers (auto layout frames in the layers) and how many kept the design's direction, gap, padding. */
  autoLayoutFrames: number;
  designAutoLayouts: number;
  sameAutoLayout: number;
  /** The design's auto layout frames that did not come back the same, and why (missing, mode, gap, padding). */
  autoLayoutMisses: { id: string; name: string; why: string }[];
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

/** Why a design's gap has no trace in any rendering: Figma itself ignores it there. */
const unrenderedGap = (d: DesignLayout): string => {
  const flowing = (d.children ?? []).filter(
    (c) => c.visible !== false && (c as { layoutPositioning?: string }).layoutPositioning !== "ABSOLUTE",
  );
  if (d.primaryAxisAlignItems === "SPACE_BETWEEN") return " (SPACE_BETWEEN: Figma does not use the gap)";
  return flowing.length < 2 ? " (one child: no gap to see)" : "";
};

export function scoreRoundTrip(frame: RestNode, layers: LayerDocument): RoundTrip {
  const byId = layersById(layers.root);
  const origin = byId.get(frame.id)?.box ?? { x: 0, y: 0, width: 0, height: 0 };
  const nodes = visibleNodes(frame);
  let matched = 0;
  let sum = 0;
  let designAutoLayouts = 0;
  let sameAutoLayout = 0;
  const autoLayoutMisses: RoundTrip["autoLayoutMisses"] = [];
  let designTexts = 0;
  let editableTexts = 0;
  let sameFont = 0;
  for (const v of nodes) {
    const layer = byId.get(v.node.id);
    const d = v.node as DesignLayout;
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
    const a = layer.node.autoLayout;
    const near = (p: number | undefined, q: number): boolean => Math.abs((p ?? 0) - q) <= 1;
    if (
      flow &&
      a !== undefined &&
      a.mode === d.layoutMode &&
      near(d.itemSpacing, a.gap) &&
      near(d.paddingTop, a.padding.top) &&
      near(d.paddingRight, a.padding.right) &&
      near(d.paddingBottom, a.padding.bottom) &&
      near(d.paddingLeft, a.padding.left)
    )
      sameAutoLayout++;
    else if (flow)
      miss(
        a === undefined
          ? `${layer.node.kind} without auto layout`
          : a.mode !== d.layoutMode
            ? `${a.mode} for ${d.layoutMode}`
            : `gap ${a.gap} for ${d.itemSpacing ?? 0}, padding ${Object.values(a.padding).join(" ")} for ` +
              [d.paddingTop, d.paddingRight, d.paddingBottom, d.paddingLeft].map((n) => n ?? 0).join(" ") +
              unrenderedGap(d),
      );
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
  const share = nodes.length > 0 ? matched / nodes.length : 0;
  return {
    meanIoU,
    matched: share,
    score: meanIoU * share,
    textLayers,
    autoLayoutFrames,
    designAutoLayouts,
    sameAutoLayout,
    autoLayoutMisses,
    designTexts,
    editableTexts,
    sameFont,
  };
}
