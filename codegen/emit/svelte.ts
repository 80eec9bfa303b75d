/**
 * Svelte 5 emitter: components in runes mode (`$props()`, `$state`, `$props.id()`; scoped `<style>` or Tailwind)
 * printed from the same markup tree as React's (build.ts): the same components and props, assets, fonts, tokens,
 * responsive rules and prototype links. Links go through a router of a few lines in the project itself
 * (src/router.svelte.ts: the path as `$state`, history's pushState and popstate) over src/routes.ts, so the project
 * needs no router package and no SvelteKit. Files: src/screens/*.svelte, src/components/*.svelte.
 */
import type { DesignDocument } from "../design/types.js";
import type { EmittedFiles, Problem, SourceFile } from "../types.js";
import { assetDir, assetFileName, imageAssetFiles, imageKeysIn } from "./assets.js";
import { buildTree, type BuildContext } from "./build.js";
import { componentFileContext } from "./component-context.js";
import { planComponents, type ComponentDef } from "./components.js";
import { jsString } from "./markup.js";
import { camelCase, layerLabel, NameScope, pascalCase, unspelledNameNotes } from "./names.js";
import { tailwindClasses } from "./tailwind.js";
import { documentTokensCss, tokenFields } from "../tokens/index.js";
import { Sheet, type VNode } from "./vnode.js";
import { fontStack } from "../fonts/stack.js";
import { fontPlan } from "../fonts/plan.js";
import { fontNotes, reactFontFiles } from "../fonts/output.js";
import type { NavMenuNames } from "./nav-menu.js";
import { newMenu } from "./framework-context.js";
import { planLinks } from "../prototype/links.js";
import { routePaths, SMOOTH_SCROLL } from "./links.js";
import { scrollingOf } from "./scrolling.js";
import { statePlan } from "./variant-states.js";
import { REDUCED_MOTION } from "./motion.js";
import { printSvelte } from "./svelte-print.js";

export interface SvelteOptions {
  styling: "css-modules" | "tailwind";
  nodeIds: boolean;
}

/** A component's own id prop (its root's `data-node-id`) and the function that makes its layers' ids from it. */
const NODE_ID = "dataNodeId";
const LAYER_ID = "layerId";
const RESERVED = ["App", "Index"];

interface SvelteUnit {
  name: string;
  dir: "screens" | "components";
  sheet: Sheet;
  menus: Extract<NavMenuNames, { kind: "state" }>[];
  layerIds: boolean;
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
}

function usesOf(node: VNode, out: Uses): void {
  if (node.type === "use") {
    out.components.add(node.component);
    if (node.cls !== undefined) out.useClasses.add(node.cls);
  } else if (node.type === "if") usesOf(node.child, out);
  else if (node.type === "element") {
    out.tags.add(node.tag);
    for (const [k, v] of node.reactAttrs ?? []) if (k === "ref" && node.tag === "dialog") out.dialogs.push(v);
    for (const c of node.children) usesOf(c, out);
  }
}

/** The Tailwind classes of a class; a named group when its hover restyles its layers (as React's). */
function tailwindOf(sheet: Sheet, cls: string): string {
  const classes = tailwindClasses(sheet.rules.get(cls) ?? [], sheet.pseudo.get(cls), sheet.below.get(cls));
  return sheet.groups.has(cls) ? [`group/${cls}`, classes].filter(Boolean).join(" ") : classes;
}

/**
 * A component's placement in its parent's scoped style: Svelte scopes a rule to the file's own elements, and the
 * class goes to the component's root, so the rule is global under a name of the file's own (`Home-card`).
 */
