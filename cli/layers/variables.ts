/**
 * The variables `figment layers` binds the layers' values to (contract/layer-variables.ts): a `variables/local`
 * reply (`--variables`) and the source design (`--design`), whose bindings say which variable the design used
 * where several have one value, and whose bound variables (a library's too) come with the values its layers show.
 */
import { isRecord } from "../../codegen/rest/reply.js";
import type { DesignVariables } from "../../codegen/design/extras.js";
import {
  designUse,
  VariableChooser,
  type VariableOption,
  variableOptions,
  variablesSeenIn,
} from "../../contract/layer-variables.js";
import { type Output, readDesign, readVariables } from "../common/design-files.js";

/** The top nodes of a REST file or nodes reply (the document, or each node's document). */
function designRoots(json: unknown): object[] {
  if (!isRecord(json)) return [];
  if (isRecord(json["document"])) return [json["document"]];
  const nodes = isRecord(json["nodes"]) ? Object.values(json["nodes"]) : [];
  return nodes.flatMap((n) => (isRecord(n) && isRecord(n["document"]) ? [n["document"]] : []));
}

/** The modes the design's first frame sets (collection id → mode id), where it sets any. */
function designModes(roots: readonly object[]): Record<string, string> {
  const stack = [...roots] as Record<string, unknown>[];
  while (stack.length > 0) {
    const node = stack.shift()!;
    const modes = node["explicitVariableModes"];
    if (isRecord(modes))
      return Object.fromEntries(Object.entries(modes).filter(([, m]) => typeof m === "string")) as Record<
        string,
        string
      >;
    if (node["type"] === "FRAME" || node["type"] === "COMPONENT") return {};
    if (Array.isArray(node["children"])) stack.push(...(node["children"] as Record<string, unknown>[]));
  }
  return {};
}

export interface VariablesInput {
  variables?: string;
  design?: string;
}

/** The variables the layers can bind: the choice, and the `variables/local` reply `figment layers` writes. */
export interface LayerVariables {
  chooser: VariableChooser;
  reply: { status: 200; error: false; meta: DesignVariables };
}

const SEEN_COLLECTION = "VariableCollectionId:figment-design";

/**
 * A `variables/local` reply holding the file's variables (`--variables`) and those only the design binds (a
 * library's, named by id in one "Design" collection with the value its layers show): what `figment code
 * --variables` reads, so a round trip sees the variables the layers are bound to.
 */
function replyOf(file: DesignVariables | undefined, seen: readonly VariableOption[]): LayerVariables["reply"] {
  const meta: DesignVariables = {
    variables: { ...(file?.variables ?? {}) },
    variableCollections: { ...(file?.variableCollections ?? {}) },
  };
  const own = seen.filter((o) => !(o.id in meta.variables));
  if (own.length > 0) {
    const mode = "figment-design:0";
    meta.variableCollections[SEEN_COLLECTION] = {
      id: SEEN_COLLECTION,
      name: "Design",
      key: "figment-design",
      modes: [{ modeId: mode, name: "Value" }],
      defaultModeId: mode,
      remote: false,
      hiddenFromPublishing: true,
      variableIds: own.map((o) => o.id),
    } as DesignVariables["variableCollections"][string];
    for (const o of own)
      meta.variables[o.id] = {
        id: o.id,
        name: o.name,
        key: o.id,
        variableCollectionId: SEEN_COLLECTION,
        resolvedType: typeof o.value === "number" ? "FLOAT" : typeof o.value === "string" ? "STRING" : "COLOR",
        valuesByMode: { [mode]: o.value },
        remote: false,
        description: "",
        hiddenFromPublishing: true,
        scopes: [...o.scopes],
        codeSyntax: {},
      } as DesignVariables["variables"][string];
  }
  return { status: 200, error: false, meta };
}

/** The choice for `--variables` / `--design`, or undefined when neither is given. */
export async function layerVariables(
  input: VariablesInput,
  io: Pick<Output, "err">,
): Promise<LayerVariables | undefined> {
  if (input.variables === undefined && input.design === undefined) return undefined;
  const roots = input.design !== undefined ? designRoots(await readDesign(input.design, io)) : [];
  const file = input.variables !== undefined ? await readVariables(input.variables) : undefined;
  const options = new Map((file ? variableOptions(file, designModes(roots)) : []).map((o) => [o.id, o]));
  // A variable the design binds that the reply does not hold (a library's): the value the design shows.
  const seen = variablesSeenIn(roots).filter((o) => !options.has(o.id));
  for (const o of seen) options.set(o.id, o);
  return { chooser: new VariableChooser(options.values(), designUse(roots)), reply: replyOf(file, seen) };
}

/** Where the variables of `out` go: `layers.json` → `layers.variables.json` beside it. */
export const variablesFileFor = (out: string): string => out.replace(/(\.json)?$/i, ".variables.json");
