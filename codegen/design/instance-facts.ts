/**
 * What an instance's REST JSON says about its main component: ids and keys, its component properties, the
 * layers bound to them and the overrides. Read defensively (older replies lack most of it); pure.
 */
import { isRecord, type RestContext, type RestNode } from "../rest/reply.js";
import type { ComponentPropertyType, InstanceFacts } from "./types.js";

const PROPERTY_TYPES = new Set<string>(["TEXT", "BOOLEAN", "VARIANT", "INSTANCE_SWAP"]);

/** `Label#12:3` → `Label` (Figma suffixes non-variant property names with an id; Code Connect names them without). */
export function propertyName(raw: string): string {
  const hash = raw.lastIndexOf("#");
  return hash > 0 ? raw.slice(0, hash) : raw;
}

function readProperties(raw: unknown): InstanceFacts["properties"] {
  const out: InstanceFacts["properties"] = {};
  if (!isRecord(raw)) return out;
  for (const [name, entry] of Object.entries(raw)) {
    if (!isRecord(entry) || typeof entry["type"] !== "string" || !PROPERTY_TYPES.has(entry["type"])) continue;
    const value = entry["value"];
    if (typeof value !== "string" && typeof value !== "boolean") continue;
    out[propertyName(name)] = { type: entry["type"] as ComponentPropertyType, value };
  }
  return out;
}

function readOverrides(raw: unknown): InstanceFacts["overrides"] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    if (!isRecord(entry) || typeof entry["id"] !== "string" || !Array.isArray(entry["overriddenFields"])) return [];
    return [{ id: entry["id"], fields: entry["overriddenFields"].filter((f): f is string => typeof f === "string") }];
  });
}

/** Bindings of the instance's layers to its properties; a nested instance's inside belongs to that instance. */
function collectReferences(node: RestNode, out: InstanceFacts["references"]): void {
  for (const child of node.children ?? []) {
    const refs = child["componentPropertyReferences"];
    if (isRecord(refs)) {
      const named: Record<string, string> = {};
      for (const [field, prop] of Object.entries(refs)) if (typeof prop === "string") named[field] = propertyName(prop);
      if (Object.keys(named).length > 0) out[child.id] = named;
    }
    if (child.type !== "INSTANCE") collectReferences(child, out);
  }
}

/** The facts of an INSTANCE node, or undefined for other nodes and instances without a componentId. */
export function instanceFacts(node: RestNode, context: RestContext): InstanceFacts | undefined {
  const componentId = node["componentId"];
  if (node.type !== "INSTANCE" || typeof componentId !== "string") return undefined;
  const info = context.components.get(componentId);
  const references: InstanceFacts["references"] = {};
  collectReferences(node, references);
  return {
    componentId,
    ...(info?.key !== undefined ? { componentKey: info.key } : {}),
    ...(info?.componentSetId !== undefined ? { componentSetId: info.componentSetId } : {}),
    ...(info?.componentSetKey !== undefined ? { componentSetKey: info.componentSetKey } : {}),
    properties: readProperties(node["componentProperties"]),
    references,
    overrides: readOverrides(node["overrides"]),
  };
}
