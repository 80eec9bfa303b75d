/** A CSS value's words: split at spaces outside parentheses (`64px clamp(16px, calc(…), 64px)` is two). */
export function cssWords(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let word = "";
  for (const ch of value.trim()) {
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    if (/\s/.test(ch) && depth === 0) {
      if (word) out.push(word);
      word = "";
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}
