/** React (TSX) emitter: one file per screen, one per component, CSS modules or Tailwind. */
import type { DesignDocument } from "../design/types.js";
import type { EmittedFiles, Problem, SourceFile } from "../types.js";
import { assetDir, assetFileName, imageAssetFiles, imageKeysIn } from "./assets.js";
import { buildTree, type BuildContext } from "./build.js";
import { componentFileContext } from "./component-context.js";
import { planComponents, type ComponentDef, type ComponentPlan } from "./components.js";
import { jsString, printJsx, type MarkupStyle } from "./markup.js";
import { camelCase, layerLabel, NameScope, pascalCase, unspelledNameNotes } from "./names.js";
import { tailwindClasses } from "./tailwind.js";
import { documentTokensCss, tokenFields } from "../tokens/index.js";
import { Sheet, type VNode } from "./vnode.js";
import { fontStack } from "../fonts/stack.js";
import { fontPlan } from "../fonts/plan.js";
import { fontNotes, reactFontFiles } from "../fonts/output.js";
import { LineChecks, printedStylesheets } from "../css/printed.js";
import type { ComponentMap } from "../components-map/model.js";
import { libraryComponents } from "./react-mapped.js";
import type { NavMenuNames } from "./nav-menu.js";
import { printTsx } from "./react-print.js";
import { planLinks } from "../prototype/links.js";
import { usageKeepingLinks, routePaths, routerHooks, routesFile, SMOOTH_SCROLL } from "./links.js";
import { scrollingOf } from "./scrolling.js";
import { statePlan, toggledOf, toggleHooks } from "./variant-states.js";
import { REDUCED_MOTION } from "./motion.js";
import { planOverlays } from "../prototype/overlays.js";
import { dialogHooks, overlayPage, overlaysCss, withReactImports } from "./overlays.js";
import { pageMotion, reactMotionFiles, reactTimer } from "./view-transitions.js";

export interface ReactOptions {
  styling: "css-modules" | "tailwind";
  nodeIds: boolean;
  /** The team's own components: instances they name are drawn as them and get no file (codegen/components-map). */
  components?: ComponentMap;
}

interface FileUnit {
  /** Component or screen name, also the file's base name. */
  name: string;
  dir: "screens" | "components";
  sheet: Sheet;
  imports: Map<string, string>;
  usedComponents: Set<string>;
  imageKeys: Set<string>;
  /** A component file that derives its layers' ids from its instance's (`layerId("…")`). */
  layerIds: boolean;
  /** The navigation menus this file draws: each one's state, declared at the top of its component. */
  menus: Extract<NavMenuNames, { kind: "state" }>[];
}

/** The hooks a file's navigation menus need (nav-menu.ts): open or not, the panel's id, the button (for focus). */
function menuHooks(menus: FileUnit["menus"]): { imports: string[]; locals: string[] } {
  if (menus.length === 0) return { imports: [], locals: [] };
  const locals = menus.flatMap((m) => [
    `  const [${m.open}, ${m.setOpen}] = useState(false);`,
    `  const ${m.id} = useId();`,
    `  const ${m.button} = useRef<HTMLButtonElement>(null);`,
  ]);
  return { imports: ['import { useId, useRef, useState } from "react";'], locals };
}

/** A class's Tailwind classes; an element whose hover or press restyles its layers is their named group. */
function tailwindOf(sheet: Sheet, cls: string): string {
  const classes = tailwindClasses(sheet.rules.get(cls) ?? [], sheet.pseudo.get(cls), sheet.below.get(cls));
  return sheet.groups.has(cls) ? [`group/${cls}`, classes].filter(Boolean).join(" ") : classes;
}

/** A new menu's names in a file: `menuOpen`, or `menu2Open` for its second. */
function newMenu(unit: FileUnit): Extract<NavMenuNames, { kind: "state" }> {
  const n = unit.menus.length + 1;
  const base = n === 1 ? "menu" : `menu${n}`;
  const names = {
    kind: "state" as const,
    open: `${base}Open`,
    setOpen: `set${base[0]!.toUpperCase()}${base.slice(1)}Open`,
    id: `${base}Id`,
    button: `${base}Button`,
  };
  unit.menus.push(names);
  return names;
}

/**
 * With `nodeIds`, a component takes its instance's id as the prop `data-node-id` (the local NODE_ID) and derives
 * its layers' ids from it as Figma does (LAYER_ID): each instance drawn carries its own layers' ids.
 */
const NODE_ID = "nodeId";
const LAYER_ID = "layerId";

