import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../index.js";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { googleFamily } from "../fonts/catalog.js";
import type { SourceFile } from "../types.js";
import { expoFontFace, newFaces, withExpoFonts } from "./expo-fonts.js";
import { EXPO_DEPENDENCIES, expoLayout } from "./expo-project.js";
import { starterProject } from "./vue-project.js";

const options = { target: "react-native", styling: "css-modules", name: "Log In Page" } as const;

async function login(): Promise<SourceFile[]> {
  const path = join(REPO_ROOT, "test/fixtures/figma/figmasharp-login.file.json");
  const loaded = loadDesign(JSON.parse(readFileSync(path, "utf8")));
  const out = await generateCode(loaded.document, { target: "react-native", styling: "css-modules", nodeIds: false });
  return out.files;
}

const file = (files: readonly SourceFile[], path: string): string => {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path} among ${files.map((f) => f.path).join(", ")}`);
  return found.content;
};

describe("the Expo starter project", () => {
  it("lays a real frame out as create-expo-app does: app/ routes, app.json, metro.config.js, assets", async () => {
    const files = starterProject(await login(), options);
    expect(files.map((f) => f.path).sort()).toEqual([
      ".gitignore",
      "README.md",
      "app.json",
      "app/_layout.tsx",
      "app/index.tsx",
      "assets/images/background-image.svg",
      "metro.config.js",
      "package.json",
      "src/declarations.d.ts",
      "src/index.ts",
      "src/screens/LogInPage.tsx",
      "tsconfig.json",
    ]);
    expect(file(files, "app/index.tsx")).toBe('export { default } from "../src/screens/LogInPage";\n');
    expect(file(files, "src/screens/LogInPage.tsx")).toContain(
      'import BackgroundImage from "../../assets/images/background-image.svg";',
    );
    expect(JSON.parse(file(files, "tsconfig.json"))).toMatchObject({
      extends: "expo/tsconfig.base",
      compilerOptions: { strict: true },
    });
    const app = JSON.parse(file(files, "app.json")) as { expo: Record<string, unknown> };
    expect(app.expo).toMatchObject({ name: "Log In Page", slug: "log-in-page", web: { bundler: "metro" } });
    expect(file(files, "metro.config.js")).toContain('require.resolve("react-native-svg-transformer/expo")');
    expect(file(files, "README.md")).toContain("npm start\n```");
    expect(file(files, "README.md")).toContain("Helvetica is in no font package: the text uses the system font.");
  });

  it("writes package.json without a lockfile: Expo Router's entry, one SDK's versions, a web build", async () => {
    const files = starterProject(await login(), options);
    expect(files.some((f) => f.path === "package-lock.json")).toBe(false);
    const pkg = JSON.parse(file(files, "package.json")) as {
      main: string;
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.main).toBe("expo-router/entry");
    expect(pkg.scripts).toEqual({
      start: "expo start",
      android: "expo start --android",
      ios: "expo start --ios",
      web: "expo start --web",
      build: "expo export --platform web",
    });
    // Every expo-* package on SDK 57's line, React Native and React exact as the SDK bundles them.
    for (const [name, version] of Object.entries(pkg.dependencies))
      if (name === "expo" || name.startsWith("expo-")) expect(version, name).toMatch(/^~57\.0\.\d+$/);
    expect(pkg.dependencies).toMatchObject({ "react-native": "0.86.3", react: "19.2.3", "react-dom": "19.2.3" });
    expect(pkg.dependencies["@expo-google-fonts/montserrat"]).toBe("^0.4.0");
    expect(Object.keys(pkg.dependencies)).toEqual(
      [...Object.keys(EXPO_DEPENDENCIES), "@expo-google-fonts/montserrat"].sort(),
    );
    expect(pkg.devDependencies).toHaveProperty("react-native-svg-transformer");
  });

  it("loads the design's faces with useFonts, and the styles name the faces it registers", async () => {
    const files = starterProject(await login(), options);
    const layout = file(files, "app/_layout.tsx");
    expect(layout).toContain('import { Montserrat_400Regular } from "@expo-google-fonts/montserrat/400Regular";');
    expect(layout).toContain("useFonts({\n    Montserrat_400Regular,\n  });");
    expect(layout).toContain("SplashScreen.preventAutoHideAsync()");
    expect(layout).toContain("if (!loaded && !error) return null;");
    const screen = file(files, "src/screens/LogInPage.tsx");
    const registered = new Set([...layout.matchAll(/^ {4}(\w+),$/gm)].map((m) => m[1]));
    const named = [...screen.matchAll(/fontFamily: "(\w+)"/g)].map((m) => m[1]!);
    expect(named.filter((n) => n.startsWith("Montserrat")).length).toBeGreaterThan(3);
    // Montserrat is a Google family: every style names a registered face (Helvetica's names none: the system's).
    for (const name of named) expect(registered.has(name), name).toBe(true);
    expect(screen).not.toMatch(/fontFamily: "Montserrat",/);
  });

  it("gives each screen a route when the design has no prototype flow, the first at app/index.tsx", () => {
    const index = [
      'export { default as HomePage } from "./screens/HomePage";',
      'export { default as BookNow } from "./screens/BookNow";',
      "",
    ].join("\n");
    const screen = (name: string): SourceFile => ({
      path: `src/screens/${name}.tsx`,
      content: `export default function ${name}() {\n  return null;\n}\n`,
    });
    const files = starterProject([screen("HomePage"), screen("BookNow"), { path: "src/index.ts", content: index }], {
      ...options,
      name: "Two",
    });
    expect(file(files, "app/index.tsx")).toBe('export { default } from "../src/screens/HomePage";\n');
    expect(file(files, "app/book-now.tsx")).toBe('export { default } from "../src/screens/BookNow";\n');
    // No font: no expo-font in the layout, no font package.
    expect(file(files, "app/_layout.tsx")).not.toContain("useFonts");
    expect(file(files, "package.json")).not.toContain("@expo-google-fonts");
  });

  it("keeps the routes the emitter wrote for a prototype's flow", () => {
    const own = { path: "app/index.tsx", content: 'export { default } from "../src/screens/Start";\n' };
    const index = { path: "src/index.ts", content: 'export { default as Other } from "./screens/Other";\n' };
    const files = starterProject([own, index], options);
    expect(files.filter((f) => f.path.startsWith("app/")).map((f) => f.path)).toEqual([
      "app/index.tsx",
      "app/_layout.tsx",
    ]);
    expect(file(files, "app/index.tsx")).toBe(own.content);
  });
});

