/**
 * Every target writes one page from a page's drawings (issue 70): flora's Order Modal drawn at 1440, 768 and 375 px
 * is one screen in React (CSS modules and Tailwind), Vue, Svelte, Angular and React Native, its wider drawings' rules
 * from their widths up. The frameworks' own checkers compile these pages in their emitters' tests (vue/emit.test.ts,
 * svelte/emit.test.ts, angular/emit.test.ts, react-native/tsc.test.ts); React's are type-checked here.
 */
import { describe, expect, it } from "vitest";
import { drawnPage, FLORA_ORDER_MODAL } from "../../../test/helpers/drawn-pages.js";
import { typecheckReactProjects } from "../../../test/compile.js";
import { compileTailwind } from "../../preview/tailwind-compile.js";
import { generateCode, type CodeOptions } from "../../index.js";
import type { SourceFile } from "../../types.js";

const page = () => drawnPage("flora", FLORA_ORDER_MODAL);

async function files(options: CodeOptions): Promise<SourceFile[]> {
  return (await generateCode(page(), options)).files;
}

const content = (set: readonly SourceFile[], path: string): string => {
  const file = set.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} in ${set.map((f) => f.path).join(", ")}`);
  return file.content;
};

/** A stylesheet's wider screens' blocks: mobile-first, narrowest first, after the class rules. */
function expectWiderBlocks(css: string): void {
  const at768 = css.indexOf("@media (min-width: 768px)");
  const at1440 = css.indexOf("@media (min-width: 1440px)");
  expect(at768).toBeGreaterThan(0);
  expect(at1440).toBeGreaterThan(at768);
  // A component the narrower drawings place another of (TextInputVariant) is not shown below the desktop's
  // width: a range, as a revert would undo its root's own display…
  expect(css).toMatch(/@media \(max-width: 1439\.98px\) \{\n[^\n{]+ \{\n {4}display: none;\n {2}\}/);
  // …and what a narrower drawing sets that a wider one does not is undone there.
  expect(css.slice(at768)).toContain(": revert;");
}

describe("one page from its drawings, in every target", () => {
  it("React (CSS modules): one screen, the wider drawings' rules in min-width blocks; it type-checks", async () => {
    const set = await files({ target: "react", styling: "css-modules", nodeIds: true });
    const screens = set.filter((f) => f.path.startsWith("src/screens/") && f.path.endsWith(".tsx"));
    expect(screens.map((f) => f.path)).toEqual(["src/screens/OrderModal.tsx"]);
    expectWiderBlocks(content(set, "src/screens/OrderModal.module.css"));
    // Each element answers to its layer in every drawing that has it (the measurement reads them).
    expect(content(set, "src/screens/OrderModal.tsx")).toContain('data-node-ids="8211:116360 8238:18854 8238:19230"');
    const plain = await files({ target: "react", styling: "css-modules", nodeIds: false });
    expect(typecheckReactProjects([set, plain]).errors).toEqual([[], []]);
  }, 120_000);

  it("React (Tailwind): the wider drawings' rules are min-[…]: classes, which Tailwind compiles", async () => {
    const set = await files({ target: "react", styling: "tailwind", nodeIds: false });
    const tsx = content(set, "src/screens/OrderModal.tsx");
    expect(tsx).toContain("min-[768px]:");
    expect(tsx).toContain("min-[1440px]:");
    expect(tsx).toContain("max-[1440px]:hidden min-[1440px]:self-stretch");
    expect(tsx).toMatch(/min-\[(?:768|1440)px\]:\[[a-z-]+:revert-layer\]/);
    expect(tsx).not.toMatch(/[[:]revert[\]\s"]/);
    const css = (await compileTailwind(set))!.stylesheets[0]!.css.replace(/\s+/g, " ");
    const at768 = css.indexOf("@media (width >= 768px) {");
    const at1440 = css.indexOf("@media (width >= 1440px) {");
    // Narrowest first: a wider screen's rules come later and win.
    expect(at768).toBeGreaterThan(0);
    expect(at1440).toBeGreaterThan(at768);
    expect(css.slice(at768, at1440)).toContain(
      String.raw`.min-\[768px\]\:\[margin\:revert-layer\] { margin: revert-layer; }`,
    );
    expect(css.slice(at1440)).toContain(String.raw`.min-\[1440px\]\:self-stretch { align-self: stretch; }`);
    expect(css).toMatch(/@media \(width < 1440px\) \{[^@]*\.max-\\\[1440px\\\]\\:hidden \{ display: none; \}/);
    expect(typecheckReactProjects([set]).errors).toEqual([[]]);
  }, 120_000);

  it("Vue, Svelte, Angular: one screen, its scoped or component styles with the min-width blocks", async () => {
    const vue = content(
      await files({ target: "vue", styling: "css-modules", nodeIds: true }),
      "src/screens/OrderModal.vue",
    );
    expectWiderBlocks(vue.slice(vue.indexOf("<style scoped>")));
    const svelte = content(
      await files({ target: "svelte", styling: "css-modules", nodeIds: true }),
      "src/screens/OrderModal.svelte",
    );
    expectWiderBlocks(svelte.slice(svelte.indexOf("<style>")).replace(/\n {2}/g, "\n"));
    const angular = await files({ target: "angular", styling: "css-modules", nodeIds: true });
    expectWiderBlocks(content(angular, "src/app/screens/order-modal.css"));
    const tailwind = content(
      await files({ target: "vue", styling: "tailwind", nodeIds: false }),
      "src/screens/OrderModal.vue",
    );
    expect(tailwind).toContain("min-[1440px]:");
  }, 120_000);

  it("React Native: the phone's drawing, each wider drawing's whole style picked by the window's width", async () => {
    const out = await generateCode(page(), { target: "react-native", styling: "css-modules", nodeIds: true });
    const tsx = content(out.files, "src/screens/OrderModal.tsx");
    expect(tsx).toContain("const { width: vw } = useWindowDimensions();");
    expect(tsx).toMatch(/vw >= 1440\s+\? styles\.\w+At1440\s+: vw >= 768\s+\? styles\.\w+At768\s+: styles\.\w+/);
    // A layer the phone does not draw is there, not shown, until its width.
    expect(tsx).toMatch(/\n {2}\w+: \{\n {4}display: "none",\n/);
    expect(tsx).not.toContain("revert");
    expect(out.problems.find((p) => p.code === "react-native-drawings")?.message).toContain("375, 768, 1440 px");
  }, 120_000);
});
