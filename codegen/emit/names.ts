/** Identifiers for classes, components, props and files, derived from layer names. */

/** Words by text: a file's layer names repeat (every instance of a component, every "Text" layer). */
const wordsOf = new Map<string, readonly string[]>();
const WORDS_KEPT = 10_000;

function words(text: string): readonly string[] {
  const known = wordsOf.get(text);
  if (known) return known;
  const found = text
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

export function pascalCase(text: string, fallback = "Component"): string {
  const out = words(text)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join("")
    .slice(0, 48);
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
