/**
 * The preview's viewport and scale for a chosen width: the page is laid out at that real viewport width (its
 * media queries and fluid sizes apply as on a device that wide) and scaled down to fit the panel.
 * - At the design width a frame that fits legibly (half size or more) is shown whole, as on Figma's canvas.
 * - Otherwise the page is fitted by its width, the viewport as tall as the panel shows at that scale, and the
 *   page scrolls inside it.
 */

export type PreviewWidth = "phone" | "tablet" | "design" | number;

export const PHONE_WIDTH = 390;
export const TABLET_WIDTH = 768;
/** The narrowest width the handle drags to: the narrowest phones in use. */
export const MIN_PREVIEW_WIDTH = 320;
/** The widest, when the design is narrower: a common desktop. */
export const MAX_PREVIEW_WIDTH = 1920;
/** At its own width a frame is shown whole if that is at least this scale; a longer page scrolls. */
const WHOLE_FRAME_MIN_SCALE = 0.5;

export interface Size {
  width: number;
  height: number;
}

export function widthOf(choice: PreviewWidth, design: Size): number {
  if (choice === "phone") return PHONE_WIDTH;
  if (choice === "tablet") return TABLET_WIDTH;
  if (choice === "design") return Math.max(1, Math.round(design.width));
  return clampWidth(choice, design);
}

export function maxWidth(design: Size): number {
  return Math.max(MAX_PREVIEW_WIDTH, Math.round(design.width));
}

export function clampWidth(width: number, design: Size): number {
  return Math.round(Math.min(maxWidth(design), Math.max(MIN_PREVIEW_WIDTH, width)));
}

/** The viewport (CSS px) the page is laid out in, and the scale it is drawn at, inside `room` (px). */
export function previewLayout(room: Size, design: Size, choice: PreviewWidth): { viewport: Size; scale: number } {
  const width = widthOf(choice, design);
  const designHeight = Math.max(1, Math.round(design.height));
  if (room.width <= 0 || room.height <= 0) return { viewport: { width, height: designHeight }, scale: 1 };
  const scale = Math.max(0.05, Math.min(1, room.width / width));
  if (width === Math.round(design.width)) {
    // The whole frame when it stays legible that way (a phone screen); a long page is fitted by its width.
    const whole = Math.min(1, room.width / width, room.height / designHeight);
    if (whole >= WHOLE_FRAME_MIN_SCALE || whole >= scale)
      return { viewport: { width, height: designHeight }, scale: Math.max(0.05, whole) };
  }
  return { viewport: { width, height: Math.max(1, Math.floor(room.height / scale)) }, scale };
}
