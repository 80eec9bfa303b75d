import { describe, expect, it } from "vitest";
import type { DesignVariables } from "../design/extras.js";
import { emitFiles } from "../emit/index.js";
import { loadDesign } from "../load.js";
import { themeSlug, tokenSlug } from "./names.js";
import { tokensCss } from "./stylesheet.js";

const alias = (id: string) => ({ type: "VARIABLE_ALIAS" as const, id });
const rgb = (r: number, g: number, b: number, a = 1) => ({ r, g, b, a });

function collection(id: string, name: string, modes: [string, string][]) {
  return {
    id,
    name,
    key: id,
    modes: modes.map(([modeId, n]) => ({ modeId, name: n })),
    defaultModeId: modes[0]![0],
    remote: false,
    hiddenFromPublishing: false,
    variableIds: [],
  };
}
function variable(
  id: string,
  name: string,
  collectionId: string,
  resolvedType: "COLOR" | "FLOAT" | "STRING" | "BOOLEAN",
  valuesByMode: Record<string, unknown>,
) {
  return {
    id,
    name,
    key: id,
    variableCollectionId: collectionId,
    resolvedType,
    valuesByMode,
    remote: false,
    description: "",
    hiddenFromPublishing: false,
    scopes: [],
    codeSyntax: {},
  };
}

const VARIABLES = {
  variableCollections: {
    prim: collection("prim", "Primitives", [["p0", "Value"]]),
    theme: collection("theme", "Theme", [
      ["light", "Light"],
      ["dark", "Dark"],
    ]),
    size: collection("size", "Size", [["s0", "Default"]]),
  },
  variables: {
    white: variable("white", "gray/0", "prim", "COLOR", { p0: rgb(1, 1, 1) }),
    ink: variable("ink", "gray/900", "prim", "COLOR", { p0: rgb(0, 0, 0) }),
    surface: variable("surface", "surface", "theme", "COLOR", { light: alias("white"), dark: alias("ink") }),
    text: variable("text", "color/text/primary", "theme", "COLOR", { light: alias("ink"), dark: alias("white") }),
    gap: variable("gap", "spacing/md", "size", "FLOAT", { s0: 12 }),
    pad: variable("pad", "spacing/lg", "size", "FLOAT", { s0: 24 }),
    radius: variable("radius", "radius/card", "size", "FLOAT", { s0: 8 }),
    flag: variable("flag", "flags/on", "size", "BOOLEAN", { s0: true }),
    muted: variable("muted", "opacity/muted", "size", "FLOAT", { s0: 50 }),
    loopA: variable("loopA", "loop/a", "theme", "COLOR", { light: alias("loopB"), dark: alias("loopB") }),
    loopB: variable("loopB", "loop/b", "theme", "COLOR", { light: alias("loopA"), dark: alias("loopA") }),
  },
} as unknown as DesignVariables;

const solid = (c: ReturnType<typeof rgb>, bound?: string) => ({
  type: "SOLID",
  color: c,
  ...(bound ? { boundVariables: { color: alias(bound) } } : {}),
});
const box = { x: 0, y: 0, width: 200, height: 100 };

/** A card: auto layout with bound gap, padding and radius, a bound surface fill and a bound text colour. */
function card(extra: Record<string, unknown> = {}) {
  return {
    document: {
      id: "1:1",
      type: "FRAME",
      name: "Card",
      absoluteBoundingBox: box,
      layoutMode: "VERTICAL",
      itemSpacing: 12,
      paddingTop: 24,
      paddingRight: 24,
      paddingBottom: 24,
      paddingLeft: 24,
      cornerRadius: 8,
      fills: [solid(rgb(1, 1, 1), "surface")],
      boundVariables: {
        itemSpacing: alias("gap"),
        paddingTop: alias("pad"),
        paddingRight: alias("pad"),
        paddingBottom: alias("pad"),
        paddingLeft: alias("pad"),
        topLeftRadius: alias("radius"),
        topRightRadius: alias("radius"),
        bottomRightRadius: alias("radius"),
        bottomLeftRadius: alias("radius"),
        visible: alias("flag"),
      },
      ...extra,
      children: [
        {
          id: "1:2",
          type: "TEXT",
          name: "Title",
          characters: "Hello",
          absoluteBoundingBox: { x: 24, y: 24, width: 100, height: 20 },
          style: { fontFamily: "Inter", fontSize: 16, fontWeight: 600 },
          fills: [{ type: "SOLID", color: rgb(0, 0, 0) }],
          boundVariables: { fills: [alias("text")] },
        },
      ],
    },
  };
}

