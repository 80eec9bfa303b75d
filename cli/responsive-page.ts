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
import type { Page } from "playwright-core";
import type { SourceFile } from "../codegen/types.js";
import { inOneContext, withPage, type PageOptions, type PageHost } from "./browser.js";
import { designTexts, designViewport, type FrameFidelity, type RestNode } from "../codegen/fidelity/design-nodes.js";
import { probeTexts, type TextProbe } from "../codegen/fidelity/probe.js";
import { fidelityOnPage } from "./fidelity.js";

export { designTexts } from "../codegen/fidelity/design-nodes.js";
import { readingOrder, widthFigures, widthsFor, type TextSample, type WidthFigures } from "../codegen/fidelity/responsive.js";

export interface FrameReport extends FrameFidelity {
  widths: WidthFigures[];
  /** Wall time of the whole measurement of this frame (all page loads), ms. */
  ms: number;
}

/**
 * IoU at the design width (measureFidelity) and the responsive figures at each of `widths` (default:
 * 390, 768 and the design width; 0 = the design width). The design-width page serves both.
 */
export function measureFrame(host: PageHost, input: MeasureInput): Promise<FrameReport> {
  return inOneContext(host, (browser) => measureInContext(browser, input));
}

type MeasureInput = { frame: RestNode; files: SourceFile[]; entry: string; widths?: readonly number[]; readingOrder?: boolean; page?: PageOptions };

async function measureInContext(browser: PageHost, input: MeasureInput): Promise<FrameReport> {
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

/** Sampling for one width on a loaded page. Scrolls, and scrolls back to the top when done. */
export async function responsiveOnPage(page: Page, width: number, texts: { id: string; chars: number }[], withOrder = false): Promise<WidthFigures> {
  return (await widthOnPage(page, width, texts, withOrder)).figures;
}

/** responsiveOnPage with the samples it was computed from (the score lists the texts not seen). */
export async function widthOnPage(page: Page, width: number, texts: { id: string; chars: number }[], withOrder = false): Promise<{ figures: WidthFigures; samples: TextSample[] }> {
  const reply = await sampleTexts(page, texts);
  const figures = widthFigures(width, reply.scrollWidth, reply.clientWidth, reply.samples);
  return { figures: withOrder ? { ...figures, order: readingOrder(reply.samples) } : figures, samples: reply.samples };
}

/** Each text's rendered line boxes and what was seen of them, on a loaded page at its current width. */
export async function sampleTexts(page: Page, texts: { id: string; chars: number }[]): Promise<TextProbe> {
  return page.evaluate(probeTexts, { texts });
}
