/**
 * The Vue emitter (emit.ts, print.ts): the template's idioms, and the whole output of fixture frames type-checked
 * by `vue-tsc` (Vue's own checker, strict) with 0 errors, the starter project's main and App among them. The check
 * runs vue-tsc once over one project holding several frames' files (~20 s on the 2-core machine).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { readFixture } from "../../../test/helpers/fixtures.js";
import { printVue } from "./print.js";
import { starterProject } from "../../scaffold/vue-project.js";
import type { VNode } from "../vnode.js";
import type { DesignDocument } from "../../design/types.js";
import { MOTION_FILE } from "../../prototype/motion-design.js";
import { OVERLAYS_FILE } from "../../prototype/overlay-design.js";
import { drawnPage, FLORA_ORDER_MODAL } from "../../../test/helpers/drawn-pages.js";

const style = { classes: (cls: string) => cls };

describe("printVue", () => {
  it("writes Vue's idioms: class, bound attributes, props as text, v-if, RouterLink, @click", () => {
    const tree: VNode = {
      type: "element",
      tag: "div",
      cls: "card",
      nodeId: { expr: 'layerId("1:2")', html: "1:2" },
      attrs: [["aria-label", 'Say "hi"']],
      children: [
        { type: "if", prop: "showIcon", child: { type: "use", component: "Icon", props: [["big", true]] } },
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
      ],
    };
    expect(printVue(tree, style)).toBe(
      [
        `<div class="card" :data-node-id="layerId('1:2')" aria-label="Say &quot;hi&quot;">`,
        '  <Icon v-if="showIcon" :big="true" />',
        '  <RouterLink to="/next">{{ label }}</RouterLink>',
        '  <button ref="menuButton" :aria-expanded="menuOpen" @click="() => setMenuOpen(!menuOpen)">' +
          '{{ "  two  spaces {x}" }}</button>',
        "</div>",
      ].join("\n"),
    );
  });

  it("keeps a state's class choice and text lines", () => {
    const tree: VNode = {
      type: "element",
      tag: "p",
      cls: "menu",
      stateCls: { when: "menuOpen", cls: "menuOpen" },
      attrs: [],
      children: [{ type: "text", value: "one\ntwo" }],
    };
    expect(printVue(tree, style)).toBe(`<p :class="menuOpen ? 'menuOpen' : 'menu'">one<br />two</p>`);
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

/** The prototype's designs too: dialogs with refs, page transitions, a screen's timer (prototype.ts). */
const PROTOTYPES: [name: string, document: () => DesignDocument, styling: "css-modules" | "tailwind"][] = [
  ["motion", () => loadDesign(MOTION_FILE, ["3:1", "4:1", "5:1"]).document, "css-modules"],
  ["overlays", () => loadDesign(OVERLAYS_FILE, [], {}, { topLevel: "frames" }).document, "tailwind"],
  // One page from its drawings at three widths (issue 70).
  ["flora order modal", () => drawnPage("flora", FLORA_ORDER_MODAL), "css-modules"],
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
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  include: ["*/src/**/*.ts", "*/src/**/*.vue"],
};

describe("the Vue output type-checks", () => {
  it(`vue-tsc (strict) finds 0 errors in ${FRAMES.length} fixtures' and ${PROTOTYPES.length} prototypes' output`, {
    timeout: 300_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "figment-vue-tsc-"));
    try {
      symlinkSync(resolve("node_modules"), join(dir, "node_modules"));
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG));
      let vueFiles = 0;
      const designs = [
        ...FRAMES.map(([file, styling]) => [file, () => loadDesign(readFixture(file)).document, styling] as const),
        ...PROTOTYPES,
      ];
      for (const [i, [file, document, styling]] of designs.entries()) {
        const code = await generateCode(document(), { target: "vue", styling, nodeIds: true });
        // The starter's src/main.ts and src/App.vue too (vue-project.ts).
        for (const f of starterProject(code.files, { target: "vue", styling, name: file })) {
          if (f.bytes) continue;
          if (f.path.endsWith(".vue")) vueFiles++;
          const path = join(dir, `p${i}`, f.path);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, f.content);
        }
      }
      expect(vueFiles).toBeGreaterThan(20);
      let output = "";
      try {
        execFileSync(resolve("node_modules/.bin/vue-tsc"), ["-p", dir], { cwd: dir, encoding: "utf8" });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      expect(output).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
