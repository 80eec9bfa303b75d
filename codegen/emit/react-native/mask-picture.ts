/**
 * A mask's picture in React Native (mask.ts writes it as a CSS `mask`: the mask's fills at its box). React Native has
 * no mask style; `@react-native-masked-view/masked-view` (in Expo's SDK) shows a view's children through the alpha
 * of its `maskElement`, laid out over the view's box. So the box that carries the CSS mask becomes a `MaskedView`
 * whose mask element draws the same layers: each picture an `Image` placed and scaled as the CSS places it (a whole
 * box's `center / cover`, a crop's percentages, a box in px), each colour a `View` of that colour. A luminance mask,
 * a gradient or a tiled picture is not drawn so (MaskedView masks by alpha; its picture is then left out, as before:
 * the masked layers keep the mask's outline, clip.ts).
 */
import { lastValue, type Decl } from "../../css/decl.js";
import { layers, rnBackground } from "./background.js";
import type { RnEntry, RnStyle } from "./style.js";

/** The package a project installs for MaskedView (the Expo starter adds it to package.json when a file imports it). */
export const MASKED_VIEW = "@react-native-masked-view/masked-view";
/** Its version in Expo's SDK (bundledNativeModules.json). */
export const MASKED_VIEW_VERSION = "0.3.2";

/** One layer of the mask element, bottom first: a picture (its CSS url) or a colour, at its box. */
export type RnMaskLayer =
  | { kind: "image"; url: string; entries: RnEntry[]; resizeMode: "stretch" | "cover" | "contain" }
  | { kind: "color"; color: string; entries: RnEntry[] };

const NUM = String.raw`(-?(?:\d+\.?\d*|\.\d+))(?:px)?`;
/** A layer placed in px in the masked box (mask.ts's maskLayer where the mask is part of the box). */
const AT_PX = new RegExp(String.raw`^\s*${NUM}\s+${NUM}\s*\/\s*${NUM}\s+${NUM}\s+no-repeat\s*$`);
const URL = /^url\(["']?([^"')]+)["']?\)(.*)$/;
const SOLID = /^linear-gradient\(\s*(#[\da-f]+|rgba?\([^()]*\))\s*,\s*\1\s*\)(.*)$/i;

const WHOLE: RnEntry[] = [
  ["position", '"absolute"'],
  ["left", "0"],
  ["top", "0"],
  ["width", '"100%"'],
  ["height", '"100%"'],
];

/** A box in px as absolute entries; undefined when `rest` is not `X Y / W H no-repeat`. */
function pxBox(rest: string): RnEntry[] | undefined {
  const m = AT_PX.exec(rest);
  if (!m) return undefined;
  const [x, y, w, h] = m.slice(1).map((v) => String(Number(v)));
  return [
    ["position", '"absolute"'],
    ["left", x!],
    ["top", y!],
    ["width", w!],
    ["height", h!],
  ];
}

function maskLayer(layer: string): RnMaskLayer | undefined {
  const solid = SOLID.exec(layer);
  if (solid) {
    const entries = solid[2]!.trim() === "" ? WHOLE : pxBox(solid[2]!);
    return entries ? { kind: "color", color: solid[1]!, entries } : undefined;
  }
  const url = URL.exec(layer);
  if (!url) return undefined;
  const placed = pxBox(url[2]!);
  if (placed) return { kind: "image", url: url[1]!, entries: placed, resizeMode: "stretch" };
  // Over the whole box: placed as a background is (cover, contain, stretched, a crop's percentages).
  const whole = rnBackground(layer);
  return whole && whole.overlay === undefined && whole.color === undefined
    ? { kind: "image", url: whole.url, entries: whole.entries, resizeMode: whole.resizeMode }
    : undefined;
}

/**
 * The layers of a class's CSS mask, bottom first, when a MaskedView draws them all; undefined for none, or for a
 * mask it cannot draw (a luminance mask, a gradient, a tile).
 */
export function rnMaskLayers(decls: readonly Decl[]): RnMaskLayer[] | undefined {
  const value = lastValue(decls, "mask");
  if (value === undefined || /\bluminance\b/.test(value)) return undefined;
  // CSS lists mask layers top first.
  const out = layers(value.trim())
    .reverse()
    .map((l) => maskLayer(l));
  return out.length > 0 && out.every((l) => l !== undefined) ? (out as RnMaskLayer[]) : undefined;
}

/** What the mask element's JSX needs of the file: its styles, its React Native components, how it writes images. */
export interface MaskSink {
  styles: Map<string, RnStyle>;
  components: Set<string>;
  svgComponents: Set<string>;
  /** How the file writes the image at an asset path (`../assets/brush.png`): a require, or an SVG component. */
  image(url: string): string;
}

/** The `maskElement` JSX of the class `cls`: each layer a style `<cls>Mask`, `<cls>Mask2`…; several a fragment. */
export function maskElementJsx(cls: string, list: readonly RnMaskLayer[], sink: MaskSink): string {
  const parts: string[] = [];
  for (const [i, layer] of list.entries()) {
    const key = `${cls}Mask${i === 0 ? "" : i + 1}`;
    if (layer.kind === "color") {
      sink.styles.set(key, {
        entries: [...layer.entries, ["backgroundColor", JSON.stringify(layer.color)]],
        dropped: [],
      });
      sink.components.add("View");
      parts.push(`<View style={styles.${key}} />`);
      continue;
    }
    const source = sink.image(layer.url);
    sink.styles.set(key, { entries: layer.entries, dropped: [] });
    if (sink.svgComponents.has(source)) {
      const ratio =
        layer.resizeMode === "stretch" ? "none" : layer.resizeMode === "cover" ? "xMidYMid slice" : "xMidYMid";
      sink.components.add("View");
      parts.push(
        `<View style={styles.${key}}><${source} width="100%" height="100%" preserveAspectRatio="${ratio}" /></View>`,
      );
    } else {
      sink.components.add("Image");
      parts.push(`<Image source={${source}} style={styles.${key}} resizeMode="${layer.resizeMode}" />`);
    }
  }
  return parts.length === 1 ? parts[0]! : `<>${parts.join("")}</>`;
}
