/**
 * The React emitter with the component mapping: mapped instances are the team's components, imported, with
 * their props and no file of their own; everything else is byte-identical to the output without a mapping.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMappingJson } from "../../components-map/json.js";
import type { ComponentMap, ComponentMapping } from "../../components-map/model.js";
import { loadDesign, type CodeOptions } from "../../load.js";
import { readFixture, REPO_ROOT } from "../../../test/helpers/fixtures.js";
import { buttonDesign } from "../../../test/helpers/mapped-button-design.js";
import { emitFiles } from "../index.js";

const fixtureMap = parseMappingJson(
  readFileSync(join(REPO_ROOT, "test", "fixtures", "components", "components.json"), "utf8"),
).map;
const selfie = loadDesign(readFixture("figma-differ-selfie.nodes.json")).document;
const bundler = loadDesign(readFixture("figmasharp-bundler-dialog.file.json")).document;
const REACT: CodeOptions = { target: "react", styling: "css-modules", nodeIds: false };
const content = (files: { path: string; content: string }[], path: string): string =>
  files.find((f) => f.path === path)?.content ?? "";

describe("React with mapped components", () => {
  it("draws the Selfie's title, hint and list item as @acme/ui components and writes no file for them", () => {
    const plain = emitFiles(selfie, REACT);
    const mapped = emitFiles(selfie, { ...REACT, components: fixtureMap });
    const screen = content(mapped.files, "src/screens/Selfie.tsx");
    expect(screen).toContain('import { Hint, ListItem, Title } from "@acme/ui";');
    expect(screen).toContain('<Title size="base">Place your face in the frame</Title>');
    expect(screen).toContain('<ListItem variant="primary" subtitle="Contact us to get help." selected={false} />');
    expect(screen).toContain("<Hint>Great, hold still for a few seconds</Hint>");
    const generated = (files: { path: string }[]): string[] =>
      files.map((f) => f.path).filter((p) => p.startsWith("src/components/") && p.endsWith(".tsx"));
    expect(generated(plain.files)).toEqual(
      expect.arrayContaining(["src/components/Title.tsx", "src/components/ListItem.tsx", "src/components/Hint.tsx"]),
    );
    expect(generated(mapped.files).filter((p) => /\/(Title|ListItem|Hint)\.tsx$/.test(p))).toEqual([]);
    // The components inside them (the title's tag, the list item's switcher) get no file either.
    expect(generated(mapped.files).length).toBeLessThan(generated(plain.files).length);
    expect(content(mapped.files, "src/index.ts")).not.toMatch(/Title|ListItem|Hint/);
  });

  it("keeps the instance's box on a wrapper, with its layer id when ids are asked for", () => {
    const mapped = emitFiles(selfie, { ...REACT, nodeIds: true, components: fixtureMap });
    const screen = content(mapped.files, "src/screens/Selfie.tsx");
    expect(screen).toMatch(/<div className=\{styles\.title\} data-node-id="33459:3756">\n\s+<Title size="base">/);
    const css = content(mapped.files, "src/screens/Selfie.module.css");
    expect(css).toMatch(/\.title \{[^}]*display: flex;[^}]*flex-direction: column;/);
  });

  it("output without a mapping, or with one that names nothing here, is byte-identical", () => {
    for (const doc of [selfie, bundler]) {
      const plain = emitFiles(doc, REACT);
      const unused: ComponentMap = {
        components: [{ figma: { nodeId: "99:99" }, import: { module: "@acme/ui", name: "Button" }, props: {} }],
      };
      for (const options of [
        { ...REACT, components: { components: [] } },
        { ...REACT, components: unused },
      ]) {
        const again = emitFiles(doc, options);
        expect(again.files).toEqual(plain.files);
      }
    }
  });

  it("a generated component takes another name than the library's (the pop-up's own Button copy)", () => {
    const mapped = emitFiles(bundler, { ...REACT, components: fixtureMap });
    const screen = content(mapped.files, "src/screens/Screen10BundleFigmaDocument.tsx");
    expect(screen).toContain('import { Button } from "@acme/ui";');
    expect(screen).toContain('<Button type="button">Cancel</Button>');
    expect(screen).toContain('<Button type="button">Add</Button>');
    expect(mapped.files.map((f) => f.path)).toContain("src/components/Button2.tsx");
    expect(mapped.files.map((f) => f.path)).not.toContain("src/components/Button.tsx");
  });

  it("HTML ignores the mapping and says so", () => {
    const html: CodeOptions = { target: "html", styling: "css-modules", nodeIds: false };
    const mapped = emitFiles(selfie, { ...html, components: fixtureMap });
    expect(mapped.files).toEqual(emitFiles(selfie, html).files);
    expect(mapped.problems).toContainEqual(
      expect.objectContaining({ code: "component-mapping", message: expect.stringContaining("React output only") }),
    );
  });
});

/** A button instance with an INSTANCE_SWAP "Icon" showing a nested star instance. */
function swapDesign(): unknown {
  const box = (x: number, y: number, w: number, h: number): Record<string, number> => ({ x, y, width: w, height: h });
  return {
    document: {
      id: "1:1",
      name: "Screen",
      type: "FRAME",
      absoluteBoundingBox: box(0, 0, 200, 100),
      fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
      children: [
        {
          id: "2:1",
          name: "Button",
          type: "INSTANCE",
          componentId: "10:1",
          absoluteBoundingBox: box(10, 10, 120, 40),
          componentProperties: {
            "Icon#5:0": { type: "INSTANCE_SWAP", value: "20:1" },
            "Label#5:1": { type: "TEXT", value: "Save" },
          },
          children: [
            {
              id: "I2:1;11:1",
              name: "Star",
              type: "INSTANCE",
              componentId: "20:1",
              componentPropertyReferences: { mainComponent: "Icon#5:0" },
              absoluteBoundingBox: box(14, 18, 24, 24),
              children: [
                {
                  id: "I2:1;11:1;21:1",
                  name: "Shape",
                  type: "RECTANGLE",
                  absoluteBoundingBox: box(14, 18, 24, 24),
                  fills: [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }],
                },
              ],
            },
            {
              id: "I2:1;11:2",
              name: "Label",
              type: "TEXT",
              characters: "Save",
              componentPropertyReferences: { characters: "Label#5:1" },
              absoluteBoundingBox: box(44, 20, 60, 20),
              style: { fontFamily: "Inter", fontSize: 14, fontWeight: 400 },
            },
          ],
        },
      ],
    },
    components: { "10:1": { key: "kbutton", name: "Button" }, "20:1": { key: "kstar", name: "Star" } },
  };
}

