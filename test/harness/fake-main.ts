/**
 * Browser side of the dev check test/harness/check-ui.ts: a fake Figma parent page's main thread for the panel in
 * #plugin. It reads what the panel sends with the contract's own parser and answers with the contract's types (init,
 * thumbnail, export with progress, settings-saved, errors, the engine worker, its code parts and the UI parts from
 * dist/code.js), so a message that drifts from contract/messages.ts fails `npm run typecheck` or shows as a `refused`
 * entry, not as a panel that waits forever. What the panel sent is kept in `window.sent`.
 */
import { parseMainMessage, type MainMessage, type SelectionSummary, type ToUi } from "../../contract/messages.js";
import type { Command } from "../../contract/words.js";
import type { Settings } from "../../contract/settings.js";
import type { Failure } from "../../contract/failure.js";
import { keySlot } from "../../contract/keys.js";

/** The scenario as the Node side (fake-main-page.ts) writes it into the page, before this script. */
export interface FakeMainConfig {
  command: Command;
  theme: "light" | "dark" | "none";
  selection: SelectionSummary;
  settings: Settings;
  apiKey: string | null;
  exportDelayMs: number;
  exportError: Failure | null;
  /** Send a message the contract does not know right after init. */
  sendBogus: boolean;
  /** The selected frame's REST JSON (`exportAsync({ format: "JSON_REST_V1" })`). */
  exportJson: unknown;
  thumbnailB64: string;
  /** The engine worker's file beside this page (its code parts are `<part>.txt`, the UI parts `ui-<part>.txt`). */
  workerFile: string;
  /** Figma's theme variables for the panel's page, or none. */
  vars: Record<string, string> | null;
}

interface FakeMainWindow {
  __fakeMain: FakeMainConfig;
  /** Every message the panel sent, in order. */
  sent: MainMessage[];
  /** What the panel sent that the contract refuses (the parser's message). */
  refused: string[];
}

const win = window as unknown as Window & FakeMainWindow;
const config = win.__fakeMain;
win.sent = [];
win.refused = [];
const frame = document.getElementById("plugin") as HTMLIFrameElement;

function post<K extends keyof ToUi>(type: K, payload: ToUi[K]): void {
  frame.contentWindow!.postMessage({ pluginMessage: { type, ...payload } }, "*");
}
const bytes = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

async function served(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.text();
}
// The main thread holds the packed worker from the start; here it is fetched once, when the panel has loaded.
let packed: Promise<string> | undefined;
const workerSource = (): Promise<string> => (packed ??= served(config.workerFile));

function theme(): void {
  if (!config.vars) return;
  const doc = frame.contentDocument!;
  doc.documentElement.classList.add(config.theme === "dark" ? "figma-dark" : "figma-light");
  const style = doc.createElement("style");
  style.id = "figma-style";
  style.textContent = `:root{${Object.entries(config.vars)
    .map(([k, v]) => `${k}:${v}`)
    .join(";")}}`;
  doc.head.prepend(style);
}
frame.addEventListener("load", theme);
frame.addEventListener("load", () => void workerSource());

let settings = config.settings;
const keys: Record<string, string> = config.apiKey ? { [keySlot(config.settings)]: config.apiKey } : {};
let cancelled: string | undefined;
const firstName = (): string => config.selection.nodes[0]?.name ?? "";

function exportSelection(requestId: string): void {
  const progress = (label: string) => post("export-progress", { requestId, done: 0, total: 1, label });
  progress(`Checking “${firstName()}”`);
  setTimeout(() => {
    if (cancelled === requestId) return;
    progress(`Exporting “${firstName()}”`);
    setTimeout(() => {
      if (cancelled === requestId) return;
      if (config.exportError) return post("error", { requestId, ...config.exportError });
      const n = config.selection.nodes[0]!;
      const exported = { id: n.id, name: n.name, type: n.type, width: n.width, height: n.height };
      const png = bytes(config.thumbnailB64);
      post("export-result", { requestId, frames: [{ ...exported, json: config.exportJson, png, scale: 1 }] });
    }, config.exportDelayMs);
  }, config.exportDelayMs);
}

function answer(m: MainMessage): void {
  switch (m.type) {
    case "ready":
      post("init", {
        command: config.command,
        settings,
        apiKeys: keys,
        selection: config.selection,
        editorType: "figma",
      });
      // Not a contract message (the panel must say so): posted as raw data.
      if (config.sendBogus) frame.contentWindow!.postMessage({ pluginMessage: { type: "teleport" } }, "*");
      return;
    case "get-thumbnail":
      return post("thumbnail", { nodeId: m.nodeId, png: bytes(config.thumbnailB64) });
    case "get-ui-part":
      void served(`ui-${m.part}.txt`).then(
        (data) => post("ui-part", { requestId: m.requestId, data }),
        (error: unknown) =>
          post("error", { requestId: m.requestId, kind: "input", reason: "not-found", message: String(error) }),
      );
      return;
    case "get-worker-source": {
      const part = m.part;
      const source = part?.startsWith("code-") ? served(`${part}.txt`) : workerSource();
      void source.then((data) => post("worker-source", { requestId: m.requestId, data }));
      return;
    }
    case "export-selection":
      return exportSelection(m.requestId);
    case "cancel":
      cancelled = m.requestId;
      return post("error", {
        requestId: m.requestId,
        kind: "cancelled",
        reason: "cancelled",
        message: "Export cancelled.",
      });
    case "save-settings":
      settings = { ...settings, ...m.settings };
      if (m.key?.value) keys[m.key.slot] = m.key.value;
      else if (m.key) delete keys[m.key.slot];
      return post("settings-saved", { requestId: m.requestId, settings, keySlots: Object.keys(keys) });
    case "resize":
      frame.style.width = `${m.width}px`;
      frame.style.height = `${m.height}px`;
      return;
    default:
      return;
  }
}

window.addEventListener("message", (event: MessageEvent<unknown>) => {
  const data = event.data as { pluginMessage?: unknown } | null;
  if (!data || typeof data !== "object" || data.pluginMessage === undefined) return;
  let message: MainMessage;
  try {
    message = parseMainMessage(data.pluginMessage);
  } catch (error) {
    win.refused.push(String(error));
    return;
  }
  win.sent.push(message);
  answer(message);
});
