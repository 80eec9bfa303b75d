/**
 * Settings → Components: the "Map to code component…" form as data. A draft is made from the selected instance's
 * component properties and its main component's definitions (every variant option), or from a stored mapping to
 * edit it, edited row by row, and turned back into a ComponentMapping (codegen/components-map/model.ts). Pure:
 * the form and its tests use it.
 */
import type {
  BooleanSource,
  ComponentMap,
  ComponentMapping,
  FigmaComponentRef,
  PropLiteral,
  PropSource,
  VariantSource,
} from "../../../codegen/components-map/model.js";
import type { InstanceFacts } from "../../../codegen/design/types.js";
import type { MainComponent } from "../../../contract/components.js";
import { hasVariantMap, variantValue } from "../../../codegen/components-map/value-maps.js";

/** One prop of the form: a Figma component property (or a source the form does not edit, kept as it is). */
export interface PropRow {
  /** The Figma property (TEXT, VARIANT, BOOLEAN, INSTANCE_SWAP), or what a kept source reads. */
  property: string;
  /** TEXT, VARIANT, BOOLEAN, INSTANCE_SWAP, or a kept source's kind. */
  type: string;
  /** The instance's value, for the designer's eye. */
  current?: string;
  /** VARIANT: every value the component set defines (its main component's definitions), when they were read. */
  options?: string[];
  /** The prop's name in code; empty leaves the property out. */
  prop: string;
  /** VARIANT only: "Figma value=code value" pairs, comma-separated; empty passes the Figma value as it is. */
  values: string;
  /** A source the form does not edit (children, text content, a constant): kept as it is under `prop`. */
  kept?: PropSource;
  /**
   * The stored mapping's source for this property: what the form shows no field for (a variant's JSX values and
   * values left out on purpose, a boolean's value map, all from Code Connect) is kept from it on save.
   */
  stored?: VariantSource | BooleanSource;
}

export interface MappingDraft {
  figma: FigmaComponentRef;
  /** What the component is called in Figma (the form's title). */
  componentName: string;
  module: string;
  name: string;
  isDefault: boolean;
  rows: PropRow[];
}

const words = (text: string): string[] =>
  text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);

/** "Show Value (Small)" → "showValueSmall": a prop name for a Figma property. */
export function propName(property: string): string {
  const [first = "", ...rest] = words(property).map((w) => w.toLowerCase());
  const name = first + rest.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z_$]/.test(name) ? name : name === "" ? "" : `p${name}`;
}

/** "Home Indicator" → "HomeIndicator": a component name for a Figma component. */
export function componentName(name: string): string {
  const joined = words(name.replace(/=.*$/, ""))
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
  return /^[A-Za-z]/.test(joined) ? joined : `Component${joined}`;
}

/** "Dark Mode" → "dark-mode": the code value a variant value starts as. */
export const codeValue = (value: string): string =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || value;

/** `{ iOS: "ios" }` → "iOS=ios". */
export function formatValues(values: Record<string, PropLiteral> | undefined): string {
  return Object.entries(values ?? {})
    .map(([figma, code]) => `${figma}=${code === null ? "null" : String(code)}`)
    .join(", ");
}

