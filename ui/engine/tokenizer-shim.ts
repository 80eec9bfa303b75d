/**
 * Stands in for `gpt-tokenizer/encoding/o200k_base` in the worker bundle (esbuild alias): the real tokenizer
 * arrives later as its own script (tokenizer.entry.ts) and registers `__figmentCountTokens`.
 */
export function countTokens(text: string): number {
  const count = (globalThis as unknown as { __figmentCountTokens?: (text: string) => number }).__figmentCountTokens;
  if (typeof count !== "function") throw new Error("the tokenizer script is not loaded in this worker");
  return count(text);
}
