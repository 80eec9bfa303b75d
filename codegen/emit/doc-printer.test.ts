/**
 * The document printer steps through a fill (a paragraph's words) without copying what is left of it: figmagic's
 * longest text (1,341 characters) printed as a fill is read in place, and comes out filled as prettier fills it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesRoot } from "../../test/helpers/responsive-frames.js";
import { type Doc, fill, group, indent, line, printDoc, softline } from "./doc-printer.js";

type Layer = { type?: string; characters?: string; children?: Layer[] };
function longestText(node: Layer): string {
  let best = node.type === "TEXT" ? (node.characters ?? "") : "";
  for (const child of node.children ?? []) {
    const text = longestText(child);
    if (text.length > best.length) best = text;
  }
  return best;
}
const design = JSON.parse(readFileSync(join(fixturesRoot(), "figma", "figmagic-design-system.file.json"), "utf8"));
const paragraph = longestText(design.document);

describe("printDoc's fill", () => {
  it("reads a paragraph's parts in place (no copy of the rest at each word) and fills its lines", () => {
    const words = paragraph.split(/\s+/).filter(Boolean);
    const parts: Doc[] = words.flatMap((word, i) => (i === 0 ? [word] : [line, word]));
    const copied: string[] = [];
    const watched = new Proxy(parts, {
      get(target, key, receiver) {
        if (key === "slice" || key === "splice" || key === "concat") copied.push(String(key));
        return Reflect.get(target, key, receiver);
      },
    });
    const text = printDoc(group(["<p>", indent([softline, fill(watched)]), softline, "</p>"]), 80);
    expect(words.length).toBeGreaterThan(150);
    expect(copied).toEqual([]);
    const lines = text.split("\n");
    // Filled: every line as full as the next word allows, and the words in order.
    for (let i = 1; i < lines.length - 2; i++) {
      expect(lines[i]!.length).toBeLessThanOrEqual(80);
      const next = lines[i + 1]!.trim().split(" ")[0]!;
      expect(lines[i]!.length + 1 + next.length).toBeGreaterThan(80);
    }
    expect(text.replace(/\s+/g, " ")).toBe(`<p> ${words.join(" ")} </p>`);
  });
});
