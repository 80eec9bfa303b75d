/**
 * `@react-native-masked-view/masked-view` in the React Native preview (react-native-globals.ts). The package's own web
 * build draws the mask element instead of the children and masks nothing; this draws what the native view draws:
 * the children, seen through the alpha of the mask element, which is laid out over the view's box
 * (StyleSheet.absoluteFill, as the native component lays it) and not itself shown. The mask element is rendered
 * hidden and read back as the view's CSS mask (maskLayers): each picture it draws (react-native-web's Image draws
 * its source as a background image) a mask image where the picture is, each box it fills with a colour a mask of that
 * colour. It is read again whenever the element or the view changes size or a picture loads. Shapes drawn as SVG,
 * gradients and rounded corners in the mask element are not read.
 */
import { createElement, useLayoutEffect, useRef, type ReactElement, type ReactNode } from "react";
import { StyleSheet, View, type ViewProps } from "react-native";

export interface MaskedViewProps extends ViewProps {
  maskElement: ReactElement;
  children?: ReactNode;
}

/** One element's box in the view's coordinates (CSS px). */
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const px = (v: number): string => `${Math.round(v * 100) / 100}px`;
const boxText = (b: Box): string => `${px(b.x)} ${px(b.y)} / ${px(b.w)} ${px(b.h)}`;

/** Natural sizes of the pictures read so far (a picture's size places it where it is covered or contained). */
const naturalSizes = new Map<string, { w: number; h: number } | "loading">();

/** The natural size of the picture at `url`; undefined until it has loaded (then `loaded` runs). */
function naturalSize(url: string, loaded: () => void): { w: number; h: number } | undefined {
  const known = naturalSizes.get(url);
  if (known !== undefined) return known === "loading" ? undefined : known;
  naturalSizes.set(url, "loading");
  const image = new Image();
  image.onload = () => {
    naturalSizes.set(url, { w: image.naturalWidth, h: image.naturalHeight });
    loaded();
  };
  image.onerror = () => naturalSizes.delete(url);
  image.src = url;
  return undefined;
}

/** The share of `of` a CSS length or percentage is (`50%`, `12px`), 0 for what it does not read. */
function length(value: string, of: number): number {
  const n = Number.parseFloat(value);
  if (Number.isNaN(n)) return 0;
  return value.trim().endsWith("%") ? (n / 100) * of : n;
}

/**
 * Where a picture of `size` is drawn in a box of `w`×`h` by the element's background-size and -position (`cover`,
 * `contain`, `100% 100%`, `auto`, lengths), relative to the box; undefined while the picture's size is not known.
 */
function drawnAt(
  style: CSSStyleDeclaration,
  w: number,
  h: number,
  size: { w: number; h: number } | undefined,
): Box | undefined {
  const sizing = style.backgroundSize.trim();
  let dw: number;
  let dh: number;
  if (sizing === "cover" || sizing === "contain") {
    if (!size || size.w <= 0 || size.h <= 0) return undefined;
    const k = (sizing === "cover" ? Math.max : Math.min)(w / size.w, h / size.h);
    [dw, dh] = [size.w * k, size.h * k];
  } else {
    const [sw = "auto", sh = "auto"] = sizing.split(/\s+/);
    if ((sw === "auto" || sh === "auto") && !size) return undefined;
    dw = sw === "auto" ? size!.w : length(sw, w);
    dh = sh === "auto" ? (sw === "auto" ? size!.h : (dw / size!.w) * size!.h) : length(sh, h);
  }
  const [sx = "50%", sy = "50%"] = style.backgroundPosition.split(/\s+/);
  // A percentage places the picture's point at the box's same point; a length is an offset.
  const at = (v: string, room: number): number =>
    v.trim().endsWith("%") ? (room * Number.parseFloat(v)) / 100 : length(v, 0);
  return { x: at(sx, w - dw), y: at(sy, h - dh), w: dw, h: dh };
}

/** The CSS `url(…)` of a background image of one picture, else undefined (gradients, several layers). */
function pictureUrl(style: CSSStyleDeclaration): string | undefined {
  const m = /^url\(\s*"?([^")]*)"?\s*\)$/.exec(style.backgroundImage.trim());
  return m?.[1];
}

const transparent = (color: string): boolean =>
  color === "transparent" || /^rgba\(.*,\s*0\)$/.test(color.replace(/\s+/g, " "));

/**
 * The CSS mask of `view` that the elements drawn in `holder` make, and the boxes its pictures are cut to (each
 * Image clips its picture to its own box). `loaded`: read again when a picture's size becomes known.
 */
