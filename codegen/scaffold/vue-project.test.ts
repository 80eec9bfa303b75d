import { describe, expect, it } from "vitest";
import { starterProject } from "./vue-project.js";

const SCREEN = { path: "src/screens/Home.vue", content: "<template>\n  <main></main>\n</template>\n" };

describe("the Vue starter project", () => {
  it("lays out a Vite + Vue app around the components, without a lockfile", () => {
    const files = starterProject([SCREEN, { path: "src/index.ts", content: "" }], {
      target: "vue",
      styling: "css-modules",
      name: "My Design",
    });
    const paths = files.map((f) => f.path);
    expect(paths).toEqual([
      "src/screens/Home.vue",
      "src/index.ts",
      "package.json",
      "index.html",
      "src/main.ts",
      "src/App.vue",
      "tsconfig.json",
      "vite.config.ts",
      "README.md",
    ]);
    const pkg = JSON.parse(files.find((f) => f.path === "package.json")!.content);
    expect(pkg.name).toBe("my-design");
    expect(Object.keys(pkg.dependencies)).toEqual(["vue", "vue-router"]);
    expect(pkg.scripts.build).toBe("vue-tsc -b && vite build");
    const main = files.find((f) => f.path === "src/main.ts")!.content;
    expect(main).toContain('import Screen from "./screens/Home.vue";');
    expect(main).toContain('import "./index";');
    expect(files.find((f) => f.path === "index.html")!.content).toContain('<div id="app"></div>');
  });

  it("routes by src/routes.ts when the prototype has links, and builds Tailwind with its Vite plugin", () => {
    const files = starterProject([SCREEN, { path: "src/routes.ts", content: "export const routes = [];\n" }], {
      target: "vue",
      styling: "tailwind",
      name: "x",
    });
    expect(files.find((f) => f.path === "src/main.ts")!.content).toMatch(/import { routes } from "\.\/routes";/);
    expect(files.find((f) => f.path === "vite.config.ts")!.content).toContain("plugins: [vue(), tailwindcss()]");
    expect(files.some((f) => f.path === "src/tailwind.css")).toBe(true);
  });

  it("leaves React's starter as it was", () => {
    const react = starterProject([], { target: "react", styling: "css-modules", name: "x" });
    expect(react.map((f) => f.path)).toContain("src/main.tsx");
  });
});
