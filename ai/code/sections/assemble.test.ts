import { describe, expect, it } from "vitest";
import { mergeSectionFiles, unimportedGlobals } from "./assemble.js";
import { pageFiles } from "./page.js";

const file = (path: string, content: string) => ({ path, content });

describe("assembling sections", () => {
  it("joins a shared stylesheet and a fonts module two sections wrote, each rule and import once", () => {
    const merged = mergeSectionFiles([
      {
        component: "HeroSection",
        files: [
          file("src/tokens.css", ":root {\n  --ink: #111;\n}\n"),
          file("src/fonts.ts", 'import "@fontsource/poppins/700.css";\nimport "./fonts.css";\n'),
        ],
      },
      {
        component: "FooterSection",
        files: [
          file("src/tokens.css", ":root {\n  --ink: #111;\n}\n\n:root {\n  --grey: #999;\n}\n"),
          file("src/fonts.ts", 'import "@fontsource/poppins/300.css";\nimport "./fonts.css";\n'),
        ],
      },
    ]);
    expect(merged.problems).toEqual([]);
    const text = (path: string) => merged.files.find((f) => f.path === path)!.content;
    expect(text("src/tokens.css")).toBe(":root {\n  --ink: #111;\n}\n\n:root {\n  --grey: #999;\n}\n");
    expect(text("src/fonts.ts").split("\n").filter(Boolean).sort()).toEqual([
      'import "./fonts.css";',
      'import "@fontsource/poppins/300.css";',
      'import "@fontsource/poppins/700.css";',
    ]);
  });

  it("joins React Native's declarations two sections wrote, each module once; not a module declared two ways", () => {
    const svg = 'declare module "*.svg" {\n  const Svg: unknown;\n  export default Svg;\n}\n';
    const png = 'declare module "*.png" {\n  const src: number;\n  export default src;\n}\n';
    const declarations = (content: string) => file("src/declarations.d.ts", content);
    const merged = mergeSectionFiles(
      [
        { component: "A", files: [declarations(svg)] },
        { component: "B", files: [declarations(`${svg}\n${png}`)] },
      ],
      "react-native",
    );
    expect(merged.problems).toEqual([]);
    expect(merged.files).toEqual([declarations(`${svg}\n${png}`)]);
    const other = svg.replace("unknown", "number");
    const clash = mergeSectionFiles(
      [
        { component: "A", files: [declarations(svg)] },
        { component: "B", files: [declarations(other)] },
      ],
      "react-native",
    );
    expect(clash.files).toEqual([declarations(svg)]);
    expect(clash.problems.map((p) => p.code)).toEqual(["section-collision"]);
  });

  it("keeps the first of two different components at one path, said as a problem", () => {
    const merged = mergeSectionFiles([
      { component: "A", files: [file("src/components/Button.tsx", "export const a = 1;\n")] },
      { component: "B", files: [file("src/components/Button.tsx", "export const b = 2;\n")] },
    ]);
    expect(merged.files.map((f) => f.content)).toEqual(["export const a = 1;\n"]);
    expect(merged.problems.map((p) => p.code)).toEqual(["section-collision"]);
  });

  it("imports the global stylesheet and fonts no section imports, before the sections", () => {
    const files = [
      file("src/fonts.ts", 'import "./fonts.css";\n'),
      file("src/fonts.css", "@font-face {}\n"),
      file("src/global.css", "body {\n  margin: 0;\n}\n"),
      file("src/tokens.css", ":root {}\n"),
      file("src/sections/HeroSection.tsx", 'import "../tokens.css";\nexport function HeroSection() {}\n'),
    ];
    const globals = unimportedGlobals(files);
    expect(globals).toEqual(["src/fonts.ts", "src/global.css"]);
    const app = pageFiles(["HeroSection"], { w: 1440 }, "react", "css-modules", [], globals)[0]!.content;
    expect(app.indexOf('import "./fonts";')).toBeLessThan(app.indexOf('import "./global.css";'));
    expect(app.indexOf('import "./global.css";')).toBeLessThan(app.indexOf("import { HeroSection }"));
  });
});
