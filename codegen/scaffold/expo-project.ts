/**
 * The Expo starter project around the React Native emitter's files, as `create-expo-app` lays it out: Expo Router's
 * app/ (app/_layout.tsx, a route per screen, the flow's start at app/index.tsx), app.json, tsconfig.json (extends
 * expo/tsconfig.base, strict), metro.config.js (SVG files as components, react-native-svg-transformer), package.json
 * (no lockfile; one Expo SDK's versions: SDK 57, the last whose Metro runs on Node 20), README; the design's images in
 * assets/images/. Fonts: each Google family's faces from @expo-google-fonts (expo-fonts.ts), loaded by `useFonts` in
 * the root layout while the splash screen stays up. `npm run build` is `expo export --platform web` (the site in
 * dist/). Generated files are never overwritten. Pure: no DOM.
 */
import type { SourceFile } from "../types.js";
import { expoFontPackages, expoFonts, type ExpoFontFace } from "./expo-fonts.js";
import { starterOf, type ProjectOptions } from "./project-files.js";
import { starterPackageJson, starterReadme, withStarterFiles } from "./starter-files.js";
import { MASKED_VIEW, MASKED_VIEW_VERSION } from "../emit/react-native/mask-picture.js";

/** Expo SDK 57's versions (its bundledNativeModules.json and create-expo-app's template). */
export const EXPO_DEPENDENCIES = {
  expo: "~57.0.26",
  "expo-constants": "~57.0.20",
  "expo-font": "~57.0.4",
  "expo-linking": "~57.0.11",
  "expo-router": "~57.0.24",
  "expo-splash-screen": "~57.0.9",
  "expo-status-bar": "~57.0.1",
  react: "19.2.3",
  "react-dom": "19.2.3",
  "react-native": "0.86.3",
  // Expo Router's drawer asks for Reanimated (a peer dependency): unpinned, npm takes the newest, made for a newer
  // React Native, and a second install fails on the conflict; create-expo-app's template pins SDK 57's too.
  "react-native-gesture-handler": "~2.32.0",
  "react-native-reanimated": "4.5.1",
  "react-native-safe-area-context": "~5.7.0",
  "react-native-screens": "~4.26.0",
  "react-native-svg": "15.15.4",
  "react-native-web": "~0.21.0",
  "react-native-worklets": "0.10.1",
} as const;
export const EXPO_DEV_DEPENDENCIES = {
  "@types/react": "~19.2.2",
  "react-native-svg-transformer": "^1.5.3",
  typescript: "~6.0.3",
} as const;

export const EXPO_SCRIPTS = {
  start: "expo start",
  android: "expo start --android",
  ios: "expo start --ios",
  web: "expo start --web",
  build: "expo export --platform web",
} as const;

/** Packages of Expo's SDK beyond the template's that the generated files import (MaskedView, for a mask's picture). */
function importedPackages(files: readonly SourceFile[]): Record<string, string> {
  const imports = (name: string): boolean =>
    files.some((f) => f.bytes === undefined && /\.tsx?$/.test(f.path) && f.content.includes(`from "${name}"`));
  return imports(MASKED_VIEW) ? { [MASKED_VIEW]: MASKED_VIEW_VERSION } : {};
}

/** Where Expo's template keeps images; the emitter writes them to src/assets/. */
const IMAGES = "assets/images";

interface Screen {
  name: string;
  /** The route file: `app/index.tsx`, `app/book.tsx`. */
  path: string;
}

const kebab = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();

/** The screens src/index.ts exports, each at a route of its own: the first at app/index.tsx. */
function screensOf(files: readonly SourceFile[]): Screen[] {
  const index = files.find((f) => f.path === "src/index.ts")?.content ?? "";
  const names = [...index.matchAll(/export \{ default as (\w+) \} from "\.\/screens\/\w+";/g)].map((m) => m[1]!);
  return names.map((name, i) => ({ name, path: i === 0 ? "app/index.tsx" : `app/${kebab(name)}.tsx` }));
}

/** app/_layout.tsx: the fonts loaded (the splash screen up until they are), then Expo Router's stack, no header. */
export function expoLayout(faces: readonly ExpoFontFace[]): string {
  const router = ['import { Stack } from "expo-router";'];
  const stack = ["  return <Stack screenOptions={{ headerShown: false }} />;", "}", ""];
  if (faces.length === 0) return [...router, "", "export default function RootLayout() {", ...stack].join("\n");
  return [
    ...faces.map((f) => `import { ${f.name} } from "${f.from}";`),
    'import { useFonts } from "expo-font";',
    ...router,
    'import * as SplashScreen from "expo-splash-screen";',
    'import { useEffect } from "react";',
    "",
    "// The splash screen stays up until the design's fonts are loaded (or failed to load).",
    "void SplashScreen.preventAutoHideAsync();",
    "",
    "export default function RootLayout() {",
    "  const [loaded, error] = useFonts({",
    ...faces.map((f) => `    ${f.name},`),
    "  });",
    "",
    "  useEffect(() => {",
    "    if (loaded || error) void SplashScreen.hideAsync();",
    "  }, [loaded, error]);",
    "",
    "  if (!loaded && !error) return null;",
    ...stack,
  ].join("\n");
}

function appJson(name: string, slug: string): string {
  const json = {
    expo: {
      name: name || "Figment design",
      slug,
      scheme: slug,
      version: "0.1.0",
      orientation: "default",
      userInterfaceStyle: "light",
      // One page rendered in the browser: the screens' styles follow the window (useWindowDimensions), which a static
      // render at build time reads as 0 wide, and hydration keeps those classes (TnT's heading 0 px wide at 1440).
      web: { bundler: "metro", output: "single" },
      plugins: ["expo-router", "expo-font", ["expo-splash-screen", { backgroundColor: "#ffffff" }]],
    },
  };
  return JSON.stringify(json, null, 2) + "\n";
}

