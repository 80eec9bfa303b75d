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
import { copyNode } from "../design/node.js";
import type { DesignDocument, DesignNode, FrameLaid } from "../design/types.js";
import { inferNode, type LayoutReport } from "./apply.js";
import type { Box } from "./boxes.js";
import {
  decideNow,
  sectionsOf,
  type FrameBuilder,
  type FrameLayout,
  type LayoutDecisions,
  type LayoutRequest,
} from "./decide.js";
import { stackBelow, withDrawnSections } from "./fallback.js";
import { markNavs } from "./nav.js";
import { markBeside } from "./beside.js";
import { markGrowth, markGutters } from "./gutters.js";
import { paintAsDrawn } from "./paint.js";
import { markReflow } from "./reflow.js";
import { simulateFrame } from "./simulate.js";
import { hasInferred, undoInference } from "./undo.js";

export const COMPACT_WIDTH = 480;

export type LayoutMode = "responsive" | "exact";

/** Each inferred frame's frame as drawn: the form planner pairs labels with fields by their drawn places. */
const drawn = new WeakMap<DesignNode, DesignNode>();

/** The frame as drawn; for an inferred frame that came without it (a parsed model hint), rebuilt. */
export function drawnFrame(frame: DesignNode): DesignNode {
  const known = drawn.get(frame);
  if (known) return known;
  // A laid frame (a parsed hint's) is drawn by a tree of its own, as the design's is: the form planner looks into
  // component instances by identity, and the drawing's layers are not the instances the code draws. Exact: the same.
  if (!hasInferred(frame) && (!frame.laid || frame.laid.exact)) return frame;
  const rebuilt = undoInference(frame);
  drawn.set(frame, rebuilt);
  return rebuilt;
}

/**
 * How `frame` is built for a set of kept sections: inferred once, then each call puts the kept sections' drawing in
 * place of their flow and marks what reflows below the design width (navigation, gutters, reflowing rows, growth).
 */
export function frameBuilder(frame: DesignNode, report: LayoutReport = emptyReport()): FrameBuilder {
  const asDrawn = drawnFrame(frame);
  const inferred = inferNode(frame, { designWidth: frame.w, report, screen: frame }, frame.w);
  const sections = sectionsOf(inferred);
  const built = new Map<string, DesignNode>();
  // Last, each container's layers painted in their drawn order whatever wrappers the steps before made (paint.ts).
  const marked = (tree: DesignNode): DesignNode =>
    paintAsDrawn(markBeside(markGrowth(markReflow(markNavs(markGutters(tree)), frame.w), frame.w), frame.w), asDrawn);
  return {
    drawn: asDrawn,
    whole: () => marked(copyNode(stackBelow(asDrawn, frame.w), { stackTop: true })),
    build: (kept) => {
      const keys = [...sections.keys()].filter((key) => kept.has(key));
      // One frame's check asks for the same build up to four times (the plain tree, its first round, the result).
      const known = built.get(keys.join("\n"));
      if (known) return known;
      const drawnSections = new Set(keys.map((key) => sections.get(key)!));
      // Navigation bars are read from the inferred tree (and from the designer's own auto layout alike); the
      // designer's own rows of cards reflow too (reflow.ts), a bar's row not (its menu takes its items on narrow
      // screens). The designer's own wide side padding gives way on narrower screens, as inferred padding does
      // (gutters.ts). A box of a fixed height whose content wraps to more lines below the design width grows with it.
      const tree = marked(withDrawnSections(inferred, asDrawn, drawnSections, frame.w));
      built.set(keys.join("\n"), tree);
      return tree;
    },
  };
}

/**
 * Whether inference changes `frame` at the design width: a frame wider than a phone with a container drawn without
 * auto layout that gets a flow. (A designer's own auto layout is emitted as set there: its marks act below it only.)
 */
export function infers(frame: DesignNode): boolean {
  return (
    frame.w > COMPACT_WIDTH && !frame.laid && !hasInferred(frame) && hasInferred(frameBuilder(frame).build(new Set()))
  );
}

/**
 * `frame` with its layout inferred and checked at the design width: by `decision` when a layout engine checked it
 * (a browser: codegen/layout-check), else by the simulator here. Sections that do not reproduce keep their drawn
 * positions there and stack below it; a frame that does not reproduce with every section drawn stays as drawn.
 */
