/**
 * Where the toast stack goes: at the bottom of the panel unless that covers a control someone may want to press
 * (issue 40: "Downloaded … .zip" sat on "Add a key in Settings"); then at the lowest height where it covers none —
 * just above or below a control — and back at the bottom only when no such place exists. Pure: the rectangles
 * come from the page (ui/controls/toasts.tsx measures them).
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Space kept between the stack and the panel's bottom edge, and between the stack and a control. */
export const TOAST_EDGE = 12;
export const TOAST_GAP = 4;

const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * The stack's top (px from the panel's top) for a stack `width` × `height` centred between `left` and `right`,
 * in a panel `viewportHeight` tall, clear of every box in `controls`.
 */
export function toastTop(
  stack: { left: number; right: number; height: number },
  controls: readonly Box[],
  viewportHeight: number,
): number {
  const bottom = viewportHeight - TOAST_EDGE - stack.height;
  const clear = (top: number): boolean => {
    const box = { left: stack.left, right: stack.right, top, bottom: top + stack.height };
    return !controls.some((c) => overlaps(box, c));
  };
  const candidates = [bottom, ...controls.flatMap((c) => [c.top - TOAST_GAP - stack.height, c.bottom + TOAST_GAP])]
    .filter((top) => top >= 0 && top <= bottom)
    // Nearest the bottom first: where a toast is expected.
    .sort((a, b) => b - a);
  return candidates.find(clear) ?? bottom;
}
