/**
 * The panel (UI iframe) session: opens the UI for a command, sends `init`, keeps the UI's view of the
 * selection current, and answers the UI's messages. Every message is checked with parseMainMessage;
 * anything unknown or malformed is refused loudly (`error` "bad-message" + console.error), never ignored.
 */
import { PluginError, errorText } from "../errors.js";
import { PANEL } from "../../contract/limits.js";
import { isRequestId, MessageError, parseMainMessage, type Command, type ErrorCode, type MainMessage, type ToMain } from "../../contract/messages.js";
import { post } from "./post.js";
import { summarizeSelection } from "./selection.js";
import type { ImageAction } from "../../contract/words.js";
import { answerExport } from "./export-requests.js";
import { answerPanel, isPanelRequest, readStoredState } from "./panel-requests.js";
import { answerImage, relaunchedImage } from "./image-requests.js";
import { answerHistory } from "./history-requests.js";
import { answerPending } from "./pending-requests.js";
import type { JobHost } from "./job-host.js";
import { answerSearch } from "./search-requests.js";
import { answerBatch } from "./batch-requests.js";
import { answerComponents } from "./components-requests.js";
import { redact } from "../storage/client-storage.js";
import { checkApiKey, loadKeys, saveKey } from "../storage/key-store.js";
import { loadPanelSize } from "../storage/panel-store.js";
import { saveSettings } from "../storage/settings-store.js";
import type { Job } from "../tasks.js";

const TITLES: Record<Command, string> = {
  code: "Figment — Generate code",
  image: "Figment — Generate image",
  analyze: "Figment — Analyze selection",
  search: "Figment — Search frames",
  settings: "Figment — Settings",
};

type Msg<K extends keyof ToMain> = { type: K } & ToMain[K];

/** Why a message from the UI was refused, and its request id if it carried one. Logs the reason (names and fields only), never the payload: it may hold the API key. */
function refusal(raw: unknown, error: unknown): { reason: string; requestId: string | undefined } {
  const reason = error instanceof MessageError ? error.message : errorText(error);
  console.error(`Figment: refused a message from the UI: ${reason}`);
  const requestId = typeof raw === "object" && raw !== null ? (raw as { requestId?: unknown }).requestId : undefined;
  // Only an id the panel could have sent is echoed: a reply carrying any other would itself be refused as malformed.
  return { reason, requestId: isRequestId(requestId) ? requestId : undefined };
}

export class PanelSession {
  private readonly jobs = new Map<string, Job>();
  /** The stored keys as last read or saved: only to redact them from error texts. */
  private secrets: string[] = [];
  private closed = false;
  /** What the jobs' request handlers borrow: the running jobs (for `cancel`) and whether the panel is still open. */
  private readonly host: JobHost = { jobs: this.jobs, closed: () => this.closed };

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
    const { settings, apiKeys, panelSize, prices, failure } = await readStoredState();
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
      const { reason, requestId } = refusal(raw, error);
      this.fail("bad-message", `Refused a message from the UI: ${reason}`, requestId);
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
    if (isPanelRequest(message)) return answerPanel(message);
    switch (message.type) {
      case "ready":
        return this.sendInit();
      case "export-selection":
        return answerExport(message, this.host);
      case "cancel":
        // A cancel that arrives after its export ended is a harmless race, so nothing to report.
        this.jobs.get(message.requestId)?.cancel();
        return;
      case "save-settings":
        return this.saveSettings(message);
      case "insert-image":
      case "fill-selection":
      case "replace-image":
      case "repaint-image":
      case "load-image-versions":
      case "save-image-version":
      case "delete-image-versions":
      case "read-mask-source":
        return answerImage(message, this.secrets);
      case "place-in-grid":
      case "read-brand-colours":
        return answerBatch(message, this.secrets, this.host);
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
        return answerSearch(message, this.host);
      case "load-components":
      case "save-components":
      case "read-main-component":
        return answerComponents(message);
      default:
        message satisfies never;
    }
  }

  /** Settings and, when given, one key slot: the key is checked before anything is written. */
  private async saveSettings(message: Msg<"save-settings">): Promise<void> {
    const key = message.key ? { slot: message.key.slot, value: checkApiKey(message.key.value, message.key.slot) } : undefined;
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
