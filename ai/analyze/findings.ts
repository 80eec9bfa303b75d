/**
 * The deterministic findings an analysis builds on, from the design tree (codegen/analyze). One place, so
 * the panel's worker sends the very facts the panel lists.
 */
import { analyzeDesign } from "../../codegen/analyze/index.js";
import type { Finding } from "../../codegen/analyze/types.js";
import type { DesignDocument } from "../../codegen/design/types.js";

export function findingsOf(document: DesignDocument): Finding[] {
  return analyzeDesign(document);
}
