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

export const COMPACT_WIDTH = 480;

export type LayoutMode = "responsive" | "exact";

/** Each inferred frame's frame as drawn: the form planner pairs labels with fields by their drawn places. */
const drawn = new WeakMap<DesignNode, DesignNode>();

export function drawnFrame(frame: DesignNode): DesignNode {
  return drawn.get(frame) ?? frame;
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
