/**
 * The panel (UI iframe) session: opens the UI for a command, sends `init`, keeps the UI's view of the
 * selection current, and answers the UI's messages. Every message is checked with parseMainMessage;
 * anything unknown or malformed is refused loudly (`error` "bad-message" + console.error), never ignored.
 */
import { PluginError, errorText } from "../errors.js";
import { exportNodes } from "../export/export.js";
import { exportTokens } from "../export/variables.js";
import { PANEL } from "../../contract/limits.js";
import { MessageError, parseMainMessage, type Command, type ErrorCode, type MainMessage, type ToMain, type UiPart, type WorkerPart } from "../../contract/messages.js";
import { post } from "./post.js";
import { markForRelaunch } from "./relaunch.js";
import { summarizeSelection } from "./selection.js";
import { DEFAULT_SETTINGS, type Settings } from "../../contract/settings.js";
import { focusNode } from "../canvas/focus.js";
import type { ImageAction } from "../../contract/words.js";
import { answerImage, relaunchedImage } from "./image-requests.js";
import { answerHistory } from "./history-requests.js";
import { answerPending } from "./pending-requests.js";
import { answerSearch } from "./search-requests.js";
import { answerBatch } from "./batch-requests.js";
import { redact } from "../storage/client-storage.js";
import { checkApiKey, loadKeys, saveKey } from "../storage/key-store.js";
import { clampSize, loadPanelSize, loadPrices, savePanelSize, savePrices, type PanelSize } from "../storage/panel-store.js";
import { loadSettings, saveSettings } from "../storage/settings-store.js";
import { Job } from "../tasks.js";
import { thumbnail } from "./thumbnail.js";
import { draftPayload, panelPartPayload, searchWorkerPayload, tokenizerPayload, workerPayload } from "./worker-payload.js";

const TITLES: Record<Command, string> = {
  code: "Figment — Generate code",
  image: "Figment — Generate image",
  analyze: "Figment — Analyze selection",
  search: "Figment — Search frames",
  settings: "Figment — Settings",
};

/** Longest toast text; Figma's toasts are one line. */
const MAX_NOTIFY = 300;

/** The packed scripts the panel asks for by `part` (get-worker-source), and what to call each in an error. */
const WORKER_PAYLOADS: Record<WorkerPart, { what: string; payload(): string | undefined }> = {
  codegen: { what: "code generator", payload: () => workerPayload() },
  tokenizer: { what: "tokenizer", payload: () => tokenizerPayload() },
  search: { what: "search worker", payload: () => searchWorkerPayload() },
};
const UI_PAYLOADS: Record<UiPart, { what: string; payload(): string | undefined }> = {
  draft: { what: "code draft emitters", payload: () => draftPayload() },
  image: { what: "Image panel", payload: () => panelPartPayload("image") },
  analyze: { what: "Analyze panel", payload: () => panelPartPayload("analyze") },
  search: { what: "Search panel", payload: () => panelPartPayload("search") },
  history: { what: "History panel", payload: () => panelPartPayload("history") },
  settings: { what: "Settings panel", payload: () => panelPartPayload("settings") },
};

type Msg<K extends keyof ToMain> = { type: K } & ToMain[K];

export class PanelSession {
  private readonly jobs = new Map<string, Job>();
  /** The stored keys as last read or saved: only to redact them from error texts. */
  private secrets: string[] = [];
  private closed = false;

  /** `imageAction`: opened by an image's relaunch button, whose node init names (imageNode). */
  constructor(
    readonly command: Command,
    readonly imageAction?: ImageAction,
  ) {}

  /** Opens the UI, starts listening, and sends `init`. Resolves once `init` is sent. */
  async open(): Promise<void> {
    // The size the user last chose; a storage failure here only costs that (init reports storage errors).
    const size = await loadPanelSize().catch(() => undefined);
    figma.showUI(__html__, { ...(size ?? PANEL.default), themeColors: true, title: TITLES[this.command] });
    // Figma ignores the returned promise; the simulator awaits it so tests see each message handled.
    figma.ui.onmessage = (raw: unknown) => this.receive(raw);
    figma.on("selectionchange", this.onSelection);
    figma.on("currentpagechange", this.onSelection);
    figma.on("close", this.onClose);
    await this.sendInit();
  }

