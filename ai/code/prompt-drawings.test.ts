import { describe, expect, it } from "vitest";
import { chatRequest, firstImages, systemInstructions, userTexts, type PromptInput } from "./prompt.js";

const PNG = "data:image/png;base64,iVBORw0KGgo";
const page: PromptInput = {
  target: "react",
  styling: "tailwind",
  hint: "figment-hint 2\n",
  nodeIds: true,
  imageDataUrl: `${PNG}AAAA`,
  drawings: [
    { name: "Home • Desktop", width: 1440 },
    { name: "Home • Tablet", width: 768, imageDataUrl: `${PNG}BBBB` },
    { name: "Home • Mobile", width: 375, imageDataUrl: `${PNG}CCCC` },
  ],
};

describe("the prompt of a page drawn at several widths", () => {
  it("says it is one page at the drawn widths, one DOM, in the styling's idiom", () => {
    const system = systemInstructions(page, true);
    expect(system).toContain("The frame is one page drawn at 3 widths (1440, 768, 375 px)");
    expect(system).toContain("with min-width variants (min-[768px]:, min-[1440px]:)");
    expect(system).toContain("Never write a separate page, component or copy of the markup per width.");
    expect(system).toContain("data-node-ids");
    expect(systemInstructions({ ...page, styling: "css-modules" }, true)).toContain(
      "mobile-first: the narrowest drawing's (375 px) rules as the base, then @media (min-width: 768px), " +
        "@media (min-width: 1440px) rules for each wider drawing",
    );
    expect(userTexts(page)[0]).toMatch(/^The design hint for the page drawn at 1440, 768, 375 px/);
    // One drawing: the frame's words, as always.
    const one = { ...page, drawings: [page.drawings![0]!] };
    expect(systemInstructions(one, true)).not.toMatch(/drawn at|min-width/);
    expect(firstImages(one)).toEqual([{ url: page.imageDataUrl }]);
  });

  it("sends each drawing's picture after its label, the page's frame's first", () => {
    const content = chatRequest(page, { model: "m" }).messages[1]!.content as { type: string; text?: string }[];
    expect(content.slice(0, 6).map((p) => p.text ?? p.type)).toEqual([
      "The drawing at 1440 px wide (“Home • Desktop”):",
      "image_url",
      "The drawing at 768 px wide (“Home • Tablet”):",
      "image_url",
      "The drawing at 375 px wide (“Home • Mobile”):",
      "image_url",
    ]);
  });
});
