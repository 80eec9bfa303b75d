/**
 * The design tokens of an export: every variable bound on the exported layers (and the variables their
 * aliases point to), their collections with every mode's values, the modes the exported frames resolve
 * to, and the named paint, text and effect styles they use — in the DesignExtras shape (the REST
 * `variables/local` meta), so codegen reads them as it reads the CLI's `--variables`. Read-only; yields to
 * Figma every few hundred layers. An id Figma does not know (a deleted or unreachable library variable) is
 * left out, and codegen keeps that property's literal value with a note.
 */
import type { LocalVariable, LocalVariableCollection } from "@figma/rest-api-spec";
import type { DesignExtras, DesignStyle, DesignVariables } from "../../codegen/design/extras.js";
import { nextTask, type Job } from "../tasks.js";

/** Layers between two yields to Figma. */
const YIELD_EVERY = 300;

const STYLE_FIELDS = ["fillStyleId", "strokeStyleId", "textStyleId", "effectStyleId"] as const;
const STYLE_TYPE: Record<string, DesignStyle["styleType"]> = {
  PAINT: "FILL",
  TEXT: "TEXT",
  EFFECT: "EFFECT",
  GRID: "GRID",
};

type Bag = { variables: Set<string>; styles: Set<string> };

function isAlias(value: unknown): value is VariableAlias {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: unknown }).type === "VARIABLE_ALIAS" &&
    typeof (value as { id?: unknown }).id === "string"
  );
}

/** Every alias id inside a `boundVariables` value (single, lists, per-property maps). */
function addAliases(value: unknown, out: Set<string>): void {
  if (isAlias(value)) out.add(value.id);
  else if (Array.isArray(value)) for (const v of value) addAliases(v, out);
  else if (typeof value === "object" && value !== null) for (const v of Object.values(value)) addAliases(v, out);
}

function collectNode(node: SceneNode, bag: Bag): void {
  if ("boundVariables" in node && node.boundVariables) addAliases(node.boundVariables, bag.variables);
  for (const field of ["fills", "strokes", "effects"] as const) {
    const list = field in node ? (node as unknown as Record<string, unknown>)[field] : undefined;
    if (Array.isArray(list))
      for (const item of list) addAliases((item as { boundVariables?: unknown }).boundVariables, bag.variables);
  }
  for (const field of STYLE_FIELDS) {
    const id = field in node ? (node as unknown as Record<string, unknown>)[field] : undefined;
    if (typeof id === "string" && id !== "") bag.styles.add(id);
  }
}

async function walk(roots: readonly SceneNode[], bag: Bag, job: Job): Promise<void> {
  const stack: SceneNode[] = [...roots];
  let seen = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    collectNode(node, bag);
    if ("children" in node) stack.push(...node.children);
    if (++seen % YIELD_EVERY === 0) {
      await nextTask();
      if (job.cancelled) return;
    }
  }
}

export function restVariable(v: Variable): LocalVariable {
  return {
    id: v.id,
    name: v.name,
    key: v.key,
    variableCollectionId: v.variableCollectionId,
    resolvedType: v.resolvedType as LocalVariable["resolvedType"],
    valuesByMode: JSON.parse(JSON.stringify(v.valuesByMode)) as LocalVariable["valuesByMode"],
    remote: v.remote,
    description: v.description,
    hiddenFromPublishing: v.hiddenFromPublishing,
    scopes: [...v.scopes] as LocalVariable["scopes"],
    codeSyntax: { ...v.codeSyntax },
  };
}

export function restCollection(c: VariableCollection): LocalVariableCollection {
  return {
    id: c.id,
    name: c.name,
    key: c.key,
    modes: c.modes.map((m) => ({ modeId: m.modeId, name: m.name })),
    defaultModeId: c.defaultModeId,
    remote: c.remote,
    hiddenFromPublishing: c.hiddenFromPublishing,
    variableIds: [...c.variableIds],
  };
}

/** The variables `ids` name, the ones their aliases reach, and their collections. */
async function resolveVariables(ids: Iterable<string>): Promise<DesignVariables> {
  const out: DesignVariables = { variables: {}, variableCollections: {} };
  const queue = [...ids];
  const tried = new Set<string>();
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (tried.has(id)) continue;
    tried.add(id);
    const variable = await figma.variables.getVariableByIdAsync(id);
    if (!variable) continue;
    out.variables[id] = restVariable(variable);
    for (const value of Object.values(variable.valuesByMode)) if (isAlias(value)) queue.push(value.id);
    const cid = variable.variableCollectionId;
    if (!(cid in out.variableCollections)) {
      const collection = await figma.variables.getVariableCollectionByIdAsync(cid);
      if (collection) out.variableCollections[cid] = restCollection(collection);
    }
  }
  return out;
}

async function resolveStyles(ids: Iterable<string>): Promise<Record<string, DesignStyle>> {
  const out: Record<string, DesignStyle> = {};
  for (const id of ids) {
    const style = await figma.getStyleByIdAsync(id);
    const styleType = style ? STYLE_TYPE[style.type] : undefined;
    if (style && styleType)
      out[id] = { name: style.name, styleType, ...(style.description ? { description: style.description } : {}) };
  }
  return out;
}

/** The tokens' part of DesignExtras for `roots`: empty fields are left out. */
export async function exportTokens(
  roots: readonly SceneNode[],
  job: Job,
): Promise<Pick<DesignExtras, "variables" | "styles" | "variableModes">> {
  const bag: Bag = { variables: new Set(), styles: new Set() };
  await walk(roots, bag, job);
  if (job.cancelled) return {};
  const variables = bag.variables.size > 0 ? await resolveVariables(bag.variables) : undefined;
  const styles = bag.styles.size > 0 ? await resolveStyles(bag.styles) : undefined;
  const variableModes: Record<string, Record<string, string>> = {};
  for (const root of roots) {
    const modes = "resolvedVariableModes" in root ? root.resolvedVariableModes : undefined;
    if (modes && Object.keys(modes).length > 0) variableModes[root.id] = { ...modes };
  }
  return {
    ...(variables && Object.keys(variables.variables).length > 0 ? { variables } : {}),
    ...(styles && Object.keys(styles).length > 0 ? { styles } : {}),
    ...(Object.keys(variableModes).length > 0 ? { variableModes } : {}),
  };
}