const TSCONFIG = {
  extends: "expo/tsconfig.base",
  compilerOptions: { strict: true },
  include: ["**/*.ts", "**/*.tsx", ".expo/types/**/*.ts", "expo-env.d.ts"],
};

/** Expo's Metro config, with SVG files imported as components (react-native-svg-transformer's Expo setup). */
const METRO_CONFIG = [
  'const { getDefaultConfig } = require("expo/metro-config");',
  "",
  "const config = getDefaultConfig(__dirname);",
  "// SVG files are imported as components (react-native-svg-transformer), not as images.",
  "config.transformer = {",
  "  ...config.transformer,",
  '  babelTransformerPath: require.resolve("react-native-svg-transformer/expo"),',
  "};",
  "config.resolver = {",
  "  ...config.resolver,",
  '  assetExts: config.resolver.assetExts.filter((ext) => ext !== "svg"),',
  '  sourceExts: [...config.resolver.sourceExts, "svg"],',
  "};",
  "",
  "module.exports = config;",
  "",
].join("\n");

const GITIGNORE = ["node_modules/", ".expo/", "dist/", "expo-env.d.ts", ""].join("\n");

const README_INTRO = [
  "Generated by Figment from a Figma design: an [Expo](https://expo.dev) project (SDK 57) with",
  "[Expo Router](https://docs.expo.dev/router/introduction/), for Android, iOS and the web.",
].join("\n");
const README_LAYOUT = [
  "`npm start` (`npx expo start`) starts the development server: open the app in Expo Go, an Android emulator or an",
  "iOS simulator, or press `w` for the web. `npm run build` (`npx expo export --platform web`) writes the web app",
  "to `dist/`: one page whose router shows each screen (serve `index.html` for every path).",
  "",
  "Each screen is a route in `app/` (file-based routing; `app/index.tsx` is the first screen, `app/_layout.tsx`",
  "the root layout). Screens are in `src/screens`, components in `src/components`, images in `assets/images`;",
  "SVG files are imported as components through `react-native-svg-transformer` (`metro.config.js`).",
];
const README_FONTS = [
  "",
  "The design's fonts come from the `@expo-google-fonts` packages and load with `expo-font`'s `useFonts` in",
  "`app/_layout.tsx`, the splash screen shown until they are ready. Each weight is a font of its own (Android and",
  'iOS do not pick a weight from `fontWeight`): a style names the face it uses (`fontFamily: "Inter_600SemiBold"`).',
];

function readmeFonts(faces: readonly ExpoFontFace[], systemFor: readonly string[]): string[] {
  const system = [
    "",
    `${systemFor.join(", ")} ${systemFor.length > 1 ? "are" : "is"} in no font package: the text uses the system font.`,
    "To use the design's, add its `.ttf` files to `assets/fonts/` and to `useFonts` in `app/_layout.tsx`, and name",
    "them in the styles' `fontFamily`.",
  ];
  return [...(faces.length > 0 ? README_FONTS : []), ...(systemFor.length > 0 ? system : [])];
}

/** A source file with its image paths moved from src/assets/ to assets/images/ (two folders up from src/x/). */
function withImagesMoved(content: string): string {
  return content.replace(/(["'])\.\.\/assets\//g, `$1../../${IMAGES}/`);
}

/** Every file of the downloadable Expo project: the generated files as the project has them, then its own. */
export function expoProjectFiles(files: SourceFile[], options: ProjectOptions): SourceFile[] {
  const { files: fonted, faces, systemFor } = expoFonts(files);
  const kept = fonted.map((f) => {
    if (f.path.startsWith("src/assets/")) return { ...f, path: `${IMAGES}/${f.path.slice("src/assets/".length)}` };
    if (f.bytes === undefined && /^src\/.+\.tsx$/.test(f.path)) return { ...f, content: withImagesMoved(f.content) };
    return f;
  });
  const starter = starterOf(files, options);
  const screens = screensOf(files);
  // The emitter writes app/ routes for a prototype's flow; without one, each screen gets a route here.
  const routed = files.some((f) => f.path.startsWith("app/"));
  const routes: SourceFile[] = routed
    ? []
    : screens.map((s) => ({ path: s.path, content: `export { default } from "../src/screens/${s.name}";\n` }));
  const extra: SourceFile[] = [
    { path: "app/_layout.tsx", content: expoLayout(faces) },
    ...routes,
    {
      path: "package.json",
      content: starterPackageJson(starter, {
        main: "expo-router/entry",
        scripts: EXPO_SCRIPTS,
        dependencies: { ...EXPO_DEPENDENCIES, ...importedPackages(files), ...expoFontPackages(faces) },
        devDependencies: EXPO_DEV_DEPENDENCIES,
      }),
    },
    { path: "app.json", content: appJson(options.name, starter.slug) },
    { path: "tsconfig.json", content: JSON.stringify(TSCONFIG, null, 2) + "\n" },
    { path: "metro.config.js", content: METRO_CONFIG },
    { path: ".gitignore", content: GITIGNORE },
    {
      path: "README.md",
      content: starterReadme(options, README_INTRO, [...README_LAYOUT, ...readmeFonts(faces, systemFor)], {
        run: "npm start",
      }),
    },
  ];
  return withStarterFiles(kept, extra);
}
