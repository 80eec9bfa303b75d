/**
 * What every Vite starter project (React, Vue; Svelte next) writes alike: its package.json, vite.config.ts and
 * README, and the rule that a generated file is never overwritten by the starter's. Pure: no DOM.
 */
import { FONTSOURCE_VERSION } from "../fonts/output.js";
import type { SourceFile } from "../types.js";
import type { Styling } from "../targets.js";

export const TAILWIND_DEV_DEPENDENCIES = { "@tailwindcss/vite": "^4.3.5", tailwindcss: "^4.3.5" } as const;

/** What the starter's files depend on: the design's name, the styling. */
export interface ViteProject {
  name: string;
  styling: Styling;
}

const sorted = (entries: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));

/** package.json (no lockfile): the framework's packages, the fonts' Fontsource packages, Tailwind's when used. */
export function vitePackageJson(
  project: ViteProject & { slug: string; fontPackages: readonly string[] },
  framework: { build: string; dependencies: Record<string, string>; devDependencies: Record<string, string> },
): string {
  const fonts = Object.fromEntries(project.fontPackages.map((name) => [name, FONTSOURCE_VERSION]));
  const pkg = {
    name: project.slug,
    private: true,
    version: "0.1.0",
    type: "module",
    scripts: { dev: "vite", build: framework.build, preview: "vite preview" },
    dependencies: sorted({ ...fonts, ...framework.dependencies }),
    devDependencies: sorted({
      ...framework.devDependencies,
      ...(project.styling === "tailwind" ? TAILWIND_DEV_DEPENDENCIES : {}),
    }),
  };
  return JSON.stringify(pkg, null, 2) + "\n";
}

/** vite.config.ts with the framework's plugin (`plugin` is imported from `from`) and Tailwind's when used. */
export function viteConfig(plugin: string, from: string, options: ViteProject): string {
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
export function viteReadme(options: ViteProject, intro: string, layout: readonly string[]): string {
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
