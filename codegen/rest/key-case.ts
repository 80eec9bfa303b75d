/**
 * A reply whose keys differ from Figma's only in case, as tools that re-save a REST reply write it: a C# client's
 * PascalCase (`"Document"`, `"Id"`, `"Type"`, `"Children"`, `"AbsoluteBoundingBox"`), sometimes with enum values by
 * name (`"Frame"`, `"GradientLinear"`, `"PassThrough"`). Read once, where the design file is read (reply-text.ts),
 * into Figma's camelCase keys and SCREAMING_SNAKE values, so every reader after it sees one shape; the repair is
 * said in one note. Only a reply that names its document, nodes or layers otherwise is re-cased (a box's `"X"` alone
 * is box-keys.ts's), and only its fields: the keys of its maps are data (components and styles by id, component
 * properties by name, `styleOverrideTable` by number, OpenType flags) and stay as written. A field spelled twice
 * with one meaning is read once, as written in Figma's spelling: the same value, or nothing (null) beside the field's
 * default (FigmaSharp's re-save writes `"layoutMode": null` beside its enum's `"LayoutMode": 0` on every frame); with
 * two meanings (`"Name": "Home"` and `"name": "Away"`) it is refused in one sentence naming the layer.
 */
import { pluralGrouped } from "../../kernel/plural.js";
import { isRecord } from "./reply.js";
import { FigmentError } from "../../kernel/errors.js";

/** Fields whose members are named by the data (`{ [key: string]: … }` in @figma/rest-api-spec), not by the schema. */
const MAPS = new Set([
  "components",
  "componentSets",
  "nodes",
  "images",
  "componentProperties",
  "componentPropertyDefinitions",
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
  "initialModeIdToParentModeIdMapping",
]);
/** `styles` is a map by style id at a reply's top, and by style kind (`fill`, `text`: field-like) in a layer. */
const STYLES = "styles";

/** Fields whose values are Figma enums (SCREAMING_SNAKE: `FRAME`, `GRADIENT_LINEAR`, `SPACE_BETWEEN`). */
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
  "lineHeightUnit",
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
  "windingRule",
  "alignment",
  "pattern",
  "format",
  "blurType",
  "shapeType",
  "connectorLineType",
  "connectorStartStrokeCap",
  "connectorEndStrokeCap",
  "gridChildHorizontalAlign",
  "gridChildVerticalAlign",
  "navigation",
  "scrollBehavior",
  "tileType",
  "noiseType",
]);
/** Enum values written as one word in Figma (`NONZERO`, `EVENODD`) however a client splits them. */
const ONE_WORD = new Set(["windingRule"]);

/**
 * The keys that tell a reply's shape: one of them spelled otherwise means the whole reply is (the note names them
 * first).
 */
const SHAPE_KEYS = ["nodes", "document", "id", "type", "children"];
/**
 * The fields whose default is not their kind's empty value (0, false, "NONE", "", [], {}): null beside one of these
 * empty values means something else (`"visible": null` is shown, `"Visible": false` hidden).
 */
const DEFAULTS: Readonly<Record<string, unknown>> = {
  visible: true,
  opacity: 1,
  fontWeight: 400,
  lineHeightPercent: 100,
  lineHeightPercentFontSize: 100,
  scaleFactor: 1,
};
const EMPTY_STRINGS = new Set(["", "NONE"]);

/** Whether a field's value says what leaving it out says (null, or the field's default). */
function isUnset(field: string, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (field in DEFAULTS) return value === DEFAULTS[field];
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return value === 0 || value === false || (typeof value === "string" && EMPTY_STRINGS.has(value));
}

/** The note names this many spellings at most. */
const MAX_KEYS_SAID = 4;

/**
 * A field key in Figma's case: `Id` → `id`, `AbsoluteBoundingBox` → `absoluteBoundingBox`, `ID` → `id`;
 * `RECTANGLE_TOP_LEFT_CORNER_RADIUS` stays.
 */
