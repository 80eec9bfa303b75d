/**
 * The hint the model gets: printed from the tree the offline emitters use, so with layout inference on
 * (CodeOptions.layout "responsive", the default) a screen drawn without auto layout reaches the model with
 * its inferred rows, columns and stacks, and the model path gets the same help as the offline one.
 */
import { copyNode } from "../design/node.js";
import type { DesignDocument, DesignNode } from "../design/types.js";
import { COMPACT_WIDTH, inferLayout, type LayoutDecisions, type LayoutMode } from "../layout/index.js";
import { printHint } from "./print.js";

/**
 * `decisions`: the layout check's verdicts (codegen/layout-check), so the model sees the layout the code has. Each
 * frame says how it was laid out (`lc:`), --exact-layout's too: code from the hint applies that, decides nothing.
 */
export function modelHint(doc: DesignDocument, layout: LayoutMode = "responsive", decisions?: LayoutDecisions): string {
  return printHint(laidDocument(doc, layout, decisions));
}

/** The document the hint prints: laid out by inference, or (exact) marked as drawn. The section planner cuts it. */
export function laidDocument(
  doc: DesignDocument,
  layout: LayoutMode = "responsive",
  decisions?: LayoutDecisions,
): DesignDocument {
  return layout === "exact" ? asDrawn(doc) : inferLayout(doc, decisions);
}

/** --exact-layout: every frame inference would lay out said to be kept as drawn (`lc:-/exact`). */
function asDrawn(doc: DesignDocument): DesignDocument {
  const mark = (frame: DesignNode): DesignNode =>
    frame.w > COMPACT_WIDTH ? copyNode(frame, { laid: { check: "none", kept: [], exact: true } }) : frame;
  const out: DesignDocument = { ...doc, frames: doc.frames.map(mark) };
  if (doc.drawings)
    out.drawings = Object.fromEntries(Object.entries(doc.drawings).map(([id, list]) => [id, list.map(mark)]));
  return out;
}
