import { describe, expect, it } from "vitest";
import { TOAST_EDGE, TOAST_GAP, toastTop } from "./toast-place.js";

const stack = { left: 100, right: 300, height: 28 };

describe("where the toasts go", () => {
  it("sit at the bottom when nothing is there", () => {
    expect(toastTop(stack, [{ left: 0, right: 420, top: 0, bottom: 40 }], 600)).toBe(600 - TOAST_EDGE - 28);
  });

  it("move just above a control they would cover, and no higher", () => {
    const link = { left: 250, right: 360, top: 576, bottom: 592 };
    expect(toastTop(stack, [link], 600)).toBe(576 - TOAST_GAP - 28);
  });

  it("find the lowest gap between controls, beside ones they would not cover", () => {
    const controls = [
      { left: 0, right: 420, top: 540, bottom: 600 },
      { left: 0, right: 420, top: 470, bottom: 500 },
      { left: 0, right: 90, top: 380, bottom: 470 },
    ];
    // Between 500 and 540 there is room for 28 px + gaps: just above the bottom bar.
    expect(toastTop(stack, controls, 600)).toBe(540 - TOAST_GAP - 28);
    // Too tight there: above the next control.
    expect(toastTop({ ...stack, height: 40 }, controls, 600)).toBe(470 - TOAST_GAP - 40);
  });

  it("stay at the bottom when no place is clear", () => {
    expect(toastTop(stack, [{ left: 0, right: 420, top: 0, bottom: 600 }], 600)).toBe(600 - TOAST_EDGE - 28);
  });
});
