/**
 * The mapping file (`--components components.json`, components.schema.json): JSON text → the model, checked
 * field by field. A bad entry is a note naming its JSON path and is left out; the good ones are kept. Pure.
 */
import { isRecord } from "../rest/reply.js";
import {
  CLASS_NAME_PART_KINDS,
  normaliseNodeId,
  PROP_SOURCE_KINDS,
  type ClassNamePart,
  type CodeImport,
  type ComponentMap,
  type ComponentMapping,
  type FigmaComponentRef,
  type JsxCode,
  type MappingNote,
  type MappingRead,
  type PropLiteral,
  type PropSource,
} from "./model.js";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** A JSX attribute name: an identifier, or words joined by hyphens (`aria-label`). */
const ATTRIBUTE = /^[A-Za-z_$][A-Za-z0-9_$]*(-[A-Za-z0-9_$]+)*$/;
const NODE_ID = /^\d+[:-]\d+$/;

class FieldErrors {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }
}

const isLiteral = (value: unknown): value is PropLiteral =>
  value === null || ["string", "number", "boolean"].includes(typeof value);

function unknownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  path: string,
  errors: FieldErrors,
): void {
  for (const key of Object.keys(value))
    if (!known.includes(key)) errors.add(`${path}/${key}`, `unknown field (known: ${known.join(", ")})`);
}

function nonEmptyString(value: unknown, path: string, errors: FieldErrors): string | undefined {
  if (typeof value === "string" && value.trim() !== "") return value;
  errors.add(path, value === undefined ? "is missing (a non-empty string)" : "must be a non-empty string");
  return undefined;
}

function stringRecord(value: unknown, path: string, errors: FieldErrors): Record<string, string> | undefined {
  if (!isRecord(value) || Object.values(value).some((v) => typeof v !== "string")) {
    errors.add(path, "must be an object of strings");
    return undefined;
  }
  return value as Record<string, string>;
}

function readFigma(value: unknown, path: string, errors: FieldErrors): FigmaComponentRef | undefined {
  if (!isRecord(value)) {
    errors.add(path, "must be an object with nodeId or key");
    return undefined;
  }
  unknownKeys(value, ["nodeId", "key", "variant"], path, errors);
  const out: FigmaComponentRef = {};
  if (value["nodeId"] !== undefined) {
    if (typeof value["nodeId"] === "string" && NODE_ID.test(value["nodeId"].trim()))
      out.nodeId = normaliseNodeId(value["nodeId"]);
    else errors.add(`${path}/nodeId`, 'must be a node id such as "1:23" (or "1-23" as in URLs)');
  }
  if (value["key"] !== undefined) {
    const key = nonEmptyString(value["key"], `${path}/key`, errors);
    if (key !== undefined) out.key = key;
  }
  if (value["variant"] !== undefined) {
    const variant = stringRecord(value["variant"], `${path}/variant`, errors);
    if (variant) out.variant = variant;
  }
  if (value["nodeId"] === undefined && value["key"] === undefined)
    errors.add(path, "needs nodeId or key (which Figma component)");
  return out;
}

function readImport(value: unknown, path: string, errors: FieldErrors): ComponentMapping["import"] | undefined {
  if (!isRecord(value)) {
    errors.add(path, 'must be an object such as { "module": "@acme/ui", "name": "Button" }');
    return undefined;
  }
  unknownKeys(value, ["module", "name", "default"], path, errors);
  const module = nonEmptyString(value["module"], `${path}/module`, errors);
  const name = value["name"];
  if (typeof name !== "string" || !IDENTIFIER.test(name))
    errors.add(`${path}/name`, "must be a JavaScript identifier (the component's export name)");
  if (value["default"] !== undefined && typeof value["default"] !== "boolean")
    errors.add(`${path}/default`, "must be true or false");
  if (module === undefined || typeof name !== "string" || !IDENTIFIER.test(name)) return undefined;
  return { module, name, ...(value["default"] === true ? { default: true } : {}) };
}

const SOURCE_FIELDS: Record<PropSource["kind"], readonly string[]> = {
  text: ["kind", "property"],
  variant: ["kind", "property", "values", "jsx", "omit"],
  boolean: ["kind", "property", "values", "jsx"],
  instance: ["kind", "property"],
  children: ["kind", "layers"],
  textContent: ["kind", "layer"],
  value: ["kind", "value"],
  className: ["kind", "parts"],
  nested: ["kind", "layer", "source"],
};

