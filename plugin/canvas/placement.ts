/**
 * Where a new image layer goes and what it is called: beside the selection (right of the top-level layers
 * it belongs to, so it never lands on top of a frame), at the viewport's centre when nothing is selected,
 * or into the one selected frame, scaled down to fit its width.
 */
import type { Placement } from "../../contract/image.js";
import { PluginError, formatCount } from "../errors.js";

/** Space between the selection and the new layer, in px. */
export const GAP = 40;
/** Longest layer name taken from a prompt. */
export const MAX_NAME = 60;
/** A generated image's layer name when neither a name nor a prompt says more. */
export const DEFAULT_NAME = "Generated image";

export interface Size {
  width: number;
  height: number;
}

export interface Spot extends Size {
  /** The parent to append to; undefined: the current page. */
  parent?: FrameNode | ComponentNode | SectionNode;
  /** Position in the parent's coordinates (the page's: absolute). */
  x: number;
  y: number;
  /** Said to the user when the spot differs from what they may expect. */
  note?: string;
}

/** A short layer name from the given name or the prompt: one line, trimmed, cut at a word. */
export function layerName(name: string | undefined, prompt: string): string {
  const line = (name?.trim() ? name : prompt).replace(/\s+/g, " ").trim();
  if (line === "") return DEFAULT_NAME;
  if (line.length <= MAX_NAME) return line;
  const cut = line.slice(0, MAX_NAME - 1);
  // The cut ends a word when a space follows it; otherwise go back to the last whole word.
  const space = line[MAX_NAME - 1] === " " ? cut.length : cut.lastIndexOf(" ");
  return `${(space > MAX_NAME / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, "")}…`;
}

/** The layer on the page that holds `node` (the node itself when it is on the page). */
function topLevel(node: SceneNode): SceneNode {
  let current: SceneNode = node;
  while (current.parent && current.parent.type !== "PAGE" && current.parent.type !== "DOCUMENT")
    current = current.parent as SceneNode;
  return current;
}

type Box = { x: number; y: number; width: number; height: number };

function boxOf(node: SceneNode): Box {
  const box = node.absoluteBoundingBox;
  return box ?? { x: node.x, y: node.y, width: node.width, height: node.height };
}

/** Right of the selection's top-level layers, top-aligned with them. */
function beside(selection: readonly SceneNode[], size: Size): Spot {
  const boxes = [...new Set(selection.map(topLevel))].map(boxOf);
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const top = Math.min(...boxes.map((b) => b.y));
  return { ...size, x: Math.round(right + GAP), y: Math.round(top) };
}

function atViewportCentre(size: Size): Spot {
  const { x, y } = figma.viewport.center;
  return { ...size, x: Math.round(x - size.width / 2), y: Math.round(y - size.height / 2) };
}

const CONTAINERS = new Set(["FRAME", "COMPONENT", "SECTION"]);

/** Into the frame: top-centred, scaled down (keeping its shape) to the frame's width when wider. */
function into(selection: readonly SceneNode[], size: Size): Spot {
  const frame = selection[0];
  if (selection.length !== 1 || !frame || !CONTAINERS.has(frame.type)) {
    const what =
      selection.length === 0
        ? "nothing is selected"
        : selection.length > 1
          ? `${selection.length} layers are selected`
          : `“${frame!.name}” is a ${frame!.type.toLowerCase().replace(/_/g, " ")}`;
    throw new PluginError(
      "unsupported-node",
      `To place the image into a frame, select one frame (${what}). Nothing was changed.`,
    );
  }
  const parent = frame as FrameNode | ComponentNode | SectionNode;
  const scale = Math.min(1, parent.width / size.width);
  const width = Math.max(1, Math.round(size.width * scale));
  const height = Math.max(1, Math.round(size.height * scale));
  const note =
    scale < 1
      ? `Scaled to ${formatCount(width)} × ${formatCount(height)} px to fit the width of “${parent.name}”.`
      : undefined;
  return { parent, width, height, x: Math.round((parent.width - width) / 2), y: 0, ...(note ? { note } : {}) };
}

/** Where an image of `size` (1×) goes for this selection. */
export function spotFor(selection: readonly SceneNode[], size: Size, placement: Placement): Spot {
  if (placement === "into") return into(selection, size);
  return selection.length === 0 ? atViewportCentre(size) : beside(selection, size);
}
