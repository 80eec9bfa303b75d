/**
 * The Next.js starter project around the React emitter's files, as `create-next-app` lays it out with `src/`: the
 * App Router (src/app/layout.tsx, src/app/page.tsx for the first screen, src/app/<route>/page.tsx per other screen of
 * src/routes.ts), the prototype's links as `next/link` and `useRouter`, "use client" on the files that keep state,
 * images as Next's static imports, package.json (no lockfile), next.config.ts (`output: "export"`:
 * `npm run build` writes the static site to out/), tsconfig.json, README; with Tailwind, postcss.config.mjs
 * (@tailwindcss/postcss). Fonts through next/font/local on the Fontsource packages' files (next-fonts.ts says why not
 * next/font/google), raster images through next/image. package.json and README from the shared starter writer
 * (starter-files.ts). Generated files are never overwritten. Pure: no DOM.
 */
import type { SourceFile } from "../types.js";
import {
  findFirstScreen,
  REACT_DEPENDENCIES,
  starterOf,
  TAILWIND_STYLESHEET,
  tailwindStylesheet,
  type ProjectOptions,
} from "./project-files.js";
import {
  NEXT_FONTS_MODULE,
  nextFonts,
  nextFontsModule,
  withFontVariables,
  withoutFontsourceImports,
  type NextFont,
} from "./next-fonts.js";
import { starterPackageJson, starterReadme, withStarterFiles } from "./starter-files.js";

/** Versions of the Next.js project's dependencies. */
export const NEXT_DEPENDENCIES = { next: "^16.0.0", ...REACT_DEPENDENCIES } as const;
export const NEXT_DEV_DEPENDENCIES = {
  "@types/node": "^22.0.0",
  "@types/react": "^19.3.0",
  "@types/react-dom": "^19.3.0",
  serve: "^14.2.5",
  typescript: "^5.9.3",
} as const;
export const NEXT_TAILWIND_DEV_DEPENDENCIES = {
  "@tailwindcss/postcss": "^4.3.5",
  postcss: "^8.5.6",
  tailwindcss: "^4.3.5",
} as const;

/** React hooks and handlers that run only in the browser: a file using them is a client component. */
const CLIENT_ONLY =
  /\b(?:useState|useEffect|useLayoutEffect|useRef|useReducer|useNavigate|useRouter|useId)\b|\bon[A-Z]\w*=/;

const IMAGE_IMPORT = /^import\s+(\w+)\s+from\s+(["'][^"']*\/assets\/[^"']+\.(png|jpe?g|gif|webp|svg|avif)["']);?$/gm;

/**
 * Next imports an image as an object (its file's `src`, `width`, `height`): a raster image shown only as an <img>'s
 * `src` becomes next/image's <Image> with the imported object, whose width and height are the asset's (the design's
 * size at its export scale; the class keeps the size on the page). Any other use gets the object's `.src`. SVGs stay
 * <img>: next/image does not optimize them (vectors need no resizing), so <Image> would only add its wrapper props.
 */
function withNextImages(content: string): string {
  const imports = [...content.matchAll(IMAGE_IMPORT)];
  if (imports.length === 0) return content;
  let out = content;
  const consts: string[] = [];
  let usesImage = false;
  // A design component named Image keeps its name: next/image's is then NextImage.
  const tag = /\bImage\b/.test(content) ? "NextImage" : "Image";
  for (const [whole, name, from, ext] of imports as unknown as [string, string, string, string][]) {
    out = out.replace(whole, `import ${name}Image from ${from};`);
    const asSrc = new RegExp(`(<img\\b)([^>]*?\\ssrc=\\{)${name}\\}`, "g");
    if (ext !== "svg") {
      const shown = out.replace(asSrc, `<${tag}$2${name}Image}`);
      if (!new RegExp(`\\b${name}\\b`).test(shown)) {
        out = shown;
        usesImage = true;
        continue;
      }
    }
    consts.push(`const ${name} = ${name}Image.src;`);
  }
  if (usesImage)
    out = out.replace(/^import\s+\w+Image\s+from\s/m, (first) => `import ${tag} from "next/image";\n${first}`);
  if (consts.length === 0) return out;
  const all = [...out.matchAll(/^import[^;]*;$/gm)];
  const last = all[all.length - 1]!;
  const at = last.index + last[0].length;
  return `${out.slice(0, at)}\n\n${consts.join("\n")}${out.slice(at)}`;
}

/**
 * A generated .tsx file as Next.js takes it: React Router's Link and useNavigate become next/link and
 * next/navigation's router, an image import's value its `.src` (Next imports an image as an object), and "use client"
 * on top when it keeps state or handles events.
 */
export function nextSource(content: string): string {
  let out = content;
  const router = /^import\s*\{([^}]*)\}\s*from\s*["']react-router["'];?\n/m.exec(out);
  if (router) {
    const names = router[1]!.split(",").map((n) => n.trim());
    const lines = [
      ...(names.includes("Link") ? ['import Link from "next/link";'] : []),
      ...(names.includes("useNavigate") ? ['import { useRouter } from "next/navigation";'] : []),
    ];
    out = out.replace(router[0], lines.map((l) => `${l}\n`).join(""));
    out = out.replace(/\bconst\s+(\w+)\s*=\s*useNavigate\(\);/g, "const $1 = useRouter().push;");
    out = out.replace(/(<Link\b[^>]*?\s)to=/g, "$1href=");
  }
  out = withNextImages(out);
  return CLIENT_ONLY.test(out) ? `"use client";\n\n${out}` : out;
}

interface Route {
  path: string;
  name: string;
}

/** The screens' routes (src/routes.ts's `{ path: "/x", Screen: X }`), else the first screen at `/`. */
function routesOf(files: SourceFile[]): Route[] {
  const table = files.find((f) => f.path === "src/routes.ts");
  if (table) {
    return [...table.content.matchAll(/\{\s*path:\s*"([^"]*)",\s*Screen:\s*(\w+)\s*\}/g)].map((m) => ({
      path: m[1]!,
      name: m[2]!,
    }));
  }
  const first = findFirstScreen(files);
  return first ? [{ path: "/", name: first.name }] : [];
}

