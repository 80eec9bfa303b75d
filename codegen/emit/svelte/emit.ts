/**
 * Svelte 5 emitter: components in runes mode (`$props()`, `$state`, `$props.id()`; scoped `<style>` or Tailwind)
 * printed from the same markup tree as React's (build.ts): the same components and props, assets, fonts, tokens,
 * responsive rules and prototype links. Links go through a router of a few lines in the project itself
 * (src/router.svelte.ts: the path as `$state`, history's pushState and popstate) over src/routes.ts, so the project
 * needs no router package and no SvelteKit. Files: src/screens/*.svelte, src/components/*.svelte.
 */
import type { DesignDocument } from "../../design/types.js";
import type { EmittedFiles, Problem, SourceFile } from "../../types.js";
import { assetFileName } from "../assets.js";
import { buildTree } from "../build.js";
import { pageBuilder } from "../drawings/page.js";
import { propRows, type ComponentDef } from "../components.js";
import { camelCase, NameScope } from "../names.js";
import { Sheet, type VNode } from "../vnode.js";
import { tailwindOf, useClassRules, usesTokens, type FrameworkUnit } from "../framework-context.js";
import {
  ASSET_DECLARATIONS,
  defaultExports,
  filesAround,
  outlineUnits,
  planFramework,
  transitionFiles,
} from "../framework-steps.js";
import type { PageTimer } from "../../prototype/transitions.js";
import { printSvelte } from "./print.js";
import {
  handlerImports,
  svelteHandler,
  svelteTransitionsTs,
  svelteRouter,
  svelteTimer,
  toggleState,
} from "./prototype.js";

export interface SvelteOptions {
  styling: "css-modules" | "tailwind";
  nodeIds: boolean;
}

/** A component's own id prop (its root's `data-node-id`) and the function that makes its layers' ids from it. */
const NODE_ID = "dataNodeId";
const LAYER_ID = "layerId";
const RESERVED = ["App", "Index"];

interface SvelteUnit extends FrameworkUnit {
  name: string;
  dir: "screens" | "components";
  /** Image file → the name its import binds. */
  images: Map<string, string>;
}

interface Uses {
  components: Set<string>;
  tags: Set<string>;
  /** Classes an instance is placed by (passed to the component as `class`). */
  useClasses: Set<string>;
  /** Dialogs' refs (`bind:this`). */
  dialogs: string[];
  /** Toggles' states (`aria-pressed={pressed}`). */
  toggles: string[];
  /** Event handlers, as Svelte says them. */
  handlers: string[];
  /** A link follows its href through the router (one that plays a page transition has a handler of its own). */
  follows: boolean;
}

function usesOf(node: VNode, out: Uses): void {
  if (node.type === "use") {
    out.components.add(node.component);
    if (node.cls !== undefined) out.useClasses.add(node.cls);
  } else if (node.type === "if") usesOf(node.child, out);
  else if (node.type === "element") {
    out.tags.add(node.tag);
    if (node.tag === "Link" && !node.reactAttrs?.some(([k]) => k === "onClick")) out.follows = true;
    for (const [k, v] of node.reactAttrs ?? []) {
      if (k === "ref" && node.tag === "dialog") out.dialogs.push(v);
      else if (k === "aria-pressed") out.toggles.push(v);
      else if (k.startsWith("on")) out.handlers.push(svelteHandler(v));
    }
    for (const c of node.children) usesOf(c, out);
  }
}

/** `let { … }: { … } = $props();` on one line when it fits, else one prop a line. */
function propsLines(props: (readonly [name: string, type: string, value: string])[]): string[] {
  const bind = (n: string, d: string): string => (n === "class" ? `class: className = ${d}` : `${n} = ${d}`);
  const one = `let { ${props.map(([n, , d]) => bind(n, d)).join(", ")} }: { ${props
    .map(([n, t]) => `${n}?: ${t}`)
    .join("; ")} } = $props();`;
  if (one.length <= 100) return [one];
  return [
    "let {",
    ...props.map(([n, , d]) => `  ${bind(n, d)},`),
    "}: {",
    ...props.map(([n, t]) => `  ${n}?: ${t};`),
    "} = $props();",
  ];
}

/**
 * The screen's rules of its components' placements (useClassRules, global). A page drawn at several widths
 * (drawings/page.ts) hides a component at some widths, which its root's own rule (`.root.svelte-…`, two classes)
 * would outweigh: those placements' selectors are said twice, as heavy, and come after the component's own.
 */
function placed(css: string, unit: { name: string; sheet: Sheet }, classes: Iterable<string>): string {
  let out = useClassRules(css, unit.name, classes, true);
  for (const cls of classes)
    if (unit.sheet.above.has(cls)) {
      const one = `.${unit.name}-${cls}`;
      out = out.split(`:global(${one})`).join(`:global(${one}${one})`);
    }
  return out;
}

