/**
 * Layers named in text a designer reads, as Figma's layers panel names them: the name leads and the id, which
 * only finds the layer again, trails as a detail (`“Frame 8” is empty … (id 1:2)`). Ids mean nothing on the canvas.
 */
import type { DesignDocument, DesignNode } from "./types.js";

/** A node of Figma's REST reply, as far as naming goes. */
interface NamedRestNode {
  id: string;
  name?: string;
  children?: readonly NamedRestNode[];
}

/**
 * The name shown in lists, as Figma's layers panel shows it: the layer's own name, the generated one the tree
 * dropped ("Frame 59598"), or for a layer with no name at all a description.
 */
export function displayName(node: DesignNode, layerNames: Readonly<Record<string, string>> = {}): string {
  if (node.name.trim() !== "") return node.name;
  return layerNames[node.id] ?? `unnamed ${node.kind}`;
}

/** A layer in a sentence whose id trails elsewhere (a problem's nodeId): `“Frame 8”`, or `layer 1:2` unnamed. */
export function layerName(name: string | undefined, id: string): string {
  return name !== undefined && name.trim() !== "" ? `“${name}”` : `layer ${id}`;
}

/**
 * Every layer's name by id: the design tree's, the generated ones it dropped (DesignDocument.layerNames), and,
 * given the REST nodes it came from, Figma's own (which also name the layers the tree left out, hidden or boxless).
 */
export function layerNamesById(
  document: Pick<DesignDocument, "frames" | "layerNames">,
  roots: readonly NamedRestNode[] = [],
): Map<string, string> {
  const names = new Map<string, string>();
  const walkDesign = (node: DesignNode): void => {
    const name = node.name.trim() !== "" ? node.name : document.layerNames?.[node.id];
    if (name !== undefined) names.set(node.id, name);
    for (const child of node.children ?? []) walkDesign(child);
  };
  const walkRest = (node: NamedRestNode): void => {
    if (typeof node.name === "string" && node.name.trim() !== "") names.set(node.id, node.name);
    for (const child of node.children ?? []) walkRest(child);
  };
  for (const frame of document.frames) walkDesign(frame);
  for (const root of roots) walkRest(root);
  return names;
}
