/**
 * React Native emitter: TypeScript components of React Native's own (print.ts) from the same markup tree
 * as React's (build.ts): the same components and props, assets and fonts. Each file's styles are a
 * `StyleSheet.create` of its classes' declarations as React Native styles (style.ts); images are `require()`d,
 * SVG files imported as components (react-native-svg-transformer), drawn vectors `SvgXml` (react-native-svg); links
 * between screens are expo-router's `Link`s. Files: src/screens/*.tsx (a default export each, for app/ routes),
 * src/components/*.tsx, src/assets/*, src/index.ts, src/declarations.d.ts.
 */
import type { DesignDocument, DesignNode } from "../../design/types.js";
import type { EmittedFiles, Problem, SourceFile } from "../../types.js";
import { assetDir, assetFileName, imageAssetFiles, imageKeysIn } from "../assets.js";
import { buildTree, type BuildContext } from "../build.js";
import { PageOutline } from "../outline.js";
import { buildPage } from "../drawings/page.js";
import { allDrawings, pageDrawings } from "../../design/drawings.js";
import { componentFileContext } from "../component-context.js";
import { planScreens, propRows, type ComponentDef } from "../components.js";
import { jsString } from "../markup.js";
import { camelCase, layerLabel, NameScope, pascalCase } from "../names.js";
import { Sheet, type VNode } from "../vnode.js";
import { fontPlan } from "../../fonts/plan.js";
import { planLinks } from "../../prototype/links.js";
import { routePaths } from "../links.js";
import { printRn, type RnPrintUnit } from "./print.js";
import { nameFields } from "./accessible.js";
import { rnStyle, type RnEntry, type RnStyle } from "./style.js";
import { rnBackgroundLayers, type RnBackground } from "./background.js";
import { alignsCharacters } from "./text-box.js";
import { uncapOneWordTexts } from "./one-word.js";
import { letWordsGrow } from "./word-grows.js";
import { keepLinesWhole } from "./nowrap.js";
import { strokeOverlays } from "./stroke-overlay.js";
import { centringUndone } from "./centred.js";
import { maxContentReach, reachUndone } from "./max-content.js";
import { fluidInputs } from "./fluid.js";
import { parentShareCaps } from "./parent-cap.js";
import { gradientSvg } from "./gradient.js";
import { hoistZ } from "./stacking.js";
import { MASKED_VIEW, maskElementJsx, rnMaskLayers } from "./mask-picture.js";
import { rnMenuHooks, rnMenuTree, type RnMenuNames } from "./nav-menu.js";
import { newMenu } from "../framework-context.js";
import { type Decl, lastValue } from "../../css/decl.js";

export interface ReactNativeOptions {
  nodeIds: boolean;
}

/** A component's own id prop (its root's `testID`) and the function that makes its layers' ids from it. */
const NODE_ID = "testID";
const LAYER_ID = "layerId";
const RESERVED = [
  ...["App", "Index", "Link", "SvgXml", "View", "Text", "Image", "Pressable", "TextInput", "StyleSheet"],
  "MaskedView",
];
/** The component's locals for the window-dependent styles (windowStyles). */
const WINDOW_LOCALS = ["vw", "vh", "fluid"];

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
  /**
   * Classes whose characters get a Text style of their own (a Pressable's), and its name: `<class>Text`, or with a
   * number after it when the sheet has a class of that name (a link `link` beside a layer named "Link Text").
   */
  textOf: Map<string, string>;
  /** Each class's React Native style, made before the tree is printed. */
  styles: Map<string, RnStyle>;
  /** Each class's narrower screens' styles (the sheet's `@media (width < …)` rules), widest first. */
  below: Map<string, [width: number, entries: RnEntry[]][]>;
  /**
   * A page drawn at several widths (drawings/page.ts): each class's whole style from each wider drawing's width up
   * (to the next range's, or `max`), narrowest first (`[768, undefined, "cardAt768"]`), and each such style's class
   * (rangeOf: `cardAt768` → `card`).
   */
  ranges: Map<string, [min: number, max: number | undefined, cls: string][]>;
  rangeOf: Map<string, string>;
  /** The design's width, that `shrink` (fluid.ts) counts from. */
  designWidth: number;
  /** A class's gradient, drawn by its fill (gradientFill) when its box is printed as a View, else kept as a style. */
  gradients: Map<string, RnEntry>;
  /** Image file → how it is written (a require, or the SVG component's name). */
  images: Map<string, string>;
  /** The file's navigation menus (nav-menu.ts). */
  menus: RnMenuNames[];
}

