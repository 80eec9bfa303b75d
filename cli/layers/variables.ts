/**
 * The variables `figment layers` binds the layers' values to (contract/layer-variables.ts): a `variables/local`
 * reply (`--variables`) and the source design (`--design`), whose bindings say which variable the design used
 * where several have one value, and whose bound variables (a library's too) come with the values its layers show.
 */
import { isRecord } from "../../codegen/rest/reply.js";
import { designUse, VariableChooser, variableOptions, variablesSeenIn } from "../../contract/layer-variables.js";
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

/** The choice for `--variables` / `--design`, or undefined when neither is given. */
export async function layerVariables(
  input: VariablesInput,
  io: Pick<Output, "err">,
): Promise<VariableChooser | undefined> {
  if (input.variables === undefined && input.design === undefined) return undefined;
  const roots = input.design !== undefined ? designRoots(await readDesign(input.design, io)) : [];
  const file = input.variables !== undefined ? await readVariables(input.variables) : undefined;
  const options = new Map((file ? variableOptions(file, designModes(roots)) : []).map((o) => [o.id, o]));
  // A variable the design binds that the reply does not hold (a library's): the value the design shows.
  for (const seen of variablesSeenIn(roots)) if (!options.has(seen.id)) options.set(seen.id, seen);
  return new VariableChooser(options.values(), designUse(roots));
}
