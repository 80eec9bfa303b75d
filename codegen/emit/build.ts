/** Design tree → markup tree + stylesheet, shared by the React and HTML emitters. */
import { round } from "../design/color.js";
import { px } from "../css/decl.js";
import { drawnOnOneLine } from "../design/one-line.js";
import type { Asset, DesignNode } from "../design/types.js";
import type { Problem } from "../types.js";
import {
  ownDecls,
  placementDecls,
  rootDecls,
  sidedBorderDecls,
  sidedStroke,
  strokeOverlayDecls,
  textStyleDecls,
  type AssetUrls,
  type Decl,
} from "./css.js";
import { inputDecls } from "./field-style.js";
import { planForm, type FormPlan } from "./forms.js";
import { drawnFrame } from "../layout/index.js";
import { belowDecls, inContainerUnits, itemPlacement, ownBelowOverPlacement, responsiveDecls } from "./responsive.js";
import {
  bleedDecls,
  fillItemBelow,
  overhangClip,
  pageLayer,
  pageScope,
  passesBleed,
  rootBelow,
  spansScreen,
  type PageScope,
} from "./page.js";
import { drawnSpaces } from "./whitespace.js";
import { maskPlan, unpaintedMask, type MaskPlan } from "./mask.js";
import { type Semantics, semanticsFor } from "./semantics.js";
import { buildMapped, type MappedUsage } from "./mapped.js";
import { navLinkDecls, NavPlan, type NavMenuNames } from "./nav-menu.js";
import type { AttrValue, ComponentUse, ElementNode, Sheet, VNode } from "./vnode.js";
import { linkDecls, linkSemantics, wrappedUse } from "./links.js";
import { addStateRules, layersApart, type StatePlan, type ToggleKind } from "./variant-states.js";
import { plural } from "../../kernel/plural.js";
import type { LinkPlan } from "../prototype/links.js";
import type { LayerPrototype } from "../prototype/model.js";
import { clipForSticky, scrollDecls } from "./scrolling.js";
import type { TokenContext } from "../tokens/index.js";

export interface ComponentUsage {
  component: string;
  props: [string, string | boolean][];
}

/** How the current file refers to things outside it. */
export interface BuildContext {
  sheet: Sheet;
  nodeIds: boolean;
  assets: Record<string, Asset>;
  urls: AssetUrls;
  /** `src` for an image asset: a path (HTML) or an imported identifier (React), as an attribute value. */
  imageSrc(key: string): AttrValue;
  /** Class name base for a node (camelCase for CSS modules, kebab-case for plain CSS). */
  classBase(node: DesignNode, fallback: string): string;
  /** React: instances drawn by a component file instead of inline markup. */
  componentFor?(node: DesignNode): ComponentUsage | undefined;
  /**
   * HTML with `nodeIds`: the React component an instance's markup stands for (`data-figment-component`), so the
   * layers read back from the page make it one main component with instances (issue 51).
   */
  componentMark?(node: DesignNode): string | undefined;
  /** React: instances the component mapping names, drawn as the team's own components. */
  mappedFor?(node: DesignNode): MappedUsage | undefined;
  /** Inside a component definition: the prop that supplies a layer's text or visibility. */
  textProp?(node: DesignNode): string | undefined;
  /** Whether a text prop breaks lines (its text keeps them: `white-space`). */
  textPropLines?(node: DesignNode): boolean;
  visibleProp?(node: DesignNode): string | undefined;
  /**
   * Inside a component definition (with `nodeIds`): the id a layer of it has in the instance drawn, an expression
   * on the component's `data-node-id` prop, or the id as it is when the layer's id says nothing of its instance.
   */
  layerId?(id: string): AttrValue;
  /** Design tokens: bound values as `var(--…)`, and the attributes that put a layer into a mode. */
  tokens?: TokenContext;
  /**
   * The page's base styles are Tailwind's preflight, not the browser's: its `line-height: 1.5` is inherited by
   * every element, so a text with Figma's auto line height says the browser's `normal` itself.
   */
  preflight?: boolean;
  /**
   * Lengths inside a box that scales as a unit stay in px (React Native has no container units: a layer in them, a
   * masked picture in a group that scales, was drawn 0×0).
   */
  noContainerUnits?: boolean;
  /**
   * Names for a navigation bar's menu in this file (nav-menu.ts): HTML a popover's id, React the state's names (the
   * file then declares them). Without it, bars are drawn as they are.
   */
  navMenu?(): NavMenuNames | undefined;
  /** The prototype's links (codegen/prototype/links.ts): the layers a click navigates from, the anchors. */
  links?: LinkPlan;
  /** The prototype's scroll settings of a layer (fixed, sticky, a frame that scrolls inside: scrolling.ts). */
  scrolling?(id: string): LayerPrototype | undefined;
  /** The prototype's hover and press variants (variant-states.ts), and the classes the tree's layers get. */
  states?: StatePlan;
  /** The view-transition name a smart animate gives a layer on both pages (prototype/transitions.ts). */
  morph?(id: string): string | undefined;
  problems: Problem[];
}

const SVG_ROOT = /^<svg\b([^>]*)>([\s\S]*)<\/svg>$/;

