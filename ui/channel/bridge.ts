/**
 * The typed channel to the main thread. Sends `ToMain` messages with parent.postMessage({ pluginMessage }, "*")
 * and delivers checked `ToUi` messages to the handlers registered per name. A malformed or unknown message
 * is reported to the `invalid` handlers (the app shows a banner) and logged; it is never dropped silently.
 */
import { mainMessage, type ToMain, type ToUi, type UiMessage } from "../../contract/messages.js";
import { readIncoming } from "./incoming.js";

export type UiMessageOf<K extends keyof ToUi> = Extract<UiMessage, { type: K }>;
type Handler<K extends keyof ToUi> = (message: UiMessageOf<K>) => void;
type AnyHandler = (message: UiMessage) => void;

export interface Bridge {
  send<K extends keyof ToMain>(type: K, payload: ToMain[K]): void;
  /** Calls `handler` for each `type` message; returns the unsubscribe function. */
  on<K extends keyof ToUi>(type: K, handler: Handler<K>): () => void;
  /** Calls `handler` with a description of each message that failed its check. */
  onInvalid(handler: (error: string) => void): () => void;
}

export interface BridgeTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

export class PluginBridge implements Bridge {
  private readonly handlers = new Map<keyof ToUi, Set<AnyHandler>>();
  private readonly invalidHandlers = new Set<(error: string) => void>();
  private readonly listener = (event: MessageEvent<unknown>): void => this.receive(event.data, event.source);

  constructor(
    private readonly target: BridgeTarget,
    private readonly host: Pick<Window, "addEventListener" | "removeEventListener">,
  ) {}

  start(): void {
    this.host.addEventListener("message", this.listener);
  }

  stop(): void {
    this.host.removeEventListener("message", this.listener);
  }

  send<K extends keyof ToMain>(type: K, payload: ToMain[K]): void {
    this.target.postMessage({ pluginMessage: mainMessage(type, payload) }, "*");
  }

  on<K extends keyof ToUi>(type: K, handler: Handler<K>): () => void {
    let set = this.handlers.get(type);
    if (!set) {
      set = new Set();
      this.handlers.set(type, set);
    }
    // Safe: `receive` only calls the handlers registered under the message's own type.
    const stored = handler as unknown as AnyHandler;
    set.add(stored);
    return () => set.delete(stored);
  }

  onInvalid(handler: (error: string) => void): () => void {
    this.invalidHandlers.add(handler);
    return () => this.invalidHandlers.delete(handler);
  }

  /** Handles one message event's data (public for the tests and the dev harness). */
  receive(data: unknown, source: unknown = this.target): void {
    const incoming = readIncoming(data);
    if (incoming.kind === "foreign") {
      // Only the parent (Figma) talks to the plugin UI; other senders are noted, not trusted.
      if (source === this.target) console.warn("Figment UI: ignored a message without pluginMessage from the host");
      return;
    }
    if (incoming.kind === "invalid") {
      console.error(`Figment UI: refused a message from the main thread — ${incoming.error}`);
      for (const handler of this.invalidHandlers) handler(incoming.error);
      return;
    }
    const message = incoming.message;
    const handlers = this.handlers.get(message.type);
    if (!handlers || handlers.size === 0) {
      console.warn(`Figment UI: no handler for "${message.type}"`);
      return;
    }
    for (const handler of [...handlers]) {
      try {
        handler(message);
      } catch (error) {
        console.error(`Figment UI: handling "${message.type}" failed`, error);
        for (const invalid of this.invalidHandlers)
          invalid(`handling "${message.type}" failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
