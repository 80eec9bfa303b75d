import { describe, expect, it } from "vitest";
import { highlight, highlightLines, languageOf, tokenize, type Language, type Token } from "./highlight.js";

const joined = (tokens: Token[]) => tokens.map((t) => t.text).join("");
const classOf = (tokens: Token[], text: string) => tokens.find((t) => t.text === text)?.cls;
/** Undoes escapeHtml and strips the spans: what the browser would show. */
const visibleText = (html: string) =>
  html
    .replace(/<span class="tok-[a-z]+">/g, "")
    .replace(/<\/span>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

const TSX = `import styles from "./Card.module.css";
// a comment with <b>html</b>
export function Card({ title = "Hi" }: CardProps) {
  const n = 1.5e3 + 0x1f;
  return (
    <div className={styles.root} data-x='y' onClick={() => go(\`\${title}!\`)}>
      <p>Don’t "quote" me & {title}</p>
      <img src={src} alt="A <b>" />
    </div>
  );
}
`;

describe("languageOf", () => {
  it("maps extensions", () => {
    expect(languageOf("src/a/B.tsx")).toBe("tsx");
    expect(languageOf("x.module.css")).toBe("css");
    expect(languageOf("index.html")).toBe("html");
    expect(languageOf("package.json")).toBe("json");
    expect(languageOf("assets/a.svg")).toBe("html");
    expect(languageOf("README")).toBe("plain");
    expect(languageOf("vite.config.ts")).toBe("ts");
  });
});

describe("escaping", () => {
  const samples: [Language, string][] = [
    ["tsx", TSX],
    ["ts", "const a: Array<string> = [] as string[]; // </script><script>alert(1)</script>"],
    ["css", `.a > .b::after { content: "</style><img src=x onerror=alert(1)>"; color: #fff; }`],
    ["html", `<!doctype html><p class="a">x &amp; <b>y</b> <script>if (a < b) alert("</p>")</script></p>`],
    ["json", `{"a": "<img src=x>", "b": [1, true, null]}`],
    ["plain", "<script>alert(1)</script> & more"],
  ];

  for (const [language, code] of samples) {
    it(`leaves no raw markup from ${language} source`, () => {
      const html = highlight(code, language);
      // Only our own spans may appear as tags (quotes are harmless in text content, where this HTML goes).
      expect(html.replace(/<span class="tok-[a-z]+">|<\/span>/g, "")).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
      expect(visibleText(html)).toBe(code);
    });
  }
});

describe("tokenize is lossless", () => {
  const inputs = [
    TSX,
    "",
    "`unterminated ${ a",
    "/* open",
    "<div>{",
    "a = /re[/]x/g.test(b) / 2;",
    "<>\n<Frag />\n</>",
    'x = "a\\"b',
    "}}}{{{",
  ];
  for (const input of inputs) {
    for (const language of ["tsx", "ts", "css", "html", "json"] as const) {
      it(`${language}: ${JSON.stringify(input.slice(0, 20))}`, () => {
        expect(joined(tokenize(input, language))).toBe(input);
      });
    }
  }

  it("handles random text without hanging", () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = `<>/{}"'\`$\\*=:;#.-_ab1 \n@!&()[]`;
    for (let round = 0; round < 300; round++) {
      let text = "";
      for (let i = 0; i < 60; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      for (const language of ["tsx", "ts", "css", "html", "json"] as const)
        expect(joined(tokenize(text, language))).toBe(text);
    }
  });
});

describe("token classes", () => {
  it("TSX: keywords, strings, comments, numbers, tags, attributes", () => {
    const tokens = tokenize(TSX, "tsx");
    expect(classOf(tokens, "import")).toBe("keyword");
    expect(classOf(tokens, "export")).toBe("keyword");
    expect(classOf(tokens, '"./Card.module.css"')).toBe("string");
    expect(classOf(tokens, "// a comment with <b>html</b>")).toBe("comment");
    expect(classOf(tokens, "1.5e3")).toBe("number");
    expect(classOf(tokens, "div")).toBe("tag");
    expect(classOf(tokens, "className")).toBe("attr");
    expect(classOf(tokens, "data-x")).toBe("attr");
    expect(classOf(tokens, "'y'")).toBe("string");
    expect(classOf(tokens, "img")).toBe("tag");
    expect(classOf(tokens, '"A <b>"')).toBe("string");
    // JSX text is not a string, so its apostrophe does not swallow the rest of the file.
    expect(tokens.some((t) => t.text.includes("Don’t") && t.cls === undefined)).toBe(true);
    expect(classOf(tokens, "&")).toBeUndefined();
    expect(classOf(tokens, "return")).toBe("keyword");
  });

  it("TSX: generics are not elements", () => {
    const tokens = tokenize("const x = useState<string>(a);\nconst f = <T,>(v: T) => v;\n", "tsx");
    expect(tokens.some((t) => t.cls === "tag")).toBe(false);
  });

  it("TS: no JSX, type keywords", () => {
    const tokens = tokenize("export interface P { a?: string }\ntype T = keyof P;", "ts");
    expect(classOf(tokens, "interface")).toBe("keyword");
    expect(classOf(tokens, "keyof")).toBe("keyword");
  });

  it("CSS: selectors, properties, values, at-rules, comments", () => {
    const tokens = tokenize(
      "/* c */\n" +
        ".root > a:hover {\n" +
        "  color: #ff473a;\n" +
        "  margin: -0.4px 0;\n" +
        '  font-family: "Inter";\n' +
        "}\n" +
        "@media (max-width: 600px) { .a { top: 0; } }",
      "css",
    );
    expect(classOf(tokens, "/* c */")).toBe("comment");
    expect(classOf(tokens, ".root > a:hover ")).toBe("selector");
    expect(classOf(tokens, "color")).toBe("property");
    expect(classOf(tokens, "#ff473a")).toBe("number");
    expect(classOf(tokens, "-0.4px")).toBe("number");
    expect(classOf(tokens, '"Inter"')).toBe("string");
    expect(classOf(tokens, "@media")).toBe("keyword");
    expect(classOf(tokens, "600px")).toBe("number");
  });

  it("HTML: tags, attributes, strings, comments, entities, inline CSS", () => {
    const tokens = tokenize('<!-- note -->\n<main class="a">x &amp; y<style>.a { color: red; }</style></main>', "html");
    expect(classOf(tokens, "<!-- note -->")).toBe("comment");
    expect(classOf(tokens, "main")).toBe("tag");
    expect(classOf(tokens, "class")).toBe("attr");
    expect(classOf(tokens, '"a"')).toBe("string");
    expect(classOf(tokens, "&amp;")).toBe("entity");
    expect(classOf(tokens, "color")).toBe("property");
  });

  it("JSON: keys, strings, numbers, literals", () => {
    const tokens = tokenize('{ "name": "x", "n": -1.5, "ok": true, "v": null }', "json");
    expect(classOf(tokens, '"name"')).toBe("key");
    expect(classOf(tokens, '"x"')).toBe("string");
    expect(classOf(tokens, "-1.5")).toBe("number");
    expect(classOf(tokens, "true")).toBe("literal");
    expect(classOf(tokens, "null")).toBe("literal");
  });
});

describe("highlightLines", () => {
  it("returns one entry per line and splits multi-line tokens", () => {
    const code = "/* a\nb */\nconst x = 1;\n";
    const lines = highlightLines(code, "ts");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('<span class="tok-comment">/* a</span>');
    expect(lines[1]).toBe('<span class="tok-comment">b */</span>');
    expect(lines[3]).toBe("");
  });
});
