import { describe, expect, it } from "vitest";
import type { DesignDocument, DesignNode } from "../design/types.js";
import { generateCode } from "../index.js";
import { parseHint } from "../hint/parse.js";
import { modelHint } from "../hint/model.js";
import { typecheckReactProjects } from "../../test/compile.js";
import { emitFiles } from "./index.js";
import { tagsOnOneLine } from "../../test/helpers/html-tags.js";

const text = (id: string, chars: string, w: number): DesignNode => ({
  id,
  name: id,
  kind: "text",
  w,
  h: 24,
  sizeH: "hug",
  sizeV: "hug",
  text: {
    chars,
    style: { family: "Inter", size: 16, weight: 400, lineHeight: 24, color: "#222222" },
    resize: "width",
    alignH: "left",
    alignV: "top",
  },
});
const row = (
  id: string,
  children: DesignNode[],
  w: number,
  h: number,
  extra: Partial<DesignNode> = {},
): DesignNode => ({
  id,
  name: id,
  kind: "frame",
  w,
  h,
  sizeH: "hug",
  sizeV: "hug",
  layout: { dir: "row", gap: 32, padding: [0, 0, 0, 0], justify: "start", align: "center" },
  children,
  ...extra,
});

/**
 * A page drawn with auto layout: a bar (padding 80) with a logo, five links and a button; it needs 949 px as drawn,
 * less with its 80-px side padding giving way (layout/gutters.ts): its menu shows below 862.
 */
function design(): DesignDocument {
  const links = row(
    "10:1",
    ["About Us", "Bestsellers", "Bouquets", "Feedback", "Contacts"].map((c, i) =>
      text(`11:${i}`, c, [66, 79, 68, 69, 65][i]!),
    ),
    475,
    24,
    { name: "Links" },
  );
  const cta: DesignNode = {
    ...row("12:1", [text("12:2", "Explore", 126)], 166, 40, {
      name: "Cta",
      fills: [{ kind: "solid", color: "#c0f000" }],
    }),
    layout: { dir: "row", gap: 8, padding: [8, 20, 8, 20], justify: "center", align: "center" },
  };
  const logo: DesignNode = {
    id: "13:1",
    name: "Logo",
    kind: "rect",
    w: 84,
    h: 36,
    sizeH: "fixed",
    sizeV: "fixed",
    fills: [{ kind: "solid", color: "#333333" }],
  };
  const barRow = row(
    "14:1",
    [
      { ...row("15:1", [logo], 371, 36, { name: "Brand" }), sizeH: "fill" },
      links,
      { ...row("16:1", [cta], 371, 40, { name: "Actions" }), sizeH: "fill" },
    ],
    1280,
    40,
    { name: "Container", sizeH: "fill" },
  );
  const bar: DesignNode = {
    id: "17:1",
    name: "Top",
    kind: "frame",
    w: 1440,
    h: 72,
    sizeH: "fill",
    sizeV: "fixed",
    fills: [{ kind: "solid", color: "#ffffff" }],
    layout: { dir: "column", gap: 0, padding: [0, 80, 0, 80], justify: "center", align: "center" },
    children: [barRow],
  };
  const hero = text("18:1", "Welcome", 300);
  const frame: DesignNode = {
    id: "1:1",
    name: "Home",
    kind: "frame",
    w: 1440,
    h: 900,
    layout: { dir: "column", gap: 0, padding: [0, 0, 0, 0], justify: "start", align: "start" },
    children: [bar, hero],
  };
  return { frames: [frame], assets: {} };
}

const file = (files: { path: string; content: string }[], path: string): string =>
  files.find((f) => f.path === path)?.content ?? "";
/** The rules of a `@media (width < …px)` block. */
const media = (css: string, width: number): string => css.slice(css.indexOf(`@media (width < ${width}px)`));

