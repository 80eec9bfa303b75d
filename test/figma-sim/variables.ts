/**
 * The simulator's variables and styles: `figma.variables` over a `variables/local` meta (the test's fixture
 * data), `figma.getStyleByIdAsync` over the REST file's `styles`, and the node properties that refer to them
 * (`boundVariables`, `explicitVariableModes`, `resolvedVariableModes`, `fillStyleId` …). As in Figma, an
 * unknown or invalid id gives null, the deprecated synchronous getters throw under "dynamic-page" access,
 * and `resolvedVariableModes` holds every collection's mode: the nearest explicit one, else its default.
 */
import type { DesignVariables } from "../../codegen/design/extras.js";
import {
  boundEffect,
  boundPaint,
  defineSetBoundVariable,
  defineSetRangeBoundVariable,
  nodeBindings,
} from "./variable-bindings.js";

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const TYPES = new Set(["BOOLEAN", "FLOAT", "STRING", "COLOR"]);

/** `figma.variables` over `data` (none: a file without variables). */
export function simVariablesApi(data: DesignVariables | undefined): Json {
  const variables = data?.variables ?? {};
  const collections = data?.variableCollections ?? {};
  const variable = (id: unknown): Json | null => {
    const v = typeof id === "string" ? variables[id] : undefined;
    return v ? (deepFreeze(structuredClone({ ...v, id })) as unknown as Json) : null;
  };
  const collection = (id: unknown): Json | null => {
    const c = typeof id === "string" ? collections[id] : undefined;
    return c ? (deepFreeze(structuredClone({ ...c, id, isExtension: false })) as unknown as Json) : null;
  };
  const dynamicPage = (name: string) => (): never => {
    throw new Error(`Cannot call ${name} with "documentAccess": "dynamic-page"; use ${name}Async`);
  };
  return {
    getVariableByIdAsync: async (id: string) => variable(id),
    getVariableCollectionByIdAsync: async (id: string) => collection(id),
    getLocalVariablesAsync: async (type?: string) => {
      if (type !== undefined && !TYPES.has(type))
        throw new Error(`getLocalVariablesAsync: unknown type ${String(type)}`);
      return Object.keys(variables)
        .filter((id) => !variables[id]!.remote && (type === undefined || variables[id]!.resolvedType === type))
        .map((id) => variable(id)!);
    },
    getLocalVariableCollectionsAsync: async () =>
      Object.keys(collections)
        .filter((id) => !collections[id]!.remote)
        .map((id) => collection(id)!),
    setBoundVariableForPaint: (paint: unknown, field: unknown, v: unknown) => boundPaint(data, paint, field, v),
    setBoundVariableForEffect: (effect: unknown, field: unknown, v: unknown) => boundEffect(data, effect, field, v),
    getVariableById: dynamicPage("getVariableById"),
    getVariableCollectionById: dynamicPage("getVariableCollectionById"),
    getLocalVariables: dynamicPage("getLocalVariables"),
    getLocalVariableCollections: dynamicPage("getLocalVariableCollections"),
  };
}

const STYLE_TYPE: Record<string, string> = { FILL: "PAINT", TEXT: "TEXT", EFFECT: "EFFECT", GRID: "GRID" };

/** `figma.getStyleByIdAsync` over the REST `styles` maps of the file (id → { name, styleType, … }). */
export function simStyleLookup(styles: () => Iterable<Json>): (id: string) => Promise<Json | null> {
  return async (id) => {
    if (typeof id !== "string") return null;
    for (const map of styles()) {
      const raw = map[id];
      if (!isRecord(raw) || typeof raw["name"] !== "string") continue;
      const type = STYLE_TYPE[String(raw["styleType"])];
      if (!type) continue;
      return deepFreeze({
        id,
        type,
        name: raw["name"],
        description: typeof raw["description"] === "string" ? raw["description"] : "",
        key: typeof raw["key"] === "string" ? raw["key"] : "",
        remote: raw["remote"] === true,
      });
    }
    return null;
  };
}

/** REST `styles` key → Plugin API property, and the node types that have it. */
const STYLE_PROPS: [string, string, (type: string) => boolean][] = [
  ["fill", "fillStyleId", (t) => t !== "GROUP" && t !== "DOCUMENT" && t !== "PAGE"],
  ["stroke", "strokeStyleId", (t) => t !== "GROUP" && t !== "DOCUMENT" && t !== "PAGE"],
  ["effect", "effectStyleId", (t) => t !== "DOCUMENT" && t !== "PAGE"],
  ["text", "textStyleId", (t) => t === "TEXT"],
];

interface VariableNode {
  readonly type: string;
  readonly rest: Json;
  parent: VariableNode | null;
}

/** Adds the variable and style properties to a simulated node, read from its REST JSON. */
export function defineVariableProps(
  node: VariableNode,
  data: () => DesignVariables | undefined,
  change: (what: string) => void = () => undefined,
): void {
  // A copy, so the bindings the plugin makes (setBoundVariable) never write into the test's fixture.
  if (isRecord(node.rest["boundVariables"])) node.rest["boundVariables"] = structuredClone(node.rest["boundVariables"]);
  const explicit = (): Json =>
    isRecord(node.rest["explicitVariableModes"]) ? { ...node.rest["explicitVariableModes"] } : {};
  const paints = node as unknown as { fills?: readonly unknown[]; strokes?: readonly unknown[] };
  Object.defineProperty(node, "boundVariables", {
    enumerable: true,
    get: () => deepFreeze(nodeBindings(node.rest, paints)),
  });
  Object.defineProperty(node, "explicitVariableModes", { enumerable: true, get: explicit });
  const resolved = (): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [id, c] of Object.entries(data()?.variableCollections ?? {})) {
      let mode: unknown;
      for (let at: VariableNode | null = node; at && mode === undefined; at = at.parent) {
        const modes = at.rest["explicitVariableModes"];
        mode = isRecord(modes) ? modes[id] : undefined;
      }
      out[id] = typeof mode === "string" ? mode : c.defaultModeId;
    }
    return out;
  };
  Object.defineProperty(node, "resolvedVariableModes", { enumerable: true, get: resolved });
  if (node.type !== "DOCUMENT" && node.type !== "PAGE") defineSetBoundVariable(node, data, change, resolved);
  defineSetRangeBoundVariable(node, data, change);
  // Strokes and effects as the Plugin API has them (each effect with its own boundVariables).
  for (const field of ["strokes", "effects"]) {
    if (field in node || node.type === "GROUP" || node.type === "DOCUMENT" || node.type === "PAGE") continue;
    const list = deepFreeze(structuredClone(Array.isArray(node.rest[field]) ? node.rest[field] : []));
    // Configurable: the layers the plugin makes get settable ones (./style-props.ts).
    Object.defineProperty(node, field, { enumerable: true, configurable: true, get: () => list });
  }
  const styles = isRecord(node.rest["styles"]) ? node.rest["styles"] : {};
  for (const [key, prop, has] of STYLE_PROPS) {
    if (!has(node.type)) continue;
    const id = styles[key] ?? styles[`${key}s`];
    Object.defineProperty(node, prop, { enumerable: true, get: () => (typeof id === "string" ? id : "") });
  }
}
