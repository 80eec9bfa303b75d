/**
 * Reading Figma REST replies. Accepts every shape the pipeline meets:
 * `GET /v1/files/:key` (document → pages → frames), `GET /v1/files/:key/nodes` ({ nodes: { id: { document } } }),
 * a plugin's `exportAsync({ format: "JSON_REST_V1" })` ({ document: node, components, styles }), or a bare node.
 * Real files come from older API versions and from tools that re-save them, so every field is read defensively.
 */
import type { Problem } from "../types.js";
import { FigmentError } from "../../kernel/errors.js";

/** A REST node as found in real files: every field may be missing or null. */
export interface RestNode {
  id: string;
  name: string;
  type: string;
  children?: RestNode[];
  [key: string]: unknown;
}

export interface RestComponentInfo {
  name: string;
  componentSetId?: string;
  /** The published key (stable across files, unlike node ids), and its component set's. */
  key?: string;
  componentSetKey?: string;
}

export interface RestContext {
  /** Main components by id (from the reply's `components`), with component-set names resolved. */
  components: Map<string, RestComponentInfo>;
  /** Shared styles by id: name and type (TEXT, FILL, EFFECT, GRID). */
  styles: Map<string, { name: string; type: string }>;
  /** The file's version id and last change, where the reply carries them (GET /v1/files, /nodes). */
  version?: string;
  lastModified?: string;
}

export interface RestReply {
  /** Top-level nodes: the children of every page, or the nodes of a nodes/export reply. */
  roots: RestNode[];
  context: RestContext;
  problems: Problem[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A node is anything with a string id and type; a missing name becomes the type. A node already in that shape (a
 * name, every child a node) is the reply's own object, not a copy: this runs for every layer of the file, and nothing
 * after it writes to a REST node.
 */
export function asRestNode(value: unknown): RestNode | undefined {
  if (!isRecord(value)) return undefined;
  const id = value["id"];
  const type = value["type"];
  if (typeof id !== "string" || typeof type !== "string") return undefined;
  const named = typeof value["name"] === "string";
  const name = named ? (value["name"] as string) : type.toLowerCase();
  const raw = value["children"];
  // A children field that is not a list (a mutated or foreign file) is dropped, never passed on to be iterated.
  if (!Array.isArray(raw))
    return named && raw === undefined ? (value as RestNode) : { ...value, id, type, name, children: undefined };
  const children: RestNode[] = [];
  let same = named;
  for (const item of raw as unknown[]) {
    const child = asRestNode(item);
    if (child !== undefined) children.push(child);
    if (child === undefined || child !== item) same = false;
  }
  return same ? (value as RestNode) : { ...value, id, type, name, children };
}

const PAGE_TYPES = new Set(["DOCUMENT", "CANVAS"]);

export function readRestReply(json: unknown): RestReply {
  if (!isRecord(json))
    throw new FigmentError(
      "input",
      `not Figma JSON: expected an object (a Figma REST reply), found ${describeJson(json)}`,
    );
  const problems: Problem[] = [];
  const context: RestContext = { components: new Map(), styles: new Map() };
  if (typeof json["version"] === "string") context.version = json["version"];
  if (typeof json["lastModified"] === "string") context.lastModified = json["lastModified"];
  const roots: RestNode[] = [];

  const addMeta = (holder: Record<string, unknown>): void => {
    const sets = isRecord(holder["componentSets"]) ? holder["componentSets"] : {};
    if (isRecord(holder["components"])) {
      for (const [id, raw] of Object.entries(holder["components"])) {
        if (!isRecord(raw)) continue;
        const own = typeof raw["name"] === "string" ? raw["name"] : id;
        const setId = typeof raw["componentSetId"] === "string" ? raw["componentSetId"] : undefined;
        const set = setId !== undefined ? sets[setId] : undefined;
        const setName = isRecord(set) && typeof set["name"] === "string" ? set["name"] : undefined;
        const key = typeof raw["key"] === "string" ? raw["key"] : undefined;
        const setKey = isRecord(set) && typeof set["key"] === "string" ? set["key"] : undefined;
        context.components.set(id, {
          name: setName !== undefined ? `${setName}/${own}` : own,
          ...(setId !== undefined ? { componentSetId: setId } : {}),
          ...(key !== undefined ? { key } : {}),
          ...(setKey !== undefined ? { componentSetKey: setKey } : {}),
        });
      }
    }
    if (isRecord(holder["styles"])) {
      for (const [id, raw] of Object.entries(holder["styles"])) {
        if (!isRecord(raw) || typeof raw["name"] !== "string") continue;
        context.styles.set(id, { name: raw["name"], type: String(raw["styleType"] ?? raw["style_type"] ?? "") });
      }
    }
  };

  const addDocument = (doc: RestNode): void => {
    if (doc.type === "DOCUMENT") {
      for (const page of doc.children ?? []) {
        if (page.type === "CANVAS") roots.push(...(page.children ?? []));
        else roots.push(page);
      }
    } else if (doc.type === "CANVAS") {
      roots.push(...(doc.children ?? []));
    } else {
      roots.push(doc);
    }
  };

  if (isRecord(json["nodes"])) {
    for (const [id, entry] of Object.entries(json["nodes"])) {
      if (!isRecord(entry)) {
        problems.push({
          severity: "warning",
          code: "missing-node",
          message: `node ${id} is null in the reply (deleted or no access)`,
          nodeId: id,
        });
        continue;
      }
      const doc = asRestNode(entry["document"]);
      if (!doc) continue;
      addMeta(entry);
      addDocument(doc);
    }
  } else if (json["document"] !== undefined) {
    const doc = asRestNode(json["document"]);
    if (!doc) throw new FigmentError("input", "not Figma JSON: `document` has no id or type");
    addMeta(json);
    addDocument(doc);
  } else {
    const node = asRestNode(json);
    if (!node)
      throw new FigmentError(
        "input",
        `not Figma JSON: expected \`document\`, \`nodes\`, or a node with ` +
          `id and type (a Figma REST reply), found ${describeJson(json)}`,
      );
    if (PAGE_TYPES.has(node.type)) addDocument(node);
    else roots.push(node);
  }
  return { roots, context, problems };
}

/** What a JSON value is, for an error: "an array of 2 items", "an object with keys "a", "b"". */
function describeJson(json: unknown): string {
  if (Array.isArray(json)) return `an array of ${json.length} item${json.length === 1 ? "" : "s"}`;
  if (json === null) return "null";
  if (!isRecord(json)) return `a ${typeof json}`;
  const keys = Object.keys(json);
  if (keys.length === 0) return "an empty object";
  const shown = keys.slice(0, 5).map((k) => JSON.stringify(k.length > 30 ? `${k.slice(0, 29)}…` : k));
  return (
    `an object with key${keys.length === 1 ? "" : "s"} ` +
    `${shown.join(", ")}${keys.length > 5 ? ` and ${keys.length - 5} more` : ""}`
  );
}

/** Depth-first search for a node by id among the roots and their descendants. */
export function findNode(roots: RestNode[], id: string): RestNode | undefined {
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.id === id) return node;
    if (node.children) stack.push(...node.children);
  }
  return undefined;
}

export function countNodes(node: RestNode): number {
  let count = 1;
  for (const child of node.children ?? []) count += countNodes(child);
  return count;
}
