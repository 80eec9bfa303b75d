/**
 * Prints the markup tree (vnode.ts) as React Native JSX: React Native's components only — a box is a `View`, a
 * layer with characters a `Text` (its runs nested `Text`s), a button or link a `Pressable`, an image an `Image`
 * (`require()` of its asset) or its SVG file's component (react-native-svg-transformer's import), drawn vectors
 * `SvgXml` (react-native-svg), a field a `TextInput`. Styles are the file's `StyleSheet` entries (`styles.card`).
 */
import { jsString } from "../markup.js";
import { rnMenuProps, rnStateStyle } from "./nav-menu.js";
import { rnAccessibleProps } from "./accessible.js";
import type { AttrValue, ElementNode, VNode } from "../vnode.js";

/** What a file's printing needs and collects. */
export interface RnPrintUnit {
  /** React Native components the file uses (imported from "react-native"). */
  components: Set<string>;
  /** SVG files' components, by their `src` identifier (imported from the asset). */
  svgComponents: Set<string>;
  /** Drawn vectors' markup, each a constant at the end of the file: name → markup. */
  svgXml: Map<string, string>;
  /** A class's Text style when its button or link holds characters (`cls` → its key for the characters). */
  textStyle(cls: string): string | undefined;
  /** A class on a Pressable (a box: its text styles go to its characters' Text). */
  pressable(cls: string): void;
  /**
   * A class's styles: its StyleSheet entry, its window-dependent one and its narrower screens' ones (each behind its
   * width); none when its declarations are all CSS React Native has no style for.
   */
  styleRefs(cls: string): string[];
  /** Route of a link's href (expo-router's `Link`), when the link goes to a screen. */
  links: Set<string>;
  /** A class's image or gradient fill: the JSX of the box's first child (background.ts, gradient.ts). */
  fills: Map<string, string>;
  /** Classes whose fill was printed (a gradient on a box printed as a Text stays a style). */
  drawnFills: Set<string>;
  /** A class's mask picture (mask-picture.ts): its box is a MaskedView, this makes the JSX of its `maskElement`. */
  masks: Map<string, () => string>;
  /** Classes printed as a MaskedView. */
  drawnMasks: Set<string>;
  /** Whether a class makes its run a block (a paragraph with spacing below it: build.ts's `paragraphs`). */
  isBlock(cls: string): boolean;
  /** Whether a class's box places its characters lower or in its middle (a Text lays out no flexbox of its own). */
  alignsCharacters(cls: string): boolean;
}

/** Elements printed as a Text when their children are characters (a button's or a link's box is a Pressable). */
export const TEXTY = new Set(["p", "span", "h1", "h2", "h3", "h4", "h5", "h6", "label", "strong", "em", "small", "li"]);
const PRESSABLE = new Set(["button", "a", "Link"]);

function hasCharacters(node: ElementNode): boolean {
  return node.children.some(
    (c) => c.type === "text" || c.type === "prop" || (c.type === "element" && c.inline === true),
  );
}

/** A child laid out as a box of its own: a component, or an element that is not a run of characters. */
function isBox(node: VNode): boolean {
  if (node.type === "if") return isBox(node.child);
  return node.type === "use" || (node.type === "element" && node.inline !== true);
}

function expr(value: AttrValue): string {
  return typeof value === "string" ? jsString(value) : value.expr;
}

