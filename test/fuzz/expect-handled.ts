/**
 * The one assertion every mutated-answer suite makes (issue 38): each case ends in a result or a refusal in a sentence
 * (no defect), and the mutations really do both: some answers still read, some are refused.
 */
import { expect, it } from "vitest";
import { defectSummary, type FuzzReport } from "./run-cases.js";
import { fuzzTextTarget } from "./targets-text.js";

export function expectEveryCaseHandled(report: FuzzReport): void {
  const defects = defectSummary(report);
  expect(defects, defects.join("\n")).toEqual([]);
  expect(report.results).toBeGreaterThan(0);
  expect(report.refusals).toBeGreaterThan(0);
}

/** One test per named text target (test/fuzz/targets-text.ts), each fuzzed and judged by expectEveryCaseHandled. */
export function itHandlesMutatedAnswers(
  names: readonly string[],
  claim = "every mutated answer ends in a result or a refusal in a sentence",
): void {
  it.each([...names])(`%s: ${claim}`, async (name) => expectEveryCaseHandled(await fuzzTextTarget(name)), 30_000);
}
