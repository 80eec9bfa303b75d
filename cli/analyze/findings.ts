/**
 * The findings `figment analyze` reports and `figment analyze --ai` sends to the model as data: for the
 * whole design, or for the --node layers judged inside their top-level frame. Apart from both commands so
 * neither imports the other.
 */
import { analyzeDesign, type AnalyzeOptions, type Finding } from "../../codegen/analyze/index.js";
import { depthLimitOf, textsOverEmptied } from "../../codegen/rest/depth-limit.js";
import { loadDesign, type DesignDocument, type DesignNode } from "../../codegen/index.js";
import { plural } from "../../kernel/plural.js";

function hasLayer(nodes: readonly DesignNode[], id: string): boolean {
  return nodes.some((n) => n.id === id || hasLayer(n.children ?? [], id));
}

/** Every layer id of the frames. */
function layerIds(nodes: readonly DesignNode[], out = new Set<string>()): Set<string> {
  for (const node of nodes) {
    out.add(node.id);
    layerIds(node.children ?? [], out);
  }
  return out;
}

/**
 * Findings for the whole design, or for the --node layers judged inside their top-level frame (so a text's
 * background is still found above it); a node outside every converted frame is analysed on its own. A reply fetched
 * with a depth limit is said in `notes`, and the texts over a layer it sent empty are not judged for contrast.
 */
export function analyzeJson(json: unknown, nodes: string[], notes: string[] = []): Finding[] {
  const selected = loadDesign(json, nodes);
  const limit = depthLimitOf(json);
  const options: AnalyzeOptions = limit ? { backdropMissing: textsOverEmptied(json, limit) } : {};
  const cut = selected.problems.find((p) => p.code === "depth-limited");
  if (cut && options.backdropMissing) {
    const ids = layerIds(selected.document.frames);
    const texts = [...options.backdropMissing].filter((id) => ids.has(id)).length;
    notes.push(
      texts === 0
        ? cut.message
        : `${cut.message}; the contrast of ${plural(texts, "text")} over them is not judged (what lies behind is not ` +
            "in the file)",
    );
  }
  if (nodes.length === 0) return analyzeDesign(selected.document, options);
  const ids = selected.document.frames.map((f) => f.id);
  let whole: DesignDocument | undefined;
  try {
    whole = loadDesign(json).document;
  } catch {
    whole = undefined; // e.g. every top-level frame empty: the selection alone is all there is
  }
  if (!whole || !ids.every((id) => hasLayer(whole.frames, id))) return analyzeDesign(selected.document, options);
  return analyzeDesign(whole, { ...options, within: ids });
}
