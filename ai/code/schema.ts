/**
 * The structured-output contract: `{ files: [{ path, content }], notes }`, and a reader for the model's reply
 * that never throws. Paths are passed through unchanged: the project pass rejects unsafe ones.
 */
import { plural } from "../../kernel/plural.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import { jsonErrorOffset, lineColumn } from "../text/json-position.js";

export const FILES_SCHEMA_NAME = "figment_files";

/** JSON schema for strict structured output (every object closed, every property required). */
export const FILES_SCHEMA = {
  type: "object",
  additionalProperties: false,
  // Notes come first: structured output follows this order, so the panel can show them while files stream.
  required: ["notes", "files"],
  properties: {
    notes: {
      type: "string",
      description: "Short notes for the user, written first: the plan, assumptions, things left out.",
    },
    files: {
      type: "array",
      description: "Every file of the project, each complete.",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["path", "content"],
        properties: {
          path: { type: "string", description: "Relative POSIX path, e.g. src/components/Button.tsx" },
          content: { type: "string", description: "The whole file content." },
        },
      },
    },
  },
} as const;

export interface FilesReply {
  files: SourceFile[];
  notes: string;
  problems: Problem[];
}

function badOutput(message: string, severity: Problem["severity"] = "error"): Problem {
  return { severity, code: "bad-output", message };
}

/** Reads the model's JSON reply. Malformed → a bad-output problem; truncated → the complete files salvaged. */
export function parseFilesReply(text: string): FilesReply {
  const trimmed = stripFence(text.trim());
  if (!trimmed) return { files: [], notes: "", problems: [badOutput("The model returned an empty reply.")] };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return salvage(trimmed);
  }
  return fromValue(value);
}

/** Some chat endpoints wrap JSON in a markdown fence despite the schema. */
function stripFence(text: string): string {
  const match = /^```(?:json)?\s*\n([\s\S]*?)\n?```$/.exec(text);
  return match ? match[1]!.trim() : text;
}

function fromValue(value: unknown): FilesReply {
  const problems: Problem[] = [];
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { files: [], notes: "", problems: [badOutput("The model's reply is not a JSON object.")] };
  const record = value as Record<string, unknown>;
  const notes = typeof record.notes === "string" ? record.notes : "";
  if (record.notes !== undefined && typeof record.notes !== "string")
    problems.push(badOutput("`notes` is not a string.", "warning"));
  if (!Array.isArray(record.files)) {
    problems.push(badOutput("The model's reply has no `files` array."));
    return { files: [], notes, problems };
  }
  const files: SourceFile[] = [];
  record.files.forEach((item, index) => {
    const file = asFile(item);
    if (file) files.push(file);
    else problems.push(badOutput(`files[${index}] is not { path: string, content: string }; skipped.`, "warning"));
  });
  return { files, notes, problems };
}

function asFile(item: unknown): SourceFile | undefined {
  if (typeof item !== "object" || item === null) return undefined;
  const { path, content } = item as Record<string, unknown>;
  if (typeof path !== "string" || typeof content !== "string") return undefined;
  return { path, content };
}

/**
 * For a reply cut short: scan for `"files": [` and parse each complete `{...}` element after it with
 * JSON.parse; stop at the first incomplete one. Also picks up `notes` if it is complete.
 */
function salvage(text: string): FilesReply {
  const files: SourceFile[] = [];
  const problems: Problem[] = [];
  const notes = completeStringField(text, "notes") ?? "";
  const filesKey = findKey(text, "files");
  if (filesKey >= 0) {
    let i = skipWs(text, filesKey);
    if (text[i] === ":") i = skipWs(text, i + 1);
    if (text[i] === "[") {
      i++;
      for (;;) {
        i = skipWs(text, i);
        if (text[i] === ",") i = skipWs(text, i + 1);
        if (text[i] !== "{") break;
        const end = matchBrace(text, i);
        if (end < 0) break;
        try {
          const file = asFile(JSON.parse(text.slice(i, end + 1)));
          if (file) files.push(file);
        } catch {
          break;
        }
        i = end + 1;
      }
    }
  }
  problems.push(badOutput(unreadableReply(text, files.length)));
  return { files, notes, problems };
}

/**
 * Why the reply is not JSON, in the user's words rather than the parser's: it ends too soon (a cut answer), or
 * where it first goes wrong; and what was kept of it.
 */
function unreadableReply(text: string, kept: number): string {
  const offset = jsonErrorOffset(text);
  const what = kept > 0 ? `kept the ${plural(kept, "complete file")}` : "no file was complete";
  if (offset === undefined || offset >= text.length)
    return `The model's answer ended before its files were complete; ${what}.`;
  return (
    `The model's answer is not valid JSON: unexpected ${JSON.stringify(text[offset])} ` +
    `at ${lineColumn(text, offset)}; ${kept > 0 ? `${what} before it` : what}.`
  );
}

function skipWs(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** Index just after the top-level-ish key `"name"` (outside strings), or -1. */
function findKey(text: string, name: string): number {
  const needle = `"${name}"`;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      if (text.startsWith(needle, i)) {
        const after = skipWs(text, i + needle.length);
        if (text[after] === ":") return i + needle.length;
      }
      inString = true;
    }
  }
  return -1;
}

/** Index of the `}` that closes the `{` at `start`, skipping strings; -1 if the text ends first. */
function matchBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return c === "}" ? i : -1;
    }
  }
  return -1;
}

function completeStringField(text: string, name: string): string | undefined {
  const key = findKey(text, name);
  if (key < 0) return undefined;
  let i = skipWs(text, key);
  if (text[i] !== ":") return undefined;
  i = skipWs(text, i + 1);
  if (text[i] !== '"') return undefined;
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === "\\") j++;
    else if (text[j] === '"') {
      try {
        const value: unknown = JSON.parse(text.slice(i, j + 1));
        return typeof value === "string" ? value : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
