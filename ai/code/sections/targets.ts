/**
 * Where a section's files go, per target (issue 74): React, Vue, Svelte and React Native write one component per
 * section (src/sections/<Name>.tsx, .vue, .svelte; React Native's styles in the file's StyleSheet), Angular one
 * standalone component per section laid out as its emitter lays out a screen (src/app/sections/<name>.ts, .html,
 * .css), and HTML one fragment per section (src/sections/<Name>.html and .css), which the page inlines into index.html
 * and styles.css. The page that renders the sections in drawn order is page.ts's.
 */
import { TARGETS, type Target } from "../../../codegen/targets.js";

/** The targets a split frame is written for, section by section: every one. */
export const SECTION_TARGETS: readonly Target[] = TARGETS;

export const splitsFor = (target: Target): boolean => SECTION_TARGETS.includes(target);

export interface SectionFiles {
  /** The section's own file: the component the page renders (HTML: the fragment it inlines). */
  main: string;
  /** Its stylesheet when it has one apart (React's CSS module, HTML's fragment CSS, Angular's styleUrl). */
  css?: string;
  /** Its template when it has one apart (Angular's templateUrl). */
  template?: string;
  /** Where components of its own go. */
  folder: string;
}

/**
 * An Angular section's file name and selector: `HeroSection` → `hero-section` (`app-hero-section`), as the Angular
 * emitter names a screen (its words kebab-cased); a section's component is ASCII PascalCase (plan.ts componentName).
 */
export const angularName = (component: string): string =>
  component.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** Where section `component`'s files go for `target`. */
export function sectionFiles(component: string, target: Target = "react"): SectionFiles {
  const folder = `src/components/${component}/`;
  switch (target) {
    case "vue":
      return { main: `src/sections/${component}.vue`, folder };
    case "svelte":
      return { main: `src/sections/${component}.svelte`, folder };
    case "html":
      return { main: `src/sections/${component}.html`, css: `src/sections/${component}.css`, folder };
    case "react-native":
      return { main: `src/sections/${component}.tsx`, folder };
    case "angular": {
      const name = angularName(component);
      const at = `src/app/sections/${name}`;
      return { main: `${at}.ts`, template: `${at}.html`, css: `${at}.css`, folder: `src/app/components/${name}/` };
    }
    default:
      return { main: `src/sections/${component}.tsx`, css: `src/sections/${component}.module.css`, folder };
  }
}

/** How the section's file says what it is, for the request's rule. */
export function sectionShape(component: string, target: Target = "react"): string {
  const files = sectionFiles(component, target);
  switch (target) {
    case "vue":
      return `${files.main}, a single-file component without props (its style scoped inside)`;
    case "svelte":
      return `${files.main}, a component without props (its style inside)`;
    case "html":
      return (
        `${files.main}, one <section> element and what it holds (no <html>, <head> nor <body>: the page inlines ` +
        `it), and ${files.css}, its rules, each selector starting with the section's own class`
      );
    case "react-native":
      return (
        `${files.main} with \`export function ${component}()\` (no props, no default export), its styles in a ` +
        "StyleSheet.create in the same file"
      );
    case "angular":
      return (
        `${files.main}, a standalone component \`export class ${component}\` with the selector ` +
        `"app-${angularName(component)}" and no inputs, its template in ${files.template} (templateUrl) and its ` +
        `styles in ${files.css} (styleUrl)`
      );
    default:
      return (
        `${files.main} with \`export function ${component}()\` (no props, no default export), ` +
        `${files.css} beside it`
      );
  }
}

/** Angular's page: a screen of its own at the route '' (the root component, src/app/app.ts, is the router's outlet). */
export const ANGULAR_PAGE = "src/app/screens/page";
/** React Native's page: the one screen src/index.ts exports (the project's first route). */
export const REACT_NATIVE_PAGE = "src/screens/Page.tsx";

/** The files the page is: none of them a section may write. */
export function pagePaths(target: Target): string[] {
  switch (target) {
    case "vue":
      return ["src/App.vue"];
    case "svelte":
      return ["src/App.svelte", "src/screens/Page.svelte"];
    case "html":
      return ["index.html", "styles.css"];
    case "angular":
      return ["src/app/app.ts", "src/app/app.routes.ts", ...["ts", "html", "css"].map((x) => `${ANGULAR_PAGE}.${x}`)];
    case "react-native":
      return [REACT_NATIVE_PAGE, "src/index.ts"];
    default:
      return ["src/App.tsx", "src/App.module.css"];
  }
}
