/**
 * The page as a whole (page.ts, issue 37): the root centred at its design width with its fill and clip on a page
 * layer around it, layers drawn across the frame reaching the viewport's edges on a wider screen (and nothing else
 * past the frame's sides), the root as long as its content below the design width — in CSS, CSS modules and
 * Tailwind (compiled by Tailwind v4's own compiler, as the preview and the score do).
 */
import { describe, expect, it } from "vitest";
import type { Asset, DesignDocument, DesignNode } from "../design/types.js";
import { flexOf } from "../design/layout-kind.js";
import { compileTailwind } from "../preview/tailwind-compile.js";
import { emitHtml } from "./html/emit.js";
import {
  bleedDecls,
  extension,
  fillItemBelow,
  isBackdrop,
  overhangClip,
  pageLayer,
  pageScope,
  rootBelow,
  type PageScope,
} from "./page.js";
import { rootDecls } from "./css.js";
import { emitReact } from "./react/emit.js";
import type { Decl } from "./css.js";

const scope: PageScope = { width: 1440, clips: true };
const text = (id: string, x: number, y: number): DesignNode => ({
  id,
  name: id,
  kind: "text",
  x,
  y,
  w: 400,
  h: 24,
  text: {
    chars: "Hello",
    style: { family: "Inter", size: 16, weight: 400 },
    resize: "height",
    alignH: "left",
    alignV: "top",
  },
});
const band = (over: Partial<DesignNode> = {}): DesignNode => ({
  id: "2:1",
  name: "Band",
  kind: "rect",
  x: 0,
  y: 0,
  w: 1440,
  h: 300,
  absolute: true,
  constraintH: "left-right",
  fills: [{ kind: "solid", color: "#c53678" }],
  ...over,
});
const root = (children: DesignNode[], over: Partial<DesignNode> = {}): DesignNode => ({
  id: "1:1",
  name: "Home",
  kind: "frame",
  w: 1440,
  h: 3000,
  clip: true,
  fills: [{ kind: "solid", color: "#0b1328" }],
  layout: {
    dir: "column",
    gap: 0,
    padding: [0, 0, 0, 0],
    justify: "start",
    align: "start",
    inferred: { within: 1440 },
  },
  children,
  ...over,
});
const svgAsset = (svg: string): Asset => ({ kind: "svg", name: "vector.svg", svg });
const value = (decls: Decl[], property: string): string | undefined => decls.find(([p]) => p === property)?.[1];

describe("the page layer around a screen's root", () => {
  const decls: Decl[] = [
    ["position", "relative"],
    ["background-color", "#0b1328"],
    ["overflow", "hidden"],
  ];

  it("takes the root's fill, and its clip when a layer across the screen reaches past the root", () => {
    expect(pageLayer(root([band()]), decls, {})).toEqual({
      page: [
        ["background-color", "#0b1328"],
        ["overflow", "hidden"],
      ],
      root: [["position", "relative"]],
      clip: true,
    });
    // Nothing reaches past it: the root keeps its clip (decorations drawn past its sides stay cut there).
    expect(pageLayer(root([text("3:1", 72, 40)]), decls, {})).toEqual({
      page: [["background-color", "#0b1328"]],
      root: [
        ["position", "relative"],
        ["overflow", "hidden"],
      ],
      clip: false,
    });
  });

  it(
    "is not made for a frame narrower than a phone, a rounded " + "or see-through root, or a box that scales as a unit",
    () => {
      expect(pageLayer(root([band({ w: 200 })], { w: 200 }), decls, {})).toBeUndefined();
      expect(pageLayer(root([band()], { radius: 12 }), decls, {})).toBeUndefined();
      expect(pageLayer(root([band()], { opacity: 0.5 }), decls, {})).toBeUndefined();
      expect(pageLayer(root([band()], { scaled: true }), decls, {})).toBeUndefined();
      expect(pageScope(root([band()], { radius: 12 }), false)).toBeUndefined();
      expect(pageScope(root([band()]), true)).toEqual(scope);
    },
  );
});

