import { describe, expect, it } from "vitest";
import { springCurve, timingFunction, transitionValue } from "./motion.js";

const points = (curve: string): number[] => curve.slice("linear(".length, -1).split(", ").map(Number);

describe("the prototype's easings in CSS", () => {
  it("names Figma's curves as its cubic-béziers, a custom bézier as is", () => {
    expect(timingFunction({ type: "EASE_OUT" })).toBe("cubic-bezier(0, 0, 0.58, 1)");
    expect(timingFunction({ type: "EASE_IN_AND_OUT" })).toBe("cubic-bezier(0.42, 0, 0.58, 1)");
    expect(timingFunction({ type: "LINEAR" })).toBe("linear");
    expect(timingFunction({ type: "CUSTOM_CUBIC_BEZIER", bezier: [0.2, 0.8, 0.3, 1.2] })).toBe(
      "cubic-bezier(0.2, 0.8, 0.3, 1.2)",
    );
  });

  it("draws a spring as its curve: from 0 to 1, past 1 when it bounces, not when it is damped", () => {
    const bouncy = points(timingFunction({ type: "BOUNCY" }));
    expect([bouncy[0], bouncy.at(-1)]).toEqual([0, 1]);
    expect(Math.max(...bouncy)).toBeGreaterThan(1.1);
    const damped = points(springCurve({ mass: 1, stiffness: 100, damping: 40 }));
    expect(Math.max(...damped)).toBeLessThanOrEqual(1);
    expect(damped).toEqual([...damped].sort((a, b) => a - b));
    // A custom spring is its own, not a named one's.
    expect(timingFunction({ type: "CUSTOM_SPRING", spring: { mass: 1, stiffness: 600, damping: 15 } })).toBe(
      timingFunction({ type: "BOUNCY" }),
    );
  });

  it("gives a transition's duration in ms with its easing", () => {
    expect(transitionValue({ type: "DISSOLVE", duration: 0.30000001192092896, easing: { type: "EASE_IN" } })).toBe(
      "300ms cubic-bezier(0.42, 0, 1, 1)",
    );
  });
});
