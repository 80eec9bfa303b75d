/**
 * The deterministic findings an analysis builds on, from the design tree (codegen/analyze). One place, so
 * the panel's worker and the CLI send the very same facts.
 */
import type { Finding } from "../../codegen/analyze/types.js";
import type { DesignDocument } from "../../codegen/design/types.js";

export function findingsOf(document: DesignDocument): Finding[] {
  // Until codegen/analyze's analyzeDesign lands, the model works without computed findings.
  void document;
  return [];
}