function attrText(name: string, value: AttrValue): string {
  return typeof value === "string" && !/["\\{}<>&\n]/.test(value) ? `${name}="${value}"` : `${name}={${expr(value)}}`;
}

/**
 * Characters as JSX text: as they are, or a string expression where JSX would read or condense them (and where a
 * no-break space would be invisible: written `\u00a0`).
 */
function jsxText(value: string): string {
  if (value === "") return "";
  return /[{}<>&\n\r\t"\u00a0]|^\s|\s$|\s\s/.test(value) ? `{${jsString(value)}}` : value;
}

function styleAttr(unit: RnPrintUnit, node: { cls?: string; mergeClassNameProp?: boolean }): string | undefined {
  const refs = [
    ...(node.cls !== undefined ? unit.styleRefs(node.cls) : []),
    ...(node.mergeClassNameProp ? ["style"] : []),
  ];
  if (refs.length === 0) return undefined;
  return refs.length === 1 ? `style={${refs[0]}}` : `style={[${refs.join(", ")}]}`;
}

function tagOf(node: ElementNode): string {
  if (node.svgMarkup !== undefined) return "SvgXml";
  if (node.tag === "img") return "Image";
  if (node.tag === "input" || node.tag === "textarea") return "TextInput";
  if (PRESSABLE.has(node.tag)) return "Pressable";
  if (hasCharacters(node)) return "Text";
  // A label or list item that holds boxes (a toggle's label round its layers) is a box: a Text lays them inline.
  if ((TEXTY.has(node.tag) || node.inline) && !node.children.some(isBox)) return "Text";
  return "View";
}

/** The vector's markup as one `<svg>` document, its root attributes from the element's. */
function svgDocument(node: ElementNode): string {
  const attrs = node.attrs
    .filter(([k, v]) => typeof v === "string" && ["viewBox", "fill", "preserveAspectRatio", "overflow"].includes(k))
    .map(([k, v]) => ` ${k}="${v as string}"`)
    .join("");
  return `<svg${attrs}>${node.svgMarkup ?? ""}</svg>`;
}

function svgName(unit: RnPrintUnit, node: ElementNode): string {
  const base = (node.cls ?? "vector").replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
  let name = `${base}_XML`;
  for (let n = 2; unit.svgXml.has(name) && unit.svgXml.get(name) !== svgDocument(node); n++) name = `${base}${n}_XML`;
  unit.svgXml.set(name, svgDocument(node));
  return name;
}

function printElement(node: ElementNode, unit: RnPrintUnit, pad: string, indent: number, extra: string[]): string {
  const tag = tagOf(node);
  const ids = node.nodeId !== undefined ? [attrText("testID", node.nodeId)] : [];
  const line = (name: string, attrs: (string | undefined)[], close: string): string => {
    const list = [...extra, ...attrs].filter((a): a is string => a !== undefined && a !== "");
    return `${pad}<${name}${list.length > 0 ? " " + list.join(" ") : ""}${close}`;
  };
  if (tag === "SvgXml") {
    // The View keeps the layer's box (and its id); the drawing fills it.
    unit.components.add("View");
    const name = svgName(unit, node);
    return [
      line("View", [styleAttr(unit, node), ...ids], ">"),
      `${pad}  <SvgXml xml={${name}} width="100%" height="100%" />`,
      `${pad}</View>`,
    ].join("\n");
  }
  if (tag === "Image") {
    const src = node.attrs.find(([k]) => k === "src")?.[1];
    const alt = node.attrs.find(([k]) => k === "alt")?.[1];
    const source = src === undefined ? "" : expr(src);
    if (unit.svgComponents.has(source)) return line(source, [styleAttr(unit, node), ...ids], " />");
    unit.components.add("Image");
    const altAttr = alt !== undefined && alt !== "" ? attrText("alt", alt) : undefined;
    return line("Image", [`source={${source}}`, styleAttr(unit, node), ...ids, altAttr], " />");
  }
  if (tag === "TextInput") {
    unit.components.add("TextInput");
    const placeholder = node.attrs.find(([k]) => k === "placeholder")?.[1];
    const value = node.attrs.find(([k]) => k === "value")?.[1];
    const attrs = [
      styleAttr(unit, node),
      ...ids,
      placeholder !== undefined ? attrText("placeholder", placeholder) : undefined,
      value !== undefined ? attrText("defaultValue", value) : undefined,
      node.tag === "textarea" ? "multiline" : undefined,
      ...rnAccessibleProps(node, []),
    ];
    return line("TextInput", attrs, " />");
  }
  const mask = tag === "View" && node.cls !== undefined ? unit.masks.get(node.cls) : undefined;
  if (mask !== undefined) return printMasked(node, unit, pad, indent, line, mask());
  unit.components.add(tag);
  if (tag === "Pressable" && node.cls !== undefined) unit.pressable(node.cls);
  const href = node.attrs.find(([k]) => k === "href" || k === "to")?.[1];
  const route = typeof href === "string" && href.startsWith("/") ? href : undefined;
  if (tag === "Pressable" && route !== undefined) {
    unit.links.add(route);
    const inner = printElement({ ...node, tag: "button", attrs: [] }, unit, `${pad}  `, indent + 1, []);
    return [line("Link", [`href=${JSON.stringify(route)}`, "asChild"], ">"), inner, `${pad}</Link>`].join("\n");
  }
  const fill = tag === "View" && node.cls !== undefined ? unit.fills.get(node.cls) : undefined;
  if (fill !== undefined && node.cls !== undefined) unit.drawnFills.add(node.cls);
  const style = rnStateStyle(node, (cls) => unit.styleRefs(cls)) ?? styleAttr(unit, node);
  const menu = rnMenuProps(node);
  let open = line(tag, [style, ...ids, ...menu, ...rnAccessibleProps(node, menu)], ">");
  if (fill !== undefined) {
    const children = node.children.map((c) => printRn(c, unit, indent + 1));
    return [open, `${pad}  ${fill}`, ...children, `${pad}</${tag}>`].join("\n");
  }
  if (node.children.length === 0) return `${open.slice(0, -1)} />`;
  const aligned =
    tag === "Text" &&
    node.cls !== undefined &&
    unit.alignsCharacters(node.cls) &&
    !node.children.some((c) => isParagraph(c, unit));
  if ((tag === "Pressable" || aligned) && hasCharacters(node)) {
    // A Pressable is a box: its characters are a Text with the class's text styles. So is a text whose box sets its
    // characters at its bottom or middle: a Text is no flexbox, a View is.
    unit.components.add("Text");
    if (aligned) {
      unit.components.add("View");
      open = open.replace(/^(\s*)<Text/, "$1<View");
    }
    const textCls = node.cls !== undefined ? unit.textStyle(node.cls) : undefined;
    const text = textCls !== undefined ? ` style={styles.${textCls}}` : "";
    const chars = node.children.map((c) => printRn(c, unit, 0)).join("");
    return `${open}\n${pad}  <Text${text}>${chars}</Text>\n${pad}</${aligned ? "View" : tag}>`;
  }
  if (tag === "Text" && node.cls !== undefined && node.children.some((c) => isParagraph(c, unit)))
    return printParagraphs(node, unit, open, pad);
  if (tag === "Text" && hasCharacters(node))
    return `${open}${node.children.map((c) => printRn(c, unit, 0)).join("")}</${tag}>`;
  return `${open}\n${node.children.map((c) => printRn(c, unit, indent + 1)).join("\n")}\n${pad}</${tag}>`;
}

/**
 * A box that carries a mask's picture: a MaskedView (@react-native-masked-view/masked-view), its children seen through
 * `maskElement`'s alpha; its own fill, if any, first among them as in a View.
 */
function printMasked(
  node: ElementNode,
  unit: RnPrintUnit,
  pad: string,
  indent: number,
  line: (name: string, attrs: (string | undefined)[], close: string) => string,
  maskElement: string,
): string {
  unit.drawnMasks.add(node.cls!);
  const fill = unit.fills.get(node.cls!);
  if (fill !== undefined) unit.drawnFills.add(node.cls!);
  const ids = node.nodeId !== undefined ? [attrText("testID", node.nodeId)] : [];
  const attrs = [styleAttr(unit, node), ...ids, ...rnAccessibleProps(node, []), `maskElement={${maskElement}}`];
  const children = [
    ...(fill !== undefined ? [`${pad}  ${fill}`] : []),
    ...node.children.map((c) => printRn(c, unit, indent + 1)),
  ];
  if (children.length === 0) return line("MaskedView", attrs, " />");
  return [line("MaskedView", attrs, ">"), ...children, `${pad}</MaskedView>`].join("\n");
}

function isParagraph(node: VNode, unit: RnPrintUnit): boolean {
  return node.type === "element" && node.inline === true && node.cls !== undefined && unit.isBlock(node.cls);
}

/**
 * A text of paragraphs with spacing between them: a nested Text is inline (it takes no margin), so the layer is a
 * View of one Text per paragraph, each with the layer's text style and its paragraph's spacing below it.
 */
function printParagraphs(node: ElementNode, unit: RnPrintUnit, open: string, pad: string): string {
  unit.components.add("View");
  const text = `styles.${unit.textStyle(node.cls!)}`;
  const lines: string[] = [];
  let run: VNode[] = [];
  const flush = (): void => {
    if (run.length > 0)
      lines.push(`${pad}  <Text style={${text}}>${run.map((c) => printRn(c, unit, 0)).join("")}</Text>`);
    run = [];
  };
  for (const c of node.children) {
    if (c.type !== "element" || !isParagraph(c, unit)) {
      run.push(c);
      continue;
    }
    flush();
    const chars = c.children.map((g) => printRn(g, unit, 0)).join("");
    const refs = [text, ...unit.styleRefs(c.cls!)];
    lines.push(`${pad}  <Text style={${refs.length > 1 ? `[${refs.join(", ")}]` : text}}>${chars}</Text>`);
  }
  flush();
  return [open.replace(/^(\s*)<Text/, "$1<View"), ...lines, `${pad}</View>`].join("\n");
}

/** The JSX of a tree; `extra` goes on the node's opening tag. */
export function printRn(node: VNode, unit: RnPrintUnit, indent = 0, extra: string[] = []): string {
  const pad = "  ".repeat(indent);
  switch (node.type) {
    case "text":
      return pad + jsxText(node.value);
    case "prop":
      return `${pad}{${node.name}}`;
    case "if":
      return `${pad}{${node.prop} && (\n${printRn(node.child, unit, indent + 1)}\n${pad})}`;
    case "mapped":
      throw new Error("the team's components are drawn in React output only");
    case "use": {
      const attrs = [
        ...extra,
        styleAttr(unit, node),
        node.nodeId !== undefined ? attrText("testID", node.nodeId) : undefined,
        ...node.props.map(([k, v]) => (typeof v === "boolean" ? `${k}={${v}}` : attrText(k, v))),
      ].filter((a): a is string => a !== undefined);
      return `${pad}<${node.component}${attrs.length > 0 ? " " + attrs.join(" ") : ""} />`;
    }
    case "element":
      return printElement(node, unit, pad, indent, extra);
  }
}