function literalMap(
  value: unknown,
  path: string,
  errors: FieldErrors,
  keys?: readonly string[],
): Record<string, PropLiteral> | undefined {
  if (!isRecord(value) || !Object.values(value).every(isLiteral)) {
    errors.add(path, "must be an object of strings, numbers, booleans or null");
    return undefined;
  }
  if (keys) unknownKeys(value, keys, path, errors);
  return value as Record<string, PropLiteral>;
}

/** `{ "code": "<ArrowLeft />", "imports": [{ "module": "@acme/icons", "name": "ArrowLeft" }] }`. */
function readJsxCode(value: unknown, path: string, errors: FieldErrors): JsxCode | undefined {
  if (!isRecord(value)) {
    errors.add(path, 'must be an object such as { "code": "<ArrowLeft />", "imports": [...] }');
    return undefined;
  }
  unknownKeys(value, ["code", "imports"], path, errors);
  const code = nonEmptyString(value["code"], `${path}/code`, errors);
  const raw = value["imports"] ?? [];
  if (!Array.isArray(raw)) {
    errors.add(`${path}/imports`, "must be a list of imports");
    return undefined;
  }
  const imports = raw.map((entry: unknown, i: number) => readImport(entry, `${path}/imports/${i}`, errors));
  if (code === undefined || !imports.every((i): i is CodeImport => i !== undefined)) return undefined;
  return { code, imports };
}

/** A value map of JSX (Figma value → code); `keys` limits the Figma values (a boolean's true and false). */
function jsxMap(
  value: unknown,
  path: string,
  errors: FieldErrors,
  keys?: readonly string[],
): Record<string, JsxCode> | undefined {
  if (!isRecord(value)) {
    errors.add(path, "must be an object: Figma value → { code, imports }");
    return undefined;
  }
  if (keys) unknownKeys(value, keys, path, errors);
  const out: Record<string, JsxCode> = {};
  for (const [key, entry] of Object.entries(value)) {
    const code = readJsxCode(entry, `${path}/${key}`, errors);
    if (code) out[key] = code;
  }
  return out;
}

function valueMaps(
  value: Record<string, unknown>,
  path: string,
  errors: FieldErrors,
  keys?: readonly string[],
): { values?: Record<string, PropLiteral>; jsx?: Record<string, JsxCode> } {
  const values =
    value["values"] !== undefined ? literalMap(value["values"], `${path}/values`, errors, keys) : undefined;
  const jsx = value["jsx"] !== undefined ? jsxMap(value["jsx"], `${path}/jsx`, errors, keys) : undefined;
  return { ...(values ? { values } : {}), ...(jsx ? { jsx } : {}) };
}

function stringList(value: unknown, path: string, errors: FieldErrors, what: string): string[] | undefined {
  if (Array.isArray(value) && value.length > 0 && value.every((l) => typeof l === "string" && l !== ""))
    return value as string[];
  errors.add(path, `must be a non-empty list of ${what}`);
  return undefined;
}

/** figma.className's parts: sources that give a literal (text, variant, boolean, textContent, value). */
function readParts(value: unknown, path: string, errors: FieldErrors): ClassNamePart[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    errors.add(path, "must be a non-empty list of sources");
    return undefined;
  }
  const parts: ClassNamePart[] = [];
  value.forEach((entry: unknown, i: number) => {
    const part = readPropSource(entry, `${path}/${i}`, errors);
    if (part && (CLASS_NAME_PART_KINDS as readonly string[]).includes(part.kind)) parts.push(part as ClassNamePart);
    else if (part)
      errors.add(`${path}/${i}/kind`, `a class name part must be one of ${CLASS_NAME_PART_KINDS.join(", ")}`);
  });
  return parts.length === value.length ? parts : undefined;
}