  private readonly onSelection = (): void => {
    if (this.closed) return;
    post("selection", { selection: summarizeSelection(figma.currentPage.selection) });
  };

  private readonly onClose = (): void => {
    this.closed = true;
    for (const job of this.jobs.values()) job.cancelled = true;
    figma.off("selectionchange", this.onSelection);
    figma.off("currentpagechange", this.onSelection);
  };

  /**
   * `init` is the only message that carries the API keys (by key slot). It is sent on open and again whenever
   * the UI says `ready` (a reloaded UI, or one that started listening late); the UI takes each `init` as its
   * whole state.
   */
  private async sendInit(): Promise<void> {
    let settings: Settings = DEFAULT_SETTINGS;
    let apiKeys: Record<string, string> = {};
    let panelSize: PanelSize | undefined;
    let prices: Awaited<ReturnType<typeof loadPrices>>;
    let failure: PluginError | undefined;
    try {
      settings = await loadSettings();
      apiKeys = await loadKeys();
      panelSize = await loadPanelSize();
      prices = await loadPrices();
    } catch (error) {
      failure = error instanceof PluginError ? error : new PluginError("storage-failed", errorText(error));
    }
    this.secrets = Object.values(apiKeys);
    if (this.closed) return;
    const imageNode = this.imageAction ? relaunchedImage(figma.currentPage.selection, this.imageAction) : undefined;
    post("init", {
      command: this.command,
      settings,
      apiKeys,
      selection: summarizeSelection(figma.currentPage.selection),
      editorType: figma.editorType,
      ...(panelSize ? { panelSize } : {}),
      ...(prices ? { prices } : {}),
      ...(imageNode ? { imageNode } : {}),
    });
    if (failure) this.fail(failure.code, failure.message);
  }

  private fail(code: ErrorCode, message: string, requestId?: string): void {
    if (this.closed) return;
    const text = redact(message, this.secrets);
    post("error", requestId === undefined ? { code, message: text } : { requestId, code, message: text });
  }

  /** Entry point for every message from the UI. */
  async receive(raw: unknown): Promise<void> {
    let message: MainMessage;
    try {
      message = parseMainMessage(raw);
    } catch (error) {
      // Log the reason (names and fields only), never the payload: it may hold the API key.
      const reason = error instanceof MessageError ? error.message : errorText(error);
      console.error(`Figment: refused a message from the UI: ${reason}`);
      const requestId = typeof raw === "object" && raw !== null ? (raw as { requestId?: unknown }).requestId : undefined;
      this.fail("bad-message", `Refused a message from the UI: ${reason}`, typeof requestId === "string" ? requestId : undefined);
      return;
    }
    const requestId = "requestId" in message ? message.requestId : undefined;
    try {
      await this.handle(message);
    } catch (error) {
      if (error instanceof PluginError) {
        this.fail(error.code, error.message, requestId);
      } else {
        console.error(`Figment: "${message.type}" failed:`, redact(errorText(error), this.secrets));
        this.fail("internal", `Something went wrong (${message.type}): ${errorText(error)}`, requestId);
      }
    }
  }

