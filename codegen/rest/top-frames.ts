/**
 * What Figma calls a file's top-level frames: the frames, components, component sets, instances and sections
 * placed on a page, and the frames inside a top-level section (sections group screens; the screens are what
 * a reader looks for). Loose shapes, lines, vectors and texts on a page are not frames. The nodes a nodes or
 * export reply names were chosen by whoever fetched it, so they are kept whatever their type.
 * `figment frames` lists these and `figment code` converts them, so the two agree.
 */
import { isRecord, readRestReply, type RestNode, type RestReply } from "./reply.js";

/** The node types that are frames when they sit on a page (or in a top-level section). */
export const FRAME_TYPES: ReadonlySet<string> = new Set(["FRAME", "COMPONENT", "COMPONENT_SET", "INSTANCE", "SECTION"]);

export interface TopFrame {
  node: RestNode;
  /** The page's name ("" for a node of a nodes or export reply, which carries no page). */
  page: string;
  /** The sections it sits in, outermost first ([] on the page itself). */
  sections: string[];
  /**
   * Whether `figment code` converts it: every frame, and a section only when no listed frame sits inside it
   * (its frames are converted instead; a section is a group of screens, not a screen).
   */
  converted: boolean;
}

/** Page name of each top-level node id, read from the DOCUMENT → CANVAS levels the reply reader flattens. */
export function pagesOf(json: unknown): Map<string, string> {
  const pages = new Map<string, string>();
  const visitDoc = (doc: unknown): void => {
    if (!isRecord(doc) || !Array.isArray(doc["children"])) return;
    const canvases = doc["type"] === "DOCUMENT" ? doc["children"] : doc["type"] === "CANVAS" ? [doc] : [];
    for (const page of canvases) {
      if (!isRecord(page) || page["type"] !== "CANVAS" || !Array.isArray(page["children"])) continue;
      for (const child of page["children"])
        if (isRecord(child) && typeof child["id"] === "string") pages.set(child["id"], String(page["name"] ?? ""));
    }
  };
  if (!isRecord(json)) return pages;
  if (isRecord(json["nodes"]))
    for (const entry of Object.values(json["nodes"])) visitDoc(isRecord(entry) ? entry["document"] : undefined);
  else visitDoc(json["document"] ?? json);
  return pages;
}

/** The top-level frames in page order (a section before the frames inside it). `reply` saves reading `json` twice. */
export function topLevelFrames(json: unknown, reply: RestReply = readRestReply(json)): TopFrame[] {
  const pages = pagesOf(json);
  const frames: TopFrame[] = [];
  const visit = (node: RestNode, page: string, sections: string[]): void => {
    if (!FRAME_TYPES.has(node.type)) return;
    const row: TopFrame = { node, page, sections, converted: true };
    frames.push(row);
    if (node.type !== "SECTION") return;
    const before = frames.length;
    for (const child of node.children ?? []) visit(child, page, [...sections, node.name]);
    row.converted = frames.length === before;
  };
  for (const root of reply.roots) {
    const page = pages.get(root.id);
    if (page === undefined) frames.push({ node: root, page: "", sections: [], converted: true });
    else visit(root, page, []);
  }
  return frames;
}

/** The nodes `figment code` converts for a whole file: topLevelFrames' converted ones. */
export function convertedFrames(json: unknown, reply?: RestReply): RestNode[] {
  return topLevelFrames(json, reply)
    .filter((f) => f.converted)
    .map((f) => f.node);
}
