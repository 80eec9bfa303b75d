import { describe, expect, it } from "vitest";
import type { DesignDocument, DesignNode } from "../../design/types";
import { emitReact } from "./emit";
import { emitFiles } from "../index";
import { emitHtml } from "../html/emit";
import { loadDesign } from "../../load";
import { formatFiles } from "../../format/index";
import type { SourceFile } from "../../types";
import { EVAL_FILES, readFixture } from "../../../test/helpers/fixtures";

function instance(id: string, label: string, iconHidden = false): DesignNode {
  // Figma's ids of an instance's layers: `I<instance id>;<layer id in the component>`, chained for a nested instance.
  const inside = id.startsWith("I") ? id : `I${id}`;
  return {
    id,
    name: "Button",
    kind: "instance",
    w: 120,
    h: 40,
    sizeH: "fixed",
    sizeV: "fixed",
    fills: [{ kind: "solid", color: "#0000ff" }],
    component: { id: "5:1", name: "Button/Primary" },
    children: [
      {
        id: `${inside};5:2`,
        name: "Label",
        kind: "text",
        x: 10,
        y: 10,
        w: 80,
        h: 20,
        text: {
          chars: label,
          style: { family: "Inter", size: 14, weight: 600 },
          resize: "none",
          alignH: "center",
          alignV: "top",
        },
      },
      {
        id: `${inside};5:3`,
        name: "Icon",
        kind: "rect",
        x: 96,
        y: 12,
        w: 16,
        h: 16,
        fills: [{ kind: "solid", color: "#ffffff" }],
        ...(iconHidden ? { hidden: true } : {}),
      },
    ],
  };
}

const doc: DesignDocument = {
  frames: [
    {
      id: "1:1",
      name: "Home Screen",
      kind: "frame",
      w: 375,
      h: 667,
      clip: true,
      layout: { dir: "column", gap: 8, padding: [16, 16, 16, 16], justify: "start", align: "start" },
      children: [
        instance("10:1", "Save"),
        instance("10:2", "Cancel", true),
        {
          id: "1:5",
          name: "Hero",
          kind: "rect",
          w: 343,
          h: 200,
          sizeH: "fill",
          sizeV: "fixed",
          fills: [{ kind: "image", asset: "hero.png", fit: "cover" }],
        },
        {
          id: "1:6",
          name: "Intro",
          kind: "text",
          w: 343,
          h: 20,
          sizeH: "fill",
          sizeV: "hug",
          text: {
            chars: "<script>alert({x})</script>",
            style: { family: "Inter", size: 14, weight: 400 },
            resize: "height",
            alignH: "left",
            alignV: "top",
          },
        },
      ],
    },
  ],
  assets: { "hero.png": { kind: "image", name: "hero.png", imageRef: "abc" } },
};

/** The nodeIds output without what nodeIds adds: `data-node-id` attributes and the components' id prop and helper. */
/** The files as the format pass writes them (the emitters print some already formatted, others not), edited first. */
async function formatted(files: SourceFile[], edit: (content: string) => string = (c) => c): Promise<SourceFile[]> {
  return (
    await formatFiles(
      files.map((f) => (f.bytes ? f : { ...f, content: edit(f.content) })),
      "emitters",
    )
  ).files;
}

