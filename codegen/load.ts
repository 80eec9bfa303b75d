/**
 * Loading a design: REST reply (+ what it does not carry) → normalised design tree for the requested frames.
 * Pure and light (no ts-morph, no prettier), so the plugin's main thread can use it for Dev Mode codegen.
 *
 * The one entry point for every caller — plugin worker, CLI, tests:
 *
 *   loadDesign(json: unknown, nodeIds: string[] = [], extras: DesignExtras = {}): LoadedDesign
 *
 * `extras` (codegen/design/extras.ts) supplies image fill bytes by imageRef and SVG markup by node id. With
 * them the design tree's image assets hold the real bytes (named `<layer>.png|jpg|gif|webp|svg` after the
 * format sniffed from the bytes; identical bytes are one asset) and vector-like layers draw the supplied
 * SVG. Without them images are grey placeholders and vectors are drawn from the JSON's geometry (or boxes),
 * each listed as a problem. Its variables, named styles and the frames' resolved modes make the design
 * tokens (codegen/tokens): bound properties and repeated styles become `document.tokens`, which the
 * emitters print once and use as `var(--…)`. Never throws for missing or bad extras.
 */
import type { DesignExtras } from "./design/extras.js";
import { layerNamesById } from "./design/layer-label.js";
import { normalize } from "./design/normalize.js";
import type { DesignDocument, DesignNode } from "./design/types.js";
import type { LayoutDecisions, LayoutMode } from "./layout/index.js";
import { depthLimitNote, depthLimitOf } from "./rest/depth-limit.js";
import { findNode, readRestReply, type RestContext, type RestNode } from "./rest/reply.js";
import { convertedFrames } from "./rest/top-frames.js";
import { resolveTokens } from "./tokens/resolve.js";
import { readPrototype } from "./prototype/read.js";
import { prototypeActions, TOGGLE_TRIGGER, VARIANT_STATES, type Prototype } from "./prototype/model.js";
import type { Problem } from "./types.js";
import type { ComponentMap } from "./components-map/model.js";
import type { LibraryTypes } from "./project/library-types.js";
import type { Styling, Target } from "./targets.js";
import { FigmentError } from "../kernel/errors.js";

export { STYLINGS, TARGETS, type Styling, type Target } from "./targets.js";

export interface CodeOptions {
  target: Target;
  styling: Styling;
  /** Put `data-node-id` on every element that draws a layer. */
  nodeIds: boolean;
  /**
   * "responsive" (the default): absolute designs wider than a phone get rows and columns inferred
   * (codegen/layout), so the code reflows on narrow screens; "exact": every layer where the design put it.
   */
  layout?: LayoutMode;
  /**
   * The layout check's verdicts by frame id (codegen/layout-check: a browser laid the inferred frames out at their
   * design width): which sections keep their drawing. Frames without one are checked by the simulator.
   */
  layoutDecisions?: LayoutDecisions;
  /**
   * The team's own components (codegen/components-map): React draws the instances they name as those
   * components, imported, and writes no file for them. HTML ignores it, with a note.
   */
  components?: ComponentMap;
  /** The components' library types: the generated use is type-checked against them (`component-props`). */
  libraryTypes?: LibraryTypes[];
}

export const DEFAULT_CODE_OPTIONS: CodeOptions = { target: "react", styling: "css-modules", nodeIds: false };

export interface LoadedDesign {
  document: DesignDocument;
  /** The REST nodes converted (top-level frames, or the requested ones). */
  roots: RestNode[];
  problems: Problem[];
  /**
   * Every layer's name by id as Figma's layers panel shows it (design/layer-label.ts), the frames skipped as
   * empty too: what text a designer reads names a problem's layer by.
   */
  layerNames: ReadonlyMap<string, string>;
  /** The reply's components and styles: a generated project's record keeps the design's facts (design-diff.ts). */
  restContext?: RestContext;
}

const CONTAINERS = new Set(["frame", "group", "section", "component", "instance"]);

/**
 * The variants a hover, a press or a click (a toggle) changes a layer to, and the ones the layers are instances of,
 * converted as the frames are (their look is the state's).
 */
function stateVariants(
  prototype: Prototype,
  all: RestNode[],
  context: RestContext,
  extras: DesignExtras,
): Record<string, DesignNode> | undefined {
  const ids = new Set<string>();
  for (const { id, trigger, action } of prototypeActions(prototype))
    if (
      (VARIANT_STATES[trigger.type] || trigger.type === TOGGLE_TRIGGER) &&
      action.type === "NODE" &&
      action.navigation === "CHANGE_TO"
    )
      if (action.destinationId !== null) {
        ids.add(action.destinationId);
        // The variant the layer is drawn from: what the state changes of it (a size) is what the variants differ by.
        const main = findNode(all, id)?.["componentId"];
        if (typeof main === "string") ids.add(main);
      }
  // A variant is a component (of a set); a change to anything else is no state (a note names it).
  const nodes = [...ids].flatMap((id) => findNode(all, id) ?? []).filter((n) => n.type === "COMPONENT");
  if (nodes.length === 0) return undefined;
  const { document } = normalize(nodes, context, extras);
  return Object.fromEntries(document.frames.map((f) => [f.id, f]));
}

