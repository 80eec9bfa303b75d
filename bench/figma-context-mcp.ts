/**
 * The exact text that Figma-Context-MCP (npm `figma-developer-mcp` 0.13.2) sends to the model
 * as the result of its `get_figma_data` tool, given the raw Figma REST reply it fetched.
 *
 * How the MCP builds it (read from node_modules/figma-developer-mcp/dist, minified names in []):
 *
 *   dist/chunk-BMERTI2I.js
 *     tool `get_figma_data` handler [qt] -> pipeline [Xe(service, {fileKey,nodeId,depth}, outputFormat)]:
 *       1. fetch: nodeId ? GET /v1/files/:key/nodes?ids=:id : GET /v1/files/:key, then JSON.parse(text)
 *       2. simplify: `await simplifyRawFigmaObject(raw, allExtractors,
 *                        { maxDepth: depth (undefined unless asked), afterChildren: collapseSvgContainers, nodeCounter
 *                        })`
 *          (these three are imported from dist/chunk-F7NB5NCX.js and re-exported by the package main
 *           dist/index.js under those names; simplifyRawFigmaObject is ASYNC: it yields with setImmediate
 *           every 100 nodes).
 *       3. serialize: `formatted = format(toOutput(simplified), outputFormat)` where
 *          toOutput [Ue]: {metadata: {name, components, componentSets}, nodes, globalVars, elements}
 *                         and drops auto-generated names ("Frame 12", any TEXT node's name) [Ve/qe/Kt];
 *          format [Ce]: "json" -> JSON.stringify(x, null, 2)
 *                       "yaml" -> yaml(x)
 *                       "tree" -> the compact tree text [Ae/Oe] (DEFAULT: createServer/getServerConfig
 *                                 default `outputFormat` is "tree" unless --format/--json/OUTPUT_FORMAT)
 *          yaml [D] = jsYaml.dump(x, { noRefs: true, lineWidth: -1, noCompatMode: true, schema: jsYaml.JSON_SCHEMA })
 *          with the MCP's OWN js-yaml (node_modules/figma-developer-mcp/node_modules/js-yaml, 4.3.2),
 *          not the project's js-yaml 5.x.
 *       4. reply: { content: [{ type: "text", text: formatted }] }  -> `formatted` is what the model reads.
 *
 * Steps 2 uses the package's public exports; the serializer (step 3) is not exported, so it is transcribed
 * below verbatim from dist/chunk-BMERTI2I.js (functions Ue, Ve, qe, Kt, Ht, D, Ae, Oe, K, me, z, Ce).
 *
 * Verified end to end by bench/verify-mcp.ts: it starts the real MCP server (`createServer` from
 * dist/mcp-server.js), stubs global `fetch` to answer the Figma API URLs with the fixture bytes,
 * calls the `get_figma_data` tool through an MCP Client over InMemoryTransport, and checks that the
 * tool's text is byte-identical to `mcpPayload(JSON.parse(fixture), format)` for every fixture
 * (file replies without nodeId, nodes replies with nodeId) and for all three formats.
 */
import { createRequire } from "node:module";
import { allExtractors, collapseSvgContainers, simplifyRawFigmaObject } from "figma-developer-mcp";

export type McpOutputFormat = "tree" | "yaml" | "json";

// js-yaml exactly as the MCP bundle resolves `import _e from "js-yaml"` (its nested 4.3.2 copy).
const requireHere = createRequire(import.meta.url);
const requireFromMcp = createRequire(requireHere.resolve("figma-developer-mcp"));
// Typed locally: `typeof import("js-yaml")` would give the project's js-yaml 5 types, which lack noCompatMode.
type JsYaml4 = { dump(value: unknown, options: Record<string, unknown>): string; JSON_SCHEMA: unknown };
const jsYaml = requireFromMcp("js-yaml") as JsYaml4;
export const mcpJsYamlVersion: string = requireFromMcp("js-yaml/package.json").version;

/**
 * The string `get_figma_data` returns for this raw REST reply (default output format "tree"). `layers: true` turns
 * off its one step that drops layers (collapseSvgContainers: a container of shapes only becomes one IMAGE-SVG node),
 * so a frame's layers can be compared with a hint that lists them; get_figma_data itself never does that.
 */
export async function mcpPayload(
  raw: unknown,
  format: McpOutputFormat = "tree",
  options: { layers?: boolean } = {},
): Promise<string> {
  const simplified = await simplifyRawFigmaObject(raw as never, allExtractors, {
    maxDepth: undefined,
    afterChildren: options.layers ? undefined : collapseSvgContainers,
    nodeCounter: { count: 0 },
  } as never);
  return formatResult(toOutput(simplified as unknown as Simplified), format);
}

// ---------------------------------------------------------------------------------------------
// Transcribed from dist/chunk-BMERTI2I.js. Keep it literal; do not "improve" it.
// biome-ignore-start lint/suspicious: a literal transcription of minified code keeps its `any` and `==`

type SNode = {
  id: string;
  name?: string;
  type?: string;
  template?: string;
  children?: SNode[];
  [k: string]: any;
};
type Simplified = {
  nodes: SNode[];
  globalVars: { styles: Record<string, unknown> };
  elements: Record<string, SNode>;
  [k: string]: any;
};
type Output = {
  metadata: {
    name: string;
    components: Record<string, unknown>;
    componentSets: Record<string, unknown>;
    [k: string]: any;
  };
  nodes: SNode[];
  globalVars: { styles: Record<string, unknown> };
  elements: Record<string, SNode>;
};

