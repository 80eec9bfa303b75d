/**
 * The hint the model gets: printed from the tree the offline emitters use, so with layout inference on
 * (CodeOptions.layout "responsive", the default) a screen drawn without auto layout reaches the model with
 * its inferred rows, columns and stacks, and the model path gets the same help as the offline one.
 */
import type { DesignDocument } from "../design/types.js";
import { inferLayout, type LayoutDecisions, type LayoutMode } from "../layout/index.js";
import { printHint } from "./print.js";

/** `decisions`: the layout check's verdicts (codegen/layout-check), so the model sees the layout the code has. */
export function modelHint(doc: DesignDocument, layout: LayoutMode = "responsive", decisions?: LayoutDecisions): string {
  return printHint(layout === "exact" ? doc : inferLayout(doc, decisions));
}
