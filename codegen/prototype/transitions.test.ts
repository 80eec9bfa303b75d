import { describe, expect, it } from "vitest";
import { loadDesign } from "../index.js";
import { planLinks } from "./links.js";
import { BACK_FILE, MOTION_FILE } from "./motion-design.js";
import { matchedPaths, planTransitions, reverseTransition } from "./transitions.js";

describe("the prototype's page transitions", () => {
  const doc = loadDesign(MOTION_FILE, ["3:1", "4:1", "5:1"]).document;
  const links = planLinks(doc, (i) => `p${i}.html`);

  it("names each transition by kind, direction and duration, and the page that goes on by itself", () => {
    expect(doc.frames.map((f) => f.name)).toEqual(["Start", "Next", "Detail"]);
    const plan = planTransitions(doc, links)!;
    expect(plan.transitions.map((t) => t.name)).toEqual(
      expect.arrayContaining(["push-left-400ms", "smart-animate-500ms", "dissolve-200ms"]),
    );
    expect(plan.forLink("3:2")).toBe("push-left-400ms");
    expect(plan.forLink("3:4")).toBe("smart-animate-500ms");
    expect(plan.forLink("3:3")).toBeUndefined();
    expect(plan.timers.get(1)).toEqual({ ms: 500, to: 0, transition: "dissolve-200ms" });
    expect([...plan.timed]).toEqual(["4:1"]);
  });

  it("smart animate: the layers of the same name path share a name on both pages", () => {
    const plan = planTransitions(doc, links)!;
    expect(plan.morphName("3:5")).toBeDefined();
    expect(plan.morphName("3:5")).toBe(plan.morphName("5:2"));
    expect(plan.morphName("3:2")).toBeUndefined();
    expect(matchedPaths(doc.frames[0]!, doc.frames[2]!).map(([key]) => key)).toEqual(["/Hero#0"]);
  });

  it("a BACK link plays the reverse of each transition: the way it came, out; none without one", () => {
    expect(planTransitions(doc, links)!.back).toBe(false);
    const back = loadDesign(BACK_FILE, []).document;
    const plan = planTransitions(
      back,
      planLinks(back, (i) => `p${i}.html`),
    )!;
    expect(plan.back).toBe(true);
    expect(plan.transitions.map((t) => [t.name, t.transition.type, t.transition.direction])).toEqual([
      ["slide-in-left-300ms", "SLIDE_IN", "LEFT"],
      ["slide-in-left-300ms-back", "SLIDE_OUT", "RIGHT"],
    ]);
    const t = { duration: 0.3, easing: { type: "EASE_OUT" } } as const;
    expect(reverseTransition({ ...t, type: "PUSH", direction: "TOP" })).toMatchObject({
      type: "PUSH",
      direction: "BOTTOM",
    });
    expect(reverseTransition({ ...t, type: "MOVE_IN", direction: "LEFT" })).toMatchObject({
      type: "MOVE_OUT",
      direction: "RIGHT",
    });
    expect(reverseTransition({ ...t, type: "DISSOLVE" })).toEqual({ ...t, type: "DISSOLVE" });
  });

  it("plays nothing without a prototype, and no transition for an instant navigation", () => {
    expect(planTransitions({ frames: doc.frames }, links)).toBeUndefined();
  });
});
