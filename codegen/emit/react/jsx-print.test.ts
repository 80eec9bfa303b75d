/**
 * The markup printed straight (jsx-print.ts) is the doc printer's text (printDoc of jsxDoc) at every indent, and
 * refuses what the doc printer refuses: on chosen trees at the edges of the width and on random ones.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUnprintable, printDoc } from "../doc-printer.js";
import { jsxDoc } from "./jsx-doc.js";
import { printJsxAt, stacksChildren } from "./jsx-print.js";
import type { MarkupStyle } from "../markup.js";
import type { AttrValue, VNode } from "../vnode.js";
import { PRINT_WIDTH } from "../../format/languages.js";

const STYLE: MarkupStyle = {
  classAttr: (cls, merge) =>
    cls === undefined
      ? merge
        ? "className={className}"
        : undefined
      : merge
        ? `className={[styles.${cls}, className].filter(Boolean).join(" ")}`
        : `className={styles.${cls}}`,
  classValue: (cls) => `styles.${cls}`,
};

/** The doc printer's text, or "unprintable". */
function viaDoc(node: VNode, at: number): string {
  try {
    return printDoc(jsxDoc(node, STYLE), PRINT_WIDTH, at);
  } catch (error) {
    if (isUnprintable(error)) return "unprintable";
    throw error;
  }
}

function direct(node: VNode, at: number): string {
  try {
    return printJsxAt(node, STYLE, at);
  } catch (error) {
    if (isUnprintable(error)) return "unprintable";
    throw error;
  }
}

const el = (tag: string, attrs: [string, AttrValue][], children: VNode[] = [], cls?: string): VNode => ({
  type: "element",
  tag,
  attrs,
  children,
  ...(cls ? { cls } : {}),
});
const text = (value: string): VNode => ({ type: "text", value });

describe("printJsxAt", () => {
  it("prints tags, texts and inline SVG as the doc printer does, on both sides of the width", () => {
    const label = (n: number) => ["aria-label", "x".repeat(n)] as [string, AttrValue];
    const svg = (markup: string): VNode =>
      ({ ...(el("svg", [["viewBox", "0 0 24 24"]]) as object), svgMarkup: markup }) as VNode;
    const trees: VNode[] = [
      el("div", [], [el("span", [label(20)]), el("img", [["alt", "a"], label(40)])], "root"),
      el(
        "main",
        [label(10)],
        [el("p", [], [text("a few plain words")], "title"), el("p", [], [{ type: "prop", name: "label" }])],
        "main",
      ),
      el("section", [], [el("p", [], [text("word ".repeat(20).trim())], "long"), el("hr", [])], "box"),
      el("div", [["id", { expr: "someValue.that.is.long", html: "" }], label(60)], [el("br", [])], "c"),
      el(
        "div",
        [],
        [
          {
            type: "use",
            component: "Card",
            props: [
              ["title", "Hello"],
              ["open", true],
            ],
            cls: "card",
          },
        ],
      ),
      el(
        "div",
        [],
        [
          { type: "if", prop: "show", child: el("p", [], [text("shown")]) },
          { type: "if", prop: "b", child: el("i", []) },
        ],
      ),
      el("div", [], [svg('<g fill="red"><path d="M0 0L24 24"/></g><rect width="4"/>'), svg("<g></g>")], "icons"),
      el("div", [], [svg(`<g id="${"y".repeat(70)}"></g>`), svg("<g>text</g>")]),
      el("div", [], [el("p", [], [text("two  spaces")]), el("p", [], [text("line\nbreak")])]),
      // A text that ends at the last column at one indent and overruns it at the next.
      el("div", [], [el("p", [], [text("z".repeat(35))]), el("p", [], [text(`${"z".repeat(30)} zz`)])]),
    ];
    for (const tree of trees)
      for (let at = 0; at <= 60; at += 4) {
        const expected = viaDoc(tree, at);
        expect(direct(tree, at), `at ${at}: ${expected}`).toBe(expected);
      }
  });

  it("on random trees", () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    const attr = fc.oneof(
      fc.tuple(fc.constantFrom("title", "alt", "aria-label"), fc.stringMatching(/^[a-z ]{0,50}$/)),
      fc.tuple(
        fc.constantFrom("href", "id"),
        word.map((w): AttrValue => ({ expr: `props.${w}`, html: w })),
      ),
    ) as fc.Arbitrary<[string, AttrValue]>;
    const tree: fc.Arbitrary<VNode> = fc.letrec<{ node: VNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc
          .record({
            tag: fc.constantFrom("p", "span", "h2"),
            attrs: fc.array(attr, { maxLength: 2 }),
            words: fc.array(word, { minLength: 1, maxLength: 12 }),
          })
          .map(({ tag, attrs, words }) => el(tag, attrs, [text(words.join(" "))])),
        fc
          .record({ attrs: fc.array(attr, { maxLength: 3 }), cls: fc.option(word, { nil: undefined }) })
          .map(({ attrs, cls }) => el("img", attrs, [], cls)),
        fc
          .record({
            tag: fc.constantFrom("div", "section", "ul"),
            attrs: fc.array(attr, { maxLength: 3 }),
            cls: fc.option(word, { nil: undefined }),
            children: fc.array(tie("node"), { maxLength: 4 }),
          })
          .map(({ tag, attrs, cls, children }) => el(tag, attrs, children, cls)),
      ),
    })).node;
    fc.assert(
      fc.property(tree, fc.integer({ min: 0, max: 40 }), (node, indent) => {
        const at = indent * 2;
        expect(direct(node, at)).toBe(viaDoc(node, at));
      }),
      { numRuns: 300 },
    );
  });

  it("takes the straight road only for elements whose children stack", () => {
    expect(stacksChildren(el("div", [], [el("p", [])]))).toBe(true);
    expect(stacksChildren(el("div", [], [text("a"), el("b", [])]))).toBe(false);
    expect(stacksChildren(el("div", [], [{ type: "if", prop: "a", child: el("p", []) }]))).toBe(false);
  });
});
