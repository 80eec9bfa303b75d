/**
 * A local check of generated HTML at one viewport width (until `figment fidelity` reports it per width):
 * horizontal overflow, the share of text area visible (inside the viewport and not clipped by an
 * ancestor with overflow hidden), and pairs of texts whose glyphs overlap. Texts are the elements whose
 * data-node-id is one of `textIds`; their extent is that of their glyphs (a Range), not of their box.
 */
import { withPage, type PageHost } from "../../cli/measure/browser.js";
import type { SourceFile } from "../../codegen/types.js";

export interface WidthCheck {
  width: number;
  overflow: boolean;
  /** Visible text area / text area, 0..1 (1 when there is no text). */
  textVisible: number;
  overlappingTextPairs: number;
  /** Texts drawn with no area at all (display none, empty). */
  missingTexts: number;
  /** The page boxes of the elements asked for by node id (absent when not drawn). */
  boxes: Record<string, { x: number; y: number; w: number; h: number }>;
}

// Runs in the page (the project compiles without the DOM lib, so it is passed as source).
const MEASURE =
  `(ids, boxIds) => {
  const vw = window.innerWidth;
  const rectOf = (el) => { const r = document.createRange(); r.selectNodeContents(el); return ` +
  `r.getBoundingClientRect(); };
  const clip = (a, b) => { const x = Math.max(a.x, b.x), y = Math.max(a.y, b.y); return { x, y, w: Math.max(0, ` +
  `Math.min(a.x + a.w, b.x + b.w) - x), h: Math.max(0, Math.min(a.y + a.h, b.y + b.h) - y) }; };
  const box = (r) => ({ x: r.x + scrollX, y: r.y + scrollY, w: r.width, h: r.height });
  let area = 0, seen = 0, missing = 0;
  const boxes = [];
  for (const id of ids) {
    const el = document.querySelector('[data-node-id="' + CSS.escape(id) + '"]');
    if (!el || !el.textContent.trim()) continue;
    const b = box(rectOf(el));
    if (b.w * b.h === 0) { missing++; continue; }
    let v = clip(b, { x: 0, y: -1e9, w: vw, h: 2e9 });
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.overflowX !== "visible" || s.overflowY !== "visible") v = clip(v, box(p.getBoundingClientRect()));
    }
    area += b.w * b.h; seen += v.w * v.h; boxes.push(b);
  }
  let pairs = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const c = clip(boxes[i], boxes[j]);
    if (c.w * c.h > 0.1 * Math.min(boxes[i].w * boxes[i].h, boxes[j].w * boxes[j].h)) pairs++;
  }
  const asked = {};
  for (const id of boxIds) {
    const el = document.querySelector('[data-node-id="' + CSS.escape(id) + '"]');
    if (el) asked[id] = box(el.getBoundingClientRect());
  }
  return { overflow: document.documentElement.scrollWidth > vw + 1, textVisible: area ? seen / area : 1, ` +
  `overlappingTextPairs: pairs, missingTexts: missing, boxes: asked };
}`;

/** `boxIds`: layers whose page boxes to report as well (WidthCheck.boxes). */
export async function checkWidth(
  browser: PageHost,
  files: SourceFile[],
  width: number,
  textIds: string[],
  screenshot?: string,
  boxIds: string[] = [],
): Promise<WidthCheck> {
  return withPage(browser, files, "index.html", { width, height: 900 }, async (page) => {
    const result = (await page.evaluate(`(${MEASURE})(${JSON.stringify(textIds)}, ${JSON.stringify(boxIds)})`)) as Omit<
      WidthCheck,
      "width"
    >;
    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    return { width, ...result };
  });
}

/** Ids of the visible TEXT nodes in a REST node tree. */
export function textIdsOf(node: { id: string; type: string; visible?: boolean; children?: unknown[] }): string[] {
  if (node.visible === false) return [];
  const own = node.type === "TEXT" ? [node.id] : [];
  return own.concat(...(node.children ?? []).map((c) => textIdsOf(c as typeof node)));
}
