import { describe, expect, it } from "vitest";
import type { SourceFile } from "../types.js";
import { scopeCssModule } from "./css.js";
import type { PreviewData } from "./data.js";
import { buildReactPreview, entryPlan, REACT_PREVIEW_CSP, reactPreview, scriptJson } from "./react-preview.js";
import { previewRuntime } from "./runtime-source.js";

const RUNTIME = "/* runtime */ window.__ran = '</script><script>alert(1)</script>';";

const APP = `import { useState } from "react";
import type { ReactNode } from "react";
import { Header } from "./components/Header";
import logo from "./assets/logo.svg";

export default function App(): ReactNode {
  const [count, setCount] = useState(0);
  return (
    <main>
      <Header title="Hi </script><script>alert(1)</script>" />
      <img src={logo} alt="" />
      <button onClick={() => setCount(count + 1)}>Count {count}</button>
    </main>
  );
}
`;

const HEADER = `import styles from "./Header.module.css";

export interface HeaderProps {
  title: string;
}

export function Header({ title }: HeaderProps) {
  return <h1 className={styles.title}>{title}</h1>;
}
`;

const project: SourceFile[] = [
  { path: "src/App.tsx", content: APP },
  { path: "src/components/Header.tsx", content: HEADER },
  {
    path: "src/components/Header.module.css",
    content: `.title { color: red; background: url(../assets/logo.svg); }\n.title:hover > .icon { color: blue; }\n`,
  },
  { path: "src/assets/logo.svg", content: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>` },
  { path: "src/global.d.ts", content: `declare module "*.module.css";\n` },
];

/** The JSON the document carries for the runtime. */
function dataOf(html: string): PreviewData {
  const json = /<script type="application\/json" id="figment-preview-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  expect(json).toBeDefined();
  return JSON.parse(json!) as PreviewData;
}

describe("buildReactPreview", () => {
  const { html, problems } = buildReactPreview(project, RUNTIME);
  const data = dataOf(html);

  it("is a whole document with the CSP first in <head>, #root, the data and the runtime", () => {
    expect(REACT_PREVIEW_CSP).toBe(
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline' " +
        "https://fonts.googleapis.com; img-src data:; font-src data: https://fonts.gstatic.com",
    );
    const csp = `<meta http-equiv="Content-Security-Policy" content="${REACT_PREVIEW_CSP}">`;
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain(csp);
    expect(html.indexOf(csp)).toBeLessThan(html.indexOf("<script"));
    expect(html).toContain('<div id="root"></div>');
    expect(html.indexOf('<div id="root">')).toBeLessThan(html.indexOf("<script"));
    expect(html).not.toMatch(/connect-src|unsafe-eval/);
  });

  it("transpiles TSX to CommonJS with the react-jsx runtime, types gone", () => {
    const app = data.modules["src/App.tsx"]!;
    expect(app.code).toMatch(/require\(["']react\/jsx-runtime["']\)/);
    expect(app.code).toMatch(/require\(["']\.\/components\/Header["']\)/);
    expect(app.code).toMatch(/exports\.default = App/);
    expect(app.code).not.toMatch(/: ReactNode|import /);
    expect(data.modules["src/components/Header.tsx"]!.code).not.toContain("interface");
    // Declaration files are not modules.
    expect(Object.keys(data.modules).sort()).toEqual(["src/App.tsx", "src/components/Header.tsx"]);
  });

  it("resolves every import: built-ins, files without extension, CSS modules, assets; type-only imports vanish", () => {
    expect(data.modules["src/App.tsx"]!.deps).toEqual({
      react: "react",
      "react/jsx-runtime": "react/jsx-runtime",
      "./components/Header": "src/components/Header.tsx",
      "./assets/logo.svg": "src/assets/logo.svg",
    });
    expect(data.modules["src/components/Header.tsx"]!.deps["./Header.module.css"]).toBe(
      "src/components/Header.module.css",
    );
    expect(data.assets["src/assets/logo.svg"]).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  });

  it("scopes the CSS module and rewrites its url() to a data: URL", () => {
    const module = data.cssModules["src/components/Header.module.css"]!;
    expect(Object.keys(module.classes).sort()).toEqual(["icon", "title"]);
    expect(module.classes["title"]).toMatch(/^Header_title_[a-z0-9]+$/);
    expect(module.css).toContain(`.${module.classes["title"]}:hover > .${module.classes["icon"]}`);
    expect(module.css).toContain('url("data:image/svg+xml;charset=utf-8,');
    expect(module.css).not.toMatch(/\.title\b/);
  });

  it("mounts src/App.tsx when there is no main file", () => {
    expect(data.entry).toEqual({ components: ["src/App.tsx", "src/components/Header.tsx"] });
  });

  it("cannot be closed early: no </script or <!-- inside the data, and the runtime's </script is escaped", () => {
    const scripts = html.match(/<\/script>/g) ?? [];
    expect(scripts).toHaveLength(2);
    const json = /id="figment-preview-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(json).not.toContain("<");
    expect(data.modules["src/App.tsx"]!.code).toContain("</script><script>alert(1)</script>");
    expect(html).toContain("window.__ran = '<\\/script><script>alert(1)<\\/script>';");
  });

  it("reports nothing for a clean project", () => {
    expect(problems).toEqual([]);
  });
});

describe("problems", () => {
  it("reports syntax errors with file and line, and hands the first to the runtime", () => {
    const { problems, html } = buildReactPreview(
      [{ path: "src/App.tsx", content: "export default function App() {\n  return <div>;\n}\n" }],
      RUNTIME,
    );
    const syntax = problems.filter((p) => p.code === "preview-syntax");
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax[0]).toMatchObject({ severity: "error", file: "src/App.tsx", line: 2 });
    expect(dataOf(html).modules["src/App.tsx"]!.syntaxError).toMatch(/\(line 2, column \d+\)$/);
    expect(dataOf(buildReactPreview(project, RUNTIME).html).modules["src/App.tsx"]!.syntaxError).toBeUndefined();
  });

  it(
    "keeps a broken file's written imports, so a src/main.tsx " +
      "that does not parse is still the entry that shows its error",
    () => {
      const { html } = buildReactPreview(
        [
          {
            path: "src/main.tsx",
            content:
              `import { createRoot } from "react-dom/client";\n` +
              `import type { FC } from "react";\n` +
              `import App from "./App";\n` +
              `createRoot(document.getElementById("root")!).render(<App>);\n`,
          },
          { path: "src/App.tsx", content: "export default function App() {\n  return <p>hi</p>;\n}\n" },
        ],
        RUNTIME,
      );
      const main = dataOf(html).modules["src/main.tsx"]!;
      expect(main.syntaxError).toBeDefined();
      expect(main.deps).toEqual({ "react-dom/client": "react-dom/client", "./App": "src/App.tsx" });
      expect(dataOf(html).entry.main).toBe("src/main.tsx");
    },
  );

  it(
    "warns that a TypeScript namespace with values does not run " +
      "in the preview (the transpiler drops it), not a declared one",
    () => {
      const values = buildReactPreview(
        [
          {
            path: "src/App.tsx",
            content: "export namespace Sizes {\n  export const gap = 8;\n}\nexport default () => <p>{Sizes.gap}</p>;\n",
          },
        ],
        RUNTIME,
      );
      expect(values.problems).toContainEqual(
        expect.objectContaining({ severity: "warning", code: "preview-namespace", file: "src/App.tsx" }),
      );
      const declared = buildReactPreview(
        [
          {
            path: "src/App.tsx",
            content: "declare namespace Env {\n  const mode: string;\n}\nexport default () => <p>ok</p>;\n",
          },
        ],
        RUNTIME,
      );
      expect(declared.problems.filter((p) => p.code === "preview-namespace")).toEqual([]);
    },
  );

  it("names unknown packages with their importers, and missing files", () => {
    const { problems, html } = buildReactPreview(
      [
        {
          path: "src/App.tsx",
          content:
            `import { motion } from "framer-motion";\n` +
            `import type { Icon } from "lucide-react";\n` +
            `import { Card } from "./Card";\n` +
            `import { Hero } from "@/components/Hero";\n` +
            `export default function App() { return <motion.div><Card /><Hero /></motion.div>; }\n`,
        },
        {
          path: "src/components/Hero.tsx",
          content:
            `import { Star } from "@phosphor-icons/react/dist/ssr";\n` +
            `export function Hero() { return <Star />; }\n`,
        },
      ],
      RUNTIME,
    );
    const unknown = problems.filter((p) => p.code === "preview-unknown-package");
    expect(unknown.map((p) => p.message)).toEqual([
      expect.stringContaining('"framer-motion" (imported by src/App.tsx)'),
      expect.stringContaining('"@phosphor-icons/react" (imported by src/components/Hero.tsx)'),
    ]);
    // A type-only import needs nothing at runtime.
    expect(problems.some((p) => p.message.includes("lucide-react"))).toBe(false);
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: "preview-missing-file",
        file: "src/App.tsx",
        message: expect.stringContaining('"./Card"'),
      }),
    );
    // `@/` is src/.
    expect(dataOf(html).modules["src/App.tsx"]!.deps["@/components/Hero"]).toBe("src/components/Hero.tsx");
  });

  it(
    "compiles Tailwind (found by utility classes, stylesheet or " +
      "config): in the page, or where its stylesheet is imported",
    async () => {
      const tailwindCode =
        `export default function App() {\n` +
        `  return <div className="flex items-center justify-between gap-4 px-6 ` +
        `py-3 bg-white text-sm font-medium rounded-lg w-[123px]">x</div>;\n` +
        `}\n`;
      // Utility classes alone (the emitters' code-only files): the zip's src/tailwind.css, compiled into the page.
      const alone = await reactPreview([{ path: "src/App.tsx", content: tailwindCode }], RUNTIME);
      expect(alone.problems).toEqual([]);
      const head = alone.html.slice(0, alone.html.indexOf("</head>"));
      expect(head).toMatch(/<style>\/\*! tailwindcss v4\.\d+\.\d+ [^<]*\.w-\\\[123px\\\] \{\s+width: 123px;/);
      // A stylesheet importing Tailwind, imported by the app: compiled where it is imported, nothing added to the page.
      const imported = await reactPreview(
        [
          {
            path: "src/App.tsx",
            content: 'import "./index.css";\nexport default () => <p className="text-[13px] underline">x</p>;',
          },
          { path: "src/index.css", content: '@import "tailwindcss";\n' },
        ],
        RUNTIME,
      );
      expect(imported.problems).toEqual([]);
      expect(imported.html.slice(0, imported.html.indexOf("</head>"))).not.toContain("<style>");
      expect(dataOf(imported.html).styles["src/index.css"]).toMatch(/\.text-\\\[13px\\\] \{\s+font-size: 13px;/);
      // A config is JavaScript the preview does not run: said, the rest compiled.
      const config = await reactPreview(
        [
          { path: "src/App.tsx", content: "export default () => null;" },
          { path: "tailwind.config.js", content: "module.exports = {};" },
        ],
        RUNTIME,
      );
      expect(config.problems).toEqual([
        expect.objectContaining({
          code: "preview-tailwind",
          file: "tailwind.config.js",
          message: expect.stringContaining("does not run tailwind.config.js"),
        }),
      ]);
      expect(config.html).toContain("tailwindcss v4");
      // Without the compiled stylesheets (buildReactPreview alone), Tailwind's classes are said to be unstyled.
      expect(
        buildReactPreview([{ path: "src/App.tsx", content: tailwindCode }], RUNTIME).problems.map((p) => p.code),
      ).toEqual(["preview-tailwind"]);
      // Plain class names: no Tailwind.
      const plain = await reactPreview(
        [{ path: "src/App.tsx", content: `export default () => <div className="card title">x</div>;` }],
        RUNTIME,
      );
      expect(plain.problems).toEqual([]);
      expect(plain.html).not.toContain("tailwindcss");
    },
  );

  it("has nothing to mount without scripts", () => {
    expect(buildReactPreview([{ path: "styles.css", content: "" }], RUNTIME).problems.map((p) => p.code)).toEqual([
      "preview-no-entry",
    ]);
  });

  it("loads the design's fonts from Google: a Fontsource import, a Google Fonts @import; no other package", () => {
    const { html, problems } = buildReactPreview(
      [
        {
          path: "src/main.tsx",
          content:
            `import "@fontsource/inter-tight/600.css";\n` +
            `import "@fontsource/poppins/400-italic.css";\n` +
            `import "@fontsource-variable/inter";\n` +
            `import "./index.css";\n`,
        },
        {
          path: "src/index.css",
          content: `@import url("https://fonts.googleapis.com/css2?family=Inter");\nbody { color: black; }\n`,
        },
      ],
      RUNTIME,
    );
    const data = dataOf(html);
    expect(data.modules["src/main.tsx"]!.deps).toMatchObject({
      "@fontsource/inter-tight/600.css": "@fontsource/inter-tight/600.css",
    });
    expect(data.styles["@fontsource/inter-tight/600.css"]).toBe(
      '@import url("https://fonts.googleapis.com/css2?family=Inter+Tight:wght@600&display=swap");',
    );
    expect(data.styles["@fontsource/poppins/400-italic.css"]).toBe(
      '@import url("https://fonts.googleapis.com/css2?family=Poppins:ital,wght@1,400&display=swap");',
    );
    expect(data.styles["@fontsource-variable/inter"]).toBe(
      '@import url("https://fonts.googleapis.com/css2?family=Inter:wght@100..900&display=swap");',
    );
    expect(data.styles["src/index.css"]).toBe(
      '@import url("https://fonts.googleapis.com/css2?family=Inter");\n\nbody { color: black; }\n',
    );
    expect(problems).toEqual([]);
    // An unknown family is an unknown package, as before.
    const unknown = buildReactPreview(
      [{ path: "src/main.tsx", content: `import "@fontsource/not-a-font/400.css";\n` }],
      RUNTIME,
    );
    expect(unknown.problems).toEqual([expect.objectContaining({ code: "preview-unknown-package" })]);
  });

  it("inlines local @imports, drops remote ones with a note", () => {
    const { html, problems } = buildReactPreview(
      [
        {
          path: "src/main.tsx",
          content:
            `import { createRoot } from "react-dom/client";\n` +
            `import "./index.css";\n` +
            `createRoot(document.getElementById("root")!).render(<p />);\n`,
        },
        {
          path: "src/index.css",
          content: `@import url("https://cdn.example.com/reset.css");\n@import "./base.css";\nbody { color: black; }\n`,
        },
        { path: "src/base.css", content: `html { margin: 0; }\n` },
      ],
      RUNTIME,
    );
    const data = dataOf(html);
    expect(data.styles["src/index.css"]).toBe(`\nhtml { margin: 0; }\n\nbody { color: black; }\n`);
    expect(data.entry.main).toBe("src/main.tsx");
    expect(problems).toEqual([expect.objectContaining({ code: "preview-css-import", file: "src/index.css" })]);
  });
});

describe("entryPlan", () => {
  const mod = (deps: Record<string, string> = {}) => ({ code: "", deps });
  it("runs a main file that mounts, then ranks App, index, screens, the rest", () => {
    const plan = entryPlan({
      "src/components/Button.tsx": mod(),
      "src/screens/Home.tsx": mod(),
      "src/index.ts": mod(),
      "src/App.tsx": mod(),
      "src/main.tsx": mod({ "react-dom/client": "react-dom/client" }),
      "src/Button.stories.tsx": mod(),
    });
    expect(plan).toEqual({
      main: "src/main.tsx",
      components: ["src/App.tsx", "src/index.ts", "src/screens/Home.tsx", "src/components/Button.tsx"],
    });
  });
  it("treats a main file that mounts nothing as a plain module", () => {
    expect(entryPlan({ "src/main.tsx": mod({ react: "react" }) })).toEqual({ components: ["src/main.tsx"] });
  });
});

describe("scopeCssModule", () => {
  it("renames classes in selectors only: not in values, strings, comments, at-rule preludes or keyframes", () => {
    const css = [
      `/* .comment */`,
      `.a, .b:not(.c) > span[data-x=".d"] { background: url(data:image/png;base64,AA.e==); content: ".f"; }`,
      `@media (min-width: 1.5em) { .a { width: 2.5px; } }`,
      `@keyframes spin { from { opacity: 0.5; } 12.5% { opacity: 1; } }`,
      `:global(.keep) .a { color: red; }`,
      `.a { &.b { color: red; } .c & { color: blue } }`,
      `.sm\\:flex { display: flex }`,
    ].join("\n");
    const { css: out, classes } = scopeCssModule(css, "src/Card.module.css");
    expect(Object.keys(classes).sort()).toEqual(["a", "b", "c", "sm:flex"]);
    const s = (name: string) => classes[name]!;
    expect(out).toContain(`/* .comment */`);
    expect(out).toContain(
      `.${s("a")}, .${s("b")}:not(.${s("c")}) > span[data-x=".d"] { ` +
        `background: url(data:image/png;base64,AA.e==); content: ".f"; }`,
    );
    expect(out).toContain(`@media (min-width: 1.5em) { .${s("a")} { width: 2.5px; } }`);
    expect(out).toContain(`@keyframes spin { from { opacity: 0.5; } 12.5% { opacity: 1; } }`);
    expect(out).toContain(`.keep .${s("a")} { color: red; }`);
    expect(out).toContain(`.${s("a")} { &.${s("b")} { color: red; } .${s("c")} & { color: blue } }`);
    expect(s("sm:flex")).toMatch(/^Card_sm_flex_/);
  });

  it("gives the same class different names in different files", () => {
    expect(scopeCssModule(".title{}", "src/a/Card.module.css").classes["title"]).not.toBe(
      scopeCssModule(".title{}", "src/b/Card.module.css").classes["title"],
    );
  });
});

describe("scriptJson and the runtime constant", () => {
  it("leaves no '<' in JSON meant for a script element", () => {
    const text = scriptJson({ a: "</script><!-- <script>", b: "\u2028" });
    expect(text).not.toContain("<");
    expect(JSON.parse(text)).toEqual({ a: "</script><!-- <script>", b: "\u2028" });
  });

  it("is undefined outside the worker bundle", () => {
    expect(previewRuntime()).toBeUndefined();
  });
});
