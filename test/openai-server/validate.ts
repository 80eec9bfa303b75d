// Validates request bodies against the official OpenAI OpenAPI 3.1 spec
// (test/fixtures/openai/openapi.json). OpenAPI 3.1 schemas are JSON Schema
// 2020-12, so Ajv's 2020 build compiles them; OpenAPI-only keywords
// (discriminator, x-stainless-*, example…) are ignored with `strict: false`.
// Two rewrites are applied to a copy of `components.schemas` (see normalize()):
//  - `nullable: true` (an OpenAPI 3.0 leftover the spec still uses) becomes a
//    `"null"` type / anyOf branch; Ajv would otherwise throw at compile time on
//    `nullable` without `type`.
//  - `oneOf` becomes `anyOf`: the spec's unions overlap (e.g. InputItem: an
//    EasyInputMessage also matches Item → Message), so valid requests would fail
//    "must match exactly one schema"; the spec relies on `discriminator` instead.
// Formats (e.g. `uri`) are not checked.
// Two kinds of body are read before validation: multipart forms (image edits: every value arrives as a
// string, so numbers and booleans are turned back into what the schema says, files become "<file …>"), and
// OpenRouter's image output on chat completions (`modalities` with "image", `image_config`), which OpenAI's
// spec does not know: those two keys are checked here against OpenRouter's documented values, the rest of
// the body against OpenAI's schema.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020Module from "ajv/dist/2020.js";
import type { ValidateFunction, ErrorObject } from "ajv";

// ajv is CJS; under ESM + Bundler resolution the default import may be the module namespace.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ??
  Ajv2020Module) as typeof Ajv2020Module;

export const SPEC_PATH = fileURLToPath(new URL("../fixtures/openai/openapi.json", import.meta.url));

/** The spec beside this module, or (when bundled elsewhere, as the bench is) under the working directory. */
function specPath(): string {
  if (existsSync(SPEC_PATH)) return SPEC_PATH;
  const fromCwd = resolve(process.cwd(), "test/fixtures/openai/openapi.json");
  return existsSync(fromCwd) ? fromCwd : SPEC_PATH;
}
const SPEC_ID = "https://figment.test/openai/openapi.json";

/** Request path (with or without the /v1 prefix) → schema name in `components.schemas`. */
export const REQUEST_SCHEMAS: Readonly<Record<string, string>> = {
  "/v1/responses": "CreateResponse",
  "/v1/chat/completions": "CreateChatCompletionRequest",
  "/v1/images/generations": "CreateImageRequest",
  "/v1/images/edits": "EditImageBodyJsonParam",
  "/v1/embeddings": "CreateEmbeddingRequest",
  "/v1/batches": "CreateBatchRequest",
};

/** Multipart request path → schema name (the edit endpoint's form; its JSON body has its own schema above). */
export const MULTIPART_SCHEMAS: Readonly<Record<string, string>> = {
  "/v1/images/edits": "CreateImageEditRequest",
  "/v1/files": "CreateFileRequest",
};

let ajv: InstanceType<typeof Ajv2020> | undefined;
let schemas: Record<string, unknown> | undefined;
const cache = new Map<string, ValidateFunction>();

function getAjv(): InstanceType<typeof Ajv2020> {
  if (ajv) return ajv;
  const spec = JSON.parse(readFileSync(specPath(), "utf8")) as { components: { schemas: Record<string, unknown> } };
  schemas = normalize(spec.components.schemas);
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false, logger: false });
  // Only the component schemas are registered; `#/components/schemas/X` refs resolve against this root.
  ajv.addSchema({ $id: SPEC_ID, components: { schemas } });
  return ajv;
}

/** Compiled validator for one `components.schemas` entry (compiled lazily, cached). */
export function schemaValidator(schemaName: string): ValidateFunction {
  let v = cache.get(schemaName);
  if (!v) {
    v = getAjv().compile({ $ref: `${SPEC_ID}#/components/schemas/${schemaName}` });
    cache.set(schemaName, v);
  }
  return v;
}

const VALUE_KEYWORDS = new Set(["enum", "const", "default", "example", "examples"]);

/** Deep copy with `nullable` → null type and `oneOf` → `anyOf` (see file header). */
export function normalize<T>(node: T): T {
  if (Array.isArray(node)) return node.map((x) => normalize(x)) as T;
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (VALUE_KEYWORDS.has(k)) out[k] = v;
    else if (k === "oneOf" && Array.isArray(v)) out.anyOf = normalize(v);
    else out[k] = normalize(v);
  }
  if (typeof out.nullable !== "boolean") return out as T;
  const nullable = out.nullable;
  delete out.nullable;
  if (!nullable) return out as T;
  if (typeof out.type === "string") {
    out.type = [out.type, "null"];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out as T;
  }
  if (Array.isArray(out.type)) {
    if (!out.type.includes("null")) out.type = [...out.type, "null"];
    return out as T;
  }
  const { description, title, ...rest } = out;
  return {
    ...(title !== undefined ? { title } : {}),
    ...(description !== undefined ? { description } : {}),
    anyOf: [rest, { type: "null" }],
  } as T;
}

function formatError(e: ErrorObject): string {
  const where = e.instancePath || "(body)";
  const params = e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : "";
  return `${where} ${e.message ?? e.keyword}${params}`;
}