function svgElement(node: DesignNode, asset: Asset | undefined, ctx: BuildContext): ElementNode | undefined {
  const { nodeIds, tokens } = ctx;
  if (asset?.kind !== "svg" || !asset.svg) return undefined;
  // A placeholder SVG only knows solid colours; a gradient or image fill looks right as a CSS background.
  if (asset.placeholder && (node.fills ?? []).some((f) => f.kind !== "solid")) return undefined;
  const m = SVG_ROOT.exec(asset.svg);
  if (!m) return undefined;
  const viewBox = /viewBox="([^"]*)"/.exec(m[1]!)?.[1];
  const drawn = tokens ? tokens.svg(node, m[2]!) : m[2]!;
  const body = nodeIds ? drawn : drawn.replace(/ data-node-id="[^"]*"/g, "");
  const attrs: [string, string][] = [];
  if (viewBox) attrs.push(["viewBox", viewBox]);
  attrs.push(["fill", "none"], ["overflow", "visible"]);
  // A background stretched with its box (a section's, which grows with its content below the design width) covers it:
  // its drawing stretches, as Figma stretches a vector its constraints resize, instead of shrinking to fit inside.
  if ((node.constraintH === "left-right" && node.constraintV === "top-bottom") || node.stack?.role === "background")
    attrs.push(["preserveAspectRatio", "none"]);
  if (node.name) attrs.push(["role", "img"], ["aria-label", node.name]);
  else attrs.push(["aria-hidden", "true"]);
  // In a component file, the shapes' ids are the instance's own.
  const svgNodeIds: Record<string, string> = {};
  if (nodeIds && ctx.layerId) {
    for (const [, id] of body.matchAll(/ data-node-id="([^"]*)"/g)) {
      const value = ctx.layerId(id!);
      if (typeof value !== "string") svgNodeIds[id!] = value.expr;
    }
  }
  return {
    type: "element",
    tag: "svg",
    attrs,
    children: [],
    svgMarkup: body,
    ...(Object.keys(svgNodeIds).length > 0 ? { svgNodeIds } : {}),
  };
}

/**
 * The prototype's scrolling of `node` (fixed, sticky, scrolling inside) written into its `decls`, whether drawn here,
 * by a component file or by the team's component: the placement is this file's either way.
 */
function scrollAsDrawn(node: DesignNode, decls: Decl[], ctx: BuildContext, flags: Flags): Decl[] {
  if (flags.root && ctx.scrolling) return clipForSticky(node, decls, ctx.scrolling);
  const scrolling = ctx.scrolling?.(node.id);
  if (scrolling && !flags.root && !scrollDecls(scrolling, decls, flags.screenRoot?.w))
    ctx.problems.push({
      severity: "info",
      code: "prototype",
      message: `“${node.name}”: sticks at the top in the prototype; placed absolutely, it scrolls with the page here`,
      nodeId: node.id,
    });
  return decls;
}

/** The `data-node-id` of a layer: its own id, or in a component file the id it has in the instance drawn. */
const layerIdOf = (node: DesignNode, ctx: BuildContext): AttrValue => ctx.layerId?.(node.id) ?? node.id;

/**
 * A text drawn on one line in a box of fixed width keeps its one line when the browser's font sets it a pixel or
 * two wider than Figma's did (another font where the design's is not installed, other hinting): its box is at
 * least the drawn width and grows to its line, up to its container's width, where it wraps as before.
 *
 * An item of a designer's row or column keeps its drawn width as its `width`, and grows to its line with
 * `min-width: fit-content` (its one line, but never past the space its container gives it, so it still wraps on a
 * narrower screen): a row or column that hugs its content is as wide as its items' boxes in Figma, the drawn 607 px
 * of a text whose words take 563. A `max-content` width with a `min(607px, 100%)` floor would not do: while the
 * container sizes itself the percentage has nothing to resolve against and counts as 0, so it hugs the 563-px line.
 * A layer placed absolutely sizes no container: its box is its line, at least the drawn width, up to its container.
 */
function holdOneLine(node: DesignNode, decls: Decl[], inFlow: boolean): void {
  const text = node.text;
  if (
    !text ||
    text.resize === "width" ||
    text.resize === "truncate" ||
    text.maxLines !== undefined ||
    node.rotation !== undefined
  )
    return;
  if (!drawnOnOneLine(text, node.h, text.style.lineHeight ?? text.style.size * 1.2)) return;
  const at = decls.findIndex(([p, v]) => p === "width" && v === `${round(node.w)}px`);
  if (at < 0 || decls.some(([p]) => p === "min-width")) return;
  if (inFlow) decls.push(["min-width", "fit-content"]);
  else {
    decls[at] = ["width", "max-content"];
    // Never wider than the container: a min-width would win over max-width on a narrow screen.
    decls.push(["min-width", `min(${round(node.w)}px, 100%)`]);
  }
  if (!decls.some(([p]) => p === "max-width")) decls.push(["max-width", "100%"]);
}

/** For a `white-space` that collapses line breaks, the one that keeps them and wraps as it does (or holds one line). */
const KEEPING_LINES: Readonly<Record<string, string>> = { normal: "pre-line", nowrap: "pre" };

/**
 * A text prop's declarations, at the design width (`own`) or below it (a rule that lets it wrap on a narrow screen, a
 * nav link's): each `white-space` keeps the line breaks; without one at the design width, `pre-line`.
 */
function linesKept(decls: Decl[], own: boolean): Decl[] {
  const kept = decls.map(([p, v]): Decl => (p === "white-space" ? [p, KEEPING_LINES[v] ?? v] : [p, v]));
  return own && !kept.some(([p]) => p === "white-space") ? [...kept, ["white-space", "pre-line"]] : kept;
}

/** Elements with an intrinsic size (svg, img, input) ignore left+right / top+bottom stretching. */
const REPLACED = new Set(["svg", "img", "input"]);
/** Elements a reader focuses or types in (variant-states.ts never hides them in a hover, press or focus). */
const FOCUSED = new Set(["input", "textarea", "select", "button", "a"]);