/** src/app/<route>/page.tsx: the screen at that route. */
function pageFile(route: Route): SourceFile {
  const depth = route.path === "/" ? 0 : route.path.split("/").filter(Boolean).length;
  const up = "../".repeat(depth + 1);
  const dir = route.path === "/" ? "src/app" : `src/app${route.path}`;
  return {
    path: `${dir}/page.tsx`,
    content: [
      `import { ${route.name} } from "${up}screens/${route.name}";`,
      "",
      "export default function Page() {",
      `  return <${route.name} />;`,
      "}",
      "",
    ].join("\n"),
  };
}

function layoutFile(files: readonly SourceFile[], options: ProjectOptions, fonts: readonly NextFont[]): string {
  const has = (path: string): boolean => files.some((f) => f.path === path);
  const imports = [
    'import type { Metadata } from "next";',
    'import type { ReactNode } from "react";',
    ...(fonts.length > 0 ? [`import { ${fonts.map((f) => f.binding).join(", ")} } from "./fonts";`] : []),
    ...(has("src/fonts.ts") ? ['import "../fonts";'] : []),
    ...(has("src/global.css") ? ['import "../global.css";'] : []),
    ...(options.styling === "tailwind" ? ['import "../tailwind.css";'] : []),
  ];
  return [
    ...imports,
    "",
    `export const metadata: Metadata = { title: ${JSON.stringify(options.name || "Figment design")} };`,
    "",
    "export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {",
    "  return (",
    fonts.length > 0
      ? `    <html lang="en" className={${fonts.map((f) => `${f.binding}.variable`).join(' + " " + ')}}>`
      : '    <html lang="en">',
    "      <body>{children}</body>",
    "    </html>",
    "  );",
    "}",
    "",
  ].join("\n");
}

function packageJson(files: readonly SourceFile[], options: ProjectOptions): string {
  return starterPackageJson(starterOf(files, options), {
    scripts: { dev: "next dev", build: "next build", start: "serve out" },
    dependencies: NEXT_DEPENDENCIES,
    devDependencies: NEXT_DEV_DEPENDENCIES,
    tailwindDevDependencies: NEXT_TAILWIND_DEV_DEPENDENCIES,
  });
}

