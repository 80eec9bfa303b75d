/** What the panel ships: the parts of dist/ui.html (initial script, CSS, inlined worker), raw and gzipped. */
import { gunzipSync, gzipSync } from "node:zlib";

export interface Sized {
  raw: number;
  /** gzip level 9 of the raw bytes. */
  gzip: number;
}

export interface UiSizes {
  html: Sized;
  /** The inline <script> that runs when the panel opens (the worker payload excluded). */
  script: Sized;
  css: Sized;
  worker: {
    /** The base64 text in <script id="figment-worker">, as shipped inside ui.html. */
    shippedBase64: number;
    /** The gzip stream it decodes to. */
    gzip: number;
    /** The worker script once unpacked (what `new Worker` runs). */
    unpacked: number;
  };
}

const bytes = (text: string): number => Buffer.byteLength(text, "utf8");
const gz = (text: string): number => gzipSync(Buffer.from(text, "utf8"), { level: 9 }).length;
const sized = (text: string): Sized => ({ raw: bytes(text), gzip: gz(text) });

/** Splits a built dist/ui.html into its parts (see writeUiHtml in esbuild.config.mjs). */
export function uiParts(html: string): { script: string; css: string; workerBase64: string } {
  // The initial script is the one plain <script>; the worker's element has a type and an id.
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
  const worker = /<script[^>]*\bid="figment-worker"[^>]*>([^<]*)<\/script>/.exec(html)?.[1];
  if (script === undefined || css === undefined || worker === undefined) {
    throw new Error("bench/plugin: dist/ui.html does not have the expected <style>, #figment-worker and <script> parts");
  }
  return { script, css, workerBase64: worker };
}

export function uiSizes(html: string): UiSizes {
  const parts = uiParts(html);
  const packed = Buffer.from(parts.workerBase64.replace(/\s+/g, ""), "base64");
  return {
    html: sized(html),
    script: sized(parts.script),
    css: sized(parts.css),
    worker: { shippedBase64: bytes(parts.workerBase64), gzip: packed.length, unpacked: gunzipSync(packed).length },
  };
}
