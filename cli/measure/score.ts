/**
 * The score of one frame's code (codegen/fidelity/) measured in headless Chromium: one page, loaded at the design
 * width and measured there, then resized to each other width (390, 768, 1920 by default) and measured again — the
 * steps codegen/fidelity/measurement.ts plans, as the panel takes them in its measuring iframe. `figment code
 * --score`, `figment score`, the verify round, the bench and the tests use it.
 */
import type { Page } from "playwright-core";
import type { SourceFile } from "../../codegen/types.js";
import type { Target } from "../../codegen/targets.js";
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";
import type { DesignNode } from "../../codegen/design/types.js";
import { fontPlan } from "../../codegen/fonts/plan.js";
import {
  boxesArg,
  measurePlan,
  scoreOf,
  type MeasurePlan,
  type StepAnswer,
} from "../../codegen/fidelity/measurement.js";
import { probeBoxes } from "../../codegen/fidelity/probe.js";
import { textProbeScript, type TextProbe } from "../../codegen/fidelity/text-probe.js";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import { stopIfAborted } from "../../kernel/cancelled.js";
import { inOneContext, pageViewport, withPage, type PageGlobals, type PageOptions, type PageHost } from "./browser.js";
import { resultPage } from "./result-page.js";

export interface ScoreInput {
  frame: RestNode;
  files: SourceFile[];
  entry: string;
  page?: PageOptions;
  /** Widths to measure (0 = the design width); default 390, 768, 1920 and the design width. */
  widths?: readonly number[];
  /** Stops the measurement between its widths (kernel/cancelled.ts's Cancelled). */
  signal?: AbortSignal;
  /** Called after each width is measured: `done` of `total`. */
  onStep?: (done: number, total: number, width: number) => void;
}

export function scoreFrame(host: PageHost, input: ScoreInput): Promise<FidelityScore> {
  const plan = measurePlan(input.frame, input.widths);
  return inOneContext(host, (context) =>
    withPage(
      context,
      input.files,
      input.entry,
      plan.steps[0]!,
      async (page) => scoreOf(plan, await answerSteps(page, plan, input)),
      input.page,
    ),
  );
}

/** Lets the page lay itself out at a new viewport (resize observers, rAF-driven code) and settle its fonts. */
export async function settleLayout(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const g = globalThis as unknown as PageGlobals;
    await new Promise<void>((resolve) => g.requestAnimationFrame(() => g.requestAnimationFrame(() => resolve())));
    await g.document.fonts.ready;
  });
}

/**
 * Every step of `plan` on a page loaded at its first step's viewport: the probes' answers, in the plan's order. A
 * `signal` that aborts stops it before its next step.
 */
export async function answerSteps(
  page: Page,
  plan: MeasurePlan,
  watch: Pick<ScoreInput, "signal" | "onStep"> = {},
): Promise<StepAnswer[]> {
  const answers: StepAnswer[] = [];
  for (const [i, step] of plan.steps.entries()) {
    stopIfAborted(watch.signal, "cancelled while measuring the code");
    if (i > 0) {
      await page.setViewportSize(pageViewport(step));
      await settleLayout(page);
    }
    const boxes = step.boxes ? await page.evaluate(probeBoxes, boxesArg(plan)) : undefined;
    const texts = (await page.evaluate(textProbeScript(plan.texts))) as TextProbe;
    answers.push({ width: step.width, texts, ...(boxes ? { boxes } : {}) });
    watch.onStep?.(i + 1, plan.steps.length, step.width);
  }
  return answers;
}

/**
 * The page the panel shows for a frame's files (cli/measure/result-page.ts). React Native's takes React's stand-ins
 * for fonts no catalog knows, measured from the frame as the emitters read it (`design`), as the panel's does.
 */
export function shownPage(files: SourceFile[], target: Target, design?: DesignNode): ReturnType<typeof resultPage> {
  return shownPageFor(target, design)(files);
}

/** shownPage for one frame's files in turn (a verify run's rounds): its stand-in fonts are measured once. */
export function shownPageFor(
  target: Target,
  design?: DesignNode,
): (files: SourceFile[]) => ReturnType<typeof resultPage> {
  const fallbacks = target === "react-native" && design ? fontPlan([design]).fallbacks : [];
  return (files) => resultPage(files, target, fallbacks);
}

/** scoreFrame of a frame's code in either target, on the page the panel shows (shownPage). */
export async function scoreCode(
  browser: PageHost,
  input: {
    frame: RestNode;
    files: SourceFile[];
    target: Target;
    page?: PageOptions;
    widths?: readonly number[];
    /** HTML: the page to render, when not index.html (a whole file's folder holds one page per frame). */
    entry?: string;
    /**
     * The frame as the emitters read it: React Native's preview takes React's stand-ins for fonts no catalog knows,
     * measured from its texts (fontPlan), from it.
     */
    design?: DesignNode;
  } & Pick<ScoreInput, "signal" | "onStep">,
): Promise<FidelityScore> {
  const shown = await shownPage(input.files, input.target, input.design);
  return scoreFrame(browser, {
    frame: input.frame,
    ...shown,
    ...(input.entry !== undefined && input.target === "html" ? { entry: input.entry } : {}),
    ...(input.page ? { page: input.page } : {}),
    ...(input.widths ? { widths: input.widths } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onStep ? { onStep: input.onStep } : {}),
  });
}
