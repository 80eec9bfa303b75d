/**
 * The preview's Tailwind compiler (tailwind-compile.ts): Tailwind v4's own `compile` on the project's stylesheet with
 * the class candidates of its files — arbitrary values and properties, the emitters' @theme tokens and fonts, the
 * zip's src/tailwind.css for code-only files (the same stylesheet the project's build compiles), a model's own
 * src/index.css, Tailwind v3's directives, and what the preview cannot run (JavaScript config, plugins) named.
 */
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../index.js";
import { projectFiles } from "../scaffold/project-files.js";
import type { SourceFile } from "../types.js";
import { loginExtras, loginWithBindings } from "../../test/helpers/token-fixtures.js";
import { compileTailwind, tailwindCandidates, usesTailwind, type TailwindBuild } from "./tailwind-compile.js";

const app = (classes: string): SourceFile => ({
  path: "src/App.tsx",
  content: `export default function App() {\n  return <div className="${classes}">x</div>;\n}\n`,
});

/** The one stylesheet compiled, and the build's problems. */
async function compiled(files: SourceFile[]): Promise<{ css: string; build: TailwindBuild }> {
  const build = await compileTailwind(files);
  if (!build) throw new Error("the files were not taken for Tailwind");
  expect(build.stylesheets).toHaveLength(1);
  return { css: build.stylesheets[0]!.css, build };
}

/** The declarations of the rule for `.selector` (as Tailwind escapes it) in the compiled CSS. */
function rule(css: string, selector: string): string {
  const at = css.indexOf(`${selector} {`);
  if (at < 0) throw new Error(`no rule ${selector} in the compiled CSS`);
  return css
    .slice(at + selector.length + 2, css.indexOf("}", at))
    .replace(/\s+/g, " ")
    .trim();
}

describe("tailwindCandidates", () => {
  it("takes every token of scripts and pages, string literals whole (quotes, escapes, template literals)", () => {
    const candidates = tailwindCandidates([
      {
        path: "src/A.tsx",
        content:
          `const a = <p className={["w-[123px] content-['hi_there']", className].filter(Boolean).join(" ")} />;\n` +
          `const b = "[font-family:\\"Inter\\"] hover:bg-red-500";\n` +
          `const c = \`grid \${open ? "block" : "hidden"}\`;\n` +
          `// Don't drop "after-apostrophe" on this line\n`,
      },
      { path: "index.html", content: `<div class="mx-auto text-[13px]"></div>` },
      { path: "src/styles.css", content: ".not-scanned { color: red }" },
    ]);
    for (const c of [
      "w-[123px]",
      "content-['hi_there']",
      '[font-family:"Inter"]',
      "hover:bg-red-500",
      "grid",
      "block",
      "hidden",
      "after-apostrophe",
      "mx-auto",
      "text-[13px]",
    ])
      expect(candidates).toContain(c);
    expect(candidates).not.toContain(".not-scanned");
  });
});

describe("usesTailwind", () => {
  it(
    "by config, by a stylesheet importing Tailwind, or by " +
      "class names mostly Tailwind's that no stylesheet defines",
    () => {
      expect(usesTailwind([app("relative w-full max-w-5 min-h-5")])).toBe(true);
      expect(usesTailwind([app("x"), { path: "tailwind.config.js", content: "module.exports = {};" }])).toBe(true);
      expect(usesTailwind([app("x"), { path: "src/index.css", content: '@import "tailwindcss";' }])).toBe(true);
      expect(
        usesTailwind([app("x"), { path: "src/index.css", content: "@tailwind base;\n@tailwind utilities;" }]),
      ).toBe(true);
      // Not: plain class names, classes the project's CSS defines, a CSS module, or "tailwindcss" in a comment.
      expect(usesTailwind([app("card title")])).toBe(false);
      expect(
        usesTailwind([
          app("flex hidden"),
          { path: "src/app.css", content: ".flex { display: flex } .hidden { display: none }" },
        ]),
      ).toBe(false);
      expect(
        usesTailwind([
          {
            path: "src/App.tsx",
            content: "import s from './A.module.css';\nexport default () => <div className={s.card} />;",
          },
        ]),
      ).toBe(false);
      expect(
        usesTailwind([
          app("card"),
          {
            path: "src/tokens.css",
            content: '/* import after tailwindcss (@import "tailwindcss";) */\n:root { --x: 1px; }',
          },
        ]),
      ).toBe(false);
    },
  );
});

