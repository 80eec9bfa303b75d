/**
 * SD answers recorded once from the SD test server and replayed mutated (test/fuzz: cut, dropped, stalled, fields
 * null/missing/retyped/huge, garbage, other statuses and content types, one-byte pieces): each case must end in
 * a result or a typed refusal in a sentence, never a raw JavaScript error or message, never a hang. Fixed seed.
 */
import { describe, expect, it } from "vitest";
import { defectSummary, fuzz, type FuzzReport } from "../../test/fuzz/run-cases.js";
import { sdTargets } from "../../test/fuzz/targets-sd.js";

const CASES = 120;

describe("SD answers, mutated", () => {
  it("every case ends in a result or a typed refusal in a sentence", async () => {
    const reports: FuzzReport[] = [];
    for (const target of await sdTargets()) {
      expect(target.answers.length, target.name).toBeGreaterThan(0);
      reports.push(await fuzz(target, { seed: 39, cases: CASES, hugeBytes: 200_000 }));
    }
    if (process.env["FUZZ_REPORT"])
      for (const r of reports)
        console.info(
          `${r.target}: ${r.cases} cases, ${r.results} results, ${r.refusals} ` +
            `refusals, ${r.defects.length} defects, slowest ${Math.round(r.slowestMs)} ms`,
        );
    const defects = reports.flatMap((report) => defectSummary(report));
    expect(defects).toEqual([]);
    const cases = reports.reduce((sum, r) => sum + r.cases, 0);
    expect(cases).toBe(6 * CASES);
    // Mutations really break answers: most end in refusals, some still read.
    expect(reports.reduce((sum, r) => sum + r.refusals, 0)).toBeGreaterThan(cases / 3);
  });
});
