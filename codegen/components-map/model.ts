/**
 * The component mapping: which Figma component is which of the team's own code components, and how the
 * component's properties become that component's props. One model for both sources — Code Connect files
 * (code-connect.ts) and a mapping file (json.ts, components.schema.json) — and what the React emitter applies.
 */
import type { DesignNode } from "../design/types.js";

/** A literal a prop may take: from a variant's value map, a boolean's map, or a constant in the example. */
export type PropLiteral = string | number | boolean | null;

/**
 * JSX that a value map gives for a Figma value (Code Connect's `{ Left: <ArrowLeft /> }`): the code as written, and
 * the components it uses, imported as the mapped component is (the names in `code` are their import names).
 */
export interface JsxCode {
  code: string;
  imports: CodeImport[];
}

/** figma.string("Label"): a TEXT property's value. */
export type TextSource = { kind: "text"; property: string };
/**
 * figma.enum("Variant", { Primary: "primary" }): a VARIANT property, through `values` (literals) or `jsx` (JSX);
 * `omit` lists the values that leave the prop out on purpose (Code Connect's `undefined`). Other values: left out,
 * noted.
 */
export type VariantSource = {
  kind: "variant";
  property: string;
  values?: Record<string, PropLiteral>;
  jsx?: Record<string, JsxCode>;
  omit?: string[];
};
/**
 * figma.boolean("Disabled"), or figma.boolean("Icon", { true: …, false: … }) through `values` or `jsx` (a side in
 * neither: left out).
 */
export type BooleanSource = {
  kind: "boolean";
  property: string;
  values?: { true?: PropLiteral; false?: PropLiteral };
  jsx?: { true?: JsxCode; false?: JsxCode };
};
/** figma.textContent("Title"): the characters of a text layer, by layer name. */
export type TextContentSource = { kind: "textContent"; layer: string };
/** A constant (`size="lg"` written in the example). */
export type ValueSource = { kind: "value"; value: PropLiteral };

/** One part of figma.className([…]): a class name, or one read from a property or a layer; empty parts drop out. */
export type ClassNamePart = TextSource | VariantSource | BooleanSource | TextContentSource | ValueSource;
export const CLASS_NAME_PART_KINDS: readonly ClassNamePart["kind"][] = [
  "text",
  "variant",
  "boolean",
  "textContent",
  "value",
];

/**
 * figma.nestedProps("Icon", { size: figma.enum("Size", …) }): `source` read from the nested instance (or layer) named
 * `layer`.
 */
export interface NestedSource {
  kind: "nested";
  layer: string;
  source: PropSource;
}

/** Where a prop's value comes from. Each kind is one of Code Connect's `figma.*` helpers. */
export type PropSource =
  | TextSource
  | VariantSource
  | BooleanSource
  /** figma.instance("Icon"): the layer an INSTANCE_SWAP property puts in, drawn as JSX. */
  | { kind: "instance"; property: string }
  /** figma.children("Tab"), figma.children(["Tab 1", "Tab 2"]): nested instances by layer name, drawn as JSX. */
  | { kind: "children"; layers: string[] }
  | TextContentSource
  | ValueSource
  /** figma.className(["btn", figma.enum("Size", { Large: "btn-lg" })]): the parts' class names joined by spaces. */
  | { kind: "className"; parts: ClassNamePart[] }
  | NestedSource;

export type PropSourceKind = PropSource["kind"];
export const PROP_SOURCE_KINDS: readonly PropSourceKind[] = [
  "text",
  "variant",
  "boolean",
  "instance",
  "children",
  "textContent",
  "value",
  "className",
  "nested",
];

/** Which Figma component a mapping is for. At least one of `nodeId` and `key`. */
export interface FigmaComponentRef {
  /** The node id of the main component or of its component set ("1:23"; URLs write it "1-23"). */
  nodeId?: string;
  /** The published key of the component or of its component set (the same in every file that uses it). */
  key?: string;
  /** Only instances whose variant properties have these values (Code Connect's `variant` option). */
  variant?: Record<string, string>;
}

/** The code component: `import { name } from "module"`, or `import name from "module"` when `default`. */
export interface CodeImport {
  module: string;
  name: string;
  default?: boolean;
}

export interface ComponentMapping {
  figma: FigmaComponentRef;
  import: CodeImport;
  /** Prop name → source; the name `children` is the JSX children. Order is kept in the output. */
  props: Record<string, PropSource>;
  /** Where it was read from, for notes: `Button.figma.tsx:3`, `components.json#/components/0`. */
  source?: string;
}

export interface ComponentMap {
  components: ComponentMapping[];
}

/** A note about the mapping itself (a file it could not read, a field it does not know), never thrown. */
export interface MappingNote {
  severity: "error" | "warning" | "info";
  message: string;
  /** The file the note is about, with its 1-based line where known. */
  file?: string;
  line?: number;
}

/** What each reader returns: what it could read, and notes for the rest. */
export interface MappingRead {
  map: ComponentMap;
  notes: MappingNote[];
  /** The text as a whole is not a mapping (not JSON, no components list): the first note says why. */
  unreadable?: true;
}

/** Several sources (many Code Connect files, a mapping file) as one map; earlier sources win on a tie. */
export function mergeMaps(...maps: ComponentMap[]): ComponentMap {
  return { components: maps.flatMap((m) => m.components) };
}

/** "1-23" (URL form) → "1:23". */
export function normaliseNodeId(id: string): string {
  return id.trim().replace(/-/g, ":");
}

/** A short label for notes: `Button from @acme/ui`. */
export function mappingLabel(mapping: ComponentMapping): string {
  return `${mapping.import.name} from ${mapping.import.module}`;
}
/**
 * A prop's value for one instance: a literal, a layer of the instance drawn as JSX (instance swap, children), or a
 * value map's JSX.
 */
export type MappedValue = { literal: PropLiteral } | { node: DesignNode } | { code: JsxCode };

export interface MappedInstance {
  mapping: ComponentMapping;
  /** Props in the mapping's order, children apart; props whose value is unknown or unmapped are left out. */
  props: [name: string, value: MappedValue][];
  children: MappedValue[];
}
