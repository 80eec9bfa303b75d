import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import type { SourceFile } from "../types.js";
import { findFirstScreen, projectFiles, projectSlug, REACT_DEV_DEPENDENCIES } from "./project-files.js";
import { zipFiles } from "../../ui/lib/zip.js";

const react: SourceFile[] = [
  {
    path: "src/screens/LogInPage.tsx",
    content:
      'import styles from "./LogInPage.module.css";\n' +
      "export function LogInPage() {\n" +
      "  return <main className={styles.root} />;\n" +
      "}\n",
  },
  { path: "src/screens/LogInPage.module.css", content: ".root { color: red; }\n" },
  { path: "src/components/Button.tsx", content: "export function Button() { return <button />; }\n" },
  { path: "src/assets/bg.svg", content: "<svg/>" },
  {
    path: "src/index.ts",
    content:
      'import "./global.css";\n' +
      'export { LogInPage } from "./screens/LogInPage";\n' +
      'export { Button } from "./components/Button";\n',
  },
  { path: "src/global.css", content: "body { margin: 0; }\n" },
  { path: "src/global.d.ts", content: 'declare module "*.module.css";\n' },
];

const html: SourceFile[] = [
  { path: "index.html", content: "<!doctype html><p>x</p>" },
  { path: "styles.css", content: "p {}" },
  { path: "assets/a.svg", content: "<svg/>" },
];

describe("projectFiles (react)", () => {
  const files = projectFiles(react, { target: "react", styling: "css-modules", name: "Log-In Page" });
  const byPath = new Map(files.map((f) => [f.path, f.content]));

  it("adds the Vite app files around the generated ones", () => {
    expect(files.map((f) => f.path).sort()).toEqual(
      [
        ...react.map((f) => f.path),
        "package.json",
        "index.html",
        "src/main.tsx",
        "tsconfig.json",
        "vite.config.ts",
        "README.md",
      ].sort(),
    );
  });

  it("writes a package.json with react, react-dom, vite, the React plugin, typescript and @types/react", () => {
    const pkg = JSON.parse(byPath.get("package.json")!) as {
      name: string;
      type: string;
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.name).toBe("log-in-page");
    expect(pkg.type).toBe("module");
    expect(pkg.scripts["dev"]).toBe("vite");
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["react", "react-dom"]);
    for (const dep of ["vite", "@vitejs/plugin-react", "typescript", "@types/react"])
      expect(pkg.devDependencies[dep]).toBeTruthy();
    expect(pkg.devDependencies).toMatchObject(REACT_DEV_DEPENDENCIES);
    expect(pkg.devDependencies["tailwindcss"]).toBeUndefined();
  });

  it("renders the first screen from src/main.tsx", () => {
    const main = byPath.get("src/main.tsx")!;
    expect(main).toContain('import { LogInPage } from "./index";');
    expect(main).toContain("<LogInPage />");
    expect(main).toContain("createRoot(root)");
    expect(byPath.get("index.html")).toContain('<script type="module" src="/src/main.tsx"></script>');
    expect(byPath.get("index.html")).toContain("<title>Log-In Page</title>");
    expect(byPath.get("vite.config.ts")).toContain("plugins: [react()]");
    expect(JSON.parse(byPath.get("tsconfig.json")!)).toMatchObject({
      compilerOptions: { jsx: "react-jsx", strict: true },
    });
  });

  it("says in the README where the screens are, and with routes that react-router needs Node 22.22", () => {
    expect(byPath.get("README.md")).toContain("`src/main.tsx` renders the first screen.");
    const routes = { path: "src/routes.ts", content: "export const routes = [];\n" };
    const routed = projectFiles([...react, routes], { target: "react", styling: "css-modules", name: "A" });
    const map = new Map(routed.map((f) => [f.path, f.content]));
    const pkg = JSON.parse(map.get("package.json")!) as { dependencies: Record<string, string> };
    expect(pkg.dependencies["react-router"]).toMatch(/^\^8\./);
    const readme = map.get("README.md")!.replace(/\s+/g, " ");
    expect(readme).toContain("`src/routes.ts` gives each screen its route");
    expect(readme).toContain("needs Node 22.22 or later");
    expect(readme).not.toContain("renders the first screen");
  });

  it("adds Tailwind when the styling is Tailwind", () => {
    const tw = projectFiles(react, { target: "react", styling: "tailwind", name: "A" });
    const map = new Map(tw.map((f) => [f.path, f.content]));
    expect(map.get("src/tailwind.css")).toBe('@import "tailwindcss";\n');
    expect(map.get("src/main.tsx")).toContain('import "./tailwind.css";');
    expect(map.get("vite.config.ts")).toContain("tailwindcss()");
    const pkg = JSON.parse(map.get("package.json")!) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies["tailwindcss"]).toBeTruthy();
    expect(pkg.devDependencies["@tailwindcss/vite"]).toBeTruthy();
  });

  it("never overwrites a generated file", () => {
    const own = projectFiles([...react, { path: "package.json", content: "{}" }], {
      target: "react",
      styling: "css-modules",
      name: "A",
    });
    expect(own.filter((f) => f.path === "package.json")).toEqual([{ path: "package.json", content: "{}" }]);
  });
});

describe("projectFiles (html)", () => {
  it("keeps the files as they are, index.html at the root", () => {
    expect(projectFiles(html, { target: "html", styling: "css-modules", name: "A" })).toEqual(html);
  });
});

describe("findFirstScreen", () => {
  it("falls back to the screens folder, then to any export", () => {
    expect(findFirstScreen([{ path: "src/screens/Home.tsx", content: "export function Home() {}" }])).toEqual({
      name: "Home",
      from: "./screens/Home",
    });
    expect(findFirstScreen([{ path: "src/index.ts", content: 'export { Card } from "./components/Card";' }])).toEqual({
      name: "Card",
      from: "./index",
    });
    expect(findFirstScreen([])).toBeUndefined();
  });
});

describe("projectSlug", () => {
  it("makes package-safe names", () => {
    expect(projectSlug("Log-In Page")).toBe("log-in-page");
    expect(projectSlug("Écran d’accueil 2")).toBe("ecran-d-accueil-2");
    expect(projectSlug("***")).toBe("figment-design");
  });
});

describe("zipFiles", () => {
  it("zips paths and contents (UTF-8) that unzip unchanged", () => {
    const files = projectFiles(react, { target: "react", styling: "css-modules", name: "Log-In Page" });
    const unzipped = unzipSync(zipFiles([...files, { path: "src/ü.txt", content: "Don’t" }]));
    expect(Object.keys(unzipped).sort()).toEqual([...files.map((f) => f.path), "src/ü.txt"].sort());
    expect(strFromU8(unzipped["src/main.tsx"]!)).toBe(files.find((f) => f.path === "src/main.tsx")!.content);
    expect(strFromU8(unzipped["src/ü.txt"]!)).toBe("Don’t");
  });

  it("stores base64 images as bytes", () => {
    const unzipped = unzipSync(zipFiles([{ path: "a.png", content: "iVBORw0KGgo=" }]));
    expect([...unzipped["a.png"]!]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });
});