describe("token names", () => {
  it("come from the variable's path, sanitised", () => {
    expect(tokenSlug("color/text/primary")).toBe("color-text-primary");
    expect(tokenSlug("Brand / Primary (500)")).toBe("brand-primary-500");
    expect(tokenSlug("Ünïcode/ñame")).toBe("unicode-name");
    expect(tokenSlug("textPrimary")).toBe("text-primary");
    expect(tokenSlug("///")).toBe("token");
  });
  it("sit in the Tailwind namespace without repeating it", () => {
    expect(themeSlug("color", "color/text/primary")).toBe("color-text-primary");
    expect(themeSlug("color", "colors/surface")).toBe("color-surface");
    expect(themeSlug("color", "surface")).toBe("color-surface");
    expect(themeSlug("spacing", "spacing/md")).toBe("spacing-md");
    expect(themeSlug("radius", "radius/card")).toBe("radius-card");
    expect(themeSlug("text", "font/size/display")).toBe("text-display");
    expect(themeSlug("font", "font/family/body")).toBe("font-body");
  });
  it("are unique when two paths sanitise alike", () => {
    const vars = structuredClone(VARIABLES) as DesignVariables;
    vars.variables["twin"] = { ...vars.variables["text"]!, id: "twin", name: "color / text / primary" };
    const doc = card();
    doc.document.fills = [solid(rgb(1, 1, 1), "twin")];
    const table = loadDesign(doc, [], { variables: vars }).document.tokens!;
    const names = table.tokens.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["color-text-primary", "color-text-primary-2"]));
  });
});

