/**
 * Responsiveness of generated HTML, the browser half: one page load per viewport width, one
 * `page.evaluate` per width (plus the IoU measurement of cli/fidelity.ts on the design-width page).
 *
 * For each design TEXT node the page finds its element (`data-node-id`, the fidelity contract), takes its
 * rendered line boxes (a Range over each text node; the element's own boxes for inputs and the like) and
 * samples points along them. A point is seen when it lies inside the viewport horizontally and inside the
 * document vertically (the page is scrolled band by band to reach it) and `elementsFromPoint` reaches the
 * text before anything that paints (a background, an image, other text). Not in the stack at all means an
 * ancestor clipped it (overflow hidden/clip, or it is invisible). A point past the viewport's right edge is
 * "offscreen" when the page scrolls sideways to it (horizontal overflow), else "clipped" (nothing reaches it).
 */
import type { Browser, Page } from "playwright-core";
import type { SourceFile } from "../codegen/types.js";
import { withPage, type PageOptions } from "./browser.js";
import { designText, designViewport, fidelityOnPage, visibleNodes, type Box, type FrameFidelity, type RestNode } from "./fidelity.js";
import { readingOrder, widthFigures, widthsFor, type TextSample, type WidthFigures } from "./responsive.js";

export interface FrameReport extends FrameFidelity {
  widths: WidthFigures[];
  /** Wall time of the whole measurement of this frame (all page loads), ms. */
  ms: number;
}

/** The design's visible TEXT nodes with the number of characters each shows. */
export function designTexts(frame: RestNode): { id: string; chars: number }[] {
  return visibleNodes(frame)
    .filter((v) => v.node.type === "TEXT")
    .map((v) => ({ id: v.node.id, chars: Array.from(designText(v.node).text).length }));
}

/**
 * IoU at the design width (measureFidelity) and the responsive figures at each of `widths` (default:
 * 390, 768 and the design width; 0 = the design width). The design-width page serves both.
 */
export async function measureFrame(
  browser: Browser,
  input: { frame: RestNode; files: SourceFile[]; entry: string; widths?: readonly number[]; readingOrder?: boolean; page?: PageOptions },
): Promise<FrameReport> {
  const started = performance.now();
  const { frame, files, entry } = input;
  const design = designViewport(frame);
  const widths = widthsFor(design.width, input.widths);
  const texts = designTexts(frame);
  const figures = new Map<number, WidthFigures>();
  for (const width of widths.filter((w) => w !== design.width)) {
    figures.set(width, await withPage(browser, files, entry, { width, height: design.height }, (page) => responsiveOnPage(page, width, texts, input.readingOrder), input.page));
  }
  const fidelity = await withPage(browser, files, entry, design, async (page) => {
    if (widths.includes(design.width)) figures.set(design.width, await responsiveOnPage(page, design.width, texts, input.readingOrder));
    return fidelityOnPage(page, frame);
  }, input.page);
  return { ...fidelity, widths: widths.map((w) => figures.get(w)!), ms: performance.now() - started };
}

/** The browser globals the sampling function uses (the project compiles without the DOM lib). */
interface El {
  readonly tagName: string;
  readonly childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
  contains(other: El): boolean;
  getClientRects(): ArrayLike<DomRect>;
}
interface DomRect {
  left: number;
  top: number;
  width: number;
  height: number;
}
interface SampleGlobals {
  document: {
    querySelector(selector: string): El | null;
    documentElement: { scrollWidth: number; clientWidth: number; scrollHeight: number };
    createTreeWalker(root: El, whatToShow: number): { nextNode(): { textContent: string | null } | null };
    createRange(): { selectNodeContents(node: unknown): void; getClientRects(): ArrayLike<DomRect> };
    elementsFromPoint(x: number, y: number): El[];
  };
  CSS: { escape(value: string): string };
  getComputedStyle(el: El): { opacity: string; visibility: string; backgroundColor: string; backgroundImage: string };
  innerHeight: number;
  scrollX: number;
  scrollY: number;
  scrollTo(x: number, y: number): void;
}

/** Sampling for one width on a loaded page. Scrolls, and scrolls back to the top when done. */
export async function responsiveOnPage(page: Page, width: number, texts: { id: string; chars: number }[], withOrder = false): Promise<WidthFigures> {
  const reply = await sampleTexts(page, texts);
  const figures = widthFigures(width, reply.scrollWidth, reply.clientWidth, reply.samples);
  return withOrder ? { ...figures, order: readingOrder(reply.samples) } : figures;
}

