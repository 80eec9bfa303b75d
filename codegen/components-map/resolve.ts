/**
 * Applying the mapping to a design: which instances are which code component, and the props each one gets
 * from its component properties and layers. Notes for what does not fit: a mapping no instance uses, a
 * property the component does not have, an override the mapping does not carry. Pure and light.
 */
import type { DesignDocument, DesignNode, InstanceFacts } from "../design/types.js";
import type { Problem } from "../types.js";
import { layersById, nestedLayer, NO_FACTS, ownLayers, textLayer } from "./layers.js";
import {
  mappingLabel,
  type ClassNamePart,
  type ComponentMap,
  type ComponentMapping,
  type MappedInstance,
  type MappedValue,
  type NestedSource,
  type PropSource,
} from "./model.js";
import { uncoveredOverrides } from "./overrides.js";
import { booleanValue, hasVariantMap, listedValues, variantValue } from "./value-maps.js";

export interface MappedDesign {
  /** The mapped instances by node id. */
  byNode: Map<string, MappedInstance>;
  problems: Problem[];
}

/** Whether a mapping names this instance's component (or its set) and its variant values. */
export function matches(mapping: ComponentMapping, facts: InstanceFacts): boolean {
  const { nodeId, key, variant } = mapping.figma;
  const byId = nodeId !== undefined && (nodeId === facts.componentId || nodeId === facts.componentSetId);
  const byKey = key !== undefined && (key === facts.componentKey || key === facts.componentSetKey);
  if (!byId && !byKey) return false;
  return Object.entries(variant ?? {}).every(
    ([name, value]) => facts.properties[name]?.type === "VARIANT" && facts.properties[name]?.value === value,
  );
}

/** The mapping for an instance: the one naming the most variant values; on a tie, the first. */
export function mappingFor(map: ComponentMap, facts: InstanceFacts): ComponentMapping | undefined {
  let best: ComponentMapping | undefined;
  for (const mapping of map.components) {
    if (!matches(mapping, facts)) continue;
    if (!best || Object.keys(mapping.figma.variant ?? {}).length > Object.keys(best.figma.variant ?? {}).length)
      best = mapping;
  }
  return best;
}

interface Resolving {
  /** The instance whose properties and layers the sources read (a nested one under figma.nestedProps). */
  instance: DesignNode;
  facts: InstanceFacts;
  /** How notes name it: "the component", `the nested layer "Icon"`. */
  what: string;
  mapping: ComponentMapping;
  /** Every instance's facts: a nested instance (an icon drawn as a vector too) is one. */
  instances: Record<string, InstanceFacts>;
  /** Notes once per mapping and message (many instances share a mapping). */
  note(message: string, severity?: Problem["severity"]): void;
}

function property(
  r: Resolving,
  source: { property: string },
  type: string,
  prop: string,
): { value: string | boolean } | undefined {
  const found = r.facts.properties[source.property];
  if (found?.type === type) return found;
  const known = Object.entries(r.facts.properties).map(([name, p]) => `${name} (${p.type})`);
  const whose = r.what === "the component" ? "its" : `${r.what}'s`;
  const what = found
    ? `${whose} property "${source.property}" is ${found.type}, not ${type}`
    : `${r.what} has no ${type} property "${source.property}"`;
  r.note(
    `${r.mapping.source ?? mappingLabel(r.mapping)}: ${what} (it has ` +
      `${known.length ? known.join(", ") : "no properties"}); the prop ${prop} is left out`,
  );
  return undefined;
}

/** figma.className: the parts' non-empty class names, joined by spaces. */
function classNames(r: Resolving, prop: string, parts: readonly ClassNamePart[]): MappedValue[] | undefined {
  const names = parts.flatMap((part) =>
    (resolveSource(r, prop, part) ?? []).flatMap((v) =>
      "literal" in v && typeof v.literal === "string" && v.literal.trim() !== "" ? [v.literal.trim()] : [],
    ),
  );
  return names.length > 0 ? [{ literal: names.join(" ") }] : undefined;
}

/** figma.nestedProps: the source read from the nested instance (or layer) of that name. */
function nested(r: Resolving, prop: string, source: NestedSource): MappedValue[] | undefined {
  const layer = nestedLayer(r.instance, source.layer);
  if (!layer) {
    r.note(
      `${r.mapping.source ?? mappingLabel(r.mapping)}: no visible layer named ` +
        `"${source.layer}" in "${r.instance.name}"; the prop ${prop} is left out`,
      "info",
    );
    return undefined;
  }
  return resolveSource(
    { ...r, instance: layer, facts: r.instances[layer.id] ?? NO_FACTS, what: `the nested layer "${source.layer}"` },
    prop,
    source.source,
  );
}

