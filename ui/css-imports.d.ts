/**
 * The panel's stylesheets, imported for their effect (esbuild bundles them into ui.html). Declared so that the
 * type checks know them: TypeScript 7 checks every side-effect import (`noUncheckedSideEffectImports`), and a
 * misspelt module still fails.
 */
declare module "*.css";
