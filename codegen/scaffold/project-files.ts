/**
 * Turns generated files into a runnable project for the zip download. React gets a Vite app around the
 * components (package.json, index.html, src/main.tsx rendering the first screen, tsconfig.json,
 * vite.config.ts); HTML stays as it is, index.html at the root. Generated files are never overwritten.
 * Pure: no DOM.
 */
import type { Styling, Target } from "../targets.js";
import type { SourceFile } from "../types.js";
import { htmlDocument } from "../html-document.js";
import { basename } from "../file-paths.js";
import { viteConfig, vitePackageJson, viteReadme, withStarterFiles } from "./vite-project.js";

export { TAILWIND_DEV_DEPENDENCIES } from "./vite-project.js";

export interface ProjectOptions {
  target: Target;
  styling: Styling;
  /** The design's name (the first frame's): names the package and the page title. */
  name: string;
  /** The React starter: a Vite app (the default) or a Next.js App Router project; React Native's is Expo. */
  kind?: ProjectKind;
}

/** The starters `--project` names: React's (Vite, Next.js) and React Native's (Expo, also `--project` alone). */
export const PROJECT_KINDS = ["vite", "nextjs", "expo"] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

/** Versions of the React project's dependencies. */
export const REACT_DEPENDENCIES = { react: "^19.3.1", "react-dom": "^19.3.1" } as const;
export const REACT_DEV_DEPENDENCIES = {
  "@types/react": "^19.3.0",
  "@types/react-dom": "^19.3.0",
  "@vitejs/plugin-react": "^6.3.0",
  typescript: "^5.9.3",
  vite: "^8.3.8",
} as const;

/** A lowercase, dash-separated name usable as an npm package name and a file name. */
export function projectSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug === "" ? "figment-design" : slug;
}

export interface ScreenEntry {
  /** Exported component name, e.g. `LogInPage`. */
  name: string;
  /** Module to import it from, relative to src/main.tsx, e.g. `./index`. */
  from: string;
}

/** The first screen component: from src/index.ts's exports, else the first file in src/screens/. */
export function findFirstScreen(files: SourceFile[]): ScreenEntry | undefined {
  const index = files.find((f) => f.path === "src/index.ts" || f.path === "src/index.tsx");
  if (index) {
    const screen = /export\s*\{\s*([A-Za-z_$][\w$]*)\s*\}\s*from\s*["']\.\/screens\//.exec(index.content);
    if (screen) return { name: screen[1]!, from: "./index" };
  }
  const screenFile = files.find((f) => /^src\/screens\/[A-Za-z_$][\w$]*\.tsx$/.test(f.path));
  if (screenFile) {
    const name = basename(screenFile.path).replace(/\.tsx$/, "");
    const exported = new RegExp(
      `export\\s+(?:default\\s+)?function\\s+${name}\\b|export\\s+(?:const|let)\\s+${name}\\b`,
    ).test(screenFile.content);
    if (exported) return { name, from: `./screens/${name}` };
  }
  if (index) {
    const any = /export\s*\{\s*([A-Za-z_$][\w$]*)\s*\}\s*from/.exec(index.content);
    if (any) return { name: any[1]!, from: "./index" };
  }
  return undefined;
}

/** The router the prototype's links need (src/routes.ts, written when a screen links to another). */
export const ROUTER_DEPENDENCY = { "react-router": "^8.5.3" } as const;

const hasRoutes = (files: readonly SourceFile[]): boolean => files.some((f) => f.path === "src/routes.ts");

/** src/main.tsx for the prototype's screens: each at its route (src/routes.ts), behind React Router. */
function routedMain(files: SourceFile[], options: ProjectOptions): string {
  const imports = ['import { StrictMode } from "react";', 'import { createRoot } from "react-dom/client";'];
  imports.push(
    'import { createBrowserRouter } from "react-router";',
    'import { RouterProvider } from "react-router/dom";',
  );
  if (options.styling === "tailwind") imports.push('import "./tailwind.css";');
  // src/index.ts brings the fonts and the global styles in.
  if (files.some((f) => f.path === "src/index.ts")) imports.push('import "./index";');
  imports.push('import { routes } from "./routes";');
  const router =
    "const router = createBrowserRouter(routes.map(({ path, Screen }) => ({ path, element: <Screen /> })));";
  return mainFile(imports, [router, ""], "<RouterProvider router={router} />");
}

/** src/main.tsx: its imports and declarations, then `element` rendered into #root. */
function mainFile(imports: readonly string[], declarations: readonly string[], element: string): string {
  return [
    ...imports,
    "",
    ...declarations,
    'const root = document.getElementById("root");',
    'if (!root) throw new Error("index.html has no #root element");',
    "",
    "createRoot(root).render(",
    "  <StrictMode>",
    `    ${element}`,
    "  </StrictMode>,",
    ");",
    "",
  ].join("\n");
}

function reactMain(files: SourceFile[], options: ProjectOptions): string {
  if (hasRoutes(files)) return routedMain(files, options);
  const screen = findFirstScreen(files);
  const hasGlobalCss = files.some((f) => f.path === "src/global.css");
  const imports = ['import { StrictMode } from "react";', 'import { createRoot } from "react-dom/client";'];
  if (options.styling === "tailwind") imports.push('import "./tailwind.css";');
  // src/index.ts imports the fonts and global.css itself; a screen imported directly needs them here.
  const direct = screen && screen.from !== "./index";
  if (direct && files.some((f) => f.path === "src/fonts.ts")) imports.push('import "./fonts";');
  if (hasGlobalCss && direct) imports.push('import "./global.css";');
  if (screen) imports.push(`import { ${screen.name} } from "${screen.from}";`);
  const element = screen ? `<${screen.name} />` : "<p>No screen was generated.</p>";
  return mainFile(imports, [], element);
}

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    module: "ESNext",
    moduleResolution: "bundler",
    jsx: "react-jsx",
    strict: true,
    noEmit: true,
    isolatedModules: true,
    skipLibCheck: true,
  },
  include: ["src", "vite.config.ts"],
};

