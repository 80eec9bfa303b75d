import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../index.js";
import type { CodeOptions } from "../load.js";

const overPromo = () => loadDesign(JSON.parse(readFileSync("test/fixtures/real/over-promo.nodes.json", "utf8")));

/** The declarations of the rule `selector` in `css` (its first block), as "property: value" lines. */
function ruleOf(css: string, selector: string): string[] {
  const at = css.indexOf(`${selector} {`);
  if (at < 0) return [];
  const body = css.slice(css.indexOf("{", at) + 1, css.indexOf("}", at));
  return body
    .split(";")
    .map((d) => d.trim())
    .filter(Boolean);
}

async function cssOf(options: CodeOptions, file: string): Promise<string> {
  const { files } = await generateCode(overPromo().document, options);
  return files.find((f) => f.path === file)?.content ?? "";
}

describe("the prototype's scrolling in every target", () => {
  // over-promo's "Buttons Bar" is fixed in the prototype and an instance that React draws by a component file:
  // its placement (this screen's class) is where the setting goes, as HTML writes it on the element.
  it("over-promo: the fixed bar is position: fixed in HTML and in React (where its component is placed)", async () => {
    const html = ruleOf(
      await cssOf({ target: "html", styling: "css-modules", nodeIds: false }, "styles.css"),
      ".buttons-bar",
    );
    const react = ruleOf(
      await cssOf({ target: "react", styling: "css-modules", nodeIds: false }, "src/screens/Promo.module.css"),
      ".buttonsBar",
    );
    for (const rule of [html, react]) {
      expect(rule).toContain("position: fixed");
      expect(rule).toContain("bottom: 0");
    }
  });
});
