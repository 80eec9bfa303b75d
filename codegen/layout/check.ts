/**
 * The self-check of layout inference (issue 37): the inferred tree laid out at the design width (simulate.ts, as
 * the emitters' CSS lays it out) against the drawing, layer by layer. Pure. A layer is off when its box moves or
 * changes size by more than TOLERANCE px and overlaps its drawn box less than LEAST_IOU; what is off is reported with
 * the top-level section of the frame it lies in, so that a section whose flow does not reproduce its drawing can keep
 * its drawn positions (fallback.ts).
 */
import { placeLayers } from "../design/placed.js";
import type { DesignNode } from "../design/types.js";
import type { Box } from "./boxes.js";
import { simulateFrame } from "./simulate.js";

/** Px a layer may be off at the design width (a rendering's rounding), on each side. */
export const TOLERANCE = 2;

export interface OffLayer {
  id: string;
  name: string;
  drawn: Box;
  laid: Box;
}

export interface CheckReport {
  /** Layers with an id whose laid-out box differs from the drawn one. */
  off: OffLayer[];
  /** Of the frame's children (inferred root), the ones holding a layer that is off. */
  sections: Set<DesignNode>;
  /** How many layers were compared. */
  compared: number;
}

/** Every visible layer of the frame as drawn, by id (auto layout children placed by replaying their layout). */
export function drawnBoxes(drawn: DesignNode): Map<string, Box> {
  const out = new Map<string, Box>();
  for (const placed of placeLayers([drawn]))
    if (placed.node.id) out.set(placed.node.id, { x: placed.box.x, y: placed.box.y, w: placed.box.w, h: placed.box.h });
  return out;
}

/**
 * A layer's laid-out box must overlap its drawn one at least this much (IoU) once it moves past TOLERANCE (a 145-px
 * label 2.5 px off a centre: 0.967).
 */
export const LEAST_IOU = 0.95;

function iou(a: Box, b: Box): number {
  const w = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const union = a.w * a.h + b.w * b.h - w * h;
  return union <= 0 ? 1 : (w * h) / union;
}

// A few px on a wide box (a centred heading 3.5 px from where its margins put it) is no change a reader sees; the
// same on a small icon is.
const differs = (a: Box, b: Box): boolean =>
  (Math.abs(a.x - b.x) > TOLERANCE ||
    Math.abs(a.y - b.y) > TOLERANCE ||
    Math.abs(a.w - b.w) > TOLERANCE ||
    Math.abs(a.h - b.h) > TOLERANCE) &&
  iou(a, b) < LEAST_IOU;

/** The inferred `frame` laid out at its design width against `drawn` (the same frame as drawn). */
export function checkInferred(frame: DesignNode, drawn: DesignNode): CheckReport {
  const laid = simulateFrame(frame);
  const boxes = drawnBoxes(drawn);
  const off: OffLayer[] = [];
  const sections = new Set<DesignNode>();
  let compared = 0;
  const visit = (node: DesignNode, section: DesignNode | undefined): void => {
    if (node.hidden) return;
    const at = laid.get(node);
    const was = node.id ? boxes.get(node.id) : undefined;
    // The frame itself may end up taller or shorter (its content reflows into it); its children say where.
    // A designer's own auto layout is emitted as set: only where inference placed it is its doing, not its size or
    // inside.
    const designers = node !== frame && !!node.layout && !node.layout.inferred;
    if (at && was && node !== frame) {
      compared++;
      if (designers ? Math.abs(at.x - was.x) > TOLERANCE || Math.abs(at.y - was.y) > TOLERANCE : differs(at, was)) {
        off.push({ id: node.id, name: node.name, drawn: was, laid: at });
        if (section) sections.add(section);
      }
    }
    if (designers) return;
    for (const child of node.children ?? []) visit(child, section ?? (node === frame ? child : undefined));
  };
  visit(frame, undefined);
  return { off, sections, compared };
}
