/**
 * A page drawn at several widths in the hint (issue 70, codegen/design/drawings.ts): one line per such page, before
 * the tables, says which top-level frames are its drawings — the model reads that they are one page, the parser
 * rebuilds `doc.drawings` from it:
 *
 *   page: Home — drawn at 1440, 768, 375 (one DOM, mobile-first @media at the drawn widths): frames 1:2, 3:4, 5:6
 *
 * The frames follow as top-level `F` lines, the page's frame first and its other drawings right after it, widest
 * first, each with its own width and layout.
 */
import { pageDrawings } from "../design/drawings.js";
import type { DesignDocument, DesignNode } from "../design/types.js";
import { FigmentError } from "../../kernel/errors.js";
import { pageName } from "../design/page-name.js";

export { pageName, sharedName } from "../design/page-name.js";

export const PAGE_MARK = "page:";

const FRAMES_MARK = ": frames ";

/** The `page:` line of each page of `doc` drawn at several widths, in the frames' order. */
export function pageLines(doc: DesignDocument): string[] {
  if (!doc.drawings) return [];
  return doc.frames.flatMap((frame) => {
    const drawings = pageDrawings(doc, frame);
    if (drawings.length < 2) return [];
    const widths = drawings.map((d) => Math.round(d.w)).join(", ");
    return [
      `${PAGE_MARK} ${pageName(drawings)} — drawn at ${widths} (one DOM, mobile-first @media at the drawn widths)` +
        `${FRAMES_MARK}${drawings.map((d) => d.id).join(", ")}`,
    ];
  });
}

/** The frame ids of a `page:` line, the page's frame first. */
export function parsePageLine(line: string, lineNo: number): string[] {
  const at = line.lastIndexOf(FRAMES_MARK);
  const ids =
    at < 0
      ? []
      : line
          .slice(at + FRAMES_MARK.length)
          .split(/,\s*/)
          .map((id) => id.trim())
          .filter(Boolean);
  if (ids.length < 2)
    throw new FigmentError("input", `line ${lineNo}: a page line names its drawings: "…${FRAMES_MARK}1:2, 3:4"`);
  return ids;
}

/** `frames` (every top-level frame parsed) made pages: each page line's other drawings moved into `drawings`. */
export function withPages(
  frames: DesignNode[],
  pages: readonly { ids: string[]; lineNo: number }[],
): { frames: DesignNode[]; drawings?: Record<string, DesignNode[]> } {
  if (pages.length === 0) return { frames };
  const byId = new Map(frames.map((frame) => [frame.id, frame]));
  const drawings: Record<string, DesignNode[]> = {};
  const moved = new Set<string>();
  for (const { ids, lineNo } of pages) {
    const [page, ...others] = ids.map((id) => {
      const frame = byId.get(id);
      if (!frame) throw new FigmentError("input", `line ${lineNo}: the page's frame ${id} is not in the hint`);
      if (moved.has(id) || drawings[id]) throw new FigmentError("input", `line ${lineNo}: frame ${id} is in two pages`);
      return frame;
    });
    drawings[page!.id] = others;
    for (const frame of others) moved.add(frame.id);
  }
  return { frames: frames.filter((frame) => !moved.has(frame.id)), drawings };
}
