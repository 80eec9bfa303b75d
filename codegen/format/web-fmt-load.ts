/**
 * The wasm formatters (@wasm-fmt/web_fmt: Biome for scripts, malva for CSS, markup_fmt for HTML) as Node loads them:
 * the package's Node entry reads and instantiates its wasm itself. The worker's bundle gets web-fmt-load.browser.ts in
 * this module's place (esbuild.config.mjs, `webFmtInWorker`): a worker has no file to read.
 */
import type { WebFmt } from "./web-fmt-api";

export async function loadWebFmt(): Promise<WebFmt> {
  const { format } = await import("@wasm-fmt/web_fmt");
  return { format };
}