function figmaKey(key: string): string {
  if (/^[A-Z][A-Z0-9]*$/.test(key)) return key.toLowerCase();
  return /^[A-Z][a-z0-9]/.test(key) ? key.charAt(0).toLowerCase() + key.slice(1) : key;
}

/**
 * An enum value in Figma's case: `GradientLinear` → `GRADIENT_LINEAR`, `frame` → `FRAME`; undefined when it already is.
 */
function figmaEnum(value: string, field: string): string | undefined {
  if (!/[a-z]/.test(value) || !/^[A-Za-z][A-Za-z0-9_%]*$/.test(value)) return undefined;
  const upper = (
    ONE_WORD.has(field) ? value : value.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Za-z0-9])%/g, "$1_%")
  ).toUpperCase();
  return upper === value ? undefined : upper;
}

/**
 * Whether the members of `key` (in an object that is a layer or not) are a map's: named by the data, kept as written.
 */
const isMapField = (key: string, inLayer: boolean): boolean => MAPS.has(key) || (key === STYLES && !inLayer);

const isLayer = (value: Record<string, unknown>): boolean =>
  typeof value["id"] === "string" && typeof value["type"] === "string";

/**
 * A reply just parsed names its document, nodes or layers in another case than Figma's (a map's "Type" member says
 * nothing).
 */
function isRecased(json: unknown): boolean {
  const stack: { value: unknown; map: boolean }[] = [{ value: json, map: false }];
  // The first few hundred objects tell: a reply's top and its first layers come first.
  for (let seen = 0; stack.length > 0 && seen < 500; seen++) {
    const { value, map } = stack.pop()!;
    if (Array.isArray(value)) for (const item of value.slice(0, 50)) stack.push({ value: item, map: false });
    if (!isRecord(value)) continue;
    for (const [key, item] of Object.entries(value)) {
      const figma = figmaKey(key);
      if (!map && figma !== key && SHAPE_KEYS.includes(figma) && !(figma in value)) return true;
      if (typeof item === "object" && item !== null)
        stack.push({ value: item, map: !map && isMapField(key, isLayer(value)) });
    }
  }
  return false;
}

/**
 * Rewrites, in place, the keys (and enum values) of a reply whose keys differ from Figma's only in case, and says so
 * in one note; a reply in Figma's case is left as it is. Throws an input FigmentError for a field spelled twice.
 */
export function readKeyCase(json: unknown, notes: string[]): void {
  if (!isRecased(json)) return;
  const keys = new Map<string, string>();
  /** Each value as written → Figma's, and the field it was read in (a layer's `type` is named first). */
  const values = new Map<string, { figma: string; field: string }>();
  const twice: Twice = { count: 0 };
  let objects = 0;
  // Each entry: an object or list, and whether its keys are a map's (kept as written).
  const stack: { value: unknown; map: boolean }[] = [{ value: json, map: false }];
  while (stack.length > 0) {
    const { value, map } = stack.pop()!;
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === "object" && item !== null) stack.push({ value: item, map: false });
      continue;
    }
    if (!isRecord(value)) continue;
    const entries = Object.entries(value);
    const renamed = entries.map(([key, item]): [string, unknown] => {
      const figma = map ? key : figmaKey(key);
      if (figma !== key && !keys.has(key)) keys.set(key, figma);
      if (!map && ENUMS.has(figma) && typeof item === "string") {
        const upper = figmaEnum(item, figma);
        if (upper !== undefined) {
          if (!values.has(item)) values.set(item, { figma: upper, field: figma });
          return [figma, upper];
        }
      }
      return [figma, item];
    });
    const kept = map ? renamed : readTwiceOnce(value, entries, renamed, twice);
    const layer = !map && isLayer(Object.fromEntries(kept));
    const changed =
      kept.length !== entries.length ||
      kept.some(([figma], i) => figma !== entries[i]![0] || kept[i]![1] !== entries[i]![1]);
    if (changed) {
      objects++;
      for (const [key] of entries) delete value[key];
      // defineProperty: a "__proto__" key stays a key (assigning it would set the object's prototype).
      for (const [key, item] of kept)
        Object.defineProperty(value, key, { value: item, enumerable: true, writable: true, configurable: true });
    }
    for (const [key, item] of kept) {
      if (typeof item !== "object" || item === null) continue;
      stack.push({ value: item, map: !map && isMapField(key, layer) });
    }
  }
  if (objects === 0) return;
  const said = (spellings: [string, string][]): string => {
    const shown = spellings
      .slice(0, MAX_KEYS_SAID)
      .map(([theirs, figmas]) => `${JSON.stringify(theirs)} for ${JSON.stringify(figmas)}`);
    return `${shown.join(", ")}${spellings.length > MAX_KEYS_SAID ? ", …" : ""}`;
  };
  const rank = (key: string): number => (SHAPE_KEYS.includes(key) ? SHAPE_KEYS.indexOf(key) : SHAPE_KEYS.length);
  const keysSaid = said([...keys].sort(([, a], [, b]) => rank(a) - rank(b)));
  const valuesSaid = [...values]
    .sort(([, a], [, b]) => rank(a.field) - rank(b.field))
    .map(([theirs, { figma }]): [string, string] => [theirs, figma]);
  const enums = values.size > 0 ? `, and its enum values in another case too (${said(valuesSaid)})` : "";
  const first = twice.first;
  const read =
    first === undefined
      ? ""
      : `; ${pluralGrouped(twice.count, "field")} written twice with one meaning ` +
        `(${JSON.stringify(first.kept)} and ${JSON.stringify(first.dropped)}, ${first.values}) read once`;
  notes.push(
    `its keys differ from Figma's only in case (${keysSaid})${enums}: ` +
      `read as Figma's, in ${pluralGrouped(objects, "object")}${read}`,
  );
}