export function inferFrame(
  frame: DesignNode,
  report: LayoutReport = emptyReport(),
  decision?: FrameLayout,
): DesignNode {
  if (frame.w <= COMPACT_WIDTH) return frame;
  // A frame laid out already (a parsed hint says how): applied as it is, its verdict reported, nothing decided again.
  if (frame.laid) return laidFrame(frame, report);
  // A frame that comes inferred (a parsed hint of before issue 72) carries inference's result and marks already:
  // inferred again, a section it keeps as drawn would read as a new drawing to infer.
  if (hasInferred(frame)) {
    drawnFrame(frame);
    return frame;
  }
  const builder = frameBuilder(frame, report);
  const plain = builder.build(new Set());
  if (!hasInferred(plain)) {
    // Nothing of it drawn without auto layout: nothing inferred to check.
    return laidOut(plain, { check: "none", kept: [] }, builder.drawn);
  }
  const layout = decision ?? decideNow(builder, "simulator", (request) => simulatedBoxes(request)).layout;
  const laid: FrameLaid = {
    check: layout.check,
    kept: layout.drawn || layout.exact ? [] : [...layout.kept],
    ...(layout.exact ? { exact: true as const } : layout.drawn ? { drawn: true as const } : {}),
  };
  if (layout.exact) return laidOut(frame, laid, frame, report);
  if (layout.drawn) return laidOut(builder.whole(), laid, builder.drawn, report);
  return laidOut(builder.build(new Set(laid.kept)), laid, builder.drawn, report);
}

/** `tree` (a frame's tree as inference built it) marked with how it was laid, its drawing kept; the check reported. */
function laidOut(tree: DesignNode, laid: FrameLaid, asDrawn: DesignNode, report?: LayoutReport): DesignNode {
  const out = copyNode(tree, { laid });
  if (asDrawn !== tree) drawn.set(out, asDrawn);
  if (report) reportLaid(out, report);
  return out;
}

/** The check's verdict on a laid frame, as its note says it: the names of the sections kept as drawn. */
function reportLaid(frame: DesignNode, report: LayoutReport): void {
  const laid = frame.laid!;
  if (laid.check === "none") return;
  const kept = new Set(laid.kept);
  const names = [...sectionsOf(frame)].filter(([key]) => kept.has(key)).map(([, s]) => s.name || "Section");
  report.checked.push({
    frame: frame.name,
    check: laid.check,
    kept: names,
    drawn: laid.drawn === true,
    exact: laid.exact === true,
  });
  report.sectionsKept.push(...names);
}

/** A frame that says how it was laid out (a parsed hint): taken as it is. */
function laidFrame(frame: DesignNode, report: LayoutReport): DesignNode {
  reportLaid(frame, report);
  // Its drawing, for the form planner: rebuilt as a tree of its own (see drawnFrame).
  drawnFrame(frame);
  return frame;
}

/** The simulator as a layout engine: each requested layer's box in the tree laid out at its design width. */
export function simulatedBoxes(request: LayoutRequest): Map<string, Box | null> {
  const placed = simulateFrame(request.tree);
  const out = new Map<string, Box | null>();
  for (const [node, box] of placed) if (node.id) out.set(node.id, box);
  return out;
}

export function inferLayout(doc: DesignDocument, decisions?: LayoutDecisions): DesignDocument {
  return inferLayoutReported(doc, decisions).document;
}

const emptyReport = (): LayoutReport => ({
  containers: 0,
  suggested: 0,
  agreed: 0,
  used: 0,
  sectionsKept: [],
  checked: [],
});

/**
 * inferLayout, with its tally of Figma's own inferred auto layouts (plugin exports carry them) and each frame's check.
 * `decisions`: a layout engine's verdicts by frame id (codegen/layout-check); frames without one are checked by the
 * simulator.
 */
export function inferLayoutReported(
  doc: DesignDocument,
  decisions?: LayoutDecisions,
): { document: DesignDocument; report: LayoutReport } {
  const report = emptyReport();
  const infer = (f: DesignNode): DesignNode => inferFrame(f, report, decisions?.[f.id]);
  const document = { ...doc, frames: doc.frames.map(infer) };
  // A page's other drawings are frames of their own to layout: each holds at its width (codegen/design/drawings.ts).
  // Only the pages converted: another page's drawings (a frame converted alone) are not laid out, nor noted.
  if (doc.drawings) {
    const pages = doc.frames.filter((f) => doc.drawings?.[f.id] !== undefined);
    document.drawings = Object.fromEntries(pages.map((f) => [f.id, doc.drawings![f.id]!.map(infer)]));
  }
  return { document, report };
}

export type { FrameVerdict, LayoutReport } from "./apply.js";
export type { FrameLayout, LayoutCheckEngine, LayoutDecisions } from "./decide.js";
