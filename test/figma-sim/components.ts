/**
 * Main components in the simulator: `instance.getMainComponentAsync()`, and a component set's (or a non-variant
 * component's) `componentPropertyDefinitions`, `key`, `remote` and a variant's `variantProperties`, built from
 * what the REST reply holds. Browser-safe (no Node imports).
 *
 * - A component in the document (a local one) is that node. One the reply only names (a library's, in its
 *   `components` map) is a remote COMPONENT outside the page tree, whose parent is a remote COMPONENT_SET built
 *   from `componentSets` with every variant the map lists; one node per id, so two calls give the same node.
 * - Definitions: the REST node's own `componentPropertyDefinitions` when it has them (a file export of a local
 *   component set); else what the reply shows — VARIANT options from the set's variant names in `components`
 *   ("Size=Small, State=Default") and from its instances' values, the other properties from the instances'
 *   `componentProperties` (the first value seen stands for the default, which the reply does not give).
 *   `define(id, definitions)` adds what a library defines beyond the file (a test's data).
 * - `getMainComponentAsync` answers null for a component the reply does not know, or one `lose` took away (a
 *   deleted library component); reading the definitions of a variant throws, as in Figma.
 */

type Json = Record<string, unknown>;

/** The REST reply's maps a node carries (sim.ts's FileMeta): this module reads components and componentSets. */
interface ReplyMeta {
  components: Json;
  componentSets: Json;
  styles: Json;
}

/**
 * What this module reads of a simulator node (sim.ts's SimNode; kept structural so the two modules import no cycle).
 */
export interface ComponentSimNode {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly rest: Json;
  readonly meta: ReplyMeta;
  removed: boolean;
  parent: ComponentSimNode | null;
  childList(): ComponentSimNode[] | undefined;
}

export interface SimPropertyDefinition {
  type: string;
  defaultValue: string | boolean;
  variantOptions?: string[];
  preferredValues?: unknown[];
}
export type SimDefinitions = Record<string, SimPropertyDefinition>;

export interface SimComponents {
  mainComponent(instance: ComponentSimNode): ComponentSimNode | null;
  definitions(node: ComponentSimNode): SimDefinitions;
  /** Definitions a library's component (set) has beyond what the file shows; they win over those by name. */
  define(id: string, definitions: SimDefinitions): void;
  /** The component `id` is gone: its instances' getMainComponentAsync answers null. */
  lose(id: string): void;
  /** Reading the definitions of `id` throws `message`, as Figma's does for a set whose variants conflict. */
  refuse(id: string, message: string): void;
  /** The variant `id` comes without its set (a library component need not have a parent): its variant values stay. */
  orphan(id: string): void;
  /** Whether `id` is a variant given without its set. */
  isOrphan(id: string): boolean;
}

const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** "Size=Small, State=Default" → [["Size", "Small"], ["State", "Default"]]; a name that is no variant's → []. */
export function variantPairs(name: string): [string, string][] {
  const parts = name.split(",").map((part) => part.split("=").map((s) => s.trim()));
  return parts.every((p) => p.length === 2 && p[0] !== "") ? parts.map((p) => [p[0]!, p[1]!]) : [];
}

