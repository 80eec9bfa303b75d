/**
 * The React Native preview: a React Native project's files (codegen/emit/react-native/emit.ts) shown through
 * react-native-web by the React preview's document builder (react-preview.ts: modules, assets), with the runtime
 * script of React, react-dom, react-native-web and react-native-svg's web build in the page
 * (dist/react-native-runtime.js, ui/preview-runtime/react-native-globals.ts) and a main of the preview's own: the
 * screens of expo-router's app/ routes, the one at `/` first, each Link's press showing the screen at its href.
 * A `require()`d image is its asset's URL (react-native-web's Image takes a string source); an imported SVG file
 * (react-native-svg-transformer's component) is an `SvgXml` of the file's text; each style's font family is React's
 * font stack for it, beside React's fallback faces (react-native-fonts.ts; `measured`: those of fonts no catalog knows,
 * which fontPlan measures from the design). Pure: no DOM, no Node.
 */
import type { FallbackFace } from "../fonts/plan.js";
import type { SourceFile } from "../types.js";
import { previewFontFaces, styleFamilies, withFontStacks } from "./react-native-fonts.js";
import { buildReactPreview, type ReactPreview } from "./react-preview.js";

/** The modules the project imports, which the runtime's script provides. */
export const REACT_NATIVE_BUILTINS = [
  "react",
  "react/jsx-runtime",
  "react/jsx-dev-runtime",
  "react-dom",
  "react-dom/client",
  "react-native",
  "react-native-svg",
  "expo-router",
  "@react-native-masked-view/masked-view",
];

export const REACT_NATIVE_PREVIEW_MAIN = "src/figment-preview-main.tsx";
/** The fallback faces of the design's fonts (react-native-fonts.ts), which the preview's main imports. */
const PREVIEW_FONTS = "src/figment-preview-fonts.css";

/** An SVG file's component module: the path it is imported by in the preview. */
const SVG_MODULE = ".figment.tsx";

/** Each SVG file's component module, and the sources importing it from there. */
export function svgComponents(files: readonly SourceFile[]): SourceFile[] {
  const out: SourceFile[] = [];
  for (const file of files) {
    if (file.path.endsWith(".svg")) {
      // The emitters write SVG files as text; bytes (a fetched file) are read as Latin-1, the markup being ASCII.
      const xml = file.bytes ? Array.from(file.bytes, (b) => String.fromCharCode(b)).join("") : file.content;
      out.push(file, {
        path: `${file.path}${SVG_MODULE}`,
        content: [
          'import { SvgXml, type SvgProps } from "react-native-svg";',
          `const xml = ${JSON.stringify(xml)};`,
          "export default function SvgFile(props: SvgProps) {",
          "  return <SvgXml xml={xml} {...props} />;",
          "}",
          "",
        ].join("\n"),
      });
    } else if (/\.[jt]sx?$/.test(file.path)) {
      const content = file.content.replace(/(from\s+["'][^"'\n]+\.svg)(["'])/g, `$1${SVG_MODULE}$2`);
      out.push({ ...file, content });
    } else out.push(file);
  }
  return out;
}

/** Route → the module of its screen: app/*.tsx (expo-router's files), else the first of src/screens/. */
function screenRoutes(files: readonly SourceFile[]): [string, string][] {
  const routes: [string, string][] = [];
  for (const f of files) {
    const m = /^app\/([^_][^/]*)\.tsx$/.exec(f.path);
    if (m) routes.push([m[1] === "index" ? "/" : `/${m[1]}`, `../${f.path.replace(/\.tsx$/, "")}`]);
  }
  if (routes.length > 0) return routes.sort(([a], [b]) => (a === "/" ? -1 : b === "/" ? 1 : a.localeCompare(b)));
  const first = files.find((f) => /^src\/screens\/[^/]+\.tsx$/.test(f.path));
  return first ? [["/", `./${first.path.slice(4, -4)}`]] : [];
}

/** The preview's main: the screens by route, the first shown, a Link's `figment-navigate` event showing another. */
export function reactNativePreviewMain(files: readonly SourceFile[]): string {
  const routes = screenRoutes(files);
  return [
    'import { createElement, useEffect, useState, type ComponentType } from "react";',
    'import { createRoot } from "react-dom/client";',
    'import { NAVIGATE } from "expo-router";',
    ...routes.map(([, from], i) => `import Screen${i} from "${from}";`),
    `const screens: Record<string, ComponentType> = { ${routes.map(([r], i) => `"${r}": Screen${i}`).join(", ")} };`,
    `const start = ${JSON.stringify(routes[0]?.[0] ?? "/")};`,
    "function Preview() {",
    "  const [path, setPath] = useState(start);",
    "  useEffect(() => {",
    "    const go = (event: Event) => setPath((event as CustomEvent<string>).detail);",
    "    window.addEventListener(NAVIGATE, go);",
    "    return () => window.removeEventListener(NAVIGATE, go);",
    "  }, []);",
    "  const Screen = screens[path] ?? screens[start];",
    "  return Screen ? createElement(Screen) : null;",
    "}",
    'createRoot(document.getElementById("root")!).render(createElement(Preview));',
    "",
  ].join("\n");
}

/** The preview document of a React Native project's files; `native` is dist/react-native-runtime.js's script. */
export function reactNativePreview(
  files: SourceFile[],
  runtime: string,
  native: string,
  measured: readonly FallbackFace[] = [],
): ReactPreview {
  const fonts = previewFontFaces(styleFamilies(files), measured);
  const main = reactNativePreviewMain(files);
  const all = [
    ...withFontStacks(svgComponents(files), measured),
    { path: REACT_NATIVE_PREVIEW_MAIN, content: fonts ? `import "./${PREVIEW_FONTS.slice(4)}";\n${main}` : main },
    ...(fonts ? [{ path: PREVIEW_FONTS, content: fonts }] : []),
  ];
  return buildReactPreview(all, `${native}\n${runtime}`, {
    builtins: REACT_NATIVE_BUILTINS,
    main: REACT_NATIVE_PREVIEW_MAIN,
  });
}
