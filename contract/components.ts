/**
 * The team's component mapping as the main thread and the panel speak of it (issue 26). It is the team's shared
 * knowledge, not a secret, so it lives with the document: `figma.root.setSharedPluginData(namespace, key, text)`,
 * the text being a mapping file (codegen/components-map/components.schema.json). Every collaborator's code uses it.
 */
import type { ComponentMap } from "../codegen/components-map/model.js";
import {
  array,
  custom,
  isDenseList,
  isRecord,
  number,
  object,
  oneOf,
  optional,
  record,
  string,
  type Infer,
} from "./fields.js";

/** Where the mapping is kept on the document root (shared plugin data: readable by anyone with the file). */
export const COMPONENTS_DATA = { namespace: "figment", key: "components" } as const;

/**
 * Figma's limit for one plugin data entry: "The total size of your entry (namespace, key, value) cannot exceed
 * 100 kB" (setSharedPluginData, since Plugin API update 109). Counted in UTF-8 bytes, as 100,000.
 */
export const SHARED_PLUGIN_DATA_MAX_BYTES = 100_000;

/**
 * A mapping file's model, checked shallowly here (a `components` list); the main thread reads it field by field
 * (readMappingJson) before storing or sending it.
 */
export const componentMapField = custom<ComponentMap>("a component mapping ({ components: [...] })", (v) =>
  isRecord(v) && isDenseList(v["components"]) && v["components"].length <= 2000
    ? (v as unknown as ComponentMap)
    : undefined,
);

const mappingNoteField = object({
  severity: oneOf(["error", "warning", "info"]),
  message: string({ max: 2000 }),
  file: optional(string({ max: 500 })),
  line: optional(number()),
});
export type StoredMappingNote = Infer<typeof mappingNoteField>;

/**
 * The document's mapping as stored: the checked map, what reading it noted (a damaged entry is left out and said),
 * its size against Figma's limit (`bytes` counts namespace, key and text, as Figma does), and its `revision` (a
 * hash of the stored text): a save names the revision it was built on, so a collaborator's save is not overwritten.
 */
export const storedComponentsField = object({
  map: componentMapField,
  notes: array(mappingNoteField, { max: 500 }),
  bytes: number({ min: 0 }),
  limit: number({ min: 1 }),
  revision: string({ max: 100 }),
});
export type StoredComponents = Infer<typeof storedComponentsField>;

/** The component property types a mapping reads (Figma's others, e.g. SLOT, are left out where they are read). */
export const PROPERTY_TYPES = ["TEXT", "BOOLEAN", "VARIANT", "INSTANCE_SWAP"] as const;
const label = string({ max: 1000 });

/**
 * One property as the main component (or its set) defines it (`componentPropertyDefinitions`): its default, and
 * for a VARIANT every option, so the form can list values no instance on the canvas shows.
 */
const propertyDefinitionField = object({
  type: oneOf(PROPERTY_TYPES),
  defaultValue: custom<string | boolean>("a string or true or false", (v) =>
    typeof v === "string" || typeof v === "boolean" ? v : undefined,
  ),
  variantOptions: optional(array(label, { max: 1000 })),
});

/**
 * An instance's main component as the main thread reads it (`getMainComponentAsync`, its COMPONENT_SET parent):
 * `definitions` by property name without Figma's `#id` suffix, as mappings name them. `note` says what it could
 * not read (a library variant whose set is out of reach: only the variant's own values).
 */
export const mainComponentField = object({
  id: label,
  key: optional(label),
  name: label,
  set: optional(object({ id: label, key: optional(label), name: label })),
  definitions: record(propertyDefinitionField, { max: 500 }),
  note: optional(string({ max: 2000 })),
});
export type MainComponent = Infer<typeof mainComponentField>;
export type PropertyDefinition = MainComponent["definitions"][string];