describe("layers across the screen", () => {
  const abs: Decl[] = [
    ["position", "absolute"],
    ["left", "0"],
    ["right", "0"],
    ["top", "0"],
    ["height", "300px"],
  ];

  it(
    "a colour or an opaque gradient paints on past the root's sides: a " +
      "border-image over its own background, nothing at the design width",
    () => {
      const out = bleedDecls(band(), [...abs, ["background-color", "var(--brand)"]], scope, "div", undefined);
      expect(value(out, "border-image")).toBe(
        "linear-gradient(var(--brand), var(--brand)) 0 fill / 0 / 0 max(0px, 50vw - 720px)",
      );
      expect(value(out, "background-color")).toBe("var(--brand)");
      const gradient = "linear-gradient(90deg, #ffedbc 0%, #ed4264 100%)";
      expect(
        value(
          bleedDecls(
            band({ fills: [{ kind: "gradient", css: gradient }] }),
            [["background", gradient]],
            scope,
            "div",
            undefined,
          ),
          "border-image",
        ),
      ).toBe(`${gradient} 0 fill / 0 / 0 max(0px, 50vw - 720px)`);
    },
  );

  it("an image with nothing on it, positioned across the frame, is widened to the viewport's edges", () => {
    const image = band({ fills: [{ kind: "image", asset: "hero.png", fit: "cover" }] });
    const out = bleedDecls(image, [...abs, ["width", "calc(100% - 0px - 0px)"]], scope, "img", undefined);
    expect(value(out, "left")).toBe("min(0px, 720px - 50vw)");
    expect(value(out, "right")).toBe("min(0px, 720px - 50vw)");
    expect(value(out, "width")).toBe("calc(100% - min(0px, 720px - 50vw) - min(0px, 720px - 50vw))");
    // In a box that scales as a unit: as wide as it, in percentages.
    const scaled = bleedDecls(
      image,
      [
        ["position", "absolute"],
        ["left", "0%"],
        ["width", "100%"],
        ["top", "0%"],
        ["height", "100%"],
      ],
      scope,
      "img",
      undefined,
    );
    expect([value(scaled, "left"), value(scaled, "width")]).toEqual([
      "min(0px, 720px - 50vw)",
      "calc(100% - 2 * min(0px, 720px - 50vw))",
    ]);
    // Not where nothing clips at the viewport's sides: it would scroll sideways.
    expect(bleedDecls(image, abs, { ...scope, clips: false }, "img", undefined)).toEqual(abs);
  });

  it("a vector only when it is one rectangle of one colour over its whole box", () => {
    const rect = svgAsset('<svg viewBox="0 0 1440 300"><rect width="1440" height="300" fill="#ff5841" /></svg>');
    expect(value(bleedDecls(band({ asset: "v" }), abs, scope, "svg", rect), "border-image")).toBe(
      "linear-gradient(#ff5841, #ff5841) 0 fill / 0 / 0 max(0px, 50vw - 720px)",
    );
    const wave = svgAsset(
      '<svg viewBox="0 0 1440 300"><path d="M0 0H1440V260C900 320 400 200 0 300Z" fill="#ff5841" /></svg>',
    );
    expect(extension(band({ asset: "v" }), wave)).toBeUndefined();
  });

  it("nothing that a wider paint would change: translucent, blended, rounded, per-side borders, several fills", () => {
    expect(extension(band({ fills: [{ kind: "solid", color: "rgba(0, 0, 0, 0.25)" }] }), undefined)).toBeUndefined();
    expect(
      extension(
        band({ fills: [{ kind: "gradient", css: "linear-gradient(#fff 0%, rgba(255, 255, 255, 0) 100%)" }] }),
        undefined,
      ),
    ).toBeUndefined();
    expect(
      extension(band({ fills: [{ kind: "solid", color: "#ffffff", blend: "multiply" }] }), undefined),
    ).toBeUndefined();
    expect(extension(band({ radius: 19 }), undefined)).toBeUndefined();
    expect(
      extension(band({ stroke: { color: "#000", weight: [0, 0, 1, 0], align: "inside" } }), undefined),
    ).toBeUndefined();
    expect(
      extension(
        band({
          fills: [
            { kind: "solid", color: "#ffffff" },
            { kind: "solid", color: "#000000" },
          ],
        }),
        undefined,
      ),
    ).toBeUndefined();
    expect(extension(band({ stroke: { color: "#000", weight: 1, align: "inside" } }), undefined)).toBe("paint");
  });

  it(
    "a layer drawn past the frame's sides is cut there itself, as " +
      "the root cut it (the page layer now clips at the viewport)",
    () => {
      const outline = band({ x: -147, w: 1755.3, constraintH: "right", fills: [] });
      const decls: Decl[] = [
        ["position", "absolute"],
        ["right", "-168.3px"],
        ["width", "1755.3px"],
        ["top", "586px"],
        ["height", "387px"],
      ];
      expect(value(overhangClip(outline, decls, scope), "clip-path")).toBe("inset(0 168.3px 0 147px)");
      // Inside the frame, or where the root still clips: nothing to cut.
      expect(overhangClip(band({ x: 40, w: 200 }), decls, scope)).toEqual(decls);
      expect(overhangClip(outline, decls, { ...scope, clips: false })).toEqual(decls);
    },
  );
});

