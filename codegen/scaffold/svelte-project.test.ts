import { describe, expect, it } from "vitest";
import { starterProject } from "./vue-project.js";

const SCREEN = { path: "src/screens/Home.svelte", content: "<main></main>\n" };

describe("the Svelte starter project", () => {
  it("lays out a Vite + Svelte app around the components, without a lockfile or SvelteKit", () => {
    const files = starterProject([SCREEN, { path: "src/index.ts", content: "" }], {
      target: "svelte",
      styling: "css-modules",
      name: "My Design",
    });
    expect(files.map((f) => f.path)).toEqual([
      "src/screens/Home.svelte",
      "src/index.ts",
      "package.json",
      "index.html",
      "src/main.ts",
      "src/App.svelte",
      "tsconfig.json",
      "vite.config.ts",
      "svelte.config.js",
      "README.md",
    ]);
    const pkg = JSON.parse(files.find((f) => f.path === "package.json")!.content);
    expect(pkg.name).toBe("my-design");
    expect(Object.keys(pkg.devDependencies)).toContain("@sveltejs/vite-plugin-svelte");
    expect(Object.keys(pkg.devDependencies)).not.toContain("@sveltejs/kit");
    expect(pkg.scripts.build).toBe("svelte-check && vite build");
    const main = files.find((f) => f.path === "src/main.ts")!.content;
    expect(main).toContain('import "./index";');
    expect(main).toContain('mount(App, { target: document.getElementById("app")! });');
    expect(files.find((f) => f.path === "src/App.svelte")!.content).toContain("<Home />");
  });

  it("routes by src/routes.ts when the prototype has links, and builds Tailwind with its Vite plugin", () => {
    const files = starterProject([SCREEN, { path: "src/routes.ts", content: "export const routes = {};\n" }], {
      target: "svelte",
      styling: "tailwind",
      name: "x",
    });
    const app = files.find((f) => f.path === "src/App.svelte")!.content;
    expect(app).toContain('const Screen = $derived(routes[route.path] ?? routes["/"]);');
    expect(app).toContain("<svelte:window onpopstate=");
    expect(files.find((f) => f.path === "vite.config.ts")!.content).toContain("plugins: [svelte(), tailwindcss()]");
    expect(files.some((f) => f.path === "src/tailwind.css")).toBe(true);
  });
});
