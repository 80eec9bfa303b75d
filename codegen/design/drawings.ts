/**
 * One page, several drawings: the frames a designer drew of one page at several widths (desktop, tablet, phone) made
 * one page of the document. The widest frame stays in `frames` (in its place) and is the page; the others go into
 * `doc.drawings` under its id, widest first. Layout infers each drawing as a frame of its own; the emitters write one
 * DOM for the page (codegen/emit/drawings/).
 */
import type { DesignDocument, DesignNode } from "./types.js";

/** The drawings of each page, widest first, by the page's (widest frame's) id. */
export function pageDrawings(doc: DesignDocument, frame: DesignNode): DesignNode[] {
  return [frame, ...(doc.drawings?.[frame.id] ?? [])];
}

/** Every frame the document draws: its pages' frames and their other drawings (the layout check lays out each). */
export function allDrawings(doc: DesignDocument): DesignNode[] {
  if (!doc.drawings) return doc.frames;
  return doc.frames.flatMap((frame) => pageDrawings(doc, frame));
}

/**
 * `doc` with each group of frame ids (two or more, frames of `doc.frames`) made one page. A group with a frame the
 * document does not have, or two frames of one width, is an error: the caller checked the ids it was given.
 */
export function withDrawings(doc: DesignDocument, groups: readonly (readonly string[])[]): DesignDocument {
  if (groups.length === 0) return doc;
  const byId = new Map(doc.frames.map((frame) => [frame.id, frame]));
  const drawings: Record<string, DesignNode[]> = { ...doc.drawings };
  const moved = new Set<string>();
  for (const ids of groups) {
    if (ids.length < 2) continue;
    const frames = ids.map((id) => {
      const frame = byId.get(id);
      if (!frame) throw new Error(`no frame ${id} in the design to draw a page with`);
      if (moved.has(id)) throw new Error(`frame ${id} is in two pages`);
      return frame;
    });
    const widths = new Set(frames.map((frame) => Math.round(frame.w)));
    if (widths.size < frames.length)
      throw new Error(
        `the frames ${frames.map((f) => `“${f.name}”`).join(", ")} share a width: one page is drawn once per width`,
      );
    const [page, ...others] = [...frames].sort((a, b) => b.w - a.w);
    drawings[page!.id] = others;
    for (const frame of others) moved.add(frame.id);
  }
  return { ...doc, frames: doc.frames.filter((frame) => !moved.has(frame.id)), drawings };
}