const NEXT_CONFIG = [
  'import type { NextConfig } from "next";',
  "",
  "// A static export: `npm run build` writes the site to out/, which any static host serves.",
  "const nextConfig: NextConfig = {",
  '  output: "export",',
  "  // Each route a folder with its index.html (out/book/index.html), which a static host serves at /book/.",
  "  trailingSlash: true,",
  "  // next/image resizes on a server; a static export ships the files as they are (Next's export-image-api docs).",
  "  images: { unoptimized: true },",
  "};",
  "",
  "export default nextConfig;",
  "",
].join("\n");

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["dom", "dom.iterable", "esnext"],
    allowJs: false,
    skipLibCheck: true,
    strict: true,
    noEmit: true,
    esModuleInterop: true,
    module: "esnext",
    moduleResolution: "bundler",
    resolveJsonModule: true,
    isolatedModules: true,
    jsx: "preserve",
    incremental: true,
    plugins: [{ name: "next" }],
    paths: { "@/*": ["./src/*"] },
  },
  include: ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
  exclude: ["node_modules"],
};

const POSTCSS_CONFIG = 'const config = { plugins: { "@tailwindcss/postcss": {} } };\n\nexport default config;\n';

const README_INTRO = "Generated by Figment from a Figma design: a Next.js App Router project.";
const README_LAYOUT = [
  "Screens are in `src/screens`, components in `src/components`; `src/app` has a page per screen (`page.tsx` is",
  "the first). `npm run build` type-checks and writes the static site to `out/`; `npm start` serves it.",
];
const README_FONTS = [
  "",
  "The design's fonts load through `next/font/local` (`src/app/fonts.ts`) from the woff2 files of their Fontsource",
  "packages in `node_modules`, not `next/font/google`: that one downloads the fonts from Google during `next build`,",
  "which then fails on a machine or a CI without access to fonts.googleapis.com; these need only the npm registry.",
  "Each family is a CSS variable (`--next-font-…`) that the styles' font stacks start with. Only the Latin subset",
  "ships (add a subset's file to `src/app/fonts.ts` for other scripts); a family no Fontsource package has keeps",
  "the font stack the design names.",
];
const README_IMAGES = [
  "",
  "Images are `next/image`'s `<Image>` on their static import (width and height from the file; `next.config.ts`",
  "sets `images: { unoptimized: true }`, which a static export needs); SVGs stay `<img>`, which next/image would",
  "not optimize.",
];

/** Every file of the downloadable Next.js project: the generated files as Next takes them, then the project's own. */
export function nextProjectFiles(files: SourceFile[], options: ProjectOptions): SourceFile[] {
  const tailwind = options.styling === "tailwind";
  const fonts = nextFonts(files);
  const kept = files
    // Next declares CSS modules and images itself (next-env.d.ts); React Router's table becomes src/app/.
    .filter((f) => f.path !== "src/global.d.ts" && f.path !== "src/routes.ts")
    .map((f) => (f.bytes === undefined ? { ...f, content: nextFile(f, fonts) } : f));
  const images = kept.some((f) => f.path.endsWith(".tsx") && f.content.includes('from "next/image";'));
  const readme = [...README_LAYOUT, ...(fonts.length > 0 ? README_FONTS : []), ...(images ? README_IMAGES : [])];
  const extra: SourceFile[] = [
    { path: "src/app/layout.tsx", content: layoutFile(files, options, fonts) },
    ...(fonts.length > 0 ? [{ path: NEXT_FONTS_MODULE, content: nextFontsModule(fonts) }] : []),
    ...routesOf(files).map(pageFile),
    { path: "package.json", content: packageJson(files, options) },
    { path: "next.config.ts", content: NEXT_CONFIG },
    { path: "tsconfig.json", content: JSON.stringify(TSCONFIG, null, 2) + "\n" },
    { path: "README.md", content: starterReadme(options, README_INTRO, readme) },
  ];
  if (tailwind)
    extra.push(
      { path: "postcss.config.mjs", content: POSTCSS_CONFIG },
      { path: TAILWIND_STYLESHEET, content: tailwindStylesheet(files) },
    );
  return withStarterFiles(kept, extra);
}

/** A generated text file as the Next.js project has it: sources for Next, stylesheets on next/font's variables. */
function nextFile(file: SourceFile, fonts: readonly NextFont[]): string {
  if (file.path.endsWith(".tsx")) return nextSource(file.content);
  if (file.path.endsWith(".css")) return withFontVariables(file.content, fonts);
  if (file.path === "src/fonts.ts" && fonts.length > 0) return withoutFontsourceImports(file.content);
  return file.content;
}