describe("the root's height below its design width", () => {
  it("a root whose children flow gives way to its content (at least the viewport, or the drawn height if less)", () => {
    expect(rootBelow(root([]))).toEqual([[1440, [["min-height", "min(3000px, 100vh)"]]]]);
    // Placed where drawn, its children need its drawn height; hugging or scaling, it has none to give up.
    expect(rootBelow(root([], { layout: undefined }))).toEqual([]);
    expect(rootBelow(root([], { sizeV: "hug" }))).toEqual([]);
    expect(rootBelow(root([], { scaled: true }))).toEqual([]);
  });

  it(
    "a backdrop (a dialog's dimmed page, its content centred " +
      "by its own auto layout) covers the viewport at every width",
    () => {
      // Flora's Order Modal: a 1440 × 913 frame painted 25 % black, its modal centred on it.
      const dialog = root([], {
        h: 913,
        clip: false,
        fills: [{ kind: "solid", color: "rgba(0, 0, 0, 0.25)" }],
        layout: { dir: "row", gap: 0, padding: [64, 0, 64, 0], justify: "center", align: "center" },
      });
      expect(isBackdrop(dialog)).toBe(true);
      expect(value(rootDecls(dialog), "min-height")).toBe("max(913px, 100vh)");
      expect(rootBelow(dialog)).toEqual([[1440, [["min-height", "100vh"]]]]);
      // An opaque page, a page whose content is not centred on it, or one laid out by inference is no backdrop.
      expect(isBackdrop({ ...dialog, fills: [{ kind: "solid", color: "#000000" }] })).toBe(false);
      expect(isBackdrop({ ...dialog, layout: { ...flexOf(dialog)!, justify: "start" } })).toBe(false);
      expect(isBackdrop(root([], { fills: [{ kind: "solid", color: "rgba(0, 0, 0, 0.25)" }] }))).toBe(false);
      expect(value(rootDecls(root([])), "min-height")).toBe("3000px");
    },
  );

  it("an item filling the root's height keeps its content's height", () => {
    const fill = { ...text("3:1", 0, 0), kind: "frame" as const, text: undefined, sizeV: "fill" as const };
    expect(fillItemBelow(fill, root([fill]))).toEqual([[1440, [["min-height", "auto"]]]]);
    expect(fillItemBelow({ ...fill, sizeV: "hug" }, root([fill]))).toEqual([]);
  });
});

/**
 * A 1440 page: a dark root with a full-width band, a heading on it, a paragraph below, an outline drawn past both
 * sides.
 */