export function maskLayers(
  view: HTMLElement,
  holder: HTMLElement,
  loaded: () => void,
): { layers: string[]; cuts: Box[]; overflow: boolean } {
  const at = view.getBoundingClientRect();
  // Drawn at a scale (a transform above the view): the mask's lengths are the view's own.
  const k = at.width > 0 ? view.offsetWidth / at.width : 1;
  const layers: string[] = [];
  const cuts: Box[] = [];
  let overflow = false;
  for (const el of holder.querySelectorAll<HTMLElement>("*")) {
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) continue;
    const style = getComputedStyle(el);
    if (style.display === "none") continue;
    const box: Box = {
      x: (r.left - at.left) * k + el.clientLeft,
      y: (r.top - at.top) * k + el.clientTop,
      w: el.clientWidth || r.width * k,
      h: el.clientHeight || r.height * k,
    };
    const whole =
      Math.abs(box.x) < 0.5 &&
      Math.abs(box.y) < 0.5 &&
      Math.abs(box.w - view.offsetWidth) < 0.5 &&
      Math.abs(box.h - view.offsetHeight) < 0.5;
    // CSS lists mask layers top first: an element drawn later goes before those drawn under it, and an element's
    // picture before its colour.
    if (!transparent(style.backgroundColor)) {
      const c = style.backgroundColor;
      layers.unshift(`linear-gradient(${c}, ${c}) ${boxText(box)} no-repeat`);
      cuts.push(box);
    }
    const url = pictureUrl(style);
    if (url !== undefined) {
      const placement = `${style.backgroundPosition} / ${style.backgroundSize} ${style.backgroundRepeat}`;
      if (whole) layers.unshift(`url("${url}") ${placement}`);
      else {
        const drawn = drawnAt(style, box.w, box.h, naturalSize(url, loaded));
        if (!drawn) continue;
        const picture = { x: box.x + drawn.x, y: box.y + drawn.y, w: drawn.w, h: drawn.h };
        const repeat = style.backgroundRepeat.includes("no-repeat") ? "no-repeat" : style.backgroundRepeat;
        layers.unshift(`url("${url}") ${boxText(picture)} ${repeat}`);
        overflow ||=
          repeat !== "no-repeat" ||
          picture.x < box.x - 0.5 ||
          picture.y < box.y - 0.5 ||
          picture.x + picture.w > box.x + box.w + 0.5 ||
          picture.y + picture.h > box.y + box.h + 0.5;
      }
      cuts.push(box);
    }
  }
  return { layers, cuts, overflow };
}

/** Sets the view's mask to what the holder's elements draw; nothing drawn lets nothing through, as natively. */
function applyMask(view: HTMLElement, holder: HTMLElement, loaded: () => void): void {
  const { layers, cuts, overflow } = maskLayers(view, holder, loaded);
  const value = layers.length > 0 ? layers.join(", ") : "linear-gradient(transparent, transparent)";
  view.style.setProperty("-webkit-mask", value);
  view.style.setProperty("mask", value);
  // A picture that runs past its Image's box is cut there: the view is clipped to the pictures' boxes.
  const path = cuts.map((c) => `M${c.x} ${c.y}h${c.w}v${c.h}h${-c.w}Z`).join("");
  if (overflow && path) view.style.setProperty("clip-path", `path("${path}")`);
  else view.style.removeProperty("clip-path");
}

export default function MaskedView({ maskElement, children, ...props }: MaskedViewProps): ReactNode {
  // react-native-web's View gives its ref the element it renders.
  const viewRef = useRef<HTMLElement | null>(null);
  const holderRef = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const view = viewRef.current;
    const holder = holderRef.current;
    if (!view || !holder) return;
    // The mask element is laid out and read, never shown (nor read by assistive technology).
    holder.style.visibility = "hidden";
    holder.setAttribute("aria-hidden", "true");
    let queued = false;
    const apply = (): void => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        applyMask(view, holder, apply);
      });
    };
    applyMask(view, holder, apply);
    const sizes = new ResizeObserver(apply);
    sizes.observe(view);
    sizes.observe(holder);
    const changes = new MutationObserver(apply);
    changes.observe(holder, { subtree: true, childList: true, attributes: true });
    return () => {
      sizes.disconnect();
      changes.disconnect();
    };
  }, []);
  const ref =
    (to: { current: HTMLElement | null }) =>
    (node: unknown): void => {
      to.current = node instanceof HTMLElement ? node : null;
    };
  const holder = createElement(
    View,
    { ref: ref(holderRef), pointerEvents: "none", style: StyleSheet.absoluteFill },
    maskElement,
  );
  return createElement(View, { ...props, ref: ref(viewRef) }, holder, children);
}
