import { describe, expect, it } from "vitest";
import { printHtml, printJsx, svgToJsx, type MarkupStyle } from "./markup";
import type { ElementNode, VNode } from "./vnode";

const style: MarkupStyle = { classAttr: (cls) => (cls ? `className="${cls}"` : undefined) };
const htmlStyle: MarkupStyle = { classAttr: (cls) => (cls ? `class="${cls}"` : undefined) };

const el = (tag: string, children: VNode[] = [], extra: Partial<ElementNode> = {}): ElementNode => ({
  type: "element",
  tag,
  attrs: [],
  children,
  ...extra,
});
const txt = (value: string): VNode => ({ type: "text", value });

describe("printJsx: text", () => {
  it.each([
    ["Hello world", "Hello world"],
    ["a {b}", '{"a {b}"}'],
    ["1 < 2", '{"1 < 2"}'],
    ["a > b", '{"a > b"}'],
    ["line 1\nline 2", "line 1<br />line 2"],
    ["a\n\u00a0\u00a0b", 'a<br />{"\\u00a0\\u00a0b"}'],
    ["Tom & Jerry", '{"Tom & Jerry"}'],
    ["it's", '{"it\'s"}'],
    [" padded", '{" padded"}'],
    ["two  spaces", '{"two  spaces"}'],
  ])("%j → %s", (value, jsx) => {
    expect(printJsx(el("p", [txt(value)]), style)).toBe(`<p>${jsx}</p>`);
  });
});

describe("printJsx: attributes and structure", () => {
  it("quotes plain attributes and uses expressions for quotes, braces and newlines", () => {
    const node = el("img", [], {
      cls: "photo",
      nodeId: "1:2",
      attrs: [
        ["alt", 'Say "cheese"'],
        ["title", "a{b}"],
        ["aria-label", "ok"],
        ["src", { expr: "photoSrc", html: "assets/photo.png" }],
      ],
    });
    expect(printJsx(node, style)).toBe(
      '<img className="photo" data-node-id="1:2" alt={"Say ' +
        '\\"cheese\\""} title={"a{b}"} aria-label="ok" src={photoSrc} />',
    );
  });

  it("renames class/for and svg attributes", () => {
    expect(
      printJsx(
        el("label", [txt("Name")], {
          attrs: [
            ["for", "name"],
            ["class", "x"],
          ],
        }),
        style,
      ),
    ).toBe('<label htmlFor="name" className="x">Name</label>');
  });

  it("nests with indentation, props, conditionals and component uses", () => {
    const tree = el("div", [
      el("p", [{ type: "prop", name: "label" }]),
      { type: "if", prop: "showIcon", child: el("span") },
      {
        type: "use",
        component: "Button",
        cls: "cta",
        props: [
          ["label", "Go"],
          ["primary", false],
        ],
      },
    ]);
    expect(printJsx(tree, style, 1)).toBe(
      [
        "  <div>",
        "    <p>{label}</p>",
        "    {showIcon && (",
        "      <span />",
        "    )}",
        '    <Button className="cta" label="Go" primary={false} />',
        "  </div>",
      ].join("\n"),
    );
  });

  it("converts inline SVG attributes to JSX names", () => {
    const svg = el("svg", [], {
      attrs: [["viewBox", "0 0 24 24"]],
      svgMarkup: '<path data-node-id="2:2" d="M0 0Z" fill="#000000" fill-rule="evenodd" stroke-width="2"/>',
    });
    expect(printJsx(svg, style)).toBe(
      '<svg viewBox="0 0 24 24"><path data-node-id="2:2" d="M0 0Z" ' +
        'fill="#000000" fillRule="evenodd" strokeWidth="2"/></svg>',
    );
  });

  it("in a component file, the SVG's layer ids and the element's own are expressions on the instance's id", () => {
    const svg = el("svg", [], {
      nodeId: { expr: 'layerId("3:1")', html: "I9:1;3:1" },
      svgMarkup: '<path data-node-id="I9:1;3:2" d="M0 0Z"/><path data-node-id="7:7"/>',
      svgNodeIds: { "I9:1;3:2": 'layerId("3:2")' },
    });
    expect(printJsx(svg, style)).toBe(
      '<svg data-node-id={layerId("3:1")}><path data-node-id={layerId("3:2")} ' +
        'd="M0 0Z"/><path data-node-id="7:7"/></svg>',
    );
    // HTML has no expressions: the ids as drawn.
    expect(printHtml(svg, htmlStyle)).toBe(
      '<svg data-node-id="I9:1;3:1"><path data-node-id="I9:1;3:2" d="M0 0Z"/><path data-node-id="7:7"/></svg>',
    );
  });

  it("svgToJsx renames only known attributes", () => {
    expect(
      svgToJsx('<g clip-rule="evenodd" stroke-linecap="round" xlink:href="#a" data-x="1" fill-opacity="0.5"/>'),
    ).toBe('<g clipRule="evenodd" strokeLinecap="round" xlinkHref="#a" data-x="1" fillOpacity="0.5"/>');
  });
});

describe("printHtml", () => {
  it("escapes text, including a <script> tag", () => {
    expect(printHtml(el("p", [txt("<script>alert('x') & more</script>")]), htmlStyle)).toBe(
      "<p>&lt;script&gt;alert('x') &amp; more&lt;/script&gt;</p>",
    );
  });

  it("escapes attribute values and prints expression attributes by their html form", () => {
    const node = el("img", [], {
      cls: "pic",
      nodeId: 'a"b',
      attrs: [
        ["alt", 'x"<y>&'],
        ["src", { expr: "picSrc", html: "assets/pic.png" }],
      ],
    });
    expect(printHtml(node, htmlStyle)).toBe(
      '<img class="pic" data-node-id="a&quot;b" alt="x&quot;&lt;y&gt;&amp;" src="assets/pic.png">',
    );
  });

  it("keeps svg attributes as they are and nests with indentation", () => {
    const tree = el("div", [el("svg", [], { svgMarkup: '<path fill-rule="evenodd"/>' }), el("p", [txt("Hi")])]);
    expect(printHtml(tree, htmlStyle, 1)).toBe(
      ["  <div>", '    <svg><path fill-rule="evenodd"/></svg>', "    <p>Hi</p>", "  </div>"].join("\n"),
    );
  });

  it("prints an empty element on one line", () => {
    expect(printHtml(el("div", [el("div", [], { cls: "dot" })]), htmlStyle)).toBe(
      '<div>\n  <div class="dot"></div>\n</div>',
    );
  });

  it("refuses React-only nodes", () => {
    expect(() => printHtml({ type: "prop", name: "x" }, htmlStyle)).toThrow("prop nodes have no HTML form");
  });
});