export function simComponents(
  nodes: () => Iterable<ComponentSimNode>,
  make: (rest: Json, meta: ReplyMeta, type: string) => ComponentSimNode,
): SimComponents {
  const remotes = new Map<string, ComponentSimNode>();
  const defined = new Map<string, SimDefinitions>();
  const lost = new Set<string>();
  const refused = new Map<string, string>();
  const orphans = new Set<string>();

  const local = (id: string, type: string): ComponentSimNode | undefined => {
    for (const n of nodes()) if (n.id === id && n.type === type && !n.removed) return n;
    return undefined;
  };

  /** A library component set and every variant of it the reply lists, as remote nodes. */
  const remoteSet = (id: string, meta: ReplyMeta): ComponentSimNode => {
    const known = remotes.get(id);
    if (known) return known;
    const entry = isRecord(meta.componentSets[id]) ? meta.componentSets[id] : {};
    const set = make(
      { id, name: String(entry["name"] ?? "Component set"), type: "COMPONENT_SET", key: entry["key"], remote: true },
      meta,
      "COMPONENT_SET",
    );
    remotes.set(id, set);
    for (const [componentId, component] of Object.entries(meta.components)) {
      if (!isRecord(component) || component["componentSetId"] !== id) continue;
      const variant = make(
        {
          id: componentId,
          name: String(component["name"] ?? ""),
          type: "COMPONENT",
          key: component["key"],
          remote: true,
        },
        meta,
        "COMPONENT",
      );
      variant.parent = set;
      set.childList()!.push(variant);
      remotes.set(componentId, variant);
    }
    return set;
  };

  const remoteComponent = (id: string, meta: ReplyMeta): ComponentSimNode | null => {
    const known = remotes.get(id);
    if (known) return known;
    const entry = meta.components[id];
    if (!isRecord(entry)) return null;
    if (typeof entry["componentSetId"] === "string")
      return (remoteSet(entry["componentSetId"], meta), remotes.get(id) ?? null);
    const component = make(
      { id, name: String(entry["name"] ?? ""), type: "COMPONENT", key: entry["key"], remote: true },
      meta,
      "COMPONENT",
    );
    remotes.set(id, component);
    return component;
  };

  /** What the reply shows of a component (set): its variants' names and its instances' property values. */
  const derived = (node: ComponentSimNode): SimDefinitions => {
    const members = new Set<string>(
      node.type === "COMPONENT_SET" ? (node.childList() ?? []).map((c) => c.id) : [node.id],
    );
    if (node.type === "COMPONENT_SET")
      for (const [id, c] of Object.entries(node.meta.components))
        if (isRecord(c) && c["componentSetId"] === node.id) members.add(id);
    const out: SimDefinitions = {};
    const addOption = (name: string, value: string): void => {
      const d = (out[name] ??= { type: "VARIANT", defaultValue: value, variantOptions: [] });
      if (!d.variantOptions!.includes(value)) d.variantOptions!.push(value);
    };
    if (node.type === "COMPONENT_SET") {
      for (const id of members) {
        const entry = node.meta.components[id];
        const name =
          isRecord(entry) && typeof entry["name"] === "string"
            ? entry["name"]
            : ((node.childList() ?? []).find((c) => c.id === id)?.name ?? "");
        for (const [property, value] of variantPairs(name)) addOption(property, value);
      }
    }
    for (const n of nodes()) {
      if (
        n.type !== "INSTANCE" ||
        !members.has(String(n.rest["componentId"])) ||
        !isRecord(n.rest["componentProperties"])
      )
        continue;
      for (const [name, p] of Object.entries(n.rest["componentProperties"])) {
        if (
          !isRecord(p) ||
          typeof p["type"] !== "string" ||
          (typeof p["value"] !== "string" && typeof p["value"] !== "boolean")
        )
          continue;
        if (p["type"] === "VARIANT") addOption(name, String(p["value"]));
        else
          out[name] ??= {
            type: p["type"],
            defaultValue: p["value"],
            ...(Array.isArray(p["preferredValues"]) ? { preferredValues: structuredClone(p["preferredValues"]) } : {}),
          };
      }
    }
    return out;
  };

  return {
    mainComponent(instance) {
      const id = instance.rest["componentId"];
      if (typeof id !== "string" || lost.has(id)) return null;
      const main = local(id, "COMPONENT") ?? remoteComponent(id, instance.meta);
      if (main && orphans.has(id)) main.parent = null;
      return main;
    },
    definitions(node) {
      const refusal = refused.get(node.id);
      if (refusal !== undefined) throw new Error(refusal);
      if (node.type === "COMPONENT" && node.parent?.type === "COMPONENT_SET")
        throw new Error(
          "in get_componentPropertyDefinitions: Can only get definitions of a component set or non-variant component",
        );
      const own = isRecord(node.rest["componentPropertyDefinitions"])
        ? (structuredClone(node.rest["componentPropertyDefinitions"]) as SimDefinitions)
        : derived(node);
      return { ...own, ...structuredClone(defined.get(node.id) ?? {}) };
    },
    define: (id, definitions) => void defined.set(id, structuredClone(definitions)),
    lose: (id) => void lost.add(id),
    refuse: (id, message) => void refused.set(id, message),
    orphan: (id) => void orphans.add(id),
    isOrphan: (id) => orphans.has(id),
  };
}

/** Gives an INSTANCE its getMainComponentAsync, a COMPONENT or COMPONENT_SET its definitions, key and remote. */
export function defineComponentProps(node: ComponentSimNode, components: () => SimComponents): void {
  if (node.type === "INSTANCE") {
    Object.defineProperty(node, "getMainComponentAsync", {
      value: async (): Promise<ComponentSimNode | null> => {
        await Promise.resolve();
        if (node.removed) throw new Error(`The node (id ${node.id}) does not exist`);
        return components().mainComponent(node);
      },
    });
    return;
  }
  if (node.type !== "COMPONENT" && node.type !== "COMPONENT_SET") return;
  const metaEntry = (): Json => {
    const entry = (node.type === "COMPONENT" ? node.meta.components : node.meta.componentSets)[node.id];
    return isRecord(entry) ? entry : {};
  };
  Object.defineProperty(node, "key", {
    enumerable: true,
    get: () => String(node.rest["key"] ?? metaEntry()["key"] ?? ""),
  });
  Object.defineProperty(node, "remote", {
    enumerable: true,
    get: () => node.rest["remote"] === true || metaEntry()["remote"] === true,
  });
  Object.defineProperty(node, "componentPropertyDefinitions", {
    enumerable: true,
    get: () => components().definitions(node),
  });
  if (node.type === "COMPONENT") {
    Object.defineProperty(node, "variantProperties", {
      enumerable: true,
      get: () =>
        node.parent?.type === "COMPONENT_SET" || components().isOrphan(node.id)
          ? Object.fromEntries(variantPairs(node.name))
          : null,
    });
  }
}
