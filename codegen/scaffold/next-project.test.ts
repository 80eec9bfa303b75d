import { describe, expect, it } from "vitest";
import { starterProject } from "./vue-project.js";
import { nextSource } from "./next-project.js";

const HOME = {
  path: "src/screens/Home.tsx",
  content: [
    'import { Link, useNavigate } from "react-router";',
    'import heroSrc from "../assets/hero.png";',
    'import styles from "./Home.module.css";',
    "",
    "export function Home() {",
    "  const navigate = useNavigate();",
    "  return (",
    '    <Link className={styles.a} to="/book" onClick={() => navigate("/book")}>',
    '      <img src={heroSrc} alt="" />',
    "    </Link>",
    "  );",
    "}",
    "",
  ].join("\n"),
};
const BOOK = { path: "src/screens/Book.tsx", content: "export function Book() {\n  return <main />;\n}\n" };
const ROUTES = {
  path: "src/routes.ts",
  content: [
    'import { Home } from "./screens/Home";',
    'import { Book } from "./screens/Book";',
    'export const routes = [{ path: "/", Screen: Home }, { path: "/book", Screen: Book }];',
  ].join("\n"),
};
const options = { target: "react", styling: "css-modules", name: "My Design", kind: "nextjs" } as const;

describe("the Next.js starter project", () => {
  it("gives each route of the prototype an App Router page, the first at src/app/page.tsx", () => {
    const files = starterProject([HOME, BOOK, ROUTES, { path: "src/global.d.ts", content: "" }], options);
    const paths = files.map((f) => f.path);
    expect(paths).toEqual([
      "src/screens/Home.tsx",
      "src/screens/Book.tsx",
      "src/app/layout.tsx",
      "src/app/page.tsx",
      "src/app/book/page.tsx",
      "package.json",
      "next.config.ts",
      "tsconfig.json",
      "README.md",
    ]);
    const page = (path: string): string => files.find((f) => f.path === path)!.content;
    expect(page("src/app/page.tsx")).toContain('import { Home } from "../screens/Home";');
    expect(page("src/app/book/page.tsx")).toContain('import { Book } from "../../screens/Book";');
    expect(page("next.config.ts")).toContain('output: "export"');
    expect(page("next.config.ts")).toContain("trailingSlash: true");
    const pkg = JSON.parse(page("package.json"));
    expect(pkg.name).toBe("my-design");
    expect(pkg.scripts).toMatchObject({ dev: "next dev", build: "next build" });
    expect(Object.keys(pkg.dependencies)).toEqual(["next", "react", "react-dom"]);
    expect(JSON.parse(page("tsconfig.json")).compilerOptions.strict).toBe(true);
  });

  it("turns React Router's links into next/link and the router, and marks a stateful file as a client one", () => {
    const out = nextSource(HOME.content);
    expect(out.startsWith('"use client";\n')).toBe(true);
    expect(out).toContain('import Link from "next/link";');
    expect(out).toContain('import { useRouter } from "next/navigation";');
    expect(out).not.toContain("react-router");
    expect(out).toContain("const navigate = useRouter().push;");
    expect(out).toContain('href="/book"');
    // Next imports an image as an object: next/image's <Image> takes it.
    expect(out).toContain('import heroSrcImage from "../assets/hero.png";');
    expect(out).toContain('<Image src={heroSrcImage} alt="" />');
    expect(nextSource(BOOK.content)).toBe(BOOK.content);
  });

  it("adds the Tailwind stylesheet and PostCSS's plugin with Tailwind, and Vite stays the default", () => {
    const tailwind = starterProject([BOOK], { ...options, styling: "tailwind" });
    expect(tailwind.find((f) => f.path === "postcss.config.mjs")?.content).toContain("@tailwindcss/postcss");
    expect(tailwind.find((f) => f.path === "src/app/layout.tsx")?.content).toContain('import "../tailwind.css";');
    const vite = starterProject([BOOK], { ...options, kind: "vite" }).map((f) => f.path);
    expect(vite).toContain("vite.config.ts");
    expect(vite).not.toContain("next.config.ts");
  });
});

describe("the Next.js starter's fonts and images", () => {
  const FONTS = {
    path: "src/fonts.ts",
    content: [
      "// The design's fonts, only the weights the frames use: @fontsource/inter-tight (npm install …).",
      'import "@fontsource/inter-tight/400.css";',
      'import "@fontsource/inter-tight/700-italic.css";',
      'import "./fonts.css";',
      "",
    ].join("\n"),
  };
  const CSS = {
    path: "src/screens/Book.module.css",
    content: [
      ".a {",
      '  font-family: "Inter Tight", "Inter Tight Fallback", Arial, sans-serif;',
      "}",
      ".b {",
      "  font-family: Lora;",
      "}",
      "",
    ].join("\n"),
  };

  it("loads the design's fonts through next/font/local from the Fontsource files, the styles on its variables", () => {
    const files = starterProject([BOOK, FONTS, CSS], options);
    const file = (path: string): string => files.find((f) => f.path === path)!.content;
    expect(file("src/app/fonts.ts")).toContain('import localFont from "next/font/local";');
    expect(file("src/app/fonts.ts")).toContain(
      '{ path: "../../node_modules/@fontsource/inter-tight/files/inter-tight-latin-700-italic.woff2", ' +
        'weight: "700", style: "italic" },',
    );
    expect(file("src/app/fonts.ts")).toContain('display: "swap",\n  variable: "--next-font-inter-tight",');
    expect(file("src/app/layout.tsx")).toContain('<html lang="en" className={interTight.variable}>');
    // The family next/font serves is its variable; a family no package serves keeps its name.
    expect(file(CSS.path)).toContain('font-family: var(--next-font-inter-tight), "Inter Tight Fallback", Arial');
    expect(file(CSS.path)).toContain("font-family: Lora;");
    // Fontsource's own CSS is not loaded twice; its package still ships the files.
    expect(file("src/fonts.ts")).not.toContain("@fontsource");
    expect(file("src/fonts.ts")).toContain('import "./fonts.css";');
    expect(JSON.parse(file("package.json")).dependencies).toHaveProperty("@fontsource/inter-tight");
    expect(file("README.md")).toContain("next/font/local");
  });

  it("shows a raster image only as an <img>'s src through next/image, an SVG and any other use by its URL", () => {
    const source = [
      'import photoSrc from "../assets/photo.jpg";',
      'import logoSrc from "../assets/logo.svg";',
      'import bgSrc from "../assets/bg.png";',
      "",
      "export function Card() {",
      "  return (",
      "    <div style={{ backgroundImage: bgSrc }}>",
      '      <img className={styles.photo} src={photoSrc} alt="Photo" />',
      '      <img src={logoSrc} alt="" />',
      '      <img src={bgSrc} alt="" />',
      "    </div>",
      "  );",
      "}",
    ].join("\n");
    const out = nextSource(source);
    expect(out).toContain('import Image from "next/image";\nimport photoSrcImage from "../assets/photo.jpg";');
    expect(out).toContain('<Image className={styles.photo} src={photoSrcImage} alt="Photo" />');
    expect(out).toContain('<img src={logoSrc} alt="" />');
    expect(out).toContain("const logoSrc = logoSrcImage.src;\nconst bgSrc = bgSrcImage.src;");
    expect(out).toContain('<img src={bgSrc} alt="" />');
    expect(out).not.toContain("photoSrcImage.src");
    // A design component named Image keeps its name.
    const named = nextSource(`import { Image } from "../components/Image";\n${source}`);
    expect(named).toContain('import NextImage from "next/image";');
    expect(named).toContain("<NextImage className={styles.photo}");
  });
});
