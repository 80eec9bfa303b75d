import { describe, expect, it } from "vitest";
import type { DesignDocument, DesignNode } from "../../design/types";
import { emitHtml, htmlPagePaths } from "./emit";
import { emitReact } from "../react/emit";
import { loadDesign } from "../../load";
import { readFixture } from "../../../test/helpers/fixtures";

const hero: DesignNode = {
  id: "1:5",
  name: "Hero",
  kind: "rect",
  w: 343,
  h: 200,
  sizeH: "fill",
  sizeV: "fixed",
  fills: [{ kind: "image", asset: "hero.png", fit: "cover" }],
};
const intro: DesignNode = {
  id: "1:6",
  name: "Intro",
  kind: "text",
  w: 343,
  h: 20,
  sizeH: "fill",
  sizeV: "hug",
  text: {
    chars: "<script>alert(1)</script> & more",
    style: { family: "Inter", size: 14, weight: 400 },
    resize: "height",
    alignH: "left",
    alignV: "top",
  },
};
const icon: DesignNode = {
  id: "1:7",
  name: "",
  kind: "vector",
  w: 24,
  h: 24,
  sizeH: "fixed",
  sizeV: "fixed",
  asset: "vector.svg",
};

function screen(id: string, name: string, children: DesignNode[]): DesignNode {
  return {
    id,
    name,
    kind: "frame",
    w: 375,
    h: 667,
    layout: { dir: "column", gap: 0, padding: [0, 0, 0, 0], justify: "start", align: "start" },
    children,
  };
}

const doc: DesignDocument = {
  frames: [screen("1:1", "Home <Main>", [hero, intro, icon])],
  assets: {
    "hero.png": { kind: "image", name: "hero.png", imageRef: "abc" },
    "vector.svg": {
      kind: "svg",
      name: "vector.svg",
      svg:
        '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" ' +
        'overflow="visible"><path data-node-id="2:2" d="M0 0Z" fill="#000000" fill-rule="evenodd"/></svg>',
    },
  },
};

const file = (files: { path: string; content: string }[], path: string): string => {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path} in ${files.map((f) => f.path).join(", ")}`);
  return found.content;
};

describe("emitHtml", () => {
  it("writes index.html, styles.css and image placeholders under assets/", () => {
    const { files, problems } = emitHtml(doc, { nodeIds: false });
    expect(files.map((f) => f.path)).toEqual(["index.html", "styles.css", "assets/hero.svg"]);
    expect(problems).toEqual([]);
  });

  it("writes a page with a semantic body, escaped text and title, inline SVG without node ids", () => {
    const html = file(emitHtml(doc, { nodeIds: false }).files, "index.html");
    expect(html).toContain("<title>Home &lt;Main&gt;</title>");
    expect(html).toContain('<link rel="stylesheet" href="styles.css" />');
    expect(html).toContain(
      [
        '    <main class="home-main">',
        // No text stands out as a heading: the page's name is its h1, out of sight (outline.ts).
        '      <h1 class="home-main-title">Home &lt;Main&gt;</h1>',
        '      <img class="hero" src="assets/hero.svg" alt="Hero" />',
        '      <p class="intro">&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>',
        '      <svg class="vector" viewBox="0 0 24 24" fill="none" overflow="visible" aria-hidden="true">',
        '        <path d="M0 0Z" fill="#000000" fill-rule="evenodd" />',
        "      </svg>",
        "    </main>",
      ].join("\n"),
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("data-node-id");
  });

  it("the stylesheet starts with the reset and holds one rule per styled element", () => {
    const css = file(emitHtml(doc, { nodeIds: false }).files, "styles.css");
    expect(css.startsWith("*,\n*::before,\n*::after {\n  box-sizing: border-box;\n}\n")).toBe(true);
    expect(css).toContain(
      ".home-main {\n" +
        "  position: relative;\n" +
        "  width: 100%;\n" +
        "  max-width: 375px;\n" +
        "  min-height: 667px;\n" +
        "  margin-inline: auto;\n" +
        "  display: flex;\n" +
        "  flex-direction: column;\n" +
        "  align-items: flex-start;\n" +
        "}\n",
    );
    expect(css).toContain(
      ".hero {\n  height: 200px;\n  flex-shrink: 0;\n  align-self: stretch;\n  object-fit: cover;\n}\n",
    );
    expect(css).not.toContain("background");
  });

  it("nodeIds: true puts data-node-id on elements and keeps it inside inline SVG", () => {
    const html = file(emitHtml(doc, { nodeIds: true }).files, "index.html");
    expect(html).toContain('<main class="home-main" data-node-id="1:1">');
    expect(html).toContain('<img class="hero" data-node-id="1:5" src="assets/hero.svg" alt="Hero" />');
    expect(html).toContain('<path data-node-id="2:2" d="M0 0Z"');
  });

  it("several frames get a page each and an index linking them", () => {
    const two: DesignDocument = {
      frames: [screen("1:1", "Home", [intro]), screen("2:1", "Settings & more", [])],
      assets: {},
    };
    const { files } = emitHtml(two, { nodeIds: false });
    expect(files.map((f) => f.path)).toEqual(["home.html", "settings-more.html", "index.html", "styles.css"]);
    const index = file(files, "index.html");
    expect(index).toContain(
      '      <li><a href="home.html">Home</a></li>\n' +
        '      <li><a href="settings-more.html">Settings &amp; more</a></li>',
    );
    expect(index).toContain("<title>Frames</title>");
  });
});

describe("htmlPagePaths", () => {
  it("one frame is index.html; several get unique kebab-case names, never index", () => {
    expect(htmlPagePaths(["Anything"])).toEqual(["index.html"]);
    expect(htmlPagePaths(["Log In", "log-in", "Index", ""])).toEqual([
      "log-in.html",
      "log-in2.html",
      "index2.html",
      "frame.html",
    ]);
  });
});

describe("HTML with node ids marks the React components (issue 51: layers make them Figma components)", () => {
  it("over-promo: each instance names its component as emitReact does; the page without ids is unchanged", () => {
    const doc = loadDesign(readFixture("../real/over-promo.nodes.json")).document;
    const marked = emitHtml(doc, { nodeIds: true }).files.find((f) => f.path === "index.html")!.content;
    const names = [...marked.matchAll(/data-figment-component="([^"]*)"/g)].map((m) => m[1]);
    // Measured: three PromoPageTitle cards (main has none: 0 marks).
    expect(names.filter((n) => n === "PromoPageTitle")).toHaveLength(3);
    const react = emitReact(doc, { nodeIds: true, styling: "css-modules" }).files.map((f) => f.path);
    for (const name of new Set(names))
      expect(
        react.some((p) => p.endsWith(`/${name}.tsx`)),
        name,
      ).toBe(true);
    const plain = emitHtml(doc, { nodeIds: false }).files.find((f) => f.path === "index.html")!.content;
    expect(plain).not.toContain("data-figment-component");
  });
});
