/**
 * Layer names that end up in the code: an image's name is its alt text, a frame's name its class or
 * component name. Figma's generated names ("Rectangle 12", "Frame 3") are already dropped to "" by the
 * design tree (which keeps them in DesignDocument.layerNames for the text a designer reads); lower-case and
 * file-like leftovers ("image 3", "IMG_2041.jpg") are caught here.
 */
import type { DesignNode } from "../design/types.js";
import type { Placed } from "../design/placed.js";
import type { OtherFinding } from "./types.js";

const GENERIC = new RegExp(
  "^(image|img|photo|picture|pic|bitmap|rectangle|rect|ellipse|oval|frame|group|" +
    "layer|placeholder|bg|background|thumbnail|thumb|asset|untitled|mask " +
    String.raw`group|unsplash|pexels|shutterstock|screenshot)([\s_-]*\(?\d+\)?)?( copy( \d+)?)?$`,
  "i",
);
const FILE_LIKE =
  /^(img|dsc|pxl|photo|screenshot|screen shot)[\s_-]?[\d_ -]+|\.(png|jpe?g|webp|gif|svg|heic)$|^[0-9a-f]{16,}$/i;

export function isGenericName(name: string): boolean {
  const trimmed = name.trim();
  return trimmed === "" || GENERIC.test(trimmed) || FILE_LIKE.test(trimmed);
}

/** The layer becomes an `<img>` in the code (one image fill on a plain shape), as the emitters decide. */
export function isImageElement(node: DesignNode): boolean {
  const fills = node.fills ?? [];
  return (node.kind === "rect" || node.kind === "ellipse") && fills.length === 1 && fills[0]!.kind === "image";
}

export function hasImageFill(node: DesignNode): boolean {
  return (node.fills ?? []).some((f) => f.kind === "image");
}

export function nameFindings(layers: Placed[]): OtherFinding[] {
  const out: OtherFinding[] = [];
  for (const { node, name } of layers) {
    if (isImageElement(node) && isGenericName(node.name)) {
      const alt = node.name.trim();
      out.push({
        nodeId: node.id,
        nodeName: name,
        kind: "image-name",
        severity: "warning",
        message:
          alt === ""
            ? `Image has a generated name, so the code gives it alt="" ` +
              `(decorative); name the layer after what it shows.`
            : `Image is named "${alt}", which becomes its alt text; name the layer after what it shows.`,
      });
    } else if (node.kind === "frame" && isGenericName(node.name) && !/^(bg|background)/i.test(node.name.trim())) {
      out.push({
        nodeId: node.id,
        nodeName: name,
        kind: "frame-name",
        severity: "info",
        message:
          `Frame has a generated name${node.name.trim() ? ` ("${node.name.trim()}")` : ""}; ` +
          `a name saying what it is gives the code meaningful class and component names.`,
      });
    }
  }
  return out;
}
