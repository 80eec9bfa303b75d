/**
 * What a vision-model analysis is given: the task, one frame (two to compare) with its compact design hint,
 * its live text layers and its PNG, the deterministic findings, and for Compare the structural diff. Built
 * from the design tree here (pure), so the panel's worker and the CLI send the very same request.
 */
import { displayName } from "../../codegen/design/layer-label.js";
import type { Finding } from "../../codegen/analyze/types.js";
import type { DesignDocument, DesignNode } from "../../codegen/design/types.js";
import { printHint } from "../../codegen/hint/print.js";
import type { ImageDetail } from "../code/prompt.js";
import { describeDiff, diffDesigns } from "./diff.js";

import type { AnalyzeTask } from "./tasks.js";
import { FigmentError } from "../../kernel/errors.js";

export { ANALYZE_TASKS, type AnalyzeTask } from "./tasks.js";

/** A text layer as the design holds it (live text, as opposed to text drawn into pixels). */
export interface LiveText {
  nodeId: string;
  name: string;
  chars: string;
}

export interface AnalyzeImage {
  /** `data:image/png;base64,…` (see `pngDataUrl`). */
  dataUrl: string;
  width: number;
  height: number;
}

export interface AnalyzeFrame {
  nodeId: string;
  name: string;
  /** The compact model hint for this frame alone (codegen/hint). */
  hint: string;
  texts: LiveText[];
  /** Absent: the model works from the structure alone. */
  image?: AnalyzeImage;
}

export interface AnalyzeInput {
  task: AnalyzeTask;
  /** One frame; Compare has two (A, then B). */
  frames: AnalyzeFrame[];
  /** The computed findings for the frame(s): facts the model builds on. */
  findings: Finding[];
  /** Compare: what changed from A to B, from the two design trees. */
  diff?: string;
  /** The user's own question or focus, if any. */
  question?: string;
  detail?: ImageDetail;
}

/** Live text layers in document order; hidden layers (and what they hold) are not on screen, so left out. */
export function liveTexts(node: DesignNode, out: LiveText[] = []): LiveText[] {
  if (node.hidden) return out;
  if (node.kind === "text" && node.text && node.text.chars.trim())
    out.push({ nodeId: node.id, name: node.name, chars: node.text.chars });
  for (const child of node.children ?? []) liveTexts(child, out);
  return out;
}

/** One frame of the document as the model gets it (its hint printed on its own). */
export function analyzeFrame(document: DesignDocument, frame: DesignNode, image?: AnalyzeImage): AnalyzeFrame {
  return {
    nodeId: frame.id,
    name: displayName(frame, document.layerNames),
    hint: printHint({ frames: [frame], assets: document.assets }),
    texts: liveTexts(frame),
    ...(image ? { image } : {}),
  };
}

/**
 * The input for `task` over the document's frames: the first frame (Compare: the first two, A and B, with
 * their diff). Throws an input error when Compare has fewer than two frames.
 */
export function buildAnalyzeInput(
  task: AnalyzeTask,
  document: DesignDocument,
  findings: Finding[],
  options: { images?: (AnalyzeImage | undefined)[]; question?: string } = {},
): AnalyzeInput {
  const count = task === "compare" ? 2 : 1;
  if (document.frames.length < count)
    throw new FigmentError(
      "input",
      task === "compare" ? "Compare needs two frames (or two versions of one)." : "There is no frame to analyze.",
    );
  const frames = document.frames.slice(0, count).map((frame, i) => analyzeFrame(document, frame, options.images?.[i]));
  const ids = new Set<string>();
  for (const frame of document.frames.slice(0, count)) collectIds(frame, ids);
  const question = options.question?.trim();
  return {
    task,
    frames,
    findings: findings.filter((f) => ids.has(f.nodeId)),
    ...(task === "compare" ? { diff: describeDiff(diffDesigns(document.frames[0]!, document.frames[1]!)) } : {}),
    ...(question ? { question } : {}),
    detail: "high",
  };
}

function collectIds(node: DesignNode, ids: Set<string>): void {
  ids.add(node.id);
  for (const child of node.children ?? []) collectIds(child, ids);
}
