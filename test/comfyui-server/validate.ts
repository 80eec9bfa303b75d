/**
 * ComfyUI's prompt validation, as execution.py's validate_prompt and validate_inputs do it (comfyanonymous/ComfyUI
 * execution.py at f599e5ca, with the newer `missing_node_type` error of the current one): each output node is
 * validated by walking its links upstream; a node's errors are {type, message, details, extra_info{input_name}}.
 * A link to a node that is not in the prompt raises a KeyError (an output index past the node's outputs an
 * IndexError) that escapes the node and is recorded by the node that linked to it, as
 * `exception_during_inner_validation` (or `exception_during_validation` at an output node) — ComfyUI's quirk, kept.
 */
import type { InputSpec, NodeDef } from "./nodes.js";

export interface NodeErrorItem {
  type: string;
  message: string;
  details: string;
  extra_info: Record<string, unknown>;
}

export interface PromptNode {
  class_type?: unknown;
  inputs?: Record<string, unknown>;
}

export type Prompt = Record<string, PromptNode>;

export type ValidationResult =
  | { ok: true; outputs: string[] }
  | {
      ok: false;
      error: NodeErrorItem;
      nodeErrors: Record<string, { errors: NodeErrorItem[]; dependent_outputs: string[]; class_type: string }>;
    };

/** A Python exception raised while validating: its type name and str(). */
class PyException {
  constructor(
    readonly type: string,
    readonly message: string,
  ) {}
}

type Verdict = [boolean, NodeErrorItem[], string];

export function validatePrompt(prompt: Prompt, defs: Record<string, NodeDef>): ValidationResult {
  const outputs: string[] = [];
  for (const [id, node] of Object.entries(prompt)) {
    if (typeof node !== "object" || node === null || !("class_type" in node))
      return refuse("missing_node_type", `Node 'ID #${id}' has no class_type. The workflow may be corrupted.`, id);
    const classType = String(node.class_type);
    const def = defs[classType];
    if (!def)
      return refuse("missing_node_type", `Node '${classType}' not found. The custom node may not be installed.`, id, {
        node_id: id,
        class_type: classType,
      });
    if (def.outputNode) outputs.push(id);
  }
  if (outputs.length === 0) return refuse("prompt_no_outputs", "Prompt has no outputs", undefined);

  const validated = new Map<string, Verdict>();
  const good: string[] = [];
  const failed: [string, NodeErrorItem[]][] = [];
  const nodeErrors: Extract<ValidationResult, { ok: false }>["nodeErrors"] = {};
  for (const output of outputs) {
    let valid: boolean;
    let reasons: NodeErrorItem[];
    try {
      [valid, reasons] = validateInputs(prompt, output, validated, defs);
    } catch (error) {
      const ex = asPy(error);
      valid = false;
      reasons = [
        {
          type: "exception_during_validation",
          message: "Exception when validating node",
          details: ex.message,
          extra_info: { exception_type: ex.type, traceback: [] },
        },
      ];
      validated.set(output, [false, reasons, output]);
    }
    if (valid) {
      good.push(output);
      continue;
    }
    failed.push([output, reasons]);
    for (const [id, [ok, why]] of validated) {
      // Nodes downstream of an invalid one are invalid without reasons of their own: not reported.
      if (ok || why.length === 0) continue;
      nodeErrors[id] ??= { errors: why, dependent_outputs: [], class_type: String(prompt[id]!.class_type) };
      nodeErrors[id].dependent_outputs.push(output);
    }
  }
  if (good.length === 0) {
    const details = failed.flatMap(([, errors]) => errors.map((e) => `${e.message}: ${e.details}`)).join("\n");
    return {
      ok: false,
      error: {
        type: "prompt_outputs_failed_validation",
        message: "Prompt outputs failed validation",
        details,
        extra_info: {},
      },
      nodeErrors,
    };
  }
  return { ok: true, outputs: good };
}

function refuse(
  type: string,
  message: string,
  id: string | undefined,
  extra: Record<string, unknown> = {},
): ValidationResult {
  return {
    ok: false,
    error: { type, message, details: id ? `Node ID '#${id}'` : "", extra_info: extra },
    nodeErrors: {},
  };
}

const asPy = (error: unknown): PyException =>
  error instanceof PyException ? error : new PyException("Exception", String(error));

