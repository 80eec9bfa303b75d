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
    // Next imports an image as an object: the element gets its URL.
    expect(out).toContain('import heroSrcImage from "../assets/hero.png";');
    expect(out).toContain("const heroSrc = heroSrcImage.src;");
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
