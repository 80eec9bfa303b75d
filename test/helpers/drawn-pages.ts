/**
 * A real page drawn at several widths (issue 70) as the document the emitters take: the designer's frames of it made
 * one page (design/drawings.ts). The emitters' tests compile the page each target writes from it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { withDrawings } from "../../codegen/design/drawings.js";
import type { DesignDocument } from "../../codegen/design/types.js";
import { loadDesign } from "../../codegen/index.js";
import { REAL_DIR } from "./real-files.js";
import { fixturesRoot } from "./responsive-frames.js";

/** flora's Order Modal at 1440, 768 and 375 px (frame ids, widest first). */
export const FLORA_ORDER_MODAL = ["8211:116360", "8238:18854", "8238:19230"];

const parsed = new Map<string, unknown>();

/** `ids` (frames of test/fixtures/real/`file`.file.json, widest first) as one page. */
export function drawnPage(file: string, ids: readonly string[]): DesignDocument {
  let json = parsed.get(file);
  if (json === undefined) {
    json = JSON.parse(readFileSync(join(fixturesRoot(), REAL_DIR, `${file}.file.json`), "utf8")) as unknown;
    parsed.set(file, json);
  }
  return withDrawings(loadDesign(json, [...ids]).document, [ids]);
}
