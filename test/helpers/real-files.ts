/**
 * Real designers' files (test/fixtures/real/, see SOURCES.md there): Figma REST replies committed to public
 * repositories, read as the CLI reads a design file (cli/common/design-text.ts: one of them is a fragment without
 * its outer braces), and their top-level frames: what a designer sees as the page's frames — each page's frames,
 * and the frames inside its sections (Figma counts those as top-level too); a page's loose vectors, lines, texts
 * and images are not frames.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { readDesignBytes } from "../../cli/common/design-text.js";
import { readRestReply, type RestNode } from "../../codegen/rest/reply.js";
import { fixturesRoot } from "./responsive-frames.js";

export const REAL_DIR = "real";

export interface RealFile {
  /** File name in test/fixtures/real/. */
  name: string;
  path: string;
  bytes: number;
  /** The reply, read as the CLI reads it. */
  json: unknown;
  /** What the reader repaired (the fragment's note). */
  notes: string[];
}

export interface RealFrame {
  file: string;
  id: string;
  name: string;
  type: string;
  width: number;
  height: number;
  /** The section it is in, if any. */
  section?: string;
  /** Hidden in the design (`visible: false`, or in a hidden section): listed, not converted. */
  hidden: boolean;
  /** How the designer laid it out (see {@link drawingOf}). */
  drawing: Drawing;
  /** Frames inside it (itself included) laid out by Figma's grid auto layout (`layoutMode: "GRID"`). */
  gridFrames: number;
  node: RestNode;
}

/**
 * "auto layout": the frame itself has auto layout; "absolute": no auto layout anywhere in it, every layer placed by
 * hand; "absolute, auto layout inside": placed by hand at the top, with auto layout in some of its parts (a button,
 * a section).
 */
export type Drawing = "auto layout" | "absolute" | "absolute, auto layout inside";

const autoLayout = (node: RestNode): boolean => {
  const mode = node["layoutMode"];
  return typeof mode === "string" && mode !== "NONE";
};

function countIn(node: RestNode, test: (node: RestNode) => boolean): number {
  return (test(node) ? 1 : 0) + (node.children ?? []).reduce((n, child) => n + countIn(child, test), 0);
}

/** How a top-level frame is drawn: by its own layout mode, then whether any layer inside has auto layout. */
export function drawingOf(frame: RestNode): Drawing {
  if (autoLayout(frame)) return "auto layout";
  return countIn(frame, autoLayout) > 0 ? "absolute, auto layout inside" : "absolute";
}

/** Every real file, sorted by name. */
export function realFiles(): RealFile[] {
  const dir = join(fixturesRoot(), REAL_DIR);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => readLazily(name, join(dir, name)));
}

/**
 * A real file whose reply is read when first asked for (then kept by the object): a caller that picks one file by
 * name reads 1 of the 16 MB, not all of them.
 */
function readLazily(name: string, path: string): RealFile {
  let read: { json: unknown; notes: string[] } | undefined;
  const reply = (): { json: unknown; notes: string[] } => {
    if (read === undefined) {
      const bytes = readFileSync(path);
      read = readDesignBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    }
    return read;
  };
  return {
    name,
    path,
    bytes: statSync(path).size,
    get json() {
      return reply().json;
    },
    get notes() {
      return reply().notes;
    },
  };
}

const FRAME_TYPES = new Set(["FRAME", "COMPONENT", "COMPONENT_SET", "INSTANCE"]);

/** The file's top-level frames in the document's order: roots that are frames, and the frames in its sections. */
export function topLevelFrames(file: Pick<RealFile, "name" | "json">): RealFrame[] {
  const out: RealFrame[] = [];
  const visit = (node: RestNode, section: string | undefined, hiddenAbove: boolean): void => {
    const hidden = hiddenAbove || node["visible"] === false;
    if (node.type === "SECTION") {
      for (const child of node.children ?? []) visit(child, node.name, hidden);
      return;
    }
    if (!FRAME_TYPES.has(node.type)) return;
    const box = node["absoluteBoundingBox"] as { width?: number; height?: number } | null | undefined;
    out.push({
      file: file.name,
      id: node.id,
      name: node.name,
      type: node.type,
      width: Math.round(box?.width ?? 0),
      height: Math.round(box?.height ?? 0),
      ...(section !== undefined ? { section } : {}),
      hidden,
      drawing: drawingOf(node),
      gridFrames: countIn(node, (n) => n["layoutMode"] === "GRID"),
      node,
    });
  };
  for (const root of readRestReply(file.json).roots) visit(root, undefined, false);
  return out;
}
