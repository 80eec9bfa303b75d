import { describe, expect, it } from "vitest";
import type { DesignNode } from "../design/types.js";
import { fontPlan } from "./plan.js";
import { withDesignFonts } from "./project-fonts.js";

const text = (id: string, family: string, weight: number): DesignNode =>
  ({
    id,
    name: id,
    kind: "text",
    x: 0,
    y: 0,
    w: 100,
    h: 20,
    text: { chars: "Hi", style: { family, size: 16, weight } },
  }) as DesignNode;
const plan = fontPlan([
  {
    id: "0:1",
    name: "Page",
    kind: "frame",
    x: 0,
    y: 0,
    w: 400,
    h: 300,
    children: [text("1:1", "Poppins", 600), text("1:2", "Inter Tight", 400)],
  } as DesignNode,
]);

const page = (head: string) => ({
  path: "index.html",
  content:
    `<!doctype html>\n` +
    `<html>\n` +
    `<head>\n` +
    `${head}<link rel="stylesheet" href="styles.css">\n` +
    `</head>\n` +
    `<body></body>\n` +
    `</html>\n`,
});

describe("the design's fonts in the model's files", () => {
  it("HTML: adds the missing families' link before the first stylesheet, and a note", () => {
    const { files, problems } = withDesignFonts(
      [page(""), { path: "styles.css", content: "body{}" }],
      plan,
      "html",
      "css-modules",
    );
    const html = files[0]!.content;
    expect(html).toContain(
      '<link rel="stylesheet" ' +
        'href="https://fonts.googleapis.com/css2?family=Inter+Tight:' +
        'wght@400&amp;family=Poppins:wght@600&amp;display=swap" />\n' +
        '<link rel="stylesheet" href="styles.css">',
    );
    expect(html.indexOf("preconnect")).toBeLessThan(html.indexOf("styles.css"));
    expect(problems).toEqual([
      expect.objectContaining({
        code: "font-links-added",
        message: "fonts: added the Google Fonts link for Inter Tight, Poppins to 1 page(s)",
      }),
    ]);
  });

  it("HTML: leaves files that already load the families (a link, or an @import in CSS) as they are", () => {
    const linked = page(
      "<link " +
        'href="https://fonts.googleapis.com/css2?family=Poppins:wght@600&' +
        'amp;family=Inter+Tight&amp;display=swap" rel="stylesheet">\n',
    );
    expect(withDesignFonts([linked], plan, "html", "css-modules")).toEqual({ files: [linked], problems: [] });
    const css = {
      path: "styles.css",
      content: '@import url("https://fonts.googleapis.com/css2?family=Poppins:wght@600&family=Inter+Tight:wght@400");',
    };
    expect(withDesignFonts([page(""), css], plan, "html", "css-modules").problems).toEqual([]);
  });

  it("React: adds src/fonts.ts for the families not imported yet, imported first by the entry", () => {
    const main = {
      path: "src/main.tsx",
      content: 'import "@fontsource/poppins/600.css";\nimport { App } from "./App";\n',
    };
    const { files, problems } = withDesignFonts(
      [main, { path: "src/App.tsx", content: "export function App() { return null; }\n" }],
      plan,
      "react",
      "css-modules",
    );
    expect(files.find((f) => f.path === "src/main.tsx")!.content).toBe(
      'import "./fonts";\nimport "@fontsource/poppins/600.css";\nimport { App } from "./App";\n',
    );
    expect(files.find((f) => f.path === "src/fonts.ts")!.content).toContain(
      'import "@fontsource/inter-tight/400.css";',
    );
    expect(files.find((f) => f.path === "src/fonts.ts")!.content).not.toContain("poppins");
    expect(problems).toEqual([expect.objectContaining({ code: "font-imports-added" })]);
  });

  it("React without an entry: a note naming the packages, the files unchanged", () => {
    const files = [{ path: "src/components/Card.tsx", content: "export const Card = () => null;\n" }];
    const out = withDesignFonts(files, plan, "react", "tailwind");
    expect(out.files).toEqual(files);
    expect(out.problems).toEqual([
      expect.objectContaining({
        code: "font-imports-missing",
        message: expect.stringContaining("npm install @fontsource/inter-tight @fontsource/poppins"),
      }),
    ]);
  });

  it("React Native: adds nothing, even beside src/index.ts (the Expo project loads the fonts with useFonts)", () => {
    const files = [
      { path: "src/index.ts", content: 'export { default as Page } from "./screens/Page";\n' },
      { path: "src/screens/Page.tsx", content: "export default function Page() {\n  return null;\n}\n" },
    ];
    expect(withDesignFonts(files, plan, "react-native", "css-modules")).toEqual({ files, problems: [] });
  });
});
