/**
 * What every starter project writes alike, whatever its ecosystem (Vite + React, Vue or Svelte, Next.js; Angular and
 * Expo plug in the same way): its package.json, its README, and the rule that a generated file is never overwritten
 * by the starter's. Each ecosystem gives its differences as data (`StarterPackage`, the README's lines). Pure: no DOM.
 *
 * A new starter: `starterPackageJson(starterOf(files, options), { scripts, dependencies, devDependencies, … })`,
 * `starterReadme(options, intro, layout)`, then `withStarterFiles(generated, [its own files])`.
 */
import { FONTSOURCE_VERSION } from "../fonts/output.js";
import type { Styling } from "../targets.js";
import type { SourceFile } from "../types.js";

/** What the starter's files depend on: the design's name, the styling, its package's name and font packages. */
export interface StarterProject {
  name: string;
  styling: Styling;
  /** The npm package name (projectSlug of the design's name). */
  slug: string;
  /** The Fontsource packages the generated files import: dependencies at FONTSOURCE_VERSION. */
  fontPackages: readonly string[];
}

/** An ecosystem's package.json, as data. */
export interface StarterPackage {
  /** `"module"` for Vite projects; absent for Next.js (its config is TypeScript). */
  type?: "module";
  /** The entry module, for a starter whose tool reads it from package.json (Expo Router's `expo-router/entry`). */
  main?: string;
  /** `npm run` scripts, in the order the file lists them (dev and build at least). */
  scripts: Record<string, string>;
  dependencies: Readonly<Record<string, string>>;
  devDependencies: Readonly<Record<string, string>>;
  /** Added to devDependencies with `--styling tailwind`. */
  tailwindDevDependencies?: Readonly<Record<string, string>>;
}

/** Package names in alphabetical order, as npm writes them. */
export const sorted = (entries: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));

/**
 * package.json (no lockfile): the ecosystem's packages, the fonts' Fontsource packages, Tailwind's when used.
 * `dependencies` is left out when nothing is in it (a Svelte project without fonts).
 */
export function starterPackageJson(project: StarterProject, pkg: StarterPackage): string {
  const fonts = Object.fromEntries(project.fontPackages.map((name) => [name, FONTSOURCE_VERSION]));
  const dependencies = sorted({ ...fonts, ...pkg.dependencies });
  const json = {
    name: project.slug,
    private: true,
    version: "0.1.0",
    ...(pkg.type ? { type: pkg.type } : {}),
    ...(pkg.main ? { main: pkg.main } : {}),
    scripts: pkg.scripts,
    ...(Object.keys(dependencies).length > 0 ? { dependencies } : {}),
    devDependencies: sorted({
      ...pkg.devDependencies,
      ...(project.styling === "tailwind" ? (pkg.tailwindDevDependencies ?? {}) : {}),
    }),
  };
  return JSON.stringify(json, null, 2) + "\n";
}

/**
 * README.md: the design's name, what was generated (`intro`), how to run it (`run`: the ecosystem's command,
 * `npm run dev` by default), where things are (`layout`).
 */
export function starterReadme(
  options: { name: string },
  intro: string,
  layout: readonly string[],
  how: { run: string } = { run: "npm run dev" },
): string {
  return [
    `# ${options.name || "Figment design"}`,
    "",
    intro,
    "",
    "```sh",
    "npm install",
    how.run,
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