describe("navigation menu: HTML", () => {
  const { files } = emitFiles(design(), { target: "html", styling: "css-modules", nodeIds: true });
  const html = tagsOnOneLine(file(files, "index.html"));
  const css = file(files, "styles.css");

  it("puts a menu button before the links, which go into a popover: no script", () => {
    expect(html).toMatch(/<nav class="container"/);
    expect(html).toMatch(
      /<button class="menu-button" type="button" aria-label="Menu" aria-controls="nav-menu" popovertarget="nav-menu">/,
    );
    expect(html).toMatch(/<div class="menu" id="nav-menu" popover="auto">\s*<div class="links" data-node-id="10:1">/);
    expect(html.indexOf("menu-button")).toBeLessThan(html.indexOf('id="nav-menu"'));
    // The links are links, the logo stays in the bar, before the button.
    expect(html).toMatch(/<a class="[^"]*" data-node-id="11:0" href="#">About Us<\/a>/);
    expect(html.indexOf('data-node-id="13:1"')).toBeLessThan(html.indexOf("menu-button"));
    expect(html).not.toMatch(/<script/);
  });

  it(
    "draws the bar as before at its width and wider; below " + "it the button, and the links in a panel under the bar",
    () => {
      // Wide: the panel is no box (its items are the row's own), the button not shown.
      expect(css).toMatch(/\.menu \{\s*display: contents;\s*\}/);
      expect(css).toMatch(/\.menu-button \{[^}]*display: none;/);
      const narrow = media(css, 862);
      expect(narrow).toMatch(/\.menu-button:not\(:popover-open\) \{\n\s*display: flex;/);
      expect(narrow).toMatch(/\.menu:not\(:popover-open\) \{\n\s*display: none;/);
      expect(narrow).toMatch(
        new RegExp(
          String.raw`\.menu:popover-open \{[^}]*flex-direction: column;[^}]*top: ` +
            String.raw`anchor\(--nav-menu bottom\);[^}]*background-color: #ffffff;`,
        ),
      );
      expect(narrow).toMatch(/\.top \{[^}]*anchor-name: --nav-menu;[^}]*padding-left: clamp\(16px, 5\.56vw, 80px\);/);
      expect(narrow).toMatch(/\.links \{[^}]*flex-direction: column;/);
    },
  );
});

describe("navigation menu: React", () => {
  it(
    "keeps the menu's state in the screen: the button says " + "whether it is open and what it opens; Escape closes it",
    () => {
      const { files } = emitFiles(design(), { target: "react", styling: "css-modules", nodeIds: false });
      const tsx = file(files, "src/screens/Home.tsx");
      expect(tsx).toMatch(/^import \{ useId, useRef, useState \} from "react";/);
      expect(tsx).toContain(
        "  const [menuOpen, setMenuOpen] = useState(false);\n" +
          "  const menuId = useId();\n" +
          "  const menuButton = useRef<HTMLButtonElement>(null);",
      );
      expect(tsx).toMatch(
        new RegExp(
          // The formatter's layout: attributes one a line when they do not fit on one.
          String.raw`<button\s+className=\{styles\.menuButton\}\s+type="button"\s+` +
            String.raw`aria-label="Menu"\s+aria-controls=\{menuId\}\s+ref=\{menuButton\}\s+` +
            String.raw`aria-expanded=\{menuOpen\}\s+onClick=\{\(\) => setMenuOpen\(!menuOpen\)\}\s+>`,
        ),
      );
      expect(tsx).toMatch(/<div className=\{menuOpen \? styles\.menuOpen : styles\.menu\} id=\{menuId\}>/);
      expect(tsx).toMatch(
        new RegExp(
          String.raw`\n( +)onKeyDown=\{\(event\) => \{\n\1  if \(event\.key === "Escape" && menuOpen\) \{\n` +
            String.raw`\1    setMenuOpen\(false\);\n\1    menuButton\.current\?\.focus\(\);\n\1  \}\n\1\}\}\n`,
        ),
      );
      const narrow = media(file(files, "src/screens/Home.module.css"), 862);
      expect(narrow).toMatch(/\.menu \{\n\s*display: none;/);
      expect(narrow).toMatch(/\.menuOpen \{[^}]*position: absolute;[^}]*top: 100%;/);
      expect(narrow).toMatch(/\.top \{[^}]*position: relative;/);
    },
  );

  it("in Tailwind: the panel's classes follow the state", () => {
    const { files } = emitFiles(design(), { target: "react", styling: "tailwind", nodeIds: false });
    const tsx = file(files, "src/screens/Home.tsx");
    const [open, closed] = [...tsx.matchAll(/menuOpen\s+\?\s+("[^"]*")\s+:\s+("[^"]*")/g)][0]!
      .slice(1)
      .map((s) => JSON.parse(s) as string);
    expect(closed).toBe("[display:contents] max-[862px]:hidden");
    expect(open).toMatch(
      /^\[display:contents\] max-\[862px\]:flex max-\[862px\]:flex-col .*max-\[862px\]:absolute max-\[862px\]:top-full/,
    );
    expect(tsx).toMatch(/className="relative hidden [^"]*max-\[862px\]:flex/);
  });

  it("type-checks, in both stylings", async () => {
    const sets = await Promise.all(
      (["css-modules", "tailwind"] as const).map(
        async (styling) => (await generateCode(design(), { target: "react", styling, nodeIds: true })).files,
      ),
    );
    expect(typecheckReactProjects(sets).errors).toEqual([[], []]);
  }, 120_000);
});