// [Ht]
const AUTO_NAME = new RegExp(
  "^(?:Frame|Rectangle|Ellipse|Line|Vector|Group|Component|Instance|Polygon|Star|" +
    String.raw`Text|Image|Slice|Section|Boolean|Union|Subtract|Intersect|Exclude|Arrow)\s+\d+$`,
);
// [Kt]
function isAutoName(name: string): boolean {
  return AUTO_NAME.test(name);
}
// [qe]
function dropName(name: string, type: string | undefined): boolean {
  return type === "TEXT" || isAutoName(name);
}
// [Ue]
function toOutput(e: Simplified): Output {
  const { nodes, globalVars, elements, ...metadata } = e;
  return {
    metadata: metadata as Output["metadata"],
    nodes: nodes.map((n) => stripNames(n, elements)),
    globalVars,
    elements,
  };
}
// [Ve]
function stripNames(e: SNode, elements: Record<string, SNode>): SNode {
  const children = e.children?.map((c) => stripNames(c, elements));
  const r: SNode = children ? { ...e, children } : { ...e };
  const type = e.type ?? (e.template ? elements[e.template]?.type : undefined);
  if (r.name !== undefined && dropName(r.name, type)) delete r.name;
  return r;
}
// [D]
function yaml(x: unknown): string {
  return jsYaml.dump(x, { noRefs: true, lineWidth: -1, noCompatMode: true, schema: jsYaml.JSON_SCHEMA });
}
// [Ae]
function tree(e: Output): string {
  const t: string[] = [];
  t.push(`NAME: ${q(e.metadata.name)}`);
  if (Object.keys(e.globalVars.styles).length > 0) t.push(`\nGLOBAL_VARS:\n${yaml(e.globalVars.styles)}`);
  if (e.elements && Object.keys(e.elements).length > 0) t.push(`ELEMENTS:\n${yaml(e.elements)}`);
  if (Object.keys(e.metadata.components).length > 0) t.push(`COMPONENTS:\n${yaml(e.metadata.components)}`);
  if (Object.keys(e.metadata.componentSets).length > 0) t.push(`COMPONENT_SETS:\n${yaml(e.metadata.componentSets)}`);
  const o = ["NODES:"];
  for (const r of e.nodes) treeLine(r, 0, o, e.elements);
  t.push(o.join("\n"));
  return t.join("\n");
}
// [Oe]
function treeLine(e: SNode, depth: number, out: string[], elements: Record<string, SNode> | undefined): void {
  const n = "  ".repeat(depth);
  const i: string[] = [];
  const a = e.template ? elements?.[e.template] : undefined;
  i.push(`[${a?.type ?? e.type}]`);
  if (e.name !== undefined) i.push(q(e.name));
  i.push(`#${e.id}`);
  if (e.template !== undefined) i.push(`template=${e.template}`);
  if (e.layout !== undefined) i.push(`layout=${val(e.layout)}`);
  if (e.fills !== undefined) i.push(`fills=${val(e.fills)}`);
  if (e.strokes !== undefined) i.push(`strokes=${val(e.strokes)}`);
  if (e.strokeWeight !== undefined) i.push(`strokeWeight=${bare(e.strokeWeight)}`);
  if (e.strokeWeights !== undefined) i.push(`strokeWeights=${bare(e.strokeWeights)}`);
  if (e.strokeDashes !== undefined) i.push(`strokeDashes=${e.strokeDashes.join(",")}`);
  if (e.effects !== undefined) i.push(`effects=${val(e.effects)}`);
  if (e.opacity !== undefined) i.push(`opacity=${e.opacity}`);
  if (e.borderRadius !== undefined) i.push(`borderRadius=${bare(e.borderRadius)}`);
  if (e.styles !== undefined) i.push(`styles=${bare(e.styles)}`);
  if (e.componentId !== undefined) i.push(`componentId=${e.componentId}`);
  if (e.componentProperties !== undefined) i.push(`componentProperties=${JSON.stringify(e.componentProperties)}`);
  if (e.componentPropertyReferences !== undefined)
    i.push(`componentPropertyReferences=${JSON.stringify(e.componentPropertyReferences)}`);
  if (e.textStyle !== undefined) i.push(`textStyle=${val(e.textStyle)}`);
  if (e.boldWeight !== undefined) i.push(`boldWeight=${e.boldWeight}`);
  if (e.text !== undefined) i.push(`text=${q(e.text)}`);
  out.push(n + i.join(" "));
  if (e.children) for (const s of e.children) treeLine(s, depth + 1, out, elements);
}
// [K]
function val(e: unknown): string {
  return typeof e == "string" ? bare(e) : JSON.stringify(e);
}
// [me]
function q(e: unknown): string {
  return JSON.stringify(e);
}
// [z]  (the bundle calls RegExp.test on whatever it gets; non-strings are stringified by test())
function bare(e: any): string {
  return /[\s"]/.test(e) ? JSON.stringify(e) : e;
}
// [Ce]
function formatResult(e: Output, format: McpOutputFormat): string {
  return format === "json" ? JSON.stringify(e, null, 2) : format === "tree" ? tree(e) : yaml(e);
}
// biome-ignore-end lint/suspicious: end of the transcription
