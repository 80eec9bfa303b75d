/**
 * The UI's calls to the main thread (export, worker script, settings save, focus a layer…): the one request idiom,
 * `call(name, payload, { onEvent, signal, timeoutMs })` (contract/requests.ts), typed by the declared calls
 * (contract/messages.ts REQUESTS: which message answers which, which reports progress, which the main thread
 * stops on cancel). A failure arrives in the one failure shape (contract/failure.ts) as the error the main thread
 * threw: a refusal with its code as PluginError (the class the plugin threw), "cancelled" as `Cancelled`, any other
 * as a FigmentError of its kind.
 */
import type { FigmentError } from "../../kernel/errors.js";
import { PluginError } from "../../contract/plugin-error.js";
import type { Failure } from "../../contract/failure.js";
import type { ErrorCode, MainCalls, RequestName, ToMain, ToUi } from "../../contract/messages.js";
import { ERROR_CODES, isStoppable, REQUESTS } from "../../contract/messages.js";
import { PendingRequests, type Caller, type CallOptions, type UnknownAnswer } from "../../contract/requests.js";
import type { Bridge } from "./bridge.js";

export { PluginError } from "../../contract/plugin-error.js";

const isErrorCode = (reason: string | undefined): reason is ErrorCode =>
  (ERROR_CODES as readonly (string | undefined)[]).includes(reason);

/** A refusal with its code as PluginError; `Cancelled` and the rest as the request idiom decodes them. */
function decode(failure: Failure<unknown>): FigmentError | undefined {
  return failure.kind !== "cancelled" && isErrorCode(failure.reason)
    ? new PluginError(failure.reason, failure.message, failure.kind)
    : undefined;
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
  private readonly pending = new PendingRequests<Answer, Answer>({ prefix: "ui", onUnknown: logUnknown, decode });

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
    bridge.on("error", ({ requestId, type: _type, ...failure }) => {
      if (requestId !== undefined) this.pending.failWith(requestId, failure);
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
