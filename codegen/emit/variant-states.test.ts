import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../index.js";
import { STATES_FILE, TOGGLE_FILE } from "../prototype/test-design.js";
import { drawsStates, layersApart, lookChange, matchLayers, stateChanges } from "./variant-states.js";

const urls = { cssUrl: (key: string) => key };

describe("a hover's and a press's variant as the element's states", () => {
  const doc = loadDesign(STATES_FILE, ["7:1"]).document;
  const button = doc.frames[0]!.children![0]!;

  it("loads the variants a hover and a press change to, and the one the layers are instances of", () => {
    expect(Object.keys(doc.variants ?? {}).sort()).toEqual(["8:2", "8:3", "8:4"]);
    expect(stateChanges(doc.prototype, doc.variants, button).map((c) => [c.state, c.variant.id])).toEqual([
      [":hover", "8:3"],
      [":active", "8:4"],
    ]);
  });

  it("matches the layers by name and lists what the variant changes of each", () => {
    const hover = doc.variants!["8:3"]!;
    expect(matchLayers(button, hover).map(([a, b]) => [a.id, b.id])).toEqual([
      ["7:2", "8:3"],
      ["I7:2;8:2t", "8:3t"],
    ]);
    expect(lookChange(button, hover, urls).map(([p]) => p)).toEqual(["background-color", "box-shadow"]);
    expect(lookChange(button.children![0]!, hover.children![0]!, urls)).toEqual([["color", "#ffffff"]]);
    // The pressed variant is smaller than the one the button is drawn from: its size changes too.
    const main = doc.variants!["8:2"]!;
    expect(lookChange(button, doc.variants!["8:4"]!, urls, main)).toContainEqual(["width", "156px"]);
    expect(lookChange(button, hover, urls, main).map(([p]) => p)).not.toContain("width");
    // Pressed over hovered: the press undoes the hover's shadow.
    expect(lookChange(button, doc.variants!["8:4"]!, urls, main, ["box-shadow"])).toContainEqual([
      "box-shadow",
      "none",
    ]);
  });

  it("writes :hover and :active rules on the same elements, eased, and no note for them", async () => {
    const html = await generateCode(doc, { target: "html", styling: "css-modules", nodeIds: false });
    const css = html.files.find((f) => f.path === "styles.css")!.content;
    expect(css).toMatch(/\.buy:hover \{/);
    expect(css).toMatch(/\.label:is\(\.buy:hover \*\) {\s*color: #ffffff;/);
    expect(css).toMatch(/\.buy:active \{/);
    expect(css).toMatch(/transition:\s+background-color 200ms cubic-bezier\(0, 0, 0\.58, 1\),/);
    expect(css).toContain("prefers-reduced-motion: reduce");
    expect(html.problems.filter((p) => p.code === "prototype")).toEqual([]);
    const tw = await generateCode(doc, { target: "react", styling: "tailwind", nodeIds: false });
    const tsx = tw.files
      .filter((f) => f.path.endsWith(".tsx"))
      .map((f) => f.content)
      .join("\n");
    expect(tsx).toMatch(/group\/\w+/);
    expect(tsx).toMatch(/group-hover\/\w+:text-white/);
    expect(tsx).toContain("motion-reduce:transition-none");
  });
});

describe("a click's variant as a toggle", () => {
  const doc = loadDesign(TOGGLE_FILE, [], {}, { topLevel: "frames" }).document;
  const radio = doc.frames[0]!.children!.find((c) => c.id === "4:3")!;

  it("lists the layers the variant adds (by the layer they go in) and the ones it has not", () => {
    const { added, dropped } = layersApart(radio, doc.variants!["6:3"]!);
    expect([...added].map(([id, layers]) => [id, layers.map((l) => [l.child.id, l.index])])).toEqual([
      ["4:3", [["6:3d", 1]]],
    ]);
    expect(dropped).toEqual(["4:3h"]);
  });

  it("names no toggle in the prototype notes: every target draws them", async () => {
    for (const options of [
      { target: "html", styling: "css-modules", nodeIds: false },
      { target: "react", styling: "tailwind", nodeIds: false },
      { target: "vue", styling: "css-modules", nodeIds: false },
    ] as const) {
      const code = await generateCode(doc, options);
      expect(code.problems.filter((p) => p.code === "prototype").map((p) => p.message)).toEqual([]);
    }
  });
});

describe("a text field whose click changes it to its focused look", () => {
  it("is no toggle: it stays an input, its wrapper the variant while focused (TnT's log-in fields)", async () => {
    const { readFileSync } = await import("node:fs");
    const json = JSON.parse(readFileSync("test/fixtures/real/tnt-website.file.json", "utf8")) as unknown;
    const doc = loadDesign(json, ["235:156"]).document;
    const field = doc.frames[0]!.children!.find((c) => c.id === "231:106")!;
    expect(doc.prototype?.layers["231:106"]?.interactions?.[0]?.trigger.type).toBe("ON_CLICK");
    for (const toggles of [true, false])
      expect(stateChanges(doc.prototype, doc.variants, field, toggles).map((c) => [c.state, c.variant.id])).toEqual([
        [":focus-within", "227:123"],
      ]);
    const { files } = await generateCode(doc, { target: "html", styling: "css-modules", nodeIds: true });
    const page = files.find((f) => f.path.endsWith(".html") && f.content.includes("231:106"))!.content;
    expect(page).toMatch(/<input[^>]*type="email"/);
    expect(page).not.toContain('type="checkbox"');
    // The variant's darker outline on the field's wrapper, the input inside it; before it only what the focused
    // variant adds (its line and floating label: no layer of the field's own), hidden until the field has the focus.
    expect(page).toMatch(/<label class="(input-field\d*)" data-node-id="231:106"[^>]*>(?:(?!data-node-id)[^])*?<input/);
    const cls = /<label class="(input-field\d*)" data-node-id="231:106"/.exec(page)![1]!;
    const css = files.find((f) => f.path === "styles.css")!.content;
    expect(css).toMatch(new RegExp(`\\.${cls}:focus-within \\{\\s*outline: 1px solid #000000;`));
    expect(css).toMatch(new RegExp(`:is\\(\\.${cls}:focus-within \\*\\) \\{\\s*display: (?!none)`));
    const tw = await generateCode(doc, { target: "react", styling: "tailwind", nodeIds: true });
    expect(tw.files.map((f) => f.content).join("\n")).toContain("focus-within:outline-black");
  });
});

describe("drawsStates", () => {
  it("holds where a layer drawn changes to a variant, not for the file's variants alone", () => {
    const doc = loadDesign(TOGGLE_FILE, ["4:1"]).document;
    expect(doc.variants).toBeDefined();
    expect(drawsStates(doc)).toBe(true);
    const { prototype: _, ...none } = doc;
    expect(drawsStates(none)).toBe(false);
  });
});
