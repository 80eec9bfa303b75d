/**
 * The DOM reader (issue 51): reads a rendered page's elements and computed styles into the layer description
 * (contract/layers.ts). It is evaluated inside the page (playwright-core's `page.evaluate` in the CLI, the panel's
 * preview iframe in the plugin), so it is one self-contained function: no imports at run time, no helpers outside
 * its body, the DOM read through the few members typed below (the project compiles without the DOM lib).
 */
import type { LayerDocument, LayerEffect, LayerNode, LayerNote, LayerPaint, LayerText, TextRun } from "./layers.js";
import { fontReaders } from "./layers-read-fonts.js";
import { generatedReaders, generatedReadersSource } from "./layers-read-generated.js";
import { marginReaders } from "./layers-read-margins.js";
import { paragraphReaders } from "./layers-read-text.js";
import { svgReaders, svgReadersSource } from "./layers-read-svg.js";

/** What the reader is told: the element count limit (MAX_LAYER_NODES) and the page's name. */
export interface ReadOptions {
  maxNodes: number;
  name: string;
  /**
   * The markup of .svg files the page loaded, by URL, where the caller has it (the CLI keeps what it served): an SVG
   * background is read from here instead of asking the network again (a synchronous request each).
   */
  svgs?: Record<string, string>;
  /**
   * The font the browser draws each generic family in, by keyword ("sans-serif": "Liberation Sans"), and "standard"
   * for a stack of families it has none of (the CLI asks its Chromium): a text layer takes the font the page shows.
   */
  generics?: Record<string, string>;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Style {
  [key: string]: unknown;
  getPropertyValue(name: string): string;
}
interface DomNode {
  nodeType: number;
  textContent: string | null;
  parentElement: DomElement | null;
}
interface DomElement extends DomNode {
  tagName: string;
  childNodes: ArrayLike<DomNode>;
  children: ArrayLike<DomElement>;
  className: unknown;
  outerHTML: string;
  getAttribute(name: string): string | null;
  closest(selector: string): DomElement | null;
  getBoundingClientRect(): Rect;
  /** Chromium's: false inside a closed <details> (content-visibility: hidden), which it lays out all the same. */
  checkVisibility?(): boolean;
  currentSrc?: string;
  src?: string;
  naturalWidth?: number;
  complete?: boolean;
}
interface ReaderGlobals {
  document: {
    body: DomElement;
    documentElement: DomElement;
    title: string;
    createRange(): {
      selectNodeContents(node: DomNode): void;
      getBoundingClientRect(): Rect;
      getClientRects(): ArrayLike<Rect>;
    };
  };
  innerWidth: number;
  getComputedStyle(element: DomElement, pseudo?: string): Style;
  performance: { now(): number };
}

/**
 * Reads the page into a LayerDocument. Self-contained but for `paints` (the CSS value readers, a function of its own
 * for the house's size rule): `page.evaluate` gets both as source (readLayersSource), so neither imports anything.
 */
export function readLayers(
  options: ReadOptions,
  paints: typeof paintReaders = paintReaders,
  structure: typeof structureReaders = structureReaders,
  layout: typeof layoutReaders = layoutReaders,
  generated: typeof generatedReaders = generatedReaders,
  items: typeof itemReaders = itemReaders,
  margins: typeof marginReaders = marginReaders,
  svgs: typeof svgReaders = svgReaders,
  texts: typeof paragraphReaders = paragraphReaders,
  fonts: typeof fontReaders = fontReaders,
): LayerDocument & { readMs: number } {
  const g = globalThis as unknown as ReaderGlobals;
  const started = g.performance.now();
  const notes: LayerNote[] = [];
  let elements = 0;
  /** Layers made, the limit's count: every element's and each text of its own (the page's frame counted ahead). */
  let layers = 1;
  let truncated = false;
  /** Whether one more layer fits under the limit (counted if so). */
  const room = (): boolean => {
    if (layers >= options.maxNodes) {
      truncated = true;
      return false;
    }
    layers++;
    return true;
  };
  const { px, s, objectFit, fillsOf, visuals, visualsOfLeaf, bordered } = paints();

  const { vectorOf, svgBackgroundsOf, withBackgrounds } = svgs(paints(), options.svgs);
  const gen = generated(withBackgrounds(paints(), room));
  const structured = structure(paints(), gen, fonts(options.generics).familyOf);
  const { nameOf, SKIP, textOnly, runOf, textOf, rel, idOf } = structured;
  // The structure readers' DOM types are wider than the text readers' own (a cast, not a conversion).
  const { paragraphOf, paragraphsOf, selectedText } = texts({ ...paints(), ...structured } as unknown as Parameters<
    typeof texts
  >[0]);
  const { autoLayoutOf, hugOf, paintRank, textFills, marginWrap, inFlow } = layout(paints(), SKIP);
  const { marginGap, keepMargins, marginsOf } = margins(paints(), inFlow);
  const { flexSizing, contentBox, boxed } = items(paints());

  const read = (el: DomElement, origin: Rect, parentStyle: Style | undefined): LayerNode | undefined => {
    if (SKIP.has(el.tagName)) return undefined;
    if (layers >= options.maxNodes) {
      truncated = true;
      return undefined;
    }
    const style = g.getComputedStyle(el);
    const display = s(style, "display");
    // What a closed <details> holds beyond its summary is laid out but not drawn.
    if (display === "none" || el.checkVisibility?.() === false) return undefined;
    room();
    elements++;
    const rect = el.getBoundingClientRect();
    // Out of sight, there for a screen reader (a page's hidden h1, a toggle's checkbox): it draws nothing.
    if (rect.width <= 1 && rect.height <= 1 && /inset\(50%\)/.test(s(style, "clip-path"))) return undefined;
    const box = rel(rect, origin);
    const tag = el.tagName.toLowerCase();
    const base = { name: nameOf(el), tag: tag.slice(0, 40), box };
    const id = idOf(el);
    let node: LayerNode;
    if (tag === "svg") {
      node = vectorOf(el as unknown as Parameters<typeof vectorOf>[0], base, rect);
    } else if (tag === "img") {
      const src = el.currentSrc || el.src || el.getAttribute("src") || "";
      const scaleMode = objectFit(s(style, "object-fit"));
      node = { kind: "image", ...base, image: { src: src.slice(0, 2_000_000), scaleMode } };
      // One that did not load has no image fill; its note is the builder's or the CLI's (imageNote).
      if (!el.complete || (el.naturalWidth ?? 0) > 0)
        node.fills = [{ type: "IMAGE", src: src.slice(0, 2_000_000), scaleMode }];
    } else if (textOnly(el) && fillsOf(style).length === 0 && !bordered(style) && textFills(el, rect, style)) {
      node = { kind: "text", ...base, text: textOf(el, style) };
    } else {
      node = { kind: "frame", ...base };
      visuals(style, node);
      const layout = autoLayoutOf(style);
      if (layout) node.autoLayout = layout;
      if (s(style, "overflow-x") !== "visible" || s(style, "overflow-y") !== "visible") node.clip = true;
      // An SVG background drawn once: a vector under everything the element holds (rank -1).
      const children: LayerNode[] = svgBackgroundsOf(style, node).filter(() => room());
      /** Each child's CSS `order` (text children 0). */
      const orders: number[] = children.map(() => 0);
      /** Each element child's place in CSS paint order (paintRank). */
      const stack = new Map<LayerNode, number>(children.map((c) => [c, -1]));
      const itemMargins = new Map<LayerNode, number[]>(); // each element child's, for keepMargins
      const field = el as unknown as { value?: unknown; placeholder?: unknown };
      const entered =
        (tag === "input" || tag === "textarea" || tag === "select") && typeof field.value === "string"
          ? tag === "select"
            ? selectedText(el)
            : field.value || (typeof field.placeholder === "string" ? field.placeholder : "")
          : "";
      if (entered !== "") {
        // A form control's value (or placeholder) is its text layer, inside its padding.
        const characters = entered.slice(0, 100_000);
        if (room())
          children.push({
            kind: "text",
            name: `${nameOf(el)} text`,
            box: contentBox(style, rect),
            text: {
              characters,
              runs: [runOf(style, 0, characters.length, null)],
              align: "LEFT",
              alignVertical: "CENTER",
              autoResize: "NONE",
            },
          });
      } else if (tag === "select") {
        // A closed select shows its chosen option only; its options are no layers.
      } else if (textOnly(el)) {
        // The text inside a painted or padded box: as wide as its content box, hugging where the box shrinks to it.
        const para = paragraphOf(el, style, rect, Array.from(el.childNodes));
        if (para && room()) children.push({ kind: "text", name: nameOf(el), ...para });
      } else {
        // An inside marker of an item read as a frame of blocks: its own text layer, where Chromium draws it.
        const inside = gen.insideMarkerOf(el, style, rect, runOf, node.autoLayout !== undefined);
        if (inside && room()) children.push(inside);
        // Loose text between blocks: one text layer per paragraph (its inline elements runs, its <br>s line breaks).
        for (const part of paragraphsOf(el, style)) {
          const para = "nodes" in part ? paragraphOf(el, style, rect, part.nodes, part.sharesLine) : undefined;
          if (para) {
            if (!room()) break;
            children.push({ kind: "text", name: para.text.characters.slice(0, 40), ...para });
          } else {
            // An element between paragraphs, or those of a paragraph without text (<br>s, empty inline boxes).
            const own = "nodes" in part ? part.nodes.filter((n) => n.nodeType === 1) : [part.element];
            for (const element of (own as DomElement[]).flatMap(boxed)) {
              const layer = read(element, rect, style);
              if (!layer) continue;
              const childStyle = g.getComputedStyle(element);
              // A list item's marker (outside it): a text layer before it, kept where Chromium draws it.
              const marker = gen.markerOf(element, childStyle, rect, runOf);
              if (marker && room()) {
                if (node.autoLayout)
                  [marker.absolute, marker.constraints] = [true, { horizontal: "MIN", vertical: "MIN" }];
                children.push(marker);
                orders[children.length - 1] = px(s(childStyle, "order"));
                stack.set(marker, paintRank(childStyle, node.autoLayout !== undefined && !layer.absolute));
              }
              children.push(layer);
              itemMargins.set(layer, marginsOf(childStyle));
              orders[children.length - 1] = px(s(childStyle, "order"));
              stack.set(layer, paintRank(childStyle, node.autoLayout !== undefined && !layer.absolute));
            }
          }
        }
      }
      // What ::before and ::after paint: under the children and over them, out of the auto layout's flow.
      const pseudo = gen.pseudoBoxes(el, style, rect);
      for (const box of [...pseudo.before, ...pseudo.after]) {
        if (!room()) break;
        // A positioned one paints over the flow (CSS's order); in auto layout neither takes a place in the flow.
        stack.set(box, box.absolute ? 2 : 1);
        if (node.autoLayout) [box.absolute, box.constraints] = [true, { horizontal: "MIN", vertical: "MIN" }];
        if (pseudo.before.includes(box)) {
          children.unshift(box);
          orders.unshift(0);
        } else {
          children.push(box);
          orders[children.length - 1] = 0;
        }
      }
      // Figma has no reversed auto layout nor `order`: the children in the order they are drawn.
      if (node.autoLayout && node.autoLayout.mode !== "GRID") {
        const order = new Map(children.map((c, i) => [c, orders[i] ?? 0]));
        children.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
        if (/reverse/.test(s(style, "flex-direction"))) children.reverse();
      }
      // Figma draws later layers on top; CSS draws positioned elements over the flow, by z-index.
      const rank = (c: LayerNode): number => stack.get(c) ?? 1;
      if (children.some((c) => rank(c) !== 1)) children.sort((a, b) => rank(a) - rank(b));
      if (children.length > 0) node.children = children;
      const al = node.autoLayout;
      if (al && al.mode !== "GRID" && !al.wrap) al.gap += marginGap(el, al.mode === "HORIZONTAL");
      keepMargins(node, el, style, itemMargins, room);
    }
    if (node.kind !== "frame") visualsOfLeaf(style, node);
    const position = s(style, "position");
    if (position === "absolute" || position === "fixed") {
      node.absolute = true;
      node.constraints = { horizontal: "MIN", vertical: "MIN" };
    }
    if (s(style, "visibility") === "hidden") node.visible = false;
    if (parentStyle && /flex/.test(s(parentStyle, "display")) && !node.absolute)
      node.sizing = flexSizing(style, parentStyle);
    hugOf(node, el, style, rect, parentStyle !== undefined);
    marginWrap(node, room);
    if (id) node.sourceId = id.slice(0, 200);
    const component = el.getAttribute("data-figment-component");
    if (component && node.kind === "frame") node.component = component.slice(0, 200);
    return node;
  };

  const body = g.document.body;
  const page = { x: 0, y: 0, width: g.innerWidth, height: 0 };
  const read0 = read(body, page, undefined) ?? {
    kind: "frame" as const,
    name: "body",
    box: { x: 0, y: 0, w: 0, h: 0 },
  };
  const html = g.document.documentElement;
  const docHeight = Math.max(read0.box.y + read0.box.h, html.getBoundingClientRect().height);
  // The page's paint: the root element's background, else the body's (CSS propagates it to the canvas, and the
  // body then paints none of its own).
  const htmlFills = fillsOf(g.getComputedStyle(html));
  const pageFills: LayerPaint[] =
    htmlFills.length > 0 ? htmlFills : (read0.fills ?? [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }]);
  if (htmlFills.length === 0) delete read0.fills;
  const pageBox = { x: 0, y: 0, w: g.innerWidth, h: docHeight };
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= 0.5;
  // The body is the page's frame when its box is the page's; a body with a margin, a max-width or a short content
  // is a frame inside the page at its own box.
  const isPage =
    near(read0.box.x, 0) && near(read0.box.y, 0) && near(read0.box.w, pageBox.w) && near(read0.box.h, pageBox.h);
  const root: LayerNode = isPage
    ? { ...read0, box: pageBox }
    : { kind: "frame", name: options.name, box: pageBox, children: [{ ...read0, absolute: undefined }] };
  root.fills = pageFills;
  root.name = options.name.slice(0, 200);
  if (truncated)
    notes.push({
      kind: "limit",
      message:
        `The page has more than ${options.maxNodes} elements and texts: ` +
        `the first ${options.maxNodes} layers were read (${elements} elements), the rest left out`,
    });
  return {
    name: options.name.slice(0, 200),
    width: g.innerWidth,
    root,
    notes,
    elements,
    truncated,
    readMs: g.performance.now() - started,
  };
}