function indexHtml(options: ProjectOptions): string {
  return htmlDocument(
    options.name || "Figment design",
    [],
    ['    <div id="root"></div>', '    <script type="module" src="/src/main.tsx"></script>'],
  );
}

/** The Fontsource packages the files import (`@fontsource/poppins/600.css`, `@fontsource-variable/inter`). */
export function fontsourcePackagesIn(files: readonly SourceFile[]): string[] {
  const found = new Set<string>();
  for (const f of files) {
    if (!/\.(tsx?|jsx?|css)$/.test(f.path)) continue;
    for (const m of f.content.matchAll(/["'](@fontsource(?:-variable)?\/[a-z0-9-]+)(?:\/[^"']*)?["']/g))
      found.add(m[1]!);
  }
  return [...found].sort();
}

/** The Tailwind project's stylesheet, which src/main.tsx imports (the React preview compiles the same). */
export const TAILWIND_STYLESHEET = "src/tailwind.css";

/**
 * Its content: Tailwind, then the design tokens' @theme (src/tokens.css), which Tailwind must read after its own
 * theme, and so the fonts' theme (src/fonts.css).
 */
export function tailwindStylesheet(files: readonly SourceFile[]): string {
  const tokens = files.some((f) => f.path === "src/tokens.css") ? '@import "./tokens.css";\n' : "";
  const fonts = files.some((f) => f.path === "src/fonts.css") ? '@import "./fonts.css";\n' : "";
  return `@import "tailwindcss";\n${tokens}${fonts}`;
}

export const IMPORTS_TAILWIND = /@import\s+(?:url\(\s*)?["']?tailwindcss(?:\/index(?:\.css)?)?["']?\s*\)?[^;]*;/;

export const withoutComments = (css: string): string => css.replace(/\/\*[\s\S]*?\*\//g, "");

/**
 * A stylesheet that brings Tailwind in: `@import "tailwindcss"`, or v3's `@tailwind base` / `utilities` (comments
 * aside).
 */
export function importsTailwind(css: string): boolean {
  const code = withoutComments(css);
  return IMPORTS_TAILWIND.test(code) || /@tailwind\s+(?:base|utilities)\b/.test(code);
}

/**
 * The stylesheet Tailwind's build compiles a project's classes into, whose folder their relative url()s are
 * resolved from: the first plain CSS file that imports Tailwind (a model's src/index.css), else the one this
 * module adds to the project (src/tailwind.css).
 */
export function tailwindEntryPath(files: readonly SourceFile[]): string {
  const entry = files.find(
    (f) => /\.css$/i.test(f.path) && !/\.module\.css$/i.test(f.path) && importsTailwind(f.content),
  );
  return entry?.path ?? TAILWIND_STYLESHEET;
}

/** What the React project's README says about its layout: one screen, or routes (react-router 8 needs Node 22.22). */
function reactReadmeNotes(routes: boolean): string[] {
  if (!routes)
    return ["Components are in `src/components`, screens in `src/screens`; `src/main.tsx` renders the first screen."];
  return [
    "Components are in `src/components`, screens in `src/screens`; `src/routes.ts` gives each screen its route (the",
    "flow's starting point is `/`) and the prototype's links go between them, through react-router, which needs",
    "Node 22.22 or later.",
  ];
}

/** Every file of the downloadable project, generated files first. */
export function projectFiles(files: SourceFile[], options: ProjectOptions): SourceFile[] {
  if (options.target !== "react") return [...files];
  const extra: SourceFile[] = [
    {
      path: "package.json",
      content: vitePackageJson(starterOf(files, options), {
        build: "tsc && vite build",
        dependencies: { ...REACT_DEPENDENCIES, ...(hasRoutes(files) ? ROUTER_DEPENDENCY : {}) },
        devDependencies: REACT_DEV_DEPENDENCIES,
      }),
    },
    { path: "index.html", content: indexHtml(options) },
    { path: "src/main.tsx", content: reactMain(files, options) },
    { path: "tsconfig.json", content: JSON.stringify(TSCONFIG, null, 2) + "\n" },
    { path: "vite.config.ts", content: viteConfig("react", "@vitejs/plugin-react", options) },
    {
      path: "README.md",
      content: viteReadme(options, "Generated by Figment from a Figma design.", reactReadmeNotes(hasRoutes(files))),
    },
  ];
  if (options.styling === "tailwind") extra.push({ path: TAILWIND_STYLESHEET, content: tailwindStylesheet(files) });
  return withStarterFiles(files, extra);
}

/** The package's name and the fonts' packages a starter's package.json lists. */
export function starterOf(
  files: readonly SourceFile[],
  options: ProjectOptions,
): ProjectOptions & { slug: string; fontPackages: string[] } {
  return { ...options, slug: projectSlug(options.name), fontPackages: fontsourcePackagesIn(files) };
}
