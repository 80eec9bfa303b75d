/**
 * The UI's small requests and notices that need nothing of the session: the packed scripts it loads on demand, a
 * thumbnail, the model prices, focusing a layer, a toast, the panel's size, closing; and the stored state that
 * `init` carries. Refusals are PluginErrors.
 */
import { PluginError, errorText } from "../errors.js";
import { DEFAULT_SETTINGS, type Settings } from "../../contract/settings.js";
import { loadKeys } from "../storage/key-store.js";
import { loadSettings } from "../storage/settings-store.js";
import type { UiPart, WorkerPart } from "../../contract/messages.js";
import { focusNode } from "../canvas/focus.js";
import {
  clampSize,
  loadPanelSize,
  loadPrices,
  savePanelSize,
  savePrices,
  type PanelSize,
} from "../storage/panel-store.js";
import type { SomeHandlers } from "./handler.js";
import { post } from "./post.js";
import { thumbnail } from "./thumbnail.js";
import {
  codePartPayload,
  draftPayload,
  enginePayload,
  panelPartPayload,
  searchWorkerPayload,
  tokenizerPayload,
} from "./worker-payload.js";

export interface StoredState {
  settings: Settings;
  apiKeys: Record<string, string>;
  panelSize?: PanelSize;
  prices?: Awaited<ReturnType<typeof loadPrices>>;
  /** A storage failure: `init` still goes out (with the defaults), then this is reported. */
  failure?: PluginError;
}

/** What `init` carries from clientStorage, read in one go. */
export async function readStoredState(): Promise<StoredState> {
  // Filled in order: what was read before a failure is kept, as each read stands alone.
  const state: StoredState = { settings: DEFAULT_SETTINGS, apiKeys: {} };
  try {
    state.settings = await loadSettings();
    state.apiKeys = await loadKeys();
    const panelSize = await loadPanelSize();
    if (panelSize) state.panelSize = panelSize;
    const prices = await loadPrices();
    if (prices) state.prices = prices;
  } catch (error) {
    state.failure = error instanceof PluginError ? error : new PluginError("storage-failed", errorText(error));
  }
  return state;
}

/** Longest toast text; Figma's toasts are one line. */
const MAX_NOTIFY = 300;

/** The packed scripts the panel asks for by `part` (get-worker-source), and what to call each in an error. */
const WORKER_PAYLOADS: Record<WorkerPart, { what: string; payload(): string | undefined }> = {
  engine: { what: "code generator", payload: () => enginePayload() },
  tokenizer: { what: "tokenizer", payload: () => tokenizerPayload() },
  "code-preview": { what: "React preview", payload: () => codePartPayload("code-preview") },
  "code-format": { what: "code formatter", payload: () => codePartPayload("code-format") },
  "code-check": { what: "code checker", payload: () => codePartPayload("code-check") },
  "code-vue": { what: "Vue preview", payload: () => codePartPayload("code-vue") },
  "code-svelte": { what: "Svelte preview", payload: () => codePartPayload("code-svelte") },
  "code-react-native": { what: "React Native preview", payload: () => codePartPayload("code-react-native") },
  "code-angular": { what: "Angular preview", payload: () => codePartPayload("code-angular") },
  search: { what: "search worker", payload: () => searchWorkerPayload() },
};
const UI_PAYLOADS: Record<UiPart, { what: string; payload(): string | undefined }> = {
  draft: { what: "code draft emitters", payload: () => draftPayload() },
  layers: { what: "Insert as layers", payload: () => panelPartPayload("layers") },
  image: { what: "Image panel", payload: () => panelPartPayload("image") },
  analyze: { what: "Analyze panel", payload: () => panelPartPayload("analyze") },
  search: { what: "Search panel", payload: () => panelPartPayload("search") },
  history: { what: "History panel", payload: () => panelPartPayload("history") },
  settings: { what: "Settings panel", payload: () => panelPartPayload("settings") },
};

export const panelHandlers = {
  "get-thumbnail": async ({ nodeId }) => {
    const png = await thumbnail(nodeId);
    if (png) post("thumbnail", { nodeId, png });
  },
  "get-worker-source": async ({ part: name }) => {
    const part = WORKER_PAYLOADS[name ?? "engine"];
    if (!part) throw new PluginError("bad-message", `get-worker-source: unknown part ${JSON.stringify(name)}`);
    const data = part.payload();
    if (data === undefined)
      throw new PluginError(
        "internal",
        `This build of Figment has no ${part.what} (its payload is missing); rebuild with npm run build.`,
      );
    return { data };
  },
  "get-ui-part": async ({ part: name }) => {
    const part = UI_PAYLOADS[name];
    const data = part?.payload();
    if (!part || data === undefined)
      throw new PluginError(
        "internal",
        `This build of Figment has no ${part?.what ?? name} (its payload is missing); rebuild with npm run build.`,
      );
    return { data };
  },
  "save-prices": async ({ prices }) => {
    await savePrices(prices);
    return {};
  },
  "focus-node": async ({ nodeId }) => {
    await focusNode(nodeId);
    return {};
  },
  notify: ({ message, error }) => {
    const text = message.length > MAX_NOTIFY ? `${message.slice(0, MAX_NOTIFY - 1)}…` : message;
    figma.notify(text, { error: error === true });
  },
  resize: async (message) => {
    const size = clampSize(message);
    figma.ui.resize(size.width, size.height);
    if (message.remember) await savePanelSize(size);
  },
  close: () => figma.closePlugin(),
} satisfies SomeHandlers;