function withoutIds(content: string): string {
  return content
    .replace(/\s+data-node-id=(?:"[^"]*"|\{[^}]*\})/g, "")
    .replace(/\n {2}"data-node-id"\?: string;/g, "")
    .replace(/,\s+"data-node-id": nodeId = "[^"]*"/g, "")
    .replace(/\n {2}const layerId = .*;(?=\n)/g, "");
}

/** Every layer id under `node`, itself included. */
function layerIds(node: DesignNode): string[] {
  return [node.id, ...(node.children ?? []).flatMap(layerIds)].sort();
}

/**
 * The ids the elements of a screen get once rendered, followed through its components as the browser would: a
 * component's `data-node-id` prop is the id its use passes (literal, or its file's `layerId("…")` of its own id).
 */
function renderedIds(files: { path: string; content: string }[], screen: string): string[] {
  const out: string[] = [];
  const layerId = (nodeId: string, key: string): string => `I${nodeId.replace(/^I/, "")};${key}`;
  const visit = (path: string, nodeId: string | undefined): void => {
    const content = file(files, path);
    for (const m of content.matchAll(/<(\w+)[^>]*? data-node-id=(?:"([^"]*)"|\{nodeId\}|\{layerId\("([^"]*)"\)\})/g)) {
      const id = m[2] ?? (m[3] !== undefined ? layerId(nodeId!, m[3]) : nodeId!);
      if (/^[A-Z]/.test(m[1]!)) visit(`src/components/${m[1]}.tsx`, id);
      else out.push(id);
    }
  };
  visit(screen, undefined);
  return out.sort();
}

