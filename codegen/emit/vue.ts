/**
 * Vue 3 emitter: single-file components (`<script setup lang="ts">`, scoped styles or Tailwind) printed from the same
 * markup tree as React's (build.ts): the same components and props, assets, fonts, tokens, responsive rules and
 * prototype links (vue-router's RouterLink, routes in src/routes.ts). Files: src/screens/*.vue, src/components/*.vue.
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
import { planLinks } from "../prototype/links.js";
import { usageKeepingLinks, routePaths, SMOOTH_SCROLL } from "./links.js";
import { scrollingOf } from "./scrolling.js";
import { statePlan } from "./variant-states.js";
import { REDUCED_MOTION } from "./motion.js";
import { printVue } from "./vue-print.js";

export interface VueOptions {
  styling: "css-modules" | "tailwind";
  nodeIds: boolean;
}

/** A component's own id prop (`data-node-id` on its tag, camelised as Vue does) and the function on it. */
const NODE_ID = "dataNodeId";
const LAYER_ID = "layerId";

interface VueUnit {
  name: string;
  dir: "screens" | "components";
  sheet: Sheet;
  menus: Extract<NavMenuNames, { kind: "state" }>[];
  layerIds: boolean;
}

function usesOf(node: VNode, out: Set<string>, tags: Set<string>): void {
  if (node.type === "use") out.add(node.component);
  else if (node.type === "if") usesOf(node.child, out, tags);
  else if (node.type === "element") {
    tags.add(node.tag);
    for (const c of node.children) usesOf(c, out, tags);
  }
}

/** The Tailwind classes of a class; a named group when its hover restyles its layers (as React's). */
function tailwindOf(sheet: Sheet, cls: string): string {
  const classes = tailwindClasses(sheet.rules.get(cls) ?? [], sheet.pseudo.get(cls), sheet.below.get(cls));
  return sheet.groups.has(cls) ? [`group/${cls}`, classes].filter(Boolean).join(" ") : classes;
}

