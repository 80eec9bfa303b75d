import { describe, expect, it } from "vitest";
import { CANVAS_FILE } from "../helpers/canvas-file.js";
import { createFigmaSim } from "./sim.js";

describe("the simulator's text layers", () => {
  it("refuse characters before the font is loaded, then size themselves to the text", async () => {
    const figma = createFigmaSim({ file: CANVAS_FILE }).figma as unknown as {
      createText(): unknown;
      loadFontAsync(font: { family: string; style: string }): Promise<void>;
    };
    const text = figma.createText() as {
      characters: string;
      fontSize: number;
      width: number;
      height: number;
      textAutoResize: string;
      resize(w: number, h: number): void;
    };
    expect(() => (text.characters = "CFG 7")).toThrow(/unloaded font "Inter Regular"/);
    await figma.loadFontAsync({ family: "Inter", style: "Regular" });
    text.fontSize = 20;
    text.characters = "CFG 7";
    expect([text.width, text.height]).toEqual([Math.ceil(5 * 20 * 0.55), 24]);
    text.resize(30, 1);
    text.textAutoResize = "HEIGHT";
    expect([text.width, text.height]).toEqual([30, 48]);
  });
});
