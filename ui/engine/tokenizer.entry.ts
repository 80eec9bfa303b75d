/**
 * The o200k_base tokenizer as its own script, loaded into the engine worker (importScripts) only when the
 * model path needs an estimate. Its 200k-entry rank table is 2.7 MB of JS: inside the worker bundle it more
 * than doubled every worker start, offline code included.
 */
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";

// A design's text may hold "<|endoftext|>": counted as text (the library's default throws on a special token).
const noSpecial = { disallowedSpecial: new Set<string>() };
(globalThis as unknown as { __figmentCountTokens?: (text: string) => number }).__figmentCountTokens = (text) =>
  countTokens(text, noSpecial);
