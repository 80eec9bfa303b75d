/**
 * `figment fidelity`: the design width's boxes and, per viewport width, what a reader sees — measured as the score
 * measures (cli/measure/score.ts answerSteps on the plan of codegen/fidelity/measurement.ts: one page, resized width by
 * width), with today's IoU figures of cli/measure/fidelity.ts and the reading order when asked.
 */
import type { Page } from "playwright-core";
import type { SourceFile } from "../../codegen/types.js";
import { inOneContext, pageViewport, withPage, type PageOptions, type PageHost } from "./browser.js";
import type { FrameFidelity, RestNode } from "../../codegen/fidelity/design-nodes.js";
import { figuresOf, measurePlan } from "../../codegen/fidelity/measurement.js";
import { scoreBoxes } from "../../codegen/fidelity/box-score.js";
import { probeOverflow } from "../../codegen/fidelity/probe.js";
import { textProbeScript, type TextProbe } from "../../codegen/fidelity/text-probe.js";
import { readingOrder, type WidthFigures } from "../../codegen/fidelity/responsive.js";
import { answerSteps, settleLayout } from "./score.js";

export { designTexts } from "../../codegen/fidelity/design-nodes.js";

export interface FrameReport extends FrameFidelity {
  widths: WidthFigures[];
  /** Wall time of the whole measurement of this frame, ms. */
  ms: number;
}

type MeasureInput = {
  frame: RestNode;
  files: SourceFile[];
  entry: string;
  widths?: readonly number[];
  readingOrder?: boolean;
  page?: PageOptions;
};

/**
 * IoU at the design width and the per-width figures at each of `widths` (default: 390, 768, 1920 and the design
 * width; 0 = the design width), in the order asked for.
 */
export function measureFrame(host: PageHost, input: MeasureInput): Promise<FrameReport> {
  const started = performance.now();
  const plan = measurePlan(input.frame, input.widths);
  return inOneContext(host, (context) =>
    withPage(
      context,
      input.files,
      input.entry,
      plan.steps[0]!,
      async (page) => {
        const answers = await answerSteps(page, plan);
        const figures = figuresOf(plan, answers).map((f, i) =>
          input.readingOrder ? { ...f, order: readingOrder(answers[i]!.texts.samples) } : f,
        );
        const overflowAt80 = await overflowAt(page, Math.round(0.8 * plan.facts.width), plan.facts.height);
        const fidelity = scoreBoxes(plan.frame, plan.nodes, answers[0]!.boxes!, overflowAt80);
        const byWidth = new Map(figures.map((f) => [f.width, f]));
        const asked =
          input.widths && input.widths.length > 0
            ? input.widths.map((w) => (w === 0 ? plan.facts.width : w))
            : plan.steps.map((s) => s.width).sort((a, b) => a - b);
        // The design width is always measured (its boxes); it is listed only when asked for (or by default).
        const widths = [...new Set(asked)].flatMap((w) => (byWidth.has(w) ? [byWidth.get(w)!] : []));
        return { ...fidelity, widths, ms: performance.now() - started };
      },
      input.page,
    ),
  );
}

/** Whether the page scrolls sideways at `width` (1 px of rounding tolerated). */
async function overflowAt(page: Page, width: number, height: number): Promise<boolean> {
  await page.setViewportSize(pageViewport({ width, height }));
  await settleLayout(page);
  const { scrollWidth, clientWidth } = await page.evaluate(probeOverflow);
  return scrollWidth > clientWidth + 1;
}

/**
 * Each text's line boxes and what was seen of them, on a loaded page at its current width — without the contrast
 * (the corpus tools record which texts a reference page shows, and where).
 */
export async function sampleTexts(page: Page, texts: { id: string; chars: number }[]): Promise<TextProbe> {
  return (await page.evaluate(
    textProbeScript({ texts: texts.map((t) => ({ ...t, minContrast: 0, backdropKnown: true })), pixels: false }),
  )) as TextProbe;
}
