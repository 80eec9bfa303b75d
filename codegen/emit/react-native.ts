/**
 * React Native emitter: TypeScript components of React Native's own (react-native-print.ts) from the same markup tree
 * as React's (build.ts): the same components and props, assets and fonts. Each file's styles are a
 * `StyleSheet.create` of its classes' declarations as React Native styles (rn-style.ts); images are `require()`d,
 * SVG files imported as components (react-native-svg-transformer), drawn vectors `SvgXml` (react-native-svg); links
 * between screens are expo-router's `Link`s. Files: src/screens/*.tsx (a default export each, for app/ routes),
 * src/components/*.tsx, src/assets/*, src/index.ts, src/declarations.d.ts.
 */
import type { DesignDocument } from "../design/types.js";
import type { EmittedFiles, Problem, SourceFile } from "../types.js";
import { assetDir, assetFileName, imageAssetFiles, imageKeysIn } from "./assets.js";
import { buildTree, type BuildContext } from "./build.js";
import { componentFileContext } from "./component-context.js";
import { planScreens, type ComponentDef } from "./components.js";
import { jsString } from "./markup.js";
import { camelCase, layerLabel, NameScope, pascalCase } from "./names.js";
import { Sheet, type VNode } from "./vnode.js";
import { fontPlan } from "../fonts/plan.js";
import { planLinks } from "../prototype/links.js";
import { routePaths } from "./links.js";
import { printRn, type RnPrintUnit } from "./react-native-print.js";
import { rnStyle, type RnEntry, type RnStyle } from "./rn-style.js";
import { rnBackground } from "./rn-background.js";
import type { Decl } from "../css/decl.js";

export interface ReactNativeOptions {
  nodeIds: boolean;
}

/** A component's own id prop (its root's `testID`) and the function that makes its layers' ids from it. */
const NODE_ID = "testID";
const LAYER_ID = "layerId";
const RESERVED = ["App", "Index", "Link", "SvgXml", "View", "Text", "Image", "Pressable", "TextInput", "StyleSheet"];

/** Text styles: a Pressable's characters take these from its class (a View takes none of them). */
const TEXT_KEYS = new Set([
  "color",
  "fontFamily",
  "fontSize",
  "fontWeight",
  "fontStyle",
  "lineHeight",
  "letterSpacing",
  "textAlign",
  "textTransform",
  "textDecorationLine",
  "textDecorationColor",
]);

interface RnUnit extends RnPrintUnit {
  name: string;
  dir: "screens" | "components";
  sheet: Sheet;
  layerIds: boolean;
  /** Classes on a Pressable, which takes no text style. */
  pressOf: Set<string>;
  /** Classes whose characters get a Text style of their own (a Pressable's). */
  textOf: Set<string>;
  /** Each class's React Native style, made before the tree is printed. */
  styles: Map<string, RnStyle>;
  /** Image file → how it is written (a require, or the SVG component's name). */
  images: Map<string, string>;
}

function usesOf(node: VNode, out: Set<string>): void {
  if (node.type === "use") out.add(node.component);
  else if (node.type === "if") usesOf(node.child, out);
  else if (node.type === "element") for (const c of node.children) usesOf(c, out);
}

/**
 * A class's style; an image fill's background becomes the box's first child (rn-background.ts): the box clips, the
 * image has a style of its own (`<class>Fill`).
 */
function setStyle(unit: RnUnit, cls: string, decls: Decl[], imageOf: (unit: RnUnit, file: string) => string): void {
  const bg = decls.find(([p]) => p === "background");
  const fill = bg !== undefined ? rnBackground(bg[1]) : undefined;
  const fillCls = `${cls}Fill`;
  if (!fill?.url.startsWith("../assets/") || unit.sheet.rules.has(fillCls)) {
    unit.styles.set(cls, rnStyle(decls));
    return;
  }
  const style = rnStyle(decls.filter((d) => d !== bg));
  if (!style.entries.some(([k]) => k === "overflow")) style.entries.push(["overflow", '"hidden"']);
  unit.styles.set(cls, style);
  unit.styles.set(fillCls, { entries: fill.entries, dropped: [] });
  const source = imageOf(unit, fill.url.slice("../assets/".length));
  if (unit.svgComponents.has(source)) {
    unit.components.add("View");
    const ratio = fill.resizeMode === "stretch" ? "none" : fill.resizeMode === "cover" ? "xMidYMid slice" : "xMidYMid";
    const svg = `<${source} width="100%" height="100%" preserveAspectRatio="${ratio}" />`;
    unit.fills.set(cls, `<View style={styles.${fillCls}}>${svg}</View>`);
  } else {
    unit.components.add("Image");
    unit.fills.set(cls, `<Image source={${source}} style={styles.${fillCls}} resizeMode="${fill.resizeMode}" />`);
  }
}

