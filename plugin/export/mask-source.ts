/**
 * Inpainting's reading of the selection: the image layer (the one selected layer with a visible image fill)
 * and the shapes drawn over it — selected beside it, or the other layers of the one selected frame or group
 * holding both, or the children of a selected frame whose own fill is the image. Groups among the shapes
 * count by their layers. Each shape goes as its outlines (fill geometry, and stroke geometry when it has a
 * visible stroke) with the map from its coordinates to the image's pixels: shape → page (its absolute
 * transform) → image layer (the inverse of the layer's) → image pixels (the fill's scale mode, image-fill-map.ts).
 * Affine all the way, so a rotated, flipped or skewed image layer is exact. The panel rasterises the mask at
 * the image's resolution (ai/mask/): outlines are exact at any size and the main thread stays free.
 * Read-only; every refusal says what to select instead.
 */
import {
  compose,
  invert,
  MAX_MASK_PATH_CHARS,
  MAX_MASK_SHAPES,
  MAX_MASK_SIDE,
  type Affine,
  type MaskPath,
  type MaskShape,
  type MaskSource,
} from "../../contract/mask.js";
import { MAX_IMAGE_FILE_BYTES } from "../../contract/limits.js";
import { PluginError, errorText, formatCount } from "../errors.js";
import { imageFillMap } from "../canvas/image-fill-map.js";

const HOLDERS = new Set(["FRAME", "GROUP", "COMPONENT", "INSTANCE", "SECTION"]);

/** The top visible image paint of a layer, if it has one. */
function imagePaintOf(node: SceneNode): ImagePaint | undefined {
  if (!("fills" in node) || typeof node.fills === "symbol") return undefined;
  const paints = node.fills.filter(
    (p): p is ImagePaint => p.type === "IMAGE" && p.visible !== false && p.imageHash !== null,
  );
  return paints[paints.length - 1];
}

const named = (nodes: readonly SceneNode[]): string => {
  const names = nodes.slice(0, 3).map((n) => `“${n.name}”`);
  return nodes.length > 3 ? `${names.join(", ")} and ${nodes.length - 3} more` : names.join(" and ");
};

/** The image layer and the layers over it, from what is selected. */
function pickLayers(selection: readonly SceneNode[]): { image: SceneNode; others: SceneNode[] } {
  if (selection.length === 0)
    throw new PluginError(
      "empty-selection",
      "Select an image layer and the shapes drawn over the area to repaint (or the frame holding both).",
    );
  let candidates = [...selection];
  const only = selection.length === 1 ? selection[0]! : undefined;
  if (only && "children" in only && HOLDERS.has(only.type)) {
    if (imagePaintOf(only)) return { image: only, others: [...only.children] };
    candidates = [...only.children];
  }
  const images = candidates.filter((n) => n.visible && imagePaintOf(n));
  if (images.length === 0)
    throw new PluginError(
      "unsupported-node",
      `${only && candidates !== selection ? `“${only.name}” holds` : "The selection has"} ` +
        `no layer filled with an image: select the image layer and the shapes drawn over it.`,
    );
  if (images.length > 1)
    throw new PluginError(
      "unsupported-node",
      `${named(images)} all have image fills: select one image layer and the shapes over it.`,
    );
  return { image: images[0]!, others: candidates.filter((n) => n !== images[0]) };
}

/** The shapes among `nodes`: visible layers with outlines, groups opened (a boolean operation counts as one shape). */
function shapesOf(nodes: readonly SceneNode[]): SceneNode[] {
  const out: SceneNode[] = [];
  const visit = (node: SceneNode): void => {
    if (!node.visible) return;
    if (node.type !== "BOOLEAN_OPERATION" && "children" in node) {
      if (node.type !== "GROUP" && "fillGeometry" in node && hasVisible(node.fills)) out.push(node);
      for (const child of node.children) visit(child);
      return;
    }
    if ("fillGeometry" in node) out.push(node);
  };
  for (const node of nodes) visit(node);
  return out;
}

const hasVisible = (paints: readonly Paint[] | symbol): boolean =>
  typeof paints !== "symbol" && paints.some((p) => p.visible !== false);

/** A shape's outlines: its fill (open paths fill nothing), and its stroke when one shows. */
function outlines(node: SceneNode & GeometryMixin): MaskPath[] {
  const paths: MaskPath[] = [];
  for (const p of node.fillGeometry)
    if (p.windingRule !== "NONE" && p.data.trim()) paths.push({ data: p.data, windingRule: p.windingRule });
  const weight = "strokeWeight" in node && typeof node.strokeWeight === "number" ? node.strokeWeight : 0;
  if (weight > 0 && hasVisible(node.strokes))
    for (const p of node.strokeGeometry)
      if (p.data.trim()) paths.push({ data: p.data, windingRule: p.windingRule === "EVENODD" ? "EVENODD" : "NONZERO" });
  return paths;
}

