/**
 * Replies fetched with a depth limit (issue 50: a file fetched with `?depth=` lost its footer, menu and hero headings
 * without a word): every real designer's file and sample file whole is not taken for one; the same files cut at
 * depths 3 to 6 as Figma cuts them are, at that depth, with the containers the cut emptied.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { cutAtDepth } from "../../test/helpers/depth-cut.js";
import { FIGMA_DIR, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { depthLimitNote, depthLimitOf, textsOverEmptied } from "./depth-limit.js";
import { readReplyText } from "./reply-text.js";

const REAL = join(REPO_ROOT, "test", "fixtures", "real");
const FILES = [
  ...["attic-landing.file.json", "flora.file.json", "over-promo.nodes.json", "tnt-website.file.json"].map((file) =>
    join(REAL, file),
  ),
  ...["figmagic-design-system.file.json", "figmasharp-bundler-dialog.file.json", "vincegx-hero-header.nodes.json"].map(
    (file) => join(FIGMA_DIR, file),
  ),
];
const read = (path: string): unknown => readReplyText(readFileSync(path, "utf8")).json;

describe("a reply fetched with a depth limit", () => {
  it.each(FILES.map((path) => [basename(path), path]))(
    "%s: whole, it is not taken for one; cut at 3 to 6 levels, it is, at that depth",
    (_, path) => {
      expect(depthLimitOf(read(path))).toBeUndefined();
      for (const depth of [3, 4, 5, 6]) {
        const json = read(path);
        const emptied = cutAtDepth(json, depth);
        // A cut that empties fewer than three frames (and no group) is not told from placeholders.
        if (emptied < 3) continue;
        const limit = depthLimitOf(json);
        expect(limit?.depth, `depth ${depth}`).toBe(depth);
        // The cut's, and the file's own empty containers at that level.
        expect(limit!.emptied.length).toBeGreaterThanOrEqual(emptied);
      }
    },
  );

  it("is said in one sentence naming the largest layers emptied, and the texts over them are known", () => {
    const json = read(join(REAL, "tnt-website.file.json"));
    expect(cutAtDepth(json, 4)).toBe(82);
    const limit = depthLimitOf(json)!;
    expect(depthLimitNote(limit)).toMatch(
      new RegExp(
        String.raw`^the design looks fetched with a depth limit \(depth=4\): 8\d components, frames, instances and ` +
          "groups 4 levels down came without their layers \\(“[^”]+”, “[^”]+”, “[^”]+”, …\\), so the code lacks " +
          "what they hold; fetch the file again without `depth`$",
      ),
    );
    // A group can't be empty in Figma: one at the deepest level is a cut.
    const text = {
      id: "1:3",
      name: "Title",
      type: "TEXT",
      absoluteBoundingBox: { x: 10, y: 10, width: 50, height: 20 },
    };
    const card = {
      id: "1:2",
      name: "Card",
      type: "GROUP",
      children: [],
      absoluteBoundingBox: { x: 0, y: 0, width: 100, height: 40 },
    };
    const frame = { id: "1:1", name: "Home", type: "FRAME", children: [card, text] };
    const file = {
      document: { id: "0:0", type: "DOCUMENT", children: [{ id: "0:1", type: "CANVAS", children: [frame] }] },
    };
    const one = depthLimitOf(file)!;
    expect(one).toEqual({ depth: 3, emptied: [card] });
    expect(depthLimitNote(one)).toBe(
      "the design looks fetched with a depth limit (depth=3): 1 group 3 levels down came without their layers " +
        "(“Card”), so the code lacks what it holds; fetch the file again without `depth`",
    );
    // The text over it: what lies behind it is not in the reply.
    expect(textsOverEmptied(file, one)).toEqual(new Set(["1:3"]));
  });
});