function stretchReplaced(decls: Decl[]): void {
  const value = (p: string): string | undefined => decls.find(([q]) => q === p)?.[1];
  const stretch = (start: string, end: string, size: string): void => {
    const a = value(start);
    const b = value(end);
    if (a === undefined || b === undefined || value(size) !== undefined) return;
    decls.push([size, `calc(100% - ${a === "0" ? "0px" : a} - ${b === "0" ? "0px" : b})`]);
  };
  stretch("left", "right", "width");
  stretch("top", "bottom", "height");
}

interface Flags {
  /** Inside a box that scales as a unit (DesignNode.scaled): that box's design width, for container units. */
  unitWidth?: number;
  root: boolean;
  componentRoot: boolean;
  insideInteractive: boolean;
  form: FormPlan;
  /** The navigation bars drawn in this file. */
  nav?: NavPlan;
  /** Inside an item of a designer's row that reflows (FlexLayout.reflow): a card that may get narrower than drawn. */
  inReflow?: boolean;
  /** The node's parent spans the screen and lets what spans it reach past the root's sides (codegen/emit/page.ts). */
  bleed?: PageScope;
  /** The node is an item of this screen's root. */
  screenRoot?: DesignNode;
  /** Inside a mask layer: drawn as boxes, unpainted (mask.ts). */
  unpainted?: boolean;
}

/** The navigation bars `frame` draws in this file, when the file can hold their menus. */
function navPlan(frame: DesignNode, ctx: BuildContext, drawn: DesignNode): NavPlan | undefined {
  const names = ctx.navMenu;
  if (!names) return undefined;
  const classBase = (name: string): string => ctx.classBase({ id: "", name, kind: "group", w: 0, h: 0 }, name);
  const plan = new NavPlan(
    frame,
    { sheet: ctx.sheet, classBase, names },
    (n) => n !== drawn && (ctx.componentFor?.(n) !== undefined || ctx.mappedFor?.(n) !== undefined),
  );
  return plan.empty ? undefined : plan;
}

/** `unitWidth`: a component drawn inside a box that scales as a unit, that box's design width (container units). */
export function buildTree(frame: DesignNode, ctx: BuildContext, componentRoot = false, unitWidth?: number): VNode {
  // Layers drawn by a component file plan their own fields there; a component, drawn many times, has no ids.
  const drawn = drawnFrame(frame);
  const form = planForm(drawn, {
    ids: !componentRoot,
    rootCanBeField: componentRoot,
    opaque: (n) => n !== drawn && (ctx.componentFor?.(n) !== undefined || ctx.mappedFor?.(n) !== undefined),
  });
  const nav = navPlan(frame, ctx, frame);
  const built = buildNode(frame, undefined, ctx, {
    root: !componentRoot,
    componentRoot,
    insideInteractive: false,
    form,
    ...(unitWidth !== undefined ? { unitWidth } : {}),
    ...(nav ? { nav } : {}),
  });
  if (!built) return { type: "element", tag: "div", attrs: [], children: [] };
  return built;
}

