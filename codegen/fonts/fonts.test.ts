import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DesignNode, TextRun, TextStyle } from "../design/types.js";
import { catalogFromPackages } from "../../test/fonts/catalog-sources.js";
import { categoryOf, googleFamily, systemFamily } from "./catalog.js";
import {
  fontFacesCss,
  fontNotes,
  fontsourceDependencies,
  fontsourceImports,
  googleFontsHref,
  googleFontsLinks,
} from "./output.js";
import { fallbackName, fontPlan } from "./plan.js";
import { fontUsage } from "./usage.js";
import { fontStack } from "./stack.js";

const style = (family: string, weight = 400, italic = false): TextStyle => ({
  family,
  size: 16,
  weight,
  ...(italic ? { italic } : {}),
});
const text = (id: string, s: TextStyle, runs?: TextRun[]): DesignNode =>
  ({
    id,
    name: `Text ${id}`,
    kind: "text",
    x: 0,
    y: 0,
    w: 100,
    h: 20,
    text: { chars: "Hello world", style: s, ...(runs ? { runs } : {}) },
  }) as DesignNode;
const frame = (children: DesignNode[]): DesignNode =>
  ({ id: "0:1", name: "Page", kind: "frame", x: 0, y: 0, w: 1440, h: 900, children }) as DesignNode;

describe("font catalog", () => {
  it("is what google-font-metadata and @capsizecss/metrics give (npm run fonts rewrites it)", () => {
    const committed = readFileSync(join(import.meta.dirname, "catalog-data.ts"), "utf8");
    expect(committed === catalogFromPackages(), "codegen/fonts/catalog-data.ts is stale: run npm run fonts").toBe(true);
  });

  it("knows Google's families with their weights, styles, variable axis and Fontsource id", () => {
    expect(googleFamily("poppins")).toMatchObject({
      family: "Poppins",
      category: "sans-serif",
      weights: [100, 200, 300, 400, 500, 600, 700, 800, 900],
      normal: true,
      italic: true,
      fontsourceId: "poppins",
      google: true,
    });
    expect(googleFamily("Poppins")?.variable).toBeUndefined();
    expect(googleFamily("Inter  Tight")).toMatchObject({
      family: "Inter Tight",
      variable: { min: 100, max: 900 },
      fontsourceId: "inter-tight",
    });
    expect(googleFamily("Space Grotesk")).toMatchObject({ weights: [300, 400, 500, 600, 700], italic: false });
    expect(googleFamily("IBM Plex Sans")?.fontsourceId).toBe("ibm-plex-sans");
    expect(googleFamily("Roboto Mono")?.category).toBe("monospace");
    expect(googleFamily("Playfair Display")?.category).toBe("serif");
    // Not served by Google: a brand face, Apple's system face.
    expect(googleFamily("Trade Republic Sans Display")).toBeUndefined();
    expect(googleFamily("SF Pro Display")).toBeUndefined();
    expect(systemFamily("SF Pro Display")).toMatchObject({
      family: "SF Pro",
      google: false,
      metrics: { unitsPerEm: 2048 },
    });
    expect(categoryOf("Acme Mono")).toBe("monospace");
    expect(categoryOf("Brand Serif")).toBe("serif");
  });

  it("serves a family renamed on Google Fonts under its new name, the design's name first in the stack", () => {
    expect(googleFamily("Source Sans Pro")).toMatchObject({ family: "Source Sans 3", fontsourceId: "source-sans-3" });
    expect(googleFamily("Source Serif Pro")?.family).toBe("Source Serif 4");
    const plan = fontPlan([frame([text("1:1", style("Source Sans Pro", 600))])]);
    expect(plan.unserved).toEqual([]);
    expect(plan.served.map((f) => [f.family, f.designNames])).toEqual([["Source Sans 3", ["Source Sans Pro"]]]);
    expect(googleFontsHref(plan)).toContain("family=Source+Sans+3:wght@600");
    expect(fontStack("Source Sans Pro")).toBe(
      '"Source Sans Pro", "Source Sans 3", "Source Sans Pro Fallback", Helvetica, Arial, sans-serif',
    );
  });
});