/** A flex item's sizing, a box's content box, an element's boxed children. Self-contained, as readLayers. */
export function itemReaders(paints: ReturnType<typeof paintReaders>) {
  const g = globalThis as unknown as ReaderGlobals;
  const { px, s } = paints;
  /** A flex item's FILL / FIXED per axis, with its min and max lengths. */
  const flexSizing = (style: Style, parentStyle: Style): NonNullable<LayerNode["sizing"]> => {
    const row = !/column/.test(s(parentStyle, "flex-direction"));
    const grows = px(s(style, "flex-grow")) > 0;
    const selfAlign = s(style, "align-self");
    const stretch =
      selfAlign === "stretch" ||
      (selfAlign === "auto" && /stretch|normal/.test(s(parentStyle, "align-items") || "normal"));
    const axis = (fill: boolean, min: string, max: string) => ({
      mode: (fill ? "FILL" : "FIXED") as "FILL" | "FIXED",
      // Only lengths: a percentage (max-width: 100%) is the parent's, not a size Figma can hold.
      ...(min.endsWith("px") && px(min) > 0 ? { min: px(min) } : {}),
      ...(max.endsWith("px") && px(max) > 0 ? { max: px(max) } : {}),
    });
    return {
      horizontal: axis(row ? grows : stretch, s(style, "min-width"), s(style, "max-width")),
      vertical: axis(row ? stretch : grows, s(style, "min-height"), s(style, "max-height")),
    };
  };
  /** The box inside the borders and the padding, relative to the element's own box. */
  const contentBox = (style: Style, rect: Rect): { x: number; y: number; w: number; h: number } => {
    const side = (name: string): number => px(s(style, `border-${name}-width`)) + px(s(style, `padding-${name}`));
    const x = side("left");
    const y = side("top");
    return { x, y, w: Math.max(0, rect.width - x - side("right")), h: Math.max(0, rect.height - y - side("bottom")) };
  };
  /** A display:contents element has no box: its children are its parent's (a popover menu's wrapper). */
  const boxed = (e: DomElement): DomElement[] =>
    s(g.getComputedStyle(e), "display") === "contents" ? Array.from(e.children).flatMap(boxed) : [e];
  return { flexSizing, contentBox, boxed };
}

