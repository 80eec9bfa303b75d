import { describe, expect, it } from "vitest";
import { angularStyles } from "./angular-project.js";
import { starterProject } from "./vue-project.js";

const SCREEN = { path: "src/app/screens/home.ts", content: "export class Home {}\n" };
const FONTS = {
  path: "src/fonts.ts",
  content: 'import "@fontsource/poppins/400.css";\nimport "@fontsource/poppins/600.css";\nimport "./fonts.css";\n',
};
const css = (path: string) => ({ path, content: "a {}\n" });

describe("the Angular starter project", () => {
  it("lays out an Angular CLI app around the components: angular.json, strict tsconfigs, zoneless main.ts", () => {
    const files = starterProject(
      [SCREEN, FONTS, css("src/fonts.css"), css("src/global.css"), { path: "src/assets/a.svg", content: "<svg/>" }],
      { target: "angular", styling: "css-modules", name: "My Design" },
    );
    expect(files.map((f) => f.path).slice(5)).toEqual([
      "package.json",
      "angular.json",
      "tsconfig.json",
      "tsconfig.app.json",
      "src/index.html",
      "src/main.ts",
      "src/app/app.ts",
      "src/app/app.config.ts",
      "README.md",
    ]);
    // The root component is the starter's: the router's outlet.
    expect(files.find((f) => f.path === "src/app/app.ts")!.content).toContain('template: "<router-outlet />"');
    const text = (path: string) => files.find((f) => f.path === path)!.content;
    const pkg = JSON.parse(text("package.json"));
    expect(pkg.name).toBe("my-design");
    expect(pkg.scripts).toEqual({ dev: "ng serve", start: "ng serve", build: "ng build" });
    expect(pkg.dependencies["@angular/core"]).toMatch(/^\^21\.2\./);
    expect(pkg.dependencies["@fontsource/poppins"]).toBeDefined();
    expect(pkg.dependencies["zone.js"]).toBeUndefined();
    expect(Object.keys(pkg.devDependencies)).toEqual([
      "@angular/build",
      "@angular/cli",
      "@angular/compiler-cli",
      "typescript",
    ]);
    const build = JSON.parse(text("angular.json")).projects["my-design"].architect.build;
    expect(build.builder).toBe("@angular/build:application");
    expect(build.options).toMatchObject({
      outputPath: "dist/my-design",
      browser: "src/main.ts",
      index: "src/index.html",
      assets: [{ glob: "**/*", input: "src/assets", output: "assets" }],
      styles: [
        "node_modules/@fontsource/poppins/400.css",
        "node_modules/@fontsource/poppins/600.css",
        "src/fonts.css",
        "src/global.css",
      ],
    });
    expect(JSON.parse(text("tsconfig.json")).compilerOptions.strict).toBe(true);
    expect(JSON.parse(text("tsconfig.json")).angularCompilerOptions.strictTemplates).toBe(true);
    expect(text("src/main.ts")).toContain("bootstrapApplication(App, appConfig)");
    expect(text("src/app/app.config.ts")).toContain("provideRouter(routes)");
    expect(text("src/index.html")).toContain("<app-root></app-root>");
    expect(text("README.md")).toContain("npm run dev");
  });

  it("builds Tailwind through its PostCSS plugin, the tokens' and fonts' themes imported by its stylesheet", () => {
    const files = starterProject([SCREEN, css("src/fonts.css"), css("src/tokens.css"), css("src/global.css")], {
      target: "angular",
      styling: "tailwind",
      name: "x",
    });
    const text = (path: string) => files.find((f) => f.path === path)!.content;
    expect(JSON.parse(text(".postcssrc.json"))).toEqual({ plugins: { "@tailwindcss/postcss": {} } });
    expect(text("src/tailwind.css")).toBe('@import "tailwindcss";\n@import "./tokens.css";\n@import "./fonts.css";\n');
    expect(Object.keys(JSON.parse(text("package.json")).devDependencies)).toContain("@tailwindcss/postcss");
    const options = JSON.parse(text("angular.json")).projects.x.architect.build.options;
    expect(options.styles).toEqual(["src/tailwind.css", "src/global.css"]);
    expect(options.assets).toEqual([]);
  });

  it("orders the global stylesheets: the fonts' files, their fallbacks, the tokens, then the rest", () => {
    const files = [css("src/global.css"), css("src/tokens.css"), css("src/fonts.css"), css("src/app/x.css"), FONTS];
    expect(angularStyles(files, false)).toEqual([
      "node_modules/@fontsource/poppins/400.css",
      "node_modules/@fontsource/poppins/600.css",
      "src/fonts.css",
      "src/tokens.css",
      "src/global.css",
    ]);
  });
});