function buildNode(
  drawnNode: DesignNode,
  parent: DesignNode | undefined,
  ctx: BuildContext,
  flags: Flags,
): VNode | undefined {
  // A mask is not painted (nor are its layers): it keeps its box (its layer is measured), the siblings above it take
  // its shape. Props are looked up by the layer drawn.
  const node = drawnNode.mask || flags.unpainted ? unpaintedMask(drawnNode) : drawnNode;
  const visibleProp = ctx.visibleProp?.(drawnNode);
  if (node.hidden && visibleProp === undefined) return undefined;
  const wrapVisibility = (vnode: VNode): VNode =>
    visibleProp ? { type: "if", prop: visibleProp, child: vnode } : vnode;
  const placement: Decl[] = flags.root ? rootDecls(node) : parent ? placementDecls(node, parent) : [];

  // An instance drawn by a component (a file of its own, or the team's): its place here is all this file says of it,
  // with what its place in an inferred flow adds (margins, alignment), as for a layer drawn here.
  const placed = (): Decl[] => {
    const extras = itemPlacement(node, flags.root ? undefined : parent, placement);
    return flags.unitWidth !== undefined && !ctx.noContainerUnits ? inContainerUnits(extras, flags.unitWidth) : extras;
  };
  const mapped = !flags.componentRoot && !flags.root ? ctx.mappedFor?.(node) : undefined;
  if (mapped) {
    const layerFlags: Flags = {
      root: false,
      componentRoot: false,
      insideInteractive: flags.insideInteractive,
      form: flags.form,
    };
    const decls = (n: DesignNode, d: Decl[]): Decl[] => (ctx.tokens ? ctx.tokens.decls(n, d) : d);
    const nodeId = ctx.nodeIds ? layerIdOf(node, ctx) : undefined;
    const placedHere = placed();
    scrollAsDrawn(node, placedHere, ctx, flags);
    const built = buildMapped(node, placedHere, mapped, {
      sheet: ctx.sheet,
      nodeId,
      classBase: (n, f) => ctx.classBase(n, f),
      decls,
      layer: (n) => buildNode(n, undefined, ctx, layerFlags),
    });
    if (built.type === "element" && built.cls)
      for (const [width, below] of belowDecls(node, "placement", flags.root ? undefined : parent))
        ctx.sheet.addBelow(built.cls, width, below);
    return wrapVisibility(built);
  }
  const usage = !flags.componentRoot && !flags.root ? ctx.componentFor?.(node) : undefined;
  if (usage) {
    const decls = placed();
    scrollAsDrawn(node, decls, ctx, flags);
    const navBelow = flags.nav?.belowDecls(node, decls, true) ?? [];
    const base = ctx.classBase(node, usage.component);
    const below = [
      ...belowDecls(node, "placement", flags.root ? undefined : parent),
      ...ownBelowOverPlacement(node, decls, flags.root ? undefined : parent),
      ...fillBelow(node, flags),
      ...navBelow,
    ];
    const cls =
      ctx.sheet.add(base, ctx.tokens ? ctx.tokens.decls(node, decls) : decls) ??
      (below.length > 0 ? ctx.sheet.reserve(base) : undefined);
    if (cls) for (const [width, decls] of below) ctx.sheet.addBelow(cls, width, decls);
    const use: ComponentUse = {
      type: "use",
      component: usage.component,
      props: usage.props,
      ...(cls ? { cls } : {}),
      ...(ctx.nodeIds ? { nodeId: layerIdOf(node, ctx) } : {}),
    };
    const link = flags.insideInteractive ? undefined : ctx.links?.linkFor(node.id);
    return wrapVisibility(link ? wrappedUse(use, link, ctx.sheet, base) : use);
  }

  const svg = node.asset !== undefined ? svgElement(node, ctx.assets[node.asset], ctx) : undefined;
  const drawnAs = semanticsFor(node, {
    root: flags.root,
    insideInteractive: flags.insideInteractive,
    insideText: false,
    form: flags.form,
  });
  // A layer the prototype's click navigates from is a link (not inside another one; an icon's SVG inside its link).
  const link = !flags.root && !flags.insideInteractive ? ctx.links?.linkFor(node.id) : undefined;
  const linked = link && !svg ? linkSemantics(link) : undefined;
  const toggle = !svg && !link && !flags.root && !flags.insideInteractive ? toggleOf(node, ctx) : undefined;
  const semantics = svg
    ? { tag: "svg", attrs: svg.attrs, interactive: false }
    : linked
      ? linked
      : toggle
        ? TOGGLE_SEMANTICS[toggle]
        : flags.nav
          ? flags.nav.semantics(node, drawnAs, flags.insideInteractive)
          : drawnAs;
  const masks = (node.children ?? []).some((c) => c.mask && !c.hidden)
    ? maskPlan(node, ctx.urls, ctx.assets, flags.root)
    : undefined;
  let decls = [...placement, ...ownDecls(node, ctx.urls, svg !== undefined), ...(masks?.own ?? [])];
  if (ctx.preflight && node.kind === "text" && node.text && node.text.style.lineHeight === undefined)
    decls.push(["line-height", "normal"]);
  let placeholder: Decl[] = [];
  if (semantics.tag === "input" && node.kind === "text") {
    const input = inputDecls(node, decls);
    decls.splice(0, decls.length, ...input.own);
    placeholder = input.placeholder;
  }
  if (REPLACED.has(semantics.tag)) stretchReplaced(decls);
  // A replaced element draws no ::after: its stroke per side is a border (inside its box, as box-sizing is border-box).
  if (REPLACED.has(semantics.tag) && !svg && sidedStroke(node)) decls.push(...sidedBorderDecls(node));
  if (semantics.tag === "img") {
    // The image is the element's content, not its background.
    const image = node.fills?.find((f) => f.kind === "image");
    const filtered = decls.filter(([p]) => p !== "background" && p !== "background-color");
    if (image?.kind === "image")
      filtered.push(["object-fit", image.fit === "fill" ? "fill" : image.fit === "contain" ? "contain" : "cover"]);
    decls.length = 0;
    decls.push(...filtered);
  }
  if (linked) linkDecls(semantics.tag, decls);
  else tagResets(node, semantics.tag, decls, flags);
  // A toggle's label is a box of the layout, clicked (an inline label would ignore its size).
  if (toggle === "checkbox") {
    if (!decls.some(([p]) => p === "display")) decls.push(["display", "block"]);
    decls.push(["cursor", "pointer"]);
  }

  // Last, so that an inferred item's margins come after the semantic resets (`margin: 0` on headings). A new list
  // (nothing holds the old one): copied back into it with a spread, it was a hot line of this function.
  decls = responsiveDecls(node, flags.root ? undefined : parent, decls, flags.root, flags.unitWidth !== undefined);
  if (node.kind === "text") holdOneLine(node, decls, parent?.layout !== undefined && !node.absolute);
  // In a card that gets narrower than drawn, a box that hugs its content never runs past the card's side.
  if (
    flags.inReflow &&
    parent?.layout &&
    !node.absolute &&
    node.sizeH === "hug" &&
    node.kind !== "text" &&
    !decls.some(([p]) => p === "max-width")
  )
    decls.push(["max-width", "100%"]);
  // A text prop's line breaks are characters of its value: its `white-space` keeps them, below the design width too
  // (a literal text has <br />).
  const keepsLines = node.kind === "text" && semantics.tag !== "input" && ctx.textPropLines?.(node) === true;
  if (flags.unitWidth !== undefined && !ctx.noContainerUnits)
    decls = inContainerUnits(decls, flags.unitWidth, node.kind === "text" ? node.text?.style : undefined);
  // Tailwind's preflight caps images at their container's width (`max-width: 100%`); the design's may be wider.
  if (ctx.preflight && semantics.tag === "img" && !decls.some(([p]) => p === "max-width"))
    decls.push(["max-width", "none"]);
  decls = scrollAsDrawn(node, decls, ctx, flags);
  let styled = ctx.tokens ? ctx.tokens.decls(node, decls) : decls;
  // A screen's root gives its fill and its clip to the page around it; a layer across the screen reaches past it.
  const page =
    flags.root && !REPLACED.has(semantics.tag) && semantics.tag !== "hr" && node.kind !== "text"
      ? pageLayer(node, styled, ctx.assets)
      : undefined;
  if (page) styled = page.root;
  else if (flags.bleed) styled = pageDecls(node, styled, flags.bleed, semantics.tag, ctx);
  if (keepsLines) styled = linesKept(styled, true);
  const pageCls = page
    ? ctx.sheet.add(ctx.classBase({ ...node, name: `${node.name} page` }, "page"), page.page)
    : undefined;
  const navBelow = flags.nav?.belowDecls(node, decls) ?? [];
  const base = ctx.classBase(node, flags.root ? "root" : node.kind);
  const overlay = svg || REPLACED.has(semantics.tag) || semantics.tag === "hr" ? [] : strokeOverlayDecls(node);
  // A component's root: the height it grows from below a width is its placement's (the file that places it).
  const layoutBelow = [
    ...belowDecls(node, flags.componentRoot ? "own" : "all", flags.root ? undefined : parent),
    ...(flags.root ? rootBelow(node) : fillBelow(node, flags)),
    ...navBelow,
  ];
  const below = keepsLines
    ? layoutBelow.map(([width, list]): [number, Decl[]] => [width, linesKept(list, false)])
    : layoutBelow;
  // A box with nothing to say at the design width may still have rules below it (a component's root that stacks its
  // layers there, its place being the file's that places it): it gets a class for them.
  const cls =
    ctx.sheet.add(base, flags.root || flags.componentRoot ? [...styled] : styled) ??
    (below.length > 0 || overlay.length > 0 ? ctx.sheet.reserve(base) : undefined);
  // The placeholder's colour is the text's: bound to a variable, it follows the theme as the input's own colour does.
  if (cls && placeholder.length)
    ctx.sheet.addPseudo(cls, "::placeholder", ctx.tokens ? ctx.tokens.decls(node, placeholder) : placeholder);
  if (cls && overlay.length)
    ctx.sheet.addPseudo(cls, "::after", ctx.tokens ? ctx.tokens.decls(node, overlay) : overlay);
  if (cls) for (const [width, decls] of below) ctx.sheet.addBelow(cls, width, decls);
  if (cls) ctx.states?.classes.set(node.id, cls);
  if (semantics.interactive || FOCUSED.has(semantics.tag)) ctx.states?.holdsFocus.add(node.id);
  const textProp = semantics.tag === "input" ? ctx.textProp?.(node) : undefined;
  // A component's placeholder (or value) text stays its prop.
  const attrs: [string, AttrValue][] = [
    ...semantics.attrs.map(([k, v]): [string, AttrValue] => [
      k,
      textProp && (k === "placeholder" || k === "value") && typeof v === "string" ? { expr: textProp, html: v } : v,
    ]),
    ...(ctx.tokens?.attrs(node) ?? []),
  ];
  const anchor = ctx.links?.anchorFor(node.id);
  if (anchor !== undefined) attrs.push(["id", anchor]);
  const morph = ctx.morph?.(node.id);
  if (morph !== undefined) attrs.push(["data-morph", morph]);
  const mark = flags.root ? undefined : ctx.componentMark?.(node);
  if (mark !== undefined) attrs.push(["data-figment-component", mark]);
  // Its optional fields set one by one (a spread of a conditional object each was a temporary object per field).
  const element = accessible({ type: "element", tag: semantics.tag, attrs, children: [] }, node, ctx, flags, svg);
  if (cls) element.cls = cls;
  if (flags.componentRoot) element.mergeClassNameProp = true;
  // A wrapper that layout inference added stands for no layer.
  if (ctx.nodeIds && !node.inferred) element.nodeId = layerIdOf(node, ctx);
  if (svg?.svgMarkup !== undefined) element.svgMarkup = svg.svgMarkup;
  if (svg?.svgNodeIds) element.svgNodeIds = svg.svgNodeIds;
  const navAttrs = flags.nav?.rowAttrs(node);
  if (navAttrs || linked?.reactAttrs) element.reactAttrs = [...(navAttrs ?? []), ...(linked?.reactAttrs ?? [])];
  if (linked?.htmlAttrs) element.htmlAttrs = linked.htmlAttrs;
  if (toggle === "pressed") element.reactAttrs = [...(element.reactAttrs ?? []), ...pressedAttrs(ctx.states!)];
  if (semantics.tag === "img") {
    const image = node.fills?.find((f) => f.kind === "image");
    if (image?.kind === "image") {
      element.attrs = [["src", ctx.imageSrc(image.asset)], ...attrs];
    }
    return wrapVisibility(element);
  }
  if (svg && link)
    return wrapVisibility(
      wrappedUse(element, link, ctx.sheet, base, ctx.classBase({ ...node, name: `${node.name} fill` }, "fill")),
    );
  if (semantics.tag === "hr" || semantics.tag === "input" || svg) return wrapVisibility(element);

  if (node.kind === "text" && node.text) {
    element.children = textChildren(node, ctx, ctx.noContainerUnits ? undefined : flags.unitWidth);
    if (cls) variantStates(node, cls, ctx);
    return wrapVisibility(element);
  }
  const childFlags = flagsForChildren(node, parent, flags, semantics.interactive, page?.clip === true);
  const built = builtChildren(node, toggle !== undefined, masks !== undefined, ctx, childFlags);
  const children = masks ? maskedChildren(node, built, masks, ctx) : built;
  element.children =
    node.nav && flags.nav ? flags.nav.children(node, children) : children.filter((c): c is VNode => c !== undefined);
  if (toggle === "checkbox" && cls) element.children.unshift(checkboxOf(node, cls, ctx));
  if (cls) variantStates(node, cls, ctx);
  // The page around a screen's root: its fill edge to edge, its clip at the viewport's sides.
  if (pageCls) return { type: "element", tag: "div", attrs: [], children: [element], cls: pageCls };
  return wrapVisibility(element);
}

