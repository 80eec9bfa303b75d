/**
 * An SD server's problem (ai/sdnext/errors.ts SdProblem) as it crosses the worker boundary beside a failed model
 * request's kind: the panel picks its words and next step from it (the CORS flag, the field a 422 named).
 */
import type { SdProblem } from "../../../ai/sdnext/errors.js";
import {
  array,
  boolean,
  custom,
  number,
  object,
  oneOf,
  optional,
  string,
  type Field,
  type Shape,
} from "../../../contract/fields.js";

const text = string({ max: 2000 });
const SHAPES: { [T in SdProblem["type"]]: Shape } = {
  unreachable: { url: text },
  cors: { url: text, server: optional(oneOf(["sdnext", "a1111", "comfyui"])) },
  unauthorized: { sentCredentials: boolean() },
  "invalid-field": { field: text, reason: text },
  "out-of-memory": { detail: text },
  "empty-answer": {},
  "no-route": { path: text },
  "no-controlnet": {},
  "no-control-model": { unit: text, models: array(text, { max: 200 }) },
  "server-error": { status: number({ integer: true, min: 0, max: 999 }), detail: text },
  "node-error": { node: text, classType: text, input: optional(text), reason: text },
  "workflow-refused": { errorType: text, reason: text },
  "node-failed": { node: text, classType: text, detail: text },
  interrupted: {},
  "unknown-name": { what: text, asked: text, known: array(text, { max: 200 }) },
};

export const sdProblemField: Field<SdProblem> = custom<SdProblem>("an SD server problem", (v) => {
  if (typeof v !== "object" || v === null || !("type" in v)) return undefined;
  const type = (v as { type: unknown }).type;
  if (typeof type !== "string" || !Object.hasOwn(SHAPES, type)) return undefined;
  try {
    return {
      type,
      ...object(SHAPES[type as SdProblem["type"]]).check(
        Object.fromEntries(Object.entries(v).filter(([k]) => k !== "type")),
        "problem",
      ),
    } as SdProblem;
  } catch {
    return undefined;
  }
});
