/**
 * Vue 3 emitter: single-file components (`<script setup lang="ts">`, scoped styles or Tailwind) printed from the same
 * markup tree as React's (build.ts): the same components and props, assets, fonts, tokens, responsive rules and
 * prototype (vue-router's RouterLink, routes in src/routes.ts; overlays as dialogs, page transitions, timers:
 * prototype.ts). Files: src/screens/*.vue, src/components/*.vue.
 */
import type { DesignDocument } from "../../design/types.js";
import type { EmittedFiles, Problem, SourceFile } from "../../types.js";
import { assetFileName } from "../assets.js";
import { buildTree } from "../build.js";
import { pageBuilder } from "../drawings/page.js";
import { propRows, type ComponentDef } from "../components.js";
import { NameScope } from "../names.js";
import { Sheet, type VNode } from "../vnode.js";
import { printVue } from "./print.js";
import { playsTransitions, vueTimer, vueTransitionsTs } from "./prototype.js";
import { dialogRefs } from "../overlays.js";
import { toggleNames } from "../variant-states.js";
import type { PageTimer } from "../../prototype/transitions.js";
import { tailwindOf, useClassRules, usesTokens, type FrameworkUnit } from "../framework-context.js";
import {
  ASSET_DECLARATIONS,
  defaultExports,
  filesAround,
  outlineUnits,
  planFramework,
  transitionFiles,
} from "../framework-steps.js";

export interface VueOptions {
  styling: "css-modules" | "tailwind";
  nodeIds: boolean;
}

/** A component's own id prop (`data-node-id` on its tag, camelised as Vue does) and the function on it. */
const NODE_ID = "dataNodeId";
const LAYER_ID = "layerId";

interface VueUnit extends FrameworkUnit {
  name: string;
  dir: "screens" | "components";
}

function usesOf(node: VNode, out: Set<string>, tags: Set<string>, useClasses: Set<string>): void {
  if (node.type === "use") {
    out.add(node.component);
    if (node.cls !== undefined) useClasses.add(node.cls);
  } else if (node.type === "if") usesOf(node.child, out, tags, useClasses);
  else if (node.type === "element") {
    tags.add(node.tag);
    for (const c of node.children) usesOf(c, out, tags, useClasses);
  }
}

