import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../../test/helpers/fixtures.js";
import { loadDesign } from "../load.js";
import { readReplyText } from "../rest/reply-text.js";
import { classifyText, coverWords } from "./classify.js";
import type { RestNode } from "./design-nodes.js";
import { designTextFacts, LEGIBLE_CONTRAST } from "./design-text.js";
import type { TextSample } from "./text-probe.js";

describe("coverWords", () => {
  const names = new Map([
    ["1:5", "Hero"],
    ["I2:3;4:5", "Card"],
  ]);
  const nameOf = (id: string): string | undefined => names.get(id);
  it("names a layer by its name, an element of no layer by its tag, a pseudo-element as its element's", () => {
    expect(coverWords("1:5", nameOf)).toBe("“Hero”");
    expect(coverWords("1:5::after", nameOf)).toBe("the ::after of “Hero”");
    expect(coverWords("I2:3;4:5::before", nameOf)).toBe("the ::before of “Card”");
    expect(coverWords("<div>", nameOf)).toBe("a <div> that is no layer of the design");
    expect(coverWords("<section>::after", nameOf)).toBe("the ::after of a <section> that is no layer of the design");
    // A layer the design does not name: its id.
    expect(coverWords("9:9::after", nameOf)).toBe("the ::after of “9:9”");
  });
});

describe("an illegible text's words (issue 50: “contrast 3:1 (needs 3:1)” was printed as a failure)", () => {
  // The Log-In page's texts as the drawing shows them (a real frame, figmasharp-login.file.json).
  const login = readReplyText(readFileSync(fixturePath("figmasharp-login.file.json"), "utf8")).json;
  const frame = loadDesign(login, ["101:3"]).roots[0] as unknown as RestNode;
  const text = designTextFacts(frame).find((t) => t.minContrast === LEGIBLE_CONTRAST && t.chars > 0)!;
  const sample = (contrast: number, lowContrast: number): TextSample => ({
    id: text.id,
    chars: text.chars,
    rendered: true,
    rects: [],
    seen: 20,
    offscreen: 0,
    clipped: 0,
    covered: 0,
    fontPx: text.fontSize,
    measured: 20,
    lowContrast,
    contrast,
  });

  it("shows a failing contrast below its threshold, never rounded up to it", () => {
    expect(classifyText(sample(2.996, 20), text)).toMatchObject({
      class: "illegible",
      detail: "contrast 2.99:1 (needs 3:1)",
    });
    expect(classifyText(sample(2.4, 20), text)?.detail).toBe("contrast 2.4:1 (needs 3:1)");
  });

  it("says a median that meets the threshold is not the failure: the share of the text under it is", () => {
    expect(classifyText(sample(3.04, 6), text)).toMatchObject({
      class: "illegible",
      detail: "contrast under 3:1 on 30 % of it (median 3.04:1)",
    });
    // Under a quarter of it: legible.
    expect(classifyText(sample(3.04, 4), text)?.class).toBe("visible");
  });
});
