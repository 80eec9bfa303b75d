/**
 * What every Vite starter project (React, Vue, Svelte) writes alike on top of the shared starter files
 * (starter-files.ts): the Vite scripts of its package.json and vite.config.ts. Pure: no DOM.
 */
import type { Styling } from "../targets.js";
import { starterPackageJson, type StarterProject } from "./starter-files.js";

export { starterReadme as viteReadme, withStarterFiles } from "./starter-files.js";

export const TAILWIND_DEV_DEPENDENCIES = { "@tailwindcss/vite": "^4.3.5", tailwindcss: "^4.3.5" } as const;

/** What the starter's files depend on: the design's name, the styling. */
export interface ViteProject {
  name: string;
  styling: Styling;
}

/** package.json (no lockfile): Vite's scripts with the framework's build, its packages, the fonts', Tailwind's. */
export function vitePackageJson(
  project: StarterProject,
  framework: {
    build: string;
    dependencies: Readonly<Record<string, string>>;
    devDependencies: Readonly<Record<string, string>>;
  },
): string {
  return starterPackageJson(project, {
    type: "module",
    scripts: { dev: "vite", build: framework.build, preview: "vite preview" },
    dependencies: framework.dependencies,
    devDependencies: framework.devDependencies,
    tailwindDevDependencies: TAILWIND_DEV_DEPENDENCIES,
  });
}

/**
 * vite.config.ts with the framework's plugin (`plugin` is imported from `from`, as its default export or, `named`,
 * by its name) and Tailwind's when used.
 */
export function viteConfig(plugin: string, from: string, options: ViteProject, named = false): string {
  const tailwind = options.styling === "tailwind";
  return [
    'import { defineConfig } from "vite";',
    `import ${named ? `{ ${plugin} }` : plugin} from "${from}";`,
    ...(tailwind ? ['import tailwindcss from "@tailwindcss/vite";'] : []),
    "",
    "export default defineConfig({",
    `  plugins: [${tailwind ? `${plugin}(), tailwindcss()` : `${plugin}()`}],`,
    "});",
    "",
  ].join("\n");
}