function entriesText(entries: readonly RnEntry[]): string[] {
  return entries.map(([k, v]) => `    ${k}: ${v},`);
}

/** The file's `StyleSheet.create`: each class's style, a Pressable's characters' style beside its own. */
function styleSheet(unit: RnUnit, problems: Problem[], path: string): string[] {
  const lines: string[] = [];
  const dropped = new Set<string>();
  for (const [cls, style] of unit.styles) {
    for (const d of style.dropped) dropped.add(d.split(":")[0]!);
    if (style.entries.length === 0) continue;
    const boxed = unit.textOf.has(cls) || unit.pressOf.has(cls);
    const own = boxed ? style.entries.filter(([k]) => !TEXT_KEYS.has(k)) : style.entries;
    lines.push(`  ${cls}: {`, ...entriesText(own), "  },");
    if (unit.textOf.has(cls))
      lines.push(`  ${cls}Text: {`, ...entriesText(style.entries.filter(([k]) => TEXT_KEYS.has(k))), "  },");
  }
  if (dropped.size > 0)
    problems.push({
      severity: "info",
      code: "react-native-style",
      file: path,
      message: `React Native has no style for ${[...dropped].sort().join(", ")}: left out`,
    });
  return lines.length > 0 ? ["const styles = StyleSheet.create({", ...lines, "});"] : [];
}

