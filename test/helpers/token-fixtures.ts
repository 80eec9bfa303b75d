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
    if (Array.isArray(value) && Array.isArray(current)) value.forEach((v, i) => (typeof v === "object" && v && typeof current[i] === "object" ? merge(current[i] as Json, v as Json) : (current[i] = v)));
    else if (value && typeof value === "object" && !Array.isArray(value) && current && typeof current === "object") merge(current as Json, value as Json);
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
