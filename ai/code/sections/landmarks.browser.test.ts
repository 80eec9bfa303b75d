/**
 * One `<main>` per assembled page (issue 74): sections whose answers draw their root as a `<main>`, as a model may
 * whatever its rule says, assembled in each target the sections are written for into a page with one `<main>` (the
 * page's), each section's root a `<section>` with its attributes; rendered as the panel shows it, axe-core finds no
 * duplicate or nested `<main>` (landmark-no-duplicate-main, landmark-main-is-top-level).
 */
import { describe, expect, it } from "vitest";
import type { Target } from "../../../codegen/targets.js";
import type { SourceFile } from "../../../codegen/types.js";
import { withPage } from "../../../cli/measure/browser.js";
import { resultPage } from "../../../cli/measure/result-page.js";
import { settleLayout } from "../../../cli/measure/score.js";
import { axeViolations } from "../../../test/helpers/axe-check.js";
import { runBrowser, useBrowser, usePageContext } from "../../../test/helpers/browser.js";
import { assembleSections } from "./assemble.js";
import { mainsAsSections } from "./landmarks.js";
import { sectionRule } from "../section-prompt.js";

const LANDMARK_RULES = ["landmark-no-duplicate-main", "landmark-main-is-top-level"];
const COMPONENTS = ["HeroSection", "FooterSection"] as const;

/** A section's body: a heading for the first, a paragraph for the others. */
const body = (k: number): string => (k === 0 ? "<h1>Hello</h1>" : `<p>Section ${k + 1}</p>`);

/** Section `k`'s answer in `target`, its root a <main> with a class and the section's layer id. */
function answer(target: Target, k: number): SourceFile[] {
  const name = COMPONENTS[k]!;
  const open = (cls: string) => `<main ${cls}="root" data-node-id="2:${k + 1}">`;
  switch (target) {
    case "vue":
      return [
        {
          path: `src/sections/${name}.vue`,
          content:
            `<template>\n  ${open("class")}\n    ${body(k)}\n  </main>\n</template>\n\n` +
            "<style scoped>\n.root {\n  padding: 16px;\n}\n</style>\n",
        },
      ];
    case "svelte":
      return [
        {
          path: `src/sections/${name}.svelte`,
          content: `${open("class")}\n  ${body(k)}\n</main>\n\n<style>\n  .root {\n    padding: 16px;\n  }\n</style>\n`,
        },
      ];
    case "html":
      return [
        { path: `src/sections/${name}.html`, content: `${open("class")}\n  ${body(k)}\n</main>\n` },
        { path: `src/sections/${name}.css`, content: ".root {\n  padding: 16px;\n}\n" },
      ];
    default:
      return [
        {
          path: `src/sections/${name}.tsx`,
          content:
            `import styles from "./${name}.module.css";\n\nexport function ${name}() {\n  return (\n` +
            `    ${open("className").replace('"root"', "{styles.root}")}\n      ${body(k)}\n    </main>\n  );\n}\n`,
        },
        { path: `src/sections/${name}.module.css`, content: ".root {\n  padding: 16px;\n}\n" },
      ];
  }
}

const mains = (files: readonly SourceFile[]): number =>
  files.reduce((n, f) => n + (f.bytes ? 0 : (f.content.match(/<main[\s>]/g) ?? []).length), 0);

describe("a section's <main> made a <section>", () => {
  it("in JSX, a Vue or Svelte component, an HTML fragment and an Angular template (its .html or inline)", () => {
    const files: SourceFile[] = [
      { path: "a.tsx", content: '<main className={s.a} data-node-id="1:2">x</main>' },
      { path: "a.vue", content: '<template>\n  <main class="a">x</main >\n</template>\n<style>main.a {}</style>' },
      { path: "a.svelte", content: "<main\n  class='a'\n>x</main>" },
      { path: "a.html", content: '<main id="a"><mainly></mainly></main>' },
      { path: "a.component.ts", content: '@Component({ template: `<main class="a">x</main>` })' },
      { path: "a.css", content: "main { color: red; }" },
    ];
    const out = mainsAsSections(files);
    expect(out.files.map((f) => f.content)).toEqual([
      '<section className={s.a} data-node-id="1:2">x</section>',
      '<template>\n  <section class="a">x</section>\n</template>\n<style>main.a {}</style>',
      "<section\n  class='a'\n>x</section>",
      '<section id="a"><mainly></mainly></section>',
      '@Component({ template: `<section class="a">x</section>` })',
      "main { color: red; }",
    ]);
    expect(out.problems.map((p) => p.file)).toEqual(["a.tsx", "a.vue", "a.svelte", "a.html", "a.component.ts"]);
  });

  it("the section's rule tells the model its root is a <section> (none for React Native)", () => {
    const section = {
      index: 0,
      count: 2,
      component: "HeroSection",
      components: COMPONENTS,
      frame: { name: "Page", w: 800, h: 2000 },
      band: { y: 0, h: 1000 },
      tiles: [],
      answered: [],
    };
    for (const target of ["react", "vue", "svelte", "html"] as const)
      expect(sectionRule(section, target)).toContain("The section's root element is a <section> (not a <main>");
    expect(sectionRule(section, "react-native")).not.toContain("<section>");
  });
});

describe.runIf(runBrowser)("an assembled page has one <main> (axe-core)", () => {
  const browser = useBrowser();
  const context = usePageContext(browser);
  for (const target of ["react", "vue", "svelte", "html"] as const)
    it(`${target}: sections answered with a <main> each make a page with one <main>`, { timeout: 60_000 }, async () => {
      const answers = COMPONENTS.map((component, k) => ({ component, files: answer(target, k) }));
      expect(mains(answers.flatMap((a) => a.files))).toBe(2);
      const base = { target, styling: "css-modules" } as const;
      const page = await assembleSections(answers, COMPONENTS, base, { w: 800, name: "Page", id: "1:1" });
      expect(mains(page.files)).toBe(1);
      expect(page.problems.filter((p) => p.code === "section-main")).toHaveLength(2);
      const shown = await resultPage(page.files, target);
      const found = await withPage(context, shown.files, shown.entry, { width: 800, height: 600 }, async (p) => {
        await p.waitForFunction(() => {
          const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } })
            .document;
          return doc.querySelectorAll("section.root, section[class*='root']").length === 2;
        });
        await settleLayout(p);
        const landmarks = {
          main: await p.locator("main").count(),
          sections: await p.locator('section[data-node-id^="2:"]').count(),
          page: await p.locator('main[data-node-id="1:1"]').count(),
        };
        return { landmarks, violations: await axeViolations(p, { contrast: false }) };
      });
      expect(found.landmarks).toEqual({ main: 1, sections: 2, page: 1 });
      expect(found.violations.filter((v) => LANDMARK_RULES.includes(v.rule))).toEqual([]);
    });
});