/** A layer a click toggles to a variant of its set, drawn as the target draws toggles (variant-states.ts). */
function toggleOf(node: DesignNode, ctx: BuildContext): ToggleKind | undefined {
  const kind = ctx.states?.toggle;
  return kind && ctx.states!.changes(node).some((c) => c.state === ":checked") ? kind : undefined;
}

/**
 * `node`'s children built, with the layers its state variants add to it (addedByStates) where the variant has them
 * (not among masked children: maskedChildren goes by the children's indices); `node` holds a focus when a child does.
 */
function builtChildren(
  node: DesignNode,
  toggle: boolean,
  masked: boolean,
  ctx: BuildContext,
  childFlags: Flags,
): (VNode | undefined)[] {
  if (ctx.states) addedByStates(node, ctx.states, toggle);
  const built = (node.children ?? []).map((child) => buildNode(child, node, ctx, childFlags));
  const focus = ctx.states?.holdsFocus;
  if (focus && node.children?.some((c) => focus.has(c.id))) focus.add(node.id);
  for (const { parent: from, child, index } of masked ? [] : (ctx.states?.added.get(node.id) ?? []))
    built.splice(Math.min(index, built.length), 0, shownInState(unidentified(buildNode(child, from, ctx, childFlags))));
  return built;
}

