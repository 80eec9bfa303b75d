/**
 * `analyze-findings` and `analyze-prepare` in the worker: the deterministic findings of the exported
 * frames, and the model's input (PNGs, hint, live text, findings, the diff for Compare) with its estimate.
 * No SDK here: the request itself runs in analyze-job.ts, loaded on first use.
 */
import { estimateAnalyze } from "../../../ai/analyze/estimate.js";
import { findingsOf } from "../../../ai/analyze/findings.js";
import { buildAnalyzeInput, type AnalyzeImage } from "../../../ai/analyze/input.js";
import { loadTokenizer, pngSize } from "../../../ai/estimate/estimate.js";
import { pngDataUrl } from "../../../ai/code/prompt.js";
import { displayName } from "../../../codegen/design/layer-label.js";
import { loadDesign } from "../../../codegen/index.js";
import type { AnalyzeExport } from "../protocol/analyze.js";
import { asNodesReply, type ReplyOf, type RequestOf } from "../protocol/index.js";

const designOf = (exports: AnalyzeExport[]) =>
  loadDesign(asNodesReply(exports.map((e) => ({ id: e.id, json: e.json })))).document;

export async function analyzeFindings(request: RequestOf<"analyze-findings">): Promise<ReplyOf<"analyze-findings">> {
  const started = performance.now();
  const document = designOf(request.exports);
  const findings = findingsOf(document);
  return {
    frames: document.frames.map((f) => ({ id: f.id, name: displayName(f, document.layerNames) })),
    findings,
    ms: performance.now() - started,
  };
}

/** A PNG the worker cannot read is not sent: the model gets that frame's structure only. */
function imageOf(png: Uint8Array | undefined): AnalyzeImage | undefined {
  const size = png ? pngSize(png) : undefined;
  return png && size ? { dataUrl: pngDataUrl(png), ...size } : undefined;
}

/** An analysis the input cannot make (no frames, Compare without two) throws an input error: a `bad` failure. */
export async function analyzePrepare(request: RequestOf<"analyze-prepare">): Promise<ReplyOf<"analyze-prepare">> {
  const tokenizer = loadTokenizer();
  const document = designOf(request.exports);
  const images = document.frames.map((frame) =>
    imageOf(
      request.exports.find((e) => e.id === frame.id)?.png ?? request.exports[document.frames.indexOf(frame)]?.png,
    ),
  );
  const input = buildAnalyzeInput(request.task, document, findingsOf(document), { images, question: request.question });
  await tokenizer;
  const estimate = estimateAnalyze(input, {
    model: request.model,
    ...(request.prices ? { prices: request.prices } : {}),
  });
  return { input, estimate };
}
