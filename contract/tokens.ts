/**
 * The design tokens an export carries beside the frames' REST JSON (codegen/design/extras.ts): the bound
 * variables in the `variables/local` meta shape, the named styles, and the modes the frames resolve to.
 * Checked with the same reader as the CLI's `--variables`, so both paths accept exactly the same data.
 */
import type { DesignStyle, DesignVariables } from "../codegen/design/extras.js";
import { readVariablesReply } from "../codegen/tokens/variables-reply.js";
import { custom, object, oneOf, optional, record, string, type Field } from "./fields.js";

export const designVariablesField: Field<DesignVariables> = custom(
  "the file's variables ({ variables, variableCollections } as GET /v1/files/:key/variables/local's meta)",
  (v) => {
    try {
      return readVariablesReply(v);
    } catch {
      return undefined;
    }
  },
);

const designStyle: Field<DesignStyle> = object({
  name: string({ max: 1000 }),
  styleType: oneOf(["FILL", "TEXT", "EFFECT", "GRID"]),
  description: optional(string({ max: 10_000 })),
});

export const designStylesField = record(designStyle, { max: 10_000 });

/** Frame id → collection id → mode id. */
export const variableModesField = record(record(string({ max: 500 }), { max: 1000 }), { max: 1000 });
