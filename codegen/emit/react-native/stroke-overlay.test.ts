/**
 * A stroke with a weight per side in React Native (stroke-overlay.ts): the `::after` CSS draws it with becomes the
 * box's last child, a View with a border width per side; an iOS list's row separators are drawn.
 */
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { readFixture } from "../../../test/helpers/fixtures.js";
import type { Decl } from "../../css/decl.js";
import { strokeOverlays } from "./stroke-overlay.js";
import { Sheet, type VNode } from "../vnode.js";

const AFTER: Decl[] = [
  ["content", '""'],
  ["position", "absolute"],
  ["top", "0"],
  ["right", "0"],
  ["bottom", "0"],
  ["left", "0"],
  ["border-style", "solid"],
  ["border-color", "#ccc"],
  ["border-width", "0 0 0.33px 0"],
  ["border-radius", "inherit"],
  ["pointer-events", "none"],
];

describe("React Native: a stroke per side", () => {
  it("draws a box's ::after stroke as its last child, with the box's corner radius; a text gets none", () => {
    const sheet = new Sheet();
    const row = sheet.add("row", [["border-radius", "10px"]])!;
    const label = sheet.add("label", [["color", "#000"]])!;
    sheet.addPseudo(row, "::after", AFTER);
    sheet.addPseudo(label, "::after", AFTER);
    const text: VNode = {
      type: "element",
      tag: "p",
      cls: label,
      attrs: [],
      children: [{ type: "text", value: "Wi-Fi" }],
    };
    const tree: VNode = { type: "element", tag: "div", cls: row, attrs: [], children: [text] };
    strokeOverlays(tree, sheet);
    const kids = tree.type === "element" ? tree.children : [];
    expect(kids).toHaveLength(2);
    const overlay = kids[1]!;
    expect(overlay).toMatchObject({ type: "element", tag: "div", children: [] });
    const decls = sheet.rules.get((overlay as { cls: string }).cls)!;
    expect(decls).toContainEqual(["border-bottom-width", "0.33px"]);
    expect(decls).toContainEqual(["border-top-width", "0"]);
    expect(decls).toContainEqual(["border-radius", "10px"]);
    expect(decls.some(([p]) => p === "content" || p === "border-width")).toBe(false);
    expect(text.type === "element" && text.children).toHaveLength(1);
  });

  it("draws the iOS settings rows' separators (0.33 px at each row's bottom)", async () => {
    const doc = loadDesign(readFixture("../composed/ios-settings.nodes.json"), ["9:200"]).document;
    const { files } = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
    const screen = files.find((f) => f.path.startsWith("src/screens/"))!.content;
    expect(screen).toMatch(/<View style=\{styles\.contentStroke\} \/>/);
    expect(screen).toMatch(/ {2}contentStroke: \{[^}]*borderBottomWidth: 0\.33,/);
  });
});
