import type { Problem } from "../types";
import type { ImportEdge } from "./graph";
import { problem } from "./problems";

/** Stop enumerating cycles after this many DFS steps or this many cycles (pathological graphs). */
const MAX_STEPS = 20_000;
const MAX_CYCLES = 50;

/**
 * Elementary cycles of a directed graph, each once, as node lists starting at the cycle's earliest node
 * (in `nodes` order), without repeating it at the end. Self-loops are cycles of one node.
 */
export function findCycles(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const order = new Map(nodes.map((node, index) => [node, index]));
  const cycles: string[][] = [];
  let steps = 0;
  for (const component of stronglyConnected(nodes, edges)) {
    const members = new Set(component);
    const isCyclic = component.length > 1 || (edges.get(component[0] ?? "") ?? []).includes(component[0] ?? "");
    if (!isCyclic) continue;
    const sorted = [...component].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    for (const start of sorted) {
      const startIndex = order.get(start) ?? 0;
      const path: string[] = [start];
      const onPath = new Set([start]);
      const walk = (node: string): void => {
        for (const next of edges.get(node) ?? []) {
          if (steps++ > MAX_STEPS || cycles.length >= MAX_CYCLES) return;
          if (next === start) {
            cycles.push([...path]);
          } else if (members.has(next) && !onPath.has(next) && (order.get(next) ?? 0) > startIndex) {
            path.push(next);
            onPath.add(next);
            walk(next);
            path.pop();
            onPath.delete(next);
          }
        }
      };
      walk(start);
    }
  }
  return cycles;
}

/** Tarjan's algorithm (recursive: the depth is at most the number of files). */
function stronglyConnected(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of nodes) if (!index.has(node)) connect(node);
  return components;
}

/** One `import-cycle` warning per elementary cycle of load-time (non-type, non-dynamic) imports. */
export function checkCycles(files: readonly string[], edges: readonly ImportEdge[]): Problem[] {
  const adjacency = new Map<string, string[]>();
  const lineOf = new Map<string, number | undefined>();
  for (const edge of edges) {
    if (edge.kind !== "static") continue;
    const targets = adjacency.get(edge.from) ?? [];
    if (!targets.includes(edge.to)) targets.push(edge.to);
    adjacency.set(edge.from, targets);
    const key = `${edge.from}\n${edge.to}`;
    if (!lineOf.has(key) || lineOf.get(key) === undefined) lineOf.set(key, edge.line);
  }
  return findCycles(files, adjacency).map((cycle) => {
    const first = cycle[0] ?? "";
    const second = cycle[1] ?? first;
    const line = lineOf.get(`${first}\n${second}`);
    const message = `import cycle: ${[...cycle, first].join(" → ")}`;
    return problem("warning", "import-cycle", message, line === undefined ? { file: first } : { file: first, line });
  });
}
