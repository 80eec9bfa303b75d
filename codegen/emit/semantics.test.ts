import { describe, expect, it } from "vitest";
import type { DesignNode, TextContent, TextStyle } from "../design/types";
import { buildTree } from "./build";
import { headingLevel, semanticsFor } from "./semantics";
import { Sheet, type VNode } from "./vnode";

const outside = { root: false, insideInteractive: false, insideText: false };
const inside = { root: false, insideInteractive: true, insideText: false };

function text(
  chars: string,
  style: Partial<TextStyle> = {},
  extra: Partial<TextContent> = {},
  name = chars,
): DesignNode {
  return {
    id: "1:9",
    name,
    kind: "text",
    w: 100,
    h: 20,
    text: {
      chars,
      style: { family: "Inter", size: 16, weight: 400, ...style },
      resize: "none",
      alignH: "left",
      alignV: "top",
      ...extra,
    },
  };
}
const solid = [{ kind: "solid" as const, color: "#0000ff" }];
function box(name: string, children: DesignNode[], extra: Partial<DesignNode> = {}): DesignNode {
  return { id: "1:1", name, kind: "frame", w: 120, h: 40, children, ...extra };
}

describe("headingLevel", () => {
  it("reads H1–H6 from the text style name or the layer name", () => {
    expect(headingLevel(text("Welcome", {}, { styleName: "H2" }))).toBe(2);
    expect(headingLevel(text("Welcome", {}, {}, "h4 title"))).toBe(4);
    expect(headingLevel(text("Welcome", { size: 40, weight: 700 }, { styleName: "H3" }))).toBe(3);
  });

  it("reads the level from a style path like Heading/H1", () => {
    expect(headingLevel(text("Welcome", { size: 20 }, { styleName: "Heading/H1" }))).toBe(1);
    expect(headingLevel(text("Welcome", { size: 20 }, { styleName: "Desktop / H5" }))).toBe(5);
  });

  it("sizes headings named by style or layer", () => {
    expect(headingLevel(text("Welcome", { size: 32 }, { styleName: "Display Large" }))).toBe(1);
    expect(headingLevel(text("Welcome", { size: 24 }, { styleName: "Headline/Medium" }))).toBe(2);
    expect(headingLevel(text("Welcome", { size: 18 }, {}, "Title"))).toBe(3);
  });

  it("takes large bold short text as a heading, body text not", () => {
    expect(headingLevel(text("Big news", { size: 40, weight: 700 }))).toBe(1);
    expect(headingLevel(text("Big news", { size: 24, weight: 600 }))).toBe(2);
    expect(headingLevel(text("Big news", { size: 24, weight: 400 }))).toBeUndefined();
    expect(headingLevel(text("x".repeat(81), { size: 40, weight: 700 }))).toBeUndefined();
    expect(headingLevel(text("Body", { size: 16, weight: 700 }))).toBeUndefined();
  });
});

