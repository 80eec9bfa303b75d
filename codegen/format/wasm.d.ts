/**
 * The formatters' wasm as base64 text: only the worker's bundle imports it (esbuild's base64 loader,
 * esbuild.config.mjs).
 */
declare module "@wasm-fmt/web_fmt/wasm" {
  const base64: string;
  export default base64;
}