/** "iOS=ios, Android=android" → a value map; `true`, `false`, `null` and numbers as themselves. */
export function parseValues(text: string): Record<string, PropLiteral> | undefined {
  const out: Record<string, PropLiteral> = {};
  for (const pair of text.split(",")) {
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const raw = pair.slice(at + 1).trim();
    out[pair.slice(0, at).trim()] =
      raw === "true"
        ? true
        : raw === "false"
          ? false
          : raw === "null"
            ? null
            : raw !== "" && Number.isFinite(Number(raw))
              ? Number(raw)
              : raw;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The Figma side of a new mapping: the component set when there is one (all its variants), by node id and key. */
function refFor(facts: InstanceFacts): FigmaComponentRef {
  const nodeId = facts.componentSetId ?? facts.componentId;
  const key = facts.componentSetId !== undefined ? facts.componentSetKey : facts.componentKey;
  return { nodeId, ...(key !== undefined ? { key } : {}) };
}

/** A property to list: its type, the instance's value and, for a VARIANT, every option the set defines. */
interface PropertyFacts {
  type: string;
  current?: string;
  options?: string[];
}

/**
 * The main component's definitions (in Figma's order) with the instance's values; without them, the instance's values
 * alone.
 */
function propertiesOf(
  facts: InstanceFacts | undefined,
  component: MainComponent | undefined,
): Map<string, PropertyFacts> {
  const out = new Map<string, PropertyFacts>();
  for (const [property, d] of Object.entries(component?.definitions ?? {})) {
    const value = facts?.properties[property]?.value ?? d.defaultValue;
    out.set(property, {
      type: d.type,
      current: String(value),
      ...(d.variantOptions ? { options: d.variantOptions } : {}),
    });
  }
  for (const [property, { type, value }] of Object.entries(facts?.properties ?? {}))
    if (!out.has(property)) out.set(property, { type, current: String(value) });
  return out;
}

/** A new VARIANT row's value map: every option the set defines (else the instance's value), each as a code value. */
function newValues(p: PropertyFacts): string {
  const values = p.options && p.options.length > 0 ? p.options : p.current !== undefined ? [p.current] : [];
  return values.map((v) => `${v}=${codeValue(v)}`).join(", ");
}

/** A row per component property, named as a prop; an existing mapping's names and value maps win. */
function rowsFor(
  facts: InstanceFacts | undefined,
  existing: ComponentMapping | undefined,
  component: MainComponent | undefined,
): PropRow[] {
  const byProperty = new Map<string, [string, PropSource]>();
  for (const [prop, source] of Object.entries(existing?.props ?? {}))
    if ("property" in source) byProperty.set(source.property, [prop, source]);
  const rows: PropRow[] = [];
  const properties = propertiesOf(facts, component);
  for (const [property, p] of properties) {
    const known = byProperty.get(property);
    const values =
      known?.[1].kind === "variant"
        ? formatValues(known[1].values)
        : p.type === "VARIANT" && !existing
          ? newValues(p)
          : "";
    const stored = storedMap(known?.[1]);
    rows.push({
      property,
      type: p.type,
      ...(p.current !== undefined ? { current: p.current } : {}),
      ...(p.options ? { options: p.options } : {}),
      prop: existing ? (known?.[0] ?? "") : propName(property),
      values,
      ...(stored ? { stored } : {}),
    });
  }
  for (const [prop, source] of Object.entries(existing?.props ?? {})) {
    if ("property" in source && properties.has(source.property)) continue;
    const stored = storedMap(source);
    if ("property" in source)
      rows.push({
        property: source.property,
        type: TYPE_OF[source.kind] ?? source.kind,
        prop,
        values: source.kind === "variant" ? formatValues(source.values) : "",
        ...(stored ? { stored } : {}),
      });
    else rows.push({ property: keptLabel(source), type: source.kind, prop, values: "", kept: source });
  }
  return rows;
}

/** A stored variant or boolean source with maps the form has no field for, to keep on save. */
function storedMap(source: PropSource | undefined): VariantSource | BooleanSource | undefined {
  if (source?.kind === "variant") return source.jsx !== undefined || source.omit !== undefined ? source : undefined;
  if (source?.kind === "boolean") return source.values !== undefined || source.jsx !== undefined ? source : undefined;
  return undefined;
}

const TYPE_OF: Partial<Record<PropSource["kind"], string>> = {
  text: "TEXT",
  variant: "VARIANT",
  boolean: "BOOLEAN",
  instance: "INSTANCE_SWAP",
};

function keptLabel(source: PropSource): string {
  if (source.kind === "children") return `layers ${source.layers.join(", ")}`;
  if (source.kind === "textContent") return `text of “${source.layer}”`;
  if (source.kind === "value") return JSON.stringify(source.value);
  return "property" in source ? source.property : source.kind;
}

/**
 * A new draft for the selected instance, or one to edit `existing` (with the instance's properties when it is one
 * of it); `component`, its main component as read on the main thread, lists every variant option.
 */
export function draftFor(
  facts: InstanceFacts | undefined,
  layerName: string,
  existing?: ComponentMapping,
  component?: MainComponent,
): MappingDraft {
  return {
    figma: existing ? existing.figma : facts ? refFor(facts) : {},
    componentName: layerName,
    module: existing?.import.module ?? "",
    name: existing?.import.name ?? componentName(layerName),
    isDefault: existing?.import.default === true,
    rows: rowsFor(facts, existing, component),
  };
}

/**
 * The Figma values a VARIANT row's value map leaves out (they leave the prop out of the code), from the set's options.
 */
export function unmappedOptions(row: PropRow): string[] {
  if (row.type !== "VARIANT" || !row.options) return [];
  const source = sourceOf(row);
  // No map at all passes every Figma value as it is.
  if (source.kind !== "variant" || !hasVariantMap(source)) return [];
  return row.options.filter((option) => variantValue(source, option) === undefined);
}

/**
 * What a row keeps from its stored mapping that the form has no field for, in words (JSX values, values left out on
 * purpose).
 */
export function keptMaps(row: PropRow): string[] {
  const source = row.stored ? sourceOf(row) : undefined;
  if (source?.kind === "variant") {
    return [
      ...(source.jsx && Object.keys(source.jsx).length > 0 ? [`JSX for ${Object.keys(source.jsx).join(", ")}`] : []),
      ...(source.omit && source.omit.length > 0 ? [`left out on purpose: ${source.omit.join(", ")}`] : []),
    ];
  }
  if (source?.kind === "boolean") {
    const side = (on: "true" | "false"): string =>
      source.values?.[on] !== undefined
        ? JSON.stringify(source.values[on])
        : source.jsx?.[on]
          ? source.jsx[on].code
          : "left out";
    return [`true → ${side("true")}, false → ${side("false")}`];
  }
  return [];
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ATTRIBUTE = /^[A-Za-z_$][A-Za-z0-9_$]*(-[A-Za-z0-9_$]+)*$/;

/**
 * A variant row's source: the value map as typed, with the stored JSX values and omissions the text does not now
 * map (a value typed in the text wins, as a literal wins over JSX in codegen).
 */
function variantSource(row: PropRow): VariantSource {
  const values = parseValues(row.values);
  const stored = row.stored?.kind === "variant" ? row.stored : undefined;
  const typed = (value: string): boolean => values !== undefined && Object.hasOwn(values, value);
  const jsx = Object.fromEntries(Object.entries(stored?.jsx ?? {}).filter(([value]) => !typed(value)));
  const omit = (stored?.omit ?? []).filter((value) => !typed(value) && !(value in jsx));
  return {
    kind: "variant",
    property: row.property,
    ...(values ? { values } : {}),
    ...(Object.keys(jsx).length > 0 ? { jsx } : {}),
    ...(omit.length > 0 ? { omit } : {}),
  };
}

function sourceOf(row: PropRow): PropSource {
  if (row.kept) return row.kept;
  if (row.type === "VARIANT") return variantSource(row);
  // The form has no field for a boolean's value map: a stored one is kept as it is.
  if (row.type === "BOOLEAN")
    return row.stored?.kind === "boolean"
      ? { ...row.stored, property: row.property }
      : { kind: "boolean", property: row.property };
  if (row.type === "INSTANCE_SWAP") return { kind: "instance", property: row.property };
  return { kind: "text", property: row.property };
}

/** The draft as a mapping, or what to fix first (by field). */
export function mappingFrom(draft: MappingDraft): { mapping: ComponentMapping } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (draft.module.trim() === "") errors["module"] = "Say which module exports the component, e.g. @acme/ui";
  if (!IDENTIFIER.test(draft.name.trim())) errors["name"] = "An export name is a JavaScript name, e.g. Button";
  if (draft.figma.nodeId === undefined && draft.figma.key === undefined)
    errors["figma"] = "Select an instance of the component first";
  const props: Record<string, PropSource> = {};
  draft.rows.forEach((row, i) => {
    const prop = row.prop.trim();
    if (prop === "") return;
    if (!ATTRIBUTE.test(prop)) errors[`prop-${i}`] = `“${prop}” is not a prop name`;
    else if (prop in props) errors[`prop-${i}`] = `${prop} is used twice`;
    else props[prop] = sourceOf(row);
  });
  if (Object.keys(errors).length > 0) return { errors };
  const imported = {
    module: draft.module.trim(),
    name: draft.name.trim(),
    ...(draft.isDefault ? { default: true } : {}),
  };
  return { mapping: { figma: draft.figma, import: imported, props } };
}

const sameRef = (a: FigmaComponentRef, b: FigmaComponentRef): boolean =>
  ((a.nodeId !== undefined && a.nodeId === b.nodeId) || (a.key !== undefined && a.key === b.key)) &&
  JSON.stringify(a.variant ?? {}) === JSON.stringify(b.variant ?? {});

/** The map with `mapping` in: in place of the one it edits (`index`) or of one for the same component, else added. */
export function upsert(map: ComponentMap, mapping: ComponentMapping, index?: number): ComponentMap {
  const at = index ?? map.components.findIndex((m) => sameRef(m.figma, mapping.figma));
  if (at < 0 || at >= map.components.length) return { components: [...map.components, mapping] };
  return { components: map.components.map((m, i) => (i === at ? mapping : m)) };
}

/**
 * Where `mapping` is in `map` now, or undefined: the list may have changed under an open form (a collaborator's
 * save, read again on focus), so a form edits its mapping by what it is, not by where it was.
 */
export function findMapping(map: ComponentMap, mapping: ComponentMapping): number | undefined {
  const text = JSON.stringify(mapping);
  const at = map.components.findIndex((m) => JSON.stringify(m) === text);
  return at < 0 ? undefined : at;
}

/** The map without the mapping at `index`. */
export const without = (map: ComponentMap, index: number): ComponentMap => ({
  components: map.components.filter((_, i) => i !== index),
});
