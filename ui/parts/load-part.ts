/**
 * A panel part comes packed from the main thread (`get-ui-part`, gzip+base64 of `{ js, css }`; see
 * esbuild.panel-parts.mjs), is unpacked here, and its script runs in the page, leaving its keeper in the
 * registry. Its CSS goes in before the shell's, where the one bundle had it, so the cascade is the same.
 */
import type { PanelPart } from "../../contract/messages.js";
import type { MainRequests } from "../channel/requests.js";
import { decodeWorkerScript } from "../worker/source.js";
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
  const { js, css } = (typeof value === "object" && value !== null ? value : {}) as Partial<Record<keyof PackedPart, unknown>>;
  if (typeof js !== "string" || typeof css !== "string") throw new Error("the part is not { js, css }");
  return { js, css };
}

function addStyle(css: string): void {
  if (css === "") return;
  const style = document.createElement("style");
  style.textContent = css;
  document.head.insertBefore(style, document.head.querySelector("style"));
}

async function load(requests: MainRequests, name: PanelPart): Promise<void> {
  const what = `${name[0]!.toUpperCase()}${name.slice(1)} panel`;
  const started = performance.now();
  const { data } = await requests.request("get-ui-part", { part: name }, { timeoutMs: SOURCE_TIMEOUT_MS, timeoutMessage: `the main thread did not send the ${what} in time` });
  const part = parsePart(await decodeWorkerScript(data));
  await runScript(part.js, what);
  if (!definedPart(name)) throw new Error(`the ${what} script ran but left nothing to show`);
  addStyle(part.css);
  loadedMs[name] = performance.now() - started;
}

/** Loads the part once; a failed load is forgotten, so the next try asks again. */
export function loadPanelPart(requests: MainRequests, name: PanelPart): Promise<void> {
  let pending = loading.get(name);
  if (!pending) {
    pending = load(requests, name).catch((error: unknown) => {
      loading.delete(name);
      throw error;
    });
    loading.set(name, pending);
  }
  return pending;
}
