/**
 * What every Vite starter project (React, Vue; Svelte next) writes alike: its package.json, vite.config.ts and
 * README, and the rule that a generated file is never overwritten by the starter's. Pure: no DOM.
 */
import { FONTSOURCE_VERSION } from "../fonts/output.js";
import type { SourceFile } from "../types.js";
import type { Styling, Target } from "../targets.js";

export interface ProjectOptions {
  target: Target;
  styling: Styling;
  /** The design's name (the first frame's): names the package and the page title. */
  name: string;
}

export const TAILWIND_DEV_DEPENDENCIES = { "@tailwindcss/vite": "^4.3.5", tailwindcss: "^4.3.5" } as const;

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

const sorted = (entries: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));

/** package.json (no lockfile): the framework's packages, the fonts' Fontsource packages, Tailwind's when used. */
export function vitePackageJson(
  files: readonly SourceFile[],
  options: ProjectOptions,
  framework: { build: string; dependencies: Record<string, string>; devDependencies: Record<string, string> },
): string {
  const fonts = Object.fromEntries(fontsourcePackagesIn(files).map((name) => [name, FONTSOURCE_VERSION]));
  const pkg = {
    name: projectSlug(options.name),
    private: true,
    version: "0.1.0",
    type: "module",
    scripts: { dev: "vite", build: framework.build, preview: "vite preview" },
    dependencies: sorted({ ...fonts, ...framework.dependencies }),
    devDependencies: sorted({
      ...framework.devDependencies,
      ...(options.styling === "tailwind" ? TAILWIND_DEV_DEPENDENCIES : {}),
    }),
  };
  return JSON.stringify(pkg, null, 2) + "\n";
}

/** vite.config.ts with the framework's plugin (`plugin` is imported from `from`) and Tailwind's when used. */
export function viteConfig(plugin: string, from: string, options: ProjectOptions): string {
  const tailwind = options.styling === "tailwind";
  return [
    'import { defineConfig } from "vite";',
    `import ${plugin} from "${from}";`,
    ...(tailwind ? ['import tailwindcss from "@tailwindcss/vite";'] : []),
    "",
    "export default defineConfig({",
    `  plugins: [${tailwind ? `${plugin}(), tailwindcss()` : `${plugin}()`}],`,
    "});",
    "",
  ].join("\n");
}

/** README.md: the design's name, what was generated (`intro`), how to run it, where things are (`layout`). */
export function viteReadme(options: ProjectOptions, intro: string, layout: readonly string[]): string {
  return [
    `# ${options.name || "Figment design"}`,
    "",
    intro,
    "",
    "```sh",
    "npm install",
    "npm run dev",
    "```",
    "",
    ...layout,
    "",
  ].join("\n");
}

/** The generated files, then the starter's files that none of them replaces. */
export function withStarterFiles(files: SourceFile[], starter: readonly SourceFile[]): SourceFile[] {
  const taken = new Set(files.map((f) => f.path));
  return [...files, ...starter.filter((f) => !taken.has(f.path))];
}
