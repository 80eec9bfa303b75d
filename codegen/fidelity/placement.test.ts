import { describe, expect, it } from "vitest";
import type { DesignFacts, DesignText } from "./design-text.js";
import { inkOf, placementOf } from "./responsive.js";

const text = (id: string, x: number, width: number, align?: DesignText["align"]): DesignText => ({
  id,
  name: id,
  chars: 5,
  box: { x, y: 100, width, height: 40 },
  fontSize: 32,
  minContrast: 4.5,
  backdropKnown: true,
  covered: 0,
  clipped: 0,
  ...(align ? { align } : {}),
});
const facts = (texts: DesignText[]): DesignFacts => ({ width: 1440, height: 800, texts }) as unknown as DesignFacts;
const line = (id: string, x: number, width: number) => ({ id, rects: [{ x, y: 100, width, height: 40 }] });

describe("placementOf", () => {
  // A left-aligned title in a box as wide as its row (1312 px), its words 100 px wide: at 1920 the 1440-px page is
  // centred (240 px each side), and the words sit 240 px right of where they are drawn.
  it("holds a text's rendered words against the part of its box its words take", () => {
    const design = facts([text("t", 64, 1312)]);
    expect(placementOf(1920, design, [line("t", 304, 100)])).toBe("centred");
    expect(placementOf(1920, design, [line("t", 64, 100)])).toBe("pinned-left");
  });
  it("places centred and right-aligned words by their alignment", () => {
    expect(inkOf(text("c", 64, 1312, "center"), 100)).toMatchObject({ x: 670, width: 100 });
    expect(inkOf(text("r", 64, 1312, "right"), 100)).toMatchObject({ x: 1276, width: 100 });
    expect(inkOf(text("l", 64, 100), 300)).toMatchObject({ x: 64, width: 100 });
    const design = facts([text("c", 64, 1312, "center")]);
    expect(placementOf(1920, design, [line("c", 910, 100)])).toBe("centred");
  });
});