  private async handle(message: MainMessage): Promise<void> {
    switch (message.type) {
      case "ready":
        return this.sendInit();
      case "export-selection":
        return this.exportSelection(message);
      case "cancel":
        // A cancel that arrives after its export ended is a harmless race, so nothing to report.
        this.jobs.get(message.requestId)?.cancel();
        return;
      case "get-thumbnail": {
        const png = await thumbnail(message.nodeId);
        if (png) post("thumbnail", { nodeId: message.nodeId, png });
        return;
      }
      case "get-worker-source": {
        const part = WORKER_PAYLOADS[message.part ?? "codegen"];
        if (!part) throw new PluginError("bad-message", `get-worker-source: unknown part ${JSON.stringify(message.part)}`);
        const data = part.payload();
        if (data === undefined) throw new PluginError("internal", `This build of Figment has no ${part.what} (its payload is missing); rebuild with npm run build.`);
        post("worker-source", { requestId: message.requestId, data });
        return;
      }
      case "get-ui-part": {
        const part = UI_PAYLOADS[message.part];
        const data = part?.payload();
        if (!part || data === undefined) throw new PluginError("internal", `This build of Figment has no ${part?.what ?? message.part} (its payload is missing); rebuild with npm run build.`);
        post("ui-part", { requestId: message.requestId, data });
        return;
      }
      case "save-settings":
        return this.saveSettings(message);
      case "save-prices":
        await savePrices(message.prices);
        post("done", { requestId: message.requestId });
        return;
      case "focus-node":
        await focusNode(message.nodeId);
        post("done", { requestId: message.requestId });
        return;
      case "notify": {
        const text = message.message.length > MAX_NOTIFY ? `${message.message.slice(0, MAX_NOTIFY - 1)}…` : message.message;
        figma.notify(text, { error: message.error === true });
        return;
      }
      case "resize": {
        const size = clampSize(message);
        figma.ui.resize(size.width, size.height);
        if (message.remember) await savePanelSize(size);
        return;
      }
      case "close":
        figma.closePlugin();
        return;
      case "insert-image":
      case "fill-selection":
      case "replace-image":
      case "load-image-versions":
      case "save-image-version":
      case "delete-image-versions":
        return answerImage(message, this.secrets);
      case "place-in-grid":
      case "read-brand-colours":
        return answerBatch(message, this.secrets, { jobs: this.jobs, closed: () => this.closed });
      case "save-history-entry":
      case "load-history":
      case "load-history-entry":
      case "delete-history-entries":
      case "export-history":
        return answerHistory(message);
      case "save-pending-batch":
      case "load-pending-batches":
      case "delete-pending-batch":
        return answerPending(message, this.secrets);
      case "load-search-index":
      case "scan-frames":
      case "save-search-extras":
      case "export-frame-image":
        return answerSearch(message, { jobs: this.jobs, closed: () => this.closed });
      default:
        message satisfies never;
    }
  }

  private async exportSelection({ requestId, png, assets }: Msg<"export-selection">): Promise<void> {
    if (this.jobs.has(requestId)) throw new PluginError("bad-message", `An export with request id "${requestId}" is already running.`);
    const job = new Job(requestId);
    this.jobs.set(requestId, job);
    try {
      // A snapshot: the selection may change while we export.
      const nodes = [...figma.currentPage.selection];
      const settings = await loadSettings();
      const { frames, extras, problems } = await exportNodes(nodes, settings, {
        job,
        png: png !== false,
        assets: assets !== false,
        onProgress: (done, total, label) => {
          if (!this.closed) post("export-progress", { requestId, done, total, label });
        },
      });
      if (this.closed) return;
      // The design tokens only where code is made from the export (a reference picture needs none).
      const tokens = assets !== false ? await exportTokens(nodes, job) : {};
      if (job.cancelled) throw new PluginError("cancelled", "Export cancelled.");
      if (this.closed) return;
      const all = { ...extras, ...tokens };
      post("export-result", { requestId, frames, ...(Object.keys(all).length > 0 ? { extras: all } : {}), ...(problems.length > 0 ? { problems } : {}) });
      markForRelaunch(nodes);
    } finally {
      this.jobs.delete(requestId);
    }
  }

  /** Settings and, when given, one key slot: the key is checked before anything is written. */
  private async saveSettings(message: Msg<"save-settings">): Promise<void> {
    const key = message.key ? { slot: message.key.slot, value: checkApiKey(message.key.value) } : undefined;
    const secrets = [...this.secrets, key?.value ?? null];
    const settings = await saveSettings(message.settings, secrets);
    const keySlots = key ? await saveKey(key.slot, key.value) : Object.keys(await loadKeys());
    if (key?.value) this.secrets = [...this.secrets, key.value];
    post("settings-saved", { requestId: message.requestId, settings, keySlots });
  }
}

/** Opens the panel for `command`; resolves once `init` is sent. */
export async function openPanel(command: Command, imageAction?: ImageAction): Promise<PanelSession> {
  const session = new PanelSession(command, imageAction);
  await session.open();
  return session;
}
