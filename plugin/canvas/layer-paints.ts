/**
 * The layer description's paints and effects as Figma's: colours with their alpha as the paint's opacity, gradient
 * handles (in the layer's unit box) as Figma's gradientTransform, images from data: URLs through figma.createImage;
 * an image that cannot be made becomes a grey placeholder and a note.
 */
import type { LayerEffect, LayerPaint } from "../../contract/layers.js";
import { base64ToBytes } from "../../kernel/base64.js";
import { imageNote } from "../../contract/layers-images.js";

type Color = { r: number; g: number; b: number; a: number };

/** What an image that could not be placed shows: a light grey. */
export const IMAGE_PLACEHOLDER: SolidPaint = { type: "SOLID", color: { r: 0.85, g: 0.85, b: 0.85 }, opacity: 1 };

const rgb = (c: Color): RGB => ({ r: c.r, g: c.g, b: c.b });

type Point = { x: number; y: number };

/**
 * Figma's gradientTransform maps the layer's unit box to the gradient's space, where a linear gradient runs from
 * (0, 0.5) to (1, 0.5) and a radial one is centred on (0.5, 0.5) reaching (1, 0.5); the third handle is (0, 1)
 * resp. (0.5, 1). The handles give the inverse map; without a third, the gradient's box is square.
 */
export function gradientTransform(radial: boolean, handles: readonly Point[]): Transform {
  const p0 = handles[0] ?? { x: 0, y: 0.5 };
  const p1 = handles[1] ?? { x: 1, y: 0.5 };
  const k = radial ? 2 : 1;
  const a = { x: k * (p1.x - p0.x), y: k * (p1.y - p0.y) };
  const p2 = handles[2];
  const b = p2 ? { x: 2 * (p2.x - p0.x), y: 2 * (p2.y - p0.y) } : { x: -a.y, y: a.x };
  // Gradient space → unit box: u ↦ a·u.x + b·u.y + t, with the start (centre) landing on p0.
  const t = radial
    ? { x: p0.x - a.x / 2 - b.x / 2, y: p0.y - a.y / 2 - b.y / 2 }
    : { x: p0.x - b.x / 2, y: p0.y - b.y / 2 };
  const det = a.x * b.y - b.x * a.y;
  if (Math.abs(det) < 1e-9)
    return [
      [1, 0, 0],
      [0, 1, 0],
    ];
  // Its inverse: unit box → gradient space.
  return [
    [b.y / det, -b.x / det, (b.x * t.y - b.y * t.x) / det],
    [-a.y / det, a.x / det, (a.y * t.x - a.x * t.y) / det],
  ];
}

/** The bytes of a base64 data: URL (what createImage takes: PNG, JPEG, GIF); undefined for any other source. */
export function dataUrlBytes(src: string): Uint8Array | undefined {
  const match = /^data:([^,]*?),(.*)$/s.exec(src);
  if (!match) return undefined;
  const [, head = "", body = ""] = match;
  return head.endsWith(";base64") ? base64ToBytes(body) : undefined;
}

/** What makes a paint: images by hash, once per source; notes for the ones that failed. */
export class PaintMaker {
  private readonly hashes = new Map<string, string | null>();
  readonly notes: string[] = [];

  paint(paint: LayerPaint): Paint {
    const opacity = paint.opacity ?? 1;
    if (paint.type === "SOLID") return { type: "SOLID", color: rgb(paint.color), opacity: paint.color.a * opacity };
    if (paint.type === "IMAGE") {
      const hash = this.imageHash(paint.src);
      return hash === null
        ? IMAGE_PLACEHOLDER
        : { type: "IMAGE", imageHash: hash, scaleMode: paint.scaleMode, opacity };
    }
    return {
      type: paint.type,
      gradientTransform: gradientTransform(paint.type === "GRADIENT_RADIAL", paint.handles),
      gradientStops: paint.stops.map((s) => ({ position: s.position, color: { ...s.color } })),
      opacity,
    };
  }

  /** The image's hash, or null (noted) when its source is not inline or Figma refuses its bytes. */
  private imageHash(src: string): string | null {
    const known = this.hashes.get(src);
    if (known !== undefined) return known;
    let hash: string | null = null;
    const bytes = dataUrlBytes(src);
    if (!bytes) this.notes.push(imageNote(src));
    else
      try {
        hash = figma.createImage(bytes).hash;
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        this.notes.push(imageNote(src, why));
      }
    this.hashes.set(src, hash);
    return hash;
  }
}

export function effectOf(effect: LayerEffect): Effect {
  if (effect.type === "LAYER_BLUR" || effect.type === "BACKGROUND_BLUR")
    return { type: effect.type, blurType: "NORMAL", radius: effect.radius, visible: true };
  const color = effect.color ?? { r: 0, g: 0, b: 0, a: 0.25 };
  return {
    type: effect.type,
    color: { ...color },
    offset: { ...(effect.offset ?? { x: 0, y: 0 }) },
    radius: effect.radius,
    spread: effect.spread ?? 0,
    visible: true,
    blendMode: "NORMAL",
  };
}
