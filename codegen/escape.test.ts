import { describe, expect, it } from "vitest";
import { escapeAttr, escapeHtml } from "./escape.js";

describe("HTML escaping", () => {
  it("escapes text so no tag or entity can start, and keeps quotes readable", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(`&lt;a href="x"&gt;'&amp;'&lt;/a&gt;`);
  });

  it("escapes attribute values so they cannot close their quotes", () => {
    expect(escapeAttr(`a" onload="x()`)).toBe("a&quot; onload=&quot;x()");
    expect(escapeAttr("<&>")).toBe("&lt;&amp;&gt;");
  });
});
