/**
 * Layout inference on real Figma files with their auto layout removed (test/fixtures/corpus/flat-*): the goals
 * of issue 22 on every frame, against the frame's own auto layout. See test/helpers/corpus-goals.ts.
 * And how often inference finds the direction the designer drew, with the original auto layouts given as Figma's
 * own guess (`inferredAutoLayout` in the plugin): test/helpers/layout-agreement.ts.
 */
import { describe, expect, it } from "vitest";
import { describeCorpusGoals } from "./helpers/corpus-goals.js";
import { agreementTable, flattenedAgreements, totalAgreement } from "./helpers/layout-agreement.js";

describeCorpusGoals("flattened file");

describe("layout inference against the designer's own auto layout (flattened files)", () => {
  it("finds the drawn direction of every container with two or more items, and needs no guess to read one", () => {
    const rows = flattenedAgreements();
    console.log(`inference vs the original auto layout, given as Figma's guess:\n${agreementTable(rows)}`);
    const all = totalAgreement(rows);
    // The four wide files (Selfie is phone-sized: not inferred) have 39 such containers today.
    expect(all.suggested).toBeGreaterThanOrEqual(35);
    expect(all.agreed).toBe(all.suggested);
    expect(all.used).toBe(0);
  });
});
