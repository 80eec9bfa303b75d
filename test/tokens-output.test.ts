/**
 * Design tokens in the emitted files, on the real login frame with a realistic variables file laid over it
 * and on the selfie screen's real spacing bindings: every bound property uses var(--…) in CSS modules, the
 * plain stylesheet and Tailwind, and each token is defined exactly once.
 */
import { describe, expect, it } from "vitest";
import { emitFiles, loadDesign, type SourceFile } from "../codegen/index.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loginExtras, loginWithBindings, selfieVariables } from "./helpers/token-fixtures.js";

const login = loadDesign(loginWithBindings(), [], loginExtras());
const file = (files: SourceFile[], path: string): string => files.find((f) => f.path === path)?.content ?? "";
/** The declarations of class `cls` in `css`. */
const rule = (css: string, cls: string): string => new RegExp(`\\.${cls} \\{([^}]*)\\}`).exec(css)?.[1] ?? "";
/** The first top-level block opened by `head` (`:root`, `@theme static`). */
const block = (css: string, head: string): string => css.slice(css.indexOf(`${head} {`)).split("\n}\n")[0]!;

const BOUND_CSS: [cls: string, decl: string][] = [
  ["rect", "background-color: var(--color-brand-primary)"],
  ["rect", "box-shadow: 0 4px 4px 0 var(--color-shadow)"],
  ["rect2", "background-color: var(--color-surface)"],
  ["logIn", "color: var(--color-text-on-brand)"],
  ["password", "color: var(--color-text-primary)"],
  ["line", "border-top: 1px solid var(--color-border)"],
  ["donTHave", "color: var(--color-text-inverse)"],
  ["forgotYourPassword", "color: var(--color-text-inverse)"],
  ["yourArtMuseum", "color: var(--color-text-inverse)"],
  ["yourArtMuseum", "font-size: var(--font-size-display)"],
  ["yourArtMuseum", "font-family: var(--font-family-display)"],
  ["text1513rdSt", "color: var(--color-text-inverse)"],
];

function definedOnce(css: string, head: string): string[] {
  const names = [...block(css, head).matchAll(/^\s+--([\w-]+):/gm)].map((m) => m[1]!);
  expect(new Set(names).size).toBe(names.length);
  return names;
}

describe("tokens in the output", () => {
  it("CSS modules: every bound property uses its token; tokens.css defines each once, imported where used", () => {
    const files = emitFiles(login.document, { target: "react", styling: "css-modules", nodeIds: false }).files;
    const css = file(files, "src/screens/LogInPage.module.css");
    for (const [cls, decl] of BOUND_CSS) expect(rule(css, cls), `${cls} { ${decl} }`).toContain(decl);
    const tokens = file(files, "src/tokens.css");
    const names = definedOnce(tokens, ":root");
    for (const [, decl] of BOUND_CSS)
      for (const m of decl.matchAll(/var\(--([\w-]+)\)/g)) expect(names).toContain(m[1]);
    expect(file(files, "src/screens/LogInPage.tsx")).toContain('import "../tokens.css";');
    // The binding to a library variable that is not in the file keeps its literal, with a note.
    expect(rule(css, "emailAddress")).toContain("color: #000000");
    expect(login.problems).toContainEqual(
      expect.objectContaining({ severity: "info", code: "design-token", nodeId: "101:14" }),
    );
  });

  it("plain HTML: the one stylesheet defines the tokens once and the rules use them", () => {
    const files = emitFiles(login.document, { target: "html", styling: "css-modules", nodeIds: false }).files;
    const css = file(files, "styles.css");
    const HTML_CLASS: Record<string, string> = {
      donTHave: "don-t-have",
      text1513rdSt: "text-151-3rd-st",
      yourArtMuseum: "your-art-museum",
      forgotYourPassword: "forgot-your-password",
      logIn: "log-in",
    };
    for (const [cls, decl] of BOUND_CSS) {
      const name = HTML_CLASS[cls] ?? cls;
      expect(rule(css, name), `${name} { ${decl} }`).toContain(decl);
    }
    definedOnce(css, ":root");
    expect(css.match(/^:root \{/gm)).toHaveLength(1);
    expect(css).toContain('[data-theme="dark"] {');
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\) \{\n {2}:root:not\(\[data-theme\]\) \{/);
  });

  it("Tailwind: tokens are the theme and classes use their names, not bracketed hex values", () => {
    const files = emitFiles(login.document, { target: "react", styling: "tailwind", nodeIds: false }).files;
    const theme = file(files, "src/tokens.css");
    const names = definedOnce(theme, "@theme static");
    expect(names).toEqual(
      expect.arrayContaining([
        "color-brand-primary",
        "color-surface",
        "color-text-primary",
        "text-display",
        "font-display",
      ]),
    );
    const tsx = file(files, "src/screens/LogInPage.tsx");
    for (const cls of [
      "bg-brand-primary",
      "bg-surface",
      "text-text-on-brand",
      "text-text-primary",
      "text-text-inverse",
      "text-display",
      "font-display",
    ])
      expect(tsx).toContain(cls);
    expect(tsx).not.toMatch(/bg-\[#ff473a\]|text-\[color:#fcfcfc\]|bg-\[#ffffff\]/);
    expect(tsx).toContain("var(--color-border)");
  });

  it("the selfie screen's real spacing bindings become length tokens", () => {
    const json = JSON.parse(
      readFileSync(join(import.meta.dirname, "fixtures/figma/figma-differ-selfie.nodes.json"), "utf8"),
    );
    const selfie = loadDesign(json, [], { variables: selfieVariables() });
    const css = file(
      emitFiles(selfie.document, { target: "html", styling: "css-modules", nodeIds: false }).files,
      "styles.css",
    );
    expect(block(css, ":root")).toMatch(/--spacing-3: 12px;[\s\S]*--spacing-6: 24px;[\s\S]*--spacing-8: 32px;/);
    expect(css).toContain("gap: var(--spacing-6);");
    expect(css).toContain("padding: var(--spacing-3) var(--spacing-8);");
    // Its named styles that repeat (fills, text) become tokens too, defined once.
    const names = definedOnce(css, ":root");
    expect(names).toContain("dark-neutrals-foreground");
    expect(css.match(/var\(--dark-neutrals-foreground\)/g)!.length).toBeGreaterThanOrEqual(2);
  });
});