export function emitSvelte(doc: DesignDocument, options: SvelteOptions): EmittedFiles {
  const problems: Problem[] = [];
  const files: SourceFile[] = [];
  const names = new NameScope(RESERVED);
  const { screenNames, plan, design } = planFramework(
    doc,
    names,
    { screenPath: (n) => `src/screens/${n}.svelte`, reserved: RESERVED, ids: { nodeId: NODE_ID, layerId: LAYER_ID } },
    // The button's ref is the element itself (`bind:this`); a toggle is a `$state` (prototype.ts).
    { ...options, focusRef: (ref) => `${ref}?.focus()`, toggles: true },
    problems,
  );
  const allImages = new Set<string>();
  const { ownStyles: scoped, routes, links, motion, tokensCss } = design;

  const contextFor = (unit: SvelteUnit, def: ComponentDef | undefined) =>
    design.buildContext(unit, def, {
      imageSrc: (key) => {
        allImages.add(key);
        // Svelte leaves a src as written: the image is imported, so the bundler copies it and gives its URL.
        const file = assetFileName(key, doc.assets[key]);
        const ident = unit.images.get(file) ?? camelCase(file.replace(/\.[a-z]+$/, ""), "image") + "Src";
        unit.images.set(file, ident);
        return { expr: ident, html: `../assets/${file}` };
      },
    });
  // Something navigates by script: the router's `go`.
  const scripted = motion !== undefined;

  const writeUnit = (unit: SvelteUnit, tree: VNode, props: string[], timer?: PageTimer): void => {
    const uses: Uses = {
      components: new Set(),
      tags: new Set(),
      useClasses: new Set(),
      dialogs: [],
      toggles: [],
      handlers: [],
      follows: false,
    };
    usesOf(tree, uses);
    uses.components.delete(unit.name);
    const calls = handlerImports(timer ? [...uses.handlers, ...svelteTimer(timer, "")] : uses.handlers);
    const routerNames = [...(uses.follows ? ["follow"] : []), ...calls.router];
    const imports = [
      ...[...uses.components]
        .sort()
        .map((c) => `import ${c} from "${unit.dir === "components" ? "." : "../components"}/${c}.svelte";`),
      ...(routerNames.length > 0 ? [`import { ${routerNames.join(", ")} } from "../router.svelte";`] : []),
      ...(calls.transitions.length > 0 ? [`import { ${calls.transitions.join(", ")} } from "../transitions";`] : []),
      ...[...unit.images].map(([file, ident]) => `import ${ident} from "../assets/${file}";`),
      ...(scoped && tokensCss && usesTokens(unit.sheet) ? ['import "../tokens.css";'] : []),
      ...(uses.dialogs.length > 0 ? ['import "../overlays.css";'] : []),
    ];
    const state = [
      ...uses.dialogs.map((ref) => `let ${ref}: HTMLDialogElement | undefined = $state();`),
      ...unit.menus.flatMap((m) => [
        `let ${m.open} = $state(false);`,
        `const ${m.setOpen} = (open: boolean): void => {`,
        `  ${m.open} = open;`,
        "};",
        `const ${m.id} = $props.id();`,
        `let ${m.button}: HTMLButtonElement | undefined = $state();`,
      ]),
      ...uses.toggles.map(toggleState),
      ...(timer ? svelteTimer(timer, routes[timer.to]!) : []),
    ];
    const body = [...imports, ...(imports.length > 0 && props.length + state.length > 0 ? [""] : []), ...props];
    body.push(...state);
    const useClass = (cls: string): string => (scoped ? `${unit.name}-${cls}` : tailwindOf(unit.sheet, cls));
    const style = { classes: (cls: string) => (scoped ? cls : tailwindOf(unit.sheet, cls)), useClass };
    const css = scoped && unit.sheet.rules.size > 0 ? unit.sheet.css() : "";
    const content = [
      ...(body.length > 0 ? ['<script lang="ts">', ...body.map((l) => (l ? `  ${l}` : l)), "</script>", ""] : []),
      printSvelte(tree, style),
      ...(css ? ["", "<style>", ...placed(css.trimEnd(), unit, uses.useClasses).split("\n"), "</style>"] : []),
      "",
    ].join("\n");
    files.push({ path: `src/${unit.dir}/${unit.name}.svelte`, content });
  };

  const writeComponent = (def: ComponentDef, unit: SvelteUnit, tree: VNode): void => {
    const props = [
      ...propRows(def, options.nodeIds ? NODE_ID : undefined),
      // The placement its instance passes, on its root.
      ["class", "string", '""'] as const,
    ];
    const setup = propsLines(props);
    // Figma's id of a layer inside an instance: `I<instance id>;<the layer's id in the component>`.
    if (unit.layerIds)
      setup.push(`const ${LAYER_ID} = (key: string): string => \`I\${${NODE_ID}.replace(/^I/, "")};\${key}\`;`);
    writeUnit(unit, tree, setup);
  };
  const writeScreen = (unit: SvelteUnit, tree: VNode, timer: PageTimer | undefined) => writeUnit(unit, tree, [], timer);
  const steps = { unit: newUnit, contextFor, writeScreen, writeComponent };
  outlineUnits(doc, design, { screenNames, plan }, pageBuilder(doc, buildTree), steps);
  const exports = defaultExports(screenNames, plan, ".svelte");
  const router = (): SourceFile[] => [
    { path: "src/routes.ts", content: svelteRoutesFile(screenNames, routes) },
    { path: "src/router.svelte.ts", content: svelteRouter(scripted) },
  ];
  const own = [...(links || motion ? router() : []), ...transitionFiles(motion, svelteTransitionsTs)];
  files.push(...filesAround(doc, design, allImages, exports, own));
  files.push({ path: "src/global.d.ts", content: ASSET_DECLARATIONS });
  return { files, problems, printed: new Map() };
}

/** src/routes.ts: the screen at each path, for src/App.svelte. */
export function svelteRoutesFile(screens: readonly string[], paths: readonly string[]): string {
  return [
    'import type { Component } from "svelte";',
    ...screens.map((n) => `import ${n} from "./screens/${n}.svelte";`),
    "",
    "/** One screen per path; links between the screens are the prototype's. */",
    "export const routes: Record<string, Component> = {",
    ...screens.map((n, i) => `  ${JSON.stringify(paths[i])}: ${n},`),
    "};",
    "",
  ].join("\n");
}

function newUnit(name: string, dir: SvelteUnit["dir"]): SvelteUnit {
  return { name, dir, sheet: new Sheet(["root"]), menus: [], layerIds: false, images: new Map() };
}