function usesOf(node: VNode, out: Set<string>): void {
  if (node.type === "use") out.add(node.component);
  else if (node.type === "if") usesOf(node.child, out);
  else if (node.type === "element") for (const c of node.children) usesOf(c, out);
}

/**
 * A class's style; an image fill's background becomes the box's first child (background.ts): the box clips, the
 * image has a style of its own (`<class>Fill`).
 */
/**
 * A gradient background as the box's first child: a View over the whole box (its corners rounded as the box's) that
 * an SvgXml of the gradient fills (gradient.ts); undefined when the gradient is not one it can draw.
 */
function gradientFill(unit: RnUnit, key: string, value: string, box: readonly RnEntry[]): string | undefined {
  // The page's own ids: screens and components share one web page, and their classes' names repeat.
  const svg = gradientSvg(value, `${unit.name}-${key}-`);
  if (svg === undefined) return undefined;
  const corners = box.filter(([k]) => /^border\w*Radius$/.test(k));
  const clip: RnEntry[] = corners.length > 0 ? [...corners, ["overflow", '"hidden"']] : [];
  unit.styles.set(`${key}Gradient`, { entries: [...SHADE_BOX, ...clip], dropped: [] });
  const name = `${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_GRADIENT_XML`;
  unit.svgXml.set(name, svg);
  unit.components.add("View");
  return `<View style={styles.${key}Gradient}><SvgXml xml={${name}} width="100%" height="100%" /></View>`;
}

/**
 * A class whose CSS mask MaskedView draws (mask-picture.ts): its mask element, made when its box is printed as one,
 * and its declarations without the mask.
 */
function maskPicture(
  unit: RnUnit,
  cls: string,
  decls: Decl[],
  imageOf: (unit: RnUnit, file: string) => string,
): Decl[] {
  const list = rnMaskLayers(decls);
  if (!list?.every((l) => l.kind === "color" || l.url.startsWith("../assets/"))) return decls;
  const image = (url: string): string => imageOf(unit, url.slice("../assets/".length));
  const sink = { styles: unit.styles, components: unit.components, svgComponents: unit.svgComponents, image };
  unit.masks.set(cls, () => maskElementJsx(cls, list, sink));
  return decls.filter(([p]) => p !== "mask" && p !== "-webkit-mask");
}

function setStyle(unit: RnUnit, cls: string, all: Decl[], imageOf: (unit: RnUnit, file: string) => string): void {
  const decls = maskPicture(unit, cls, all, imageOf);
  const bg = decls.find(([p]) => p === "background");
  const fills = bg !== undefined ? rnBackgroundLayers(bg[1]) : undefined;
  // The first picture's styles are `<cls>Fill` (and `<cls>Shade` over it), the next ones' `<cls>Fill2`…
  const keysOf = (i: number): [string, string] => [
    `${cls}Fill${i > 0 ? i + 1 : ""}`,
    `${cls}Shade${i > 0 ? i + 1 : ""}`,
  ];
  const drawable =
    fills?.every((f) => f.url.startsWith("../assets/")) && !fills.some((_, i) => unit.sheet.rules.has(keysOf(i)[0]));
  if (!drawable) {
    const style = rnStyle(decls);
    style.entries.push(...maxContentReach(decls, style.entries));
    unit.styles.set(cls, style);
    const at = style.entries.findIndex(([k]) => k === "experimental_backgroundImage");
    const drawn =
      at >= 0 ? gradientFill(unit, cls, JSON.parse(style.entries[at]![1]) as string, style.entries) : undefined;
    if (drawn !== undefined) {
      unit.gradients.set(cls, style.entries[at]!);
      style.entries.splice(at, 1);
      unit.fills.set(cls, drawn);
    }
    return;
  }
  const style = rnStyle(decls.filter((d) => d !== bg));
  if (!style.entries.some(([k]) => k === "overflow")) style.entries.push(["overflow", '"hidden"']);
  const color = fills![0]!.color;
  if (color !== undefined) style.entries.push(["backgroundColor", JSON.stringify(color)]);
  unit.styles.set(cls, style);
  // Bottom first: a later child draws over an earlier one.
  unit.fills.set(cls, fills!.map((fill, i) => imageFill(unit, keysOf(i), fill, imageOf)).join(""));
}

