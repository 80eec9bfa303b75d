/** The notes of an insertion as the user reads them: image notes gathered into one that lists the images. */
import { describe, expect, it } from "vitest";
import { doneText, noteLines } from "./insert-state.js";

describe("an insertion's notes", () => {
  it("gathers the builder's image notes into one listing the external images", () => {
    const notes = [
      "Font replaced: Söhne Regular → Inter Regular.",
      "The image  did not load; a grey placeholder stands in for it.",
      "The image https://cdn.example.com/a.jpg did not load; a grey placeholder stands in for it.",
      "Cancelled after 3 of 9 layers: nothing was inserted.",
    ];
    expect(noteLines(notes, ["https://cdn.example.com/a.jpg", "//img.example.com/b.png"])).toEqual([
      "2 images could not be loaded (the plugin loads no external images): grey placeholders stand in for " +
        "https://cdn.example.com/a.jpg, //img.example.com/b.png.",
      "Font replaced: Söhne Regular → Inter Regular.",
    ]);
    expect(noteLines(["Font replaced: A → B."], [])).toEqual(["Font replaced: A → B."]);
  });

  it("says what was built past the limit", () => {
    expect(doneText({ phase: "limit", width: 1440, built: 10_000, notes: [] })).toBe(
      "The page has more than 10,000 elements: the first 10,000 were inserted as 10,000 layers at 1440 px, " +
        "the rest left out.",
    );
    expect(doneText({ phase: "done", width: 390, built: 1, notes: [] })).toBe("Inserted 1 layer at 390 px.");
  });
});