/** The CSS value readers: lengths, colours, gradients, fills, effects, blend modes. Self-contained, as readLayers. */
export function paintReaders() {
  const px = (v: string): number => {
    const n = Number.parseFloat(v);
    return Number.isFinite(n) ? n : 0;
  };
  const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));
  const color = (css: string): { r: number; g: number; b: number; a: number } | undefined => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) return undefined;
    const parts = m[1]!.split(/[\s,/]+/).filter((p) => p !== "");
    const [r, gg, b] = parts.slice(0, 3).map((p) => clamp01(px(p) / 255));
    const a = parts[3] === undefined ? 1 : clamp01(parts[3].endsWith("%") ? px(parts[3]) / 100 : px(parts[3]));
    return { r: r ?? 0, g: gg ?? 0, b: b ?? 0, a };
  };
  const s = (style: Style, name: string): string => style.getPropertyValue(name);

  /** Splits a CSS list at top-level commas (not inside parentheses). */
  const splitTop = (v: string): string[] => {
    const out: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < v.length; i++) {
      const c = v[i];
      if (c === "(") depth++;
      else if (c === ")") depth--;
      else if (c === "," && depth === 0) {
        out.push(v.slice(start, i).trim());
        start = i + 1;
      }
    }
    out.push(v.slice(start).trim());
    return out.filter((p) => p !== "");
  };

  const gradient = (v: string): LayerPaint | undefined => {
    const m = /^(-webkit-)?(repeating-)?(linear|radial)-gradient\((.*)\)$/.exec(v.trim());
    if (!m) return undefined;
    const args = splitTop(m[4]!);
    // The prefixed syntax (old pages still use it) names the side a gradient starts from, its angles from the right.
    const legacy = m[1] !== undefined;
    let angle = 180;
    if (args[0] && !/rgb/.test(args[0])) {
      const head = args.shift()!;
      const deg = /(-?[\d.]+)deg/.exec(head);
      if (deg) angle = legacy ? 90 - px(deg[1]!) : px(deg[1]!);
      else if (legacy) angle = /left/.test(head) ? 90 : /right/.test(head) ? 270 : /bottom/.test(head) ? 0 : 180;
      else if (/to right/.test(head)) angle = 90;
      else if (/to left/.test(head)) angle = 270;
      else if (/to top/.test(head)) angle = 0;
    }
    const stops = args.flatMap((arg, i) => {
      const c = color(arg);
      if (!c) return [];
      const pos = /\)\s+(-?[\d.]+)%/.exec(arg);
      return [{ position: clamp01(pos ? px(pos[1]!) / 100 : args.length > 1 ? i / (args.length - 1) : 0), color: c }];
    });
    if (stops.length === 0) return undefined;
    if (m[3] === "radial")
      return {
        type: "GRADIENT_RADIAL",
        handles: [
          { x: 0.5, y: 0.5 },
          { x: 1, y: 0.5 },
          { x: 0.5, y: 1 },
        ],
        stops,
      };
    const rad = (angle * Math.PI) / 180;
    const dx = Math.sin(rad) / 2;
    const dy = -Math.cos(rad) / 2;
    return {
      type: "GRADIENT_LINEAR",
      handles: [
        { x: 0.5 - dx, y: 0.5 - dy },
        { x: 0.5 + dx, y: 0.5 + dy },
        { x: 0.5 - dy, y: 0.5 + dx },
      ],
      stops,
    };
  };

  const objectFit = (v: string): "FILL" | "FIT" | "CROP" | "TILE" =>
    v === "contain" ? "FIT" : v === "none" || v === "scale-down" ? "CROP" : "FILL";

  const fillsOf = (style: Style): LayerPaint[] => {
    const out: LayerPaint[] = [];
    const bg = color(s(style, "background-color"));
    if (bg && bg.a > 0) out.push({ type: "SOLID", color: bg });
    const image = s(style, "background-image");
    if (image && image !== "none") {
      // CSS paints the first layer on top; Figma's last fill is on top.
      for (const layer of splitTop(image).reverse()) {
        const url = /^url\("?(.*?)"?\)$/.exec(layer);
        if (url) {
          const size = s(style, "background-size");
          const repeat = s(style, "background-repeat");
          out.push({
            type: "IMAGE",
            src: url[1]!,
            scaleMode:
              size === "contain" ? "FIT" : size === "cover" ? "FILL" : repeat === "no-repeat" ? "CROP" : "TILE",
          });
        } else {
          const paint = gradient(layer);
          if (paint) out.push(paint);
        }
      }
    }
    return out;
  };

  const effectsOf = (style: Style): LayerEffect[] => {
    const out: LayerEffect[] = [];
    const shadow = s(style, "box-shadow");
    if (shadow && shadow !== "none")
      for (const one of splitTop(shadow)) {
        const c = color(one) ?? { r: 0, g: 0, b: 0, a: 1 };
        const nums = one
          .replace(/rgba?\([^)]*\)/, "")
          .trim()
          .split(/\s+/)
          .filter((p) => /^-?[\d.]+(px)?$/.test(p))
          .map(px);
        out.push({
          type: /inset/.test(one) ? "INNER_SHADOW" : "DROP_SHADOW",
          color: c,
          offset: { x: nums[0] ?? 0, y: nums[1] ?? 0 },
          radius: Math.max(0, nums[2] ?? 0),
          spread: nums[3] ?? 0,
        });
      }
    const blur = /blur\(([\d.]+)px\)/.exec(s(style, "filter"));
    if (blur) out.push({ type: "LAYER_BLUR", radius: px(blur[1]!) });
    const back = /blur\(([\d.]+)px\)/.exec(s(style, "backdrop-filter"));
    if (back) out.push({ type: "BACKGROUND_BLUR", radius: px(back[1]!) });
    return out;
  };

  const BLEND: Record<string, LayerNode["blendMode"]> = {
    multiply: "MULTIPLY",
    screen: "SCREEN",
    overlay: "OVERLAY",
    darken: "DARKEN",
    lighten: "LIGHTEN",
    "color-dodge": "COLOR_DODGE",
    "color-burn": "COLOR_BURN",
    "hard-light": "HARD_LIGHT",
    "soft-light": "SOFT_LIGHT",
    difference: "DIFFERENCE",
    exclusion: "EXCLUSION",
    hue: "HUE",
    saturation: "SATURATION",
    color: "COLOR",
    luminosity: "LUMINOSITY",
  };

  /** Paint, border, radius, effects, opacity, blend: what a frame and a text layer's box share. */
  const visuals = (style: Style, node: LayerNode): void => {
    const fills = fillsOf(style);
    if (fills.length > 0) node.fills = fills;
    const w = ["top", "right", "bottom", "left"].map((side) =>
      s(style, `border-${side}-style`) === "none" ? 0 : px(s(style, `border-${side}-width`)),
    );
    if (w.some((n) => n > 0)) {
      const side = ["top", "right", "bottom", "left"][w.findIndex((n) => n > 0)]!;
      const c = color(s(style, `border-${side}-color`));
      if (c)
        node.stroke = {
          paint: { type: "SOLID", color: c },
          weights: { top: w[0]!, right: w[1]!, bottom: w[2]!, left: w[3]! },
          ...(s(style, `border-${side}-style`) === "dashed" ? { dash: [w.find((n) => n > 0)! * 2] } : {}),
        };
    }
    const r = ["top-left", "top-right", "bottom-right", "bottom-left"].map((c) => px(s(style, `border-${c}-radius`)));
    if (r.some((n) => n > 0)) node.radii = { topLeft: r[0]!, topRight: r[1]!, bottomRight: r[2]!, bottomLeft: r[3]! };
    const effects = effectsOf(style);
    if (effects.length > 0) node.effects = effects;
    const opacity = px(s(style, "opacity") || "1");
    if (opacity < 1) node.opacity = clamp01(opacity);
    const blend = BLEND[s(style, "mix-blend-mode")];
    if (blend) node.blendMode = blend;
  };

  const bordered = (style: Style): boolean =>
    ["top", "right", "bottom", "left"].some(
      (side) => s(style, `border-${side}-style`) !== "none" && px(s(style, `border-${side}-width`)) > 0,
    );
  /** A text, image or vector layer keeps the element's opacity, radius and effects. */
  const visualsOfLeaf = (style: Style, node: LayerNode): void => {
    const opacity = px(s(style, "opacity") || "1");
    if (opacity < 1) node.opacity = clamp01(opacity);
    const blend = BLEND[s(style, "mix-blend-mode")];
    if (blend) node.blendMode = blend;
    if (node.kind === "image") {
      const r = ["top-left", "top-right", "bottom-right", "bottom-left"].map((c) => px(s(style, `border-${c}-radius`)));
      if (r.some((n) => n > 0)) node.radii = { topLeft: r[0]!, topRight: r[1]!, bottomRight: r[2]!, bottomLeft: r[3]! };
    }
    const effects = effectsOf(style);
    if (effects.length > 0) node.effects = effects;
  };

  return {
    px,
    clamp01,
    color,
    s,
    splitTop,
    gradient,
    objectFit,
    fillsOf,
    effectsOf,
    BLEND,
    visuals,
    visualsOfLeaf,
    bordered,
  };
}

