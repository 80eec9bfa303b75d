/**
 * The JSX a mapping produces for an instance, as text: for the plugin's preview of a mapping, and for the
 * model, which is told which layers to draw with which of the team's components. A layer drawn into a prop
 * (an instance swap, children) is its own mapped component when it has one, else a placeholder named after it.
 */
import type { DesignDocument, DesignNode } from "../design/types.js";
import { jsxChildLiteral, jsxPropAttribute } from "./jsx.js";
import type { CodeImport, ComponentMap, MappedInstance, MappedValue } from "./model.js";
import { mapInstances } from "./resolve.js";

/** A placeholder for a layer that no mapping draws: `<ChevronRight />` from "Chevron - Right". */
function placeholder(node: DesignNode): string {
  const name = node.name
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
  return `<${/^[A-Za-z]/.test(name) ? name : `Layer${name}`} />`;
}

/**
 * One mapped instance as JSX; nested layers through `byNode` (mapped) or a placeholder, a value map's JSX as written.
 */
export function mappedJsx(mapped: MappedInstance, byNode: ReadonlyMap<string, MappedInstance>): string {
  const value = (v: MappedValue): string => {
    if ("literal" in v) return "";
    if ("code" in v) return v.code.code;
    const inner = byNode.get(v.node.id);
    return inner ? mappedJsx(inner, byNode) : placeholder(v.node);
  };
  const name = mapped.mapping.import.name;
  const attrs = mapped.props.map(([prop, v]) =>
    "literal" in v ? jsxPropAttribute(prop, v.literal) : `${prop}={${value(v)}}`,
  );
  const open = `<${name}${attrs.length ? " " + attrs.join(" ") : ""}`;
  if (mapped.children.length === 0) return `${open} />`;
  return (
    `${open}>${mapped.children.map((c) => ("literal" in c ? jsxChildLiteral(c.literal) : value(c))).join("")}` +
    `</${name}>`
  );
}

/** `import { Button } from "@acme/ui";`, `import Button from "@acme/ui";` */
export function importLine({ module, name, default: isDefault }: CodeImport): string {
  return isDefault
    ? `import ${name} from ${JSON.stringify(module)};`
    : `import { ${name} } from ${JSON.stringify(module)};`;
}

/** The imports a mapped instance's value-map JSX needs, its drawn layers' included. */
function codeImports(mapped: MappedInstance, byNode: ReadonlyMap<string, MappedInstance>): CodeImport[] {
  return [...mapped.props.map(([, v]) => v), ...mapped.children].flatMap((v) => {
    if ("code" in v) return v.code.imports;
    const inner = "node" in v ? byNode.get(v.node.id) : undefined;
    return inner ? codeImports(inner, byNode) : [];
  });
}

/** A note in designer words, and the id of the layer it is about (the detail to copy). */
export interface InstanceNote {
  message: string;
  nodeId: string;
}

export interface InstancePreview {
  /** The JSX, or undefined when no mapping names the instance. */
  jsx?: string;
  /** The mapping's notes for this instance and the layers in it (a missing property, an override it does not carry). */
  notes: InstanceNote[];
}

/** The ids of `nodeId`'s layer and the layers inside it. */
function subtreeIds(nodes: readonly DesignNode[], nodeId: string): Set<string> {
  const ids = new Set<string>();
  const visit = (node: DesignNode, inside: boolean): void => {
    const here = inside || node.id === nodeId;
    if (here) ids.add(node.id);
    for (const child of node.children ?? []) visit(child, here);
  };
  for (const node of nodes) visit(node, false);
  return ids;
}

/** "The JSX this mapping will produce for this instance" (by node id), with its notes. */
export function previewInstance(doc: DesignDocument, nodeId: string, map: ComponentMap): InstancePreview {
  const { byNode, problems } = mapInstances(doc, map);
  const mapped = byNode.get(nodeId);
  const inside = subtreeIds(doc.frames, nodeId);
  const notes = problems.flatMap((p) =>
    p.nodeId !== undefined && inside.has(p.nodeId) ? [{ message: p.message, nodeId: p.nodeId }] : [],
  );
  return mapped ? { jsx: mappedJsx(mapped, byNode), notes } : { notes };
}

/**
 * The mapped components for the model: each code component with its import line, then each instance that is
 * drawn with it (layer id, layer name) and the JSX to write for it. Empty when nothing is mapped.
 */
export function componentsForModel(doc: DesignDocument, map: ComponentMap | undefined): string {
  const { byNode } = mapInstances(doc, map);
  if (byNode.size === 0) return "";
  const names = new Map<string, DesignNode>();
  const visit = (nodes: DesignNode[]): void => {
    for (const node of nodes) {
      if (byNode.has(node.id)) names.set(node.id, node);
      if (node.children) visit(node.children);
    }
  };
  visit(doc.frames);
  const groups = new Map<string, string[]>();
  const more = new Set<string>();
  for (const [id, mapped] of byNode) {
    const line = importLine(mapped.mapping.import);
    const list = groups.get(line) ?? [];
    list.push(`  layer ${id} "${names.get(id)?.name ?? ""}": ${mappedJsx(mapped, byNode)}`);
    groups.set(line, list);
    for (const imported of codeImports(mapped, byNode)) more.add(importLine(imported));
  }
  // What the value maps' JSX uses, imported once each after the components.
  const extra = [...more].filter((line) => !groups.has(line));
  return [...[...groups].map(([line, uses]) => [line, ...uses].join("\n")), ...extra].join("\n");
}
