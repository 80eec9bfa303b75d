/** A text layer's characters split into pieces of one style each: its runs, and the base style between them. */
import type { TextContent, TextStyle } from "../design/types.js";

export interface TextSegment {
  chars: string;
  style: TextStyle;
}

/** The styled pieces of `text` that show something (whitespace-only pieces are left out). */
export function textSegments(text: TextContent): TextSegment[] {
  const runs = [...(text.runs ?? [])].sort((a, b) => a.start - b.start);
  const out: TextSegment[] = [];
  const push = (start: number, end: number, style: TextStyle): void => {
    const chars = text.chars.slice(start, end);
    if (chars.trim() !== "") out.push({ chars, style });
  };
  let at = 0;
  for (const run of runs) {
    const start = Math.max(run.start, at);
    if (start > at) push(at, start, text.style);
    if (run.end > start) push(start, run.end, { ...text.style, ...run.style });
    at = Math.max(at, run.end);
  }
  if (at < text.chars.length) push(at, text.chars.length, text.style);
  return out;
}

/** A short quote of some text for messages. */
export function quote(chars: string, max = 40): string {
  const flat = chars.replace(/\s+/g, " ").trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}
