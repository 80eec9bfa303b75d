/**
 * The layout check with a real layout engine (issue 49): each inferred frame's HTML, as the emitters write it, laid out
 * at the design width by a browser — Chromium in the CLI (cli/measure/layout-engine.ts), the panel's sandboxed preview
 * iframe in the plugin — and compared layer by layer with the drawing (codegen/layout/decide.ts decides; this drives
 * it). Where no browser is (Dev Mode, a CLI without Chromium), the simulator is the engine, and the result says so.
 * The decisions go into CodeOptions.layoutDecisions, so that every target, the hint and the preview are built from the
 * same verdict.
 */
import type { DesignDocument, DesignNode } from "../design/types.js";
import { allDrawings } from "../design/drawings.js";
import type { BoxProbe } from "../fidelity/probe.js";
import { emitHtml } from "../emit/html/emit.js";
import {
  decideLater,
  type FrameDecision,
  type LaidBoxes,
  type LayoutCheckEngine,
  type LayoutDecisions,
  type LayoutRequest,
} from "../layout/decide.js";
import { COMPACT_WIDTH, frameBuilder, simulatedBoxes } from "../layout/index.js";
import { hasInferred } from "../layout/undo.js";
import type { SourceFile } from "../types.js";

/** One page for an engine to lay out: a frame's HTML, and the tree it was written from (for the simulator). */
export interface EnginePage {
  /** The frame's id: its root element's `data-node-id`, the origin of the boxes. */
  rootId: string;
  /** The page's files (made when asked: the simulator lays out the tree, not the HTML). */
  files(): SourceFile[];
  entry: string;
  /** The viewport: the frame's design width and drawn height. */
  width: number;
  height: number;
  /** The layer ids whose boxes are wanted (elements carrying `data-node-id`). */
  ids: string[];
  tree: DesignNode;
}

/** A layout engine: lays a page out and answers each requested layer's box relative to the frame's root element. */
/**
 * A browser's probe of a laid-out page as the check reads it: each asked id's box in frame coordinates, null where no
 * element renders it (the CLI's Chromium and the panel's measuring iframe alike).
 */
export function probedBoxes(probe: Pick<BoxProbe, "root" | "elements">, ids: readonly string[]): LaidBoxes {
  const origin = probe.root ?? { x: 0, y: 0 };
  const out = new Map<string, { x: number; y: number; w: number; h: number } | null>();
  probe.elements.forEach((element, i) => {
    out.set(
      ids[i]!,
      element?.rendered
        ? { x: element.x - origin.x, y: element.y - origin.y, w: element.width, h: element.height }
        : null,
    );
  });
  return out;
}

export interface LayoutEngine {
  readonly name: LayoutCheckEngine;
  lay(page: EnginePage): Promise<LaidBoxes>;
  /** It lays out two pages at once as fast as one (pages of its own): the reference is laid out beside the first. */
  readonly parallel?: boolean;
}

/** One frame's check, for notes, the bench and the tests. */
export interface FrameCheck extends FrameDecision {
  frameId: string;
  frameName: string;
}

export interface LayoutCheck {
  decisions: LayoutDecisions;
  frames: FrameCheck[];
}

/** The simulator as an engine (no browser at hand): the tree laid out by codegen/layout/simulate.ts. */
export const simulatorEngine: LayoutEngine = {
  name: "simulator",
  lay: async (page) => simulatedBoxes({ tree: page.tree, kind: "inferred", ids: page.ids }),
};

/** The HTML page of one tree with layer ids, as the checked emitters write it. */
export function enginePage(doc: DesignDocument, request: LayoutRequest): EnginePage {
  return {
    rootId: request.tree.id,
    files: () => emitHtml({ ...doc, frames: [request.tree] }, { nodeIds: true }).files,
    entry: "index.html",
    width: request.tree.w,
    height: request.tree.h,
    ids: request.ids,
    tree: request.tree,
  };
}

/**
 * Each frame of `doc` that layout inference changes, checked with `engine` at its design width. Frames checked in turn
 * (an engine lays out one page at a time); `signal` stops between layouts.
 */
export async function checkLayout(
  doc: DesignDocument,
  engine: LayoutEngine,
  options: { signal?: { throwIfAborted(): void } } = {},
): Promise<LayoutCheck> {
  const decisions: LayoutDecisions = {};
  const frames: FrameCheck[] = [];
  for (const frame of allDrawings(doc)) {
    if (frame.w <= COMPACT_WIDTH || frame.laid || hasInferred(frame)) continue;
    const builder = frameBuilder(frame);
    // Nothing inferred (a designer's auto layout throughout): nothing to check.
    if (!hasInferred(builder.build(new Set()))) continue;
    const decision = await decideLater(
      builder,
      engine.name,
      async (request) => {
        options.signal?.throwIfAborted();
        return engine.lay(enginePage(doc, request));
      },
      { speculate: engine.parallel === true },
    );
    decisions[frame.id] = decision.layout;
    frames.push({ ...decision, frameId: frame.id, frameName: frame.name });
  }
  return { decisions, frames };
}
