/**
 * Layout inference (issue 14): absolute designs → flow layouts that reflow on narrower screens.
 *
 *   inferLayout(doc): DesignDocument   — a new document; the input is not changed
 *   inferLayoutReported(doc)           — the same, with how Figma's own inferred auto layouts (plugin only) compared
 *
 * Only screens wider than COMPACT_WIDTH are inferred: a phone-sized frame already fits every viewport the
 * code is checked at (390 px and up) and keeps today's exact output. Frames with auto layout keep theirs;
 * inside them, absolute containers are inferred. Idempotent: a tree it returns comes back unchanged.
 */
import type { DesignDocument, DesignNode } from "../design/types.js";
import { inferNode, type LayoutReport } from "./apply.js";
import { checkInferred } from "./check.js";
import { withDrawnSections } from "./fallback.js";
import { markNavs } from "./nav.js";
import { markGrowth, markGutters } from "./gutters.js";
import { paintAsDrawn } from "./paint.js";
import { markReflow } from "./reflow.js";
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

export function inferFrame(frame: DesignNode, report: LayoutReport = emptyReport()): DesignNode {
  if (frame.w <= COMPACT_WIDTH) return frame;
  // A frame that comes inferred (a parsed model hint) carries inference's result and marks already: inferred again,
  // a section it keeps as drawn would read as a new drawing to infer.
  if (hasInferred(frame)) {
    drawnFrame(frame);
    return frame;
  }
  const asDrawn = drawnFrame(frame);
  const inferred = inferNode(frame, { designWidth: frame.w, report, screen: frame }, frame.w);
  // The self-check: laid out at the design width, the inferred frame must reproduce the drawing; a section that
  // does not keeps its drawn positions there, and stacks below it.
  const check = checkInferred(inferred, asDrawn);
  report.sectionsKept.push(...[...check.sections].map((s) => s.name || "Section"));
  // Navigation bars are read from the inferred tree (and from the designer's own auto layout alike); the designer's
  // own rows of cards reflow too (reflow.ts), a bar's row not (its menu takes its items on narrow screens).
  // The designer's own wide side padding gives way on narrower screens, as inferred padding does (gutters.ts).
  // A box of a fixed height whose content wraps to more lines below the design width grows with it there.
  // Last, each container's layers painted in their drawn order whatever wrappers the steps before made (paint.ts).
  const out = paintAsDrawn(
    markGrowth(
      markReflow(markNavs(markGutters(withDrawnSections(inferred, asDrawn, check.sections, frame.w))), frame.w),
      frame.w,
    ),
    asDrawn,
  );
  drawn.set(out, asDrawn);
  return out;
}

export function inferLayout(doc: DesignDocument): DesignDocument {
  return inferLayoutReported(doc).document;
}

const emptyReport = (): LayoutReport => ({ containers: 0, suggested: 0, agreed: 0, used: 0, sectionsKept: [] });

/** inferLayout, with its tally of Figma's own inferred auto layouts (plugin exports carry them). */
export function inferLayoutReported(doc: DesignDocument): { document: DesignDocument; report: LayoutReport } {
  const report = emptyReport();
  return { document: { ...doc, frames: doc.frames.map((f) => inferFrame(f, report)) }, report };
}

export type { LayoutReport } from "./apply.js";
