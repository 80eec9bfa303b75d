/**
 * The Angular emitter (emit.ts, print.ts): the template's idioms, and the whole output of fixture frames
 * and prototypes compiled by Angular's own compiler (`ngc -p`, ngtsc, with `strict` and `strictTemplates`) with 0
 * errors. One ngc run over one project holding several frames' files; a broken template is reported by it.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { readFileSync } from "node:fs";
import { readFixture } from "../../../test/helpers/fixtures.js";
import { fixturesRoot } from "../../../test/helpers/responsive-frames.js";
import { ngExpr, printAngular } from "./print.js";
import { hostRules, inlineTemplate } from "./emit.js";
import type { VNode } from "../vnode.js";
import type { DesignDocument } from "../../design/types.js";
import type { SourceFile } from "../../types.js";
import { MOTION_FILE } from "../../prototype/motion-design.js";
import { drawnPage, FLORA_ORDER_MODAL } from "../../../test/helpers/drawn-pages.js";
import { OVERLAYS_FILE } from "../../prototype/overlay-design.js";

const style = {
  classes: (cls: string) => cls,
  signals: new Set(["menuOpen", "label", "shown"]),
  host: (c: string) => ({ attr: `app-${c.toLowerCase()}`, tag: "button" }),
};

describe("printAngular", () => {
  it("writes Angular's idioms: signals called, @if, routerLink, (click), template references, host instances", () => {
    const tree: VNode = {
      type: "element",
      tag: "div",
      cls: "root",
      stateCls: { when: "menuOpen", cls: "open" },
      attrs: [["aria-controls", { expr: "menuId", html: "menu" }]],
      children: [
        { type: "element", tag: "p", attrs: [], children: [{ type: "prop", name: "label" }] },
        { type: "if", prop: "shown", child: { type: "use", component: "Card", props: [["label", "Hi"]], cls: "card" } },
        { type: "element", tag: "Link", attrs: [["to", "/next"]], children: [{ type: "text", value: "{a} @b" }] },
        {
          type: "element",
          tag: "button",
          attrs: [],
          reactAttrs: [
            ["ref", "menuButton"],
            ["onClick", "() => setMenuOpen(!menuOpen)"],
          ],
          children: [],
        },
      ],
    };
    expect(printAngular(tree, style)).toBe(
      [
        `<div [class]="menuOpen() ? 'open' : 'root'" [attr.aria-controls]="menuId">`,
        "  <p>{{ label() }}</p>",
        '  @if (shown()) {<button app-card class="card" label="Hi"></button>}',
        '  <a routerLink="/next">&#123;a&#125; &#64;b</a>',
        '  <button #menuButton (click)="menuOpen.set(!menuOpen())"></button>',
        "</div>",
      ].join("\n"),
    );
  });

  it("keeps a run's lone space (Angular drops whitespace-only text): &ngsp;", () => {
    const words: VNode = {
      type: "element",
      tag: "h1",
      attrs: [],
      children: [
        { type: "text", value: "A" },
        { type: "element", tag: "span", cls: "big", inline: true, attrs: [], children: [{ type: "text", value: " " }] },
        { type: "text", value: "quiet" },
      ],
    };
    expect(printAngular(words, style)).toBe('<h1>A<span class="big">&ngsp;</span>quiet</h1>');
  });

  it("writes a one-line template in the decorator, a longer one in its own file", () => {
    expect(inlineTemplate('<main class="root" data-node-id="1:2"></main>')).toBe(
      '`<main class="root" data-node-id="1:2"></main>`',
    );
    expect(inlineTemplate("")).toBe('""');
    expect(inlineTemplate("<p>a</p>\n<p>b</p>")).toBeUndefined();
    expect(inlineTemplate(`<p class="x">${"word ".repeat(20)}</p>`)).toBeUndefined();
  });

  it("says a dialog's ref as the template reference itself, and a component's root rules as :host", () => {
    expect(ngExpr("() => { overlayA.current?.close(); overlayB.current?.showModal(); }", new Set())).toBe(
      "overlayA.close(); overlayB.showModal()",
    );
    expect(hostRules(".card {\n}\n.card:hover .label {\n}\n.cardBody {\n}", "card")).toBe(
      ":host {\n}\n:host(:hover) .label {\n}\n.cardBody {\n}",
    );
  });
});

/** Frames with components (nested, repeated, text and visibility props), tokens, SVG icons, a menu, prototypes. */
const DESIGNS: (readonly [name: string, document: () => DesignDocument, styling: "css-modules" | "tailwind"])[] = [
  ...(
    [
      ["figmagic-design-system.file.json", "css-modules"],
      ["vincegx-home-slideshow.nodes.json", "tailwind"],
      ["figma-differ-selfie.nodes.json", "css-modules"],
      ["vincegx-homepage-landing.nodes.json", "css-modules"],
      // A bar that folds into a menu button on narrow screens (its signal, and Escape giving it the focus back).
      ["vincegx-hero-header.nodes.json", "css-modules"],
    ] as const
  ).map(([file, styling]) => [file, () => loadDesign(readFixture(file)).document, styling] as const),
  // A component named "Component" (not Angular's decorator), and a heading of runs split by lone spaces.
  ...(
    [
      ["singit-onboarding.nodes.json", "1:249"],
      ["attic-landing.file.json", "1:2"],
    ] as const
  ).map(
    ([file, node]) =>
      [
        file,
        () =>
          loadDesign(JSON.parse(readFileSync(join(fixturesRoot(), "real", file), "utf8")) as unknown, [node]).document,
        "css-modules",
      ] as const,
  ),
  ["motion", () => loadDesign(MOTION_FILE, ["3:1", "4:1", "5:1"]).document, "css-modules"],
  ["overlays", () => loadDesign(OVERLAYS_FILE, [], {}, { topLevel: "frames" }).document, "tailwind"],
  // One page from its drawings at three widths (issue 70).
  ["flora order modal", () => drawnPage("flora", FLORA_ORDER_MODAL), "css-modules"],
  ["flora order modal (tailwind)", () => drawnPage("flora", FLORA_ORDER_MODAL), "tailwind"],
];

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "ES2022",
    moduleResolution: "bundler",
    lib: ["ES2022", "DOM"],
    strict: true,
    noImplicitOverride: true,
    noImplicitReturns: true,
    skipLibCheck: true,
    outDir: "out",
    types: [],
  },
  angularCompilerOptions: { strictTemplates: true, strictInjectionParameters: true, strictInputAccessModifiers: true },
  include: ["*/src/**/*.ts"],
};

