/**
 * The page of a split frame for the targets whose root is a router's (issue 74): a screen that renders the sections
 * in drawn order, at the route the project starts on, written as each target's emitter writes a screen. Angular: a
 * standalone component (src/app/screens/page.ts, .html, .css) importing the sections' components and placing their
 * selectors, routed at '' by src/app/app.routes.ts (the root component, src/app/app.ts, is the router's outlet).
 * React Native: src/screens/Page.tsx, a View styled by its StyleSheet (as the emitter's screens are), the one screen
 * src/index.ts exports (the first route of the Expo project).
 */
import { relativePath } from "../../../codegen/file-paths.js";
import type { SourceFile } from "../../../codegen/types.js";
import { ANGULAR_PAGE, REACT_NATIVE_PAGE, angularName, sectionFiles } from "./targets.js";

/** The relative import of `to` (a .ts or .tsx file) from a file in `dir`, without its extension. */
const importPath = (dir: string, to: string): string => relativePath(dir, to.replace(/\.tsx?$/, ""));

/** Angular's page: `main`, its root element (its class and the frame's id); `css`, its rules (none: Tailwind). */
export function angularPage(
  components: readonly string[],
  main: string,
  css: readonly string[] | undefined,
): SourceFile[] {
  const dir = ANGULAR_PAGE.slice(0, ANGULAR_PAGE.lastIndexOf("/"));
  const name = ANGULAR_PAGE.slice(dir.length + 1);
  const script = [
    'import { Component } from "@angular/core";',
    ...components.map((c) => `import { ${c} } from "${importPath(dir, sectionFiles(c, "angular").main)}";`),
    "",
    "@Component({",
    '  selector: "app-page",',
    `  imports: [${components.join(", ")}],`,
    `  templateUrl: "./${name}.html",`,
    ...(css ? [`  styleUrl: "./${name}.css",`] : []),
    "})",
    "export class Page {}",
    "",
  ];
  const template = [main, ...components.map((c) => `  <app-${angularName(c)} />`), "</main>", ""];
  const routes = [
    'import type { Routes } from "@angular/router";',
    `import { Page } from "${importPath("src/app", ANGULAR_PAGE)}";`,
    "",
    'export const routes: Routes = [{ path: "", component: Page }];',
    "",
  ];
  return [
    { path: "src/app/app.routes.ts", content: routes.join("\n") },
    { path: `${ANGULAR_PAGE}.ts`, content: script.join("\n") },
    { path: `${ANGULAR_PAGE}.html`, content: template.join("\n") },
    ...(css
      ? [{ path: `${ANGULAR_PAGE}.css`, content: [":host {", "  display: block;", "}", "", ...css, ""].join("\n") }]
      : []),
  ];
}

/** React Native's page: a View the width of the frame at most, centred, with the frame's layer id as its testID. */
export function reactNativePage(components: readonly string[], frame: { w: number; id?: string }): SourceFile[] {
  const dir = REACT_NATIVE_PAGE.slice(0, REACT_NATIVE_PAGE.lastIndexOf("/"));
  const id = frame.id ? ` testID=${JSON.stringify(frame.id)}` : "";
  const screen = [
    'import { StyleSheet, View } from "react-native";',
    ...components.map((c) => `import { ${c} } from "${importPath(dir, sectionFiles(c, "react-native").main)}";`),
    "",
    "export default function Page() {",
    "  return (",
    `    <View style={styles.page}${id}>`,
    ...components.map((c) => `      <${c} />`),
    "    </View>",
    "  );",
    "}",
    "",
    "const styles = StyleSheet.create({",
    "  page: {",
    '    flexDirection: "column",',
    '    width: "100%",',
    `    maxWidth: ${Math.round(frame.w)},`,
    '    marginHorizontal: "auto",',
    "  },",
    "});",
    "",
  ];
  const index = `export { default as Page } from "${importPath("src", REACT_NATIVE_PAGE)}";\n`;
  return [
    { path: REACT_NATIVE_PAGE, content: screen.join("\n") },
    { path: "src/index.ts", content: index },
  ];
}
