/**
 * Vision-model analysis of frames: Describe, Critique, Read text, Compare. The request carries the PNG(s),
 * the compact design hint, the live text, the computed findings and (Compare) a structural diff, all as
 * delimited data; the Markdown answer streams. Pure: runs in the panel's worker and in Node.
 */
export { describeDiff, diffDesigns } from "./diff.js";
export type { DiffEntry } from "./diff.js";
export { ANSWER_TOKENS, estimateAnalyze } from "./estimate.js";
export { ANALYZE_TASKS, analyzeFrame, buildAnalyzeInput, liveTexts } from "./input.js";
export type { AnalyzeFrame, AnalyzeImage, AnalyzeInput, AnalyzeTask, LiveText } from "./input.js";
export {
  analyzeInstructions,
  analyzeTexts,
  DATA_TAGS,
  dataBlock,
  DIFF_TAG,
  FINDINGS_TAG,
  findingLines,
  MAX_FINDINGS,
  MAX_TEXTS,
  TEXT_TAG,
} from "./prompt.js";
export { findingsOf } from "./findings.js";
export { analyzeChatRequest, analyzeResponsesRequest } from "./request.js";
export type { AnalyzeRequestOptions } from "./request.js";
export { analyzeWithModel } from "./run.js";
export type { AnalyzeOptions, AnalyzeResult, AnalyzeUsage } from "./run.js";