const file = (files: { path: string; content: string }[], path: string): string => {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path} in ${files.map((f) => f.path).join(", ")}`);
  return found.content;
};

describe("emitReact with CSS modules", () => {
  const { files, problems } = emitReact(doc, { styling: "css-modules", nodeIds: false });

  it("lays out screens, components, assets, index and typings", () => {
    expect(files.map((f) => f.path)).toEqual([
      "src/screens/HomeScreen.tsx",
      "src/screens/HomeScreen.module.css",
      "src/components/Button.tsx",
      "src/components/Button.module.css",
      "src/assets/hero.svg",
      "src/fonts.ts",
      "src/fonts.css",
      "src/index.ts",
      "src/global.css",
      "src/global.d.ts",
    ]);
    // The one note: which Fontsource packages src/fonts.ts imports (the project scaffold lists them itself).
    expect(problems).toEqual([
      { severity: "info", code: "font-packages", message: expect.stringContaining("npm install @fontsource/") },
    ]);
  });

  it("writes the screen with imports, component uses, the image and escaped text", () => {
    expect(file(files, "src/screens/HomeScreen.tsx")).toBe(
      [
        'import { Button } from "../components/Button";',
        'import heroSrc from "../assets/hero.svg";',
        'import styles from "./HomeScreen.module.css";',
        "",
        "export function HomeScreen() {",
        "  return (",
        "    <main className={styles.homeScreen}>",
        // No text stands out as a heading: the page's name is its h1, out of sight (outline.ts).
        "      <h1 className={styles.homeScreenTitle}>Home Screen</h1>",
        "      <Button className={styles.button} />",
        '      <Button className={styles.button2} label="Cancel" showIcon={false} />',
        '      <img className={styles.hero} src={heroSrc} alt="Hero" />',
        '      <p className={styles.intro}>{"<script>alert({x})</script>"}</p>',
        "    </main>",
        "  );",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("gives the screen root a fluid width and the instances their placement", () => {
    const css = file(files, "src/screens/HomeScreen.module.css");
    expect(css).toContain(
      ".homeScreen {\n" +
        "  position: relative;\n" +
        "  width: 100%;\n" +
        "  max-width: 375px;\n" +
        "  min-height: 667px;\n" +
        "  margin-inline: auto;\n" +
        "  display: flex;\n" +
        "  flex-direction: column;\n" +
        "  align-items: flex-start;\n" +
        "  gap: 8px;\n" +
        "  padding: 16px;\n" +
        "  overflow: hidden;\n" +
        "}\n",
    );
    expect(css).toContain(
      ".button2 {\n  position: relative;\n  height: 40px;\n  flex-shrink: 0;\n  width: 120px;\n  max-width: 100%;\n}\n",
    );
  });

  it("writes the component with typed text and visibility props", () => {
    const tsx = file(files, "src/components/Button.tsx");
    expect(tsx).toContain('import styles from "./Button.module.css";');
    expect(tsx).toContain(
      "export interface ButtonProps {\n  className?: string;\n  label?: string;\n  showIcon?: boolean;\n}\n",
    );
    expect(tsx).toContain('export function Button({ className, label = "Save", showIcon = true }: ButtonProps) {');
    expect(tsx).toContain('<button className={[styles.button, className].filter(Boolean).join(" ")} type="button">');
    expect(tsx).toContain("<span className={styles.label}>{label}</span>");
    // Short enough for one line: the formatter's `{showIcon && <div … />}`.
    expect(tsx).toContain("{showIcon && <div className={styles.icon} />}");
    expect(tsx).not.toContain("../components");
  });

  it("exports everything from src/index.ts and declares asset modules", () => {
    expect(file(files, "src/index.ts")).toBe(
      'import "./fonts";\n' +
        'import "./global.css";\n' +
        'export { HomeScreen } from "./screens/HomeScreen";\n' +
        'export { Button } from "./components/Button";\n',
    );
    const dts = file(files, "src/global.d.ts");
    expect(dts).toContain('declare module "*.module.css" {');
    expect(dts).toContain('declare module "*.svg" {');
    expect(file(files, "src/assets/hero.svg")).toMatch(/^<svg /);
  });

  it("puts no data-node-id anywhere without nodeIds", () => {
    for (const f of files) expect(f.content).not.toContain("data-node-id");
  });
});

describe("emitReact options", () => {
  it("nodeIds: true marks the elements that draw layers; each instance of a component carries its own ids", () => {
    const { files } = emitReact(doc, { styling: "css-modules", nodeIds: true });
    const screen = file(files, "src/screens/HomeScreen.tsx");
    expect(screen).toContain('<main className={styles.homeScreen} data-node-id="1:1">');
    expect(screen).toContain('<img className={styles.hero} data-node-id="1:5" src={heroSrc} alt="Hero" />');
    // The instance's id is the component's prop: the second Button (a hidden icon, another label) is not the first.
    expect(screen).toContain('<Button className={styles.button} data-node-id="10:1" />');
    expect(screen).toContain(
      '<Button className={styles.button2} data-node-id="10:2" label="Cancel" showIcon={false} />',
    );
    const button = file(files, "src/components/Button.tsx");
    expect(button).toContain(
      "export interface ButtonProps {\n" +
        "  className?: string;\n" +
        '  "data-node-id"?: string;\n' +
        "  label?: string;\n" +
        "  showIcon?: boolean;\n" +
        "}\n",
    );
    expect(button).toContain(
      "export function Button({\n" +
        "  className,\n" +
        '  "data-node-id": nodeId = "10:1",\n' +
        '  label = "Save",\n' +
        "  showIcon = true,\n" +
        "}: ButtonProps) {\n",
    );
    // Figma's ids of an instance's layers: `I<instance id>;<the layer's id in the component>`.
    expect(button).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: expected source text with a template
      '  const layerId = (key: string): string => `I${nodeId.replace(/^I/, "")};${key}`;\n  return (\n',
    );
    // As the formatter lays them out: too long for one line, the attributes one a line.
    expect(button).toContain(
      "    <button\n" +
        '      className={[styles.button, className].filter(Boolean).join(" ")}\n' +
        "      data-node-id={nodeId}\n" +
        '      type="button"\n' +
        "    >\n",
    );
    expect(button).toContain(
      '      <span className={styles.label} data-node-id={layerId("5:2")}>\n        {label}\n      </span>\n',
    );
    expect(button).toContain('{showIcon && <div className={styles.icon} data-node-id={layerId("5:3")} />}');
    expect(button).not.toMatch(/data-node-id="/);
  });

  it("nodeIds: a nested instance gets its id from its instance's, so its layers' ids chain as Figma's do", () => {
    const card = (id: string, title: string): DesignNode => ({
      id,
      name: "Card",
      kind: "instance",
      w: 200,
      h: 100,
      component: { id: "7:1", name: "Card" },
      layout: { dir: "column", gap: 8, padding: [8, 8, 8, 8], justify: "start", align: "start" },
      children: [
        {
          id: `I${id};7:2`,
          name: "Title",
          kind: "text",
          w: 100,
          h: 20,
          sizeH: "hug",
          sizeV: "hug",
          text: {
            chars: title,
            style: { family: "Inter", size: 14, weight: 600 },
            resize: "width",
            alignH: "left",
            alignV: "top",
          },
        },
        { ...instance(`I${id};7:3`, "Go"), sizeH: "fixed", sizeV: "fixed" },
      ],
    });
    const cards: DesignDocument = {
      frames: [
        {
          id: "1:1",
          name: "List",
          kind: "frame",
          w: 400,
          h: 300,
          layout: { dir: "column", gap: 8, padding: [0, 0, 0, 0], justify: "start", align: "start" },
          children: [card("20:1", "One"), card("20:2", "Two")],
        },
      ],
      assets: {},
    };
    const { files } = emitReact(cards, { styling: "css-modules", nodeIds: true });
    expect(file(files, "src/screens/List.tsx")).toContain('<Card className={styles.card} data-node-id="20:1" />');
    expect(file(files, "src/screens/List.tsx")).toContain(
      '<Card className={styles.card2} data-node-id="20:2" title="Two" />',
    );
    const cardFile = file(files, "src/components/Card.tsx");
    expect(cardFile).toContain('<Button className={styles.button} data-node-id={layerId("7:3")} />');
    expect(file(files, "src/components/Button.tsx")).toContain('"data-node-id": nodeId = "I20:1;7:3"');
    // What the files give each layer, followed as the browser would: the design's own ids, each once.
    expect(renderedIds(files, "src/screens/List.tsx")).toEqual(layerIds(cards.frames[0]!));
  });

  it("nodeIds: the component's props keep clear of its locals (nodeId, layerId)", () => {
    const named = (id: string, chars: string): DesignNode => ({
      ...instance(id, chars),
      children: [{ ...instance(id, chars).children![0]!, name: "Node Id" }],
    });
    const { files } = emitReact(
      { ...doc, frames: [{ ...doc.frames[0]!, children: [named("10:1", "A"), named("10:2", "B")] }] },
      { styling: "css-modules", nodeIds: true },
    );
    expect(file(files, "src/components/Button.tsx")).toContain('"data-node-id": nodeId = "10:1", nodeId2 = "A"');
    const { files: plain } = emitReact(
      { ...doc, frames: [{ ...doc.frames[0]!, children: [named("10:1", "A"), named("10:2", "B")] }] },
      { styling: "css-modules", nodeIds: false },
    );
    expect(file(plain, "src/components/Button.tsx")).toContain('nodeId = "A"');
  });

  it("without nodeIds the output is the nodeIds output without its ids, byte for byte once formatted", async () => {
    for (const styling of ["css-modules", "tailwind"] as const) {
      const plain = await formatted(emitReact(doc, { styling, nodeIds: false }).files);
      const ids = await formatted(emitReact(doc, { styling, nodeIds: true }).files, withoutIds);
      expect(plain.map((f) => f.path)).toEqual(ids.map((f) => f.path));
      for (const [i, f] of plain.entries()) expect(f.content).toBe(ids[i]!.content);
    }
  });

  it(
    "without nodeIds, every fixture frame's output is its nodeIds " +
      "output without the ids (components, nested ones, SVGs), once formatted",
    async () => {
      let components = 0;
      for (const name of EVAL_FILES) {
        const design = loadDesign(readFixture(name)).document;
        for (const frame of design.frames) {
          const one = { ...design, frames: [frame] };
          const plain = await formatted(
            emitFiles(one, { target: "react", styling: "css-modules", nodeIds: false }).files,
          );
          const ids = emitFiles(one, { target: "react", styling: "css-modules", nodeIds: true }).files;
          const idsFormatted = await formatted(ids, withoutIds);
          expect(plain.map((f) => f.path)).toEqual(ids.map((f) => f.path));
          for (const [i, f] of plain.entries())
            expect(f.content, `${name} ${frame.id} ${f.path}`).toBe(idsFormatted[i]!.content);
          components += ids.filter((f) => f.path.startsWith("src/components/") && f.path.endsWith(".tsx")).length;
        }
      }
      expect(components).toBeGreaterThan(50);
    },
  );

  it("tailwind: classes inline, no CSS files, no global.css import", () => {
    const { files } = emitReact(doc, { styling: "tailwind", nodeIds: false });
    expect(files.map((f) => f.path)).toEqual([
      "src/screens/HomeScreen.tsx",
      "src/components/Button.tsx",
      "src/assets/hero.svg",
      "src/fonts.ts",
      "src/fonts.css",
      "src/index.ts",
      "src/global.d.ts",
    ]);
    expect(file(files, "src/index.ts")).toBe(
      'import "./fonts";\n' +
        'export { HomeScreen } from "./screens/HomeScreen";\n' +
        'export { Button } from "./components/Button";\n',
    );
    const screen = file(files, "src/screens/HomeScreen.tsx");
    expect(screen).toContain(
      '<main className="relative w-full max-w-[375px] min-h-[667px] mx-auto flex flex-col ' +
        'items-start gap-2 p-4 overflow-hidden max-[375px]:min-h-[min(667px,100vh)]">',
    );
    expect(screen).toContain(
      '<Button className="relative h-10 shrink-0 w-30 max-w-full" label="Cancel" showIcon={false} />',
    );
    expect(screen).not.toContain("styles.");
  });

  it(
    "tailwind: states what Tailwind's preflight would change, " +
      "writes what the CSS cascade keeps, and URLs from src/",
    () => {
      const page: DesignDocument = {
        frames: [
          {
            id: "2:1",
            name: "Page",
            kind: "frame",
            w: 375,
            h: 667,
            layout: { dir: "column", gap: 8, padding: [16, 16, 16, 16], justify: "start", align: "start" },
            children: [
              // Figma's auto line height: the browser's `normal`, which preflight's 1.5 would replace.
              {
                id: "2:2",
                name: "Title",
                kind: "text",
                w: 343,
                h: 20,
                sizeH: "fill",
                sizeV: "hug",
                text: {
                  chars: "Hello",
                  style: { family: "Inter", size: 14, weight: 400 },
                  resize: "height",
                  alignH: "left",
                  alignV: "top",
                },
              },
              {
                id: "2:4",
                name: "Card",
                kind: "frame",
                w: 343,
                h: 100,
                sizeH: "fill",
                sizeV: "fixed",
                fills: [{ kind: "image", asset: "hero.png", fit: "cover" }],
                children: [
                  // Wider than the card, as drawn: preflight would cap it at the card's width.
                  {
                    id: "2:3",
                    name: "Photo",
                    kind: "rect",
                    x: -60,
                    y: 40,
                    w: 500,
                    h: 50,
                    fills: [{ kind: "image", asset: "hero.png", fit: "cover" }],
                  },
                  {
                    id: "2:5",
                    name: "Caption",
                    kind: "text",
                    x: 8,
                    y: 8,
                    w: 100,
                    h: 20,
                    text: {
                      chars: "Caption",
                      style: { family: "Inter", size: 14, weight: 400, lineHeight: 20 },
                      resize: "width",
                      alignH: "left",
                      alignV: "top",
                    },
                  },
                ],
              },
              {
                id: "2:6",
                name: "Join Button",
                kind: "frame",
                w: 120,
                h: 40,
                sizeH: "fixed",
                sizeV: "fixed",
                layout: { dir: "row", gap: 8, padding: [8, 4, 8, 4], justify: "center", align: "center" },
                stroke: { weight: [0, 0, 2, 0], color: "#f8d900", align: "inside" },
                children: [
                  {
                    id: "2:7",
                    name: "Label",
                    kind: "text",
                    w: 60,
                    h: 20,
                    text: {
                      chars: "Join",
                      style: { family: "Inter", size: 14, weight: 700, lineHeight: 20 },
                      resize: "width",
                      alignH: "center",
                      alignV: "top",
                    },
                  },
                ],
              },
            ],
          },
        ],
        assets: { "hero.png": { kind: "image", name: "hero.png", imageRef: "abc" } },
      };
      const tailwind = file(emitReact(page, { styling: "tailwind", nodeIds: false }).files, "src/screens/Page.tsx");
      const classesOf = (tag: string): string[] =>
        (new RegExp(`<${tag}\\s+className="([^"]*)"`).exec(tailwind)?.[1] ?? "").split(" ");
      // The page's one heading, its h1 (outline.ts).
      expect(classesOf("h1")).toContain("leading-[normal]");
      // A line height of its own is kept as it is.
      expect(classesOf("p")).not.toContain("leading-[normal]");
      expect(classesOf("img")).toContain("max-w-none");
      // Compiled into src/tailwind.css, a class's URL is relative to src/ (a CSS module's to its own folder).
      expect(tailwind).toContain("[background:url(./assets/hero.svg)_center_/_cover_no-repeat]");
      // The button's reset `border: none` comes after its stroke's border: in CSS it wins; in Tailwind, whose classes
      // apply in its own order, only what wins is written.
      expect(classesOf("button")).toContain("border-none");
      expect(classesOf("button").filter((c) => /^border-(?!none)|^\[border/.test(c))).toEqual([]);
      const modules = emitReact(page, { styling: "css-modules", nodeIds: false }).files;
      const css = file(modules, "src/screens/Page.module.css");
      expect(css).toContain("background: url(../assets/hero.svg) center / cover no-repeat;");
      // Its stroke per side is drawn by its ::after, which the reset leaves alone (codegen/emit/css.ts
      // strokeOverlayDecls).
      expect(css).toMatch(/border: none;[\s\S]*::after \{[^}]*border-width: 0 0 2px 0;/);
      expect(classesOf("button")).toEqual(
        expect.arrayContaining([
          "relative",
          "after:absolute",
          "after:inset-0",
          "after:border-b-2",
          "after:[border-color:#f8d900]",
        ]),
      );
      expect(css).not.toMatch(/line-height: normal|max-width: none/);
    },
  );

  it("screen names are PascalCase and unique", () => {
    const frame = (id: string, name: string): DesignNode => ({ id, name, kind: "frame", w: 10, h: 10 });
    const { files } = emitReact(
      { frames: [frame("1:1", "log in"), frame("1:2", "Log-In"), frame("1:3", ""), frame("1:4", "index")], assets: {} },
      { styling: "css-modules", nodeIds: false },
    );
    expect(files.filter((f) => f.path.endsWith(".tsx")).map((f) => f.path)).toEqual([
      "src/screens/LogIn.tsx",
      "src/screens/LogIn2.tsx",
      "src/screens/Screen.tsx",
      "src/screens/Index2.tsx",
    ]);
  });
});