/** The fields written twice with one meaning, and the first of them as the note shows it. */
interface Twice {
  count: number;
  first?: { kept: string; dropped: string; values: string };
}

/** A value as a sentence quotes it: JSON, cut short. */
function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? "undefined";
  return json.length > 40 ? `${json.slice(0, 39)}…` : json;
}

/**
 * An object's fields with each of Figma's read once: two keys that stand for one (`"layoutMode"` and `"LayoutMode"`)
 * with one meaning — the same value, or nothing beside the field's default — keep the value written in Figma's
 * spelling (else the first); with two meanings the reply is refused, in one sentence naming the layer.
 */
function readTwiceOnce(
  value: Record<string, unknown>,
  entries: [string, unknown][],
  renamed: [string, unknown][],
  twice: Twice,
): [string, unknown][] {
  const first = new Map<string, number>();
  const dropped = new Set<number>();
  renamed.forEach(([figma, item], i) => {
    const at = first.get(figma);
    if (at === undefined) return void first.set(figma, i);
    const before = renamed[at]![1];
    const same = JSON.stringify(before) === JSON.stringify(item);
    if (!same && !(isUnset(figma, before) && isUnset(figma, item))) {
      const id = [value["id"], value["Id"], value["ID"]].find((v): v is string => typeof v === "string");
      const where = id === undefined ? "" : ` (layer ${id.length > 40 ? `${id.slice(0, 39)}…` : id})`;
      throw new FigmentError(
        "input",
        `not Figma JSON: an object${where} has both ${JSON.stringify(entries[at]![0])}: ${shown(before)} and ` +
          `${JSON.stringify(entries[i]![0])}: ${shown(item)}, two values for Figma's ${JSON.stringify(figma)}`,
      );
    }
    // Figma's own spelling wins; between two others, the first.
    const keep = entries[i]![0] === figma ? i : at;
    const drop = keep === i ? at : i;
    dropped.add(drop);
    if (keep === i) first.set(figma, i);
    twice.count++;
    twice.first ??= {
      kept: entries[keep]![0],
      dropped: entries[drop]![0],
      values: same ? `both ${shown(item)}` : `${shown(renamed[keep]![1])} beside ${shown(renamed[drop]![1])}`,
    };
  });
  return dropped.size === 0 ? renamed : renamed.filter((_, i) => !dropped.has(i));
}
