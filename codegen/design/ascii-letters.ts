/**
 * Layer names in Latin letters, for what must be ASCII (file names, components, class names, asset files): a name
 * in Cyrillic or Greek is transliterated ("Телеграм" → "Telegram", not "frame6"), accents come off ("Café" →
 * "Cafe"), and a Latin word typed with a Cyrillic or Greek look-alike ("Сalorie goal" with a Cyrillic С, "Adviсe")
 * reads as the Latin word it shows, not "alorie". Scripts with no table here (Han, kana, Arabic, …) are left as
 * they are: the name's user decides what to do without them (a numbered fallback, said).
 */

/** Russian after BGN/PCGN, as URL slugs write it (й y, ё e, х kh, щ shch; signs dropped), and its neighbours. */
const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  // Ukrainian, Belarusian, Serbian, Macedonian.
  є: "ye",
  і: "i",
  ї: "yi",
  ґ: "g",
  ў: "u",
  ђ: "dj",
  ј: "j",
  љ: "lj",
  њ: "nj",
  ћ: "c",
  џ: "dz",
  ѓ: "gj",
  ќ: "kj",
  ѕ: "dz",
};

/** Greek after ELOT 743 (ου as ou); accented vowels go through their base letter. */
const GREEK: Record<string, string> = {
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};

/** Latin letters that no decomposition takes apart. */
const LATIN: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

const TABLE: Record<string, string> = { ...CYRILLIC, ...GREEK, ...LATIN };

/** Cyrillic and Greek letters drawn like Latin ones: inside a Latin word they are typing slips, read as shown. */
const LOOKALIKE: Record<string, string> = {
  А: "A",
  В: "B",
  С: "C",
  Е: "E",
  Н: "H",
  І: "I",
  Ј: "J",
  К: "K",
  М: "M",
  О: "O",
  Р: "P",
  Ѕ: "S",
  Т: "T",
  Х: "X",
  У: "Y",
  а: "a",
  с: "c",
  е: "e",
  і: "i",
  ј: "j",
  о: "o",
  р: "p",
  ѕ: "s",
  х: "x",
  у: "y",
  Α: "A",
  Β: "B",
  Ε: "E",
  Ζ: "Z",
  Η: "H",
  Ι: "I",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Υ: "Y",
  Χ: "X",
  ο: "o",
  ι: "i",
};

const LATIN_LETTER = /\p{Script=Latin}/u;
const isUpper = (ch: string | undefined): boolean => ch !== undefined && ch !== ch.toLowerCase();

/** One letter in ASCII (or itself when there is no way): the table, else its base letter without marks. */
function letter(ch: string): string | undefined {
  const lower = ch.toLowerCase();
  const base = lower.normalize("NFD").replace(/\p{M}+/gu, "");
  const known = TABLE[lower] ?? TABLE[base];
  if (known !== undefined) return known;
  return /^[\x20-\x7e]+$/.test(base) ? base : undefined;
}

/** Only ASCII characters (the common case, which needs no work). */
const ASCII = /^[\x00-\x7f]*$/;
/** A letter or mark outside ASCII. */
const NON_ASCII_LETTER = /(?![\x00-\x7f])[\p{L}\p{M}]/u;

function asciiWord(word: string): string {
  if (ASCII.test(word)) return word;
  const latin = LATIN_LETTER.test(word);
  const chars = [...word.replace(/ου/g, "ou").replace(/ΟΥ/g, "OU").replace(/Ου/g, "Ou")];
  return chars
    .map((ch, i) => {
      if (ch < "\u0080") return ch;
      if (latin && LOOKALIKE[ch] !== undefined) return LOOKALIKE[ch];
      const ascii = letter(ch);
      if (ascii === undefined) return ch;
      if (!isUpper(ch) || ascii === "") return ascii;
      // A capital alone starts a word (Ж → Zh); in a run of capitals the whole word is capitals (ЖУК → ZHUK).
      return isUpper(chars[i - 1]) || isUpper(chars[i + 1])
        ? ascii.toUpperCase()
        : ascii[0]!.toUpperCase() + ascii.slice(1);
    })
    .join("");
}

/** `text` with the Cyrillic and Greek look-alikes inside Latin words as the Latin letters they show ("Сalorie"). */
export function lookalikesAsLatin(text: string): string {
  return text.replace(/[\p{L}\p{M}]+/gu, (word) =>
    LATIN_LETTER.test(word) ? [...word].map((ch) => LOOKALIKE[ch] ?? ch).join("") : word,
  );
}

/**
 * `text` with its Latin, Cyrillic and Greek letters in ASCII, word by word; other characters as they were (the
 * caller keeps what it can use). "Сalorie goal" → "Calorie goal", "Промежуточный экран" → "Promezhutochnyy ekran",
 * "Καλημέρα" → "Kalimera", "Crème brûlée" → "Creme brulee", "ホーム" → "ホーム".
 */
export function asciiLetters(text: string): string {
  // Most names are ASCII already: NFC and every word's letters leave them as they are.
  if (ASCII.test(text)) return text;
  return text.normalize("NFC").replace(/[\p{L}\p{M}]+/gu, asciiWord);
}

/** Whether `text` has letters that asciiLetters cannot write in ASCII (a name in Han, kana, Arabic, Hebrew, …). */
export function hasUnwritableLetters(text: string): boolean {
  if (ASCII.test(text)) return false;
  // Punctuation alone (quotes, dashes in a long text layer's name) leaves nothing to transliterate.
  if (!NON_ASCII_LETTER.test(text.normalize("NFC"))) return false;
  return /[^\x00-\x7f]/.test(asciiLetters(text).replace(/[^\p{L}]/gu, ""));
}
