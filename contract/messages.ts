/**
 * The one message contract between the main thread (plugin/) and the UI iframe (ui/): a map from message
 * name to payload, per direction. Both sides check what arrives with `parseMessage` and refuse unknown or
 * malformed messages loudly. Long jobs carry a `requestId`. Pure: no `figma`, no DOM.
 */
import type { Settings } from "./settings.js";

export type Command = "code" | "image" | "analyze" | "search" | "settings";
export const COMMANDS: readonly Command[] = ["code", "image", "analyze", "search", "settings"];

export interface SelectedNode {
  id: string;
  name: string;
  type: string;
  width: number;
  height: number;
}

export interface SelectionSummary {
  nodes: SelectedNode[];
  /** Nodes in the selection that cannot be exported (e.g. a page-level slice), with the reason. */
  unsupported: { id: string; name: string; type: string; reason: string }[];
}

/** One exported frame: its REST JSON (as `exportAsync({format:"JSON_REST_V1"})` returns it) and a PNG. */
export interface ExportedFrame {
  id: string;
  name: string;
  type: string;
  width: number;
  height: number;
  json: unknown;
  png: Uint8Array;
  /** Scale the PNG was exported at (long side ≤ settings.maxImageSize). */
  scale: number;
}

export type ErrorCode =
  | "empty-selection"
  | "unsupported-node"
  | "too-large"
  | "export-failed"
  | "bad-message"
  | "bad-settings"
  | "storage-failed"
  | "cancelled"
  | "internal";

/** Messages from the main thread to the UI. */
export interface ToUi {
  init: { command: Command; settings: Settings; apiKey: string | null; selection: SelectionSummary; editorType: string };
  selection: { selection: SelectionSummary };
  "export-progress": { requestId: string; done: number; total: number; label: string };
  "export-result": { requestId: string; frames: ExportedFrame[] };
  thumbnail: { nodeId: string; png: Uint8Array };
  "settings-saved": { settings: Settings; hasKey: boolean };
  /** The codegen worker's script, gzip+base64, sent once on request (it is too big to ship in ui.html). */
  "worker-source": { requestId: string; data: string };
  error: { requestId?: string; code: ErrorCode; message: string };
}

/** Messages from the UI to the main thread. */
export interface ToMain {
  ready: Record<string, never>;
  "export-selection": { requestId: string };
  "cancel-export": { requestId: string };
  "get-thumbnail": { nodeId: string };
  /** `part`: the codegen worker (default) or the tokenizer script the worker loads for estimates. */
  "get-worker-source": { requestId: string; part?: "codegen" | "tokenizer" };
  "save-settings": { settings: Partial<Settings>; apiKey?: string | null };
  notify: { message: string; error?: boolean };
  resize: { width: number; height: number };
  close: Record<string, never>;
}

export type Message<Map> = { [K in keyof Map]: { type: K } & Map[K] }[keyof Map];
export type UiMessage = Message<ToUi>;
export type MainMessage = Message<ToMain>;

type Shape = Record<string, "string" | "number" | "boolean" | "object" | "bytes" | "string?" | "object?" | "boolean?" | "string|null?">;

/** What each message's payload must hold (top level; nested data is checked where it is used). */
const TO_UI: { [K in keyof ToUi]: Shape } = {
  init: { command: "string", settings: "object", apiKey: "string|null?", selection: "object", editorType: "string" },
  selection: { selection: "object" },
  "export-progress": { requestId: "string", done: "number", total: "number", label: "string" },
  "export-result": { requestId: "string", frames: "object" },
  thumbnail: { nodeId: "string", png: "bytes" },
  "settings-saved": { settings: "object", hasKey: "boolean" },
  "worker-source": { requestId: "string", data: "string" },
  error: { requestId: "string?", code: "string", message: "string" },
};

const TO_MAIN: { [K in keyof ToMain]: Shape } = {
  ready: {},
  "export-selection": { requestId: "string" },
  "cancel-export": { requestId: "string" },
  "get-thumbnail": { nodeId: "string" },
  "get-worker-source": { requestId: "string", part: "string?" },
  "save-settings": { settings: "object", apiKey: "string|null?" },
  notify: { message: "string", error: "boolean?" },
  resize: { width: "number", height: "number" },
  close: {},
};

export class MessageError extends Error {
  override name = "MessageError";
}

function checkField(value: unknown, kind: Shape[string]): boolean {
  switch (kind) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "object":
      return typeof value === "object" && value !== null;
    case "bytes":
      return value instanceof Uint8Array;
    case "string?":
      return value === undefined || typeof value === "string";
    case "object?":
      return value === undefined || (typeof value === "object" && value !== null);
    case "boolean?":
      return value === undefined || typeof value === "boolean";
    case "string|null?":
      return value === undefined || value === null || typeof value === "string";
  }
}

function parseWith<M>(shapes: Record<string, Shape>, data: unknown, direction: string): M {
  if (typeof data !== "object" || data === null) throw new MessageError(`${direction}: message is not an object`);
  const type = (data as { type?: unknown }).type;
  if (typeof type !== "string" || !Object.prototype.hasOwnProperty.call(shapes, type)) {
    throw new MessageError(`${direction}: unknown message ${JSON.stringify(type)}`);
  }
  const shape = shapes[type]!;
  for (const [field, kind] of Object.entries(shape)) {
    if (!checkField((data as Record<string, unknown>)[field], kind)) {
      throw new MessageError(`${direction}: message "${type}" has a bad "${field}" (expected ${kind})`);
    }
  }
  return data as M;
}

/** Checks a message arriving in the UI. Throws MessageError for unknown names or bad payloads. */
export function parseUiMessage(data: unknown): UiMessage {
  return parseWith<UiMessage>(TO_UI, data, "to UI");
}

/** Checks a message arriving on the main thread. Throws MessageError for unknown names or bad payloads. */
export function parseMainMessage(data: unknown): MainMessage {
  return parseWith<MainMessage>(TO_MAIN, data, "to main");
}

export function uiMessage<K extends keyof ToUi>(type: K, payload: ToUi[K]): UiMessage {
  return { type, ...payload } as UiMessage;
}

export function mainMessage<K extends keyof ToMain>(type: K, payload: ToMain[K]): MainMessage {
  return { type, ...payload } as MainMessage;
}