/** ngc's output over the files of each design (one project, a folder each); "" when it reports nothing. */
function ngc(designs: SourceFile[][]): string {
  const dir = mkdtempSync(join(tmpdir(), "figment-ngc-"));
  try {
    symlinkSync(resolve("node_modules"), join(dir, "node_modules"));
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG));
    for (const [i, files] of designs.entries())
      for (const f of files) {
        if (f.bytes) continue;
        const path = join(dir, `p${i}`, f.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, f.content);
      }
    try {
      execFileSync(
        process.execPath,
        [resolve("node_modules/@angular/compiler-cli/bundles/src/bin/ngc.js"), "-p", dir],
        {
          cwd: dir,
          encoding: "utf8",
          stdio: "pipe",
        },
      );
      return "";
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      return `${e.stdout ?? ""}${e.stderr ?? ""}` || String(error);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the Angular output compiles", () => {
  it(`ngc (strict, strictTemplates) finds 0 errors in ${DESIGNS.length} designs' output`, {
    timeout: 600_000,
  }, async () => {
    const outputs: SourceFile[][] = [];
    for (const [, document, styling] of DESIGNS)
      outputs.push((await generateCode(document(), { target: "angular", styling, nodeIds: true })).files);
    expect(outputs.flat().filter((f) => f.path.endsWith(".html")).length).toBeGreaterThan(20);
    expect(ngc(outputs)).toBe("");
    // The check can fail: a template that reads what its class does not have.
    const broken = outputs[2]!.map((f) =>
      f.path === "src/app/screens/selfie.html" ? { ...f, content: `${f.content}{{ missing() }}\n` } : f,
    );
    expect(ngc([broken])).toMatch(/Property 'missing' does not exist/);
  });
});
