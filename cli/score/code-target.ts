/**
 * Which target a folder of code is written for, by its files, so `figment score --dir` shows it the way the panel
 * shows that target (cli/measure/result-page.ts): Vue's and Svelte's components by their extensions, Angular's by a
 * decorated component, React Native's by its imports (its views carry the layer ids as `testID`), React by its JSX;
 * anything else is an HTML page.
 */
import type { Target } from "../../codegen/targets.js";
import type { SourceFile } from "../../codegen/types.js";

const JSX = /\.(tsx|jsx)$/i;

export function codeTarget(files: readonly SourceFile[]): Target {
  const has = (test: (f: SourceFile) => boolean): boolean => files.some((f) => !f.bytes && test(f));
  if (has((f) => /\.vue$/i.test(f.path))) return "vue";
  if (has((f) => /\.svelte$/i.test(f.path))) return "svelte";
  if (
    has(
      (f) => /\.ts$/i.test(f.path) && /from\s+["']@angular\/core["']/.test(f.content) && /@Component\(/.test(f.content),
    )
  )
    return "angular";
  if (has((f) => JSX.test(f.path) && /from\s+["']react-native["']/.test(f.content))) return "react-native";
  if (has((f) => JSX.test(f.path))) return "react";
  return "html";
}

/** The layer ids a file's elements carry: `data-node-id="…"` (`={"…"}` in JSX), or React Native's `testID`. */
export function layerIdsIn(file: SourceFile): string[] {
  return Array.from(file.content.matchAll(/(?:data-node-id|testID)=["{]?["']?([^"'}\s>]+)/g), (m) => m[1]!);
}
