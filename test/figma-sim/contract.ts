/**
 * The simulator's UI channel typed by the plugin's message contract (plugin/messages.ts, pure): wait for a
 * message of one type with its payload typed, or send a well-typed message. Browser-safe.
 */
import { parseUiMessage, type ToMain, type ToUi, type UiMessage } from "../../contract/messages.js";
import type { FigmaSim, Json } from "./sim.js";

export type UiOf<K extends keyof ToUi> = { type: K } & ToUi[K];

/** The first `type` message (at or after `since`), checked against the contract. */
export async function waitForUi<K extends keyof ToUi>(
  sim: FigmaSim,
  type: K,
  options: { since?: number; where?: (m: UiOf<K>) => boolean; timeoutMs?: number } = {},
): Promise<UiOf<K>> {
  const where = options.where;
  const message = await sim.ui.waitFor(type, {
    ...options,
    where: where ? (m: Json) => where(m as unknown as UiOf<K>) : undefined,
  });
  return parseUiMessage(message) as unknown as UiOf<K>;
}

/** Every message the plugin posted of `type`, typed. */
export function uiMessages<K extends keyof ToUi>(sim: FigmaSim, type: K): UiOf<K>[] {
  return sim.ui.all(type).map((m) => parseUiMessage(m) as unknown as UiOf<K>);
}

/** Every message the plugin posted, each checked with parseUiMessage (throws on the first bad one). */
export function checkedUiMessages(sim: FigmaSim): UiMessage[] {
  return sim.ui.messages.map((m) => parseUiMessage(m));
}

/** Sends a contract message from the "UI" to the plugin. */
export function sendToMain<K extends keyof ToMain>(sim: FigmaSim, type: K, payload: ToMain[K]): Promise<void> {
  return sim.ui.send({ type, ...payload });
}