/** A layer only a state shows (a hover's): hidden otherwise, it has no place in the page's outline (outline.ts). */
function shownInState(vnode: VNode | undefined): VNode | undefined {
  if (vnode?.type === "if") shownInState(vnode.child);
  if (vnode?.type === "element") vnode.shownInState = true;
  return vnode;
}

/**
 * A copy of a variant's layers without their ids: `data-node-id` names the layer drawn there, and the variant may be
 * drawn on the same page (its component set), where its own layers have them.
 */
function unidentified(vnode: VNode | undefined): VNode | undefined {
  if (vnode?.type === "if") unidentified(vnode.child);
  if (vnode?.type === "element" || vnode?.type === "use") delete vnode.nodeId;
  if (vnode?.type === "element") vnode.children.forEach(unidentified);
  return vnode;
}

/**
 * The layers a layer's state variants add (a toggle's, a hover's, a press's, a focused field's), built hidden where
 * they go (variant-states.ts shows them in the state): once each, a layer of that name added by two states (hovered
 * and pressed) is one element both show.
 */
function addedByStates(node: DesignNode, states: StatePlan, toggle: boolean): void {
  for (const change of states.changes(node)) {
    if (change.state === ":checked" && !toggle) continue;
    for (const [id, layers] of layersApart(node, change.variant).added) {
      const had = states.added.get(id) ?? [];
      const fresh = layers.filter((l) => !had.some((h) => h.child.name === l.child.name));
      states.added.set(id, [...had, ...fresh]);
    }
  }
}

/** HTML's toggle: a label (a click on it checks its box); React's: a button whose state says it is pressed. */
const TOGGLE_SEMANTICS: Record<ToggleKind, Semantics> = {
  checkbox: { tag: "label", attrs: [], interactive: true },
  pressed: { tag: "button", attrs: [["type", "button"]], interactive: true },
};

/** React: the toggle's state (`useState` at the top of the file: toggleHooks) as `aria-pressed`, a click flips it. */
function pressedAttrs(states: StatePlan): [string, string][] {
  const name = states.toggles.length === 0 ? "pressed" : `pressed${states.toggles.length + 1}`;
  states.toggles.push(name);
  const set = `set${name[0]!.toUpperCase()}${name.slice(1)}`;
  return [
    ["aria-pressed", name],
    ["onClick", `() => ${set}((on) => !on)`],
  ];
}

/** Out of sight, still the keyboard's (Tab, Space) and assistive technology's; the label shows its focus. */
export const VISUALLY_HIDDEN: Decl[] = [
  ["position", "absolute"],
  ["width", "1px"],
  ["height", "1px"],
  ["margin", "-1px"],
  ["padding", "0"],
  ["border", "0"],
  ["overflow", "hidden"],
  ["clip-path", "inset(50%)"],
  ["white-space", "nowrap"],
];

/** HTML's toggle: the label's first child, a checkbox whose state is the variant's (`:has(> input:checked)`). */
function checkboxOf(node: DesignNode, cls: string, ctx: BuildContext): ElementNode {
  const inputCls = ctx.sheet.add(ctx.classBase({ ...node, name: `${node.name} toggle` }, "toggle"), VISUALLY_HIDDEN);
  ctx.sheet.addPseudo(cls, ":has(> input:focus-visible)", [["outline", "auto"]]);
  const input: ElementNode = { type: "element", tag: "input", attrs: [["type", "checkbox"]], children: [] };
  if (inputCls) input.cls = inputCls;
  // A toggle without words of its own (a switch, a radio's dot) is named by its layer.
  if (!holdsText(node)) input.attrs.push(["aria-label", node.name.trim() || "Toggle"]);
  return input;
}

/**
 * What assistive technology reads of an element beyond its tag (issue 72): a button or link without words (an icon's)
 * named by its layer; a frame that scrolls its content reached by the keyboard, which scrolls it; a text's type and
 * a navigation's name, for the page's outline (outline.ts).
 */
function accessible(
  element: ElementNode,
  node: DesignNode,
  ctx: BuildContext,
  flags: Flags,
  svg: unknown,
): ElementNode {
  const tag = element.tag;
  if ((tag === "button" || tag === "a") && svg === undefined && !holdsText(node) && !named(element.attrs))
    element.attrs.push(["aria-label", node.name.trim() || tag]);
  if (!flags.root && ctx.scrolling?.(node.id)?.overflow) element.attrs.push(["tabindex", "0"]);
  if (tag === "nav") element.layerName = node.name;
  if (node.kind === "text" && node.text)
    element.textType = { size: node.text.style.size, weight: node.text.style.weight };
  return element;
}

const named = (attrs: readonly [string, AttrValue][]): boolean => attrs.some(([k]) => k === "aria-label");