/**
 * The DOM readers: names, text and its runs, auto layout, boxes. Self-contained, as readLayers; given the paint
 * readers.
 */
export function structureReaders(
  paints: ReturnType<typeof paintReaders>,
  generated?: ReturnType<typeof generatedReaders>,
  familyOf: ReturnType<typeof fontReaders>["familyOf"] = fontReaders().familyOf,
) {
  const g = globalThis as unknown as ReaderGlobals;
  const { px, color, s } = paints;
  const nameOf = (el: DomElement): string => {
    const component = el.getAttribute("data-component") ?? el.getAttribute("data-name");
    if (component) return component.slice(0, 200);
    const tag = el.tagName.toLowerCase();
    const label: Record<string, string> = { button: "Button", a: "Link", input: "Input", textarea: "Text area" };
    const cls = typeof el.className === "string" ? el.className.trim().split(/\s+/)[0] : undefined;
    const kind = label[tag] ?? (el.getAttribute("role") === "button" ? "Button" : undefined);
    const base = cls && !/^[a-z]+-\[|^(flex|grid|p|m|w|h|text|bg)-/.test(cls) ? cls : tag;
    return (kind && base !== tag ? `${kind} · ${base}` : (kind ?? base)).slice(0, 200);
  };

  const INLINE = new Set(["inline", "contents"]);
  // <noscript> is read: pages are rendered with scripts off, so its content is what the page shows.
  const SKIP = new Set(["SCRIPT", "STYLE", "TEMPLATE", "HEAD", "META", "LINK", "TITLE"]);

  const DRAWN = new Set(["IMG", "svg", "INPUT", "SELECT", "TEXTAREA", "BUTTON", "IFRAME", "VIDEO", "CANVAS", "OBJECT"]);
  /** Whether an element or one inside it paints something other than text: an image, a control, a fill, a border. */
  const drawn = (el: DomElement): boolean => {
    if (DRAWN.has(el.tagName)) return true;
    const style = g.getComputedStyle(el);
    if (s(style, "display") === "none") return false;
    return paints.fillsOf(style).length > 0 || paints.bordered(style) || Array.from(el.children).some(drawn);
  };

  /**
   * A paragraph of a design's text that the code wrote as a block (a <span> with display:block between paragraphs):
   * no layer of its own (no data-node-id, no paint, border or padding) inside one that is (or is in) a design layer.
   */
  const paragraph = (el: DomElement, c: DomElement): boolean => {
    if (el.closest("[data-node-id]") === null || c.getAttribute("data-node-id") !== null) return false;
    const cs = g.getComputedStyle(c);
    return (
      s(cs, "display") === "block" &&
      paints.fillsOf(cs).length === 0 &&
      !paints.bordered(cs) &&
      ["top", "right", "bottom", "left"].every((side) => px(s(cs, `padding-${side}`)) === 0) &&
      textOnly(c)
    );
  };

  /** An element whose content is text only (text nodes and inline elements holding text): one text layer. */
  const textOnly = (el: DomElement): boolean => {
    let text = false;
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 3) {
        if ((child.textContent ?? "").trim() !== "") text = true;
      } else if (child.nodeType === 1) {
        const c = child as DomElement;
        if (SKIP.has(c.tagName)) continue;
        if (c.tagName === "BR") continue;
        if (c.tagName === "IMG" || c.tagName === "svg") return false;
        if (!INLINE.has(s(g.getComputedStyle(c), "display")) && !paragraph(el, c)) return false;
        // An inline element without text that draws something (a linked image, an icon) is a layer of its own.
        if ((c.textContent ?? "").trim() === "" && drawn(c)) return false;
        if (!textOnly(c) && (c.textContent ?? "").trim() !== "") return false;
        if ((c.textContent ?? "").trim() !== "") text = true;
      }
    }
    return text;
  };

  const runOf = (style: Style, start: number, end: number, href: string | null): TextRun => {
    const [lh, deco] = [s(style, "line-height"), s(style, "text-decoration-line")];
    const [tt, ls] = [s(style, "text-transform"), s(style, "letter-spacing")];
    const [weight, italic] = [px(s(style, "font-weight")) || 400, s(style, "font-style") === "italic"];
    return {
      start,
      end,
      family: familyOf(s(style, "font-family"), weight, italic) || "Inter",
      weight,
      italic,
      size: px(s(style, "font-size")),
      ...(lh === "normal" ? {} : { lineHeight: px(lh) }),
      letterSpacing: ls === "normal" ? 0 : px(ls),
      decoration: /underline/.test(deco) ? "UNDERLINE" : /line-through/.test(deco) ? "STRIKETHROUGH" : "NONE",
      textCase:
        tt === "uppercase"
          ? "UPPER"
          : tt === "lowercase"
            ? "LOWER"
            : tt === "capitalize"
              ? "TITLE"
              : s(style, "font-variant-caps") === "small-caps"
                ? "SMALL_CAPS"
                : "ORIGINAL",
      fill: color(s(style, "color")) ?? { r: 0, g: 0, b: 0, a: 1 },
      ...(href ? { href: href.slice(0, 2000) } : {}),
    };
  };

  /** The text of `el` with a run per styled stretch (white space collapsed as CSS does for `normal`). */
  /** `nodes`: of `el`'s child nodes, those of one paragraph (the text between its blocks); else all of them. */
  const textOf = (el: DomElement, style: Style, nodes?: DomNode[]): NonNullable<LayerNode["text"]> => {
    let characters = "";
    const runs: TextRun[] = [];
    /** A stretch of text as `parentStyle` draws it (a text node's, a pseudo-element's content). */
    const add = (raw: string, parentStyle: Style, href: string | null): void => {
      // White space as CSS keeps it: `pre` and `pre-wrap` keep it all, `pre-line` its line breaks.
      const space = s(parentStyle, "white-space");
      let t = /^(pre|pre-wrap|break-spaces)$/.test(space)
        ? raw
        : space === "pre-line"
          ? raw.replace(/[^\S\n]+/g, " ").replace(/ ?\n ?/g, "\n")
          : raw.replace(/\s+/g, " ");
      if (characters === "" || characters.endsWith(" ") || characters.endsWith("\n")) t = t.replace(/^ /, "");
      if (characters === "" && /^(pre|pre-line)$/.test(space)) t = t.replace(/^\n/, "");
      if (t === "") return;
      const run = runOf(parentStyle, characters.length, characters.length + t.length, href);
      characters += t;
      const last = runs[runs.length - 1];
      const same =
        last && JSON.stringify({ ...last, start: 0, end: 0 }) === JSON.stringify({ ...run, start: 0, end: 0 });
      if (same) last.end = run.end;
      else runs.push(run);
    };
    /** A ::before / ::after's text content, in its own style. */
    const addPseudo = (e: DomElement, which: string, href: string | null): void => {
      if (!generated?.mayHavePseudo(e)) return;
      const ps = g.getComputedStyle(e, which);
      if (s(ps, "display") === "none" || s(ps, "visibility") === "hidden") return;
      const text = generated.contentText(s(ps, "content"));
      if (text !== "") add(text, ps, href);
    };
    const walk = (node: DomNode, href: string | null): void => {
      if (node.nodeType === 3) {
        add(node.textContent ?? "", g.getComputedStyle(node.parentElement ?? el), href);
        return;
      }
      if (node.nodeType !== 1) return;
      const e = node as DomElement;
      if (SKIP.has(e.tagName)) return;
      if (e.tagName === "BR") {
        // A collapsed space before a line break is not drawn (CSS drops it at the line's end).
        characters = `${characters.replace(/ $/, "")}\n`;
        if (runs.length > 0) runs[runs.length - 1]!.end = characters.length;
        return;
      }
      const link = e.tagName === "A" ? e.getAttribute("href") : href;
      // A paragraph (a block inside the text) starts and ends a line.
      const block = e !== el && !INLINE.has(s(g.getComputedStyle(e), "display"));
      const breakLine = (): void => {
        if (!block || characters === "" || characters.endsWith("\n")) return;
        // A trailing collapsed space becomes the line break (the runs' offsets stay).
        if (characters.endsWith(" ")) characters = `${characters.slice(0, -1)}\n`;
        else {
          characters += "\n";
          if (runs.length > 0) runs[runs.length - 1]!.end = characters.length;
        }
      };
      breakLine();
      addPseudo(e, "::before", link);
      for (const child of Array.from(e.childNodes)) walk(child, link);
      addPseudo(e, "::after", link);
      breakLine();
    };
    const href = el.tagName === "A" ? el.getAttribute("href") : null;
    if (nodes) for (const node of nodes) walk(node, href);
    else {
      // An inside list marker starts the item's text.
      const inside = generated?.markerPrefix(el, style);
      if (inside) add(inside.text, inside.style, null);
      walk(el, href);
    }
    const trimmed = characters.replace(/\s+$/, "");
    const kept = runs
      .filter((r) => r.start < trimmed.length)
      .map((r) => ({ ...r, end: Math.min(r.end, trimmed.length) }));
    const align = s(style, "text-align");
    const display = s(style, "display");
    // An inline or floated element, or one inside a flex row that does not grow, hugs its text; a block is as wide
    // as its container (Figma's fixed-width box).
    // An inline or floated element hugs its text; so does one (a flex item) whose content box is as wide as its
    // text's one line. A block wider than its text keeps its width (Figma's fixed-width box).
    const range = g.document.createRange();
    range.selectNodeContents(el);
    const textBox = range.getBoundingClientRect();
    const content =
      el.getBoundingClientRect().width -
      ["padding-left", "padding-right", "border-left-width", "border-right-width"].reduce(
        (a, k) => a + px(s(style, k)),
        0,
      );
    // One line: every fragment overlaps the first one's line (a glyph box may be taller than the line height).
    const first = Array.from(range.getClientRects()).filter((f) => f.width > 0 && f.height > 0);
    const top = first[0];
    const oneLine =
      !trimmed.includes("\n") && first.every((f) => !top || Math.min(top.y + top.height, f.y + f.height) - f.y > 0);
    // A multi-line inline box wraps where its block does: a fixed width, not one long line.
    const hugs =
      oneLine && (/inline/.test(display) || s(style, "float") !== "none" || Math.abs(content - textBox.width) <= 1);
    return {
      characters: trimmed,
      runs: kept,
      align:
        align === "center"
          ? "CENTER"
          : align === "right" || align === "end"
            ? "RIGHT"
            : align === "justify"
              ? "JUSTIFIED"
              : "LEFT",
      alignVertical: verticalAlign(style),
      autoResize: hugs ? "WIDTH_AND_HEIGHT" : "HEIGHT",
    };
  };

  /** Where a flex element puts its text in a taller box (a column's justify-content, a row's align-items). */
  const verticalAlign = (style: Style): LayerText["alignVertical"] => {
    if (!/flex/.test(s(style, "display"))) return "TOP";
    const v = s(style, /column/.test(s(style, "flex-direction")) ? "justify-content" : "align-items");
    return v === "center" ? "CENTER" : /end/.test(v) ? "BOTTOM" : "TOP";
  };

  const rel = (r: Rect, origin: Rect): NonNullable<LayerNode["box"]> => ({
    x: r.x - origin.x,
    y: r.y - origin.y,
    w: Math.max(0, r.width),
    h: Math.max(0, r.height),
  });

  const idOf = (el: DomElement): string | undefined => el.getAttribute("data-node-id") ?? undefined;
  return {
    nameOf,
    INLINE,
    SKIP,
    drawn,
    textOnly,
    runOf,
    textOf,
    rel,
    idOf,
  };
}

