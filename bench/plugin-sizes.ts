/**
 * What the plugin ships: the parts of dist/ui.html (initial script, CSS) and dist/code.js with the codegen
 * worker payload it carries (gzip+base64, posted to the UI as `worker-source` on first use), raw and gzipped.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import type { CodePart } from "../contract/messages.js";
import { codePartPayloadsIn, enginePayloadIn, searchWorkerPayloadIn } from "./plugin-util.js";
import { PANEL_SCRIPT_ID, PANEL_SCRIPT_TYPE } from "../ui/shell/panel-script.js";

export interface Sized {
  raw: number;
  /** gzip level 9 of the raw bytes. */
  gzip: number;
}

export interface PluginSizes {
  /** dist/ui.html, whole: what the panel's iframe receives on every open. */
  html: Sized;
  /** The inline <script> that runs when the panel opens. */
  script: Sized;
  css: Sized;
  /** dist/code.js, whole: the main thread, the worker payload included. */
  code: Sized;
  /** dist/code.js without the payload literal's characters (raw bytes). */
  codeWithoutPayload: number;
  worker: {
    /** The base64 string in dist/code.js, as `worker-source` carries it (characters = bytes, ASCII). */
    base64: number;
    /** The gzip stream it decodes to. */
    gzip: number;
    /** The worker script once unpacked (what `new Worker` runs). */
    unpacked: number;
  };
  /** The search worker (orama; ui/search-worker/), packed the same way, sent when Search first opens. */
  searchWorker: PluginSizes["worker"];
  /** The engine's code parts (ui/engine/code-parts/), each loaded into the worker before the jobs that need it. */
  codeParts: Record<CodePart, PluginSizes["worker"]>;
}

const bytes = (text: string): number => Buffer.byteLength(text, "utf8");
const gz = (text: string): number => gzipSync(Buffer.from(text, "utf8"), { level: 9 }).length;
const sized = (text: string): Sized => ({ raw: bytes(text), gzip: gz(text) });

/** Splits a built dist/ui.html into its parts (see writeUiHtml in esbuild.config.mjs). */
export function uiParts(html: string): { script: string; css: string } {
  if (/\bid="figment-worker"/.test(html)) {
    throw new Error(
      "bench/plugin: dist/ui.html still inlines #figment-worker " +
        "(a stale build?); rebuild with `node esbuild.config.mjs`",
    );
  }
  // The panel's bundle, kept as inert text until the starter runs it after the first paint (ui/shell/start-panel.ts).
  const script = new RegExp(`<script type="${PANEL_SCRIPT_TYPE}" id="${PANEL_SCRIPT_ID}">([\\s\\S]*?)<\\/script>`).exec(
    html,
  )?.[1];
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
  if (script === undefined || css === undefined) {
    throw new Error("bench/plugin: dist/ui.html does not have the expected <style> and <script> parts");
  }
  return { script, css };
}

export function pluginSizes(html: string, codeJs: string): PluginSizes {
  const parts = uiParts(html);
  const payload = enginePayloadIn(codeJs);
  const packed = Buffer.from(payload, "base64");
  const search = searchWorkerPayloadIn(codeJs);
  const searchPacked = Buffer.from(search, "base64");
  const codeParts = codePartPayloadsIn(codeJs);
  const packedSizes = (payload: string): PluginSizes["worker"] => {
    const packed = Buffer.from(payload, "base64");
    return { base64: bytes(payload), gzip: packed.length, unpacked: gunzipSync(packed).length };
  };
  return {
    html: sized(html),
    script: sized(parts.script),
    css: sized(parts.css),
    code: sized(codeJs),
    codeWithoutPayload:
      bytes(codeJs) - bytes(payload) - Object.values(codeParts).reduce((sum, part) => sum + bytes(part), 0),
    worker: { base64: bytes(payload), gzip: packed.length, unpacked: gunzipSync(packed).length },
    searchWorker: { base64: bytes(search), gzip: searchPacked.length, unpacked: gunzipSync(searchPacked).length },
    codeParts: {
      "code-preview": packedSizes(codeParts["code-preview"]),
      "code-format": packedSizes(codeParts["code-format"]),
      "code-check": packedSizes(codeParts["code-check"]),
      "code-vue": packedSizes(codeParts["code-vue"]),
      "code-svelte": packedSizes(codeParts["code-svelte"]),
      "code-react-native": packedSizes(codeParts["code-react-native"]),
      "code-angular": packedSizes(codeParts["code-angular"]),
    },
  };
}
