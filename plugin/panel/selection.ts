/** What the UI is told about the selection, and which nodes Figment can export. */
import { formatCount } from "../errors.js";
import { MAX_SIDE } from "../../contract/limits.js";
import type { SelectedNode, SelectionSummary } from "../../contract/messages.js";
import { readRecord } from "../canvas/image-record.js";
import { topFrameOf } from "../search/top-frames.js";
import { kindRefusal, type Refusal } from "../export/exportable.js";

/** Why a node cannot be exported, or undefined when it can. Cheap: no traversal (layer counts come later). */
function refusal(node: SceneNode): Refusal | undefined {
  const kind = kindRefusal(node);
  if (kind !== undefined) return kind;
  if (Math.max(node.width, node.height) > MAX_SIDE) {
    return {
      problem: "too-large",
      reason:
        `it is ${formatCount(node.width)} × ${formatCount(node.height)} px, larger than ` +
        `${formatCount(MAX_SIDE)} px on a side: select a smaller frame or a section of it`,
    };
  }
  return undefined;
}

/** Why a node cannot be exported, or undefined when it can. */
export function unsupportedReason(node: SceneNode): string | undefined {
  return refusal(node)?.reason;
}

export function describeNode(node: SceneNode): SelectedNode {
  return { id: node.id, name: node.name, type: node.type, width: node.width, height: node.height };
}

/** Marks an image Figment made (it has a record), so the panel can offer Replace on it. */
function withImage(node: SceneNode, described: SelectedNode): SelectedNode {
  const record = "fills" in node ? readRecord(node) : undefined;
  return record ? { ...described, image: { versionId: record.versionId } } : described;
}

const showsImage = (node: SceneNode): boolean =>
  node.visible &&
  "fills" in node &&
  typeof node.fills !== "symbol" &&
  node.fills.some((p) => p.type === "IMAGE" && p.visible !== false);

/** What a designer draws a mask with. */
const DRAWN = new Set(["RECTANGLE", "ELLIPSE", "POLYGON", "STAR", "VECTOR", "LINE", "BOOLEAN_OPERATION", "GROUP"]);
const overlaps = (a: Rect | null, b: Rect | null): boolean =>
  !!a && !!b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Whether inpainting can start here (contract: selectedNode.imageFill). A holder counts when its own fill is an
 * image under children, or when one direct child is an image and every other visible child is a drawn shape
 * lying over it (a screen with a background photo under its frames and texts does not). Direct children only:
 * the summary stays cheap.
 */
function withImageFill(node: SceneNode, described: SelectedNode): SelectedNode {
  if ("children" in node && node.type !== "BOOLEAN_OPERATION" && node.children.length > 0) {
    if (showsImage(node)) return { ...described, imageFill: "inside" };
    const shown = node.children.filter((c) => c.visible);
    const images = shown.filter(showsImage);
    const image = images.length === 1 ? images[0]! : undefined;
    const others = shown.filter((c) => c !== image);
    const drawn = (c: SceneNode): boolean =>
      DRAWN.has(c.type) && overlaps(c.absoluteBoundingBox, image!.absoluteBoundingBox);
    return image && others.length > 0 && others.every(drawn) ? { ...described, imageFill: "inside" } : described;
  }
  return showsImage(node) ? { ...described, imageFill: "own" } : described;
}

/**
 * The top-level frame the layer is in (Search's rule: frames on the page or in its sections), for "like the selection".
 */
function withFrame(node: SceneNode, described: SelectedNode): SelectedNode {
  const frame = topFrameOf(node);
  return frame ? { ...described, frameId: frame.id } : described;
}

export function summarizeSelection(selection: readonly SceneNode[]): SelectionSummary {
  const summary: SelectionSummary = { nodes: [], unsupported: [] };
  for (const node of selection) {
    const refused = refusal(node);
    if (refused === undefined)
      summary.nodes.push(withImageFill(node, withFrame(node, withImage(node, describeNode(node)))));
    else summary.unsupported.push({ ...describeNode(node), ...refused });
  }
  return summary;
}
