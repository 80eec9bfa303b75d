import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { DesignNode } from "../../../codegen/design/types.js";
import { laidDocument } from "../../../codegen/hint/model.js";
import { parseHint } from "../../../codegen/hint/parse.js";
import { printHint } from "../../../codegen/hint/print.js";
import { loadDesign } from "../../../codegen/index.js";
import { countTextTokens, loadTokenizer } from "../../estimate/estimate.js";
import { imageLimits, providerScale } from "./limits.js";
import { planSections, type PlanOptions } from "./plan.js";

const FLORA = JSON.parse(readFileSync("test/fixtures/real/flora.file.json", "utf8")) as unknown;

/** A frame of flora laid as the hint prints it, with its whole hint. */
function laid(id: string) {
  const doc = laidDocument(loadDesign(FLORA, [id]).document);
  return { doc, frame: doc.frames[0]!, hint: printHint(doc) };
}

const textIds = (hint: string): string[] => {
  const out: string[] = [];
  const walk = (n: DesignNode): void => {
    if (n.kind === "text") out.push(n.id);
    for (const c of n.children ?? []) walk(c);
  };
  for (const f of parseHint(hint).document.frames) walk(f);
  return out;
};

const options = (frame: DesignNode, scale = 1): PlanOptions => ({
  mode: "auto",
  limits: imageLimits("high"),
  image: { width: Math.round(frame.w * scale), height: Math.round(frame.h * scale) },
  countTokens: countTextTokens,
});

beforeAll(loadTokenizer);

describe("planSections", () => {
  it("splits a tall landing page into bands that cover it, each picture unscaled at ≥ 1 px per design px", () => {
    const { doc, frame, hint } = laid("8203:59903");
    for (const scale of [1, 2]) {
      const plan = planSections(doc, frame, hint, options(frame, scale));
      expect(plan.split).toBe(true);
      expect(plan.sections.length).toBeGreaterThanOrEqual(3);
      // The bands partition the frame's height.
      expect(plan.sections[0]!.band.y).toBe(0);
      plan.sections.forEach((s, k) => {
        const next = plan.sections[k + 1];
        expect(s.band.y + s.band.h).toBeCloseTo(next ? next.band.y : frame.h, 5);
        for (const t of s.tiles) {
          expect(providerScale(t.w, t.h, plan.limits)).toBe(1);
          expect(t.w).toBeLessThanOrEqual(plan.limits.longSide);
        }
        // The tiles are the band at the picture's scale: at least one px per design px.
        const px = s.tiles.reduce((sum, t) => sum + t.w * t.h, 0);
        expect(px).toBeGreaterThanOrEqual(Math.floor(s.band.w * s.band.h * scale * scale * 0.99));
      });
      expect(new Set(plan.sections.map((s) => s.component)).size).toBe(plan.sections.length);
    }
  });

  it("puts each text of the hint in exactly one part, and no part over 60 % of the whole hint", () => {
    const { doc, frame, hint } = laid("8203:59903");
    const plan = planSections(doc, frame, hint, options(frame));
    const whole = textIds(hint);
    const parts = plan.sections.flatMap((s) => textIds(s.hint));
    expect(parts.length).toBe(whole.length);
    expect(new Set(parts)).toEqual(new Set(whole));
    for (const s of plan.sections) expect(s.hintTokens).toBeLessThanOrEqual(0.6 * plan.hintTokens);
  });

  it("keeps a frame the provider shows legibly in one request, and any frame with --sections off", () => {
    const { doc, frame, hint } = laid("8211:116360");
    expect(frame.h).toBeLessThan(2000);
    expect(planSections(doc, frame, hint, options(frame)).split).toBe(false);
    const tall = laid("8203:59903");
    const off = planSections(tall.doc, tall.frame, tall.hint, { ...options(tall.frame), mode: "off" });
    expect(off).toMatchObject({ split: false, sections: [] });
  });

  it("splits a hint over the token budget without a picture", () => {
    const { doc, frame, hint } = laid("8203:59903");
    const { image: _none, ...structure } = options(frame);
    expect(planSections(doc, frame, hint, structure).split).toBe(false);
    const plan = planSections(doc, frame, hint, { ...structure, hintBudget: 4000 });
    expect(plan.split).toBe(true);
    for (const s of plan.sections) {
      expect(s.tiles).toEqual([]);
      expect(s.hintTokens).toBeLessThanOrEqual(2000 + 400);
    }
  });
});
