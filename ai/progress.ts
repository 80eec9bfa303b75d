/**
 * Streaming progress for the `{ files: [{ path, content }], notes }` reply: fed the text deltas as they
 * arrive, it reports the notes so far and each file as soon as it is complete in the stream. One incremental
 * scan (a small JSON state machine), so total work is O(length of the reply) however it is split.
 * It only reports progress; the final reply is still read with `parseFilesReply`.
 */

export type ProgressEvent =
  /** A file's path is known (its content is still streaming). */
  | { type: "file-start"; index: number; path: string }
  /** A file object is complete in the stream, with its content (decoded). */
  | { type: "file"; index: number; path: string; content: string }
  /** The notes so far (sent once per `push` in which they grew, and when they end). */
  | { type: "notes"; text: string; done: boolean };

type Role = "root" | "files" | "file" | "other";

interface Frame {
  kind: "object" | "array";
  role: Role;
  /** Object only: the key of the value being read, when known. */
  key: string | undefined;
  /** Object only: the next string is a key. */
  expectKey: boolean;
  /** File frames: the path and content, once read. */
  path?: string;
  content?: string;
}

type Capture = "key" | "path" | "content" | "notes" | "none";

export class ProgressReader {
  private readonly stack: Frame[] = [];
  private inString = false;
  private escape = false;
  /** Remaining hex digits of a \u escape, and the digits so far. */
  private unicodeLeft = 0;
  private unicodeHex = "";
  private capture: Capture = "none";
  private captured = "";
  private fileCount = 0;
  private notesText = "";
  private notesDone = false;
  private readonly completed: string[] = [];
  private currentPath: string | undefined;

  /** The notes text so far. */
  get notes(): string {
    return this.capture === "notes" ? this.notesText + this.captured : this.notesText;
  }

  /** Paths of the files complete so far, in order. */
  get files(): readonly string[] {
    return this.completed;
  }

  /** Path of the file being streamed now, if known. */
  get current(): string | undefined {
    return this.currentPath;
  }

  /** Feeds the next delta; returns what became known with it. */
  push(delta: string): ProgressEvent[] {
    const events: ProgressEvent[] = [];
    const notesBefore = this.notes;
    let runStart = -1; // start of an unescaped run being captured in this delta
    for (let i = 0; i < delta.length; i++) {
      const c = delta.charCodeAt(i);
      if (this.inString) {
        if (this.unicodeLeft > 0) {
          this.unicodeHex += delta[i];
          if (--this.unicodeLeft === 0 && this.capture !== "none") {
            const code = Number.parseInt(this.unicodeHex, 16);
            if (!Number.isNaN(code)) this.captured += String.fromCharCode(code);
          }
          continue;
        }
        if (this.escape) {
          this.escape = false;
          if (c === 0x75 /* u */) {
            this.unicodeLeft = 4;
            this.unicodeHex = "";
          } else if (this.capture !== "none") this.captured += unescapeChar(delta[i]!);
          continue;
        }
        if (c === 0x5c /* \ */) {
          if (runStart >= 0) this.captured += delta.slice(runStart, i);
          runStart = -1;
          this.escape = true;
          continue;
        }
        if (c === 0x22 /* " */) {
          if (runStart >= 0) this.captured += delta.slice(runStart, i);
          runStart = -1;
          this.inString = false;
          this.endString(events);
          continue;
        }
        if (runStart < 0 && this.capture !== "none") runStart = i;
        continue;
      }
      switch (c) {
        case 0x22: // "
          this.startString();
          break;
        case 0x7b: // {
          this.open("object");
          break;
        case 0x5b: // [
          this.open("array");
          break;
        case 0x7d: // }
        case 0x5d: // ]
          this.close(events);
          break;
        case 0x2c: {
          // ,
          const top = this.stack[this.stack.length - 1];
          if (top?.kind === "object") {
            top.expectKey = true;
            top.key = undefined;
          }
          break;
        }
        default:
          break; // whitespace, ':' and scalars carry nothing we report
      }
    }
    if (this.inString && runStart >= 0) this.captured += delta.slice(runStart);
    const notesAfter = this.notes;
    if (notesAfter !== notesBefore && !events.some((e) => e.type === "notes"))
      events.push({ type: "notes", text: notesAfter, done: this.notesDone });
    return events;
  }

  private open(kind: Frame["kind"]): void {
    const parent = this.stack[this.stack.length - 1];
    let role: Role = "other";
    if (!parent) role = kind === "object" ? "root" : "other";
    else if (kind === "array" && parent.role === "root" && parent.key === "files") role = "files";
    else if (kind === "object" && parent.role === "files") role = "file";
    this.stack.push({ kind, role, key: undefined, expectKey: kind === "object" });
    if (role === "file") this.currentPath = undefined;
  }

  private close(events: ProgressEvent[]): void {
    const frame = this.stack.pop();
    if (frame?.role === "file") {
      const path = frame.path ?? "";
      const index = this.fileCount++;
      this.completed.push(path);
      this.currentPath = undefined;
      events.push({ type: "file", index, path, content: frame.content ?? "" });
    }
    const parent = this.stack[this.stack.length - 1];
    if (parent?.kind === "object") parent.expectKey = false;
  }

  private startString(): void {
    this.inString = true;
    const top = this.stack[this.stack.length - 1];
    this.captured = "";
    if (top?.kind === "object" && top.expectKey) this.capture = "key";
    else if (top?.role === "file" && top.key === "path") this.capture = "path";
    else if (top?.role === "file" && top.key === "content") this.capture = "content";
    else if (top?.role === "root" && top.key === "notes") {
      this.capture = "notes";
      this.notesText = "";
      this.notesDone = false;
    } else this.capture = "none";
  }

  private endString(events: ProgressEvent[]): void {
    const top = this.stack[this.stack.length - 1];
    const value = this.captured;
    const capture = this.capture;
    this.capture = "none";
    this.captured = "";
    if (capture === "key" && top) {
      top.key = value;
      top.expectKey = false;
    } else if (capture === "path" && top) {
      top.path = value;
      this.currentPath = value;
      events.push({ type: "file-start", index: this.fileCount, path: value });
    } else if (capture === "content" && top) {
      top.content = value;
    } else if (capture === "notes") {
      this.notesText = value;
      this.notesDone = true;
      events.push({ type: "notes", text: value, done: true });
    }
  }
}

function unescapeChar(ch: string): string {
  switch (ch) {
    case "n":
      return "\n";
    case "t":
      return "\t";
    case "r":
      return "\r";
    case "b":
      return "\b";
    case "f":
      return "\f";
    default:
      return ch; // " \ /
  }
}
