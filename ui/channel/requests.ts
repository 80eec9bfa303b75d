/**
 * The UI's calls to the main thread (export, worker script, settings save, focus a layer…): the one request idiom,
 * `call(name, payload, { onEvent, signal, timeoutMs })` (contract/requests.ts), typed by the declared calls
 * (contract/messages.ts REQUESTS: which message answers which, which reports progress, which the main thread
 * stops on cancel). A refusal rejects with MainThreadError; the main thread's "cancelled" with `Cancelled`.
 */
import { Cancelled } from "../../kernel/cancelled.js";
import type { ErrorCode, MainCalls, RequestName, ToMain, ToUi } from "../../contract/messages.js";
import { isStoppable, REQUESTS } from "../../contract/messages.js";
import { PendingRequests, type Caller, type CallOptions, type UnknownAnswer } from "../../contract/requests.js";
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

type Answer = { type: keyof ToUi } & Record<string, unknown>;

export type MainRequests = Caller<MainCalls>;

function logUnknown(id: string, what: UnknownAnswer, late: boolean): void {
  // A late answer is one of ours that was cancelled or timed out; anything else is worth a warning.
  if (late) console.info(`Figment UI: ignored the ${what} for request ${id} (cancelled or timed out)`);
  else console.warn(`Figment UI: a ${what} for unknown request ${id}`);
}

/** Every message that answers a call, or reports its progress, as REQUESTS declares them. */
const ANSWERS = new Set<keyof ToUi>(Object.values(REQUESTS).map((r) => r.reply));
const PROGRESS = new Set<keyof ToUi>(Object.values(REQUESTS).flatMap((r) => ("progress" in r ? [r.progress] : [])));

export class BridgeRequests implements MainRequests {
  private readonly pending = new PendingRequests<Answer, Answer>({ prefix: "ui", onUnknown: logUnknown });

  constructor(private readonly bridge: Bridge) {
    const idOf = (message: object): string | undefined => (message as { requestId?: string }).requestId;
    for (const name of ANSWERS) {
      bridge.on(name, (message) => {
        const id = idOf(message);
        if (id !== undefined) this.pending.settle(id, message as unknown as Answer);
      });
    }
    for (const name of PROGRESS) {
      bridge.on(name, (message) => {
        const id = idOf(message);
        if (id !== undefined) this.pending.event(id, message as unknown as Answer);
      });
    }
    bridge.on("error", (message) => {
      if (message.requestId === undefined) return;
      this.pending.fail(
        message.requestId,
        message.code === "cancelled"
          ? new Cancelled(message.message)
          : new MainThreadError(message.code, message.message),
      );
    });
  }

  call<K extends RequestName>(
    name: K,
    payload: MainCalls[K]["body"],
    options: CallOptions<MainCalls[K]["event"]> = {},
  ): Promise<MainCalls[K]["reply"]> {
    const { onEvent } = options;
    const { reply } = this.pending.open({
      ...options,
      send: (requestId) => this.bridge.send(name, { ...payload, requestId } as ToMain[K]),
      onEvent: onEvent && ((message: Answer) => onEvent(message as unknown as MainCalls[K]["event"])),
      ...(isStoppable(name) ? { onCancel: (requestId: string) => this.bridge.send("cancel", { requestId }) } : {}),
    });
    return reply as Promise<unknown> as Promise<MainCalls[K]["reply"]>;
  }
}