describe("instance swaps", () => {
  const doc = loadDesign(swapDesign()).document;
  const button = {
    figma: { key: "kbutton" },
    import: { module: "@acme/ui", name: "Button" },
    props: {
      icon: { kind: "instance" as const, property: "Icon" },
      children: { kind: "text" as const, property: "Label" },
    },
  };

  it("a swapped layer with a mapping of its own is that component", () => {
    const map: ComponentMap = {
      components: [
        button,
        { figma: { nodeId: "20:1" }, import: { module: "@acme/icons", name: "StarIcon", default: true }, props: {} },
      ],
    };
    const screen = content(emitFiles(doc, { ...REACT, components: map }).files, "src/screens/Screen.tsx");
    expect(screen).toContain('import StarIcon from "@acme/icons";');
    expect(screen).toContain("<Button icon={<StarIcon />}>Save</Button>");
  });

  it("a swapped layer without one is drawn from the design", () => {
    const screen = content(
      emitFiles(doc, { ...REACT, components: { components: [button] } }).files,
      "src/screens/Screen.tsx",
    );
    expect(screen).toMatch(/<Button icon=\{<div>\s*<div className=\{styles\.rect\} \/>\s*<\/div>\}>Save<\/Button>/);
    expect(screen).not.toContain("@acme/icons");
  });
});

