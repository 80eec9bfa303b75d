import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../index.js";
import { MOTION_FILE } from "../prototype/motion-design.js";
import { morphRenderBlocking } from "./view-transitions.js";
import type { ElementNode } from "./vnode.js";

const el = (attrs: [string, string][], children: ElementNode[] = []): ElementNode => ({
  type: "element",
  tag: "div",
  attrs,
  children,
});

describe("a smart animate's layers hold an HTML page's first frame until they are parsed", () => {
  it("a matched layer gets an id (its anchor's, else its name, kept unique) and a rel=expect", () => {
    const hero = el([["data-morph", "m-hero-a"]]);
    const anchored = el([
      ["id", "pricing"],
      ["data-morph", "m-price-b"],
    ]);
    const clash = el([["id", "m-logo-c"]]);
    const logo = el([["data-morph", "m-logo-c"]]);
    const plain = el([["class", "x"]]);
    const lines = morphRenderBlocking(el([], [hero, el([], [anchored, clash]), logo, plain]));
    expect(lines).toEqual([
      '    <link rel="expect" href="#m-hero-a" blocking="render" />',
      '    <link rel="expect" href="#pricing" blocking="render" />',
      '    <link rel="expect" href="#m-logo-c-2" blocking="render" />',
    ]);
    expect(hero.attrs).toContainEqual(["id", "m-hero-a"]);
    expect(anchored.attrs.filter(([k]) => k === "id")).toEqual([["id", "pricing"]]);
    expect(logo.attrs).toContainEqual(["id", "m-logo-c-2"]);
    expect(plain.attrs).toEqual([["class", "x"]]);
  });

  it("HTML: both pages of the smart animate expect their hero in the head; React's have no id", async () => {
    const doc = loadDesign(MOTION_FILE, ["3:1", "4:1", "5:1"]).document;
    const html = await generateCode(doc, { target: "html", styling: "css-modules", nodeIds: false });
    const file = (path: string) => html.files.find((f) => f.path === path)!.content;
    for (const path of ["start.html", "detail.html"]) {
      const text = file(path);
      const id = /<link rel="expect" href="#([^"]+)" blocking="render" \/>/.exec(text)?.[1];
      expect(id, path).toMatch(/^m-hero-/);
      expect(text).toMatch(new RegExp(`<div[^>]* id="${id}"`));
      expect(text.indexOf('rel="expect"')).toBeLessThan(text.indexOf("prototype.js"));
      expect(text.indexOf('rel="expect"')).toBeLessThan(text.indexOf("<body"));
    }
    expect(file("next.html")).not.toContain('rel="expect"');
    const react = await generateCode(doc, { target: "react", styling: "css-modules", nodeIds: false });
    for (const f of react.files) expect(f.content, f.path).not.toMatch(/id="m-hero-/);
  });
});
