/** Which prettier parser and plugins a file needs, from its extension (and, for HTML, its content). */

/** Prettier's printWidth, and the wasm formatters' lineWidth (web-fmt.ts). */
export const PRINT_WIDTH = 100;

export type PluginName = "typescript" | "babel" | "estree" | "postcss" | "html" | "angular" | "svelte";

export interface Language {
  parser: string;
  plugins: readonly PluginName[];
}

const SCRIPT_PLUGINS = ["babel", "estree"] as const;

const BY_EXTENSION: ReadonlyArray<readonly [string, Language]> = [
  [".tsx", { parser: "typescript", plugins: ["typescript", "estree"] }],
  [".ts", { parser: "typescript", plugins: ["typescript", "estree"] }],
  [".mts", { parser: "typescript", plugins: ["typescript", "estree"] }],
  [".cts", { parser: "typescript", plugins: ["typescript", "estree"] }],
  [".jsx", { parser: "babel", plugins: SCRIPT_PLUGINS }],
  [".js", { parser: "babel", plugins: SCRIPT_PLUGINS }],
  [".mjs", { parser: "babel", plugins: SCRIPT_PLUGINS }],
  [".cjs", { parser: "babel", plugins: SCRIPT_PLUGINS }],
  [".json", { parser: "json", plugins: SCRIPT_PLUGINS }],
  [".css", { parser: "css", plugins: ["postcss"] }],
  [".scss", { parser: "scss", plugins: ["postcss"] }],
  [".less", { parser: "less", plugins: ["postcss"] }],
  // Prettier's Vue parser is in its HTML plugin; `<script setup lang="ts">` and `<style>` need their plugins too.
  [".vue", { parser: "vue", plugins: ["html", "typescript", "estree", "babel", "postcss"] }],
  // prettier-plugin-svelte (its standalone build) prints the markup and hands `<script lang="ts">` and `<style>`
  // to prettier's TypeScript and CSS plugins.
  [".svelte", { parser: "svelte", plugins: ["svelte", "typescript", "estree", "babel", "postcss"] }],
];

/** Files prettier's own inference formats with `json-stringify` (like `JSON.stringify`). */
const STRINGIFIED_JSON = new Set(["package.json", "package-lock.json", "composer.json"]);

/**
 * The parser for a file, or undefined for files left as they are (Markdown, SVG, unknown).
 * HTML loads the CSS and JavaScript plugins only when the page has `<style>`/`style=` or `<script>`.
 */
export function languageFor(path: string, content: string): Language | undefined {
  const lower = path.toLowerCase();
  const name = lower.slice(lower.lastIndexOf("/") + 1);
  if (STRINGIFIED_JSON.has(name)) return { parser: "json-stringify", plugins: SCRIPT_PLUGINS };
  // An Angular component's template (src/app/…): prettier's `angular` parser reads its control flow and bindings.
  if (lower.endsWith(".html") && /(?:^|\/)src\/app\//.test(lower)) {
    const plugins: PluginName[] = ["html", "angular", "estree"];
    if (/\sstyle\s*=/i.test(content)) plugins.push("postcss");
    return { parser: "angular", plugins };
  }
  if (lower.endsWith(".html") || lower.endsWith(".htm")) {
    const plugins: PluginName[] = ["html"];
    if (/<style|\sstyle\s*=/i.test(content)) plugins.push("postcss");
    if (/<script/i.test(content)) plugins.push(...SCRIPT_PLUGINS);
    return { parser: "html", plugins };
  }
  return BY_EXTENSION.find(([extension]) => lower.endsWith(extension))?.[1];
}
