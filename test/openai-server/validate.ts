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
  "/v1/embeddings": "CreateEmbeddingRequest",
};

let ajv: InstanceType<typeof Ajv2020> | undefined;
const cache = new Map<string, ValidateFunction>();

function getAjv(): InstanceType<typeof Ajv2020> {
  if (ajv) return ajv;
  const spec = JSON.parse(readFileSync(specPath(), "utf8")) as { components: { schemas: Record<string, unknown> } };
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false, logger: false });
  // Only the component schemas are registered; `#/components/schemas/X` refs resolve against this root.
  ajv.addSchema({ $id: SPEC_ID, components: { schemas: normalize(spec.components.schemas) } });
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
  return { ...(title !== undefined ? { title } : {}), ...(description !== undefined ? { description } : {}), anyOf: [rest, { type: "null" }] } as T;
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
  return validateAgainst(name, body);
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
