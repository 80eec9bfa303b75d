/**
 * Reads what arrives from the main thread: the envelope (`{ pluginMessage }`) and the message contract
 * (`parseUiMessage`, which checks every field, nested ones included). Pure: no DOM, so it is unit-tested.
 */
import { isRecord } from "../../contract/fields.js";
import { MessageError, parseUiMessage, type UiMessage } from "../../contract/messages.js";

export type Incoming =
  | { kind: "message"; message: UiMessage }
  | { kind: "invalid"; error: string }
  /** Not addressed to the plugin UI (no `pluginMessage`): e.g. a browser extension or Figma itself. */
  | { kind: "foreign" };

/** Reads one `message` event's data. */
export function readIncoming(data: unknown): Incoming {
  if (!isRecord(data) || !Object.hasOwn(data, "pluginMessage")) return { kind: "foreign" };
  try {
    return { kind: "message", message: parseUiMessage(data["pluginMessage"]) };
  } catch (error) {
    if (error instanceof MessageError) return { kind: "invalid", error: error.message };
    return { kind: "invalid", error: `to UI: ${error instanceof Error ? error.message : String(error)}` };
  }
}
