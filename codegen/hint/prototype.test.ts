import { describe, expect, it } from "vitest";
import { loadDesign } from "../load.js";
import { PROTOTYPE_FILE, STATES_FILE, TOGGLE_FILE } from "../prototype/test-design.js";
import { OVERLAYS_FILE } from "../prototype/overlay-design.js";
import { emitFiles } from "../emit/index.js";
import { parseHint } from "./parse.js";
import { printHint } from "./print.js";

describe("the prototype in the model hint", () => {
  const doc = loadDesign(PROTOTYPE_FILE).document;

  it("says which layers link where and which stay put or scroll, one short line each", () => {
    const lines = printHint(doc)
      .split("\n")
      .filter((l) => l.startsWith(">"));
    expect(lines).toEqual([
      "> 1:3 go:2:1 in:dissolve:0.3:EASE_OUT",
      "> 1:4 to:1:9",
      "> 1:5 url:https://example.com/ new",
      "> 1:6 scroll:y",
      "> 1:2 fixed",
      "> 2:2 back",
      "> 2:3 go:9:99 in:dissolve:0.3:EASE_OUT",
    ]);
  });

  it("reads back what it printed", () => {
    const hint = printHint(doc);
    const parsed = parseHint(hint).document;
    expect(parsed.prototype?.layers["1:5"]).toEqual({
      interactions: [
        { trigger: { type: "ON_CLICK" }, actions: [{ type: "URL", url: "https://example.com/", openInNewTab: true }] },
      ],
    });
    expect(printHint(parsed)).toBe(hint);
  });

  it("prints nothing of a design without a prototype", () => {
    const { prototype: _, ...plain } = doc;
    expect(printHint(plain)).not.toContain("\n>");
  });

  it("says a layer's hover and press variants with their easing, the variants after the frames", () => {
    const states = loadDesign(STATES_FILE, ["7:1"]).document;
    const hint = printHint(states);
    expect(hint).toContain("> 7:2 hover:8:3 ease:0.2:EASE_OUT press:8:4 ease:0.2:EASE_OUT\n");
    const after = hint.slice(hint.indexOf("> variants\n"));
    expect(after.split("\n").filter((l) => /^\S/.test(l) && !l.startsWith(">")).length).toBe(3);
    const parsed = parseHint(hint).document;
    expect(Object.keys(parsed.variants ?? {}).sort()).toEqual(["8:2", "8:3", "8:4"]);
    expect(printHint(parsed)).toBe(hint);
    // Code from the hint draws the same states as the offline code.
    for (const options of [
      { target: "html", styling: "css-modules", nodeIds: true },
      { target: "react", styling: "tailwind", nodeIds: true },
    ] as const) {
      const offline = emitFiles(states, options).files;
      const fromHint = emitFiles({ ...parsed, assets: states.assets }, options).files;
      expect(fromHint.map((f) => f.content)).toEqual(offline.map((f) => f.content));
      expect(offline.map((f) => f.content).join("\n")).toMatch(/:hover|group-hover/);
    }
  });
});

describe("a click's toggle in the model hint", () => {
  const doc = loadDesign(TOGGLE_FILE, ["4:1"]).document;

  it("says the variant a click changes a layer to, and code from the hint draws the same toggles", () => {
    const hint = printHint(doc);
    expect(hint).toContain("> 4:2 click:5:3\n");
    expect(hint).toContain("> 4:3 click:6:3\n");
    const parsed = parseHint(hint).document;
    expect(parsed.prototype?.layers["4:2"]?.interactions).toEqual([
      { trigger: { type: "ON_CLICK" }, actions: [{ type: "NODE", destinationId: "5:3", navigation: "CHANGE_TO" }] },
    ]);
    expect(printHint(parsed)).toBe(hint);
    for (const options of [
      { target: "html", styling: "css-modules", nodeIds: true },
      { target: "react", styling: "css-modules", nodeIds: true },
      { target: "vue", styling: "css-modules", nodeIds: true },
    ] as const) {
      const offline = emitFiles(doc, options).files;
      const fromHint = emitFiles({ ...parsed, assets: doc.assets }, options).files;
      expect(fromHint.map((f) => f.content)).toEqual(offline.map((f) => f.content));
      expect(offline.map((f) => f.content).join("\n")).toContain("prefers-reduced-motion: reduce");
    }
  });
});

describe("the prototype's overlays in the model hint", () => {
  const doc = loadDesign(OVERLAYS_FILE, [], {}, { topLevel: "frames" }).document;

  it("says which click opens, swaps or closes which overlay, and each overlay's place, backdrop and closing", () => {
    const lines = printHint(doc)
      .split("\n")
      .filter((l) => l.startsWith(">"));
    expect(lines).toContain("> 10:3 overlay:30:1 in:move_in-top:0.4:EASE_IN_AND_OUT");
    expect(lines).toContain("> 10:5 overlay:50:1 by:10,48");
    expect(lines).toContain('> 20:1 at:center backdrop:"rgba(0, 0, 0, 0.4)"');
    expect(lines).toContain('> 30:1 at:bottom_center backdrop:"rgba(0, 0, 0, 0.5)" outside');
    expect(lines).toContain("> 20:3 close");
    expect(lines).toContain("> 20:4 swap:30:1");
  });

  it("reads back what it printed, and code from it draws the same dialogs", () => {
    const hint = printHint(doc);
    const parsed = parseHint(hint).document;
    expect(printHint(parsed)).toBe(hint);
    for (const options of [
      { target: "html", styling: "css-modules", nodeIds: true },
      { target: "react", styling: "css-modules", nodeIds: true },
    ] as const) {
      const offline = emitFiles(doc, options).files;
      const fromHint = emitFiles({ ...parsed, assets: doc.assets }, options).files;
      expect(fromHint.map((f) => f.content)).toEqual(offline.map((f) => f.content));
      expect(offline.map((f) => f.content).join("\n")).toContain('<dialog id="overlay-filters"');
    }
  });
});
