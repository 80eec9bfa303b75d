/**
 * A request body checked against a route's field table (fields.ts) as FastAPI and pydantic v2 would answer it: each
 * problem one item of a 422's `detail`, with its place (`loc`), message and pydantic's error type. Unknown fields
 * are refused (`extra_forbidden`). Nested lists of units (SD.Next's `control`, the ControlNet extension's
 * `alwayson_scripts.controlnet.args`) are checked against their own tables.
 */
import { base64ToBytes } from "../../kernel/base64.js";
import { imageInfo } from "../../ai/image/bytes.js";
import { A1111_CONTROLNET_UNIT_FIELDS, CONTROL_UNIT_FIELDS, type FieldTable, type FieldType } from "./fields.js";

export interface ValidationItem {
  type: string;
  loc: (string | number)[];
  msg: string;
  input?: unknown;
}

const TYPE_ERRORS: Readonly<Record<FieldType, [type: string, msg: string]>> = {
  str: ["string_type", "Input should be a valid string"],
  int: ["int_type", "Input should be a valid integer"],
  float: ["float_type", "Input should be a valid number"],
  bool: ["bool_type", "Input should be a valid boolean"],
  list: ["list_type", "Input should be a valid list"],
  dict: ["dict_type", "Input should be a valid dictionary"],
  any: ["any", ""],
  "int|str": ["int_type", "Input should be a valid integer or string"],
};

function fits(type: FieldType, value: unknown): boolean {
  switch (type) {
    case "str":
      return typeof value === "string";
    case "int":
      return typeof value === "number" && Number.isInteger(value);
    case "float":
      return typeof value === "number" && Number.isFinite(value);
    case "bool":
      return typeof value === "boolean";
    case "list":
      return Array.isArray(value);
    case "dict":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "int|str":
      return typeof value === "string" || (typeof value === "number" && Number.isInteger(value));
    case "any":
      return true;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The problems of `body` (a parsed JSON object) against `table`; `loc` is where the body sits (["body"]). */
export function checkFields(table: FieldTable, body: unknown, loc: (string | number)[] = ["body"]): ValidationItem[] {
  if (!isRecord(body))
    return [
      {
        type: "model_attributes_type",
        loc,
        msg: "Input should be a valid dictionary or object to extract fields from",
        input: body,
      },
    ];
  const items: ValidationItem[] = [];
  for (const [key, value] of Object.entries(body)) {
    const spec = table[key];
    if (!spec) {
      items.push({ type: "extra_forbidden", loc: [...loc, key], msg: "Extra inputs are not permitted", input: value });
      continue;
    }
    if (value === null && spec.nullable) continue;
    if (!fits(spec.type, value)) {
      const [type, msg] = TYPE_ERRORS[spec.type];
      items.push({ type, loc: [...loc, key], msg, input: value });
    }
  }
  return items;
}

/** A base64 image (bare or as a data URL) the server can open; undefined when it is not one. */
export function readImage(value: unknown): { width: number; height: number } | undefined {
  if (typeof value !== "string") return undefined;
  const bare = value.replace(/^data:image\/[a-z]+;base64,/, "");
  try {
    const info = imageInfo(base64ToBytes(bare));
    return info ? { width: info.width, height: info.height } : undefined;
  } catch {
    return undefined;
  }
}

function imageItem(loc: (string | number)[], value: unknown): ValidationItem[] {
  return readImage(value)
    ? []
    : [
        {
          type: "value_error",
          loc,
          msg: "Value error, not a base64-encoded image",
          input: typeof value === "string" ? `${value.slice(0, 40)}…` : value,
        },
      ];
}

/** img2img: the fields, then each init image and the mask must be images. */
export function checkImg2Img(table: FieldTable, body: unknown): ValidationItem[] {
  const items = checkFields(table, body);
  if (items.length || !isRecord(body)) return items;
  const inits = body["init_images"];
  if (!Array.isArray(inits) || inits.length === 0)
    return [{ type: "missing", loc: ["body", "init_images"], msg: "Field required: at least one init image" }];
  inits.forEach((image, i) => items.push(...imageItem(["body", "init_images", i], image)));
  if (body["mask"] !== undefined && body["mask"] !== null) items.push(...imageItem(["body", "mask"], body["mask"]));
  return items;
}

/** SD.Next's /sdapi/v1/control: the fields, each unit of `control`, and the input images. */
export function checkControl(table: FieldTable, body: unknown): ValidationItem[] {
  const items = checkFields(table, body);
  if (items.length || !isRecord(body)) return items;
  const units = body["control"];
  if (Array.isArray(units)) {
    units.forEach((unit, i) => {
      items.push(...checkFields(CONTROL_UNIT_FIELDS, unit, ["body", "control", i]));
      if (isRecord(unit) && typeof unit["image"] === "string")
        items.push(...imageItem(["body", "control", i, "image"], unit["image"]));
    });
  }
  const inputs = body["inputs"];
  if (Array.isArray(inputs)) inputs.forEach((image, i) => items.push(...imageItem(["body", "inputs", i], image)));
  return items;
}

/** The ControlNet extension's units in `alwayson_scripts.controlnet.args`, when there are any. */
export function checkA1111ControlNet(body: unknown): ValidationItem[] {
  if (!isRecord(body) || !isRecord(body["alwayson_scripts"])) return [];
  const scripts = body["alwayson_scripts"];
  const controlnet = scripts["controlnet"];
  if (controlnet === undefined) return [];
  const loc = ["body", "alwayson_scripts", "controlnet"];
  if (!isRecord(controlnet) || !Array.isArray(controlnet["args"]))
    return [{ type: "dict_type", loc, msg: "Input should be a dictionary with a list of units in `args`" }];
  const items: ValidationItem[] = [];
  controlnet["args"].forEach((unit, i) => {
    items.push(...checkFields(A1111_CONTROLNET_UNIT_FIELDS, unit, [...loc, "args", i]));
    if (isRecord(unit) && unit["image"] !== undefined)
      items.push(...imageItem([...loc, "args", i, "image"], unit["image"]));
  });
  return items;
}
