/**
 * The Next.js starter project around the React emitter's files, as `create-next-app` lays it out with `src/`: the
 * App Router (src/app/layout.tsx, src/app/page.tsx for the first screen, src/app/<route>/page.tsx per other screen of
 * src/routes.ts), the prototype's links as `next/link` and `useRouter`, "use client" on the files that keep state,
 * images as Next's static imports (their `.src`), package.json (no lockfile), next.config.ts (`output: "export"`:
 * `npm run build` writes the static site to out/), tsconfig.json, README; with Tailwind, postcss.config.mjs
 * (@tailwindcss/postcss). Fonts stay the React output's Fontsource imports. Generated files are never overwritten.
 * Pure: no DOM.
 */
import type { SourceFile } from "../types.js";
import { FONTSOURCE_VERSION } from "../fonts/output.js";
import {
  fontsourcePackagesIn,
  findFirstScreen,
  projectSlug,
  REACT_DEPENDENCIES,
  TAILWIND_STYLESHEET,
  tailwindStylesheet,
  type ProjectOptions,
} from "./project-files.js";

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

const sorted = (entries: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));

/** React hooks and handlers that run only in the browser: a file using them is a client component. */
const CLIENT_ONLY =
  /\b(?:useState|useEffect|useLayoutEffect|useRef|useReducer|useNavigate|useRouter|useId)\b|\bon[A-Z]\w*=/;

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
  const images: string[] = [];
  out = out.replace(
    /^import\s+(\w+)\s+from\s+(["'][^"']*\/assets\/[^"']+\.(?:png|jpe?g|gif|webp|svg|avif)["']);?$/gm,
    (_, name: string, from: string) => {
      images.push(`const ${name} = ${name}Image.src;`);
      return `import ${name}Image from ${from};`;
    },
  );
  if (images.length > 0) {
    const imports = [...out.matchAll(/^import[^;]*;$/gm)];
    const lastImport = imports[imports.length - 1]!;
    const at = lastImport.index + lastImport[0].length;
    out = `${out.slice(0, at)}\n\n${images.join("\n")}${out.slice(at)}`;
  }
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

function layoutFile(files: readonly SourceFile[], options: ProjectOptions): string {
  const has = (path: string): boolean => files.some((f) => f.path === path);
  const imports = [
    'import type { Metadata } from "next";',
    'import type { ReactNode } from "react";',
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
    '    <html lang="en">',
    "      <body>{children}</body>",
    "    </html>",
    "  );",
    "}",
    "",
  ].join("\n");
}

function packageJson(files: readonly SourceFile[], options: ProjectOptions): string {
  const fonts = Object.fromEntries(fontsourcePackagesIn(files).map((name) => [name, FONTSOURCE_VERSION]));
  const pkg = {
    name: projectSlug(options.name),
    private: true,
    version: "0.1.0",
    scripts: { dev: "next dev", build: "next build", start: "serve out" },
    dependencies: sorted({ ...fonts, ...NEXT_DEPENDENCIES }),
    devDependencies: sorted({
      ...NEXT_DEV_DEPENDENCIES,
      ...(options.styling === "tailwind" ? NEXT_TAILWIND_DEV_DEPENDENCIES : {}),
    }),
  };
  return JSON.stringify(pkg, null, 2) + "\n";
}

const NEXT_CONFIG = [
  'import type { NextConfig } from "next";',
  "",
  "// A static export: `npm run build` writes the site to out/, which any static host serves.",
  "const nextConfig: NextConfig = {",
  '  output: "export",',
  "  // Each route a folder with its index.html (out/book/index.html), which a static host serves at /book/.",
  "  trailingSlash: true,",
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

function readme(options: ProjectOptions): string {
  return [
    `# ${options.name || "Figment design"}`,
    "",
    "Generated by Figment from a Figma design: a Next.js App Router project.",
    "",
    "```sh",
    "npm install",
    "npm run dev",
    "```",
    "",
    "Screens are in `src/screens`, components in `src/components`; `src/app` has a page per screen (`page.tsx` is",
    "the first). `npm run build` type-checks and writes the static site to `out/`; `npm start` serves it.",
    "",
  ].join("\n");
}

/** Every file of the downloadable Next.js project: the generated files as Next takes them, then the project's own. */
export function nextProjectFiles(files: SourceFile[], options: ProjectOptions): SourceFile[] {
  const tailwind = options.styling === "tailwind";
  const kept = files
    // Next declares CSS modules and images itself (next-env.d.ts); React Router's table becomes src/app/.
    .filter((f) => f.path !== "src/global.d.ts" && f.path !== "src/routes.ts")
    .map((f) => (f.path.endsWith(".tsx") && f.bytes === undefined ? { ...f, content: nextSource(f.content) } : f));
  const extra: SourceFile[] = [
    { path: "src/app/layout.tsx", content: layoutFile(files, options) },
    ...routesOf(files).map(pageFile),
    { path: "package.json", content: packageJson(files, options) },
    { path: "next.config.ts", content: NEXT_CONFIG },
    { path: "tsconfig.json", content: JSON.stringify(TSCONFIG, null, 2) + "\n" },
    { path: "README.md", content: readme(options) },
  ];
  if (tailwind)
    extra.push(
      { path: "postcss.config.mjs", content: POSTCSS_CONFIG },
      { path: TAILWIND_STYLESHEET, content: tailwindStylesheet(files) },
    );
  const taken = new Set(kept.map((f) => f.path));
  return [...kept, ...extra.filter((f) => !taken.has(f.path))];
}
