/** The simulator's auto layout: Figma's refusals, insertChild's range, and wrapping / hugging of plugin-made frames. */
import { afterEach, describe, expect, it } from "vitest";
import { CANVAS_FILE } from "../helpers/canvas-file.js";
import { createFigmaSim, installFigmaSim, type SimNode } from "./sim.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

type Frame = SimNode & Record<string, unknown>;

function setup(): { frame: Frame; rect: (w: number, h: number) => SimNode } {
  const sim = createFigmaSim({ file: CANVAS_FILE });
  restore = installFigmaSim(sim);
  const api = sim.figma as unknown as { createFrame(): Frame; createRectangle(): SimNode };
  const rect = (w: number, h: number): SimNode => {
    const r = api.createRectangle();
    r.resize(w, h);
    return r;
  };
  return { frame: api.createFrame(), rect };
}

describe("simulated auto layout", () => {
  it("refuses wrap and hugging without auto layout, and bad spacing, as Figma does", () => {
    const { frame } = setup();
    expect(frame["layoutMode"]).toBe("NONE");
    expect(() => (frame["layoutWrap"] = "WRAP")).toThrow(/only be set on auto layout frames/);
    expect(() => (frame["layoutSizingVertical"] = "HUG")).toThrow(/only be set on auto layout frames/);
    frame["layoutMode"] = "HORIZONTAL";
    expect(() => (frame["paddingLeft"] = -1)).toThrow(/at least 0/);
    expect(() => (frame["itemSpacing"] = Number.NaN)).toThrow(/finite/);
    expect(() => (frame["layoutWrap"] = "YES")).toThrow(/one of NO_WRAP, WRAP/);
  });

  it("takes a negative gap, as Figma does: the children overlap by it", () => {
    const { frame, rect } = setup();
    frame["layoutMode"] = "HORIZONTAL";
    frame["itemSpacing"] = -8;
    const [a, b] = [rect(20, 10), rect(20, 10)];
    frame.appendChild(a);
    frame.appendChild(b);
    expect(frame["itemSpacing"]).toBe(-8);
    expect(b.x - a.x).toBe(12);
  });

  it("inserts children at an index in 0…length and refuses beyond", () => {
    const { frame, rect } = setup();
    const [a, b, c] = [rect(1, 1), rect(1, 1), rect(1, 1)];
    frame.appendChild(a);
    frame.appendChild(b);
    frame.insertChild(1, c);
    expect(frame.children!.map((n) => n.id)).toEqual([a.id, c.id, b.id]);
    expect(() => frame.insertChild(4, rect(1, 1))).toThrow(/out of range 0…3/);
    frame.insertChild(0, b);
    expect(frame.children!.map((n) => n.id)).toEqual([b.id, a.id, c.id]);
  });

  it("wraps children of a fixed-width frame into rows and hugs its height; without wrap one row hugs the width", () => {
    const { frame, rect } = setup();
    Object.assign(frame, {
      layoutMode: "HORIZONTAL",
      layoutWrap: "WRAP",
      primaryAxisSizingMode: "FIXED",
      itemSpacing: 10,
      counterAxisSpacing: 20,
      paddingLeft: 5,
      paddingRight: 5,
      paddingTop: 5,
      paddingBottom: 5,
    });
    frame.resize(230, 50);
    frame["counterAxisSizingMode"] = "AUTO";
    for (const h of [30, 40, 30, 10]) frame.appendChild(rect(100, h));
    expect(frame.children!.map((n) => [n.x, n.y])).toEqual([
      [5, 5],
      [115, 5],
      [5, 65],
      [115, 65],
    ]);
    expect([frame.width, frame.height]).toEqual([230, 5 + 40 + 20 + 30 + 5]);
    expect(frame["layoutSizingVertical"]).toBe("HUG");
    frame["layoutWrap"] = "NO_WRAP";
    frame["primaryAxisSizingMode"] = "AUTO";
    expect([frame.width, frame.height]).toEqual([5 + 4 * 100 + 3 * 10 + 5, 5 + 40 + 5]);
    frame.children![1]!.remove();
    expect(frame.width).toBe(5 + 3 * 100 + 2 * 10 + 5);
  });

  it("keeps the axis sizing modes and the sizing shorthands in step in the export, as Figma does", async () => {
    const { frame, rect } = setup();
    frame["layoutMode"] = "VERTICAL";
    Object.assign(frame, { primaryAxisSizingMode: "FIXED", counterAxisSizingMode: "FIXED" });
    frame.appendChild(rect(40, 30));
    const exported = async (): Promise<Record<string, unknown>> =>
      ((await frame.exportAsync({ format: "JSON_REST_V1" })) as { document: Record<string, unknown> }).document;
    // A vertical frame's width is its counter axis: hugging it sets counterAxisSizingMode, not the primary's.
    frame["layoutSizingHorizontal"] = "HUG";
    frame["layoutSizingVertical"] = "HUG";
    expect(await exported()).toMatchObject({
      primaryAxisSizingMode: "AUTO",
      counterAxisSizingMode: "AUTO",
      layoutSizingHorizontal: "HUG",
      layoutSizingVertical: "HUG",
    });
    expect([frame.width, frame.height]).toEqual([40, 30]);
    // And the other way: an axis mode set fixes the shorthand the export shows.
    frame["primaryAxisSizingMode"] = "FIXED";
    expect(await exported()).toMatchObject({ primaryAxisSizingMode: "FIXED", layoutSizingVertical: "FIXED" });
    // Turned horizontal, the axes swap: the width now follows the primary axis (FIXED), the height hugs.
    frame["layoutMode"] = "HORIZONTAL";
    expect(await exported()).toMatchObject({ layoutSizingHorizontal: "FIXED", layoutSizingVertical: "HUG" });
  });
});
