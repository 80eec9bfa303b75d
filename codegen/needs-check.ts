/**
 * Whether generateCode runs ts-morph (the project pass and the library check) for these options: only where the
 * emitters import code they did not write, the team's components and their library's types. Apart from
 * codegen/index.ts so that the panel's protocol can ask it (which worker parts a Code job needs) without the codegen.
 */
import type { CodeOptions } from "./load.js";

export function needsCodeCheck(options: Pick<CodeOptions, "components" | "libraryTypes" | "target">): boolean {
  const mapped = (options.components?.components.length ?? 0) > 0;
  const libraryCheck = (options.libraryTypes?.length ?? 0) > 0 && options.target === "react";
  return mapped || libraryCheck;
}
