/**
 * Which layers become main components and which their instances (issue 51 item 4), one rule for the plugin's
 * builder and the CLI's REST writer: the reader marks each element that stands for an instance of a React
 * component (`component`); the outermost marked layers that are frames (not the root, not text or vector) are the
 * occurrences; the first of each name in document order is the main component, every later one with the same shape
 * (its tree without its texts) an instance of it, any other kept as a frame. Pure.
 */
import type { LayerNode } from "./layers.js";

/** The tree's shape without its texts: what must match for a layer to become an instance. */
export function componentShape(layer: LayerNode): string {
  const parts: unknown[] = [];
  const walk = (l: LayerNode): void => {
    const runs = l.text?.runs.map(({ start: _s, end: _e, ...style }) => style).slice(0, 1);
    parts.push([l.kind, l.children?.length ?? 0, l.autoLayout?.mode, l.fills?.length, l.svg?.length, runs]);
    for (const c of l.children ?? []) walk(c);
  };
  walk(layer);
  return JSON.stringify(parts);
}

/** Whether a layer builds as a frame (what Figma can make a component of): not text, not a vector. */
export const buildsAsFrame = (layer: LayerNode): boolean => layer.kind !== "text" && layer.kind !== "vector";

export type ComponentRole = { role: "main"; name: string } | { role: "instance"; name: string; main: LayerNode };

/** Each occurrence's role: main component, or instance of a main; occurrences of another shape are left out. */
export function componentRoles(root: LayerNode): Map<LayerNode, ComponentRole> {
  const roles = new Map<LayerNode, ComponentRole>();
  const mains = new Map<string, { layer: LayerNode; shape: string }>();
  const walk = (layer: LayerNode): void => {
    if (layer !== root && layer.component !== undefined && buildsAsFrame(layer)) {
      const name = layer.component;
      const main = mains.get(name);
      if (!main) {
        mains.set(name, { layer, shape: componentShape(layer) });
        roles.set(layer, { role: "main", name });
      } else if (componentShape(layer) === main.shape) roles.set(layer, { role: "instance", name, main: main.layer });
      return;
    }
    for (const c of layer.children ?? []) walk(c);
  };
  walk(root);
  return roles;
}
