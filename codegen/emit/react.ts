/** React (TSX) emitter: one file per screen, one per component, CSS modules or Tailwind. */
import type { DesignDocument, DesignNode } from "../design/types.js";
import type { FileSet, Problem, SourceFile } from "../types.js";
import { assetDir, assetFileName, imageAssetFiles, imageKeysIn } from "./assets.js";
import { buildTree, type BuildContext } from "./build.js";
import { planComponents, type ComponentDef, type ComponentPlan } from "./components.js";
import { printJsx, type MarkupStyle } from "./markup.js";
import { camelCase, layerLabel, NameScope, pascalCase } from "./names.js";
import { tailwindClasses } from "./tailwind.js";
import { documentTokensCss, tokenFields } from "../tokens/index.js";
import { Sheet, type VNode } from "./vnode.js";
import { fontStack } from "./css.js";
import { fontPlan } from "../fonts/plan.js";
import { fontNotes, reactFontFiles } from "../fonts/output.js";
import type { ComponentMap } from "../components-map/model.js";
import { libraryComponents } from "./react-mapped.js";

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
}

function collectUses(node: VNode, out: Set<string>): void {
  if (node.type === "use") out.add(node.component);
  else if (node.type === "if") collectUses(node.child, out);
  else if (node.type === "element") for (const c of node.children) collectUses(c, out);
}