export function emitVue(doc: DesignDocument, options: VueOptions): EmittedFiles {
  const problems: Problem[] = [];
  const files: SourceFile[] = [];
  const names = new NameScope(["App", "Index", "RouterLink", "RouterView"]);
  const screenNames = doc.frames.map((frame) => names.take(pascalCase(frame.name, "Screen")));
  problems.push(
    ...unspelledNameNotes(
      doc.frames,
      screenNames.map((n) => `src/screens/${n}.vue`),
    ),
  );
  const plan = planComponents(
    doc.frames,
    doc.assets,
    screenNames.concat(["App", "Index", "RouterLink", "RouterView"]),
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

  const contextFor = (unit: VueUnit, def: ComponentDef | undefined): BuildContext => ({
    sheet: unit.sheet,
    nodeIds: options.nodeIds,
    assets: doc.assets,
    // Scoped styles sit in their component's file (src/<dir>/); Tailwind's are compiled from src/.
    urls: { cssUrl: (key) => `${scoped ? "../" : "./"}assets/${assetFileName(key, doc.assets[key])}` },
    imageSrc: (key) => {
      allImages.add(key);
      // Vue's compiler makes a relative src an import of the asset (its transformAssetUrls).
      return `../assets/${assetFileName(key, doc.assets[key])}`;
    },
    classBase: (node, fallback) => camelCase(layerLabel(node), camelCase(fallback)),
    componentFor: usageKeepingLinks((node) => plan.usage(node), links),
    ...tokens,
    ...(def
      ? componentFileContext(plan, def, { nodeId: NODE_ID, layerId: LAYER_ID }, () => (unit.layerIds = true))
      : {}),
    ...(scoped ? {} : { preflight: true }),
    navMenu: () => {
      const base = unit.menus.length === 0 ? "menu" : `menu${unit.menus.length + 1}`;
      const menu = {
        kind: "state" as const,
        open: `${base}Open`,
        setOpen: `set${base[0]!.toUpperCase()}${base.slice(1)}Open`,
        id: `${base}Id`,
        button: `${base}Button`,
      };
      unit.menus.push(menu);
      return menu;
    },
    ...(links && !def ? { links } : {}),
    ...(scrolling ? { scrolling } : {}),
    ...(doc.variants ? { states: statePlan(doc) } : {}),
    problems,
  });

  const writeUnit = (unit: VueUnit, tree: VNode, setup: string[]): void => {
    const used = new Set<string>();
    const tags = new Set<string>();
    usesOf(tree, used, tags);
    used.delete(unit.name);
    const vueNames = [...(unit.menus.length > 0 ? ["ref", "useId"] : [])];
    const imports = [
      ...(vueNames.length > 0 ? [`import { ${vueNames.join(", ")} } from "vue";`] : []),
      ...(tags.has("Link") ? ['import { RouterLink } from "vue-router";'] : []),
      ...[...used]
        .sort()
        .map((c) => `import ${c} from "${unit.dir === "components" ? "." : "../components"}/${c}.vue";`),
      ...(scoped && tokensCss && [...unit.sheet.rules.values()].some((d) => d.some(([, v]) => v.includes("var(--")))
        ? ['import "../tokens.css";']
        : []),
    ];
    const menuLines = unit.menus.flatMap((m) => [
      `const ${m.open} = ref(false);`,
      `const ${m.setOpen} = (open: boolean): void => {`,
      `  ${m.open}.value = open;`,
      "};",
      `const ${m.id} = useId();`,
    ]);
    const script = [...imports, ...(imports.length > 0 && setup.length + menuLines.length > 0 ? [""] : []), ...setup];
    const body = [...script, ...menuLines];
    const style = { classes: (cls: string) => (scoped ? cls : tailwindOf(unit.sheet, cls)) };
    const css = scoped && unit.sheet.rules.size > 0 ? unit.sheet.css() : "";
    const content = [
      ...(body.length > 0 ? ['<script setup lang="ts">', ...body, "</script>", ""] : []),
      "<template>",
      printVue(tree, style, 1),
      "</template>",
      ...(css ? ["", "<style scoped>", css.trimEnd(), "</style>"] : []),
      "",
    ].join("\n");
    files.push({ path: `src/${unit.dir}/${unit.name}.vue`, content });
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
    ];
    const setup: string[] = [];
    if (props.length > 0) {
      setup.push(
        `${unit.layerIds ? "const props = " : ""}withDefaults(defineProps<{`,
        ...props.map(([n, t]) => `  ${n}?: ${t};`),
        "}>(), {",
        ...props.map(([n, , d]) => `  ${n}: ${d},`),
        "});",
      );
    }
    // Figma's id of a layer inside an instance: `I<instance id>;<the layer's id in the component>`.
    if (unit.layerIds)
      setup.push(`const ${LAYER_ID} = (key: string): string => \`I\${props.${NODE_ID}.replace(/^I/, "")};\${key}\`;`);
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
    ...screenNames.map((n) => `export { default as ${n} } from "./screens/${n}.vue";`),
    ...plan.defs.map((d) => `export { default as ${d.name} } from "./components/${d.name}.vue";`),
  ];
  const entryImports = [
    ...(fontFiles.some((f) => f.path === "src/fonts.ts") ? ['import "./fonts";'] : []),
    ...(scoped ? ['import "./global.css";'] : []),
  ];
  files.push({ path: "src/index.ts", content: [...entryImports, ...exports, ""].join("\n") });
  if (links) files.push({ path: "src/routes.ts", content: vueRoutesFile(screenNames, routes) });
  if (scoped)
    files.push({
      path: "src/global.css",
      content:
        "*,\n*::before,\n*::after {\n  box-sizing: border-box;\n}\n\nbody {\n  margin: 0;\n}\n" +
        (links?.smooth ? "\n" + SMOOTH_SCROLL : "") +
        (doc.variants ? "\n" + REDUCED_MOTION : ""),
    });
  files.push({ path: "src/global.d.ts", content: VUE_DECLARATIONS });
  return { files, problems, printed: new Map() };
}

/** src/routes.ts: one route per screen, for the router src/main.ts sets up. */
export function vueRoutesFile(screens: readonly string[], paths: readonly string[]): string {
  return [
    'import type { RouteRecordRaw } from "vue-router";',
    ...screens.map((n) => `import ${n} from "./screens/${n}.vue";`),
    "",
    "/** One route per screen; links between the screens are the prototype's. */",
    "export const routes: RouteRecordRaw[] = [",
    ...screens.map((n, i) => `  { path: ${JSON.stringify(paths[i])}, component: ${n} },`),
    "];",
    "",
  ].join("\n");
}

/** src/global.d.ts: stylesheets' and images' imports, typed (vue-tsc reads the .vue files themselves). */
const VUE_DECLARATIONS = [
  'declare module "*.css";',
  ...["svg", "png", "jpg", "jpeg", "gif", "webp"].flatMap((ext) => [
    `declare module "*.${ext}" {`,
    "  const src: string;",
    "  export default src;",
    "}",
  ]),
  "",
].join("\n");

function newUnit(name: string, dir: VueUnit["dir"]): VueUnit {
  return { name, dir, sheet: new Sheet(["root"]), menus: [], layerIds: false };
}