export function emitVue(doc: DesignDocument, options: VueOptions): EmittedFiles {
  const problems: Problem[] = [];
  const files: SourceFile[] = [];
  const reserved = ["App", "Index", "RouterLink", "RouterView"];
  const names = new NameScope(reserved);
  const { screenNames, plan, design } = planFramework(
    doc,
    names,
    { screenPath: (n) => `src/screens/${n}.vue`, reserved, ids: { nodeId: NODE_ID, layerId: LAYER_ID } },
    // The template sees a ref unwrapped.
    { ...options, focusRef: (ref) => `${ref}?.focus()`, toggles: true },
    problems,
  );
  const allImages = new Set<string>();
  const { ownStyles: scoped, routes, links, motion, tokensCss } = design;

  const contextFor = (unit: VueUnit, def: ComponentDef | undefined) =>
    design.buildContext(unit, def, {
      imageSrc: (key) => {
        allImages.add(key);
        // Vue's compiler makes a relative src an import of the asset (its transformAssetUrls).
        return `../assets/${assetFileName(key, doc.assets[key])}`;
      },
    });

  const writeUnit = (unit: VueUnit, tree: VNode, setup: string[], timer?: PageTimer): void => {
    const used = new Set<string>();
    const tags = new Set<string>();
    const useClasses = new Set<string>();
    usesOf(tree, used, tags, useClasses);
    used.delete(unit.name);
    const dialogs = dialogRefs(tree);
    // A toggle's state: a ref its button's `:aria-pressed` shows and its click flips (vueHandler).
    const toggles = toggleNames(tree);
    const vueNames = [
      ...(unit.menus.length > 0 || dialogs.length > 0 || toggles.length > 0 ? ["ref"] : []),
      ...(unit.menus.length > 0 ? ["useId"] : []),
      ...(timer ? ["onBeforeUnmount", "onMounted"] : []),
    ].sort();
    const routerNames = [...(tags.has("Link") ? ["RouterLink"] : []), ...(timer ? ["useRouter"] : [])];
    const helpers = [
      ...(playsTransitions(tree, "transitionBack") ? ["transitionBack"] : []),
      ...(playsTransitions(tree) ? ["transitionClick"] : []),
      ...(timer?.transition ? ["withTransition"] : []),
    ];
    const imports = [
      ...(vueNames.length > 0 ? [`import { ${vueNames.join(", ")} } from "vue";`] : []),
      ...(routerNames.length > 0 ? [`import { ${routerNames.join(", ")} } from "vue-router";`] : []),
      ...(helpers.length > 0 ? [`import { ${helpers.join(", ")} } from "../transitions";`] : []),
      ...[...used]
        .sort()
        .map((c) => `import ${c} from "${unit.dir === "components" ? "." : "../components"}/${c}.vue";`),
      ...(scoped && tokensCss && usesTokens(unit.sheet) ? ['import "../tokens.css";'] : []),
      ...(dialogs.length > 0 ? ['import "../overlays.css";'] : []),
    ];
    const menuLines = unit.menus.flatMap((m) => [
      `const ${m.open} = ref(false);`,
      `const ${m.setOpen} = (open: boolean): void => {`,
      `  ${m.open}.value = open;`,
      "};",
      `const ${m.id} = useId();`,
      `const ${m.button} = ref<HTMLButtonElement | null>(null);`,
    ]);
    const prototypeLines = [
      ...dialogs.map((r) => `const ${r} = ref<HTMLDialogElement | null>(null);`),
      ...toggles.map((name) => `const ${name} = ref(false);`),
      ...(timer ? vueTimer(timer, routes[timer.to]!) : []),
    ];
    const own = [...setup, ...menuLines, ...prototypeLines];
    const body = [...imports, ...(imports.length > 0 && own.length > 0 ? [""] : []), ...own];
    // A component's root also takes its parent's scoped rules: its class is its name (`Submit`), which no parent's
    // class (camelCase) is, so a parent's `.submit` does not style it.
    const root = scoped && unit.dir === "components" && tree.type === "element" ? tree.cls : undefined;
    const classes = (cls: string): string => (scoped ? (cls === root ? unit.name : cls) : tailwindOf(unit.sheet, cls));
    // A component's root takes its placement under a name of this file's own (framework-context.ts's useClassRules).
    const style = { classes, useClass: (cls: string) => (scoped ? `${unit.name}-${cls}` : classes(cls)) };
    let css = scoped && unit.sheet.rules.size > 0 ? useClassRules(unit.sheet.css(), unit.name, useClasses, false) : "";
    if (root !== undefined) css = css.replace(new RegExp(`\\.${root}(?![\\w-])`, "g"), `.${unit.name}`);
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

  const writeComponent = (def: ComponentDef, unit: VueUnit, tree: VNode): void => {
    const props = propRows(def, options.nodeIds ? NODE_ID : undefined);
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
  };
  const writeScreen = (unit: VueUnit, tree: VNode, timer: PageTimer | undefined) => writeUnit(unit, tree, [], timer);
  const steps = { unit: newUnit, contextFor, writeScreen, writeComponent };
  outlineUnits(doc, design, { screenNames, plan }, pageBuilder(doc, buildTree), steps);
  const exports = defaultExports(screenNames, plan, ".vue");
  const own = [
    ...(links || motion ? [{ path: "src/routes.ts", content: vueRoutesFile(screenNames, routes) }] : []),
    ...transitionFiles(motion, vueTransitionsTs),
  ];
  files.push(...filesAround(doc, design, allImages, exports, own));
  files.push({ path: "src/global.d.ts", content: ASSET_DECLARATIONS });
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

function newUnit(name: string, dir: VueUnit["dir"]): VueUnit {
  return { name, dir, sheet: new Sheet(["root"]), menus: [], layerIds: false };
}
