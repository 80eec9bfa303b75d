/**
 * The UI's small requests that need nothing of the session: the packed scripts it loads on demand, a
 * thumbnail, the model prices, focusing a layer, a toast, the panel's size, closing. Refusals are PluginErrors.
 */
import { PluginError } from "../errors.js";
import type { MainMessage, UiPart, WorkerPart } from "../../contract/messages.js";
import { focusNode } from "../canvas/focus.js";
import { clampSize, savePanelSize, savePrices } from "../storage/panel-store.js";
import { post } from "./post.js";
import { thumbnail } from "./thumbnail.js";
import { draftPayload, searchWorkerPayload, tokenizerPayload, workerPayload } from "./worker-payload.js";

export type PanelRequest = Extract<MainMessage, { type: "get-thumbnail" | "get-worker-source" | "get-ui-part" | "save-prices" | "focus-node" | "notify" | "resize" | "close" }>;

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
};

export async function answerPanel(message: PanelRequest): Promise<void> {
  switch (message.type) {
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
    default:
      message satisfies never;
  }
}
