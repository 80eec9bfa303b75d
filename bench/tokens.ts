/**
 * Token count with OpenAI's o200k_base encoding (GPT-4o / GPT-4.1 / GPT-5 / o-series), via gpt-tokenizer 4.
 * `gpt-tokenizer/encoding/o200k_base` is the explicit entry (package "exports" maps "./*" to esm/*.js);
 * the package root uses the same encoding by default.
 *
 * Special-token strings such as "<|endoftext|>" that happen to occur in design text are counted as
 * ordinary text (what an API does with user content) instead of throwing, which is gpt-tokenizer's default.
 */
import { encode } from "gpt-tokenizer/encoding/o200k_base";

const AS_TEXT = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

export function countTokens(text: string): number {
  return encode(text, AS_TEXT).length;
}