/** One picture of a box's fill as its child (style `fillCls`), with the gradients over it (`shadeCls`). */
function imageFill(
  unit: RnUnit,
  [fillCls, shadeCls]: [string, string],
  fill: RnBackground,
  imageOf: (unit: RnUnit, file: string) => string,
): string {
  unit.styles.set(fillCls, { entries: fill.entries, dropped: [] });
  const drawnShade = fill.overlay !== undefined ? gradientFill(unit, shadeCls, fill.overlay, []) : undefined;
  const shade = drawnShade ?? (fill.overlay !== undefined ? `<View style={styles.${shadeCls}} />` : "");
  if (fill.overlay !== undefined && drawnShade === undefined) {
    unit.components.add("View");
    const over: RnEntry[] = [["experimental_backgroundImage", JSON.stringify(fill.overlay)]];
    unit.styles.set(shadeCls, { entries: [...SHADE_BOX, ...over], dropped: [] });
  }
  const source = imageOf(unit, fill.url.slice("../assets/".length));
  if (unit.svgComponents.has(source)) {
    unit.components.add("View");
    const ratio = fill.resizeMode === "stretch" ? "none" : fill.resizeMode === "cover" ? "xMidYMid slice" : "xMidYMid";
    const svg = `<${source} width="100%" height="100%" preserveAspectRatio="${ratio}" />`;
    return `<View style={styles.${fillCls}}>${svg}</View>${shade}`;
  }
  unit.components.add("Image");
  return `<Image source={${source}} style={styles.${fillCls}} resizeMode="${fill.resizeMode}" />${shade}`;
}

/** A box over the whole of its parent (a fill's gradients over its image). */
const SHADE_BOX: RnEntry[] = [
  ["position", '"absolute"'],
  ["left", "0"],
  ["top", "0"],
  ["width", '"100%"'],
  ["height", '"100%"'],
  ["pointerEvents", '"none"'],
];

function entriesText(entries: readonly RnEntry[]): string[] {
  return entries.map(([k, v]) => `    ${k}: ${v},`);
}

/** The file's `StyleSheet.create`: each class's style, a Pressable's characters' style beside its own. */
function styleSheet(unit: RnUnit, problems: Problem[], path: string): string[] {
  const lines: string[] = [];
  const dropped = new Set<string>();
  for (const [cls, style] of unit.styles) {
    const gradient = unit.gradients.get(cls);
    if (gradient !== undefined && !unit.drawnFills.has(cls)) style.entries.push(gradient);
    for (const d of style.dropped) dropped.add(d.split(":")[0]!);
    if (style.entries.length === 0) continue;
    const base = unit.rangeOf.get(cls) ?? cls;
    const boxed = unit.textOf.has(base) || unit.pressOf.has(base);
    const own = boxed ? style.entries.filter(([k]) => !TEXT_KEYS.has(k)) : style.entries;
    lines.push(`  ${cls}: {`, ...entriesText(own), "  },");
    const text = unit.textOf.get(cls);
    if (text) lines.push(`  ${text}: {`, ...entriesText(style.entries.filter(([k]) => TEXT_KEYS.has(k))), "  },");
  }
  // A mask's picture that no MaskedView draws (mask-picture.ts: a luminance mask, a gradient, a tile; a box not
  // printed as a View): the masked layers keep its outline (clip.ts).
  const undrawn = [...unit.masks.keys()].some((cls) => !unit.drawnMasks.has(cls));
  if ((dropped.delete("mask") && dropped.delete("-webkit-mask")) || undrawn)
    problems.push({
      severity: "info",
      code: "mask",
      file: path,
      message:
        "React Native draws a mask's picture with MaskedView where the picture masks by its alpha; this one (a " +
        "luminance mask, a gradient or a tiled picture) is not drawn, the layers it masks are clipped to its outline",
    });
  if (dropped.size > 0)
    problems.push({
      severity: "info",
      code: "react-native-style",
      file: path,
      message: `React Native has no style for ${[...dropped].sort().join(", ")}: left out`,
    });
  return lines.length > 0 ? ["const styles = StyleSheet.create({", ...lines, "});"] : [];
}