/** Whether two page boxes overlap (a quick test before the panel's exact one). */
const overlaps = (a: Rect | null, b: Rect | null): boolean =>
  !a || !b || (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height);

async function imageOf(
  layer: SceneNode,
  paint: ImagePaint,
): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const image = figma.getImageByHash(paint.imageHash!);
  if (!image)
    throw new PluginError(
      "not-found",
      `Figma cannot find the image of “${layer.name}” in this file (it may ` +
        `not have finished loading). Try again, or place the image again.`,
    );
  let size: { width: number; height: number };
  let bytes: Uint8Array;
  try {
    size = await image.getSizeAsync();
    bytes = await image.getBytesAsync();
  } catch (error) {
    throw new PluginError("export-failed", `Figma could not read the image of “${layer.name}”: ${errorText(error)}.`);
  }
  if (size.width > MAX_MASK_SIDE || size.height > MAX_MASK_SIDE) {
    throw new PluginError(
      "too-large",
      `The image of “${layer.name}” is ${formatCount(size.width)} × ${formatCount(size.height)} ` +
        `px; a mask can be made for images up to ${formatCount(MAX_MASK_SIDE)} px per side.`,
    );
  }
  if (bytes.length > MAX_IMAGE_FILE_BYTES)
    throw new PluginError(
      "too-large",
      `The image of “${layer.name}” is a ${formatCount(bytes.length / 1e6)} MB ` +
        `file; the panel takes up to ${formatCount(MAX_IMAGE_FILE_BYTES / 1e6)} MB.`,
    );
  return { bytes, ...size };
}

/** The selection's image and the shapes over it, ready for the panel to make the mask from. */
export async function readMaskSource(selection: readonly SceneNode[]): Promise<MaskSource> {
  const { image: layer, others } = pickLayers(selection);
  const paint = imagePaintOf(layer)!;
  const shapes = shapesOf(others);
  if (shapes.length === 0)
    throw new PluginError(
      "unsupported-node",
      `Draw a shape over the part of “${layer.name}” to repaint and ` +
        `select it with the image (nothing else selected draws an outline).`,
    );
  if (shapes.length > MAX_MASK_SHAPES)
    throw new PluginError(
      "too-large",
      `${formatCount(shapes.length)} shapes are selected over “${layer.name}”; ` +
        `a mask takes up to ${MAX_MASK_SHAPES}. Flatten them into fewer shapes.`,
    );
  const box = layer.absoluteBoundingBox;
  const outside = shapes.filter((s) => !overlaps(s.absoluteBoundingBox, box));
  if (outside.length > 0)
    throw new PluginError(
      "unsupported-node",
      `${named(outside)} ${outside.length === 1 ? "is" : "are"} not over ` +
        `“${layer.name}”: move ${outside.length === 1 ? "it" : "them"} onto the ` +
        `image or leave ${outside.length === 1 ? "it" : "them"} out of the selection.`,
    );

  const pageToLayer = invert(layer.absoluteTransform as Affine);
  if (!pageToLayer)
    throw new PluginError(
      "unsupported-node",
      `“${layer.name}” is flattened to a line (scaled to 0 in one ` +
        `direction), so nothing drawn over it falls on its image.`,
    );
  const img = await imageOf(layer, paint);
  const map = imageFillMap(
    {
      scaleMode: paint.scaleMode,
      ...(paint.imageTransform ? { imageTransform: paint.imageTransform } : {}),
      ...(paint.rotation !== undefined ? { rotation: paint.rotation } : {}),
    },
    layer,
    img,
  );
  if ("problem" in map) throw new PluginError("unsupported-node", `“${layer.name}” ${map.problem}.`);
  const layerToImage = map.toImage;
  const pageToImage = compose(layerToImage, pageToLayer);

  let chars = 0;
  const out: MaskShape[] = [];
  for (const shape of shapes as (SceneNode & GeometryMixin)[]) {
    const paths = outlines(shape);
    chars += paths.reduce((n, p) => n + p.data.length, 0);
    if (chars > MAX_MASK_PATH_CHARS)
      throw new PluginError(
        "too-large",
        `The shapes over “${layer.name}” have outlines of more than ` +
          `${formatCount(MAX_MASK_PATH_CHARS)} characters: flatten or simplify them.`,
      );
    if (paths.length > 0)
      out.push({
        id: shape.id,
        name: shape.name,
        toImage: compose(pageToImage, shape.absoluteTransform as Affine),
        paths,
      });
  }
  if (out.length === 0)
    throw new PluginError(
      "unsupported-node",
      `${named(shapes)} outline${shapes.length === 1 ? "s" : ""} no area (open paths ` +
        `without a stroke): draw a closed shape over the part of “${layer.name}” to repaint.`,
    );
  return {
    nodeId: layer.id,
    name: layer.name,
    image: img.bytes,
    width: img.width,
    height: img.height,
    scaleMode: paint.scaleMode as MaskSource["scaleMode"],
    layer: { width: layer.width, height: layer.height, toImage: layerToImage },
    shapes: out,
  };
}