function page(): DesignDocument {
  const heading = text("3:1", 120, 100);
  const stack: DesignNode = {
    id: "",
    name: "Stack",
    kind: "group",
    inferred: true,
    x: 0,
    y: 0,
    w: 1440,
    h: 300,
    minH: 300,
    sizeH: "fill",
    sizeV: "hug",
    layout: {
      dir: "column",
      gap: 0,
      padding: [100, 0, 0, 120],
      justify: "start",
      align: "start",
      inferred: { within: 1440 },
    },
    children: [{ ...band(), constraintV: "top-bottom" }, heading],
  };
  const outline: DesignNode = {
    id: "4:1",
    name: "Outline",
    kind: "rect",
    x: -100,
    y: 400,
    w: 1640,
    h: 200,
    absolute: true,
    constraintH: "left",
    stroke: { color: "#b9b9b9", weight: 1, align: "inside" },
    radius: 4,
  };
  return { frames: [root([outline, stack, { ...text("3:2", 120, 500), flow: { before: 200 } }])], assets: {} };
}

describe("a page in each target", () => {
  it("HTML: the page layer first, the root centred with its drawn height from the design width up", () => {
    const files = emitHtml(page(), { nodeIds: true }).files;
    const html = files.find((f) => f.path === "index.html")!.content;
    expect(html).toContain('<div class="home-page">\n      <main class="home" data-node-id="1:1">');
    const css = files.find((f) => f.path === "styles.css")!.content;
    expect(css).toContain(".home-page {\n  background-color: #0b1328;\n  overflow: hidden;\n}\n");
    expect(css).toMatch(
      new RegExp(
        String.raw`\.home \{\n {2}position: relative;\n {2}width: 100%;\n {2}max-width: ` +
          String.raw`1440px;\n {2}min-height: 3000px;\n {2}margin-inline: auto;\n(?![^}]*overflow)`,
      ),
    );
    expect(css).toContain("border-image: linear-gradient(#c53678, #c53678) 0 fill / 0 / 0 max(0px, 50vw - 720px);");
    expect(css).toContain("clip-path: inset(0 100px 0 100px);");
    expect(css).toContain("@media (width < 1440px) {\n  .home {\n    min-height: min(3000px, 100vh);\n  }\n");
  });

  it("Tailwind: classes its compiler understands", async () => {
    const files = emitReact(page(), { styling: "tailwind", nodeIds: false }).files;
    const tsx = files.find((f) => f.path === "src/screens/Home.tsx")!.content;
    expect(tsx).toContain('<div className="bg-[#0b1328] overflow-hidden">');
    for (const cls of [
      "mx-auto",
      "max-[1440px]:min-h-[min(3000px,100vh)]",
      "[border-image:linear-gradient(#c53678,#c53678)_0_fill_/_0_/_0_max(0px,50vw_-_720px)]",
      "[clip-path:inset(0_100px_0_100px)]",
    ])
      expect(tsx).toContain(cls);
    const css = (await compileTailwind(files))!.stylesheets[0]!.css.replace(/\s+/g, " ");
    expect(css).toContain("margin-inline: auto");
    expect(css).toContain("border-image: linear-gradient(#c53678,#c53678) 0 fill / 0 / 0 max(0px, 50vw - 720px);");
    expect(css).toContain("clip-path: inset(0 100px 0 100px);");
    expect(css).toMatch(
      /@media \(width < 1440px\) \{ \.max-\\\[1440px\\\]\\:min-h-\S+ \{ min-height: min\(3000px, 100vh\); \}/,
    );
  });

  it("CSS modules: the same rules", () => {
    const files = emitReact(page(), { styling: "css-modules", nodeIds: false }).files;
    expect(files.find((f) => f.path === "src/screens/Home.tsx")!.content).toContain(
      "<div className={styles.homePage}>\n      <main className={styles.home}>",
    );
    const css = files.find((f) => f.path === "src/screens/Home.module.css")!.content;
    expect(css).toContain(".homePage {\n  background-color: #0b1328;\n  overflow: hidden;\n}\n");
    expect(css).toContain("@media (width < 1440px) {\n  .home {\n    min-height: min(3000px, 100vh);\n  }\n");
  });
});