function collectUses(node: VNode, out: Set<string>): void {
  if (node.type === "use") out.add(node.component);
  else if (node.type === "if") collectUses(node.child, out);
  else if (node.type === "element") for (const c of node.children) collectUses(c, out);
}

export function emitReact(doc: DesignDocument, options: ReactOptions): EmittedFiles {
  const problems: Problem[] = [];
  const files: SourceFile[] = [];
  /** The files printed as the format pass would print them (react-print.ts): the pass skips them. */
  const printed = new Map<string, string>();
  /** The stylesheets whose lines the sheet's own check passed: printedStylesheets takes them as they are. */
  const vouched = new Set<string>();
  const lineChecks = new LineChecks();
  // `Boolean` is the global that `[…].filter(Boolean)` merges class names with; a component must not shadow it.
  const names = new NameScope(["App", "Index", "Styles", "Boolean"]);
  const library = libraryComponents(doc, options.components, names);
  problems.push(...library.problems);
  const screenNames = doc.frames.map((frame) => names.take(pascalCase(frame.name, "Screen")));
  problems.push(
    ...unspelledNameNotes(
      doc.frames,
      screenNames.map((n) => `src/screens/${n}.tsx`),
    ),
  );
  const plan: ComponentPlan = planComponents(
    doc.frames,
    doc.assets,
    screenNames.concat(["App", "Index", "Boolean"], library.names),
    library.isMapped,
    options.nodeIds ? [NODE_ID, LAYER_ID] : [],
  );
  const modules = options.styling === "css-modules";
  const allImages = new Set<string>();
  // The prototype's screens are routes: its links go to them.
  const routes = routePaths(
    doc.frames,
    (doc.prototype?.starts ?? []).map((s) => s.nodeId),
  );
  const planned = planLinks(doc, (i) => routes[i]!, true);
  // …which play the design's transitions (view-transitions.ts).
  const motion = pageMotion(doc, planned);
  const links = motion ? motion.links : planned;
  const overlays = planOverlays(doc);
  const scrolling = scrollingOf(doc);
  // A toggle's state is its screen's: an instance toggled is drawn there.
  const toggled = toggledOf(doc, modules);
  const tokens = tokenFields(doc, modules ? "css" : "tailwind");
  const tokensCss = documentTokensCss(doc, modules ? "css" : "tailwind");

  const contextFor = (unit: FileUnit, def: ComponentDef | undefined): BuildContext => ({
    sheet: unit.sheet,
    nodeIds: options.nodeIds,
    assets: doc.assets,
    // A CSS module sits beside its component; Tailwind's classes are compiled into the stylesheet that imports
    // Tailwind (src/tailwind.css), whose URLs are relative to src/.
    urls: { cssUrl: (key) => `${modules ? "../" : "./"}assets/${assetFileName(key, doc.assets[key])}` },
    imageSrc: (key) => {
      unit.imageKeys.add(key);
      const file = assetFileName(key, doc.assets[key]);
      const existing = unit.imports.get(file);
      const ident = existing ?? camelCase(file.replace(/\.[a-z]+$/, ""), "image") + "Src";
      unit.imports.set(file, ident);
      return { expr: ident, html: `../assets/${file}` };
    },
    classBase: (node, fallback) => camelCase(layerLabel(node), camelCase(fallback)),
    componentFor: usageKeepingLinks((node) => plan.usage(node), links, toggled),
    mappedFor: (node) => library.mappedFor(node),
    ...tokens,
    ...(def
      ? componentFileContext(plan, def, { nodeId: NODE_ID, layerId: LAYER_ID }, () => (unit.layerIds = true))
      : {}),
    ...(modules ? {} : { preflight: true }),
    navMenu: () => newMenu(unit),
    // A component's layers link from no screen of their own (each instance would link alike).
    ...(links && !def ? { links } : {}),
    ...(scrolling ? { scrolling } : {}),
    // A click's toggle is a button's state; Tailwind's classes have no variant for it (a note names it).
    ...(doc.variants ? { states: statePlan(doc, modules ? "pressed" : undefined) } : {}),
    ...(motion?.morph ? { morph: motion.morph } : {}),
    problems,
  });

  const markupStyle = (sheet: Sheet): MarkupStyle => ({
    classAttr: (cls, merge) => {
      if (modules) {
        if (cls === undefined) return merge ? "className={className}" : undefined;
        return merge ? `className={[styles.${cls}, className].filter(Boolean).join(" ")}` : `className={styles.${cls}}`;
      }
      const classes = cls === undefined ? "" : tailwindOf(sheet, cls);
      if (merge)
        return classes
          ? `className={[${JSON.stringify(classes)}, className].filter(Boolean).join(" ")}`
          : "className={className}";
      return classes
        ? /["\\]/.test(classes)
          ? `className={${JSON.stringify(classes)}}`
          : `className="${classes}"`
        : undefined;
    },
    classValue: (cls) => (modules ? `styles.${cls}` : JSON.stringify(tailwindOf(sheet, cls))),
  });

  const writeUnit = (
    unit: FileUnit,
    tree: VNode,
    signature: string,
    preamble: string[],
    locals: string[] = [],
    params?: { names: string[]; type: string },
    timer?: { transition?: string },
  ): void => {
    collectUses(tree, unit.usedComponents);
    unit.usedComponents.delete(unit.name);
    const hooks = menuHooks(unit.menus);
    const router = routerHooks(tree, timer);
    const dialogs = dialogHooks(tree);
    const pressed = toggleHooks(tree);
    const imports: string[] = [
      ...withReactImports(hooks.imports, [...(dialogs.refs.length > 0 ? ["useRef"] : []), ...pressed.imports]),
      ...router.imports,
    ];
    for (const component of [...unit.usedComponents].sort()) {
      imports.push(`import { ${component} } from "${unit.dir === "components" ? "." : "../components"}/${component}";`);
    }
    imports.push(...library.importLines(tree));
    for (const [file, ident] of unit.imports) imports.push(`import ${ident} from "../assets/${file}";`);
    // The tokens' stylesheet (CSS modules) before the module that uses them; Tailwind reads it through @theme.
    if (
      modules &&
      tokensCss &&
      [...unit.sheet.rules.values()].some((decls) => decls.some(([, v]) => v.includes("var(--")))
    )
      imports.push('import "../tokens.css";');
    if (dialogs.refs.length > 0) imports.push('import "../overlays.css";');
    // Own styles last: bundlers emit CSS in import order, so the user's placement rules win over a component's.
    if (modules && unit.sheet.rules.size > 0) imports.push(`import styles from "./${unit.name}.module.css";`);
    const path = `src/${unit.dir}/${unit.name}.tsx`;
    const style = markupStyle(unit.sheet);
    const head = [...imports, ...(imports.length > 0 ? [""] : []), ...preamble];
    const statements = [...router.locals, ...hooks.locals, ...dialogs.locals, ...pressed.locals, ...locals];
    const tsx = printTsx({ head, name: unit.name, ...(params ? { params } : {}), locals: statements, tree, style });
    if (tsx !== undefined) printed.set(path, tsx);
    // Else the one-line form, which the format pass lays out.
    const code =
      tsx ??
      [
        ...imports,
        "",
        ...preamble,
        `export function ${signature} {`,
        ...statements,
        "  return (",
        printJsx(tree, style, 2),
        "  );",
        "}",
        "",
      ].join("\n");
    files.push({ path, content: code });
    if (modules && unit.sheet.rules.size > 0) {
      const css = unit.sheet.css();
      const cssPath = `src/${unit.dir}/${unit.name}.module.css`;
      files.push({ path: cssPath, content: css });
      if (unit.sheet.inFormatterForm(lineChecks)) vouched.add(cssPath);
    }
    for (const key of unit.imageKeys) allImages.add(key);
  };

  doc.frames.forEach((frame, index) => {
    const unit = newUnit(screenNames[index]!, "screens");
    const ctx = contextFor(unit, undefined);
    const tree = overlays ? overlayPage(index, doc.frames, ctx, overlays, buildTree) : buildTree(frame, ctx);
    // A screen that goes on by itself after a while: its timer, cleared when the screen is left.
    const timer = motion?.plan.timers.get(index);
    writeUnit(unit, tree, `${unit.name}()`, [], timer ? reactTimer(timer, routes[timer.to]!) : [], undefined, timer);
  });

  for (const def of plan.defs) {
    const unit = newUnit(def.name, "components");
    const tree = buildTree(def.canonical, contextFor(unit, def), true, def.unitWidth);
    const propLines = def.props.map((p) => `  ${p.name}?: ${p.kind === "text" ? "string" : "boolean"};`);
    const idProp = options.nodeIds ? ['  "data-node-id"?: string;'] : [];
    const preamble = [`export interface ${def.name}Props {`, "  className?: string;", ...idProp, ...propLines, "}", ""];
    const idParam = options.nodeIds ? [`"data-node-id": ${NODE_ID} = ${JSON.stringify(def.canonical.id)}`] : [];
    const paramList = [
      "className",
      ...idParam,
      ...def.props.map(
        (p) => `${p.name} = ${typeof p.defaultValue === "string" ? jsString(p.defaultValue) : String(p.defaultValue)}`,
      ),
    ];
    const params = paramList.join(", ");
    // Figma's id of a layer inside an instance: `I<instance id>;<the layer's id in the component>`, nested instances
    // chained.
    const locals = unit.layerIds
      ? [`  const ${LAYER_ID} = (key: string): string => \`I\${${NODE_ID}.replace(/^I/, "")};\${key}\`;`]
      : [];
    writeUnit(unit, tree, `${def.name}({ ${params} }: ${def.name}Props)`, preamble, locals, {
      names: paramList,
      type: `${def.name}Props`,
    });
  }

  for (const key of imageKeysIn(doc.frames)) allImages.add(key);
  files.push(...imageAssetFiles(allImages, doc.assets, assetDir("react")));

  const exports = [
    ...screenNames.map((n) => `export { ${n} } from "./screens/${n}";`),
    ...plan.defs.map((d) => `export { ${d.name} } from "./components/${d.name}";`),
  ];
  if (tokensCss)
    files.push({
      path: "src/tokens.css",
      content: modules
        ? tokensCss
        : `/* Design tokens as the Tailwind theme: import after tailwindcss ` +
          `(@import "tailwindcss"; @import "./tokens.css";). */\n` +
          `${tokensCss}`,
    });
  const fonts = fontPlan(doc.frames);
  const fontFiles = reactFontFiles(fonts, options.styling, fontStack);
  files.push(...fontFiles);
  problems.push(...fontNotes(fonts, { stylesheet: "src/fonts.css", packagesToAdd: true }));
  const entryImports = [
    ...(fontFiles.some((f) => f.path === "src/fonts.ts") ? ['import "./fonts";'] : []),
    ...(modules ? ['import "./global.css";'] : []),
  ];
  files.push({ path: "src/index.ts", content: [...entryImports, ...exports, ""].join("\n") });
  if (links || motion) files.push({ path: "src/routes.ts", content: routesFile(screenNames, routes) });
  if (motion && motion.plan.transitions.length > 0) files.push(...reactMotionFiles(motion.plan));
  if (overlays) files.push({ path: "src/overlays.css", content: overlaysCss(overlays, doc.frames) });
  if (modules)
    files.push({
      path: "src/global.css",
      content:
        "*,\n*::before,\n*::after {\n  box-sizing: border-box;\n}\n\nbody {\n  margin: 0;\n}\n" +
        (links?.smooth ? "\n" + SMOOTH_SCROLL : "") +
        (doc.variants ? "\n" + REDUCED_MOTION : ""),
    });
  files.push({ path: "src/global.d.ts", content: MODULE_DECLARATIONS });
  for (const file of files) if (printedAsIs(file)) printed.set(file.path, file.content);
  for (const [path, content] of printedStylesheets(files, vouched)) printed.set(path, content);
  return { files, problems, printed };
}

/** src/global.d.ts: the CSS modules', stylesheets' and images' imports, typed. */
const MODULE_DECLARATIONS = [
  'declare module "*.module.css" {',
  "  const classes: Readonly<Record<string, string>>;",
  "  export default classes;",
  "}",
  'declare module "*.css";',
  'declare module "*.svg" {',
  "  const src: string;",
  "  export default src;",
  "}",
  ...["png", "jpg", "jpeg", "gif", "webp"].flatMap((ext) => [
    `declare module "*.${ext}" {`,
    "  const src: string;",
    "  export default src;",
    "}",
  ]),
  "",
].join("\n");

/** A file of the output before its tree is built: a screen or a component, with its own stylesheet. */
function newUnit(name: string, dir: FileUnit["dir"]): FileUnit {
  return {
    name,
    dir,
    sheet: new Sheet(["root"]),
    imports: new Map(),
    usedComponents: new Set(),
    imageKeys: new Set(),
    layerIds: false,
    menus: [],
  };
}

/**
 * The files the format pass would leave as they are: SVG (it formats no SVG), and the entry, the font imports and
 * the module declarations, whose lines are imports, re-exports, comments and short declarations that fit.
 */
function printedAsIs(file: SourceFile): boolean {
  if (file.bytes !== undefined) return false;
  if (file.path.endsWith(".svg")) return true;
  if (file.path === "src/global.d.ts") return true;
  if (file.path !== "src/index.ts" && file.path !== "src/fonts.ts") return false;
  const lines = file.content.split("\n");
  return (
    lines.pop() === "" &&
    lines.every(
      (l) =>
        l.startsWith("// ") ||
        // One name or none: the formatter keeps the line however long.
        /^(import "[^"\\]+";|export \{ [\w$]+ \} from "[^"\\]+";)$/.test(l),
    )
  );
}
