/**
 * The Figment version the engine worker was built as (package.json's, defined by esbuild.config.mjs): what a result's
 * record (`.figment/record.json`) says made it. Outside the worker bundle (unit tests) it is "dev".
 */
import { definedText } from "../../kernel/defined.js";

declare const __FIGMENT_VERSION__: string;

export function figmentVersion(): string {
  return definedText(() => __FIGMENT_VERSION__) ?? "dev";
}