/** Validate `body` against one named schema; returns human-readable errors (empty = valid). */
export function validateAgainst(schemaName: string, body: unknown): string[] {
  const v = schemaValidator(schemaName);
  if (v(body)) return [];
  return dedupe((v.errors ?? []).map(formatError));
}

/**
 * Validate a request body for an API path. Returns [] for paths without a mapped
 * schema. With `allErrors`, anyOf/oneOf failures list every branch's errors, so
 * the list can be long; a non-empty list means invalid.
 */
export function validateRequest(path: string, body: unknown): string[] {
  const p = path.split("?")[0]!.replace(/\/+$/, "");
  const name = REQUEST_SCHEMAS[p] ?? REQUEST_SCHEMAS[`/v1${p}`];
  if (!name) return [];
  if (name === "CreateChatCompletionRequest") {
    const { rest, errors } = openRouterImageOutput(body);
    return [...errors, ...validateAgainst(name, rest)];
  }
  return validateAgainst(name, body);
}

/** OpenRouter's output modalities and image_config values (its image-generation guide). */
const OPENROUTER_MODALITIES: ReadonlySet<string> = new Set(["image", "text"]);
const OPENROUTER_IMAGE_CONFIG: ReadonlySet<string> = new Set(["aspect_ratio", "image_size"]);

/** Splits OpenRouter's image-output keys off a chat body when it asks for images, and checks them. */
function openRouterImageOutput(body: unknown): { rest: unknown; errors: string[] } {
  if (typeof body !== "object" || body === null) return { rest: body, errors: [] };
  const { modalities, image_config: imageConfig, ...rest } = body as { modalities?: unknown; image_config?: unknown };
  if (!Array.isArray(modalities) || !modalities.includes("image")) return { rest: body, errors: [] };
  const errors: string[] = [];
  for (const m of modalities)
    if (typeof m !== "string" || !OPENROUTER_MODALITIES.has(m))
      errors.push(`/modalities must be "image" or "text" (OpenRouter), not ${JSON.stringify(m)}`);
  if (imageConfig !== undefined) {
    if (typeof imageConfig !== "object" || imageConfig === null)
      errors.push("/image_config must be an object (OpenRouter)");
    else
      for (const [key, value] of Object.entries(imageConfig))
        if (!OPENROUTER_IMAGE_CONFIG.has(key) || typeof value !== "string")
          errors.push(
            `/image_config/${key} is not one of OpenRouter's image_config strings (aspect_ratio, image_size)`,
          );
  }
  return { rest, errors };
}

/** A form as parsed from multipart: text fields (repeated ones as arrays) and file fields. */
export interface FormBody {
  fields: Record<string, string | string[]>;
  files: { field: string; filename: string; contentType: string; size: number }[];
}

/** The JSON types a schema property allows (through anyOf / oneOf / $ref), e.g. ["integer", "null"]. */
function propertyTypes(schemaName: string, property: string): string[] {
  getAjv();
  const resolve = (node: unknown, depth: number): string[] => {
    if (!node || typeof node !== "object" || depth > 4) return [];
    const n = node as { type?: unknown; anyOf?: unknown[]; $ref?: string };
    if (typeof n.$ref === "string") return resolve(schemas?.[n.$ref.split("/").pop()!], depth + 1);
    const own = typeof n.type === "string" ? [n.type] : Array.isArray(n.type) ? (n.type as string[]) : [];
    return [...own, ...(n.anyOf ?? []).flatMap((branch) => resolve(branch, depth + 1))];
  };
  const schema = schemas?.[schemaName] as { properties?: Record<string, unknown> } | undefined;
  return resolve(schema?.properties?.[property], 0);
}

/**
 * A multipart form as the JSON object its schema describes: `key[]` fields are arrays under `key`, files are
 * "<file name, type, n bytes>" strings (the schema's binary strings), and text values become numbers or
 * booleans where the schema's property takes them.
 */
export function formAsJson(schemaName: string, form: FormBody): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (key: string, value: unknown, many: boolean): void => {
    const name = many ? key.slice(0, -2) : key;
    if (many) out[name] = [...((out[name] as unknown[] | undefined) ?? []), value];
    else out[name] = value;
  };
  for (const [key, raw] of Object.entries(form.fields)) {
    const name = key.endsWith("[]") ? key.slice(0, -2) : key;
    const types = propertyTypes(schemaName, name);
    const convert = (v: string): unknown => {
      if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
      if (types.includes("boolean") && (v === "true" || v === "false")) return v === "true";
      return v;
    };
    for (const v of Array.isArray(raw) ? raw : [raw]) put(key, convert(v), key.endsWith("[]"));
  }
  for (const f of form.files)
    put(f.field, `<file ${f.filename}, ${f.contentType}, ${f.size} bytes>`, f.field.endsWith("[]"));
  return out;
}

/** Validates a multipart request's form for an API path ([] for paths without a multipart schema). */
export function validateMultipart(path: string, form: FormBody): { body: Record<string, unknown>; errors: string[] } {
  const p = path.split("?")[0]!.replace(/\/+$/, "");
  const name = MULTIPART_SCHEMAS[p] ?? MULTIPART_SCHEMAS[`/v1${p}`];
  if (!name) return { body: { ...form.fields }, errors: [] };
  const body = formAsJson(name, form);
  return { body, errors: validateAgainst(name, body) };
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