function globalUseRules(css: string, unit: string, classes: Iterable<string>): string {
  let out = css;
  for (const cls of classes)
    out = out.replace(new RegExp(`\\.${cls}(?![\\w-])`, "g"), () => `:global(.${unit}-${cls})`);
  return out;
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

export function emitSvelte(doc: DesignDocument, options: SvelteOptions): EmittedFiles {
  const problems: Problem[] = [];
  const files: SourceFile[] = [];
  const names = new NameScope(RESERVED);
  const screenNames = doc.frames.map((frame) => names.take(pascalCase(frame.name, "Screen")));
  problems.push(
    ...unspelledNameNotes(
      doc.frames,
      screenNames.map((n) => `src/screens/${n}.svelte`),
    ),
  );
  const plan = planComponents(
    doc.frames,
    doc.assets,
    screenNames.concat(RESERVED),
    () => false,
    options.nodeIds ? [NODE_ID, LAYER_ID] : [],
  );
  const scoped = options.styling === "css-modules";
  const allImages = new Set<string>();
  const routes = routePaths(
    doc.frames,
    (doc.prototype?.starts ?? []).map((s) => s.nodeId),
  );
  const links = planLinks(doc, (i) => routes[i]!, true);
  const scrolling = scrollingOf(doc);
  const tokens = tokenFields(doc, scoped ? "css" : "tailwind");
  const tokensCss = documentTokensCss(doc, scoped ? "css" : "tailwind");

  const contextFor = (unit: SvelteUnit, def: ComponentDef | undefined): BuildContext => ({
    sheet: unit.sheet,
    nodeIds: options.nodeIds,
    assets: doc.assets,
    // Scoped styles sit in their component's file (src/<dir>/); Tailwind's are compiled from src/.
    urls: { cssUrl: (key) => `${scoped ? "../" : "./"}assets/${assetFileName(key, doc.assets[key])}` },
    imageSrc: (key) => {
      allImages.add(key);
      // Svelte leaves a src as written: the image is imported, so the bundler copies it and gives its URL.
      const file = assetFileName(key, doc.assets[key]);
      const ident = unit.images.get(file) ?? camelCase(file.replace(/\.[a-z]+$/, ""), "image") + "Src";
      unit.images.set(file, ident);
      return { expr: ident, html: `../assets/${file}` };
    },
    classBase: (node, fallback) => camelCase(layerLabel(node), camelCase(fallback)),
    componentFor: (node) => plan.usage(node),
    ...tokens,
    ...(def
      ? componentFileContext(plan, def, { nodeId: NODE_ID, layerId: LAYER_ID }, () => (unit.layerIds = true))
      : {}),
    ...(scoped ? {} : { preflight: true }),
    // The button's ref is the element itself (`bind:this`).
    navMenu: () => newMenu(unit, (ref) => `${ref}?.focus()`),
    ...(links && !def ? { links } : {}),
    ...(scrolling ? { scrolling } : {}),
    ...(doc.variants ? { states: statePlan(doc) } : {}),
    problems,
  });

  const writeUnit = (unit: SvelteUnit, tree: VNode, props: string[]): void => {
    const uses: Uses = { components: new Set(), tags: new Set(), useClasses: new Set(), dialogs: [] };
    usesOf(tree, uses);
    uses.components.delete(unit.name);
    const imports = [
      ...[...uses.components]
        .sort()
        .map((c) => `import ${c} from "${unit.dir === "components" ? "." : "../components"}/${c}.svelte";`),
      ...(uses.tags.has("Link") ? ['import { follow } from "../router.svelte";'] : []),
      ...[...unit.images].map(([file, ident]) => `import ${ident} from "../assets/${file}";`),
      ...(scoped && tokensCss && [...unit.sheet.rules.values()].some((d) => d.some(([, v]) => v.includes("var(--")))
        ? ['import "../tokens.css";']
        : []),
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
    ];
    const body = [...imports, ...(imports.length > 0 && props.length + state.length > 0 ? [""] : []), ...props];
    body.push(...state);
    const useClass = (cls: string): string => (scoped ? `${unit.name}-${cls}` : tailwindOf(unit.sheet, cls));
    const style = { classes: (cls: string) => (scoped ? cls : tailwindOf(unit.sheet, cls)), useClass };
    const css = scoped && unit.sheet.rules.size > 0 ? unit.sheet.css() : "";
    const content = [
      ...(body.length > 0 ? ['<script lang="ts">', ...body.map((l) => (l ? `  ${l}` : l)), "</script>", ""] : []),
      printSvelte(tree, style),
      ...(css
        ? ["", "<style>", ...globalUseRules(css.trimEnd(), unit.name, uses.useClasses).split("\n"), "</style>"]
        : []),
      "",
    ].join("\n");
    files.push({ path: `src/${unit.dir}/${unit.name}.svelte`, content });
  };

  doc.frames.forEach((frame, index) => {
    const unit = newUnit(screenNames[index]!, "screens");
    writeUnit(unit, buildTree(frame, contextFor(unit, undefined)), []);
  });

  for (const def of plan.defs) {
    const unit = newUnit(def.name, "components");
    const tree = buildTree(def.canonical, contextFor(unit, def), true, def.unitWidth);
    const props = [
      ...(options.nodeIds ? [[NODE_ID, "string", jsString(def.canonical.id)] as const] : []),
      ...def.props.map(
        (p) =>
          [
            p.name,
            p.kind === "text" ? "string" : "boolean",
            typeof p.defaultValue === "string" ? jsString(p.defaultValue) : String(p.defaultValue),
          ] as const,
      ),
      // The placement its instance passes, on its root.
      ["class", "string", '""'] as const,
    ];
    const setup = propsLines(props);
    // Figma's id of a layer inside an instance: `I<instance id>;<the layer's id in the component>`.
    if (unit.layerIds)
      setup.push(`const ${LAYER_ID} = (key: string): string => \`I\${${NODE_ID}.replace(/^I/, "")};\${key}\`;`);
    writeUnit(unit, tree, setup);
  }

  for (const key of imageKeysIn(doc.frames)) allImages.add(key);
  files.push(...imageAssetFiles(allImages, doc.assets, assetDir("react")));
  if (tokensCss)
    files.push({
      path: "src/tokens.css",
      content: scoped
        ? tokensCss
        : `/* Design tokens as the Tailwind theme: import after tailwindcss ` +
          `(@import "tailwindcss"; @import "./tokens.css";). */\n${tokensCss}`,
    });
  const fonts = fontPlan(doc.frames);
  const fontFiles = reactFontFiles(fonts, options.styling, fontStack);
  files.push(...fontFiles);
  problems.push(...fontNotes(fonts, { stylesheet: "src/fonts.css", packagesToAdd: true }));
  const exports = [
    ...screenNames.map((n) => `export { default as ${n} } from "./screens/${n}.svelte";`),
    ...plan.defs.map((d) => `export { default as ${d.name} } from "./components/${d.name}.svelte";`),
  ];
  const entryImports = [
    ...(fontFiles.some((f) => f.path === "src/fonts.ts") ? ['import "./fonts";'] : []),
    ...(scoped ? ['import "./global.css";'] : []),
  ];
  files.push({ path: "src/index.ts", content: [...entryImports, ...exports, ""].join("\n") });
  if (links) {
    files.push({ path: "src/routes.ts", content: svelteRoutesFile(screenNames, routes) });
    files.push({ path: "src/router.svelte.ts", content: SVELTE_ROUTER });
  }
  if (scoped)
    files.push({
      path: "src/global.css",
      content:
        "*,\n*::before,\n*::after {\n  box-sizing: border-box;\n}\n\nbody {\n  margin: 0;\n}\n" +
        (links?.smooth ? "\n" + SMOOTH_SCROLL : "") +
        (doc.variants ? "\n" + REDUCED_MOTION : ""),
    });
  files.push({ path: "src/global.d.ts", content: SVELTE_DECLARATIONS });
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

/** src/router.svelte.ts: the path shown, as state, and a link's click that goes there in place. */
const SVELTE_ROUTER = `/** The path whose screen src/App.svelte shows (back and forward set it through popstate). */
export const route = $state({ path: location.pathname });

/** A link's click: its screen, in place (no page load); a click that opens a new tab is the browser's. */
export function follow(event: MouseEvent): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const to = (event.currentTarget as HTMLAnchorElement).getAttribute("href") ?? "/";
  history.pushState(null, "", to);
  route.path = to;
}
`;

/** src/global.d.ts: stylesheets' and images' imports, typed (svelte-check reads the .svelte files themselves). */
const SVELTE_DECLARATIONS = [
  'declare module "*.css";',
  ...["svg", "png", "jpg", "jpeg", "gif", "webp"].flatMap((ext) => [
    `declare module "*.${ext}" {`,
    "  const src: string;",
    "  export default src;",
    "}",
  ]),
  "",
].join("\n");

function newUnit(name: string, dir: SvelteUnit["dir"]): SvelteUnit {
  return { name, dir, sheet: new Sheet(["root"]), menus: [], layerIds: false, images: new Map() };
}
