/**
 * One measurement, whoever runs the page: the CLI and the tests in Playwright (cli/measure/score.ts), the panel in its
 * sandboxed measuring iframe (ui/code/score/measure.ts). Both load the page once at the design width, ask the probes
 * there (texts, and the layers' boxes), then resize the same page to each other width in turn — a viewport's width
 * laid out anew, as a page loaded at that width is — and ask the texts' probe again; this module says which widths
 * in which viewports and with what to ask, and turns the answers into the score. Pure.
 */
import { scoreBoxes, probeIds } from "./box-score.js";
import { designFacts, type DesignFacts } from "./design-text.js";
import type { RestNode, VisibleNode } from "./design-nodes.js";
import type { BoxProbe } from "./probe.js";
import { viewportFor, widthFigures, widthsFor, type WidthFigures } from "./responsive.js";
import { fidelityScore } from "./score.js";
import type { TextProbe, TextProbeArg } from "./text-probe.js";
import type { FidelityScore } from "./types.js";

/** One step: the viewport to lay the page out in, and whether to ask for the layers' boxes there (the design width). */
export interface MeasureStep {
  width: number;
  height: number;
  boxes: boolean;
}

/** What a measurement needs of the design, made once per frame. */
export interface MeasurePlan {
  frame: RestNode;
  facts: DesignFacts;
  /** The layers whose boxes are asked for, and their ids in that order; the groups, asked whether they are pictures. */
  nodes: VisibleNode[];
  ids: string[];
  groups: string[];
  /** The design width first (with the boxes), then the other widths, widest first. */
  steps: MeasureStep[];
  /** The texts' probe's argument at every step. */
  texts: TextProbeArg;
}

/** The boxes probe's argument. */
export const boxesArg = (plan: MeasurePlan): { rootId: string; ids: string[]; groups: string[] } => ({
  rootId: plan.frame.id,
  ids: plan.ids,
  groups: plan.groups,
});

/** The plan for `frame` at `widths` (default: 390, 768, 1920 and the design width; 0 = the design width). */
export function measurePlan(
  frame: RestNode,
  widths?: readonly number[],
  options: { pixels?: boolean } = {},
): MeasurePlan {
  const facts = designFacts(frame);
  const design = { width: facts.width, height: facts.height };
  const { nodes, ids, groups } = probeIds(frame);
  const others = widthsFor(design.width, widths)
    .filter((w) => w !== design.width)
    .sort((a, b) => b - a);
  const steps: MeasureStep[] = [
    { ...viewportFor(design.width, design), boxes: true },
    ...others.map((w) => ({ ...viewportFor(w, design), boxes: false })),
  ];
  const texts: TextProbeArg = {
    texts: facts.texts.map((t) => ({
      id: t.id,
      chars: t.chars,
      minContrast: t.minContrast,
      backdropKnown: t.backdropKnown,
    })),
    rootId: frame.id,
    families: facts.families,
    pixels: options.pixels ?? true,
  };
  return { frame, facts, nodes, ids, groups, steps, texts };
}

/** The answers to one step. */
export interface StepAnswer {
  width: number;
  texts: TextProbe;
  boxes?: BoxProbe | null;
}

/** Whether the design width was asked for at all (a caller may measure only other widths). */
const designAnswer = (plan: MeasurePlan, answers: readonly StepAnswer[]): StepAnswer | undefined =>
  answers.find((a) => a.width === plan.facts.width && a.boxes);

/** Each width's figures from the answers, in the answers' order. */
export function figuresOf(plan: MeasurePlan, answers: readonly StepAnswer[]): WidthFigures[] {
  return answers.map((a) => widthFigures(a.width, a.texts, plan.facts));
}

/** The score from every step's answer (the design width's must carry the boxes). */
export function scoreOf(plan: MeasurePlan, answers: readonly StepAnswer[], overflowAt80 = false): FidelityScore {
  const atDesign = designAnswer(plan, answers);
  if (!atDesign?.boxes) throw new Error("the measurement has no boxes at the design width");
  const fidelity = scoreBoxes(plan.frame, plan.nodes, atDesign.boxes, overflowAt80);
  return fidelityScore(plan.frame, fidelity, figuresOf(plan, answers), atDesign.texts.fontsMissing);
}
