/** Identifiers for classes, components, props and files, derived from layer names. */
import { asciiLetters, hasUnwritableLetters } from "../design/ascii-letters.js";
import type { Problem } from "../types.js";

/** Words by text: a file's layer names repeat (every instance of a component, every "Text" layer). */
const wordsOf = new Map<string, readonly string[]>();
const WORDS_KEPT = 10_000;

/** A name's words in ASCII: Cyrillic and Greek transliterated, accents off (design/ascii-letters.ts). */
function words(text: string): readonly string[] {
  const known = wordsOf.get(text);
  if (known) return known;
  const found = asciiLetters(text)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  // Bounded, for a worker that converts file after file.
  if (wordsOf.size >= WORDS_KEPT) wordsOf.clear();
  wordsOf.set(text, found);
  return found;
}

/** Each text's words capitalised and joined, by text: class names ask for the same layer names again and again. */
const pascalOf = new Map<string, string>();

function pascalWords(text: string): string {
  const known = pascalOf.get(text);
  if (known !== undefined) return known;
  const out = words(text)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join("")
    .slice(0, 48);
  if (pascalOf.size >= WORDS_KEPT) pascalOf.clear();
  pascalOf.set(text, out);
  return out;
}

export function pascalCase(text: string, fallback = "Component"): string {
  const out = pascalWords(text);
  if (!out) return fallback;
  return /^[0-9]/.test(out) ? `${fallback}${out}` : out;
}

export function camelCase(text: string, fallback = "item"): string {
  const p = pascalCase(text, "");
  if (!p) return fallback;
  const c = p[0]!.toLowerCase() + p.slice(1);
  return /^[0-9]/.test(c) ? `${fallback}${p}` : c;
}

export function kebabCase(text: string, fallback = "item"): string {
  const out = words(text).join("-").toLowerCase().slice(0, 48).replace(/-+$/, "");
  if (!out) return fallback;
  return /^[0-9]/.test(out) ? `${fallback}-${out}` : out;
}

const RESERVED = new Set([
  "default",
  "class",
  "function",
  "var",
  "let",
  "const",
  "new",
  "delete",
  "import",
  "export",
  "return",
  "this",
  "switch",
  "case",
  "in",
  "of",
  "do",
  "if",
  "for",
  "while",
  "with",
  "void",
  "typeof",
  "instanceof",
  "null",
  "true",
  "false",
  "children",
  "key",
  "ref",
  "className",
  "style",
  // Other reserved words of strict-mode modules: a component prop named `try` or `interface` is a syntax error.
  "break",
  "catch",
  "continue",
  "debugger",
  "else",
  "finally",
  "throw",
  "try",
  "enum",
  "await",
  "yield",
  "super",
  "extends",
  "implements",
  "interface",
  "package",
  "private",
  "protected",
  "public",
  "static",
  "arguments",
  "eval",
  // Object.prototype members: `styles.toString` is typed as the method, not as a class name.
  "constructor",
  "toString",
  "toLocaleString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
]);

/** Hands out unique names within one scope (a file, a stylesheet, a component's props). */
export class NameScope {
  private readonly used = new Set<string>();
  /**
   * Per base, the number its last taken name ended in: names are only ever added, so no smaller number is free
   * again (without it, the 200th "text" tried 199 names).
   */
  private readonly lastNumber = new Map<string, number>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.used.add(name.toLowerCase());
  }

  take(base: string): string {
    let name = RESERVED.has(base) ? `${base}Value` : base;
    if (this.used.has(name.toLowerCase())) {
      const separator = /[0-9]$/.test(base) ? "_" : "";
      let i = this.lastNumber.get(base) ?? 2;
      for (name = `${base}${separator}${i}`; this.used.has(name.toLowerCase()); i++)
        name = `${base}${separator}${i + 1}`;
      this.lastNumber.set(base, i);
    }
    this.used.add(name.toLowerCase());
    return name;
  }
}

/** The words a class name is made from: a layer's name, or the first few words of a text named after its content. */
export function layerLabel(node: { name: string; text?: { chars: string } }): string {
  if (node.text && node.name === node.text.chars) return words(node.name).slice(0, 3).join(" ");
  return node.name;
}

/**
 * A note for each frame whose name has letters no file name here can spell (Han, kana, Arabic, …), so its file
 * (`given[i]`, the numbered fallback) is never a silent surprise.
 */
export function unspelledNameNotes(
  frames: readonly { id: string; name: string }[],
  given: readonly string[],
): Problem[] {
  return frames.flatMap((frame, i) =>
    hasUnwritableLetters(frame.name)
      ? [
          {
            severity: "info" as const,
            code: "name-not-spelled",
            message:
              `the frame "${frame.name}" is written as ${given[i]}: letters of its name have no Latin spelling here ` +
              "(Latin, Cyrillic and Greek do); rename the frame to choose the file's name",
            nodeId: frame.id,
          },
        ]
      : [],
  );
}
