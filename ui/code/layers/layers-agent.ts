/**
 * The one script a page read into layers runs (allowed by its hash: codegen/preview/page-script.ts; the page's own
 * scripts and inline handlers stay blocked by its CSP): it waits for the panel's request, for its viewport to have
 * the width asked for, for its images and fonts to settle, then runs the DOM reader (contract/layers-read.ts) and
 * posts the layer description back. Nothing else reaches into the page: the iframe is never same-origin.
 */
import { readLayersCall, type ReadOptions } from "../../../contract/layers-read.js";
import { scriptSafe, type PageScript } from "../../../codegen/preview/page-script.js";
import { cspHash } from "../../../kernel/sha256.js";
import { pageSettled } from "../page-settled.js";

/** What the panel asks the page. */
export interface LayersRequest {
  type: "figment-layers";
  token: string;
  width: number;
  options: ReadOptions;
}

/** What the page answers: the description as the reader made it (checked by the panel), or why it could not. */
export interface LayersReply {
  type: "figment-layers-reply";
  token: string;
  layers?: unknown;
  error?: string;
}

/** Runs inside the page: self-contained (only its argument and the page's globals). */
function layersAgent(read: (options: ReadOptions) => unknown, settle: typeof pageSettled): void {
  const settled = settle();
  addEventListener("message", (event: MessageEvent) => {
    if (event.source !== parent) return;
    const request = event.data as Partial<LayersRequest> | null;
    if (request?.type !== "figment-layers" || typeof request.token !== "string" || !request.options) return;
    const { token, options } = request;
    settled(typeof request.width === "number" ? request.width : innerWidth)
      .then(() => {
        // Plain statements only: esbuild's helpers (object rest…) would not exist inside the page.
        const layers = read(options) as Record<string, unknown>;
        delete layers["readMs"];
        parent.postMessage({ type: "figment-layers-reply", token, layers }, "*");
      })
      .catch((error: unknown) =>
        parent.postMessage({ type: "figment-layers-reply", token, error: String(error).slice(0, 2000) }, "*"),
      );
  });
}

let script: PageScript | undefined;

/** The agent with the reader, as one script (the same for every page, so its hash is made once). */
export function layersAgentScript(): PageScript {
  if (!script) {
    const reader = `(options) => ${readLayersCall("options")}`;
    const text = scriptSafe(`(${layersAgent.toString()})(${reader}, ${pageSettled.toString()});`);
    script = { text, hash: cspHash(text) };
  }
  return script;
}