describe("the Expo starter's fonts", () => {
  it("names the face nearest the weight asked for, italic when the family has one", () => {
    const inter = googleFamily("Inter")!;
    expect(expoFontFace(inter, 600, false)).toEqual({
      pkg: "@expo-google-fonts/inter",
      name: "Inter_600SemiBold",
      from: "@expo-google-fonts/inter/600SemiBold",
    });
    expect(expoFontFace(inter, 400, true).name).toBe("Inter_400Regular_Italic");
    expect(expoFontFace(googleFamily("DM Sans")!, 700, false).name).toBe("DMSans_700Bold");
    // Abril Fatface has one weight, no italic.
    expect(expoFontFace(googleFamily("Abril Fatface")!, 700, true).name).toBe("AbrilFatface_400Regular");
  });

  it("rewrites a style's family, weight and style to the face, a weight alone to the file's one family", () => {
    const faces = newFaces();
    const content = [
      "const styles = StyleSheet.create({",
      "  title: {",
      '    color: "#111111",',
      '    fontFamily: "Poppins",',
      "    fontSize: 24,",
      '    fontWeight: "600",',
      '    fontStyle: "italic",',
      "  },",
      "  strong: {",
      '    fontWeight: "700",',
      "  },",
      "  plain: {",
      '    fontFamily: "Poppins",',
      "  },",
      "});",
    ].join("\n");
    expect(withExpoFonts(content, faces)).toBe(
      [
        "const styles = StyleSheet.create({",
        "  title: {",
        '    color: "#111111",',
        '    fontFamily: "Poppins_600SemiBold_Italic",',
        "    fontSize: 24,",
        "  },",
        "  strong: {",
        '    fontFamily: "Poppins_700Bold",',
        "  },",
        "  plain: {",
        '    fontFamily: "Poppins_400Regular",',
        "  },",
        "});",
      ].join("\n"),
    );
    expect([...faces.keys()].sort()).toEqual(["Poppins_400Regular", "Poppins_600SemiBold_Italic", "Poppins_700Bold"]);
  });

  it("leaves a family no package brings to the system font, at the style's weight", () => {
    const faces = newFaces();
    const content = '  a: {\n    fontFamily: "SF Pro Text",\n    fontWeight: "600",\n  },';
    expect(withExpoFonts(content, faces)).toBe('  a: {\n    fontWeight: "600",\n  },');
    expect(faces.size).toBe(0);
    // A Google family without an @expo-google-fonts package (npm answers 404) too.
    const fell = '  a: {\n    color: "red",\n    fontFamily: "IM Fell French Canon SC",\n  },';
    expect(withExpoFonts(fell, faces)).toBe('  a: {\n    color: "red",\n  },');
    // Carme has no package; ABeeZee's latest is 0.2.3, below the 0.4 line the starter pins (`npm install` would fail).
    for (const family of ["Carme", "ABeeZee"]) {
      const css = `  a: {\n    color: "red",\n    fontFamily: "${family}",\n  },`;
      expect(withExpoFonts(css, faces)).toBe('  a: {\n    color: "red",\n  },');
    }
    expect(faces.size).toBe(0);
    expect([...faces.systemFor]).toEqual(["SF Pro Text", "IM Fell French Canon SC", "Carme", "ABeeZee"]);
    expect(expoLayout([])).not.toContain("expo-font");
  });
});
