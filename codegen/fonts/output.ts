/**
 * The font plan as output: the Google Fonts stylesheet link (HTML), the Fontsource imports and dependencies
 * (React), the fallback faces and the ready @font-face blocks for families no server hosts (CSS), and the notes.
 */
import type { Problem } from "../types.js";
import type { FontFace } from "./usage.js";
import type { FaceMetrics, FallbackFace, FontPlan, ServedFamily, UnservedFamily } from "./plan.js";

export const GOOGLE_FONTS_CSS = "https://fonts.googleapis.com";
export const GOOGLE_FONTS_FILES = "https://fonts.gstatic.com";
/** Every Fontsource package is on major 5 (static and variable). */
export const FONTSOURCE_VERSION = "^5.0.0";

/** One family's css2 parameter: `Inter+Tight:ital,wght@0,400;1,700` (tuples sorted, as Google requires). */
function css2Family(f: ServedFamily): string {
  const name = f.family.replace(/ /g, "+");
  const italic = f.faces.some((x) => x.italic);
  if (!italic) return `${name}:wght@${f.faces.map((x) => x.weight).join(";")}`;
  return `${name}:ital,wght@${f.faces.map((x) => `${x.italic ? 1 : 0},${x.weight}`).join(";")}`;
}

/** The css2 stylesheet URL for exactly the served faces, `display=swap`; undefined when nothing is served. */
export function googleFontsHref(plan: FontPlan): string | undefined {
  if (plan.served.length === 0) return undefined;
  return `${GOOGLE_FONTS_CSS}/css2?${plan.served.map((f) => `family=${css2Family(f)}`).join("&")}&display=swap`;
}

/** `<link>` lines for an HTML head (indented for it): preconnects, then the stylesheet. */
export function googleFontsLinks(plan: FontPlan, indent = "    "): string[] {
  const href = googleFontsHref(plan);
  if (!href) return [];
  return [
    `${indent}<link rel="preconnect" href="${GOOGLE_FONTS_CSS}" />`,
    `${indent}<link rel="preconnect" href="${GOOGLE_FONTS_FILES}" crossorigin />`,
    `${indent}<link rel="stylesheet" href="${href.replace(/&/g, "&amp;")}" />`,
  ];
}

/**
 * The npm package of a served family: `@fontsource/poppins`, or `@fontsource-variable/inter` for in-between weights.
 */
export function fontsourcePackage(f: ServedFamily): string {
  return `${f.variable ? "@fontsource-variable" : "@fontsource"}/${f.fontsourceId}`;
}

/** The side-effect imports that load exactly the served faces (`@fontsource/poppins/600-italic.css`). */
export function fontsourceImports(plan: FontPlan): string[] {
  return plan.served.flatMap((f) => {
    const pkg = fontsourcePackage(f);
    if (f.variable) return [...new Set(f.faces.map((x) => `${pkg}/${x.italic ? "wght-italic" : "wght"}.css`))];
    return f.faces.map((x) => `${pkg}/${x.weight}${x.italic ? "-italic" : ""}.css`);
  });
}

/** The packages to add to package.json, name → version range. */
export function fontsourceDependencies(plan: FontPlan): Record<string, string> {
  return Object.fromEntries(plan.served.map((f) => [fontsourcePackage(f), FONTSOURCE_VERSION]));
}

const quote = (name: string) => `"${name.replace(/["\\]/g, "")}"`;

function fallbackBlock(f: FallbackFace): string {
  const block = (local: string[], weight?: string, m: FaceMetrics = f) =>
    [
      "@font-face {",
      `  font-family: ${quote(f.name)};`,
      // One source a line, as the format pass breaks a list that starts with a function.
      local.length > 1
        ? `  src:\n${local.map((n) => `    local(${quote(n)})`).join(",\n")};`
        : `  src: ${local.map((n) => `local(${quote(n)})`).join("")};`,
      ...(weight ? [`  font-weight: ${weight};`] : []),
      `  size-adjust: ${m.sizeAdjust}%;`,
      `  ascent-override: ${m.ascentOverride}%;`,
      `  descent-override: ${m.descentOverride}%;`,
      `  line-gap-override: ${m.lineGapOverride}%;`,
      "}",
    ].join("\n");
  // Heavier than 500 takes the bold face, as the served font's nearest heavier weight would be.
  if (f.weights)
    return f.weights
      .map((w) => block(w.to > 500 && f.localBold ? f.localBold : f.local, `${w.from} ${w.to}`, w.metrics))
      .join("\n\n");
  return f.localBold ? `${block(f.local, "1 500")}\n\n${block(f.localBold, "501 1000")}` : block(f.local);
}

const fileStem = (family: string) => family.replace(/[^A-Za-z0-9]+/g, "");
/** The weights' names font files use (`Inter-SemiBold.ttf`, @expo-google-fonts' `Inter_600SemiBold`). */
export const WEIGHT_NAMES: Readonly<Record<number, string>> = {
  100: "Thin",
  200: "ExtraLight",
  300: "Light",
  400: "Regular",
  500: "Medium",
  600: "SemiBold",
  700: "Bold",
  800: "ExtraBold",
  900: "Black",
};
const faceName = (f: FontFace) =>
  `${WEIGHT_NAMES[f.weight] ?? String(f.weight)}${f.italic ? "Italic" : ""}`.replace(/^RegularItalic$/, "Italic");

/** @font-face blocks for a family no server hosts, commented out until its files are added (`dir`: where they go). */
function unservedBlock(f: UnservedFamily, dir: string): string {
  const faces = f.faces.map((face) =>
    [
      "@font-face {",
      `  font-family: ${quote(f.family)};`,
      `  src: url("${dir}/${fileStem(f.family)}-${faceName(face)}.woff2") format("woff2");`,
      `  font-weight: ${face.weight};`,
      `  font-style: ${face.italic ? "italic" : "normal"};`,
      "  font-display: swap;",
      "}",
    ].join("\n"),
  );
  return [
    `/* ${f.family.replace(/\*\//g, "")} is not on Google Fonts: add its files to ${dir}/ and remove this comment.`,
    ...faces,
    "*/",
  ].join("\n");
}

