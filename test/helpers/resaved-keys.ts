/**
 * A real design file as a C# Figma client re-saves it, made in code from a file in the repository (no second copy
 * is committed): every field of Figma's schema in PascalCase (`Id`, `Type`, `Children`, `AbsoluteBoundingBox`,
 * `Document`), the keys of its maps (`{ [key: string]: … }` in @figma/rest-api-spec: components by id, a node's
 * styles by kind, component properties by name, `styleOverrideTable` by number) kept as they are, as a
 * Dictionary<string, …> writes them. With `enums`, the values of its enum-typed fields in PascalCase too (`"Frame"`,
 * `"GradientLinear"`, `"PassThrough"`), as a client whose enums are written by name does.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The spec's maps: their keys are data (ids, names, numbers, kinds), written as they are. */
const MAPS = new Set([
  "components",
  "componentSets",
  "styles",
  "nodes",
  "images",
  "componentProperties",
  "componentPropertyDefinitions",
  "componentPropertyReferences",
  "explicitVariableModes",
  "fillOverrideTable",
  "styleOverrideTable",
  "opentypeFlags",
  "variableOverrides",
  "valuesByMode",
  "variables",
  "variableCollections",
  "pluginData",
  "sharedPluginData",
]);

/** Fields whose values are one of Figma's SCREAMING_SNAKE enum values. */
const ENUMS = new Set([
  "type",
  "blendMode",
  "layoutMode",
  "layoutAlign",
  "layoutWrap",
  "layoutPositioning",
  "layoutSizingHorizontal",
  "layoutSizingVertical",
  "primaryAxisAlignItems",
  "primaryAxisSizingMode",
  "counterAxisAlignItems",
  "counterAxisSizingMode",
  "counterAxisAlignContent",
  "textAlignHorizontal",
  "textAlignVertical",
  "textAutoResize",
  "textCase",
  "textDecoration",
  "textTruncation",
  "scaleMode",
  "strokeAlign",
  "strokeCap",
  "strokeJoin",
  "horizontal",
  "vertical",
  "styleType",
  "resolvedType",
  "booleanOperation",
  "maskType",
  "overflowDirection",
]);

const pascal = (key: string): string => key.charAt(0).toUpperCase() + key.slice(1);
/** `GRADIENT_LINEAR` → `GradientLinear`. */
const pascalValue = (value: string): string =>
  value.toLowerCase().replace(/(?:^|_)([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A deep copy of `json` as a C# client re-saves it; how many keys it spelled otherwise. */
export function pascalCaseFile(json: unknown, options: { enums?: boolean } = {}): { json: unknown; keys: number } {
  let keys = 0;
  const copy = (value: unknown, isMap: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => copy(item, false));
    if (!isObject(value)) return value;
    const out: Json = {};
    for (const [key, item] of Object.entries(value)) {
      const name = isMap ? key : pascal(key);
      if (name !== key) keys++;
      const enumValue =
        !isMap &&
        options.enums === true &&
        ENUMS.has(key) &&
        typeof item === "string" &&
        /^[A-Z][A-Z0-9_]*$/.test(item);
      out[name] = enumValue ? pascalValue(item) : copy(item, !isMap && MAPS.has(key));
    }
    return out;
  };
  return { json: copy(json, false), keys };
}