/**
 * A narrower screen's rule that shows a box its own style hides or lays out as its parent's (`display: none` or
 * `contents`; a menu's button, its open panel): `display: "flex"`, which React Native's styles otherwise leave unsaid.
 */
function shownAgain(own: RnStyle | undefined, decls: readonly Decl[]): RnEntry[] {
  const display = lastValue(decls, "display");
  const hidden = own?.entries.some(([k, v]) => k === "display" && v !== '"flex"');
  return hidden && display !== undefined && !["none", "contents"].includes(display) ? [["display", '"flex"']] : [];
}

/** The sheet's narrower screens' rules as styles behind the window's width (a rule of a pseudo-class left out). */
function belowStyles(unit: RnUnit): void {
  for (const [cls, rules] of unit.sheet.below) {
    const list: [number, RnEntry[]][] = [];
    for (const [width, decls, pseudo] of rules) {
      if (pseudo !== undefined) continue;
      const style = rnStyle(decls);
      const placed = [...shownAgain(unit.styles.get(cls), decls), ...style.entries, ...(style.fluid ?? [])];
      const own = unit.sheet.rules.get(cls);
      const entries = [...placed, ...centringUndone(own, placed), ...reachUndone(own, decls)];
      // Rules of one width are one style (a later entry of a key wins, as in CSS).
      const same = list.find(([w]) => w === width);
      if (same) same[1] = [...same[1].filter(([k]) => !entries.some(([e]) => e === k)), ...entries];
      else if (entries.length > 0) list.push([width, entries]);
    }
    if (list.length > 0) unit.below.set(cls, list);
  }
}

/**
 * The wider drawings' rules of a page drawn at several widths (the sheet's `@media (min-width: …)` rules, which undo
 * with `revert` what a narrower drawing's rule set) as whole rules, one per drawn width: each the class rule with the
 * rules up to that width applied in turn, a revert dropping its property. React Native then picks the style of the
 * window's width (styleRefs) and needs no revert, which it has no value for. A rule of a pseudo-element or a state is
 * left out (React Native states them otherwise).
 */
function drawnWidthRules(unit: RnUnit): void {
  for (const [cls, list] of unit.sheet.above) {
    const own = unit.sheet.rules.get(cls) ?? [];
    // A component's placement (drawings/page.ts's placementRules): each range's rule is whole, none outside them.
    const bounded = list.some(([min, , , max]) => min === 0 || max !== undefined);
    const rule = new Map(own);
    const ranges: [number, number | undefined, string][] = [];
    for (const [min, decls, pseudo, max] of [...list].sort((a, b) => a[0] - b[0])) {
      if (pseudo) continue;
      if (bounded) rule.clear();
      for (const [p, v] of decls) {
        // Set again at the end: a longhand after its shorthand stays after it.
        rule.delete(p);
        if (v !== "revert") rule.set(p, v);
      }
      const name = unit.sheet.reserve(`${cls}At${min}`);
      unit.sheet.rules.set(name, bounded ? [...own, ...rule] : [...rule]);
      unit.rangeOf.set(name, cls);
      const same = ranges.findIndex(([w]) => w === min);
      if (same >= 0) ranges.splice(same, 1);
      ranges.push([min, max, name]);
    }
    if (ranges.length > 0) unit.ranges.set(cls, ranges);
  }
}

/**
 * A wider drawing's fluid lengths count from its own width, not the screen's narrowest drawing's (`designWidth`):
 * `shrink` and `page` said with that width.
 */
function ownWidthFluid(unit: RnUnit): void {
  for (const list of unit.ranges.values())
    for (const [width, , cls] of list) {
      const style = unit.styles.get(cls);
      if (!style?.fluid || width === 0) continue;
      style.fluid = style.fluid.map(
        ([k, v]): RnEntry => [
          k,
          v.replace(/\bshrink\b/g, `Math.max(0, ${width} - vw)`).replace(/\bpage\b/g, `Math.min(vw, ${width})`),
        ],
      );
    }
}

/** `repeat(auto-fill, minmax(min(100%, 151px), 1fr))`: a grid of columns at least 151 px wide, as many as fit. */
const AUTO_COLUMNS =
  /^repeat\(\s*auto-(?:fill|fit)\s*,\s*minmax\(\s*(?:min\(\s*100%\s*,\s*)?([\d.]+)px\s*\)?\s*,\s*1fr\s*\)\s*\)$/;