/** Node ids arrive as `12:34` (API) or `12-34` (URLs); both find the node. */
function lookup(roots: RestNode[], id: string): RestNode | undefined {
  return findNode(roots, id) ?? findNode(roots, id.replace(/-/g, ":"));
}

export interface LoadOptions {
  /**
   * Without node ids, which top-level nodes are converted: "all" the reply holds at the top (a page's loose
   * shapes too), or "frames", what Figma calls top-level frames (rest/top-frames.ts, as `figment frames` lists them).
   */
  topLevel?: "all" | "frames";
}

/** Why a whole file converts nothing: no layers at all, or only loose ones (a vector, a text) beside no frame. */
function noFrames(loose: readonly RestNode[]): string {
  if (loose.length === 0) return "the design has no frames to convert";
  const named = loose
    .slice(0, 2)
    .map((n) => `${n.type.toLowerCase()} "${n.name}" (${n.id})`)
    .join(", ");
  return (
    `the design has no frames to convert: its pages hold ${loose.length} loose ` +
    `${loose.length === 1 ? "layer" : "layers"} (${named}${loose.length > 2 ? ", …" : ""}), no ` +
    `frame, component or section; name a layer by its id to convert it (figment code --node ID)`
  );
}

/** Reads a REST reply (file, nodes, export or single node) and normalises the requested frames, with `extras`. */
export function loadDesign(
  json: unknown,
  nodeIds: string[] = [],
  extras: DesignExtras = {},
  options: LoadOptions = {},
): LoadedDesign {
  const reply = readRestReply(json);
  let roots = options.topLevel === "frames" && nodeIds.length === 0 ? convertedFrames(json, reply) : reply.roots;
  if (nodeIds.length > 0) {
    roots = nodeIds.map((id) => {
      const node = lookup(reply.roots, id);
      if (!node) throw new FigmentError("input", `unknown node id ${id}`);
      return node;
    });
  }
  if (roots.length === 0) throw new FigmentError("input", noFrames(reply.roots));
  const { document, problems } = normalize(roots, reply.context, extras);
  // An empty frame (a container with no visible layers) has nothing to turn into code.
  const empty = document.frames.filter((f) => CONTAINERS.has(f.kind) && (f.children ?? []).every((c) => c.hidden));
  if (empty.length > 0 && nodeIds.length > 0) {
    const first = empty[0]!;
    const name = roots.find((r) => r.id === first.id)?.name ?? first.name;
    // The name as the layers panel shows it leads; the id trails, to find the layer again.
    throw new FigmentError("input", `“${name}” is empty: it has no visible layers (id ${first.id})`);
  }
  // Read only where a problem is reported by its layer's name: built on first use, from the frames and roots as
  // they are here (the empty ones too), not for every run (it walks the whole reply).
  const named = { frames: document.frames, layerNames: document.layerNames };
  const namedRoots = roots;
  let layerNames: Map<string, string> | undefined;
  for (const frame of empty)
    problems.push({
      severity: "warning",
      code: "empty-frame",
      message: `frame "${roots.find((r) => r.id === frame.id)?.name ?? frame.name}" has no visible layers; skipped`,
      nodeId: frame.id,
    });
  document.frames = document.frames.filter((f) => !empty.includes(f));
  roots = roots.filter((r) => document.frames.some((f) => f.id === r.id));
  if (document.frames.length === 0) {
    const unbounded = problems.find((p) => p.code === "missing-bounds");
    if (unbounded && empty.length === 0) throw new FigmentError("input", `nothing to convert: ${unbounded.message}`);
    throw new FigmentError(
      "input",
      empty.length > 0
        ? "nothing to convert: every frame is empty"
        : "nothing visible to convert: every selected node is hidden or empty",
    );
  }
  // A reply fetched with a depth limit lacks what its deepest containers hold: said, as nothing else would say it.
  const limit = depthLimitOf(json);
  const cut = limit && depthLimitNote(limit, roots);
  if (cut) problems.unshift({ severity: "warning", code: "depth-limited", message: cut });
  const tokens = resolveTokens(roots, document, reply.context, extras);
  if (tokens.table) document.tokens = tokens.table;
  const prototype = readPrototype(json, roots, reply.roots);
  if (prototype) {
    document.prototype = prototype;
    const variants = stateVariants(prototype, reply.roots, reply.context, extras);
    if (variants) document.variants = variants;
  }
  return {
    document,
    roots,
    restContext: reply.context,
    problems: [...reply.problems, ...problems, ...tokens.problems],
    get layerNames() {
      layerNames ??= layerNamesById(named, namedRoots);
      return layerNames;
    },
  };
}
