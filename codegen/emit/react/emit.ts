/** React (TSX) emitter: one file per screen, one per component, CSS modules or Tailwind. */
import type { DesignDocument } from "../../design/types.js";
import type { EmittedFiles, Problem, SourceFile } from "../../types.js";
import { assetFileName } from "../assets.js";
import { buildTree } from "../build.js";
import { pageBuilder } from "../drawings/page.js";
import type { ComponentDef } from "../components.js";
import { jsString, printJsx, type MarkupStyle } from "../markup.js";
import { camelCase, NameScope } from "../names.js";
import { Sheet, type VNode } from "../vnode.js";
import { LineChecks, printedStylesheets } from "../../css/printed.js";
import type { ComponentMap } from "../../components-map/model.js";
import { libraryComponents } from "./mapped.js";
import { printTsx } from "./print.js";
import { routerHooks, routesFile } from "../links.js";
import { toggleHooks } from "../variant-states.js";
import { dialogHooks, withReactImports } from "../overlays.js";
import { reactTimer, reactTransitionsTs } from "../view-transitions.js";
import { tailwindOf, usesTokens, type FrameworkUnit } from "../framework-context.js";
import { ASSET_DECLARATIONS, filesAround, outlineUnits, planFramework, transitionFiles } from "../framework-steps.js";

export interface ReactOptions {
  styling: "css-modules" | "tailwind";
  nodeIds: boolean;
  /** The team's own components: instances they name are drawn as them and get no file (codegen/components-map). */
  components?: ComponentMap;
}

interface FileUnit extends FrameworkUnit {
  /** Component or screen name, also the file's base name. */
  name: string;
  dir: "screens" | "components";
  imports: Map<string, string>;
  usedComponents: Set<string>;
  imageKeys: Set<string>;
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
  /** The files printed as the format pass would print them (print.ts): the pass skips them. */
  const printed = new Map<string, string>();
  /** The stylesheets whose lines the sheet's own check passed: printedStylesheets takes them as they are. */
  const vouched = new Set<string>();
  const lineChecks = new LineChecks();
  // `Boolean` is the global that `[…].filter(Boolean)` merges class names with; a component must not shadow it.
  const names = new NameScope(["App", "Index", "Styles", "Boolean"]);
  const library = libraryComponents(doc, options.components, names);
  problems.push(...library.problems);
  const { screenNames, plan, design } = planFramework(
    doc,
    names,
    {
      screenPath: (n) => `src/screens/${n}.tsx`,
      reserved: ["App", "Index", "Boolean", ...library.names],
      ids: { nodeId: NODE_ID, layerId: LAYER_ID },
      skip: library.isMapped,
    },
    { ...options, toggles: true },
    problems,
  );
  const allImages = new Set<string>();
  const { ownStyles: modules, routes, links, motion, tokensCss } = design;

  const contextFor = (unit: FileUnit, def: ComponentDef | undefined) =>
    design.buildContext(unit, def, {
      imageSrc: (key) => {
        unit.imageKeys.add(key);
        const file = assetFileName(key, doc.assets[key]);
        const existing = unit.imports.get(file);
        const ident = existing ?? camelCase(file.replace(/\.[a-z]+$/, ""), "image") + "Src";
        unit.imports.set(file, ident);
        return { expr: ident, html: `../assets/${file}` };
      },
      mappedFor: (node) => library.mappedFor(node),
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
    if (modules && tokensCss && usesTokens(unit.sheet)) imports.push('import "../tokens.css";');
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

  outlineUnits(doc, design, { screenNames, plan }, pageBuilder(doc, buildTree), {
    unit: newUnit,
    contextFor,
    writeScreen: (unit, tree, timer) =>
      writeUnit(unit, tree, `${unit.name}()`, [], timer ? reactTimer(timer, routes[timer.to]!) : [], undefined, timer),
    writeComponent,
  });

  /** A component's file: its props, its layer ids, its markup. */
  function writeComponent(def: ComponentDef, unit: FileUnit, tree: VNode): void {
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

  const exports = [
    ...screenNames.map((n) => `export { ${n} } from "./screens/${n}";`),
    ...plan.defs.map((d) => `export { ${d.name} } from "./components/${d.name}";`),
  ];
  const own = [
    ...(links || motion ? [{ path: "src/routes.ts", content: routesFile(screenNames, routes) }] : []),
    ...transitionFiles(motion, reactTransitionsTs),
  ];
  files.push(...filesAround(doc, design, allImages, exports, own));
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
  ASSET_DECLARATIONS,
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