describe("semanticsFor", () => {
  it("the root is main; text is p, h2, or a link when underlined or named so", () => {
    expect(semanticsFor(box("Screen", []), { ...outside, root: true }).tag).toBe("main");
    expect(semanticsFor(text("Hello"), outside)).toEqual({ tag: "p", attrs: [], interactive: false });
    expect(semanticsFor(text("Hello", {}, { styleName: "H2" }), outside).tag).toBe("h2");
    expect(semanticsFor(text("Forgot password?", { decoration: "underline" }), outside)).toEqual({
      tag: "a",
      attrs: [["href", "#"]],
      interactive: true,
    });
    expect(semanticsFor(text("Terms", {}, {}, "Terms link"), outside).tag).toBe("a");
    expect(semanticsFor(text("Gone", { decoration: "line-through" }), outside).tag).toBe("p");
  });

  it("buttons by name", () => {
    expect(semanticsFor(box("Primary Button", [text("Save")]), outside)).toEqual({
      tag: "button",
      attrs: [["type", "button"]],
      interactive: true,
    });
    expect(semanticsFor(box("cta", [text("Go")]), outside).tag).toBe("button");
    // "Buttons" is not the word button; a named button with two texts is a wrapper.
    expect(semanticsFor(box("Buttons", [text("A"), text("B")]), outside).tag).toBe("div");
    expect(semanticsFor(box("Button", [text("Title"), text("Subtitle")]), outside).tag).toBe("div");
  });

  it("buttons by shape: a small filled box with one short centred label", () => {
    const label = text("Continue", {}, { alignH: "center" });
    expect(semanticsFor(box("", [label], { fills: solid }), outside).tag).toBe("button");
    // The filled shape may be a background rectangle instead of the box itself.
    const bg: DesignNode = { id: "1:5", name: "", kind: "rect", w: 120, h: 40, fills: solid };
    expect(semanticsFor(box("", [bg, label]), outside).tag).toBe("button");
    // Not a button: no fill, left-aligned label, too tall, or a multi-line label.
    expect(semanticsFor(box("", [label]), outside).tag).toBe("div");
    expect(semanticsFor(box("", [text("Continue")], { fills: solid }), outside).tag).toBe("div");
    expect(semanticsFor(box("", [label], { fills: solid, h: 100 }), outside).tag).toBe("div");
    expect(semanticsFor(box("", [text("Two\nlines", {}, { alignH: "center" })], { fills: solid }), outside).tag).toBe(
      "div",
    );
  });

  it("a container named Button that holds a real button is a wrapper", () => {
    const inner = box("", [text("OK", {}, { alignH: "center" })], { fills: solid });
    expect(semanticsFor(box("Button group", [inner]), outside).tag).toBe("div");
  });

  it("img for a rectangle or ellipse filled with one image", () => {
    const img: DesignNode = {
      id: "1:2",
      name: "Avatar",
      kind: "ellipse",
      w: 40,
      h: 40,
      fills: [{ kind: "image", asset: "avatar.png", fit: "cover" }],
    };
    expect(semanticsFor(img, outside)).toEqual({ tag: "img", attrs: [["alt", "Avatar"]], interactive: false });
    expect(semanticsFor(img, inside).tag).toBe("img");
    const layered: DesignNode = { ...img, fills: [...solid, { kind: "image", asset: "avatar.png", fit: "cover" }] };
    expect(semanticsFor(layered, outside).tag).toBe("div");
    expect(semanticsFor({ ...img, kind: "frame" }, outside).tag).toBe("div");
  });

  it("inputs, landmarks and rules", () => {
    expect(semanticsFor({ id: "1", name: "Email input", kind: "rect", w: 200, h: 40 }, outside)).toEqual({
      tag: "input",
      attrs: [
        ["type", "email"],
        ["aria-label", "Email input"],
      ],
      interactive: true,
    });
    expect(semanticsFor(box("Search field", [text("Search")]), outside).tag).toBe("label");
    expect(semanticsFor(box("Header", []), outside).tag).toBe("header");
    expect(semanticsFor(box("Tab bar", []), outside).tag).toBe("footer");
    expect(semanticsFor(box("Navigation", []), outside).tag).toBe("nav");
    expect(semanticsFor({ id: "1", name: "", kind: "line", w: 100, h: 0 }, outside).tag).toBe("hr");
  });

  it("nothing interactive inside an interactive element", () => {
    expect(semanticsFor(text("Learn more", { decoration: "underline" }), inside)).toEqual({
      tag: "span",
      attrs: [],
      interactive: false,
    });
    expect(semanticsFor(text("Title", { size: 40, weight: 700 }), inside).tag).toBe("span");
    expect(semanticsFor(box("Close button", [text("x")]), inside).tag).toBe("div");
    expect(semanticsFor({ id: "1", name: "Text field", kind: "rect", w: 200, h: 40 }, inside).tag).toBe("div");
  });
});

describe("semantics in the built tree", () => {
  it("a named button inside a button is a div, an underlined label in it a span", () => {
    const link = text("Read the terms", { decoration: "underline" });
    const innerButton = box("Close button", [link], { id: "1:4" });
    const outer = box("Submit button", [innerButton], { id: "1:3" });
    const screen: DesignNode = { id: "1:0", name: "Screen", kind: "frame", w: 400, h: 400, children: [outer] };
    const ctx = {
      sheet: new Sheet(),
      nodeIds: false,
      assets: {},
      urls: { cssUrl: (k: string) => k },
      imageSrc: (k: string) => k,
      classBase: (_n: DesignNode, f: string) => f,
      problems: [],
    };
    const tags: string[] = [];
    const visit = (n: VNode): void => {
      if (n.type !== "element") return;
      tags.push(n.tag);
      n.children.forEach(visit);
    };
    visit(buildTree(screen, ctx));
    expect(tags).toEqual(["main", "button", "div", "span"]);
  });
});
