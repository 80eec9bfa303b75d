/**
 * The words Search indexes and looks for, in any script: orama's own tokenizer keeps only [A-Za-z0-9] and a few
 * accented letters for "english", so a Cyrillic, Greek or Japanese frame name was no word at all and never found.
 * Documents and queries go through the same function (the CLI's index and the Search panel's worker share
 * frame-index.ts), so they always meet.
 */
import type { Tokenizer } from "@orama/orama";
import { lookalikesAsLatin } from "../design/ascii-letters.js";

/** Han, kana and the prolonged-sound mark: written without spaces, so cut into characters and pairs. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]+/gu;
const IS_UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/u;

const NOT_ASCII = /[^\u0000-\u007f]/;
const LATIN = /[A-Za-z]/;
const GREEK_OR_CYRILLIC = /[\u0370-\u03ff\u0400-\u04ff]/;

/** Letters and digits of any script; everything else separates words. */
const WORD = /[\p{L}\p{N}]+/gu;

/** Accents on letters of alphabets (é, ё, ά, й): searched without them. Kana's voicing marks stay (か ≠ が). */
const ACCENTED = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;

/**
 * Lower case in every locale alike (String#toLowerCase ignores the locale), accents off, final sigma as sigma, and
 * a Cyrillic look-alike typed inside a Latin word as the Latin letter ("Сalorie" is found as "calorie").
 */
export function foldText(text: string): string {
  // Most texts are ASCII, and few mix Latin with Cyrillic or Greek: each pass only where it can change something.
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  const mixed = LATIN.test(text) && GREEK_OR_CYRILLIC.test(text);
  return (mixed ? lookalikesAsLatin(text.normalize("NFC")) : text)
    .normalize("NFD")
    .replace(ACCENTED, "$1")
    .normalize("NFC")
    .toLowerCase()
    .replace(/ς/g, "σ");
}

/**
 * The search tokens of `text`, each once, in order of first appearance: words of letters and digits, folded;
 * a run of Han or kana as its characters and its neighbouring pairs ("東京都" → 東 京 都 東京 京都), so a
 * query of one character or of a word inside a longer run finds it, and pairs rank an exact phrase first.
 */
export function searchTokens(text: string): string[] {
  const tokens = new Set<string>();
  const lower = foldText(text);
  const folded = NOT_ASCII.test(lower) ? lower.replace(UNSPACED, " $& ") : lower;
  for (const [run] of folded.matchAll(WORD)) {
    if (!IS_UNSPACED.test(run)) {
      tokens.add(run);
      continue;
    }
    const chars = [...run];
    for (const char of chars) tokens.add(char);
    for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i]! + chars[i + 1]!);
  }
  return [...tokens];
}

/** searchTokens as orama's tokenizer component (language is orama's default; nothing here depends on it). */
export function searchTokenizer(): Tokenizer {
  return {
    language: "english",
    normalizationCache: new Map(),
    tokenize: (raw) => (typeof raw === "string" ? searchTokens(raw) : []),
  };
}
