/**
 * What the panel says about selected layers Figment cannot export: what is wrong with which layer and what
 * to do, in the panel's words (the main thread's `reason` is the fallback). Pure.
 */
import { MAX_SIDE } from "../../contract/limits.js";
import type { UnsupportedNode } from "../../contract/messages.js";
import { int } from "../model/cost.js";

export interface UnsupportedText {
  title: string;
  /** One line per layer (several layers), or what is wrong (one layer). */
  lines: string[];
  /** What to do about it. */
  next: string;
}

/** "a hidden layer: show it first" → "A hidden layer: show it first." */
function sentence(text: string): string {
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? "" : "."}`;
}

/** How far past MAX_SIDE the layer is: "24,000 px tall", "12,000 px wide". */
export function oversize(node: Pick<UnsupportedNode, "width" | "height">): string {
  return node.height >= node.width ? `${int(node.height)} px tall` : `${int(node.width)} px wide`;
}

function titleOf(node: UnsupportedNode): string {
  switch (node.problem) {
    case "too-large":
      return `“${node.name}” is too large to export`;
    case "hidden":
      return `“${node.name}” is hidden`;
    case "no-size":
      return `“${node.name}” has no size`;
    case "not-design":
      return `“${node.name}” has no code to write`;
  }
}

function whatOf(node: UnsupportedNode): string {
  switch (node.problem) {
    case "too-large":
      return `It is ${oversize(node)}; Figment exports frames up to ${int(MAX_SIDE)} px on a side.`;
    case "hidden":
      return "Hidden layers are not exported.";
    case "no-size":
      return "It is 0 × 0 px, so there is nothing to draw.";
    case "not-design":
      return sentence(node.reason);
  }
}

function nextOf(node: UnsupportedNode): string {
  switch (node.problem) {
    case "too-large":
      return "Select a smaller frame, or one of the frames inside it.";
    case "hidden":
      return "Show it in the Layers panel, or select a visible frame.";
    case "no-size":
      return "Select a frame with content.";
    case "not-design":
      return "Select a frame, component or group.";
  }
}

/** The message for the unsupported layers of a selection (`exportable`: how many selected layers are fine). */
export function unsupportedText(
  unsupported: readonly UnsupportedNode[],
  exportable: number,
): UnsupportedText | undefined {
  const [first] = unsupported;
  if (!first) return undefined;
  const others =
    exportable > 0
      ? ` Deselect ${unsupported.length === 1 ? "it" : "them"} to generate code ` +
        `for the other ${exportable === 1 ? "layer" : `${exportable} layers`}.`
      : "";
  // With other layers fine, the quickest way on comes first.
  if (unsupported.length === 1)
    return { title: titleOf(first), lines: [whatOf(first)], next: `${others.trim()} ${nextOf(first)}`.trim() };
  const lines = unsupported.map((node) => {
    const why =
      node.problem === "too-large" ? `too large: ${oversize(node)}, the limit is ${int(MAX_SIDE)} px` : node.reason;
    return `“${node.name}” — ${why}`;
  });
  const allTooLarge = unsupported.every((n) => n.problem === "too-large");
  return {
    title: `${unsupported.length} selected layers can't be exported`,
    lines,
    next: others
      ? others.trim()
      : allTooLarge
        ? nextOf(first)
        : "Select frames, components or groups that are visible.",
  };
}
