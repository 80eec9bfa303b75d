/**
 * web-fmt-load.ts in the worker's bundle (esbuild.config.mjs, `webFmtInWorker`): the wasm travels inside the bundle as
 * base64 text (esbuild's base64 loader), decoded when the formatters are first needed and compiled asynchronously.
 * Text, not esbuild's binary loader: that one's Uint8Array comes through a CommonJS wrapper whose import copies every
 * index as a property (3.4 million getters: 30 s and more in Chromium).
 */
import { base64ToBytes } from "../../kernel/base64";
import type { WebFmt } from "./web-fmt-api";

export async function loadWebFmt(): Promise<WebFmt> {
  const [{ default: init, format }, { default: wasmBase64 }] = await Promise.all([
    import("@wasm-fmt/web_fmt/web"),
    import("@wasm-fmt/web_fmt/wasm"),
  ]);
  await init(wasmBytes(wasmBase64));
  return { format };
}

/** The 4.6 MB of base64 through the engine's native decoder where it has one (Chromium 140+): ~10× the JS codec. */
function wasmBytes(text: string): Uint8Array {
  const native = (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64;
  return typeof native === "function" ? native(text) : base64ToBytes(text);
}