describe("navigation menu: the model hint", () => {
  it("carries the bar, so code from the hint is the offline code", () => {
    const doc = design();
    const parsed = parseHint(modelHint(doc)).document;
    expect(modelHint(doc)).toMatch(/ nav:862,1,3,1\b/);
    const fromHint = emitFiles(
      { ...parsed, assets: doc.assets },
      { target: "html", styling: "css-modules", nodeIds: true },
    );
    expect(fromHint.files).toEqual(emitFiles(doc, { target: "html", styling: "css-modules", nodeIds: true }).files);
  });
});

describe("navigation menu: a bar drawn as a component's instance (React)", () => {
  /** The bar as an instance of a Navbar component, drawn 1440 px wide: its component file has the menu. */
  function componentBar(): DesignDocument {
    const doc = design();
    const bar = doc.frames[0]!.children![0]!;
    Object.assign(bar, { kind: "instance", sizeH: "fixed", component: { id: "90:1", name: "Navbar" } });
    return doc;
  }

  it("in HTML the bar takes the screen's width below the menu's width, not its drawn 1440 px", () => {
    const { files } = emitFiles(componentBar(), { target: "html", styling: "css-modules", nodeIds: true });
    expect(media(file(files, "styles.css"), 995)).toMatch(
      /\.top \{[^}]*width: auto;[^}]*align-self: stretch;[^}]*max-width: 100%;[^}]*min-width: 0;/,
    );
  });

  it("where the screen places the instance, it takes the screen's width below the menu's width, as in HTML", () => {
    const { files } = emitFiles(componentBar(), { target: "react", styling: "css-modules", nodeIds: true });
    // The component draws the menu; the screen says where the bar sits, and how wide.
    expect(file(files, "src/components/Navbar.tsx")).toContain("aria-expanded={menuOpen}");
    expect(file(files, "src/screens/Home.tsx")).not.toContain("useState");
    const screen = file(files, "src/screens/Home.module.css");
    expect(screen).toMatch(/\.top \{[^}]*width: 1440px;/);
    expect(media(screen, 995)).toMatch(
      /\.top \{\n\s*width: auto;\n\s*align-self: stretch;\n\s*max-width: 100%;\n\s*min-width: 0;\n\s*\}/,
    );
  });

  it("in Tailwind, the same classes below the width", () => {
    const { files } = emitFiles(componentBar(), { target: "react", styling: "tailwind", nodeIds: true });
    expect(file(files, "src/screens/Home.tsx")).toMatch(
      new RegExp(
        String.raw`<Navbar\s+className="[^"]*max-\[995px\]:w-auto max-\[995px\]:self-stretch ` +
          String.raw`max-\[995px\]:max-w-full max-\[995px\]:min-w-0`,
      ),
    );
  });
});
