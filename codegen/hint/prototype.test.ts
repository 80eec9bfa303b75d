import { describe, expect, it } from "vitest";
import { loadDesign } from "../load.js";
import { PROTOTYPE_FILE } from "../prototype/test-design.js";
import { parseHint } from "./parse.js";
import { printHint } from "./print.js";

describe("the prototype in the model hint", () => {
  const doc = loadDesign(PROTOTYPE_FILE).document;

  it("says which layers link where and which stay put or scroll, one short line each", () => {
    const lines = printHint(doc)
      .split("\n")
      .filter((l) => l.startsWith(">"));
    expect(lines).toEqual([
      "> 1:3 go:2:1",
      "> 1:4 to:1:9",
      "> 1:5 url:https://example.com/ new",
      "> 1:6 scroll:y",
      "> 1:2 fixed",
      "> 2:2 back",
      "> 2:3 go:9:99",
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
});
