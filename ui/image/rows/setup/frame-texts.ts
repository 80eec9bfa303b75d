/**
 * The selected frame's copy for "Fill from selection": every visible TEXT layer's `characters` with its layer
 * name, in reading order — lines top to bottom (layers whose boxes overlap vertically share a line), each
 * line left to right — from the export's REST JSON (`{ document }`, or a bare node). Design text is data:
 * it is only collected here; the request puts it in a delimited block. Pure.
 */
import { MAX_FRAME_TEXTS } from "../../../engine/protocol/rows.js";

export interface FrameText {
  layer: string;
  text: string;
}

interface Placed extends FrameText {
  x: number;
  y: number;
  height: number;
  order: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
/** A text layer's characters are capped: a paragraph is enough to judge the copy by. */
const MAX_TEXT_CHARS = 2000;

function collect(node: unknown, out: Placed[]): void {
  if (!isRecord(node) || node["visible"] === false) return;
  if (node["type"] === "TEXT" && typeof node["characters"] === "string") {
    const text = node["characters"].replace(/\s+/g, " ").trim();
    const box = isRecord(node["absoluteBoundingBox"]) ? node["absoluteBoundingBox"] : {};
    if (text)
      out.push({
        layer: typeof node["name"] === "string" ? node["name"] : "Text",
        text: text.slice(0, MAX_TEXT_CHARS),
        x: num(box["x"]),
        y: num(box["y"]),
        height: num(box["height"]),
        order: out.length,
      });
  }
  if (Array.isArray(node["children"])) for (const child of node["children"]) collect(child, out);
}

/**
 * Groups layers into lines (vertical overlap of more than half the shorter one), lines top down, each left to right.
 */
function readingOrder(texts: Placed[]): Placed[] {
  const lines: { top: number; bottom: number; items: Placed[] }[] = [];
  for (const t of [...texts].sort((a, b) => a.y - b.y || a.x - b.x || a.order - b.order)) {
    const line = lines.at(-1);
    const overlap = line ? Math.min(line.bottom, t.y + t.height) - Math.max(line.top, t.y) : -1;
    if (line && overlap > Math.min(line.bottom - line.top, t.height) / 2) {
      line.items.push(t);
      line.bottom = Math.max(line.bottom, t.y + t.height);
    } else lines.push({ top: t.y, bottom: t.y + t.height, items: [t] });
  }
  return lines.flatMap((l) => l.items.sort((a, b) => a.x - b.x || a.order - b.order));
}

/** The texts of one export's JSON, in reading order. */
export function frameTexts(json: unknown): FrameText[] {
  const root = isRecord(json) && "document" in json ? json["document"] : json;
  const placed: Placed[] = [];
  collect(root, placed);
  return readingOrder(placed).map(({ layer, text }) => ({ layer, text }));
}

/** Every selected frame's texts in selection order, at most MAX_FRAME_TEXTS. */
export function selectionTexts(frames: readonly { json: unknown }[]): FrameText[] {
  return frames.flatMap((f) => frameTexts(f.json)).slice(0, MAX_FRAME_TEXTS);
}
