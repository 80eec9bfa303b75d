/** What the harness host (host.ts) offers tests about the messages between main thread and UI. */

/** A message that crossed the relay: who sent it, its type, and when (ms since the epoch, fractional). */
export interface RelayedMessage {
  from: "plugin" | "ui";
  type: string;
  at: number;
  /**
   * The part a get-worker-source (tokenizer, code-format, code-check, search; none: the engine) or a get-ui-part asks
   * for.
   */
  part?: string;
}

/**
 * The relay between the main thread and the UI, for tests: every message that crossed it, and holding back
 * messages by type (either way: `worker-source` from the main thread, `get-worker-source` from the UI, `init`…), or
 * by type and part (`get-worker-source:code-format`), until released, in order — e.g. "the worker script has not
 * arrived yet".
 */
export interface Relay {
  traffic: RelayedMessage[];
  hold(type: string): void;
  release(type: string): void;
}
