/**
 * An instance's main component for the mapping form (issue 26). The REST export names only the values this
 * instance has, so the form would offer one variant value of many; the main component's set defines them all
 * (`componentPropertyDefinitions`: every VARIANT option, each property's default).
 */
import { propertyName } from "../../codegen/design/instance-facts.js";
import { PROPERTY_TYPES, type MainComponent, type PropertyDefinition } from "../../contract/components.js";
import { PluginError, errorText } from "../errors.js";

const MAPPED_TYPES = new Set<string>(PROPERTY_TYPES);

/**
 * Figma's definitions by the names mappings use (`Label#12:3` → `Label`); types a mapping cannot read (SLOT) left out.
 */
export function readDefinitions(raw: ComponentPropertyDefinitions): MainComponent["definitions"] {
  const out: MainComponent["definitions"] = {};
  for (const [name, definition] of Object.entries(raw)) {
    if (!MAPPED_TYPES.has(definition.type)) continue;
    const { defaultValue, variantOptions } = definition;
    out[propertyName(name)] = {
      type: definition.type as PropertyDefinition["type"],
      defaultValue: typeof defaultValue === "boolean" ? defaultValue : String(defaultValue),
      ...(definition.type === "VARIANT" && variantOptions ? { variantOptions: [...variantOptions] } : {}),
    };
  }
  return out;
}

/** A variant's own values as definitions with one option each: what is known when its set cannot be read. */
function ownValues(variant: ComponentNode): MainComponent["definitions"] {
  const out: MainComponent["definitions"] = {};
  for (const [name, value] of Object.entries(variant.variantProperties ?? {}))
    out[name] = { type: "VARIANT", defaultValue: value, variantOptions: [value] };
  return out;
}

/**
 * The instance `nodeId`'s main component and the definitions of its set (or of the component itself when it is
 * not a variant). `not-found` when the instance is gone, is no instance (detached) or its component is missing.
 */
export async function readMainComponent(nodeId: string): Promise<MainComponent> {
  const node = await figma.getNodeByIdAsync(nodeId);
  if (!node) throw new PluginError("not-found", "The instance is no longer in the file: select it again.");
  if (node.type !== "INSTANCE")
    throw new PluginError(
      "not-found",
      `“${node.name}” is no longer an instance (detached?), so it has no component to read.`,
    );
  const main = await node.getMainComponentAsync();
  if (!main)
    throw new PluginError(
      "not-found",
      `The main component of “${node.name}” is missing (deleted, or in a library this file cannot reach).`,
    );
  // Library components need not have a parent (the Plugin API says so): a variant without its set shows its own values
  // only.
  const set = main.parent?.type === "COMPONENT_SET" ? main.parent : undefined;
  const base = {
    id: main.id,
    ...(main.key ? { key: main.key } : {}),
    name: main.name,
    ...(set ? { set: { id: set.id, ...(set.key ? { key: set.key } : {}), name: set.name } } : {}),
  };
  try {
    if (set) return { ...base, definitions: readDefinitions(set.componentPropertyDefinitions) };
    if (!main.variantProperties) return { ...base, definitions: readDefinitions(main.componentPropertyDefinitions) };
    return {
      ...base,
      definitions: ownValues(main),
      note: `The component set of “${main.name}” is out of reach: only this variant's values are listed.`,
    };
  } catch (error) {
    // Figma refuses the definitions of a set whose variants conflict ("Component set has existing errors").
    return {
      ...base,
      definitions: ownValues(main),
      note:
        `Figma could not read the properties of “${set?.name ?? main.name}” ` +
        `(${errorText(error)}): only this variant's values are listed.`,
    };
  }
}
