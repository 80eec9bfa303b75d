/**
 * A navigation bar's menu in React Native (nav-menu.ts): TnT's past trips page, whose bar of links folds into a
 * menu below 1388 px in React, does so in React Native too — state, a Pressable that opens the panel, the panel's id
 * and `display: "contents"` on wide screens.
 */
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { readFixture } from "../../../test/helpers/fixtures.js";
import { rnMenuProps } from "./nav-menu.js";
import { rnStyle } from "./style.js";
import type { ElementNode } from "../vnode.js";

async function screen(file: string, frame: string): Promise<string> {
  const doc = loadDesign(readFixture(file), [frame]).document;
  const { files } = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
  return files.find((f) => f.path.startsWith("src/screens/"))!.content;
}

describe("React Native navigation menus", () => {
  it("folds a bar's links into a panel a menu button opens, below the bar's width", async () => {
    const code = await screen("../real/tnt-website.file.json", "86:45");
    expect(code).toContain('import { useId, useState } from "react";');
    expect(code).toContain("const [menuOpen, setMenuOpen] = useState(false);");
    expect(code).toContain("const menuId = useId();");
    const button = [
      "<Pressable",
      "style={[styles.menuButton, vw < 1388 && fluid.menuButtonBelow1388]}",
      "onPress={() => setMenuOpen(!menuOpen)}",
      'role="button"',
      'aria-label="Menu"',
      "aria-expanded={menuOpen}",
      "aria-controls={menuId}",
    ];
    expect(code.replace(/\s+/g, " ")).toContain(button.join(" "));
    expect(code).toMatch(/menuOpen\s+\? \[styles.menuOpen, vw < 1388 && fluid.menuOpenBelow1388\]\s+: \[styles.menu, /);
    expect(code).toContain("id={menuId}");
    // Wide: the panel is no box, its links the row's items; narrow: hidden, or (open) a column under the bar.
    expect(code).toMatch(/ {2}menu: \{\s+display: "contents",\s+\}/);
    expect(code).toMatch(/menuBelow1388: \{\s+display: "none",\s+\}/);
    expect(code).toMatch(/menuOpenBelow1388: \{\s+display: "flex",\s+flexDirection: "column",/);
    expect(code).toMatch(/menuButton: \{[^}]*display: "none",/);
    expect(code).toMatch(/menuButtonBelow1388: \{\s+display: "flex",/);
    // The three lines in the button's colour (an SvgXml takes no currentColor from a Pressable).
    expect(code).toContain('stroke="#fbffff" stroke-width="2"');
  });

  it("writes display: contents, which React Native 0.77 has", () => {
    expect(rnStyle([["display", "contents"]]).entries).toEqual([["display", '"contents"']]);
  });

  it("writes the button's and panel's attributes as JSX attributes, quotes escaped", () => {
    const button: ElementNode = {
      type: "element",
      tag: "button",
      attrs: [
        ["aria-label", 'Open "Trips"'],
        ["aria-controls", "trips-menu"],
      ],
      reactAttrs: [
        ["onClick", "() => setOpen(!open)"],
        ["aria-expanded", "open"],
      ],
      children: [],
    };
    expect(rnMenuProps(button)).toEqual([
      "onPress={() => setOpen(!open)}",
      'role="button"',
      'aria-label={"Open \\"Trips\\""}',
      "aria-expanded={open}",
      'aria-controls="trips-menu"',
    ]);
    const panel: ElementNode = {
      type: "element",
      tag: "div",
      attrs: [["id", { expr: "menuId", html: "menu" }]],
      children: [],
    };
    expect(rnMenuProps({ ...panel, cls: "menu", stateCls: { when: "open", cls: "menuOpen" } })).toEqual([
      "id={menuId}",
    ]);
  });
});