function validateInputs(
  prompt: Prompt,
  id: string,
  validated: Map<string, Verdict>,
  defs: Record<string, NodeDef>,
): Verdict {
  const known = validated.get(id);
  if (known) return known;
  const node = prompt[id]!;
  const inputs = node.inputs ?? {};
  const def = defs[String(node.class_type)]!;
  const errors: NodeErrorItem[] = [];
  let valid = true;
  const customInputs = new Set(def.validateInputs ?? []);
  for (const [name, info] of Object.entries(def.required)) {
    if (!(name in inputs)) {
      errors.push(item("required_input_missing", "Required input is missing", name, { input_name: name }));
      continue;
    }
    const value = inputs[name];
    const type = info[0];
    if (Array.isArray(value)) {
      if (value.length !== 2) {
        const extra = { input_name: name, input_config: info, received_value: value };
        errors.push(
          item("bad_linked_input", "Bad linked input, must be a length-2 list of [node_id, slot_index]", name, extra),
        );
        continue;
      }
      const [from, slot] = value as [unknown, unknown];
      const source = prompt[String(from)];
      // `prompt[o_id]['class_type']` before any try: a missing node escapes this node's validation.
      if (!source) throw new PyException("KeyError", `'${String(from)}'`);
      const returns = defs[String(source.class_type)]!.output;
      const received = typeof slot === "number" ? returns[slot] : undefined;
      if (received === undefined) throw new PyException("IndexError", "tuple index out of range");
      if (received !== type) {
        const extra = { input_name: name, input_config: info, received_type: received, linked_node: value };
        errors.push(
          item(
            "return_type_mismatch",
            "Return type mismatch between linked nodes",
            `${name}, ${received} != ${String(type)}`,
            extra,
          ),
        );
        continue;
      }
      try {
        if (!validateInputs(prompt, String(from), validated, defs)[0]) valid = false;
      } catch (error) {
        const ex = asPy(error);
        valid = false;
        const reasons = [
          item("exception_during_inner_validation", "Exception when validating inner node", ex.message, {
            input_name: name,
            input_config: info,
            exception_message: ex.message,
            exception_type: ex.type,
            traceback: [],
            linked_node: value,
          }),
        ];
        validated.set(String(from), [false, reasons, String(from)]);
      }
      continue;
    }
    const converted = convert(type, value);
    if ("error" in converted) {
      const extra = { input_name: name, input_config: info, received_value: value, exception_message: converted.error };
      const message = `Failed to convert an input value to a ${String(type)} value`;
      errors.push(item("invalid_input_type", message, `${name}, ${String(value)}, ${converted.error}`, extra));
      continue;
    }
    inputs[name] = converted.value;
    const range = rangeError(name, info, converted.value);
    if (range) {
      errors.push(range);
      continue;
    }
    if (!customInputs.has(name) && Array.isArray(type) && !type.includes(converted.value as string)) {
      const list = type.length > 20 ? `(list of length ${type.length})` : pyList(type);
      const extra = { input_name: name, input_config: type.length > 20 ? null : info, received_value: value };
      errors.push(item("value_not_in_list", "Value not in list", `${name}: '${String(value)}' not in ${list}`, extra));
    }
  }
  // VALIDATE_INPUTS of LoadImage / LoadImageMask: the file must be in the input folder, the channel a known one.
  if (customInputs.size) {
    const problem = customProblem(def, inputs);
    if (problem)
      for (const name of customInputs)
        errors.push(
          item("custom_validation_failed", "Custom validation failed for node", `${name} - ${problem}`, {
            input_name: name,
          }),
        );
  }
  const verdict: Verdict = errors.length || !valid ? [false, errors, id] : [true, [], id];
  validated.set(id, verdict);
  return verdict;
}

function customProblem(def: NodeDef, inputs: Record<string, unknown>): string | undefined {
  const files = def.required["image"]?.[0];
  const image = inputs["image"];
  if (Array.isArray(files) && !files.includes(String(image))) return `Invalid image file: ${String(image)}`;
  const channels = def.required["channel"]?.[0];
  if (Array.isArray(channels) && !channels.includes(String(inputs["channel"])))
    return `Invalid color channel: ${String(inputs["channel"])}`;
  return undefined;
}

function item(type: string, message: string, details: string, extra: Record<string, unknown>): NodeErrorItem {
  return { type, message, details, extra_info: extra };
}

/** int(), float() and str() as Python applies them to a widget value. */
function convert(type: InputSpec[0], value: unknown): { value: unknown } | { error: string } {
  if (type === "INT") {
    if (typeof value === "boolean") return { value: value ? 1 : 0 };
    if (typeof value === "number" && Number.isFinite(value)) return { value: Math.trunc(value) };
    if (typeof value === "string" && /^\s*[-+]?\d+\s*$/.test(value)) return { value: Number.parseInt(value, 10) };
    return { error: `invalid literal for int() with base 10: '${String(value)}'` };
  }
  if (type === "FLOAT") {
    if (typeof value === "boolean") return { value: value ? 1 : 0 };
    if (typeof value === "number") return { value };
    if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
      return { value: Number(value) };
    return { error: `could not convert string to float: '${String(value)}'` };
  }
  if (type === "STRING") return { value: typeof value === "string" ? value : JSON.stringify(value) };
  return { value };
}

function rangeError(name: string, info: InputSpec, value: unknown): NodeErrorItem | undefined {
  const options = info[1];
  if (!options || typeof value !== "number") return undefined;
  const extra = { input_name: name, input_config: info, received_value: value };
  // Python prints a FLOAT input's numbers as floats: 250.0, 100.0.
  const py = (n: number): string => (info[0] === "FLOAT" && Number.isInteger(n) ? `${n}.0` : String(n));
  const { min, max } = options;
  if (typeof min === "number" && value < min)
    return item("value_smaller_than_min", `Value ${py(value)} smaller than min of ${py(min)}`, name, extra);
  if (typeof max === "number" && value > max)
    return item("value_bigger_than_max", `Value ${py(value)} bigger than max of ${py(max)}`, name, extra);
  return undefined;
}

const pyList = (values: readonly string[]): string => `[${values.map((v) => `'${v}'`).join(", ")}]`;
