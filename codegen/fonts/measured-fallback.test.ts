import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDesign } from "../load.js";
import { fontFacesCss } from "./output.js";
import { fontPlan } from "./plan.js";
import { fontStack } from "./stack.js";
import { measuredWidthRatio } from "./measured-fallback.js";

const REAL = join(import.meta.dirname, "../../test/fixtures/real");
const frame = (file: string, id: string) =>
  loadDesign(JSON.parse(readFileSync(join(REAL, file), "utf8")) as unknown, [id]).document.frames;

describe("a fallback face measured from the design's own texts (a family nobody serves)", () => {
  it("over-promo: TT Norms Tochka Extended, its bold scaled so one-line titles stay one line", () => {
    // Main had no face for it: the system sans (Arial Bold) set "Платите только при использовании" (20 px, 600) wider
    // than its 345-px box, and it wrapped.
    const frames = frame("over-promo.nodes.json", "8958:5498");
    const bold = measuredWidthRatio("TT Norms Tochka Extended", frames, true)!;
    // The title's Liberation Sans Bold width: 353.4 px at 20 px; scaled, inside 345.
    expect(bold).toBeLessThan(0.98 * (345 / 353.4) + 1e-9);
    expect(bold).toBeGreaterThan(0.85);
    const plan = fontPlan(frames);
    const face = plan.fallbacks.find((f) => f.family === "TT Norms Tochka Extended")!;
    const at = (weight: number) => face.weights?.find((w) => w.from <= weight && weight <= w.to)?.metrics.sizeAdjust;
    expect(at(600)).toBeCloseTo(bold * 100, 1);
    // Its 400 and its 500 measured apart: the 400s' "Посчитайте стоимость кредита" (14 px) just fits its fixed 203-px
    // box in the fallback's typical widths, which held the 500s (the FAQ's self-sizing titles, 24 px, measured 1.00)
    // to 0.962 and set them 4-6 % narrower than drawn, their chevrons 10-18 px left of the design's.
    expect(at(400)).toBeLessThan(96.5);
    expect(at(500)).toBeGreaterThan(99);
    const css = fontFacesCss(plan, "fonts");
    expect(css).toContain('font-family: "TT Norms Tochka Extended Fallback";');
    expect(css).toContain("font-weight: 451 500;");
    expect(fontStack("TT Norms Tochka Extended")).toContain('"TT Norms Tochka Extended Fallback"');
  });

  it("tixup-marker: Pretendard's labels are measured against the system sans's widths", () => {
    const frames = frame("tixup-marker.nodes.json", "37552:6706");
    // Pretendard SemiBold sets "In Progress" 73 px wide at 14 px; Arial Bold 77 px.
    const ratio = measuredWidthRatio("Pretendard", frames, true)!;
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1);
  });

  it("a served family and a system font have no measured face (controls)", () => {
    const frames = frame("tnt-website.file.json", "43:226");
    expect(fontPlan(frames).fallbacks.map((f) => f.family)).toEqual(["Inter"]);
    expect(fontStack("Helvetica Neue")).not.toContain("Fallback");
  });
});
