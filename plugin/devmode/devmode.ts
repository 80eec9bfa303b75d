/**
 * Dev Mode codegen: Figma calls the "generate" handler for the inspected node and shows one section per
 * returned file. Offline only: codegen/load + codegen/emit (never codegen/index, which pulls in ts-morph
 * and prettier — those run in the UI's worker), so it stays far inside Figma's 15 s limit;
 * results are cached by node id + language + styling + a hash of the exported JSON, so re-inspecting an
 * unchanged node costs one export and a hash. Never throws: a problem becomes a plain-text section.
 * React output draws the instances the document's component mapping names as the team's components
 * (plugin/storage/components-store.ts); the mapping's text is part of the cache key.
 */
import { errorText, formatCount } from "../errors.js";
import { hashString } from "./hash.js";
import { MAX_LAYERS, MAX_SIDE } from "../../contract/limits.js";
import { CODEGEN_CACHE_SIZE } from "../limits.js";
import { Lru } from "./lru.js";
import { countDescendants } from "../export/size.js";
import { emitFiles } from "../../codegen/emit/index.js";
import { loadDesign, type CodeOptions } from "../../codegen/load.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import { loadComponents } from "../storage/components-store.js";
import { isFigmentError } from "../../kernel/errors.js";

type Language = CodegenResult["language"];

export interface CodegenStats {
  hits: number;
  misses: number;
  /** Entries held now (at most CODEGEN_CACHE_SIZE). */
  readonly cached: number;
}

const LANGUAGES: Record<string, Language> = {
  tsx: "TYPESCRIPT",
  ts: "TYPESCRIPT",
  jsx: "JAVASCRIPT",
  js: "JAVASCRIPT",
  mjs: "JAVASCRIPT",
  css: "CSS",
  html: "HTML",
  // Figma's code view has no Vue or Svelte: a component is HTML-like markup with its script and style blocks.
  vue: "HTML",
  svelte: "HTML",
  svg: "HTML",
  json: "JSON",
};

export function languageOf(path: string): Language {
  const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
  return LANGUAGES[ext] ?? "PLAINTEXT";
}

function note(code: string): CodegenResult {
  return { title: "Figment", code, language: "PLAINTEXT" };
}

function toResults(files: SourceFile[], problems: Problem[]): CodegenResult[] {
  const results: CodegenResult[] = files.map((f) => ({ title: f.path, code: f.content, language: languageOf(f.path) }));
  // Which check the inferred layout had (Dev Mode has no browser: the simulator's) is said with the notes.
  const notable = problems.filter((p) => p.severity !== "info" || p.code === "layout-check");
  if (notable.length > 0) {
    results.push({
      title: "Figment notes",
      code: notable.map((p) => `${p.severity}: ${p.message}`).join("\n"),
      language: "PLAINTEXT",
    });
  }
  return results;
}

function optionsFor(language: string): CodeOptions | undefined {
  if (
    language !== "react" &&
    language !== "html" &&
    language !== "vue" &&
    language !== "svelte" &&
    language !== "angular" &&
    language !== "react-native"
  )
    return undefined;
  // React Native has StyleSheet styles only (no Tailwind).
  const tailwind = figma.codegen.preferences.customSettings["styling"] === "tailwind" && language !== "react-native";
  const styling = tailwind ? "tailwind" : "css-modules";
  return { target: language, styling, nodeIds: false, ...(language === "react" ? mappedComponents() : {}) };
}

/** The document's mapping for React output; a mapping that cannot be read only costs the mapped components. */
function mappedComponents(): Pick<CodeOptions, "components"> {
  try {
    const { map } = loadComponents();
    return map.components.length > 0 ? { components: map } : {};
  } catch (error) {
    console.error("Figment codegen: the component mapping could not be read:", error);
    return {};
  }
}

export interface DevModeCodegen {
  generate(node: SceneNode, language: string): Promise<CodegenResult[]>;
  stats: CodegenStats;
}

export function createDevModeCodegen(): DevModeCodegen {
  const cache = new Lru<CodegenResult[]>(CODEGEN_CACHE_SIZE);
  const stats = {
    hits: 0,
    misses: 0,
    get cached() {
      return cache.size;
    },
  };

  async function generate(node: SceneNode, language: string): Promise<CodegenResult[]> {
    const options = optionsFor(language);
    if (!options)
      return [
        note(
          `Figment writes React, HTML, Vue, Svelte, Angular or React Native; "${language}" is not one of its ` +
            "languages.",
        ),
      ];
    if (!node.visible) return [note(`“${node.name}” is hidden: show it to see its code.`)];
    if (Math.max(node.width, node.height) > MAX_SIDE) {
      return [
        note(
          `“${node.name}” is ${formatCount(node.width)} × ${formatCount(node.height)} px, larger ` +
            `than ${formatCount(MAX_SIDE)} px on a side. Inspect a smaller frame or a section of it.`,
        ),
      ];
    }
    if ((await countDescendants(node, MAX_LAYERS)) > MAX_LAYERS) {
      return [
        note(
          `“${node.name}” has more than ${formatCount(MAX_LAYERS)} layers, too ` +
            `many to convert here. Inspect a smaller frame or a section of it.`,
        ),
      ];
    }
    let json: unknown;
    try {
      json = await node.exportAsync({ format: "JSON_REST_V1" });
    } catch (error) {
      return [note(`Could not export “${node.name}”: ${errorText(error)}`)];
    }
    const key = [
      node.id,
      options.target,
      options.styling,
      hashString(JSON.stringify(json)),
      options.components ? hashString(JSON.stringify(options.components)) : "",
    ].join("\u0000");
    const cached = cache.get(key);
    if (cached) {
      stats.hits++;
      return cached.map((r) => ({ ...r }));
    }
    stats.misses++;
    let results: CodegenResult[];
    try {
      // The export's one root is the node itself; naming it makes an empty frame an error that names it.
      const design = loadDesign(json, [node.id]);
      const { files, problems } = emitFiles(design.document, options);
      results =
        files.length > 0
          ? toResults(files, [...design.problems, ...problems])
          : [note(`Nothing to write for “${node.name}”.`)];
    } catch (error) {
      // Bad input here is an empty or hidden frame: said, not logged.
      const empty = isFigmentError(error, "input");
      if (!empty) console.error("Figment codegen failed:", error);
      results = [
        note(
          empty
            ? `Nothing to convert: ${error.message}.`
            : `Figment could not write code for “${node.name}”: ${errorText(error)}`,
        ),
      ];
    }
    cache.set(key, results);
    return results.map((r) => ({ ...r }));
  }

  return { generate, stats };
}

/** Registers the Dev Mode handlers. Returns the cache statistics (for tests and logs). */
export function startDevMode(): CodegenStats {
  const codegen = createDevModeCodegen();
  figma.codegen.on("generate", ({ node, language }) => codegen.generate(node, language));
  // Only "action" preferences fire this (Figment has none yet); "select" changes re-run generate by
  // themselves. Refreshing keeps the panel right if an action is added later.
  figma.codegen.on("preferenceschange", async () => figma.codegen.refresh());
  return codegen.stats;
}
