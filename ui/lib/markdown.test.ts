/** The Markdown reader: the shapes a model's answer takes, unfinished streams, and HTML that stays text. */
import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown } from "./markdown.js";

describe("parseMarkdown", () => {
  it("reads headings, paragraphs, lists, code, quotes, rules and tables", () => {
    const blocks = parseMarkdown(
      "## Critique\n\n" +
        "The title\n" +
        "leads.\n\n" +
        "- **Hierarchy**: good\n" +
        "  still the item\n" +
        "- `12:3` fails\n\n" +
        "1. Darken\n" +
        "2. Enlarge\n\n" +
        "> note\n\n" +
        "---\n\n" +
        "```css\n" +
        "a { }\n" +
        "```\n\n" +
        "| Text | Where |\n" +
        "|---|---|\n" +
        "| SALE | banner |\n",
    );
    expect(blocks.map((b) => b.type)).toEqual([
      "heading",
      "paragraph",
      "list",
      "list",
      "quote",
      "rule",
      "code",
      "table",
    ]);
    expect(blocks[1]).toEqual({ type: "paragraph", inlines: [{ type: "text", text: "The title leads." }] });
    expect(blocks[2]).toMatchObject({
      ordered: false,
      items: [
        {
          inlines: [
            { type: "strong" },
            { type: "text", text: ": good" },
            { type: "text", text: " " },
            { type: "text", text: "still the item" },
          ],
        },
        {
          inlines: [
            { type: "code", text: "12:3" },
            { type: "text", text: " fails" },
          ],
        },
      ],
    });
    expect(blocks[3]).toMatchObject({ ordered: true, start: 1, items: [{}, {}] });
    expect(blocks[6]).toEqual({ type: "code", lang: "css", text: "a { }" });
    expect(blocks[7]).toMatchObject({
      head: [[{ text: "Text" }], [{ text: "Where" }]],
      rows: [[[{ text: "SALE" }], [{ text: "banner" }]]],
    });
  });

  it("an unfinished stream reads as what has come", () => {
    expect(parseMarkdown("## Crit")).toEqual([
      { type: "heading", level: 2, inlines: [{ type: "text", text: "Crit" }] },
    ]);
    expect(parseMarkdown("Text **bold")).toEqual([
      { type: "paragraph", inlines: [{ type: "text", text: "Text **bold" }] },
    ]);
    expect(parseMarkdown("```\nconst a")).toEqual([{ type: "code", lang: "", text: "const a" }]);
  });

  it("HTML is text, links keep their address apart", () => {
    expect(parseInline('<img src=x onerror="alert(1)"> see [docs](https://x.test/a)')).toEqual([
      { type: "text", text: '<img src=x onerror="alert(1)"> see ' },
      { type: "link", text: "docs", href: "https://x.test/a" },
    ]);
    expect(parseInline("snake_case_name and _em_")).toEqual([
      { type: "text", text: "snake_case_name and " },
      { type: "em", children: [{ type: "text", text: "em" }] },
    ]);
  });
});