describe("compileTailwind", () => {
  it("is nothing for a project without Tailwind", async () => {
    expect(
      await compileTailwind([app("card title"), { path: "src/app.css", content: ".card { color: red }" }]),
    ).toBeUndefined();
  });

  it("compiles arbitrary values and properties, variants and the theme's scale, with preflight", async () => {
    const { css, build } = await compiled([
      app(
        "w-[123px] [background:url(data:image/png;base64,AAAA)_center_/_cover_no-repeat] " +
          "left-[calc(50%_-_108.5px)] hover:bg-red-500 text-sm h-8.5 max-[768px]:flex-wrap",
      ),
    ]);
    expect(build.problems).toEqual([]);
    expect(rule(css, ".w-\\[123px\\]")).toBe("width: 123px;");
    expect(
      rule(css, ".\\[background\\:url\\(data\\:image\\/png\\;base64\\,AAAA\\)_center_\\/_cover_no-repeat\\]"),
    ).toBe("background: url(data:image/png;base64,AAAA) center / cover no-repeat;");
    expect(rule(css, ".left-\\[calc\\(50\\%_-_108\\.5px\\)\\]")).toBe("left: calc(50% - 108.5px);");
    expect(rule(css, ".h-8\\.5")).toBe("height: calc(var(--spacing) * 8.5);");
    expect(css).toMatch(/--spacing: 0\.25rem;/);
    expect(css).toContain(".hover\\:bg-red-500:hover");
    expect(css).toContain("@media (width < 768px)");
    // Preflight, as the project's build has it.
    expect(css).toMatch(
      /@layer base \{\s+\*, ::after, ::before, ::backdrop, ::file-selector-button \{\s+box-sizing: border-box;/,
    );
  });

  it(
    "for the emitters' code-only files: the zip's src/tailwind.css, " +
      "its @theme tokens and fonts resolved; the zip compiles the same",
    async () => {
      const design = loadDesign(loginWithBindings(), [], loginExtras());
      const code = await generateCode(design.document, { target: "react", styling: "tailwind", nodeIds: false });
      const alone = await compiled(code.files);
      expect(alone.build.problems).toEqual([]);
      expect(alone.build.stylesheets[0]).toMatchObject({ path: "src/tailwind.css", added: true });
      // Token classes from src/tokens.css (`@theme static`, every token kept, its modes too); a theme font from
      // src/fonts.css.
      const screen = code.files
        .filter((f) => f.path.endsWith(".tsx"))
        .map((f) => f.content)
        .join("\n");
      expect(screen).toMatch(/\bbg-brand-primary\b[\s\S]*\btext-text-on-brand\b/);
      expect(rule(alone.css, ".bg-brand-primary")).toBe("background-color: var(--color-brand-primary);");
      expect(rule(alone.css, ".text-text-on-brand")).toBe("color: var(--color-text-on-brand);");
      expect(alone.css).toContain("--color-brand-primary: var(--color-palette-red-500);");
      expect(alone.css).toContain("--color-palette-red-500: #ff473a;");
      expect(alone.css).toMatch(
        new RegExp(
          String.raw`\[data-theme="dark"\] \{\s+--color-text-inverse: ` +
            String.raw`var\(--color-palette-gray-50\);\s+--color-brand-primary: var\(--color-palette-red-400\);`,
        ),
      );
      expect(screen).toMatch(/\bfont-montserrat\b/);
      expect(rule(alone.css, ".font-montserrat")).toBe("font-family: var(--font-montserrat);");
      expect(alone.css).toMatch(/--font-montserrat: Montserrat, "Montserrat Fallback"/);
      // The project: its src/tailwind.css is the same stylesheet, compiled to the same CSS.
      const project = await compiled(
        projectFiles(code.files, { target: "react", styling: "tailwind", name: "Log-In" }),
      );
      expect(project.build.stylesheets[0]).toMatchObject({ path: "src/tailwind.css", added: false });
      expect(project.css).toBe(alone.css);
    },
  );

  it(
    "compiles a model's own stylesheet (src/index.css), its " + "@theme and imports; URLs of an imported file rebased",
    async () => {
      const { css, build } = await compiled([
        {
          path: "src/main.tsx",
          content:
            'import "./index.css";\n' +
            'export default () => <div className="bg-brand font-display p-4 bg-[url(./img/dot.svg)]">x</div>;',
        },
        {
          path: "src/index.css",
          content: '@import "tailwindcss";\n@import "./theme/brand.css";\n\nbody { margin: 0; }\n',
        },
        {
          path: "src/theme/brand.css",
          content:
            "@theme {\n" +
            "  --color-brand: #123456;\n" +
            "  --font-display: Georgia, serif;\n" +
            "}\n" +
            ".hero { background: url(../img/hero.png); }\n",
        },
      ]);
      expect(build.problems).toEqual([]);
      expect(rule(css, ".bg-brand")).toBe("background-color: var(--color-brand);");
      expect(css).toContain("--color-brand: #123456;");
      expect(rule(css, ".font-display")).toBe("font-family: var(--font-display);");
      expect(css).toContain("body {\n  margin: 0;\n}");
      // Relative to the compiled stylesheet (src/index.css), as Tailwind's build writes it.
      expect(css).toContain('background: url("./img/hero.png")');
    },
  );

  it("reads Tailwind v3's directives as v4's import, and says so", async () => {
    const { css, build } = await compiled([
      app("flex w-[10px]"),
      { path: "src/index.css", content: "@tailwind base;\n@tailwind components;\n@tailwind utilities;\n" },
    ]);
    expect(rule(css, ".w-\\[10px\\]")).toBe("width: 10px;");
    expect(css).toContain("@layer base");
    expect(build.problems).toEqual([
      expect.objectContaining({
        severity: "info",
        code: "preview-tailwind",
        file: "src/index.css",
        message: expect.stringContaining("Tailwind v3"),
      }),
    ]);
  });

  it("names what it cannot run (a JavaScript config, a plugin) or find, and compiles the rest", async () => {
    const { css, build } = await compiled([
      app("w-[7px] prose"),
      {
        path: "src/index.css",
        content:
          '@import "tailwindcss";\n' +
          '@config "../tailwind.config.js";\n' +
          '@plugin "@tailwindcss/typography";\n' +
          '@import "./missing.css";\n',
      },
      { path: "tailwind.config.js", content: "export default { theme: { extend: {} } };" },
    ]);
    expect(rule(css, ".w-\\[7px\\]")).toBe("width: 7px;");
    const messages = build.problems.map((p) => `${p.severity} ${p.code}: ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^warning preview-missing-file: "\.\/missing\.css" is not a file of the project/),
      expect.stringMatching(
        new RegExp(
          String.raw`^warning preview-tailwind: The preview does not run tailwind\.config\.js ` +
            String.raw`\(JavaScript\): its theme and plugins are not applied`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          "^warning preview-tailwind: The preview does not run the " +
            String.raw`Tailwind plugin "@tailwindcss\/typography" \(JavaScript\)`,
        ),
      ),
    ]);
    // A config no stylesheet names (Tailwind v3's way) is not applied either, and said so.
    const unnamed = await compileTailwind([
      app("w-[7px]"),
      { path: "tailwind.config.ts", content: "export default {};" },
    ]);
    expect(unnamed?.problems).toEqual([
      expect.objectContaining({
        code: "preview-tailwind",
        file: "tailwind.config.ts",
        message: expect.stringContaining("Tailwind v4 reads it only through @config"),
      }),
    ]);
  });

  it("says why a stylesheet does not compile, and leaves its classes unstyled", async () => {
    const build = await compileTailwind([
      app("w-[7px]"),
      { path: "src/index.css", content: '@import "tailwindcss";\n.card { @apply not-a-utility; }\n' },
    ]);
    expect(build?.stylesheets).toEqual([]);
    expect(build?.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "preview-tailwind",
        file: "src/index.css",
        message: expect.stringMatching(
          /^The preview could not compile Tailwind \(.*not-a-utility.*\): its classes are not styled in the preview$/,
        ),
      }),
    ]);
  });
});
