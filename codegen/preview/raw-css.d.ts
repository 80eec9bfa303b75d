/**
 * A stylesheet imported as its text (`import css from "tailwindcss/index.css?raw"`): esbuild.config.mjs's rawText
 * plugin bundles the file's text, vitest serves it as Vite's `?raw` import (vitest.config.ts lets those through).
 */
declare module "*.css?raw" {
  const text: string;
  export default text;
}
