/**
 * Reasoning-driven rows between the panel and the worker, each field defined once with its check (a section of
 * the engine's protocol, joined in index.ts): `infer-rows` sends a frame's texts and the parameters to fill
 * to the model (ai/params inferRows) and answers the rows it proposed, checked against the parameters'
 * allowed values, with its notes. The texts are the design's words: the request puts them in a data block.
 * Also the Rows setup's pure work, kept here so ai/params stays out of ui.html: `row-prompts` (every row's
 * computed prompt, notes and errors by part) and `read-rows` (pasted CSV or JSONL as a table, or its error).
 */
import { array, number, object, optional, record, string, type Infer } from "../../../contract/fields.js";
import { settingsField } from "../../../contract/settings.js";
import type { Section } from "./common.js";

/** At most this many rows per request (ai/params infer-request.ts: 1–20). */
export const MAX_INFERRED_ROWS = 20;
/** At most this many text layers go to the model (a long page's first ones, in reading order). */
export const MAX_FRAME_TEXTS = 400;

const frameText = object({ layer: string({ max: 500 }), text: string({ max: 5000 }) });
const inferParam = object({
  name: string({ nonEmpty: true, max: 200 }),
  description: optional(string({ max: 500 })),
  choices: optional(array(string({ max: 200 }), { max: 50 })),
});
export const inferInputField = object({
  texts: array(frameText, { max: MAX_FRAME_TEXTS }),
  params: array(inferParam, { max: 30 }),
  rows: number({ integer: true, min: 1, max: MAX_INFERRED_ROWS }),
});
export type InferInputData = Infer<typeof inferInputField>;

const editTable = object({ columns: array(string()), rows: array(array(string())) });
const promptItem = object({
  row: number({ integer: true, min: 1 }),
  values: record(string()),
  prompt: string(),
  stem: string(),
});

export const rowsSection = {
  requests: {
    /**
     * The setup's prompts from its table, template, rules (JSON text) and style sentence (ai/params/row-prompts.ts).
     */
    "row-prompts": { table: editTable, template: string(), rules: string(), style: string() },
    /** Pasted rows: JSONL when they start with "{", CSV otherwise. */
    "read-rows": { text: string() },
    /** The model reads the texts and proposes `rows` rows of the parameters, with the key of the settings' endpoint. */
    "infer-rows": {
      settings: settingsField,
      apiKey: string({ nonEmpty: true, max: 1000 }),
      input: inferInputField,
      timeoutMs: number({ min: 1 }),
    },
  },
  replies: {
    "row-prompts": {
      items: array(promptItem),
      notes: array(string()),
      errors: object({ rows: optional(string()), template: optional(string()), rules: optional(string()) }),
    },
    /** The table, or why the text is not rows (with its line and column). */
    "read-rows": { table: optional(editTable), error: optional(string()) },
    "infer-rows": {
      /** The parameters' names, in the order asked. */
      columns: array(string()),
      /** One map from parameter name to value per proposed row. */
      rows: array(record(string()), { max: MAX_INFERRED_ROWS }),
      /** What in the copy led to these values, in the model's words. */
      notes: string(),
    },
  },
  events: {},
  streams: {},
  estimates: [],
  codeParts: {},
} as const satisfies Section;
