/**
 * Layout inference (issue 14): absolute designs → flow layouts that reflow on narrower screens.
 *
 *   inferLayout(doc): DesignDocument   — a new document; the input is not changed
 *
 * Only screens wider than COMPACT_WIDTH are inferred: a phone-sized frame already fits every viewport the
 * code is checked at (390 px and up) and keeps today's exact output. Frames with auto layout keep theirs;
 * inside them, absolute containers are inferred. Idempotent: a tree it returns comes back unchanged.
 */
import type { DesignDocument, DesignNode } from "../design/types.js";
import { inferNode } from "./apply.js";
import { hasInferred, undoInference } from "./undo.js";

export const COMPACT_WIDTH = 480;

export type LayoutMode = "responsive" | "exact";

/** Each inferred frame's frame as drawn: the form planner pairs labels with fields by their drawn places. */
const drawn = new WeakMap<DesignNode, DesignNode>();

/** The frame as drawn; for an inferred frame that came without it (a parsed model hint), rebuilt. */
export function drawnFrame(frame: DesignNode): DesignNode {
  const known = drawn.get(frame);
  if (known) return known;
  if (!hasInferred(frame)) return frame;
  const rebuilt = undoInference(frame);
  drawn.set(frame, rebuilt);
  return rebuilt;
}

export function inferFrame(frame: DesignNode): DesignNode {
  if (frame.w <= COMPACT_WIDTH) return frame;
  const out = inferNode(frame, { designWidth: frame.w }, frame.w);
  drawn.set(out, drawnFrame(frame));
  return out;
}

export function inferLayout(doc: DesignDocument): DesignDocument {
  return { ...doc, frames: doc.frames.map(inferFrame) };
}
