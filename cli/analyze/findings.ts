/**
 * The findings `figment analyze` reports and `figment analyze --ai` sends to the model as data: for the
 * whole design, or for the --node layers judged inside their top-level frame. Apart from both commands so
 * neither imports the other.
 */
import { analyzeDesign, type Finding } from "../../codegen/analyze/index.js";
import { loadDesign, type DesignDocument, type DesignNode } from "../../codegen/index.js";

function hasLayer(nodes: readonly DesignNode[], id: string): boolean {
  return nodes.some((n) => n.id === id || hasLayer(n.children ?? [], id));
}

/**
 * Findings for the whole design, or for the --node layers judged inside their top-level frame (so a text's
 * background is still found above it); a node outside every converted frame is analysed on its own.
 */
export function analyzeJson(json: unknown, nodes: string[]): Finding[] {
  const selected = loadDesign(json, nodes);
  if (nodes.length === 0) return analyzeDesign(selected.document);
  const ids = selected.document.frames.map((f) => f.id);
  let whole: DesignDocument | undefined;
  try {
    whole = loadDesign(json).document;
  } catch {
    whole = undefined; // e.g. every top-level frame empty: the selection alone is all there is
  }
  if (!whole || !ids.every((id) => hasLayer(whole.frames, id))) return analyzeDesign(selected.document);
  return analyzeDesign(whole, { within: ids });
}
