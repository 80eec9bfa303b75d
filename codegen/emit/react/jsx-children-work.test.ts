/**
 * childParts asks whether a child's document breaks only while the answer can still change: a screen's children are
 * tags, so the first one decides, and the walk of each child's whole document (at every depth) is not made again.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesRoot } from "../../../test/helpers/responsive-frames.js";
import { type Doc, group, hardline, indent, willBreak } from "../doc-printer.js";
import { childParts, type Piece } from "./jsx-children.js";

const design = JSON.parse(readFileSync(join(fixturesRoot(), "figma", "figmagic-design-system.file.json"), "utf8"));
/** figmagic's first page's frames, each as a `<section>` tag holding its name. */
const frames: string[] = design.document.children[0].children.map((f: { name: string }) => f.name);
const tag = (name: string): Piece => ({
  doc: group(["<section>", indent([hardline, JSON.stringify(name)]), hardline, "</section>"]),
  selfClosing: false,
  tag: true,
});

describe("childParts", () => {
  it("stops asking willBreak once the children are on lines of their own", () => {
    const pieces = frames.flatMap((name, i): Piece[] => (i === 0 ? [tag(name)] : ["\n", tag(name)]));
    const asked: Doc[] = [];
    const parts = childParts(pieces, (doc) => {
      asked.push(doc);
      return willBreak(doc);
    });
    expect(frames.length).toBeGreaterThan(5);
    expect(parts.multiline).toBe(true);
    expect(asked).toEqual([]);
    expect(parts.parts.length).toBe(2 * frames.length - 1);
  });
});
