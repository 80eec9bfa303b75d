/**
 * The export's own problems (an image Figma could not give, an SVG it could not export, a limit) head the
 * list. Codegen then reports the same layer again as a placeholder in its own words ("no image bytes …
 * none were supplied"): that echo is dropped, the export's problem says why.
 */
import type { Problem } from "../../codegen/types.js";
import type { ExportProblem } from "../../contract/messages.js";

const IMAGE_CODES = new Set(["image-missing", "image-failed", "image-too-large", "images-over-limit"]);

export function withExportProblems(exported: readonly ExportProblem[], problems: readonly Problem[]): Problem[] {
  const imageLayers = new Set(
    exported.filter((p) => IMAGE_CODES.has(p.code) && p.nodeId !== undefined).map((p) => p.nodeId),
  );
  return [
    ...exported,
    ...problems.filter((p) => !(p.code === "missing-image" && p.nodeId !== undefined && imageLayers.has(p.nodeId))),
  ];
}