export function emitReact(doc: DesignDocument, options: ReactOptions): FileSet {
  const problems: Problem[] = [];
  const files: SourceFile[] = [];
  // `Boolean` is the global that `[…].filter(Boolean)` merges class names with; a component must not shadow it.
  const names = new NameScope(["App", "Index", "Styles", "Boolean"]);
  const library = libraryComponents(doc, options.components, names);
  problems.push(...library.problems);
  const screenNames = doc.frames.map((frame) => names.take(pascalCase(frame.name, "Screen")));
  const plan: ComponentPlan = planComponents(doc.frames, doc.assets, screenNames.concat(["App", "Index", "Boolean"], library.names), library.isMapped);
  const modules = options.styling === "css-modules";
  const allImages = new Set<string>();
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
    componentFor: (node) => plan.usage(node),
    mappedFor: (node) => library.mappedFor(node),
    ...tokens,
    ...(def
      ? {
          textProp: (node: DesignNode) => plan.textProp(def, node),
          visibleProp: (node: DesignNode) => plan.visibleProp(def, node),
        }
      : {}),
    ...(modules ? {} : { preflight: true }),
    problems,
  });

  const markupStyle = (sheet: Sheet): MarkupStyle => ({
    classAttr: (cls, merge) => {
      if (modules) {
        if (cls === undefined) return merge ? "className={className}" : undefined;
        return merge ? `className={[styles.${cls}, className].filter(Boolean).join(" ")}` : `className={styles.${cls}}`;
      }
      const classes = cls === undefined ? "" : tailwindClasses(sheet.rules.get(cls) ?? [], sheet.pseudo.get(cls), sheet.below.get(cls));
      if (merge) return classes ? `className={[${JSON.stringify(classes)}, className].filter(Boolean).join(" ")}` : "className={className}";
      return classes ? (/["\\]/.test(classes) ? `className={${JSON.stringify(classes)}}` : `className="${classes}"`) : undefined;
    },
  });

  const writeUnit = (unit: FileUnit, tree: VNode, signature: string, preamble: string[]): void => {
    collectUses(tree, unit.usedComponents);
    unit.usedComponents.delete(unit.name);
    const imports: string[] = [];
    for (const component of [...unit.usedComponents].sort()) {
      imports.push(`import { ${component} } from "${unit.dir === "components" ? "." : "../components"}/${component}";`);
    }
    imports.push(...library.importLines(tree));
    for (const [file, ident] of unit.imports) imports.push(`import ${ident} from "../assets/${file}";`);
    // The tokens' stylesheet (CSS modules) before the module that uses them; Tailwind reads it through @theme.
    if (modules && tokensCss && [...unit.sheet.rules.values()].some((decls) => decls.some(([, v]) => v.includes("var(--")))) imports.push('import "../tokens.css";');
    // Own styles last: bundlers emit CSS in import order, so the user's placement rules win over a component's.
    if (modules && unit.sheet.rules.size > 0) imports.push(`import styles from "./${unit.name}.module.css";`);
    const body = printJsx(tree, markupStyle(unit.sheet), 2);
    const code = [...imports, "", ...preamble, `export function ${signature} {`, "  return (", body, "  );", "}", ""].join("\n");
    files.push({ path: `src/${unit.dir}/${unit.name}.tsx`, content: code });
    if (modules && unit.sheet.rules.size > 0) {
      const css = unit.sheet.css();
      files.push({ path: `src/${unit.dir}/${unit.name}.module.css`, content: css });
    }
    for (const key of unit.imageKeys) allImages.add(key);
  };

  const newUnit = (name: string, dir: FileUnit["dir"]): FileUnit => ({ name, dir, sheet: new Sheet(["root"]), imports: new Map(), usedComponents: new Set(), imageKeys: new Set() });

  doc.frames.forEach((frame, index) => {
    const unit = newUnit(screenNames[index]!, "screens");
    const tree = buildTree(frame, contextFor(unit, undefined));
    writeUnit(unit, tree, `${unit.name}()`, []);
  });

  for (const def of plan.defs) {
    const unit = newUnit(def.name, "components");
    const tree = buildTree(def.canonical, contextFor(unit, def), true);
    const propLines = def.props.map((p) => `  ${p.name}?: ${p.kind === "text" ? "string" : "boolean"};`);
    const preamble = [`export interface ${def.name}Props {`, "  className?: string;", ...propLines, "}", ""];
    const params = ["className", ...def.props.map((p) => `${p.name} = ${JSON.stringify(p.defaultValue)}`)].join(", ");
    writeUnit(unit, tree, `${def.name}({ ${params} }: ${def.name}Props)`, preamble);
  }

  for (const key of imageKeysIn(doc.frames)) allImages.add(key);
  files.push(...imageAssetFiles(allImages, doc.assets, assetDir("react")));

  const exports = [
    ...screenNames.map((n) => `export { ${n} } from "./screens/${n}";`),
    ...plan.defs.map((d) => `export { ${d.name} } from "./components/${d.name}";`),
  ];
  if (tokensCss) files.push({ path: "src/tokens.css", content: modules ? tokensCss : `/* Design tokens as the Tailwind theme: import after tailwindcss (@import "tailwindcss"; @import "./tokens.css";). */\n${tokensCss}` });
  const fonts = fontPlan(doc.frames);
  const fontFiles = reactFontFiles(fonts, options.styling, fontStack);
  files.push(...fontFiles);
  problems.push(...fontNotes(fonts, { stylesheet: "src/fonts.css", packagesToAdd: true }));
  const entryImports = [...(fontFiles.some((f) => f.path === "src/fonts.ts") ? ['import "./fonts";'] : []), ...(modules ? ['import "./global.css";'] : [])];
  files.push({ path: "src/index.ts", content: [...entryImports, ...exports, ""].join("\n") });
  if (modules) files.push({ path: "src/global.css", content: "*,\n*::before,\n*::after {\n  box-sizing: border-box;\n}\n\nbody {\n  margin: 0;\n}\n" });
  files.push({
    path: "src/global.d.ts",
    content: [
      'declare module "*.module.css" {',
      "  const classes: Readonly<Record<string, string>>;",
      "  export default classes;",
      "}",
      'declare module "*.css";',
      'declare module "*.svg" {',
      "  const src: string;",
      "  export default src;",
      "}",
      ...["png", "jpg", "jpeg", "gif", "webp"].flatMap((ext) => [`declare module "*.${ext}" {`, "  const src: string;", "  export default src;", "}"]),
      "",
    ].join("\n"),
  });
  return { files, problems };
}