/**
 * The layout half of the reader: flex → auto layout (direction, gap, padding, alignment, wrap), what hugs its content,
 * and CSS's paint order among siblings. Self-contained like the others: it is evaluated in the page as source.
 */
/** `skip`: the tags that are no layers (structureReaders' SKIP). */
export function layoutReaders(paints: ReturnType<typeof paintReaders>, SKIP: ReadonlySet<string>) {
  const g = globalThis as unknown as ReaderGlobals;
  const { px, s } = paints;
  const JUSTIFY: Record<string, NonNullable<LayerNode["autoLayout"]>["primaryAlign"]> = {
    center: "CENTER",
    "flex-end": "MAX",
    end: "MAX",
    right: "MAX",
    "space-between": "SPACE_BETWEEN",
    "space-around": "SPACE_AROUND",
    "space-evenly": "SPACE_EVENLY",
  };
  const ALIGN: Record<string, NonNullable<LayerNode["autoLayout"]>["counterAlign"]> = {
    center: "CENTER",
    "flex-end": "MAX",
    end: "MAX",
    baseline: "BASELINE",
  };

  const autoLayoutOf = (style: Style): LayerNode["autoLayout"] => {
    const display = s(style, "display");
    const padding = {
      top: px(s(style, "padding-top")),
      right: px(s(style, "padding-right")),
      bottom: px(s(style, "padding-bottom")),
      left: px(s(style, "padding-left")),
    };
    const rowGap = px(s(style, "row-gap"));
    const columnGap = px(s(style, "column-gap"));
    if (/flex/.test(display)) {
      const row = !/column/.test(s(style, "flex-direction"));
      // "nowrap" contains "wrap": the value is wrap or wrap-reverse.
      const wrap = /^wrap/.test(s(style, "flex-wrap"));
      return {
        mode: row ? "HORIZONTAL" : "VERTICAL",
        gap: row ? columnGap : rowGap,
        ...(wrap ? { counterGap: row ? rowGap : columnGap } : {}),
        padding,
        primaryAlign: JUSTIFY[s(style, "justify-content")] ?? "MIN",
        counterAlign: ALIGN[s(style, "align-items")] ?? "MIN",
        wrap,
      };
    }
    if (/grid/.test(display)) {
      const tracks = (v: string): number => (v === "none" ? 1 : Math.max(1, v.trim().split(/\s+/).length));
      // The used sizes ("190px 731px …", line names aside); fr and auto are lost here, the builder reads them back.
      const sizes = (v: string, max: number): number[] =>
        v === "none" ? [] : (v.match(/-?[\d.]+px/g) ?? []).slice(0, max).map((t) => Math.max(0, px(t)));
      return {
        mode: "GRID",
        gap: columnGap,
        counterGap: rowGap,
        padding,
        primaryAlign: "MIN",
        counterAlign: "MIN",
        wrap: false,
        columns: Math.min(1000, tracks(s(style, "grid-template-columns"))),
        rows: Math.min(10_000, tracks(s(style, "grid-template-rows"))),
        columnTracks: sizes(s(style, "grid-template-columns"), 1000),
        rowTracks: sizes(s(style, "grid-template-rows"), 10_000),
      };
    }
    return undefined;
  };

  /** The element children a flex container lays out (not hidden, not taken out by position). */
  const inFlow = (el: DomElement): { el: DomElement; style: Style }[] =>
    Array.from(el.children)
      .map((child) => ({ el: child, style: g.getComputedStyle(child) }))
      .filter(
        ({ el: c, style: cs }) =>
          !SKIP.has(c.tagName) && s(cs, "display") !== "none" && !/absolute|fixed/.test(s(cs, "position")),
      );

  /**
   * Whether a flex container's box is its content's on each axis (CSS width auto / fit-content / inline-flex, or a
   * height from its children): the children's margin boxes plus padding and border, within a pixel.
   */
  const huggedAxes = (el: DomElement, style: Style, rect: Rect): { h: boolean; v: boolean } => {
    const items = inFlow(el);
    if (items.length === 0) return { h: false, v: false };
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    // Along a single line's main axis the content is the items' sizes and gaps, not their extent: space-between
    // (or an auto margin) spreads a few small items to both edges of a wide box that does not hug them.
    const row = !/column/.test(s(style, "flex-direction"));
    const line = !/^wrap/.test(s(style, "flex-wrap"));
    let sum = px(s(style, row ? "column-gap" : "row-gap")) * (items.length - 1);
    for (const { el: c, style: cs } of items) {
      const r = c.getBoundingClientRect();
      const [ml, mt, mr, mb] = ["left", "top", "right", "bottom"].map((side) => px(s(cs, `margin-${side}`)));
      x0 = Math.min(x0, r.x - ml!);
      y0 = Math.min(y0, r.y - mt!);
      x1 = Math.max(x1, r.x + r.width + mr!);
      y1 = Math.max(y1, r.y + r.height + mb!);
      sum += row ? r.width + ml! + mr! : r.height + mt! + mb!;
    }
    const edge = (side: string): number => px(s(style, `padding-${side}`)) + px(s(style, `border-${side}-width`));
    const spanW = line && row ? sum : x1 - x0;
    const spanH = line && !row ? sum : y1 - y0;
    return {
      h: Math.abs(rect.width - spanW - edge("left") - edge("right")) <= 1,
      v: Math.abs(rect.height - spanH - edge("top") - edge("bottom")) <= 1,
    };
  };

  /**
   * What hugs its content: a text that is not a fixed-width box hugs its width, and every text its height; an auto
   * layout frame whose box is its content's, on an axis where no child fills it (Figma refuses that pair).
   */
  const hugOf = (node: LayerNode, el: DomElement, style: Style, rect: Rect, hasParent: boolean): void => {
    const fixed = { mode: "FIXED" as const };
    const sizing = node.sizing ?? { horizontal: fixed, vertical: fixed };
    const hug = <T extends object>(axis: T) => ({ ...axis, mode: "HUG" as const });
    if (node.kind === "text" && node.text) {
      const wide = sizing.horizontal.mode === "FIXED" && node.text.autoResize === "WIDTH_AND_HEIGHT";
      if (!node.sizing && !wide) return;
      node.sizing = {
        horizontal: wide ? hug(sizing.horizontal) : sizing.horizontal,
        // A text centred or pushed down in a taller box keeps that box's height.
        vertical:
          sizing.vertical.mode === "FIXED" && node.text.alignVertical === "TOP"
            ? hug(sizing.vertical)
            : sizing.vertical,
      };
      return;
    }
    const al = node.autoLayout;
    if (!hasParent || node.kind !== "frame" || !al || al.mode === "GRID") return;
    const filled = (h: boolean): boolean =>
      (node.children ?? []).some((c) => !c.absolute && c.sizing?.[h ? "horizontal" : "vertical"].mode === "FILL");
    const measured = huggedAxes(el, style, rect);
    const h =
      measured.h && sizing.horizontal.mode === "FIXED" && !filled(true) && !(al.wrap && al.mode === "HORIZONTAL");
    const v = measured.v && sizing.vertical.mode === "FIXED" && !filled(false) && !(al.wrap && al.mode === "VERTICAL");
    if (!h && !v) return;
    node.sizing = {
      horizontal: h ? hug(sizing.horizontal) : sizing.horizontal,
      vertical: v ? hug(sizing.vertical) : sizing.vertical,
    };
  };

  /**
   * Where an element paints among its siblings (CSS's painting order, flattened to one parent): a negative z-index
   * under the flow (0), the flow (1), positioned elements over it (2), then by z-index. A layer flowing in auto
   * layout keeps its place (moving it would move it in the layout).
   */
  const paintRank = (style: Style, flowsInAutoLayout: boolean): number => {
    if (flowsInAutoLayout || s(style, "position") === "static") return 1;
    const z = s(style, "z-index");
    const n = z === "auto" ? 0 : px(z);
    return n < 0 ? 0 : 2 + n;
  };
  /**
   * Whether a text layer draws the element's text where the page does: no side padding, and its lines either fill the
   * box, start at the top of a taller block (the text hugs), or sit where a flex box puts them (the text's
   * alignVertical in a box of that height). A table cell or a padded link whose text sits lower is a frame holding
   * the text where it is drawn.
   */
  const textFills = (el: DomElement, rect: Rect, style: Style): boolean => {
    if (px(s(style, "padding-left")) + px(s(style, "padding-right")) > 0.5) return false;
    const range = g.document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    const above = r.y - rect.y;
    const below = rect.y + rect.height - r.y - r.height;
    if (Math.abs(above) <= 1.5 && Math.abs(below) <= 1.5) return true;
    // At the top of a box taller than its lines by more than a line's leading (not the leading itself: that text,
    // as Figma lays it out, may wrap to another height; the frame keeps the page's box).
    const top = Math.abs(above) <= 1.5 && below > above + px(s(style, "font-size")) / 2;
    const display = s(style, "display");
    if (/flex/.test(display)) {
      const v = s(style, /column/.test(s(style, "flex-direction")) ? "justify-content" : "align-items");
      return top || v === "center" || /end/.test(v);
    }
    return top && !/table-cell/.test(display);
  };

  /**
   * Items of a flex line whose margins make the gaps between them unequal (a footer's margin-top below a title's
   * margin-bottom): Figma has one gap, so the line takes the smallest and each item with more room before it is
   * wrapped in a frame whose leading padding is the rest. `room` counts the wrapper against the layer limit.
   */
  const marginWrap = (node: LayerNode, room: () => boolean): void => {
    const al = node.autoLayout;
    if (!al || al.mode === "GRID" || al.wrap || !node.children) return;
    const row = al.mode === "HORIZONTAL";
    const main = row ? "horizontal" : "vertical";
    const hugs = node.sizing?.[main].mode === "HUG";
    if (al.primaryAlign !== "MIN" && al.primaryAlign !== "CENTER" && al.primaryAlign !== "MAX" && !hugs) return;
    if (/^SPACE_(AROUND|EVENLY)$/.test(al.primaryAlign)) return;
    const items = node.children.filter((c) => !c.absolute && c.visible !== false);
    const start = (c: LayerNode): number => (row ? c.box.x : c.box.y);
    const end = (c: LayerNode): number => start(c) + (row ? c.box.w : c.box.h);
    const gaps = items.slice(1).map((c, i) => start(c) - end(items[i]!));
    if (gaps.length < 2) return;
    const least = Math.min(...gaps);
    if (Math.max(...gaps) - least <= 0.5) return;
    if (al.primaryAlign.startsWith("SPACE")) al.primaryAlign = "MIN";
    al.gap = least;
    items.slice(1).forEach((child, i) => {
      const extra = gaps[i]! - least;
      if (extra <= 0.5 || !room()) return;
      const fixed = { mode: "FIXED" as const };
      const sizing = child.sizing ?? { horizontal: fixed, vertical: fixed };
      const own = (axis: "horizontal" | "vertical") => ({
        mode: sizing[axis].mode === "FILL" ? ("FILL" as const) : ("HUG" as const),
      });
      const b = child.box;
      const wrapper: LayerNode = {
        kind: "frame",
        name: `${child.name} margin`.slice(0, 200),
        box: row ? { ...b, x: b.x - extra, w: b.w + extra } : { ...b, y: b.y - extra, h: b.h + extra },
        sizing: { horizontal: own("horizontal"), vertical: own("vertical") },
        autoLayout: {
          mode: al.mode,
          gap: 0,
          padding: { top: row ? 0 : extra, right: 0, bottom: 0, left: row ? extra : 0 },
          primaryAlign: "MIN",
          counterAlign: "MIN",
          wrap: false,
        },
        children: [{ ...child, box: row ? { ...b, x: extra, y: 0 } : { ...b, x: 0, y: extra } }],
      };
      node.children!.splice(node.children!.indexOf(child), 1, wrapper);
    });
  };

  return { JUSTIFY, ALIGN, autoLayoutOf, inFlow, huggedAxes, hugOf, paintRank, textFills, marginWrap };
}

/** An expression that runs readLayers in a page with its paint readers: for `page.evaluate` (and the iframe). */
export const readLayersSource = (options: ReadOptions): string => readLayersCall(JSON.stringify(options));

/** readLayers called with every reader as source, on `options` (an expression): the page has nothing else. */
export const readLayersCall = (options: string): string =>
  `(${readLayers.toString()})(${options}, ${paintReaders.toString()}, ${structureReaders.toString()}, ` +
  `${layoutReaders.toString()}, ${generatedReadersSource()}, ${itemReaders.toString()}, ${marginReaders.toString()}, ` +
  `${svgReadersSource()}, ${paragraphReaders.toString()}, ${fontReaders.toString()})`;
