/**
 * Requests to the main thread that expect an answer (export, worker script, settings save, focus a layer):
 * one PendingRequests tracker matches answers, progress and errors to the request by id, with cancel and
 * timeout; `contract/messages.ts` REQUESTS says which message answers which request.
 */
import type { ErrorCode, ProgressName, ReplyName, RequestName, ToMain, ToUi } from "../../contract/messages.js";
import { REQUESTS } from "../../contract/messages.js";
import { PendingRequests, type UnknownAnswer } from "../../contract/requests.js";
import type { Bridge } from "./bridge.js";

/** The main thread answered a request with an error (its code says what kind). */
export class MainThreadError extends Error {
  override name = "MainThreadError";
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type Payload<K extends RequestName> = Omit<ToMain[K], "requestId">;
type Answer = { type: keyof ToUi } & Record<string, unknown>;

export interface RequestOptions<K extends RequestName> {
  onProgress?(progress: ToUi[ProgressName<K>]): void;
  signal?: AbortSignal;
  timeoutMs?: number;
  timeoutMessage?: string;
}

export interface MainRequests {
  request<K extends RequestName>(type: K, payload: Payload<K>, options?: RequestOptions<K>): Promise<ToUi[ReplyName<K>]>;
}

function logUnknown(id: string, what: UnknownAnswer, late: boolean): void {
  // A late answer is one of ours that was cancelled or timed out; anything else is worth a warning.
  if (late) console.info(`Figment UI: ignored the ${what} for request ${id} (cancelled or timed out)`);
  else console.warn(`Figment UI: a ${what} for unknown request ${id}`);
}

export class BridgeRequests implements MainRequests {
  private readonly pending = new PendingRequests<Answer, Answer>({ prefix: "ui", onUnknown: logUnknown });

  constructor(private readonly bridge: Bridge) {
    const replies = new Set<keyof ToUi>(Object.values(REQUESTS).map((r) => r.reply));
    const progress = new Set<keyof ToUi>(Object.values(REQUESTS).flatMap((r) => ("progress" in r ? [r.progress] : [])));
    for (const name of replies) {
      bridge.on(name, (message) => {
        const id = (message as { requestId?: string }).requestId;
        if (id !== undefined) this.pending.settle(id, message as unknown as Answer);
      });
    }
    for (const name of progress) {
      bridge.on(name, (message) => {
        const id = (message as { requestId?: string }).requestId;
        if (id !== undefined) this.pending.progress(id, message as unknown as Answer);
      });
    }
    bridge.on("error", (message) => {
      if (message.requestId !== undefined) this.pending.fail(message.requestId, new MainThreadError(message.code, message.message));
    });
  }

  request<K extends RequestName>(type: K, payload: Payload<K>, options: RequestOptions<K> = {}): Promise<ToUi[ReplyName<K>]> {
    const { reply } = this.pending.open({
      send: (requestId) => this.bridge.send(type, { ...payload, requestId } as ToMain[K]),
      ...(options.onProgress ? { onProgress: (message: Answer) => options.onProgress!(message as unknown as ToUi[ProgressName<K>]) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.timeoutMessage !== undefined ? { timeoutMessage: options.timeoutMessage } : {}),
      // Only exports and the search scan run long enough on the main thread to be worth stopping there.
      ...(type === "export-selection" || type === "scan-frames" ? { onCancel: (requestId: string) => this.bridge.send("cancel", { requestId }) } : {}),
    });
    return reply as Promise<unknown> as Promise<ToUi[ReplyName<K>]>;
  }
}
