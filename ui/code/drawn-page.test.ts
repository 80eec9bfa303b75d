import { describe, expect, it } from "vitest";
import { drawsOnePage } from "./drawn-page.js";

describe("the frames selected for the model as one page drawn at several widths", () => {
  it("takes frames of one page's name at different widths", () => {
    const home = [
      { name: "Home • Desktop", width: 1440 },
      { name: "Home • Tablet", width: 768 },
      { name: "Home • Mobile", width: 375 },
    ];
    expect(drawsOnePage(home)).toBe(true);
    expect(drawsOnePage(home.slice(0, 1))).toBe(false);
    expect(drawsOnePage([home[0]!, { name: "Home • Laptop", width: 1440 }])).toBe(false);
    expect(drawsOnePage([home[0]!, { name: "Checkout", width: 375 }])).toBe(false);
  });
});
