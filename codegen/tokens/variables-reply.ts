/**
 * Reading a `GET /v1/files/:key/variables/local` reply (the whole reply with `meta`, or its `meta` alone,
 * which is what the plugin sends) into DesignVariables, with an error that says what is wrong. Values are
 * checked where they are used (codegen/tokens/registry.ts); here only the shape that everything relies on.
 */
import type { LocalVariable, LocalVariableCollection } from "@figma/rest-api-spec";
import type { DesignVariables } from "../design/extras.js";
import { isRecord } from "../rest/reply.js";
import { FigmentError } from "../../kernel/errors.js";

const TYPES = new Set(["BOOLEAN", "FLOAT", "STRING", "COLOR"]);

function checkVariable(id: string, raw: unknown): LocalVariable {
  if (!isRecord(raw)) throw new FigmentError("input", `variable ${id} is not an object`);
  for (const key of ["name", "variableCollectionId"]) {
    if (typeof raw[key] !== "string") throw new FigmentError("input", `variable ${id} has no ${key}`);
  }
  if (!TYPES.has(String(raw["resolvedType"])))
    throw new FigmentError(
      "input",
      `variable ${id} has resolvedType ${JSON.stringify(raw["resolvedType"])}; ` +
        `expected BOOLEAN, FLOAT, STRING or COLOR`,
    );
  if (!isRecord(raw["valuesByMode"])) throw new FigmentError("input", `variable ${id} has no valuesByMode`);
  return { ...raw, id: typeof raw["id"] === "string" ? raw["id"] : id } as LocalVariable;
}

function checkCollection(id: string, raw: unknown): LocalVariableCollection {
  if (!isRecord(raw)) throw new FigmentError("input", `variable collection ${id} is not an object`);
  if (typeof raw["name"] !== "string") throw new FigmentError("input", `variable collection ${id} has no name`);
  const modes = raw["modes"];
  if (
    !Array.isArray(modes) ||
    modes.length === 0 ||
    !modes.every((m) => isRecord(m) && typeof m["modeId"] === "string" && typeof m["name"] === "string")
  ) {
    throw new FigmentError("input", `variable collection ${id} has no modes (expected [{ modeId, name }, …])`);
  }
  const fallback = (modes[0] as { modeId: string }).modeId;
  const defaultModeId = typeof raw["defaultModeId"] === "string" ? raw["defaultModeId"] : fallback;
  return { ...raw, id: typeof raw["id"] === "string" ? raw["id"] : id, defaultModeId } as LocalVariableCollection;
}

/** DesignVariables from a variables/local reply or its `meta`; throws an input FigmentError naming the fault. */
export function readVariablesReply(json: unknown): DesignVariables {
  if (!isRecord(json))
    throw new FigmentError(
      "input",
      "not a Figma variables reply: expected a JSON object with `meta.variables` and `meta.variableCollections`",
    );
  if (json["error"] === true || (typeof json["status"] === "number" && json["status"] !== 200)) {
    throw new FigmentError(
      "input",
      `this is an error reply from Figma (status ` +
        `${String(json["status"])}` +
        `${typeof json["message"] === "string" ? `: ${json["message"]}` : ""}), not the variables`,
    );
  }
  const meta = isRecord(json["meta"]) ? json["meta"] : json;
  if (!isRecord(meta["variables"]) || !isRecord(meta["variableCollections"])) {
    const what =
      json["document"] !== undefined || json["nodes"] !== undefined
        ? " (this looks like a design file: pass it as the first argument)"
        : "";
    throw new FigmentError(
      "input",
      `not a Figma variables reply: expected \`meta.variables\` and ` +
        `\`meta.variableCollections\` as GET /v1/files/:key/variables/local returns them${what}`,
    );
  }
  const variables: Record<string, LocalVariable> = {};
  for (const [id, raw] of Object.entries(meta["variables"])) variables[id] = checkVariable(id, raw);
  const variableCollections: Record<string, LocalVariableCollection> = {};
  for (const [id, raw] of Object.entries(meta["variableCollections"]))
    variableCollections[id] = checkCollection(id, raw);
  return { variables, variableCollections };
}