/** Whether a layer draws words: a text of its own, or one inside it. */
const holdsText = (node: DesignNode): boolean =>
  !node.hidden &&
  (node.kind === "text" ? (node.text?.chars.trim() ?? "") !== "" : (node.children ?? []).some(holdsText));

/** `node`'s hover and press variants as its element's states, once its layers are built (their classes known). */
function variantStates(node: DesignNode, cls: string, ctx: BuildContext): void {
  const changes = ctx.states?.changes(node) ?? [];
  if (changes.length === 0) return;
  const missed = addStateRules(node, cls, changes, ctx.sheet, ctx.states!, ctx.urls);
  if (missed > 0)
    ctx.problems.push({
      severity: "info",
      code: "prototype",
      message:
        `“${node.name}”: ${plural(missed, "layer")} of its ${changes.map((c) => c.state.slice(1)).join(" and ")} ` +
        "variant drawn by another component's file keep their look in that state",
      nodeId: node.id,
    });
}

/**
 * The children of `parent` (built, in its children's order) with each masked range in the wrapper that masks it
 * (mask.ts); the masks not reproduced are reported. The result keeps one entry per child where nothing is wrapped.
 */
/** What the browser's own look of the element drawn must lose for the drawing's (margins, a button's border). */
function tagResets(node: DesignNode, tag: string, decls: Decl[], flags: Flags): void {
  if (tag === "hr") decls.unshift(["margin", "0"], ["border", "0"]);

  if (tag === "button")
    decls.push(
      ["border", "none"],
      ["font", "inherit"],
      ["color", "inherit"],
      ["text-align", "inherit"],
      ["cursor", "pointer"],
    );
  if (tag === "button" && !decls.some(([p]) => p === "background" || p === "background-color"))
    decls.push(["background", "none"]);
  if (tag === "button" && !node.layout) decls.push(["padding", "0"], ["display", "block"]);
  // A button laid out without padding of its own must not keep the browser's (1px 6px).
  else if (tag === "button" && !decls.some(([p]) => p.startsWith("padding"))) decls.push(["padding", "0"]);
  // The browser's margins go; a margin of the placement's (a rounded text box's) comes after the reset.
  if (/^h[1-6]$|^p$/.test(tag)) {
    const placed = decls.findIndex(([p]) => p.startsWith("margin"));
    decls.splice(placed < 0 ? decls.length : placed, 0, ["margin", "0"]);
  }
  if (tag === "a" && flags.nav?.isLink(node)) navLinkDecls(node, decls);
  // A link is a box of the layout (an inline <a> would ignore its size): block, unless its layout says flex already.
  else if (tag === "a")
    decls.push(
      ["color", "inherit"],
      ...(decls.some(([p]) => p === "display") ? [] : ([["display", "block"]] as Decl[])),
    );
}

function maskedChildren(
  _parent: DesignNode,
  built: (VNode | undefined)[],
  plan: MaskPlan,
  ctx: BuildContext,
): (VNode | undefined)[] {
  for (const { mask, why } of plan.lost) {
    const name = mask.name || mask.id;
    const message =
      why === "box"
        ? `mask "${name}" clips as its box: its outline is not known`
        : why === "picture"
          ? `mask "${name}" masks as its outline, not with its picture: the picture has no bytes (a placeholder)`
          : `mask "${name}" is drawn as an empty box; masking is not reproduced (the ` +
            `layers it masks are not placed absolutely in its parent, or it is rotated)`;
    ctx.problems.push({ severity: "info", code: "mask", message, nodeId: mask.id });
  }
  if (plan.wrapped.length === 0) return built;
  const out: (VNode | undefined)[] = [];
  let i = 0;
  for (const { range, decls, from } of [...plan.wrapped].sort((a, b) => a.range.at - b.range.at)) {
    out.push(...built.slice(i, from));
    const cls = ctx.sheet.add(
      ctx.classBase({ ...range.mask, name: `${range.mask.name || "mask"} masked` }, "masked"),
      decls,
    );
    const inside = built.slice(from, range.to).filter((c): c is VNode => c !== undefined);
    out.push({ type: "element", tag: "div", attrs: [], children: inside, ...(cls ? { cls } : {}) });
    i = range.to;
  }
  out.push(...built.slice(i));
  return out;
}

/** What `node`'s children are inside: a box that scales as a unit, a reflowing row's item, the screen's page. */
function flagsForChildren(
  node: DesignNode,
  parent: DesignNode | undefined,
  flags: Flags,
  interactive: boolean,
  clipMoved: boolean,
): Flags {
  const unitWidth = node.scaled && node.w > 0 ? node.w : flags.unitWidth;
  const inReflow = flags.inReflow || (parent?.layout?.reflow !== undefined && !node.absolute);
  const bleed = childBleed(node, flags, clipMoved);
  const out: Flags = {
    root: false,
    componentRoot: false,
    insideInteractive: flags.insideInteractive || interactive,
    form: flags.form,
  };
  if (unitWidth !== undefined) out.unitWidth = unitWidth;
  if (flags.nav) out.nav = flags.nav;
  if (inReflow) out.inReflow = inReflow;
  if (bleed) out.bleed = bleed;
  if (flags.root) out.screenRoot = node;
  if (flags.unpainted || node.mask) out.unpainted = true;
  return out;
}

/**
 * A layer in a parent across the screen: spanning it, it reaches past the root's sides; else it is cut at them, as
 * drawn.
 */
function pageDecls(node: DesignNode, decls: Decl[], scope: PageScope, tag: string, ctx: BuildContext): Decl[] {
  const extended = spansScreen(node, scope)
    ? bleedDecls(node, decls, scope, tag, node.asset !== undefined ? ctx.assets[node.asset] : undefined)
    : decls;
  return extended === decls ? overhangClip(node, decls, scope) : extended;
}