export function emitReactNative(doc: DesignDocument, options: ReactNativeOptions): EmittedFiles {
  const problems: Problem[] = [];
  const files: SourceFile[] = [];
  const names = new NameScope(RESERVED);
  const { screenNames, notes, plan } = planScreens(doc, names, (n) => `src/screens/${n}.tsx`, {
    reserved: RESERVED,
    props: options.nodeIds ? [NODE_ID, LAYER_ID, "style"] : ["style"],
  });
  problems.push(...notes);
  const allImages = new Set<string>();
  const routes = routePaths(
    doc.frames,
    (doc.prototype?.starts ?? []).map((s) => s.nodeId),
  );
  const links = planLinks(doc, (i) => routes[i]!, true);

  /** How a file writes an image: an SVG file is a component (react-native-svg-transformer), others Metro's require. */
  const imageOf = (unit: RnUnit, file: string): string => {
    let written = unit.images.get(file);
    if (written === undefined) {
      written = file.endsWith(".svg")
        ? names.take(pascalCase(file.replace(/\.svg$/, ""), "Vector"))
        : `require(${jsString(`../assets/${file}`)})`;
      if (file.endsWith(".svg")) unit.svgComponents.add(written);
      unit.images.set(file, written);
    }
    return written;
  };

  const contextFor = (unit: RnUnit, def: ComponentDef | undefined): BuildContext => ({
    sheet: unit.sheet,
    nodeIds: options.nodeIds,
    assets: doc.assets,
    urls: { cssUrl: (key) => `../assets/${assetFileName(key, doc.assets[key])}` },
    imageSrc: (key) => {
      allImages.add(key);
      const file = assetFileName(key, doc.assets[key]);
      return { expr: imageOf(unit, file), html: `../assets/${file}` };
    },
    classBase: (node, fallback) => camelCase(layerLabel(node), camelCase(fallback)),
    componentFor: (node) => plan.usage(node),
    ...(def
      ? componentFileContext(plan, def, { nodeId: NODE_ID, layerId: LAYER_ID }, () => (unit.layerIds = true))
      : {}),
    ...(links && !def ? { links } : {}),
    problems,
  });

  const writeUnit = (unit: RnUnit, tree: VNode, signature: string, setup: string[]): void => {
    const path = `src/${unit.dir}/${unit.name}.tsx`;
    for (const [cls, decls] of unit.sheet.rules) setStyle(unit, cls, decls, imageOf);
    const body = printRn(tree, unit, 2);
    const used = new Set<string>();
    usesOf(tree, used);
    used.delete(unit.name);
    const styles = styleSheet(unit, problems, path);
    const rn = [...unit.components, ...(styles.length > 0 ? ["StyleSheet"] : [])];
    const propTypes = unit.dir === "components" ? ["type StyleProp", "type ViewStyle"] : [];
    const imports = [
      ...(unit.links.size > 0 ? ['import { Link } from "expo-router";'] : []),
      `import { ${[...rn.sort(), ...propTypes].join(", ")} } from "react-native";`,
      ...(unit.svgXml.size > 0 ? ['import { SvgXml } from "react-native-svg";'] : []),
      ...[...used]
        .sort()
        .map((c) => `import { ${c} } from "${unit.dir === "components" ? "." : "../components"}/${c}";`),
      ...[...unit.images]
        .filter(([file]) => file.endsWith(".svg"))
        .map(([file, ident]) => `import ${ident} from "../assets/${file}";`),
    ];
    const content = [
      ...imports,
      "",
      ...signature.split("\n"),
      ...setup.map((l) => `  ${l}`),
      "  return (",
      body,
      "  );",
      "}",
      ...(styles.length > 0 ? ["", ...styles] : []),
      ...[...unit.svgXml].map(([name, xml]) => `\nconst ${name} = ${JSON.stringify(xml)};`),
      "",
    ].join("\n");
    files.push({ path, content });
  };

  doc.frames.forEach((frame, index) => {
    const unit = newUnit(screenNames[index]!, "screens");
    writeUnit(unit, buildTree(frame, contextFor(unit, undefined)), `export default function ${unit.name}() {`, []);
  });

  for (const def of plan.defs) {
    const unit = newUnit(def.name, "components");
    const tree = buildTree(def.canonical, contextFor(unit, def), true, def.unitWidth);
    const props = [
      ["style", "StyleProp<ViewStyle>", undefined] as const,
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
    const bind = props.map(([n, , d]) => (d === undefined ? n : `${n} = ${d}`)).join(", ");
    const signature = [
      `export interface ${def.name}Props {`,
      ...props.map(([n, t]) => `  ${n}?: ${t};`),
      "}",
      "",
      `export function ${def.name}({ ${bind} }: ${def.name}Props) {`,
    ].join("\n");
    const setup = unit.layerIds
      ? [`const ${LAYER_ID} = (key: string): string => \`I\${${NODE_ID}.replace(/^I/, "")};\${key}\`;`]
      : [];
    writeUnit(unit, tree, signature, setup);
  }

  for (const key of imageKeysIn(doc.frames)) allImages.add(key);
  files.push(...imageAssetFiles(allImages, doc.assets, assetDir("react")));
  const exports = [
    ...screenNames.map((n) => `export { default as ${n} } from "./screens/${n}";`),
    ...plan.defs.map((d) => `export { ${d.name} } from "./components/${d.name}";`),
  ];
  files.push({ path: "src/index.ts", content: [...exports, ""].join("\n") });
  if (links)
    screenNames.forEach((n, i) => {
      const route = routes[i] === "/" ? "index" : routes[i]!.slice(1);
      files.push({ path: `app/${route}.tsx`, content: `export { default } from "../src/screens/${n}";\n` });
    });
  files.push({ path: "src/declarations.d.ts", content: RN_DECLARATIONS });
  const fonts = fontPlan(doc.frames);
  const families = [...new Set([...fonts.served, ...fonts.unserved].map((f) => f.family))];
  if (families.length > 0)
    problems.push({
      severity: "info",
      code: "react-native-fonts",
      message: `load the design's fonts (${families.join(", ")}) with expo-font's useFonts before the first screen`,
    });
  return { files, problems, printed: new Map() };
}

/** src/declarations.d.ts: an SVG file imported as a component (react-native-svg-transformer's metro setup). */
const RN_DECLARATIONS = [
  'declare module "*.svg" {',
  '  import type { FC } from "react";',
  '  import type { SvgProps } from "react-native-svg";',
  "  const Svg: FC<SvgProps>;",
  "  export default Svg;",
  "}",
  "",
].join("\n");

function newUnit(name: string, dir: RnUnit["dir"]): RnUnit {
  const textOf = new Set<string>();
  const styles = new Map<string, RnStyle>();
  return {
    styles,
    pressOf: new Set(),
    pressable(cls) {
      this.pressOf.add(cls);
    },
    hasStyle: (cls) => (styles.get(cls)?.entries.length ?? 0) > 0,
    name,
    dir,
    sheet: new Sheet(["root"]),
    layerIds: false,
    components: new Set(),
    svgComponents: new Set(),
    svgXml: new Map(),
    links: new Set(),
    textOf,
    images: new Map(),
    fills: new Map(),
    textStyle: (cls) => {
      textOf.add(cls);
      return `${cls}Text`;
    },
  };
}