describe("value maps of JSX, class names and nested props", () => {
  const doc = buttonDesign();
  const arrow = { code: "<ArrowLeft size={16} />", imports: [{ module: "@acme/icons", name: "ArrowLeft" }] };
  const props: ComponentMapping["props"] = {
    icon: { kind: "variant", property: "Icon", jsx: { Left: arrow }, omit: ["None"] },
    className: {
      kind: "className",
      parts: [
        { kind: "value", value: "btn" },
        { kind: "variant", property: "Size", values: { Large: "btn-lg" } },
      ],
    },
    glyph: {
      kind: "nested",
      layer: "Icon",
      source: { kind: "variant", property: "Glyph", values: { Arrow: "arrow" } },
    },
    children: { kind: "textContent", layer: "Label" },
  };
  const button = (mapped: ComponentMapping["props"], name = "Button"): ComponentMapping => ({
    figma: { nodeId: "10:1" },
    import: { module: "@acme/ui", name },
    props: mapped,
  });

  it("writes the JSX as the prop's value and imports what it uses beside the mapped component", () => {
    const result = emitFiles(doc, { ...REACT, components: { components: [button(props)] } });
    const screen = content(result.files, "src/screens/Screen.tsx");
    expect(screen).toContain('import { ArrowLeft } from "@acme/icons";');
    expect(screen).toContain('import { Button } from "@acme/ui";');
    expect(screen).toContain('<Button icon={<ArrowLeft size={16} />} className="btn btn-lg" glyph="arrow">Go</Button>');
    expect(result.problems.filter((p) => p.code === "component-override")).toEqual([]);
    // Nothing on purpose: no prop, no import.
    const none = content(
      emitFiles(buttonDesign({ icon: "None" }), { ...REACT, components: { components: [button(props)] } }).files,
      "src/screens/Screen.tsx",
    );
    expect(none).toContain('<Button className="btn btn-lg" glyph="arrow">Go</Button>');
    expect(none).not.toContain("@acme/icons");
  });

  it("JSX whose name another imported component has is left out, with a note", () => {
    // The mapped component itself is named ArrowLeft (from another module): the value's ArrowLeft cannot be imported
    // too.
    const result = emitFiles(doc, {
      ...REACT,
      components: { components: [button({ icon: props["icon"]! }, "ArrowLeft")] },
    });
    const screen = content(result.files, "src/screens/Screen.tsx");
    expect(screen).toContain("<ArrowLeft />");
    expect(screen).not.toContain("@acme/icons");
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        code: "component-mapping",
        message: expect.stringContaining(
          "the value map's JSX uses ArrowLeft from @acme/icons, but another component in these files has that name",
        ),
      }),
    );
  });
});

describe("a mapped instance inside a generated component", () => {
  // Two Button instances (a file of their own), each with a nested Star instance that the mapping names.
  const box = (x: number, y: number, w: number, h: number): Record<string, number> => ({ x, y, width: w, height: h });
  const button = (id: string, x: number) => ({
    id,
    name: "Button",
    type: "INSTANCE",
    componentId: "10:1",
    absoluteBoundingBox: box(x, 10, 120, 40),
    fills: [{ type: "SOLID", color: { r: 0, g: 0, b: 1, a: 1 } }],
    children: [
      {
        id: `I${id};11:1`,
        name: "Star",
        type: "INSTANCE",
        componentId: "20:1",
        absoluteBoundingBox: box(x + 4, 18, 24, 24),
        children: [
          {
            id: `I${id};11:1;21:1`,
            name: "Shape",
            type: "RECTANGLE",
            absoluteBoundingBox: box(x + 4, 18, 24, 24),
            fills: [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }],
          },
        ],
      },
      {
        id: `I${id};11:2`,
        name: "Label",
        type: "TEXT",
        characters: "Save",
        absoluteBoundingBox: box(x + 34, 20, 60, 20),
        style: { fontFamily: "Inter", fontSize: 14, fontWeight: 400 },
      },
    ],
  });
  const doc = loadDesign({
    document: {
      id: "1:1",
      name: "Screen",
      type: "FRAME",
      absoluteBoundingBox: box(0, 0, 300, 100),
      children: [button("2:1", 10), button("2:2", 150)],
    },
    components: { "10:1": { key: "kbutton", name: "Button" }, "20:1": { key: "kstar", name: "Star" } },
  }).document;
  const map: ComponentMap = {
    components: [
      { figma: { nodeId: "20:1" }, import: { module: "@acme/icons", name: "StarIcon", default: true }, props: {} },
    ],
  };

  it("is the team's component in the component's file, its wrapper with the id it has in each instance", () => {
    const result = emitFiles(doc, { ...REACT, nodeIds: true, components: map });
    const screen = content(result.files, "src/screens/Screen.tsx");
    expect(screen).toMatch(/<Button className=\{styles\.button\} data-node-id="2:1" \/>/);
    expect(screen).toMatch(/<Button className=\{styles\.button2\} data-node-id="2:2" \/>/);
    const file = content(result.files, "src/components/Button.tsx");
    expect(file).toContain('import StarIcon from "@acme/icons";');
    expect(file).toMatch(
      /<div className=\{styles\.starIcon\} data-node-id=\{layerId\("11:1"\)\}>\s*<StarIcon \/>\s*<\/div>/,
    );
    // Without ids, the same files less the ids.
    const plain = content(emitFiles(doc, { ...REACT, components: map }).files, "src/components/Button.tsx");
    expect(plain).toMatch(/<div className=\{styles\.starIcon\}>\s*<StarIcon \/>\s*<\/div>/);
    expect(plain).not.toContain("layerId");
  });
});