describe("emitReact: an instance a component draws looks as the HTML draws it", () => {
  /** The rule of `cls` in a stylesheet (outside @media), as its declarations. */
  const rule = (css: string, cls: string): string[] => {
    const m = new RegExp(`^\\.${cls} \\{\\n([^}]*)\\}`, "m").exec(css);
    if (!m) throw new Error(`no .${cls} in\n${css}`);
    return m[1]!
      .trim()
      .split("\n")
      .map((l) => l.trim());
  };
  const column = (children: DesignNode[], extra: Partial<DesignNode> = {}): DesignDocument => ({
    frames: [
      {
        id: "1:1",
        name: "Home",
        kind: "frame",
        w: 375,
        h: 600,
        layout: {
          dir: "column",
          gap: 8,
          padding: [16, 16, 16, 16],
          justify: "start",
          align: "start",
          inferred: { within: 375 },
        },
        children,
        ...extra,
      },
    ],
    assets: {},
  });
  const fixed = (node: DesignNode, extra: Partial<DesignNode> = {}): DesignNode => ({
    ...node,
    sizeH: "fixed",
    sizeV: "fixed",
    ...extra,
  });

  it(
    "its place in an inferred flow (margins, alignment) and " +
      "the height it grows from below a width are its placement's",
    () => {
      const design = column([
        fixed(instance("10:1", "Save"), { flow: { before: 13, self: "center" }, growBelow: 600 }),
        fixed(instance("10:2", "Cancel")),
      ]);
      const { files } = emitReact(design, { styling: "css-modules", nodeIds: false });
      const screen = file(files, "src/screens/Home.module.css");
      expect(rule(screen, "button")).toEqual(
        expect.arrayContaining(["height: 40px;", "margin-top: 13px;", "align-self: center;"]),
      );
      expect(screen).toContain(
        "@media (width < 600px) {\n  .button {\n    height: auto;\n    min-height: 40px;\n  }\n}",
      );
      expect(file(files, "src/components/Button.module.css")).not.toContain("height: auto");
      // The same declarations as the HTML's element for that layer, split between the screen and the component.
      const html = emitHtml(design, { nodeIds: false }).files.find((f) => f.path === "styles.css")!.content;
      expect(
        [...rule(screen, "button"), ...rule(file(files, "src/components/Button.module.css"), "button")].sort(),
      ).toEqual(rule(html, "button").sort());
    },
  );

  it("inside a box that scales as a unit, its lengths are in that box's container units, as the HTML's are", () => {
    const box: DesignNode = {
      id: "1:2",
      name: "Box",
      kind: "frame",
      w: 200,
      h: 100,
      scaled: true,
      sizeH: "fixed",
      sizeV: "fixed",
      children: [instance("10:1", "Save"), { ...instance("10:2", "Go"), x: 0, y: 50 }],
    };
    const { files } = emitReact(column([box, fixed(instance("10:3", "Back"))]), {
      styling: "css-modules",
      nodeIds: false,
    });
    // The two in the box share a file in container units; the one outside it is another drawing (drawn inline here).
    expect(file(files, "src/components/Button.module.css")).toContain(
      "  left: 5cqw;\n  width: max-content;\n  top: 5cqw;\n  height: 10cqw;\n",
    );
    // Every length in container units but the text's floor (never under 12 px: max(12px, …cqw)).
    expect(file(files, "src/components/Button.module.css").replace(/max\(12px, /g, "max(")).not.toMatch(/\d+px/);
    expect(file(files, "src/components/Button.module.css")).toContain("font-size: max(12px, 7cqw);");
    const screen = file(files, "src/screens/Home.tsx");
    expect(screen.match(/<Button /g)).toHaveLength(2);
    expect(screen).toContain("Back");
  });

  it("a text prop that breaks lines keeps them (white-space), its spaces drawn as the HTML draws them", () => {
    const { files } = emitReact(column([fixed(instance("10:1", "Save\nnow")), fixed(instance("10:2", "Go  on"))]), {
      styling: "css-modules",
      nodeIds: false,
    });
    expect(rule(file(files, "src/components/Button.module.css"), "label")).toContain("white-space: pre-line;");
    expect(file(files, "src/components/Button.tsx")).toContain('label = "Save\\nnow"');
    expect(file(files, "src/screens/Home.tsx")).toContain(
      '<Button className={styles.button2} label={"Go \\u00a0on"} />',
    );
    const tailwind = emitReact(column([fixed(instance("10:1", "Save\nnow")), fixed(instance("10:2", "Go"))]), {
      styling: "tailwind",
      nodeIds: false,
    }).files;
    expect(file(tailwind, "src/components/Button.tsx")).toContain("whitespace-pre-line");
  });

  it("a text prop keeps its line breaks below the design width too, where a rule lets the text wrap (issue 38)", () => {
    // A label held on one line at the design width that wraps below 600 px (responsive.ts belowDecls: lineBelow).
    const wrapping = (label: string): DesignNode => {
      const button = fixed(instance(label === "Contact" ? "10:2" : "10:1", label));
      return { ...button, children: button.children!.map((c) => (c.kind === "text" ? { ...c, lineBelow: 600 } : c)) };
    };
    const design = column([wrapping("About Us\n\nWhat we do"), wrapping("Contact")]);
    const css = file(
      emitReact(design, { styling: "css-modules", nodeIds: false }).files,
      "src/components/Button.module.css",
    );
    expect(rule(css, "label")).toContain("white-space: pre;");
    expect(css).toMatch(/@media \(width < 600px\) \{\n {2}\.label \{\n {4}white-space: pre-line;\n {2}\}/);
    expect(css).not.toContain("white-space: normal");
    const tailwind = file(
      emitReact(design, { styling: "tailwind", nodeIds: false }).files,
      "src/components/Button.tsx",
    );
    expect(tailwind).toContain("whitespace-pre max-[600px]:whitespace-pre-line");
    expect(tailwind).not.toContain("whitespace-normal");
    // A literal text keeps its breaks as <br />: its rule below the design width is the layout's.
    const html = emitHtml(design, { nodeIds: false }).files.find((f) => f.path === "styles.css")!.content;
    expect(html).toContain("white-space: normal");
  });

  it(
    "a component's root that says nothing at the design width still " +
      "stacks its layers below it (issue 37), as the HTML's does",
    () => {
      // A section kept as drawn (layout/fallback.ts) whose item is a Dropdown drawn without fills or layout: below 1290
      // px the instance stacks its own layers (its component's rule) where the screen places it in the stack.
      const item = (id: string, order: number, extra: Partial<DesignNode>): DesignNode => ({
        id,
        name: id,
        kind: "rect",
        x: 0,
        y: 0,
        w: 24,
        h: 24,
        stack: { role: "item", order, below: 1290 },
        ...extra,
      });
      const dropdown: DesignNode = {
        id: "3:1",
        name: "Dropdown",
        kind: "instance",
        x: 100,
        y: 50,
        w: 453,
        h: 33,
        component: { id: "9:1", name: "Dropdown" },
        stackBelow: 1290,
        stack: { role: "item", order: 1, below: 1290 },
        children: [
          item("I3:1;4:1", 1, {
            kind: "text",
            w: 429,
            h: 33,
            text: {
              chars: "Check-in times",
              style: { family: "Inter", size: 22, weight: 600, lineHeight: 33, color: "#2a587c" },
              resize: "height",
              alignH: "left",
              alignV: "top",
            },
          }),
          item("I3:1;4:2", 2, { x: 429, y: 4, fills: [{ kind: "solid", color: "#000000" }] }),
        ],
      };
      const section: DesignNode = {
        id: "2:1",
        name: "FAQ",
        kind: "frame",
        x: 0,
        y: 0,
        w: 1440,
        h: 300,
        stackBelow: 1290,
        stackTop: true,
        children: [dropdown],
      };
      const design: DesignDocument = {
        frames: [{ id: "1:1", name: "Home", kind: "frame", w: 1440, h: 600, children: [section] }],
        assets: {},
      };
      const stacks = /@media \(width < 1290px\) \{[^@]*\.dropdown \{\n\s*display: flex;\n\s*flex-direction: column;/;
      expect(emitHtml(design, { nodeIds: false }).files.find((f) => f.path === "styles.css")!.content).toMatch(stacks);
      const { files } = emitReact(design, { styling: "css-modules", nodeIds: false });
      expect(file(files, "src/components/Dropdown.module.css")).toMatch(stacks);
      expect(file(files, "src/components/Dropdown.tsx")).toContain(
        'className={[styles.dropdown, className].filter(Boolean).join(" ")}',
      );
      // Where it sits in the stack is the screen's.
      expect(file(files, "src/screens/Home.module.css")).toMatch(
        /@media \(width < 1290px\) \{[^@]*\.dropdown \{\n\s*position: relative;[^}]*order: 1;/,
      );
      const tailwind = file(
        emitReact(design, { styling: "tailwind", nodeIds: false }).files,
        "src/components/Dropdown.tsx",
      );
      expect(tailwind).toMatch(/max-\[1290px\]:flex max-\[1290px\]:flex-col/);
    },
  );
});
