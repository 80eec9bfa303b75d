/**
 * What Search indexes for one top-level frame: its name, page, texts, component names, a short structural
 * summary from the design tree, and a content hash of its REST JSON so an unchanged frame is never indexed
 * (or embedded) again. Pure: the same documents come from the plugin's export and from a file in the CLI.
 */
import type { DesignNode } from "../design/types.js";
import { normalize } from "../design/normalize.js";
import { semanticsFor } from "../emit/semantics.js";
import { readRestReply, type RestContext, type RestNode } from "../rest/reply.js";
import { pagesOf } from "../rest/top-frames.js";
import { frameHash } from "./hash.js";
import { plural } from "../../kernel/plural.js";

export interface FrameCounts {
  buttons: number;
  inputs: number;
  images: number;
  headings: number;
  width: number;
  height: number;
}

export interface FrameDoc {
  id: string;
  name: string;
  /** The page the frame is on ("" when the JSON has no pages: a nodes or export reply). */
  page: string;
  /** Visible texts, in layer order, each once. */
  texts: string[];
  /** Names of the components used (instances' main components) or defined, each once. */
  components: string[];
  counts: FrameCounts;
  /** The counts in words, e.g. "screen 375×812, 2 buttons, 1 input, 3 headings". */
  summary: string;
  /** frameHash of the frame's REST JSON subtree: its content and size, not its place on the canvas. */
  hash: string;
}

type Role = "buttons" | "inputs" | "images" | "headings";

/** Counts controls, images and headings with the emitters' own semantics (what the code would make of them). */
function countRoles(frame: DesignNode, counts: FrameCounts): void {
  const visit = (node: DesignNode, insideInteractive: boolean): void => {
    if (node.hidden) return;
    const { tag, interactive, attrs } = semanticsFor(node, { root: false, insideInteractive, insideText: false });
    const role: Role | undefined =
      tag === "button"
        ? "buttons"
        : tag === "input"
          ? "inputs"
          : tag === "img" || attrs.some(([k, v]) => k === "role" && v === "img")
            ? "images"
            : /^h[1-6]$/.test(tag)
              ? "headings"
              : undefined;
    if (role) counts[role]++;
    for (const child of node.children ?? []) visit(child, insideInteractive || interactive);
  };
  for (const child of frame.children ?? []) visit(child, false);
}

function collect(node: DesignNode, texts: Set<string>, components: Set<string>): void {
  if (node.hidden) return;
  const chars = node.text?.chars.replace(/\s+/g, " ").trim();
  if (chars) texts.add(chars);
  if (node.component?.name) components.add(node.component.name);
  for (const child of node.children ?? []) collect(child, texts, components);
}

export function summarize(counts: FrameCounts): string {
  const parts = [`${counts.width}×${counts.height}`];
  for (const [n, word] of [
    [counts.buttons, "button"],
    [counts.inputs, "input"],
    [counts.images, "image"],
    [counts.headings, "heading"],
  ] as const)
    if (n > 0) parts.push(plural(n, word));
  return parts.join(", ");
}

/**
 * The document for one top-level REST node; `context` resolves instance names to their main components.
 * `hash`: the node's frameHash when the caller has it already (the plugin hashes first to skip unchanged frames).
 */
export function frameDoc(node: RestNode, page: string, context: RestContext, hash = frameHash(node)): FrameDoc {
  const tree = normalize([node], context).document.frames[0];
  const counts: FrameCounts = {
    buttons: 0,
    inputs: 0,
    images: 0,
    headings: 0,
    width: Math.round(tree?.w ?? 0),
    height: Math.round(tree?.h ?? 0),
  };
  const texts = new Set<string>();
  const components = new Set<string>();
  if (tree) {
    countRoles(tree, counts);
    collect(tree, texts, components);
  }
  return {
    id: node.id,
    name: node.name,
    page,
    texts: [...texts],
    components: [...components],
    counts,
    summary: summarize(counts),
    hash,
  };
}

/** One document per top-level frame of the reply, on every page. Throws an input FigmentError for non-Figma JSON. */
export function frameDocs(json: unknown): FrameDoc[] {
  const reply = readRestReply(json);
  const pages = pagesOf(json);
  return reply.roots.map((node) => frameDoc(node, pages.get(node.id) ?? "", reply.context));
}
