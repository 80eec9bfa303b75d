/**
 * Checks what arrives from the main thread: the envelope (`{ pluginMessage }`), the message contract
 * (`parseUiMessage`, top level) and the nested data the UI relies on. Pure: no DOM, so it is unit-tested.
 */
import { COMMANDS, MessageError, parseUiMessage, type Command, type ExportedFrame, type SelectionSummary, type UiMessage } from "../../contract/messages.js";
import { readSettings } from "../../contract/settings.js";

export type Incoming =
  | { kind: "message"; message: UiMessage }
  | { kind: "invalid"; error: string }
  /** Not addressed to the plugin UI (no `pluginMessage`): e.g. a browser extension or Figma itself. */
  | { kind: "foreign" };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(message: string): never {
  throw new MessageError(message);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

export function isCommand(value: unknown): value is Command {
  return typeof value === "string" && (COMMANDS as readonly string[]).includes(value);
}

export function checkSelection(value: unknown, where: string): SelectionSummary {
  if (!isRecord(value) || !Array.isArray(value["nodes"]) || !Array.isArray(value["unsupported"])) {
    fail(`${where}: selection must have "nodes" and "unsupported" arrays`);
  }
  const nodes = value["nodes"].map((node: unknown, i: number) => {
    if (!isRecord(node) || typeof node["id"] !== "string" || typeof node["name"] !== "string" || typeof node["type"] !== "string" || !isFiniteNumber(node["width"]) || !isFiniteNumber(node["height"])) {
      fail(`${where}: selection node ${i} needs id, name, type (strings) and width, height (numbers)`);
    }
    return { id: node["id"], name: node["name"], type: node["type"], width: node["width"], height: node["height"] };
  });
  const unsupported = value["unsupported"].map((node: unknown, i: number) => {
    if (!isRecord(node) || typeof node["id"] !== "string" || typeof node["name"] !== "string" || typeof node["type"] !== "string" || typeof node["reason"] !== "string") {
      fail(`${where}: unsupported node ${i} needs id, name, type and reason (strings)`);
    }
    return { id: node["id"], name: node["name"], type: node["type"], reason: node["reason"] };
  });
  return { nodes, unsupported };
}

export function checkFrames(value: unknown, where: string): ExportedFrame[] {
  if (!Array.isArray(value)) fail(`${where}: "frames" must be an array`);
  return value.map((frame: unknown, i: number) => {
    if (!isRecord(frame)) fail(`${where}: frame ${i} is not an object`);
    const { id, name, type, width, height, json, png, scale } = frame;
    if (typeof id !== "string" || typeof name !== "string" || typeof type !== "string") fail(`${where}: frame ${i} needs id, name and type strings`);
    if (!isFiniteNumber(width) || !isFiniteNumber(height) || !isFiniteNumber(scale)) fail(`${where}: frame ${i} needs width, height and scale numbers`);
    if (!(png instanceof Uint8Array)) fail(`${where}: frame ${i} has no PNG bytes`);
    if (json === undefined || json === null) fail(`${where}: frame ${i} has no JSON`);
    return { id, name, type, width, height, json, png, scale };
  });
}

/** The contract's top-level check plus the nested fields; settings are normalised with their defaults. */
export function checkUiMessage(data: unknown): UiMessage {
  const message = parseUiMessage(data);
  switch (message.type) {
    case "init":
      if (!isCommand(message.command)) fail(`to UI: init has an unknown command ${JSON.stringify(message.command)}`);
      return { ...message, settings: readSettings(message.settings), selection: checkSelection(message.selection, "init"), apiKey: message.apiKey ?? null };
    case "selection":
      return { ...message, selection: checkSelection(message.selection, "selection") };
    case "export-result":
      return { ...message, frames: checkFrames(message.frames, "export-result") };
    case "settings-saved":
      return { ...message, settings: readSettings(message.settings) };
    case "export-progress":
    case "thumbnail":
    case "worker-source":
    case "error":
      return message;
  }
}

/** Reads one `message` event's data. */
export function readIncoming(data: unknown): Incoming {
  if (!isRecord(data) || !Object.prototype.hasOwnProperty.call(data, "pluginMessage")) return { kind: "foreign" };
  try {
    return { kind: "message", message: checkUiMessage(data["pluginMessage"]) };
  } catch (error) {
    if (error instanceof MessageError) return { kind: "invalid", error: error.message };
    return { kind: "invalid", error: `to UI: ${error instanceof Error ? error.message : String(error)}` };
  }
}
