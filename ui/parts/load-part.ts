/**
 * A panel part comes packed from the main thread (`get-ui-part`, gzip+base64 of `{ js, css }`; see
 * esbuild.panel-parts.mjs), is unpacked here, and its script runs in the page, leaving its keeper in the
 * registry. Its CSS goes in before the shell's, where the one bundle had it, so the cascade is the same.
 */
import type { PanelPart } from "../../contract/messages.js";
import type { MainRequests } from "../channel/requests.js";
import { decodeWorkerScript } from "../engine/source.js";
import { definedPart } from "./registry.js";
import { runScript } from "./run-script.js";

const SOURCE_TIMEOUT_MS = 30_000;
const loading = new Map<PanelPart, Promise<void>>();
/** For measurements (bench, tests): ms from asking for each part to its keeper being defined. */
const loadedMs: Partial<Record<PanelPart, number>> = {};

export const partStats = (): Partial<Record<PanelPart, number>> => ({ ...loadedMs });

interface PackedPart {
  js: string;
  css: string;
}

function parsePart(text: string): PackedPart {
  const value: unknown = JSON.parse(text);
  const { js, css } = (typeof value === "object" && value !== null ? value : {}) as Partial<
    Record<keyof PackedPart, unknown>
  >;
  if (typeof js !== "string" || typeof css !== "string") throw new Error("the part is not { js, css }");
  return { js, css };
}

/** A part's CSS into the page, before the shell's (the layers part's too: ui/code/layers/layers-loader.tsx). */
export function addStyle(css: string): void {
  if (css === "") return;
  const style = document.createElement("style");
  style.textContent = css;
  document.head.insertBefore(style, document.head.querySelector("style"));
}

const what = (name: PanelPart): string => `${name[0]!.toUpperCase()}${name.slice(1)} panel`;
/** Parts asked for and unpacked, not yet run (prefetchPanelPart). */
const fetched = new Map<PanelPart, Promise<PackedPart>>();

async function fetchPart(requests: MainRequests, name: PanelPart): Promise<PackedPart> {
  const { data } = await requests.call(
    "get-ui-part",
    { part: name },
    { timeoutMs: SOURCE_TIMEOUT_MS, timeoutMessage: `the main thread did not send the ${what(name)} in time` },
  );
  return parsePart(await decodeWorkerScript(data));
}

/** The part's text, asked for once; a failed fetch is forgotten, so the next try asks again. */
function fetchOnce(requests: MainRequests, name: PanelPart): Promise<PackedPart> {
  let pending = fetched.get(name);
  if (!pending) {
    pending = fetchPart(requests, name).catch((error: unknown) => {
      fetched.delete(name);
      throw error;
    });
    fetched.set(name, pending);
  }
  return pending;
}

async function load(requests: MainRequests, name: PanelPart): Promise<void> {
  const started = performance.now();
  const part = await fetchOnce(requests, name);
  await runScript(part.js, what(name));
  if (!definedPart(name)) throw new Error(`the ${what(name)} script ran but left nothing to show`);
  addStyle(part.css);
  loadedMs[name] = performance.now() - started;
}

/**
 * Asks for the part and unpacks it without running it: cheap for the panel's thread (a message and a gunzip),
 * so it may happen while the worker boots; running it (loadPanelPart) is what costs.
 */
export function prefetchPanelPart(requests: MainRequests, name: PanelPart): Promise<void> {
  return fetchOnce(requests, name).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Loads the part once (using what prefetchPanelPart fetched); a failed load is forgotten, so the next try asks again.
 */
export function loadPanelPart(requests: MainRequests, name: PanelPart): Promise<void> {
  let pending = loading.get(name);
  if (!pending) {
    pending = load(requests, name).catch((error: unknown) => {
      loading.delete(name);
      fetched.delete(name);
      throw error;
    });
    loading.set(name, pending);
  }
  return pending;
}
