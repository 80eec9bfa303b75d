/**
 * The user's own workflow (`--workflow FILE`): a graph exported from ComfyUI in API format (Save (API)), with
 * placeholders in its string inputs — {{prompt}}, {{negative}}, {{seed}}, {{width}}, {{height}}, {{image}},
 * {{mask}} — filled and everything else sent as it is, so any model, LoRA or custom node a team uses works. An
 * input that is one numeric placeholder alone ("{{seed}}") becomes a number, as the node's INT input wants.
 */
import { ModelError } from "../errors/classify.js";
import type { ComfyGraph } from "./workflows.js";

export const PLACEHOLDERS = ["prompt", "negative", "seed", "width", "height", "image", "mask"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
const NUMERIC: ReadonlySet<string> = new Set(["seed", "width", "height"]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The graph in `text`, checked to be API format; the UI format (nodes + links) is refused by name. */
export function parseWorkflow(text: string, source = "the workflow"): ComfyGraph {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ModelError("bad-request", `${source} is not JSON.`);
  }
  if (!isRecord(parsed)) throw new ModelError("bad-request", `${source} is not a ComfyUI workflow (not an object).`);
  if (Array.isArray(parsed["nodes"]) && Array.isArray(parsed["links"]))
    throw new ModelError(
      "bad-request",
      `${source} is in ComfyUI's UI format (nodes and links), not the API format that Save (API) exports.`,
    );
  const entries = Object.entries(parsed);
  const bad = entries.find(([, node]) => !isRecord(node) || typeof node["class_type"] !== "string");
  if (entries.length === 0 || bad)
    throw new ModelError(
      "bad-request",
      `${source} is not a ComfyUI API-format workflow${bad ? ` (node ${bad[0]} has no class_type)` : ""}.`,
    );
  return parsed as ComfyGraph;
}

/** The placeholders the graph's string inputs use. */
export function placeholdersIn(graph: ComfyGraph): Set<string> {
  const found = new Set<string>();
  for (const node of Object.values(graph))
    for (const value of Object.values(node.inputs ?? {}))
      if (typeof value === "string") for (const match of value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) found.add(match[1]!);
  return found;
}

/** A copy of `graph` with its placeholders filled; an unknown or unfilled placeholder is refused by name. */
export function fillWorkflow(graph: ComfyGraph, values: Partial<Record<Placeholder, string | number>>): ComfyGraph {
  const used = placeholdersIn(graph);
  for (const name of used) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name))
      throw new ModelError(
        "bad-request",
        `The workflow has a placeholder {{${name}}} that Figment does not fill (it fills ${PLACEHOLDERS.map(
          (p) => `{{${p}}}`,
        ).join(", ")}).`,
      );
    if (values[name as Placeholder] === undefined)
      throw new ModelError(
        "bad-request",
        name === "image" || name === "mask"
          ? `The workflow uses {{${name}}} but no ${name === "image" ? "reference image (--ref)" : "mask (--mask)"} ` +
              "was given."
          : `The workflow uses {{${name}}} and no value was given for it.`,
      );
  }
  const fill = (value: unknown): unknown => {
    if (typeof value !== "string") return value;
    const whole = /^\{\{\s*(\w+)\s*\}\}$/.exec(value);
    if (whole && NUMERIC.has(whole[1]!)) return Number(values[whole[1] as Placeholder]);
    return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name as Placeholder]));
  };
  return Object.fromEntries(
    Object.entries(graph).map(([id, node]) => [
      id,
      { ...node, inputs: Object.fromEntries(Object.entries(node.inputs ?? {}).map(([k, v]) => [k, fill(v)])) },
    ]),
  );
}
