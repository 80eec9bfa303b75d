/**
 * The self-check of layout inference (issue 37): the inferred tree laid out at the design width (simulate.ts, as
 * the emitters' CSS lays it out) against the drawing, layer by layer. Pure. A layer is off when its box moves or
 * changes size by more than TOLERANCE px; what is off is reported with the top-level section of the frame it lies
 * in, so that a section whose flow does not reproduce its drawing can keep its drawn positions (fallback.ts).
 */
import { placeLayers } from "../analyze/boxes.js";
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
  for (const placed of placeLayers([drawn])) if (placed.node.id) out.set(placed.node.id, { x: placed.box.x, y: placed.box.y, w: placed.box.w, h: placed.box.h });
  return out;
}

const differs = (a: Box, b: Box): boolean => Math.abs(a.x - b.x) > TOLERANCE || Math.abs(a.y - b.y) > TOLERANCE || Math.abs(a.w - b.w) > TOLERANCE || Math.abs(a.h - b.h) > TOLERANCE;

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
    if (at && was && node !== frame) {
      compared++;
      if (differs(at, was)) {
        off.push({ id: node.id, name: node.name, drawn: was, laid: at });
        if (section) sections.add(section);
      }
    }
    for (const child of node.children ?? []) visit(child, section ?? (node === frame ? child : undefined));
  };
  visit(frame, undefined);
  return { off, sections, compared };
}
