/**
 * What an instance changes that its mapping does not carry: Figma lists each overridden layer with its
 * fields (REST `overrides`). A field the mapped props account for — a text read into a prop, a layer shown by
 * a mapped boolean, a swapped instance drawn as a prop, the root's size (its placement) — is covered; any
 * other override on a visible layer is named, so the user knows the code component will not show it.
 */
import type { DesignNode, InstanceFacts } from "../design/types.js";
import { mappingLabel, type MappedInstance, type PropSource } from "./model.js";

/** Fields that change a text's characters (a text prop carries them). */
const TEXT_FIELDS = new Set(["characters", "characterStyleOverrides", "styleOverrideTable", "lineTypes", "lineIndentations", "text"]);
/** The root's box: the emitter places the mapped component where the instance was. */
const PLACEMENT_FIELDS = new Set(["width", "height", "x", "y", "relativeTransform", "size", "layoutGrow", "layoutAlign", "layoutSizingHorizontal", "layoutSizingVertical", "constraints", "layoutPositioning", "minWidth", "maxWidth", "minHeight", "maxHeight"]);
/** Never visible on their own. */
const IGNORED_FIELDS = new Set(["name", "exposedInstances", "pluginData", "sharedPluginData"]);

const MAX_FIELDS = 6;

/** Visible layers by id, and each layer's nearest instance-drawn ancestor (a prop value: covered as a whole). */
function visibleLayers(instance: DesignNode, drawn: Set<DesignNode>): Map<string, { node: DesignNode; drawn: boolean }> {
  const out = new Map<string, { node: DesignNode; drawn: boolean }>();
  const visit = (node: DesignNode, insideDrawn: boolean): void => {
    if (node.hidden) return;
    const isDrawn = insideDrawn || drawn.has(node);
    out.set(node.id, { node, drawn: isDrawn });
    for (const child of node.children ?? []) visit(child, isDrawn);
  };
  visit(instance, false);
  return out;
}

/** The fields of each layer that the mapped props carry. */
function coveredFields(instance: DesignNode, facts: InstanceFacts, mapped: MappedInstance): Map<string, Set<string>> {
  const covered = new Map<string, Set<string>>();
  const cover = (id: string, fields: Iterable<string>): void => {
    const set = covered.get(id) ?? new Set<string>();
    for (const f of fields) set.add(f);
    covered.set(id, set);
  };
  cover(instance.id, PLACEMENT_FIELDS);
  const sources: PropSource[] = Object.values(mapped.mapping.props);
  const mappedProperty = (name: string, kinds: PropSource["kind"][]): boolean => sources.some((s) => kinds.includes(s.kind) && "property" in s && s.property === name);
  for (const [layer, refs] of Object.entries(facts.references)) {
    if (refs["visible"] !== undefined && mappedProperty(refs["visible"], ["boolean"])) cover(layer, ["visible"]);
    if (refs["characters"] !== undefined && mappedProperty(refs["characters"], ["text"])) cover(layer, TEXT_FIELDS);
    if (refs["mainComponent"] !== undefined && mappedProperty(refs["mainComponent"], ["instance"])) cover(layer, ["mainComponent", "componentProperties"]);
  }
  for (const source of sources) {
    if (source.kind !== "textContent") continue;
    const layer = (function find(node: DesignNode): DesignNode | undefined {
      for (const child of node.children ?? []) {
        if (child.hidden) continue;
        if (child.kind === "text" && child.name === source.layer) return child;
        const inner = child.kind === "instance" ? undefined : find(child);
        if (inner) return inner;
      }
      return undefined;
    })(instance);
    if (layer) cover(layer.id, TEXT_FIELDS);
  }
  return covered;
}

/** One message per overridden visible layer whose override the mapping does not carry. */
export function uncoveredOverrides(instance: DesignNode, facts: InstanceFacts, mapped: MappedInstance): string[] {
  const drawn = new Set<DesignNode>([...mapped.props.map(([, v]) => v), ...mapped.children].flatMap((v) => ("node" in v ? [v.node] : [])));
  const layers = visibleLayers(instance, drawn);
  const covered = coveredFields(instance, facts, mapped);
  const messages: string[] = [];
  for (const override of facts.overrides) {
    const layer = layers.get(override.id);
    if (!layer || layer.drawn) continue;
    const fields = override.fields.filter((f) => !IGNORED_FIELDS.has(f) && !covered.get(override.id)?.has(f));
    if (fields.length === 0) continue;
    const listed = fields.length > MAX_FIELDS ? `${fields.slice(0, MAX_FIELDS).join(", ")} and ${fields.length - MAX_FIELDS} more` : fields.join(", ");
    const which = override.id === instance.id ? "itself" : `layer "${layer.node.name || layer.node.kind}" (${override.id})`;
    messages.push(`"${instance.name}" (${instance.id}) overrides ${listed} of ${which}, which the mapping to ${mappingLabel(mapped.mapping)} does not carry: the code component draws its own`);
  }
  return messages;
}