/**
 * A narrower screen's grid of as many columns as fit (responsive.ts's card rows) as React Native's flexbox, which has
 * no grid: the box a wrapping row, each item growing from the column's least width.
 */
function gridRows(node: VNode, unit: RnUnit): void {
  if (node.type === "if") return gridRows(node.child, unit);
  if (node.type !== "element") return;
  for (const c of node.children) gridRows(c, unit);
  for (const [width, decls, pseudo] of (node.cls !== undefined && unit.sheet.below.get(node.cls)) || []) {
    const columns = decls.find(([p]) => p === "grid-template-columns")?.[1].trim();
    const least = pseudo === undefined && columns !== undefined ? AUTO_COLUMNS.exec(columns)?.[1] : undefined;
    if (least === undefined) continue;
    addBelow(unit, node.cls!, width, [
      ["flexDirection", '"row"'],
      ["flexWrap", '"wrap"'],
    ]);
    for (const c of node.children)
      if ((c.type === "element" || c.type === "use") && c.cls !== undefined)
        addBelow(unit, c.cls, width, [
          ["flexGrow", "1"],
          ["flexShrink", "1"],
          ["flexBasis", least],
        ]);
  }
}

/** Entries added to a class's style below a width (a later entry of a key wins). */
function addBelow(unit: RnUnit, cls: string, width: number, entries: RnEntry[]): void {
  const list = unit.below.get(cls) ?? [];
  const same = list.find(([w]) => w === width);
  if (same) same[1] = [...same[1].filter(([k]) => !entries.some(([e]) => e === k)), ...entries];
  else list.push([width, entries]);
  unit.below.set(
    cls,
    list.sort((a, b) => b[0] - a[0]),
  );
}

/**
 * The styles that follow the window's size (`windowStyles`, after the StyleSheet): each class's fluid lengths and
 * its narrower screens' rules; and the component's lines that read the window (useWindowDimensions).
 */
function windowStyles(unit: RnUnit): { lines: string[]; setup: string[] } {
  const own = (cls: string, entries: readonly RnEntry[]): readonly RnEntry[] => {
    const base = unit.rangeOf.get(cls) ?? cls;
    return unit.pressOf.has(base) || unit.textOf.has(base) ? entries.filter(([k]) => !TEXT_KEYS.has(k)) : entries;
  };
  const keyed: [string, readonly RnEntry[]][] = [];
  for (const [cls, style] of unit.styles) if (style.fluid) keyed.push([cls, own(cls, style.fluid)]);
  for (const [cls, list] of unit.below)
    for (const [w, entries] of list) keyed.push([`${cls}Below${w}`, own(cls, entries)]);
  // The drawn widths' styles are picked by the window's width (styleRefs).
  if (keyed.length === 0)
    return { lines: [], setup: unit.ranges.size > 0 ? ["const { width: vw } = useWindowDimensions();"] : [] };
  const used = fluidInputs(keyed.flatMap(([, entries]) => entries.map(([, v]) => v)));
  const vw = used.has("vw") || used.has("shrink") || used.has("page") || unit.below.size > 0 || unit.ranges.size > 0;
  const params = [...(vw ? ["vw"] : []), ...(used.has("vh") ? ["vh"] : [])];
  const dims = [...(vw ? ["width: vw"] : []), ...(used.has("vh") ? ["height: vh"] : [])];
  const lines = [
    "/** Styles that follow the window's size: fluid lengths, and narrower screens' rules. */",
    `function windowStyles(${params.map((p) => `${p}: number`).join(", ")}) {`,
    ...(used.has("shrink") ? [`  const shrink = Math.max(0, ${unit.designWidth} - vw);`] : []),
    ...(used.has("page") ? [`  const page = Math.min(vw, ${unit.designWidth});`] : []),
    "  return StyleSheet.create({",
    ...keyed.flatMap(([key, entries]) => [`    ${key}: {`, ...entries.map(([k, v]) => `      ${k}: ${v},`), "    },"]),
    "  });",
    "}",
  ];
  return {
    lines,
    setup: [
      `const { ${dims.join(", ")} } = useWindowDimensions();`,
      `const fluid = windowStyles(${params.join(", ")});`,
    ],
  };
}

