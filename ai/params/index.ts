/** Conditional generation from parameters: rows (CSV, JSONL), a template, rules as data, computed prompts. */
export { ParamsError, type ParamsSource } from "./errors.js";
export { rowsFormatOf, type ParamRow, type ParamTable } from "./rows.js";
export { parseCsvRows } from "./csv.js";
export { parseJsonlRows } from "./jsonl.js";
export { parseTemplate, checkTemplate, fillTemplate, unusedColumns, type Template } from "./template.js";
export { NO_RULES, paramsRead, paramsSet, type Condition, type Rule, type RuleSet } from "./rule-types.js";
export { parseRules, readRules } from "./rules-parse.js";
export { applyRules, holds, ruleWarnings, type RuleOutcome } from "./rules-eval.js";
export { composePrompt, computePrompts, type ComputedPrompts, type ComputedRow } from "./compute.js";
export { rowStem, slugWords } from "./names.js";
export { CONSISTENT_NOTE, rowRequests, withFirstImage, type RowRequest, type SharedImageOptions } from "./requests.js";
export { inferRows, type InferOptions } from "./infer.js";
export {
  inferChatRequest,
  inferResponsesRequest,
  readInferredRows,
  rowsSchema,
  type InferInput,
  type InferParam,
} from "./infer-request.js";
export {
  parseSweep,
  sweepGrid,
  sweepRefusal,
  workflowSweepRefusal,
  sweepLabel,
  sweepValue,
  sweepParamOf,
  checkSweeps,
  SWEEP_PARAMS,
  MAX_GRID_CELLS,
  type Sweep,
  type SweepParam,
  type SweepValue,
  type SweepSettings,
  type SweepTarget,
  type Grid,
  type GridCell,
  type GridRow,
} from "./sweep.js";