/**
 * The fonts' CSS: a fallback face per family with known metrics, then the ready @font-face blocks for the
 * families no server hosts (`fontsDir` relative to the stylesheet). Empty when there is nothing to say.
 */
export function fontFacesCss(plan: FontPlan, fontsDir: string): string {
  const blocks = [...plan.fallbacks.map(fallbackBlock), ...plan.unserved.map((f) => unservedBlock(f, fontsDir))];
  if (blocks.length === 0) return "";
  const head =
    plan.fallbacks.length > 0
      ? ["/* Metric-matched fallbacks: text keeps its size and line breaks while a font loads, or if it never does. */"]
      : [];
  return [...head, ...blocks].join("\n\n") + "\n";
}

const weightList = (faces: readonly FontFace[]) =>
  faces.map((f) => `${f.weight}${f.italic ? " italic" : ""}`).join(", ");

function layerList(layers: readonly { name: string }[]): string {
  const names = [...new Set(layers.map((l) => `"${l.name}"`))];
  return names.length <= 4 ? names.join(", ") : `${names.slice(0, 4).join(", ")} and ${names.length - 4} more`;
}

/**
 * Notes for the user: the families no server hosts (their weights, the layers using them, where the @font-face
 * block waits), and, for React without the project scaffold, the packages to install.
 */
export function fontNotes(plan: FontPlan, options: { stylesheet: string; packagesToAdd: boolean }): Problem[] {
  const notes: Problem[] = plan.unserved.map((f) => ({
    severity: "info",
    code: "font-not-served",
    message:
      `font "${f.family}" (${weightList(f.faces)}) is not on Google Fonts; used by ${layerList(f.layers)}. ` +
      `Add its files and uncomment its @font-face block in ${options.stylesheet}; ` +
      `until then it falls back to ${f.category} system fonts.`,
    nodeId: f.layers[0]?.id,
  }));
  if (options.packagesToAdd && plan.served.length > 0) {
    const packages = Object.keys(fontsourceDependencies(plan));
    notes.push({
      severity: "info",
      code: "font-packages",
      message:
        `fonts: add ${packages.join(", ")} to your project (npm install ` +
        `${packages.join(" ")}); src/fonts.ts imports the weights the frames use.`,
    });
  }
  return notes;
}

/** Tailwind's own font utilities and weights: a family slug must not be read as one of them. */
const TAILWIND_FONT_WORDS = new Set([
  "sans",
  "serif",
  "mono",
  "thin",
  "extralight",
  "light",
  "normal",
  "medium",
  "semibold",
  "bold",
  "extrabold",
  "black",
]);

/** The theme name of a family for Tailwind (`--font-inter-tight`, class `font-inter-tight`). */
export function themeFontSlug(family: string): string {
  const slug =
    family
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "design";
  return TAILWIND_FONT_WORDS.has(slug) ? `${slug}-family` : slug;
}

/** The first family of a font stack, unquoted (`"Inter Tight", "Inter Tight Fallback", …` → `Inter Tight`). */
export function firstFamily(stack: string): string {
  const first = stack.split(",")[0] ?? "";
  return first.trim().replace(/^["']|["']$/g, "");
}

/**
 * The React output's font files: src/fonts.ts importing the served faces from Fontsource (and, with CSS modules,
 * src/fonts.css: the fallback faces and the ready blocks for families no server hosts). With Tailwind,
 * src/fonts.css is the families as theme fonts (`--font-…`) with those faces; Tailwind must read it after its
 * own theme, so the entry stylesheet imports it, not fonts.ts. None when the frames have no text.
 */
export function reactFontFiles(
  plan: FontPlan,
  styling: "css-modules" | "tailwind",
  stack: (family: string) => string,
): { path: string; content: string }[] {
  const imports = fontsourceImports(plan);
  const faces = fontFacesCss(plan, "./fonts");
  const families = [
    ...new Set([
      ...plan.served.flatMap((f) => [f.family, ...f.designNames]),
      ...plan.fallbacks.map((f) => f.family),
      ...plan.unserved.map((f) => f.family),
    ]),
  ];
  const theme =
    styling === "tailwind" && families.length > 0
      ? [
          "@theme {",
          ...new Map(
            families.map((family) => [themeFontSlug(family), `  --font-${themeFontSlug(family)}: ${stack(family)};`]),
          ).values(),
          "}",
          "",
        ].join("\n")
      : "";
  const css =
    styling === "tailwind"
      ? theme &&
        `/* The design's fonts as the Tailwind theme: import after ` +
          `tailwindcss (@import "tailwindcss"; @import "./fonts.css";). */\n` +
          `${theme}${faces ? "\n" + faces : ""}`
      : faces;
  const lines = [
    ...imports.map((i) => `import "${i}";`),
    ...(styling === "css-modules" && css ? ['import "./fonts.css";'] : []),
  ];
  const files: { path: string; content: string }[] = [];
  if (lines.length > 0) {
    const packages = Object.keys(fontsourceDependencies(plan));
    const head =
      packages.length > 0
        ? [
            `// The design's fonts, only the weights the frames use: ` +
              `${packages.join(", ")} (npm install ${packages.join(" ")}).`,
          ]
        : [];
    files.push({ path: "src/fonts.ts", content: [...head, ...lines, ""].join("\n") });
  }
  if (css) files.push({ path: "src/fonts.css", content: css });
  return files;
}
