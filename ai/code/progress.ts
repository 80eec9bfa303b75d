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

/**
 * The inside of the JSON string being read: escapes decoded, its text kept only when it is captured. Unescaped
 * runs are appended as slices, so a long file's content is not built a character at a time.
 */
class StringCapture {
  /** Inside a string now. */
  active = false;
  what: Capture = "none";
  /** The captured text so far (what the last `read` saw included). */
  text = "";
  private escape = false;
  /** Remaining hex digits of a \u escape, and the digits so far. */
  private unicodeLeft = 0;
  private unicodeHex = "";

  begin(what: Capture): void {
    this.active = true;
    this.what = what;
    this.text = "";
  }

  /**
   * Reads `delta` from `at`: the index of the closing quote (the string ends there), or `delta.length` when it goes on.
   */
  read(delta: string, at: number): number {
    let runStart = -1; // start of an unescaped run being captured
    const flush = (end: number): void => {
      if (runStart >= 0) this.text += delta.slice(runStart, end);
      runStart = -1;
    };
    for (let i = at; i < delta.length; i++) {
      const c = delta.charCodeAt(i);
      if (this.unicodeLeft > 0) {
        this.unicodeHex += delta[i];
        if (--this.unicodeLeft === 0 && this.what !== "none") {
          const code = Number.parseInt(this.unicodeHex, 16);
          if (!Number.isNaN(code)) this.text += String.fromCharCode(code);
        }
      } else if (this.escape) {
        this.escape = false;
        if (c === 0x75 /* u */) {
          this.unicodeLeft = 4;
          this.unicodeHex = "";
        } else if (this.what !== "none") this.text += unescapeChar(delta[i]!);
      } else if (c === 0x5c /* \ */) {
        flush(i);
        this.escape = true;
      } else if (c === 0x22 /* " */) {
        flush(i);
        this.active = false;
        return i;
      } else if (runStart < 0 && this.what !== "none") runStart = i;
    }
    flush(delta.length);
    return delta.length;
  }
}

/** The role of a container opened in `parent`: the reply's root, its `files` array, one file object, or other. */
function roleFor(parent: Frame | undefined, kind: Frame["kind"]): Role {
  if (!parent) return kind === "object" ? "root" : "other";
  if (kind === "array" && parent.role === "root" && parent.key === "files") return "files";
  if (kind === "object" && parent.role === "files") return "file";
  return "other";
}

/** What a string starting in `top` is: a key, a file's path or content, the notes, or nothing reported. */
function captureFor(top: Frame | undefined): Capture {
  if (top?.kind === "object" && top.expectKey) return "key";
  if (top?.role === "file" && top.key === "path") return "path";
  if (top?.role === "file" && top.key === "content") return "content";
  if (top?.role === "root" && top.key === "notes") return "notes";
  return "none";
}

export class ProgressReader {
  private readonly stack: Frame[] = [];
  private readonly string = new StringCapture();
  private fileCount = 0;
  private notesText = "";
  private notesDone = false;
  private readonly completed: string[] = [];
  private currentPath: string | undefined;

  /** The notes text so far. */
  get notes(): string {
    return this.string.what === "notes" ? this.notesText + this.string.text : this.notesText;
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
    for (let i = 0; i < delta.length; i++) {
      if (this.string.active) {
        i = this.string.read(delta, i);
        if (!this.string.active) this.endString(events);
        continue;
      }
      switch (delta.charCodeAt(i)) {
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
    const notesAfter = this.notes;
    if (notesAfter !== notesBefore && !events.some((e) => e.type === "notes"))
      events.push({ type: "notes", text: notesAfter, done: this.notesDone });
    return events;
  }

  private open(kind: Frame["kind"]): void {
    const role = roleFor(this.stack[this.stack.length - 1], kind);
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
    const capture = captureFor(this.stack[this.stack.length - 1]);
    this.string.begin(capture);
    if (capture === "notes") {
      this.notesText = "";
      this.notesDone = false;
    }
  }

  private endString(events: ProgressEvent[]): void {
    const top = this.stack[this.stack.length - 1];
    const value = this.string.text;
    const capture = this.string.what;
    this.string.what = "none";
    this.string.text = "";
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
