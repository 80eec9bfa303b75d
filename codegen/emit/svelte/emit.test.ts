/**
 * The Svelte emitter (emit.ts, print.ts): the markup's idioms, and the whole output of fixture frames checked
 * by `svelte-check` (Svelte's own checker: the components' types in strict mode, and Svelte's compiler errors) with 0
 * errors, the starter project's main and App among them. The check runs once over one project holding several
 * frames' files.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { readFixture } from "../../../test/helpers/fixtures.js";
import { printSvelte } from "./print.js";
import { starterProject } from "../../scaffold/vue-project.js";
import type { VNode } from "../vnode.js";
import { MOTION_FILE } from "../../prototype/motion-design.js";
import { drawnPage, FLORA_ORDER_MODAL } from "../../../test/helpers/drawn-pages.js";
import { OVERLAYS_FILE } from "../../prototype/overlay-design.js";
import { TOGGLE_FILE } from "../../prototype/test-design.js";

const style = { classes: (cls: string) => cls, useClass: (cls: string) => `Home-${cls}` };

describe("printSvelte", () => {
  it("writes Svelte's idioms: class, bound attributes, props as text, {#if}, links, onclick", () => {
    const tree: VNode = {
      type: "element",
      tag: "div",
      cls: "card",
      nodeId: { expr: 'layerId("1:2")', html: "1:2" },
      attrs: [
        ["aria-label", 'Say "hi"'],
        ["title", "{x}"],
      ],
      children: [
        {
          type: "if",
          prop: "showIcon",
          child: { type: "use", component: "Icon", cls: "icon", props: [["big", true]] },
        },
        { type: "element", tag: "Link", attrs: [["to", "/next"]], children: [{ type: "prop", name: "label" }] },
        {
          type: "element",
          tag: "button",
          attrs: [],
          reactAttrs: [
            ["ref", "menuButton"],
            ["aria-expanded", "menuOpen"],
            ["onClick", "() => setMenuOpen(!menuOpen)"],
          ],
          children: [{ type: "text", value: "  two  spaces {x}" }],
        },
        {
          type: "element",
          tag: "button",
          attrs: [],
          reactAttrs: [["onClick", "() => navigate(-1)"]],
          children: [{ type: "text", value: "Back" }],
        },
      ],
    };
    expect(printSvelte(tree, style)).toBe(
      [
        `<div class="card" data-node-id={layerId("1:2")} aria-label="Say &quot;hi&quot;" title={"{x}"}>`,
        '  {#if showIcon}<Icon class="Home-icon" big={true} />{/if}',
        '  <a href="/next" onclick={follow}>{label}</a>',
        "  <button bind:this={menuButton} aria-expanded={menuOpen} onclick={() => setMenuOpen(!menuOpen)}>" +
          '{"  two  spaces {x}"}</button>',
        "  <button onclick={() => history.back()}>Back</button>",
        "</div>",
      ].join("\n"),
    );
  });

  it("keeps a state's class choice, a component root's class prop, text lines and a dialog's ref", () => {
    const menu: VNode = {
      type: "element",
      tag: "p",
      cls: "menu",
      stateCls: { when: "menuOpen", cls: "menuOpen" },
      mergeClassNameProp: true,
      attrs: [],
      children: [{ type: "text", value: "one\ntwo" }],
    };
    expect(printSvelte(menu, style)).toBe(`<p class={[menuOpen ? "menuOpen" : "menu", className]}>one<br />two</p>`);
    const dialog: VNode = {
      type: "element",
      tag: "dialog",
      attrs: [["id", "overlay"]],
      reactAttrs: [["ref", "overlay"]],
      children: [],
    };
    const open: VNode = {
      type: "element",
      tag: "button",
      attrs: [],
      reactAttrs: [["onClick", "() => overlay.current?.showModal()"]],
      children: [],
    };
    expect(printSvelte(dialog, style)).toBe('<dialog id="overlay" bind:this={overlay}></dialog>');
    expect(printSvelte(open, style)).toBe("<button onclick={() => overlay?.showModal()}></button>");
  });

  it("places an instance by a global class of the screen's own, its root taking it as `class`", async () => {
    const design = loadDesign(readFixture("figma-differ-selfie.nodes.json"));
    const code = await generateCode(design.document, { target: "svelte", styling: "css-modules", nodeIds: true });
    const screen = code.files.find((f) => f.path === "src/screens/Selfie.svelte")!.content;
    expect(screen).toMatch(/<Hint class="Selfie-hint" dataNodeId="33459:3752" \/>/);
    expect(screen).toMatch(/^\s*:global\(\.Selfie-hint\) \{/m);
    const item = code.files.find((f) => f.path === "src/components/ListItem.svelte")!.content;
    expect(item).toMatch(/class: className = ""/);
    expect(item).toMatch(/= \$props\(\);/);
    expect(item).toContain('<div class={["listItem", className]} data-node-id={dataNodeId}>');
  });
});

/** Frames with components (nested, repeated, text and visibility props), tokens, SVG icons, prototype links. */
const FRAMES: [file: string, styling: "css-modules" | "tailwind"][] = [
  ["figmagic-design-system.file.json", "css-modules"],
  ["vincegx-home-slideshow.nodes.json", "tailwind"],
  ["figma-differ-selfie.nodes.json", "css-modules"],
  ["vincegx-homepage-landing.nodes.json", "css-modules"],
  // A bar that folds into a menu button on narrow screens (its ref, and Escape giving it the focus back).
  ["vincegx-hero-header.nodes.json", "css-modules"],
];

