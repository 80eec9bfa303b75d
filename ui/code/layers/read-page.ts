/**
 * A page read into layers in the panel (issue 51): the page's document laid out at the chosen width in an offscreen
 * iframe — `sandbox="allow-scripts"`, never same-origin, its CSP allowing only the reader's agent (layers-agent.ts)
 * by its hash — which posts the layer description back. The answer is taken only from that iframe, for the request
 * it was sent, and only once it passes the contract's check (contract/layers.ts `checkLayerDocument`).
 */
import { PendingRequests } from "../../../contract/requests.js";
import { checkLayerDocument, MAX_LAYER_NODES, type LayerDocument } from "../../../contract/layers.js";
import { withPageScript } from "../../../codegen/preview/page-script.js";
import { Cancelled } from "../../../kernel/cancelled.js";
import { FigmentError } from "../../../kernel/errors.js";
import { offscreenFrame } from "../offscreen-frame.js";
import { layersAgentScript, type LayersReply, type LayersRequest } from "./layers-agent.js";

/** How long a page may take to load and be read. */
const READ_TIMEOUT_MS = 60_000;

export interface ReadPageInput {
  /** The page's document as the preview shows it (its CSP in place: html-page.ts or react-preview.ts). */
  html: string;
  width: number;
  /** The viewport's height (vh units, the first screen). */
  height: number;
  /** The top frame's name. */
  name: string;
  /** Elements read at most (MAX_LAYER_NODES). */
  maxNodes?: number;
}

/** Reads `input.html` at its width into a checked LayerDocument; rejects with `Cancelled` once `signal` aborts. */
export async function readPageLayers(input: ReadPageInput, signal?: AbortSignal): Promise<LayerDocument> {
  if (signal?.aborted) throw new Cancelled();
  const frame = offscreenFrame("Reading the page into layers", "layers-reader");
  const waiting = new PendingRequests<unknown>({ prefix: "layers" });
  const onMessage = (event: MessageEvent): void => {
    const reply = event.data as Partial<LayersReply> | null;
    const id = reply?.token;
    if (event.source !== frame.contentWindow || reply?.type !== "figment-layers-reply" || typeof id !== "string")
      return;
    if (!waiting.has(id)) return;
    if (typeof reply.error === "string")
      waiting.fail(id, new FigmentError("internal", `the page could not be read: ${reply.error}`));
    else waiting.settle(id, reply.layers);
  };
  const onAbort = (): void => waiting.failAll(new Cancelled());
  frame.style.cssText =
    `position:fixed;left:${-input.width - 10_000}px;top:0;width:${input.width}px;` +
    `height:${input.height}px;border:0;pointer-events:none`;
  const loaded = new Promise<void>((resolve) => frame.addEventListener("load", () => resolve(), { once: true }));
  addEventListener("message", onMessage);
  signal?.addEventListener("abort", onAbort);
  frame.srcdoc = withPageScript(input.html, layersAgentScript());
  document.body.append(frame);
  const stopped = cancelledBy(signal);
  stopped.catch(() => undefined);
  try {
    await Promise.race([loaded, stopped]);
    const { reply } = waiting.open({
      send: (token) =>
        frame.contentWindow?.postMessage(
          {
            type: "figment-layers",
            token,
            width: input.width,
            options: { maxNodes: input.maxNodes ?? MAX_LAYER_NODES, name: input.name.slice(0, 200) },
          } satisfies LayersRequest,
          "*",
        ),
      ...(signal ? { signal } : {}),
      timeoutMs: READ_TIMEOUT_MS,
      timeoutMessage: `the page was not read within ${READ_TIMEOUT_MS / 1000} s`,
    });
    const layers = await reply;
    try {
      return checkLayerDocument(layers);
    } catch (error) {
      throw new FigmentError(
        "internal",
        `the page's layers did not pass their check: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  } finally {
    removeEventListener("message", onMessage);
    signal?.removeEventListener("abort", onAbort);
    frame.remove();
  }
}

/** Rejects with `Cancelled` when `signal` aborts (never settles otherwise). */
function cancelledBy(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) reject(new Cancelled());
    signal?.addEventListener("abort", () => reject(new Cancelled()), { once: true });
  });
}
