/**
 * The panel (UI iframe) session: opens the UI for a command, sends `init`, keeps the UI's view of the
 * selection current, and answers the UI's messages from one table of handlers keyed by the declared names
 * (handler.ts: a name without its handler does not compile). Every message is checked with parseMainMessageWhole;
 * anything unknown or malformed is refused loudly (`error` "bad-message" + console.error), never ignored.
 */
import { PluginError, errorText } from "../errors.js";
import { toFailure } from "../../contract/failure.js";
import { PANEL } from "../../contract/limits.js";
import {
  isRequestId,
  MessageError,
  REQUESTS,
  type Command,
  type MainMessage,
  type NoticeName,
  type ReplyName,
  type RequestName,
  type ToUi,
} from "../../contract/messages.js";
import { parseMainMessageWhole } from "../../contract/main-message.js";
import { post } from "./post.js";
import { summarizeSelection } from "./selection.js";
import type { ImageAction, PanelOpening } from "../../contract/words.js";
import { exportHandlers } from "./export-requests.js";
import { panelHandlers, readStoredState } from "./panel-requests.js";
import { imageHandlers, relaunchedImage } from "./image-requests.js";
import { historyHandlers } from "./history-requests.js";
import { pendingHandlers } from "./pending-requests.js";
import type { Handlers, Msg, NoticeHandler, RequestHandler, SessionContext } from "./handler.js";
import { searchHandlers } from "./search-requests.js";
import { batchHandlers } from "./batch-requests.js";
import { componentsHandlers } from "./components-requests.js";
import { layersHandlers } from "./layers-requests.js";
import { redact } from "../storage/client-storage.js";
import { checkApiKey, loadKeys, saveKey } from "../storage/key-store.js";
import { loadPanelSize } from "../storage/panel-store.js";
import { saveSettings } from "../storage/settings-store.js";
import type { Job } from "../tasks.js";
import type { Settings } from "../../contract/settings.js";

const TITLES: Record<Command, string> = {
  code: "Figment — Generate code",
  image: "Figment — Generate image",
  analyze: "Figment — Analyze selection",
  search: "Figment — Search frames",
  settings: "Figment — Settings",
};

const isRequest = (message: MainMessage): message is Extract<MainMessage, { type: RequestName }> =>
  // biome-ignore lint/suspicious/noPrototypeBuiltins: the main thread's lib is ES2020, without Object.hasOwn
  Object.prototype.hasOwnProperty.call(REQUESTS, message.type);

/**
 * Why a message from the UI was refused, and its request id if it carried one. Logs the reason (names and fields only),
 * never the payload: it may hold the API key.
 */
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
  /** What the handlers borrow: the running jobs (for `cancel`), whether the panel is still open, the stored keys. */
  private readonly context: SessionContext = {
    jobs: this.jobs,
    closed: () => this.closed,
    secrets: () => this.secrets,
  };
  /** Every message's handler, by name: the rooms' tables and the session's own. */
  private readonly handlers: Handlers = {
    ...panelHandlers,
    ...exportHandlers,
    ...imageHandlers,
    ...batchHandlers,
    ...historyHandlers,
    ...pendingHandlers,
    ...searchHandlers,
    ...componentsHandlers,
    ...layersHandlers,
    ready: () => this.sendInit(),
    // A cancel that arrives after its job ended is a harmless race, so nothing to report.
    cancel: ({ requestId }) => this.jobs.get(requestId)?.cancel(),
    "save-settings": (message) => this.saveSettings(message),
  };

  /**
   * `imageAction`: opened by an image's relaunch button, whose node init names (imageNode); `opening`: by a menu
   * command that opens something inside the panel (init's `open`).
   */
  constructor(
    readonly command: Command,
    readonly imageAction?: ImageAction,
    readonly opening?: PanelOpening,
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
      ...(this.opening ? { open: this.opening } : {}),
    });
    if (failure) this.fail(failure);
  }

  /**
   * Sends what a request (or, without `requestId`, the panel) failed with, in the one failure shape
   * (contract/failure.ts): a FigmentError's kind, reason (a PluginError's code) and message; anything else is
   * `internal`, said with the message's name. Keys are redacted from the text.
   */
  private fail(error: unknown, requestId?: string, type?: string): void {
    if (this.closed) return;
    const failure = toFailure(error, (raw) => {
      console.error(`Figment: "${type}" failed:`, redact(errorText(raw), this.secrets));
      return `Something went wrong (${type}): ${errorText(raw)}`;
    });
    // A stop and a fault of the main thread's own say their code too (contract/messages.ts ERROR_CODES).
    const reason = failure.reason ?? (failure.kind === "internal" || failure.kind === "cancelled" ? failure.kind : "");
    post("error", {
      ...(requestId === undefined ? {} : { requestId }),
      kind: failure.kind,
      ...(reason ? { reason } : {}),
      message: redact(failure.message, this.secrets),
    });
  }

  /** Entry point for every message from the UI. */
  async receive(raw: unknown): Promise<void> {
    let message: MainMessage;
    try {
      message = parseMainMessageWhole(raw);
    } catch (error) {
      const { reason, requestId } = refusal(raw, error);
      this.fail(new PluginError("bad-message", `Refused a message from the UI: ${reason}`), requestId);
      return;
    }
    const requestId = "requestId" in message ? message.requestId : undefined;
    try {
      await this.handle(message);
    } catch (error) {
      this.fail(error, requestId, message.type);
    }
  }

  /** A request's answer goes out as its declared reply, with its id (not to a closed panel); a notice has none. */
  private async handle(message: MainMessage): Promise<void> {
    // The table is keyed by the message's own name, so each handler gets the message it was typed for.
    if (isRequest(message)) {
      const handler = this.handlers[message.type] as RequestHandler<RequestName>;
      const answer = await handler(message as Msg<RequestName>, this.context);
      if (!this.closed)
        post(REQUESTS[message.type].reply, { ...answer, requestId: message.requestId } as ToUi[ReplyName<RequestName>]);
      return;
    }
    const handler = this.handlers[message.type] as NoticeHandler<NoticeName>;
    await handler(message as Msg<NoticeName>, this.context);
  }

  /** Settings and, when given, one key slot: the key is checked before anything is written. */
  private async saveSettings(message: Msg<"save-settings">): Promise<{ settings: Settings; keySlots: string[] }> {
    const key = message.key
      ? { slot: message.key.slot, value: checkApiKey(message.key.value, message.key.slot) }
      : undefined;
    const secrets = [...this.secrets, key?.value ?? null];
    const settings = await saveSettings(message.settings, secrets);
    const keySlots = key ? await saveKey(key.slot, key.value) : Object.keys(await loadKeys());
    if (key?.value) this.secrets = [...this.secrets, key.value];
    return { settings, keySlots };
  }
}

/** Opens the panel for `command`; resolves once `init` is sent. */
export async function openPanel(
  command: Command,
  imageAction?: ImageAction,
  open?: PanelOpening,
): Promise<PanelSession> {
  const session = new PanelSession(command, imageAction, open);
  await session.open();
  return session;
}
