/**
 * A reply as Figma sends it with `?depth=N`: every node N levels below its top (a file's document, each node of a
 * nodes reply) keeps its fields but comes with `children: []`. Made from a real file at test time
 * (codegen/rest/depth-limit.ts detects it).
 */
interface Node {
  children?: unknown;
}

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null;

/** Cuts `json` (a parsed reply, changed in place) at `depth`; returns how many containers it emptied. */
export function cutAtDepth(json: unknown, depth: number): number {
  let emptied = 0;
  const visit = (node: Node, level: number): void => {
    if (!Array.isArray(node.children)) return;
    if (level >= depth) {
      if (node.children.length > 0) emptied++;
      node.children = [];
      return;
    }
    for (const child of node.children) if (isNode(child)) visit(child, level + 1);
  };
  if (!isNode(json)) return 0;
  const reply = json as { document?: unknown; nodes?: Record<string, { document?: unknown } | null> };
  const tops = reply.nodes ? Object.values(reply.nodes).map((entry) => entry?.document) : [reply.document ?? json];
  for (const top of tops) if (isNode(top)) visit(top, 0);
  return emptied;
}
