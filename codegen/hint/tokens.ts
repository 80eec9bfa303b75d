/** Token-level helpers shared by the hint printer and parser. */
import { FigmentError } from "../../kernel/errors.js";

const BARE = /^[^\s"]+$/;

/** A value as one whitespace-free token: bare when safe, else a JSON string. */
export function quote(value: string): string {
  return BARE.test(value) && !value.startsWith("\\") ? value : JSON.stringify(value);
}

/** Inverse of `quote`. */
export function unquote(token: string): string {
  return token.startsWith('"') ? (JSON.parse(token) as string) : token;
}

/** Splits a line on spaces, keeping JSON strings (also after a `key:` prefix) whole. */
export function splitTokens(line: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === " ") i++;
    if (i >= line.length) break;
    let token = "";
    while (i < line.length && line[i] !== " ") {
      if (line[i] === '"') {
        let j = i + 1;
        while (j < line.length && line[j] !== '"') j += line[j] === "\\" ? 2 : 1;
        token += line.slice(i, j + 1);
        i = j + 1;
      } else {
        token += line[i];
        i++;
      }
    }
    tokens.push(token);
  }
  return tokens;
}

/** `#aabbcc` → `#abc`, so colours cost fewer tokens; `expandColor` restores them. */
export function shortColor(color: string): string {
  const m = /^#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3$/.exec(color);
  return m ? `#${m[1]}${m[2]}${m[3]}` : color.replace(/, /g, ",");
}

export function expandColor(color: string): string {
  const m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(color);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`;
  return color.startsWith("rgba(") ? color.replace(/,(?! )/g, ", ") : color;
}

export function num(token: string): number {
  const value = Number(token);
  if (!Number.isFinite(value)) throw new FigmentError("input", `expected a number, got "${token}"`);
  return value;
}