/** One prop's source; undefined (with errors) when it cannot be used. */
function readPropSource(value: unknown, path: string, errors: FieldErrors): PropSource | undefined {
  if (
    !isRecord(value) ||
    typeof value["kind"] !== "string" ||
    !(PROP_SOURCE_KINDS as readonly string[]).includes(value["kind"])
  ) {
    errors.add(isRecord(value) ? `${path}/kind` : path, `must be one of ${PROP_SOURCE_KINDS.join(", ")}`);
    return undefined;
  }
  const kind = value["kind"] as PropSource["kind"];
  const before = errors.list.length;
  unknownKeys(value, SOURCE_FIELDS[kind], path, errors);
  const property = (): string => nonEmptyString(value["property"], `${path}/property`, errors) ?? "";
  const layer = (): string => nonEmptyString(value["layer"], `${path}/layer`, errors) ?? "";
  let source: PropSource | undefined;
  if (kind === "text" || kind === "instance") source = { kind, property: property() };
  else if (kind === "variant") {
    const omit =
      value["omit"] !== undefined ? stringList(value["omit"], `${path}/omit`, errors, "Figma values") : undefined;
    source = { kind, property: property(), ...valueMaps(value, path, errors), ...(omit ? { omit } : {}) };
  } else if (kind === "boolean")
    source = { kind, property: property(), ...valueMaps(value, path, errors, ["true", "false"]) };
  else if (kind === "children") {
    const layers = stringList(value["layers"], `${path}/layers`, errors, "layer names");
    if (layers) source = { kind, layers };
  } else if (kind === "textContent") source = { kind, layer: layer() };
  else if (kind === "className") {
    const parts = readParts(value["parts"], `${path}/parts`, errors);
    if (parts) source = { kind, parts };
  } else if (kind === "nested") {
    const inner = readPropSource(value["source"], `${path}/source`, errors);
    if (inner) source = { kind, layer: layer(), source: inner };
  } else if (!("value" in value) || !isLiteral(value["value"]))
    errors.add(`${path}/value`, "must be a string, number, boolean or null");
  else source = { kind, value: value["value"] };
  return errors.list.length === before ? source : undefined;
}

function readMapping(value: unknown, path: string, file: string, errors: FieldErrors): ComponentMapping | undefined {
  if (!isRecord(value)) {
    errors.add(path, "must be an object with figma, import and props");
    return undefined;
  }
  unknownKeys(value, ["figma", "import", "props", "source"], path, errors);
  const before = errors.list.length;
  const figma = readFigma(value["figma"], `${path}/figma`, errors);
  const imported = readImport(value["import"], `${path}/import`, errors);
  const props: Record<string, PropSource> = {};
  const rawProps = value["props"] ?? {};
  if (!isRecord(rawProps)) errors.add(`${path}/props`, "must be an object: prop name → source");
  else {
    for (const [name, raw] of Object.entries(rawProps)) {
      if (!ATTRIBUTE.test(name)) errors.add(`${path}/props/${name}`, "is not a JSX prop name");
      const source = readPropSource(raw, `${path}/props/${name}`, errors);
      if (source && ATTRIBUTE.test(name)) props[name] = source;
    }
  }
  if (errors.list.length > before || !figma || !imported) return undefined;
  return {
    figma,
    import: imported,
    props,
    source: typeof value["source"] === "string" ? value["source"] : `${file}#${path}`,
  };
}

/** A mapping file's parsed JSON → the model; `file` names it in notes and in each mapping's `source`. */
export function readMappingJson(json: unknown, file = "components.json"): MappingRead {
  const notes: MappingNote[] = [];
  const map: ComponentMap = { components: [] };
  if (!isRecord(json) || !Array.isArray(json["components"])) {
    notes.push({ severity: "error", file, message: `${file}: expected an object with a "components" list` });
    return { map, notes, unreadable: true };
  }
  for (const key of Object.keys(json))
    if (key !== "components" && key !== "$schema")
      notes.push({
        severity: "warning",
        file,
        message: `${file}: /${key}: unknown field (known: $schema, components)`,
      });
  json["components"].forEach((entry: unknown, index: number) => {
    const errors = new FieldErrors();
    const mapping = readMapping(entry, `/components/${index}`, file, errors);
    for (const message of errors.list)
      notes.push({ severity: mapping ? "warning" : "error", file, message: `${file}: ${message}` });
    if (mapping) map.components.push(mapping);
    else
      notes.push({ severity: "error", file, message: `${file}: /components/${index} left out (see the fields above)` });
  });
  return { map, notes };
}

/** A mapping file's text → the model; JSON syntax errors are a note with the line. */
export function parseMappingJson(text: string, file = "components.json"): MappingRead {
  try {
    return readMappingJson(JSON.parse(text) as unknown, file);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split("\n").length : undefined;
    return {
      map: { components: [] },
      notes: [
        {
          severity: "error",
          file,
          ...(line !== undefined ? { line } : {}),
          message: `${file}${line !== undefined ? `:${line}` : ""}: not valid JSON (${message})`,
        },
      ],
      unreadable: true,
    };
  }
}

/** The model as a mapping file's text (what the plugin stores and what `--components` reads back). */
export function serialiseMap(map: ComponentMap): string {
  return `${JSON.stringify({ components: map.components }, null, 2)}\n`;
}