export function emitReactNative(doc: DesignDocument, options: ReactNativeOptions): EmittedFiles {
  const problems: Problem[] = [];
  const files: SourceFile[] = [];
  const names = new NameScope(RESERVED);
  const { screenNames, notes, plan } = planScreens(doc, names, (n) => `src/screens/${n}.tsx`, {
    reserved: RESERVED,
    props: [...(options.nodeIds ? [NODE_ID, LAYER_ID] : []), "style", ...WINDOW_LOCALS],
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
    noContainerUnits: true,
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
    navMenu: () => newMenu(unit, () => ""),
    ...(def
      ? componentFileContext(plan, def, { nodeId: NODE_ID, layerId: LAYER_ID }, () => (unit.layerIds = true))
      : {}),
    ...(links && !def ? { links } : {}),
    problems,
  });

  const writeUnit = (unit: RnUnit, tree: VNode, signature: string, setup: string[]): void => {
    const path = `src/${unit.dir}/${unit.name}.tsx`;
    rnMenuTree(tree, unit.sheet);
    nameFields(tree);
    keepLinesWhole(tree, unit.sheet);
    strokeOverlays(tree, unit.sheet);
    drawnWidthRules(unit);
    for (const [cls, decls] of unit.sheet.rules) setStyle(unit, cls, decls, imageOf);
    ownWidthFluid(unit);
    parentShareCaps(tree, unit);
    belowStyles(unit);
    uncapOneWordTexts(tree, unit);
    letWordsGrow(tree, { ...unit, rules: unit.sheet.rules });
    gridRows(tree, unit);
    hoistZ(tree, unit.styles);
    const body = printRn(tree, unit, 2);
    const used = new Set<string>();
    usesOf(tree, used);
    used.delete(unit.name);
    const styles = styleSheet(unit, problems, path);
    const windowed = windowStyles(unit);
    const rn = [
      ...unit.components,
      ...(styles.length > 0 || windowed.lines.length > 0 ? ["StyleSheet"] : []),
      ...(windowed.setup.length > 0 ? ["useWindowDimensions"] : []),
    ];
    const propTypes = unit.dir === "components" ? ["type StyleProp", "type ViewStyle"] : [];
    const hooks = rnMenuHooks(unit.menus);
    const imports = [
      ...hooks.reactImport,
      ...(unit.links.size > 0 ? ['import { Link } from "expo-router";'] : []),
      `import { ${[...rn.sort(), ...propTypes].join(", ")} } from "react-native";`,
      ...(unit.svgXml.size > 0 ? ['import { SvgXml } from "react-native-svg";'] : []),
      ...(unit.drawnMasks.size > 0 ? [`import MaskedView from "${MASKED_VIEW}";`] : []),
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
      ...[...setup, ...hooks.locals, ...windowed.setup].map((l) => `  ${l}`),
      "  return (",
      body,
      "  );",
      "}",
      ...(styles.length > 0 ? ["", ...styles] : []),
      ...(windowed.lines.length > 0 ? ["", ...windowed.lines] : []),
      ...[...unit.svgXml].map(([name, xml]) => `\nconst ${name} = ${JSON.stringify(xml)};`),
      "",
    ].join("\n");
    files.push({ path, content });
  };

  const widest = Math.max(0, ...doc.frames.map((f) => f.w));
  // Every tree is built before any is printed: the pages' outline spans the component files (outline.ts).
  const outline = new PageOutline();
  doc.frames.forEach((frame, index) => {
    // A page drawn at several widths is one tree whose class rules are its narrowest drawing's (drawings/page.ts):
    // the screen's design width is that drawing's.
    const drawings = pageDrawings(doc, frame);
    const unit = newUnit(screenNames[index]!, "screens", Math.min(...drawings.map((d) => d.w)));
    const ctx = contextFor(unit, undefined);
    const tree = buildPage(doc, frame, ctx, buildTree);
    outline.page({ tree, title: frame.name, ctx }, () =>
      writeUnit(unit, tree, `export default function ${unit.name}() {`, []),
    );
    if (drawings.length > 1) problems.push(drawingsNote(drawings, `src/screens/${unit.name}.tsx`));
  });

  for (const def of plan.defs) {
    const unit = newUnit(def.name, "components", widest);
    const tree = buildTree(def.canonical, contextFor(unit, def), true, def.unitWidth);
    const props = [
      ["style", "StyleProp<ViewStyle>", undefined] as const,
      ...propRows(def, options.nodeIds ? NODE_ID : undefined),
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
    outline.component(def.name, tree, () => writeUnit(unit, tree, signature, setup));
  }
  outline.settle();

  for (const key of imageKeysIn(allDrawings(doc))) allImages.add(key);
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
  const fonts = fontPlan(allDrawings(doc));
  const families = [...new Set([...fonts.served, ...fonts.unserved].map((f) => f.family))];
  if (families.length > 0)
    problems.push({
      severity: "info",
      code: "react-native-fonts",
      message: `load the design's fonts (${families.join(", ")}) with expo-font's useFonts before the first screen`,
    });
  return { files, problems, printed: new Map() };
}

/** What React Native makes of a page drawn at several widths. */
function drawingsNote(drawings: readonly DesignNode[], file: string): Problem {
  const widths = drawings.map((d) => Math.round(d.w)).sort((a, b) => a - b);
  return {
    severity: "info",
    code: "react-native-drawings",
    file,
    message:
      `one screen from the page's drawings at ${widths.join(", ")} px: laid out as the ${widths[0]}-px drawing, ` +
      `each wider drawing's styles from its width up (useWindowDimensions); a layer one drawing lacks is ` +
      `display: "none" there, a wrapper only one drawing has display: "contents" elsewhere (React Native 0.77+); ` +
      `the wider drawings' hover and pseudo-element styles are left out, and a button's text keeps the narrowest ` +
      `drawing's text style`,
  };
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

function newUnit(name: string, dir: RnUnit["dir"], designWidth: number): RnUnit {
  const textOf = new Map<string, string>();
  const styles = new Map<string, RnStyle>();
  const below = new Map<string, [number, RnEntry[]][]>();
  const ranges = new Map<string, [number, number | undefined, string][]>();
  /** A class's StyleSheet and fluid styles: none, one, or an array of both. */
  const refsOf = (cls: string, gradients: Map<string, RnEntry>, drawnFills: Set<string>): string[] => [
    ...((styles.get(cls)?.entries.length ?? 0) > 0 || (gradients.has(cls) && !drawnFills.has(cls))
      ? [`styles.${cls}`]
      : []),
    ...(styles.get(cls)?.fluid ? [`fluid.${cls}`] : []),
  ];
  const one = (refs: string[]): string =>
    refs.length === 0 ? "undefined" : refs.length === 1 ? refs[0]! : `[${refs.join(", ")}]`;
  return {
    styles,
    below,
    ranges,
    rangeOf: new Map(),
    designWidth,
    gradients: new Map(),
    drawnFills: new Set(),
    masks: new Map(),
    drawnMasks: new Set(),
    pressOf: new Set(),
    pressable(cls) {
      this.pressOf.add(cls);
    },
    styleRefs(cls) {
      const own = refsOf(cls, this.gradients, this.drawnFills);
      const drawn = ranges.get(cls);
      // A page's drawings: the style of the widest drawing at or below the window's width, else the class's own.
      const when = (min: number, max: number | undefined): string =>
        [...(min > 0 ? [`vw >= ${min}`] : []), ...(max !== undefined ? [`vw < ${max}`] : [])].join(" && ");
      const picked = drawn
        ? [
            drawn.reduce(
              (rest, [min, max, c]) =>
                `${when(min, max)} ? ${one(refsOf(c, this.gradients, this.drawnFills))} : ${rest}`,
              one(own),
            ),
          ]
        : own;
      return [...picked, ...(below.get(cls) ?? []).map(([w]) => `vw < ${w} && fluid.${cls}Below${w}`)];
    },
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
    menus: [],
    fills: new Map(),
    isBlock(cls) {
      return this.sheet.rules.get(cls)?.some(([k, v]) => k === "display" && v === "block") === true;
    },
    textStyle: (cls) => {
      const known = textOf.get(cls);
      if (known) return known;
      const taken = (name: string): boolean => styles.has(name) || [...textOf.values()].includes(name);
      let name = `${cls}Text`;
      for (let k = 2; taken(name); k++) name = `${cls}Text${k}`;
      textOf.set(cls, name);
      return name;
    },
    alignsCharacters(cls) {
      return alignsCharacters(styles.get(cls), below.get(cls), TEXT_KEYS);
    },
  };
}
