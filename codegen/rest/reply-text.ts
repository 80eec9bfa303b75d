/**
 * A design file's text → the JSON of a Figma REST reply, read as people actually save them. The one reader every
 * command of the CLI uses (through cli/common/design-text.ts, which decodes the bytes first: a UTF-8 byte-order mark,
 * UTF-16 LE or BE), and the bench and tests with it. It takes, besides plain JSON:
 * - a byte-order mark left at the text's start;
 * - text after the JSON (a download script's `HTTP_STATUS:200` trailer, a shell prompt): the first JSON value is read;
 * - an object's body without its outer braces (`"document": { … },` copied out of a reply);
 * - a reply inside a wrapper (`{ "meta": { "document": … } }`, `{ "Result": { "nodes": … } }`, `{ "status": 200,
 *   "data": … }`): the one member whose value holds the reply's shape.
 * - keys that differ from Figma's only in case (a C# client's `"Document"`, `"Id"`, `"Children"`; enum values such as
 *   `"Frame"`: key-case.ts);
 * - bounding boxes and sizes written with other keys (a C# client's `"X"`, `"Width"`; `left`/`top`, `w`/`h`:
 *   box-keys.ts).
 * Each such repair is said in `notes`. Text that is not JSON at all throws an input FigmentError with one line; a JSON
 * value that holds no reply is left to readRestReply (reply.ts), which says what it expected. Pure: no Node, no
 * TextDecoder (Figma's main thread has none).
 */
import { readBoxKeys } from "./box-keys.js";
import { readKeyCase } from "./key-case.js";
import { isRecord } from "./reply.js";
import { FigmentError } from "../../kernel/errors.js";

/** What a design file should hold, as the errors say it. */
export const EXPECTED_REPLY =
  "expected a Figma REST reply: the JSON of GET /v1/files/:key or /nodes, or a plugin's JSON_REST_V1 export";

/** Text that holds no JSON: `why` it is not ("empty", "not valid JSON (…)"), naming the file (or "the text"). */
const noJson = (name: string, why: string): FigmentError =>
  new FigmentError("input", `not Figma JSON: ${name} is ${why}; ${EXPECTED_REPLY}`);

export interface ReplyText {
  /** The reply, unwrapped (readRestReply and loadDesign take it). */
  json: unknown;
  /** What was repaired to read it, one sentence each (empty for plain JSON). */
  notes: string[];
}

/** Text of a design file (already decoded) → its reply; a refusal names `file` (else "the text"). */
export function readReplyText(input: string, file?: string): ReplyText {
  const notes: string[] = [];
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    notes.push("it starts with a byte-order mark (skipped)");
  }
  text = text.trim();
  if (text === "") throw noJson(file ?? "the text", "empty");
  const parsed = parseTolerant(text, notes, file ?? "the text");
  readKeyCase(parsed, notes);
  const json = unwrapReply(parsed, notes);
  readBoxKeys(json, notes, file);
  return { json, notes };
}

/** JSON.parse, then the repairs: the first value of a text with a trailer, the members of a fragment. */
function parseTolerant(text: string, notes: string[], name: string): unknown {
  let firstError: Error;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    firstError = error as Error;
  }
  if (text.startsWith("{") || text.startsWith("[")) {
    const end = endOfValue(text, 0);
    if (end !== undefined && end < text.length) {
      const value = tryParse(text.slice(0, end));
      if (value.ok) {
        notes.push(
          `it has text after the JSON: ${quoteStart(text.slice(end))} (${text.length - end} characters, ignored)`,
        );
        return value.json;
      }
    }
  }
  // A member list: `"name": value, "name": value` (trailing comma allowed), as copied out of an object.
  if (/^"(?:[^"\\]|\\.)*"\s*:/.test(text)) {
    const value = tryParse(`{${text.replace(/,\s*$/, "")}}`);
    if (value.ok) {
      notes.push("it holds an object's members without their outer braces, a fragment (read as one object)");
      return value.json;
    }
  }
  // The parser quotes the text's start, line breaks and all: one line for a message.
  throw noJson(name, `not valid JSON (${firstError.message.replace(/\s+/g, " ")})`);
}

function tryParse(text: string): { ok: true; json: unknown } | { ok: false } {
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The index just past the object or array that starts at `start` (strings skipped), or undefined if it never closes.
 */
function endOfValue(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

function quoteStart(rest: string): string {
  const line = rest.trim().split(/\r?\n/)[0] ?? "";
  return JSON.stringify(line.length > 40 ? `${line.slice(0, 39)}…` : line);
}

/** What a reply looks like at its top: a file or export (`document`), a nodes reply (`nodes`), or a node. */
function isReplyShape(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return isRestShape(value) || (typeof value["id"] === "string" && typeof value["type"] === "string");
}

/** A file, export or nodes reply: what a wrapper is taken off for (a node alone could be anything with an id). */
const isRestShape = (value: unknown): boolean =>
  isRecord(value) && (isRecord(value["document"]) || isRecord(value["nodes"]));

/** `value` is a reply, or a wrapper with one member that holds one, at most `levels` wrappers deep. */
function holdsReply(value: unknown, levels: number): boolean {
  if (isRestShape(value)) return true;
  return levels > 0 && isRecord(value) && Object.values(value).filter((v) => holdsReply(v, levels - 1)).length === 1;
}

const WRAPPER_LEVELS = 3;

/**
 * `{ "meta": reply }`, `{ "Result": reply, "status": 200 }`: an object that is no reply itself but has exactly one
 * member whose value holds one (an API wrapper around the reply) → that value; a few wrappers deep at most.
 */
export function unwrapReply(json: unknown, notes: string[] = []): unknown {
  let value = json;
  for (let level = WRAPPER_LEVELS; level > 0; level--) {
    if (!isRecord(value) || isReplyShape(value)) return value;
    const inner = Object.entries(value).filter(([, v]) => holdsReply(v, level - 1));
    if (inner.length !== 1) return value;
    const [key, held] = inner[0]!;
    notes.push(`the reply is inside a wrapper (read the value of ${JSON.stringify(key)})`);
    value = held;
  }
  return value;
}
