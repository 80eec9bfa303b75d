/**
 * What an instance changes that its mapping does not carry: Figma lists each overridden layer with its
 * fields (REST `overrides`). A field the mapped props account for — a text read into a prop, a layer shown by
 * a mapped boolean, a swapped instance drawn as a prop, the root's size (its placement) — is covered; any
 * other override on a visible layer is named, so the user knows the code component will not show it. The note
 * names layers and fields as Figma's panels do ("changes the fill style of “Label”"); the problem's node id is
 * the detail to copy.
 */
import { displayName } from "../design/layer-label.js";
import type { DesignNode, InstanceFacts } from "../design/types.js";
import { fieldWords } from "../design/field-words.js";
import { nestedLayer, NO_FACTS, textLayer } from "./layers.js";
import { mappingLabel, type MappedInstance, type PropSource } from "./model.js";

/** Fields that change a text's characters (a text prop carries them). */
const TEXT_FIELDS = new Set([
  "characters",
  "characterStyleOverrides",
  "styleOverrideTable",
  "lineTypes",
  "lineIndentations",
  "text",
]);
/** The root's box: the emitter places the mapped component where the instance was. */
const PLACEMENT_FIELDS = new Set([
  "width",
  "height",
  "x",
  "y",
  "relativeTransform",
  "size",
  "layoutGrow",
  "layoutAlign",
  "layoutSizingHorizontal",
  "layoutSizingVertical",
  "constraints",
  "layoutPositioning",
  "minWidth",
  "maxWidth",
  "minHeight",
  "maxHeight",
]);
/** Never visible on their own. */
const IGNORED_FIELDS = new Set([
  "name",
  "exposedInstances",
  "pluginData",
  "sharedPluginData",
  "locked",
  "exportSettings",
]);

const MAX_FIELDS = 6;

/** Visible layers by id, and each layer's nearest instance-drawn ancestor (a prop value: covered as a whole). */
function visibleLayers(
  instance: DesignNode,
  drawn: Set<DesignNode>,
): Map<string, { node: DesignNode; drawn: boolean }> {
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

type Cover = (id: string, fields: Iterable<string>) => void;

/** What `sources` read from `root` (the instance, or a nested one under figma.nestedProps), marked as covered. */
function coverSources(
  root: DesignNode,
  facts: InstanceFacts,
  sources: readonly PropSource[],
  instances: Record<string, InstanceFacts>,
  cover: Cover,
): void {
  // A className's parts read properties and layers as props do.
  const flat = sources.flatMap((s): PropSource[] => (s.kind === "className" ? s.parts : [s]));
  const mappedProperty = (name: string, kinds: PropSource["kind"][]): boolean =>
    flat.some((s) => kinds.includes(s.kind) && "property" in s && s.property === name);
  for (const [layer, refs] of Object.entries(facts.references)) {
    if (refs["visible"] !== undefined && mappedProperty(refs["visible"], ["boolean"])) cover(layer, ["visible"]);
    if (refs["characters"] !== undefined && mappedProperty(refs["characters"], ["text"])) cover(layer, TEXT_FIELDS);
    if (refs["mainComponent"] !== undefined && mappedProperty(refs["mainComponent"], ["instance"]))
      cover(layer, ["mainComponent", "componentProperties"]);
  }
  for (const source of flat) {
    if (source.kind === "textContent") {
      const layer = textLayer(root, source.layer);
      if (layer) cover(layer.id, TEXT_FIELDS);
    } else if (source.kind === "nested") {
      const layer = nestedLayer(root, source.layer);
      if (!layer) continue;
      // The nested instance's own property values are what the prop reads.
      cover(layer.id, ["componentProperties"]);
      coverSources(layer, instances[layer.id] ?? NO_FACTS, [source.source], instances, cover);
    }
  }
}

/** The fields of each layer that the mapped props carry. */
function coveredFields(
  instance: DesignNode,
  facts: InstanceFacts,
  mapped: MappedInstance,
  instances: Record<string, InstanceFacts>,
): Map<string, Set<string>> {
  const covered = new Map<string, Set<string>>();
  const cover: Cover = (id, fields) => {
    const set = covered.get(id) ?? new Set<string>();
    for (const f of fields) set.add(f);
    covered.set(id, set);
  };
  cover(instance.id, PLACEMENT_FIELDS);
  coverSources(instance, facts, Object.values(mapped.mapping.props), instances, cover);
  return covered;
}

/** "fill style, stroke and font size" (the first MAX_FIELDS, then how many more). */
function listed(words: readonly string[]): string {
  const shown =
    words.length > MAX_FIELDS ? [...words.slice(0, MAX_FIELDS), `${words.length - MAX_FIELDS} more`] : words;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]!}`;
}

/**
 * One note per overridden visible layer whose override the mapping does not carry, in designer words, with the
 * layer's id;
 * `layerNames` gives the names of layers whose generated name the tree dropped (DesignDocument.layerNames).
 */
export function uncoveredOverrides(
  instance: DesignNode,
  facts: InstanceFacts,
  mapped: MappedInstance,
  instances: Record<string, InstanceFacts>,
  layerNames: Readonly<Record<string, string>> = {},
): { message: string; nodeId: string }[] {
  const drawn = new Set<DesignNode>(
    [...mapped.props.map(([, v]) => v), ...mapped.children].flatMap((v) => ("node" in v ? [v.node] : [])),
  );
  const layers = visibleLayers(instance, drawn);
  const covered = coveredFields(instance, facts, mapped, instances);
  const notes: { message: string; nodeId: string }[] = [];
  for (const override of facts.overrides) {
    const layer = layers.get(override.id);
    if (!layer || layer.drawn) continue;
    const fields = override.fields.filter((f) => !IGNORED_FIELDS.has(f) && !covered.get(override.id)?.has(f));
    if (fields.length === 0) continue;
    const what = listed(fieldWords(fields));
    const changes =
      override.id === instance.id
        ? `its own ${what}`
        : `the ${what} of its layer "${displayName(layer.node, layerNames)}"`;
    notes.push({
      message:
        `"${displayName(instance, layerNames)}" changes ${changes}, which the mapping to ` +
        `${mappingLabel(mapped.mapping)} does not carry: the code component draws its own`,
      nodeId: override.id,
    });
  }
  return notes;
}
