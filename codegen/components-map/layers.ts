/** Finding an instance's layers by name and id, as the mapping's sources name them. Pure and light. */
import type { DesignNode, InstanceFacts } from "../design/types.js";

/** Visible layers of an instance, in order, not inside nested instances (theirs belong to them). */
export function ownLayers(instance: DesignNode): DesignNode[] {
  const out: DesignNode[] = [];
  const visit = (node: DesignNode): void => {
    for (const child of node.children ?? []) {
      if (child.hidden) continue;
      out.push(child);
      if (child.kind !== "instance") visit(child);
    }
  };
  visit(instance);
  return out;
}

/** Every layer of the subtree by id (hidden ones included), for looking up what a property binds. */
export function layersById(root: DesignNode): Map<string, DesignNode> {
  const out = new Map<string, DesignNode>();
  const visit = (node: DesignNode): void => {
    out.set(node.id, node);
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return out;
}

/** The first visible text layer named `name` (figma.textContent), not inside nested instances. */
export function textLayer(instance: DesignNode, name: string): DesignNode | undefined {
  return ownLayers(instance).find((l) => l.kind === "text" && l.name === name);
}

/**
 * The nested instance or layer figma.nestedProps names: the first visible one of that name, not inside other nested
 * instances.
 */
export function nestedLayer(instance: DesignNode, name: string): DesignNode | undefined {
  return ownLayers(instance).find((l) => l.name === name);
}

/** The facts of a layer that is no instance: it has no properties, so only its layers can be read. */
export const NO_FACTS: InstanceFacts = { componentId: "", properties: {}, references: {}, overrides: [] };