/** One prop's value for the instance; undefined leaves the prop out. */
function resolveSource(r: Resolving, prop: string, source: PropSource): MappedValue[] | undefined {
  const label = r.mapping.source ?? mappingLabel(r.mapping);
  switch (source.kind) {
    case "value":
      return [{ literal: source.value }];
    case "text": {
      const found = property(r, source, "TEXT", prop);
      return found ? [{ literal: String(found.value) }] : undefined;
    }
    case "variant": {
      const found = property(r, source, "VARIANT", prop);
      if (!found) return undefined;
      if (!hasVariantMap(source)) return [{ literal: String(found.value) }];
      const mapped = variantValue(source, String(found.value));
      if (mapped === undefined)
        r.note(
          `${label}: the value "${String(found.value)}" of "${source.property}" is not in the ` +
            `mapping's values (${listedValues(source).join(", ")}); the prop ${prop} is left out`,
        );
      return mapped === undefined || mapped === "omit" ? undefined : [mapped];
    }
    case "boolean": {
      const found = property(r, source, "BOOLEAN", prop);
      const mapped = found ? booleanValue(source, found.value === true) : undefined;
      return mapped ? [mapped] : undefined;
    }
    case "instance": {
      if (!property(r, source, "INSTANCE_SWAP", prop)) return undefined;
      const layers = layersById(r.instance);
      const id = Object.entries(r.facts.references).find(([, refs]) => refs["mainComponent"] === source.property)?.[0];
      const layer = id !== undefined ? layers.get(id) : undefined;
      return layer && !layer.hidden ? [{ node: layer }] : undefined;
    }
    case "children": {
      const found = ownLayers(r.instance).filter(
        (l) => r.instances[l.id] !== undefined && source.layers.some((name) => name === "*" || name === l.name),
      );
      if (found.length === 0)
        r.note(
          `${label}: no visible layer named ${source.layers.map((l) => `"${l}"`).join(" or ")} ` +
            `in "${r.instance.name}"; the prop ${prop} is left out`,
          "info",
        );
      return found.length > 0 ? found.map((node) => ({ node })) : undefined;
    }
    case "textContent": {
      const text = textLayer(r.instance, source.layer);
      if (!text)
        r.note(
          `${label}: no visible text layer named "${source.layer}" ` +
            `in "${r.instance.name}"; the prop ${prop} is left out`,
          "info",
        );
      return text?.text ? [{ literal: text.text.chars }] : undefined;
    }
    case "className":
      return classNames(r, prop, source.parts);
    case "nested":
      return nested(r, prop, source);
  }
}

function resolveInstance(r: Resolving): MappedInstance {
  const out: MappedInstance = { mapping: r.mapping, props: [], children: [] };
  for (const [prop, source] of Object.entries(r.mapping.props)) {
    const values = resolveSource(r, prop, source);
    if (!values) continue;
    if (prop === "children") out.children.push(...values);
    // Several layers for one prop (figma.children) only make sense as children.
    else out.props.push([prop, values[0]!]);
  }
  return out;
}

function collect(nodes: DesignNode[], facts: Record<string, InstanceFacts>, out: DesignNode[]): void {
  for (const node of nodes) {
    if (facts[node.id]) out.push(node);
    if (node.children) collect(node.children, facts, out);
  }
}

/** Resolves every instance of the design that a mapping names; notes for what does not fit. */
export function mapInstances(doc: DesignDocument, map: ComponentMap | undefined): MappedDesign {
  const byNode = new Map<string, MappedInstance>();
  const problems: Problem[] = [];
  if (!map || map.components.length === 0) return { byNode, problems };
  const facts = doc.instances ?? {};
  const instances: DesignNode[] = [];
  collect(doc.frames, facts, instances);
  const seen = new Set<string>();
  const used = new Set<ComponentMapping>();
  for (const instance of instances) {
    const own = facts[instance.id]!;
    const mapping = mappingFor(map, own);
    if (!mapping) continue;
    used.add(mapping);
    const note = (message: string, severity: Problem["severity"] = "warning"): void => {
      if (seen.has(message)) return;
      seen.add(message);
      problems.push({ severity, code: "component-mapping", message, nodeId: instance.id });
    };
    const mapped = resolveInstance({ instance, facts: own, what: "the component", mapping, instances: facts, note });
    byNode.set(instance.id, mapped);
    for (const { message, nodeId } of uncoveredOverrides(instance, own, mapped, facts, doc.layerNames))
      problems.push({ severity: "warning", code: "component-override", message, nodeId });
  }
  for (const mapping of map.components) {
    if (used.has(mapping)) continue;
    const which = mapping.figma.nodeId !== undefined ? `node ${mapping.figma.nodeId}` : `key ${mapping.figma.key}`;
    const variant = mapping.figma.variant
      ? ` with ${Object.entries(mapping.figma.variant)
          .map(([k, v]) => `${k}=${v}`)
          .join(", ")}`
      : "";
    problems.push({
      severity: "info",
      code: "component-unused",
      message:
        `${mapping.source ?? mappingLabel(mapping)}: no instance of ${which}${variant} ` +
        `in these frames, so ${mappingLabel(mapping)} is not used (a library component ` +
        `has other node ids in the files that use it: map it by key)`,
    });
  }
  return { byNode, problems };
}

/** The mappings the design's instances use (what the model is told to use, and what its answer is checked against). */
export function usedMappings(doc: DesignDocument, map: ComponentMap | undefined): ComponentMap {
  return { components: [...new Set([...mapInstances(doc, map).byNode.values()].map((m) => m.mapping))] };
}