describe("font usage and plan", () => {
  const doc = [
    frame([
      text("1:1", style("Poppins", 600)),
      text("1:2", style("Poppins"), [
        { start: 0, end: 5, style: { italic: true } },
        { start: 5, end: 5, style: { weight: 900 } },
      ]),
      text("1:3", style("Inter Tight", 500)),
      text("1:4", style("Trade Republic Sans Display", 700)),
      text("1:5", style("Space Grotesk", 800)),
      text("1:6", style("Inter", 450)),
    ]),
  ];

  it("collects each family's faces (runs included, empty runs not) and its layers", () => {
    const uses = fontUsage(doc);
    expect(uses.map((u) => u.family)).toEqual([
      "Poppins",
      "Inter Tight",
      "Trade Republic Sans Display",
      "Space Grotesk",
      "Inter",
    ]);
    expect(uses[0]!.faces).toEqual([
      { weight: 400, italic: false },
      { weight: 600, italic: false },
      { weight: 400, italic: true },
    ]);
    expect(uses[0]!.layers.map((l) => l.id)).toEqual(["1:1", "1:2"]);
  });

  it("asks Google for exactly the faces used: nearest served weight, variable only for in-between weights", () => {
    const plan = fontPlan(doc);
    expect(
      plan.served.map((f) => [f.family, f.faces.map((x) => `${x.weight}${x.italic ? "i" : ""}`).join(" "), f.variable]),
    ).toEqual([
      ["Inter", "450", true],
      ["Inter Tight", "500", false],
      ["Poppins", "400 600 400i", false],
      ["Space Grotesk", "700", false],
    ]);
    expect(googleFontsHref(plan)).toBe(
      "https://fonts.googleapis.com/css2?family=Inter:wght@450&family=Inter+Tight:wght@500&" +
        "family=Poppins:ital,wght@0,400;0,600;1,400&family=Space+Grotesk:wght@700&display=swap",
    );
    expect(googleFontsLinks(plan, "")).toEqual([
      '<link rel="preconnect" href="https://fonts.googleapis.com" />',
      '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin />',
      `<link rel="stylesheet" href="${googleFontsHref(plan)!.replace(/&/g, "&amp;")}" />`,
    ]);
    expect(fontsourceImports(plan)).toEqual([
      "@fontsource-variable/inter/wght.css",
      "@fontsource/inter-tight/500.css",
      "@fontsource/poppins/400.css",
      "@fontsource/poppins/600.css",
      "@fontsource/poppins/400-italic.css",
      "@fontsource/space-grotesk/700.css",
    ]);
    expect(Object.keys(fontsourceDependencies(plan))).toEqual([
      "@fontsource-variable/inter",
      "@fontsource/inter-tight",
      "@fontsource/poppins",
      "@fontsource/space-grotesk",
    ]);
  });

  it("names the families no server hosts, with their weights, layers and a ready @font-face block", () => {
    const plan = fontPlan(doc);
    expect(plan.unserved).toEqual([
      {
        family: "Trade Republic Sans Display",
        faces: [{ weight: 700, italic: false }],
        layers: [{ id: "1:4", name: "Text 1:4" }],
        category: "sans-serif",
      },
    ]);
    const [note] = fontNotes(plan, { stylesheet: "styles.css", packagesToAdd: false });
    expect(note).toMatchObject({ severity: "info", code: "font-not-served", nodeId: "1:4" });
    expect(note!.message).toContain(
      'font "Trade Republic Sans Display" (700) is not on Google Fonts; used by "Text 1:4"',
    );
    const css = fontFacesCss(plan, "fonts");
    expect(css).toContain(
      "/* Trade Republic Sans Display is not on Google Fonts: add its files to fonts/ and remove this comment.\n" +
        "@font-face {\n" +
        '  font-family: "Trade Republic Sans Display";\n' +
        '  src: url("fonts/TradeRepublicSansDisplay-Bold.woff2") format("woff2");\n' +
        "  font-weight: 700;",
    );
  });

  it("makes metric-matched fallback faces with Next.js's and Capsize's numbers (Poppins over Arial)", () => {
    const plan = fontPlan(doc);
    const poppins = plan.fallbacks.find((f) => f.family === "Poppins");
    // next/font/google's published fallback for Poppins.
    expect(poppins).toMatchObject({
      name: "Poppins Fallback",
      sizeAdjust: 112.16,
      ascentOverride: 93.62,
      descentOverride: 31.21,
      lineGapOverride: 8.92,
    });
    expect(poppins!.local).toEqual(["Arial", "ArialMT", "Liberation Sans", "Arimo"]);
    // No metrics for the brand face: its face is measured from its texts (measured-fallback.test.ts), not the catalog.
    expect(plan.fallbacks.find((f) => f.family === "Trade Republic Sans Display")?.local).toEqual(poppins!.local);
    expect(fallbackName("Poppins")).toBe("Poppins Fallback");
    expect(fallbackName("Trade Republic Sans Display")).toBeUndefined();
    // Poppins is used at 600: a regular face up to 500 and Arial's bold above, both with Poppins's metrics.
    expect(fontFacesCss(plan, "fonts")).toContain(
      "@font-face {\n" +
        '  font-family: "Poppins Fallback";\n' +
        '  src:\n    local("Arial"),\n    local("ArialMT"),\n    local("Liberation Sans"),\n    local("Arimo");\n' +
        "  font-weight: 1 500;\n" +
        "  size-adjust: 112.16%;\n" +
        "  ascent-override: 93.62%;\n" +
        "  descent-override: 31.21%;\n" +
        "  line-gap-override: 8.92%;\n" +
        "}\n\n" +
        "@font-face {\n" +
        '  font-family: "Poppins Fallback";\n' +
        '  src:\n    local("Arial Bold"),\n    local("Arial-BoldMT"),\n    local("Liberation Sans Bold"),\n' +
        '    local("LiberationSans-Bold"),\n    local("Arimo Bold"),\n    local("Arimo-Bold");\n' +
        "  font-weight: 501 1000;\n" +
        "  size-adjust: 112.16%;",
    );
    // Used at 500 at most: one face, no weight range.
    const light = fontPlan([frame([text("2:1", style("Inter Tight", 500))])]);
    expect(light.fallbacks[0]!.localBold).toBeUndefined();
    expect(fontFacesCss(light, "fonts")).not.toContain("font-weight");
  });

  it("loads nothing for frames without text, and a serif falls back on Times New Roman", () => {
    const empty = fontPlan([frame([])]);
    expect(googleFontsHref(empty)).toBeUndefined();
    expect(fontFacesCss(empty, "fonts")).toBe("");
    expect(fontPlan([frame([text("1:1", style("Lora"))])]).fallbacks[0]!.local[0]).toBe("Times New Roman");
  });
});
