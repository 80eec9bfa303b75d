import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { frameTexts, selectionTexts } from "./frame-texts.js";

const text = (
  name: string,
  characters: string,
  x: number,
  y: number,
  height = 20,
  extra: Record<string, unknown> = {},
) => ({ id: name, name, type: "TEXT", characters, absoluteBoundingBox: { x, y, width: 100, height }, ...extra });

describe("the frame's texts for Fill from selection", () => {
  it("reads TEXT layers with their names in reading order: lines top down, each left to right", () => {
    const json = {
      document: {
        id: "1:1",
        name: "Landing",
        type: "FRAME",
        children: [
          {
            id: "g",
            name: "Nav",
            type: "GROUP",
            children: [text("Sign in", "Sign in", 300, 12, 16), text("Logo", "Acme", 10, 10, 24)],
          },
          text("Body", "Fresh tea,\n  delivered   weekly.", 10, 120, 40),
          text("Headline", "Morning rituals", 10, 60, 40),
          text("Hidden", "secret", 10, 200, 20, { visible: false }),
          text("Blank", "   ", 10, 220),
          { id: "r", name: "Box", type: "RECTANGLE", characters: "not text" },
        ],
      },
    };
    expect(frameTexts(json)).toEqual([
      { layer: "Logo", text: "Acme" },
      { layer: "Sign in", text: "Sign in" },
      { layer: "Headline", text: "Morning rituals" },
      { layer: "Body", text: "Fresh tea, delivered weekly." },
    ]);
  });

  it("reads a bare node and real exported files; a design without text gives none", () => {
    expect(frameTexts(text("Only", "Hello", 0, 0))).toEqual([{ layer: "Only", text: "Hello" }]);
    expect(frameTexts({ document: { id: "1", type: "FRAME", name: "Empty" } })).toEqual([]);
    expect(frameTexts(null)).toEqual([]);
    const login = JSON.parse(
      readFileSync(new URL("../../../../test/fixtures/figma/figmasharp-login.file.json", import.meta.url), "utf8"),
    ) as unknown;
    const texts = selectionTexts([{ json: login }]);
    expect(texts.length).toBeGreaterThan(2);
    for (const t of texts) expect(t.text).toBe(t.text.trim());
  });
});
