/**
 * The analysis requests between the panel and the worker, each field defined once with its check (a section of
 * the engine's protocol, joined in index.ts): `analyze-findings` (the deterministic findings of the exported
 * frames), `analyze-prepare` (the model's input and its estimate; nothing is sent) and `analyze-model` (the
 * request, streaming `analyze-text` events until its reply). Findings, the input and the estimate are ai/ and
 * codegen/ structures that travel as checked objects whose inner shape those own.
 */
import type { AnalyzeInput } from "../../../ai/analyze/input.js";
import { ANALYZE_TASKS } from "../../../ai/analyze/tasks.js";
import type { Estimate } from "../../../ai/estimate/estimate.js";
import type { Finding } from "../../../codegen/analyze/types.js";
import {
  array,
  boolean,
  bytes,
  json,
  number,
  object,
  oneOf,
  opaque,
  optional,
  string,
  type Infer,
} from "../../../contract/fields.js";
import { MAX_NAME_CHARS } from "../../../contract/limits.js";
import { fetchedPricesField } from "../../../contract/messages.js";
import { settingsField } from "../../../contract/settings.js";
import type { Section } from "./common.js";

/** One exported frame: its REST JSON and, for the model, its PNG. */
const analyzeExport = object({ id: string({ nonEmpty: true }), json: json(), png: optional(bytes()) });
export type AnalyzeExport = Infer<typeof analyzeExport>;
const exports = array(analyzeExport, { max: 50 });
const frame = object({ id: string(), name: string() });
const usage = object({ inputTokens: number({ min: 0 }), outputTokens: number({ min: 0 }) });

export const analyzeSection = {
  requests: {
    /** The findings computed from the frames' design trees (offline, no key). */
    "analyze-findings": { exports },
    /** The model's input for `task` (PNGs, hint, live text, findings, the diff for compare) and its estimate. */
    "analyze-prepare": {
      exports,
      task: oneOf(ANALYZE_TASKS),
      question: string({ max: 4000 }),
      model: string({ nonEmpty: true, max: MAX_NAME_CHARS }),
      prices: optional(fetchedPricesField),
    },
    /** One analysis with the key of the settings' endpoint; the answer streams as `analyze-text` events. */
    "analyze-model": {
      settings: settingsField,
      apiKey: string({ nonEmpty: true, max: 1000 }),
      input: opaque<AnalyzeInput>("an analysis input"),
      timeoutMs: number({ min: 1 }),
      prices: optional(fetchedPricesField),
    },
  },
  replies: {
    "analyze-findings": { frames: array(frame), findings: array(opaque<Finding>("a finding")), ms: number({ min: 0 }) },
    "analyze-prepare": { input: opaque<AnalyzeInput>("an analysis input"), estimate: opaque<Estimate>("an estimate") },
    "analyze-model": {
      markdown: string(),
      model: string(),
      /** The answer stopped at the output limit; what came is kept. */
      cut: boolean(),
      usage: optional(usage),
      /** What the reported usage costs at the known price (computed in the worker, where the prices live). */
      costUsd: optional(number({ min: 0 })),
    },
  },
  events: {
    /** The next piece of the model's Markdown answer. */
    "analyze-text": { delta: string() },
  },
  streams: { "analyze-model": ["analyze-text"] },
  estimates: ["analyze-prepare"],
  codeParts: {},
} as const satisfies Section;