/** Each text's rendered line boxes and what was seen of them, on a loaded page at its current width. */
export async function sampleTexts(page: Page, texts: { id: string; chars: number }[]): Promise<{ scrollWidth: number; clientWidth: number; samples: TextSample[] }> {
  const reply = await page.evaluate(
    ({ texts }) => {
      const g = globalThis as unknown as SampleGlobals;
      const doc = g.document;
      const root = doc.documentElement;
      const vw = root.clientWidth;
      const docHeight = root.scrollHeight;
      g.scrollTo(0, 0);
      const range = doc.createRange();
      const painted = new Map<El, boolean>();
      /** Whether `el` itself puts pixels over what lies under it. */
      const paints = (el: El): boolean => {
        const known = painted.get(el);
        if (known !== undefined) return known;
        const cs = g.getComputedStyle(el);
        const alpha = /^rgba\(.*,\s*([\d.]+)\)$/.exec(cs.backgroundColor)?.[1];
        const bg = cs.backgroundColor.startsWith("rgb(") || (alpha !== undefined && Number(alpha) > 0.1);
        const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? "").trim() !== "");
        const media = /^(img|svg|video|canvas|picture|iframe|input|textarea|select)$/i.test(el.tagName);
        const result = Number(cs.opacity) >= 0.1 && cs.visibility === "visible" && (bg || cs.backgroundImage !== "none" || own || media);
        painted.set(el, result);
        return result;
      };
      type Point = { t: number; x: number; y: number };
      const points: Point[] = [];
      const targets: (El | null)[] = [];
      const samples = texts.map((text, t) => {
        const el = doc.querySelector(`[data-node-id="${g.CSS.escape(text.id)}"]`);
        targets.push(el);
        const sample = { id: text.id, chars: text.chars, rendered: false, rects: [] as Box[], seen: 0, offscreen: 0, clipped: 0, covered: 0 };
        if (!el || el.getClientRects().length === 0) return sample;
        sample.rendered = true;
        const boxes: DomRect[] = [];
        const walker = doc.createTreeWalker(el, 4 /* SHOW_TEXT */);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if ((node.textContent ?? "").trim() === "") continue;
          range.selectNodeContents(node);
          boxes.push(...Array.from(range.getClientRects()));
        }
        // Inputs show a value or placeholder, which has no text node; SVG text may report no range boxes.
        if (boxes.length === 0) boxes.push(...Array.from(el.getClientRects()));
        for (const b of boxes) {
          if (b.width <= 0 || b.height <= 0) continue;
          const r = { x: b.left + g.scrollX, y: b.top + g.scrollY, width: b.width, height: b.height };
          sample.rects.push(r);
          const n = Math.min(24, Math.max(1, Math.ceil(r.width / 16)));
          for (let i = 0; i < n; i++) points.push({ t, x: r.x + ((i + 0.5) * r.width) / n, y: r.y + r.height / 2 });
        }
        return sample;
      });
      const scrollWidth = root.scrollWidth;
      const inside = points.filter((p) => {
        const ok = p.x >= 0 && p.x < vw && p.y >= 0 && p.y < docHeight;
        // Past the right edge but inside the scrollable width: the reader would have to scroll sideways.
        // Anywhere else outside the viewport nothing can bring it into view: clipped.
        if (!ok) samples[p.t]![p.x >= vw && p.x < scrollWidth && p.y >= 0 && p.y < docHeight ? "offscreen" : "clipped"]++;
        return ok;
      });
      inside.sort((a, b) => a.y - b.y);
      // Scroll band by band so every point of the document can be hit-tested.
      let i = 0;
      while (i < inside.length) {
        const first = i;
        g.scrollTo(0, Math.floor(inside[i]!.y));
        const top = g.scrollY;
        const bottom = top + g.innerHeight;
        for (; i < inside.length && inside[i]!.y < bottom; i++) {
          const p = inside[i]!;
          const target = targets[p.t]!;
          const sample = samples[p.t]!;
          let verdict: "seen" | "clipped" | "covered" = "clipped";
          for (const el of doc.elementsFromPoint(p.x, p.y - top)) {
            if (el === target || target.contains(el)) {
              verdict = "seen";
              break;
            }
            if (el.contains(target)) continue;
            if (paints(el)) {
              verdict = "covered";
              break;
            }
          }
          sample[verdict]++;
        }
        // The page would not scroll that far (a root with overflow hidden): nothing brings the point into view.
        if (i === first) samples[inside[i++]!.t]!.clipped++;
      }
      g.scrollTo(0, 0);
      return { scrollWidth, clientWidth: vw, samples };
    },
    { texts },
  );
  return { scrollWidth: reply.scrollWidth, clientWidth: reply.clientWidth, samples: reply.samples as TextSample[] };
}
