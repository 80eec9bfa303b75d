/** The design-token fixtures (test/fixtures/tokens): the login frame with its bound variables laid over it. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DesignExtras, DesignVariables } from "../../codegen/design/extras.js";

const ROOT = join(import.meta.dirname, "..", "fixtures");

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, path), "utf8"));
}

type Json = Record<string, unknown>;

/** Deep merge of `patch` into `target` (arrays by index), as the bindings file lays over the REST nodes. */
function merge(target: Json, patch: Json): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (Array.isArray(value) && Array.isArray(current))
      value.forEach((v, i) =>
        typeof v === "object" && v && typeof current[i] === "object"
          ? merge(current[i] as Json, v as Json)
          : (current[i] = v),
      );
    else if (value && typeof value === "object" && !Array.isArray(value) && current && typeof current === "object")
      merge(current as Json, value as Json);
    else target[key] = value;
  }
}

/** `figmasharp-login.file.json` with `login.bindings.json` applied. */
export function loginWithBindings(): Json {
  const file = readJson("figma/figmasharp-login.file.json") as Json;
  const bindings = readJson("tokens/login.bindings.json") as Record<string, Json>;
  const walk = (node: Json): void => {
    const patch = bindings[node["id"] as string];
    if (patch) merge(node, structuredClone(patch));
    for (const child of (node["children"] as Json[] | undefined) ?? []) walk(child);
  };
  walk(file["document"] as Json);
  return file;
}

export function loginVariables(): DesignVariables {
  return (readJson("tokens/login.variables.json") as { meta: DesignVariables }).meta;
}

export function loginExtras(): DesignExtras {
  return { variables: loginVariables() };
}

export function selfieVariables(): DesignVariables {
  return (readJson("tokens/selfie.variables.json") as { meta: DesignVariables }).meta;
}

/**
 * A variables reply for a real file whose layers are bound to variables it does not define (a library's): each
 * colour variable takes the colour of the first paint bound to it, in one collection with one mode — the values
 * the file itself shows, so the code looks the same with the tokens as without.
 */
export function variablesFromBoundPaints(file: unknown): DesignVariables {
  const colours = new Map<string, { r: number; g: number; b: number; a: number }>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== "object") return;
    const record = value as Json;
    const bound = record["boundVariables"] as Json | undefined;
    const alias = bound?.["color"] as { type?: string; id?: string } | undefined;
    const color = record["color"] as { r: number; g: number; b: number; a?: number } | undefined;
    if (record["type"] === "SOLID" && alias?.type === "VARIABLE_ALIAS" && alias.id && color && !colours.has(alias.id)) {
      colours.set(alias.id, { r: color.r, g: color.g, b: color.b, a: color.a ?? 1 });
    }
    for (const child of Object.values(record)) visit(child);
  };
  visit(file);
  const ids = [...colours.keys()];
  const variables = Object.fromEntries(
    ids.map((id, i) => [
      id,
      {
        id,
        name: `color/${i + 1}`,
        key: id,
        variableCollectionId: "file",
        resolvedType: "COLOR",
        valuesByMode: { m: colours.get(id) },
        remote: false,
        description: "",
        hiddenFromPublishing: false,
        scopes: [],
        codeSyntax: {},
      },
    ]),
  );
  const collection = {
    id: "file",
    name: "File",
    key: "file",
    modes: [{ modeId: "m", name: "Value" }],
    defaultModeId: "m",
    remote: false,
    hiddenFromPublishing: false,
    variableIds: ids,
  };
  return { variableCollections: { file: collection }, variables } as unknown as DesignVariables;
}