describe("resolving variables", () => {
  const loaded = loadDesign(card(), [], { variables: VARIABLES });
  const table = loaded.document.tokens!;
  const byName = new Map(table.tokens.map((t) => [t.name, t]));

  it("makes FLOAT variables on spacing and radius length tokens in px", () => {
    expect(byName.get("spacing-md")?.value).toEqual({ css: "12px" });
    expect(byName.get("spacing-lg")?.value).toEqual({ css: "24px" });
    expect(byName.get("radius-card")?.value).toEqual({ css: "8px" });
  });
  it("reads a FLOAT bound to opacity as Figma does, a percentage: 50 is opacity 0.5", () => {
    const faded = loadDesign(card({ opacity: 0.5, boundVariables: { opacity: alias("muted") } }), [], {
      variables: VARIABLES,
    }).document.tokens!;
    expect(faded.tokens.find((t) => t.name === "opacity-muted")?.value).toEqual({ css: "0.5" });
  });
  it("resolves aliases to the other token, defined too (before its users)", () => {
    const surface = byName.get("surface")!;
    expect(surface.value).toEqual({ ref: "white" });
    const names = table.tokens.map((t) => t.name);
    expect(names.indexOf("gray-0")).toBeLessThan(names.indexOf("surface"));
    const css = tokensCss(table, "css");
    expect(css).toContain("--surface: var(--gray-0);");
    expect(css).toContain("--color-text-primary: var(--gray-900);");
  });
  it("writes one :root block, a block per mode and the colour-scheme query for dark", () => {
    const css = tokensCss(table, "css");
    expect(css.match(/--surface:/g)).toHaveLength(4); // :root, light, dark, prefers-color-scheme
    expect(css.match(/^:root \{/gm)).toHaveLength(1);
    expect(css).toMatch(
      /\[data-theme="dark"\] \{\n {2}--surface: var\(--gray-900\);\n {2}--color-text-primary: var\(--gray-0\);\n\}/,
    );
    expect(css).toMatch(
      /@media \(prefers-color-scheme: dark\) \{\n {2}:root:not\(\[data-theme\]\) \{\n {4}--surface: var\(--gray-900\);/,
    );
    // Single-mode collections have no mode blocks.
    expect(css.match(/--spacing-md:/g)).toHaveLength(1);
  });
  it("falls back to the literal with an info problem for what it cannot use", () => {
    const infos = loaded.problems.filter((p) => p.code === "design-token");
    expect(infos.every((p) => p.severity === "info")).toBe(true);
    // Named as Figma's panels name the layer and the property, the layer's id only in the problem's nodeId.
    expect(infos.map((p) => p.message).join("\n")).toMatch(/The visibility of "[^"]+" is bound to a variable/);
    expect(infos.map((p) => p.message).join("\n")).not.toMatch(/layer \d|\bvisible\b|[a-z][A-Z]/);
    const cyclic = card();
    cyclic.document.fills = [solid(rgb(1, 1, 1), "loopA")];
    const out = loadDesign(cyclic, [], { variables: VARIABLES });
    expect(out.problems.map((p) => p.message).join("\n")).toMatch(/cycle/);
    const css = emitFiles(out.document, { target: "html", styling: "css-modules", nodeIds: false }).files.find(
      (f) => f.path === "styles.css",
    )!.content;
    expect(css).toMatch(/\.card \{[^}]*background-color: #ffffff;/);
    const wrongType = card();
    wrongType.document.fills = [solid(rgb(1, 1, 1), "gap")];
    expect(
      loadDesign(wrongType, [], { variables: VARIABLES })
        .problems.map((p) => p.message)
        .join("\n"),
    ).toMatch(/a FLOAT variable where a COLOR one is needed/);
  });
  it("says once that bound layers need the variables when none were given", () => {
    const out = loadDesign(card());
    expect(out.document.tokens).toBeUndefined();
    expect(out.problems.filter((p) => /no variables were given/.test(p.message))).toHaveLength(1);
  });
  it("puts a layer with an explicit mode into it with the mode attribute", () => {
    const doc = card({ explicitVariableModes: { theme: "dark" } });
    const out = loadDesign(doc, [], { variables: VARIABLES });
    expect(out.document.tokens!.modeAttrs["1:1"]).toEqual([["data-theme", "dark"]]);
    const html = emitFiles(out.document, { target: "html", styling: "css-modules", nodeIds: false }).files.find(
      (f) => f.path === "index.html",
    )!.content;
    expect(html).toMatch(/<main class="card" data-theme="dark">/);
  });
});

describe("named styles", () => {
  function styled(uses: number) {
    const children = Array.from({ length: uses }, (_, i) => ({
      id: `2:${i + 2}`,
      type: "RECTANGLE",
      name: `Chip ${i}`,
      absoluteBoundingBox: { x: 0, y: i * 30, width: 50, height: 20 },
      fills: [{ type: "SOLID", color: rgb(0.2, 0.4, 0.8) }],
      effects: [{ type: "DROP_SHADOW", visible: true, color: rgb(0, 0, 0, 0.5), offset: { x: 0, y: 2 }, radius: 4 }],
      styles: { fill: "S:brand", effect: "S:shadow" },
    }));
    const texts = Array.from({ length: uses }, (_, i) => ({
      id: `3:${i + 2}`,
      type: "TEXT",
      name: `Label ${i}`,
      characters: "Label",
      absoluteBoundingBox: { x: 60, y: i * 30, width: 50, height: 20 },
      style: {
        fontFamily: "Inter",
        fontSize: 14,
        fontWeight: 500,
        lineHeightPx: 20,
        lineHeightUnit: "PIXELS",
        letterSpacing: 0.5,
      },
      fills: [{ type: "SOLID", color: rgb(0, 0, 0) }],
      styles: { text: "S:body" },
    }));
    return {
      document: {
        id: "2:1",
        type: "FRAME",
        name: "Chips",
        absoluteBoundingBox: { x: 0, y: 0, width: 200, height: 200 },
        children: [...children, ...texts],
      },
      styles: {
        "S:brand": { name: "Brand/Blue", styleType: "FILL" },
        "S:shadow": { name: "Elevation/1", styleType: "EFFECT" },
        "S:body": { name: "Body/Medium", styleType: "TEXT" },
      },
    };
  }

  it("become tokens when used more than once", () => {
    const table = loadDesign(styled(2)).document.tokens!;
    const names = table.tokens.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "brand-blue",
        "elevation-1",
        "body-medium-font-size",
        "body-medium-line-height",
        "body-medium-font-weight",
        "body-medium-font-family",
        "body-medium-letter-spacing",
      ]),
    );
    const css = emitFiles(loadDesign(styled(2)).document, {
      target: "html",
      styling: "css-modules",
      nodeIds: false,
    }).files.find((f) => f.path === "styles.css")!.content;
    expect(css).toContain("--brand-blue: #3366cc;");
    expect(css).toContain("--elevation-1: 0 2px 4px 0 rgba(0, 0, 0, 0.5);");
    expect(css.match(/background-color: var\(--brand-blue\);/g)).toHaveLength(2);
    expect(css.match(/box-shadow: var\(--elevation-1\);/g)).toHaveLength(2);
    expect(css.match(/font-size: var\(--body-medium-font-size\);/g)).toHaveLength(2);
    expect(css.match(/line-height: var\(--body-medium-line-height\);/g)).toHaveLength(2);
  });
  it("stay literal when used once", () => {
    expect(loadDesign(styled(1)).document.tokens).toBeUndefined();
  });
  it("use Tailwind's --text-* sub-properties, so one class sets the whole type style", () => {
    const doc = loadDesign(styled(2)).document;
    const css = tokensCss(doc.tokens!, "tailwind");
    expect(css).toContain("@theme static {");
    expect(css).toContain("--text-body-medium: 14px;");
    expect(css).toContain("--text-body-medium--line-height: 20px;");
    expect(css).toContain("--text-body-medium--font-weight: 500;");
    expect(css).toContain('--font-body-medium: Inter, "Inter Fallback", Helvetica, Arial, sans-serif;');
    // "Elevation/1": the namespace word is dropped
    expect(css).toContain("--shadow-1: 0 2px 4px 0 rgba(0, 0, 0, 0.5);");
    const tsx = emitFiles(doc, { target: "react", styling: "tailwind", nodeIds: false }).files.find((f) =>
      f.path.endsWith("Chips.tsx"),
    )!.content;
    expect(tsx).toContain("bg-brand-blue");
    expect(tsx).toMatch(/ shadow-1\b/);
    expect(tsx).toMatch(/font-body-medium text-body-medium/);
    expect(tsx).not.toContain("--text-body-medium--line-height");
  });
});

describe("Tailwind theme", () => {
  it("defines the tokens in @theme and uses their utilities, not bracketed values", () => {
    const doc = loadDesign(card(), [], { variables: VARIABLES }).document;
    const files = emitFiles(doc, { target: "react", styling: "tailwind", nodeIds: false }).files;
    const theme = files.find((f) => f.path === "src/tokens.css")!.content;
    expect(theme).toContain("--color-surface: var(--color-gray-0);");
    expect(theme).toContain("--spacing-md: 12px;");
    expect(theme).toContain("--radius-card: 8px;");
    expect(theme).toMatch(/\[data-theme="dark"\] \{\n {2}--color-surface: var\(--color-gray-900\);/);
    const tsx = files.find((f) => f.path === "src/screens/Card.tsx")!.content;
    for (const cls of ["bg-surface", "gap-md", "p-lg", "rounded-card", "text-text-primary"]) expect(tsx).toContain(cls);
    expect(tsx).not.toMatch(/#ffffff|#000000|\[12px\]|\[24px\]|\[8px\]/);
  });
});