/**
 * What the children of `node` may reach past the root's sides with: the screen's scope, while the layers above them
 * span it.
 */
function childBleed(node: DesignNode, flags: Flags, clipMoved: boolean): PageScope | undefined {
  if (flags.root) return pageScope(node, clipMoved);
  return flags.bleed && spansScreen(node, flags.bleed) && passesBleed(node) ? flags.bleed : undefined;
}

/** An item filling the height of a screen's root: below the design width, as tall as its content at least. */
const fillBelow = (node: DesignNode, flags: Flags): [number, Decl[]][] =>
  flags.screenRoot ? fillItemBelow(node, flags.screenRoot) : [];

/**
 * A run's sizes in a text whose size is fluid (it shrinks below the design width): in em, so that a
 * 120-px run of a 90-px heading shrinks with it (in px it stayed 120 px on a phone, a word wider than the screen).
 */
function relativeToText(decls: Decl[], size: number, runSize: number): Decl[] {
  if (size <= 0 || runSize <= 0) return decls;
  return decls.map(([p, v]): Decl => {
    const n = /^(-?\d*\.?\d+)px$/.exec(v);
    if (!n) return [p, v];
    // A font size is in em of the text's; letter spacing in em of the run's own size.
    if (p === "font-size") return [p, `${round(Number(n[1]) / size, 4)}em`];
    if (p === "letter-spacing") return [p, `${round(Number(n[1]) / runSize, 4)}em`];
    return [p, v];
  });
}

/** `unitWidth`: inside a box that scales as a unit, its design width (the runs' sizes in its container units). */
function textChildren(node: DesignNode, ctx: BuildContext, unitWidth?: number): VNode[] {
  const text = node.text!;
  const prop = ctx.textProp?.(node);
  if (prop) return [{ type: "prop", name: prop }];
  const runs = text.runs ?? [];
  const chars = drawnSpaces(text.chars);
  const spaced = paragraphStarts(text, chars);
  if (runs.length === 0 && !spaced) return [{ type: "text", value: chars }];
  // One class per run, however many paragraphs it spans.
  const runClasses = new Map<number, string | undefined>();
  const runClass = (index: number): string | undefined => {
    if (runClasses.has(index)) return runClasses.get(index);
    const run = runs[index]!;
    const own = textStyleDecls(run.style);
    const style = { ...text.style, ...run.style };
    const cls = ctx.sheet.add(
      `${ctx.classBase(node, "text")}Run`,
      unitWidth !== undefined
        ? inContainerUnits(own, unitWidth, style)
        : text.fluid
          ? relativeToText(own, text.style.size, style.size)
          : own,
    );
    runClasses.set(index, cls);
    return cls;
  };
  /** The characters from..to, each run's part in its span. */
  const slice = (from: number, to: number): VNode[] => {
    const out: VNode[] = [];
    let at = from;
    runs.forEach((run, index) => {
      const start = Math.max(run.start, from);
      const end = Math.min(run.end, to);
      if (start >= end) return;
      if (start > at) out.push({ type: "text", value: chars.slice(at, start) });
      const cls = runClass(index);
      out.push({
        type: "element",
        tag: "span",
        attrs: [],
        children: [{ type: "text", value: chars.slice(start, end) }],
        inline: true,
        ...(cls ? { cls } : {}),
      });
      at = end;
    });
    if (at < to) out.push({ type: "text", value: chars.slice(at, to) });
    return out;
  };
  const out = spaced ? paragraphs(node, ctx, chars, spaced, slice, unitWidth) : slice(0, chars.length);
  // Vertically centred text is a flex column; keep the runs on one line inside one box.
  if (text.alignV !== "top" && text.resize === "none" && !text.trim)
    return [{ type: "element", tag: "span", attrs: [], children: out, inline: true }];
  return out;
}

/**
 * Where each paragraph of a text with paragraph spacing starts in `chars` (its drawn characters), when it has more
 * than one; else undefined. A text ending in a line break keeps its breaks (its empty last line is drawn apart).
 */
function paragraphStarts(text: NonNullable<DesignNode["text"]>, chars: string): number[] | undefined {
  if (!text.paragraphSpacing || text.paragraphSpacing <= 0 || !chars.includes("\n") || chars.endsWith("\n"))
    return undefined;
  const starts = [0];
  for (let i = chars.indexOf("\n"); i >= 0; i = chars.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Figma's paragraph spacing: the space it adds after each paragraph but the last. Each paragraph but the last is a
 * block with that margin below it (a line break cannot take one); the last one's characters follow as they are.
 */
function paragraphs(
  node: DesignNode,
  ctx: BuildContext,
  chars: string,
  starts: number[],
  slice: (from: number, to: number) => VNode[],
  unitWidth: number | undefined,
): VNode[] {
  const text = node.text!;
  const decls: Decl[] = [
    ["display", "block"],
    ["margin-bottom", px(text.paragraphSpacing!)],
  ];
  const cls = ctx.sheet.add(
    `${ctx.classBase(node, "text")}Paragraph`,
    unitWidth !== undefined ? inContainerUnits(decls, unitWidth, text.style) : decls,
  );
  const out: VNode[] = [];
  starts.forEach((start, i) => {
    const last = i === starts.length - 1;
    const end = last ? chars.length : starts[i + 1]! - 1;
    if (last) {
      out.push(...slice(start, end));
      return;
    }
    // An empty paragraph is one empty line, as Figma draws it.
    const children: VNode[] = end > start ? slice(start, end) : [{ type: "text", value: "\n" }];
    out.push({ type: "element", tag: "span", attrs: [], children, inline: true, ...(cls ? { cls } : {}) });
  });
  return out;
}