/**
 * The prototype's designs (codegen/prototype/): page transitions and a timer (src/transitions.ts, the router's `go`,
 * an `$effect`), overlays as dialogs (`bind:this`), a click toggle (`$state`, `aria-pressed`).
 */
const PROTOTYPES: [name: string, file: unknown, styling: "css-modules" | "tailwind"][] = [
  ["motion", MOTION_FILE, "tailwind"],
  ["overlays", OVERLAYS_FILE, "css-modules"],
  ["toggle", TOGGLE_FILE, "css-modules"],
];

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "bundler",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    verbatimModuleSyntax: true,
    // As @tsconfig/svelte: a component without a script is a JavaScript module to TypeScript.
    allowJs: true,
    checkJs: true,
    isolatedModules: true,
    noEmit: true,
    skipLibCheck: true,
    types: ["svelte"],
  },
  include: ["*/src/**/*.ts", "*/src/**/*.svelte"],
};

describe("the Svelte output checks", () => {
  it(`svelte-check (strict) finds 0 errors in ${FRAMES.length + PROTOTYPES.length + 1} designs' output`, {
    timeout: 300_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "figment-svelte-check-"));
    try {
      symlinkSync(resolve("node_modules"), join(dir, "node_modules"));
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG));
      let svelteFiles = 0;
      const designs = [
        ...FRAMES.map(([file, styling]) => [file, loadDesign(readFixture(file)), styling] as const),
        ...PROTOTYPES.map(
          ([name, file, styling]) => [name, loadDesign(file, [], {}, { topLevel: "frames" }), styling] as const,
        ),
        // One page from its drawings at three widths (issue 70).
        ["flora order modal", { document: drawnPage("flora", FLORA_ORDER_MODAL) }, "tailwind"] as const,
      ];
      for (const [i, [file, design, styling]] of designs.entries()) {
        const code = await generateCode(design.document, { target: "svelte", styling, nodeIds: true });
        // The starter's src/main.ts and src/App.svelte too (svelte-project.ts).
        for (const f of starterProject(code.files, { target: "svelte", styling, name: file })) {
          if (f.bytes || !/\.(?:ts|svelte|css)$/.test(f.path) || f.path.endsWith(".config.ts")) continue;
          if (f.path.endsWith(".svelte")) svelteFiles++;
          const path = join(dir, `p${i}`, f.path);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, f.content);
        }
      }
      expect(svelteFiles).toBeGreaterThan(20);
      let output = "";
      try {
        output = execFileSync(
          resolve("node_modules/.bin/svelte-check"),
          ["--workspace", dir, "--tsconfig", join(dir, "tsconfig.json"), "--output", "machine", "--threshold", "error"],
          { cwd: dir, encoding: "utf8" },
        );
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      const completed = output.split("\n").find((l) => / COMPLETED /.test(l)) ?? output;
      expect(output.split("\n").filter((l) => / ERROR /.test(l))).toEqual([]);
      expect(completed).toMatch(/ 0 ERRORS/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
