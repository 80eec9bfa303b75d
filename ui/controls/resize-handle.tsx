/**
 * The bottom-right grip that resizes the plugin window (the main thread applies `resize`). Sizes sent while
 * dragging are not stored; the one sent on release carries `remember`, so the next open starts at it.
 */
import { useRef } from "preact/hooks";
import { PANEL } from "../../contract/limits.js";
import type { Bridge } from "../channel/bridge.js";

const clamp = (value: number, min: number, max: number) => Math.round(Math.min(max, Math.max(min, value)));

export interface PanelSize {
  width: number;
  height: number;
}

export function ResizeHandle({ bridge, onResized }: { bridge: Bridge; onResized?(size: PanelSize): void }) {
  const frame = useRef(0);
  const onPointerDown = (event: PointerEvent) => {
    const target = event.currentTarget as HTMLElement;
    target.setPointerCapture(event.pointerId);
    const startX = event.screenX;
    const startY = event.screenY;
    const startW = window.innerWidth;
    const startH = window.innerHeight;
    let last: PanelSize | undefined;
    const sizeAt = (e: PointerEvent): PanelSize => ({
      width: clamp(startW + e.screenX - startX, PANEL.min.width, PANEL.max.width),
      height: clamp(startH + e.screenY - startY, PANEL.min.height, PANEL.max.height),
    });
    const onMove = (move: PointerEvent) => {
      const size = sizeAt(move);
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => {
        last = size;
        bridge.send("resize", size);
      });
    };
    const onUp = (up: PointerEvent) => {
      cancelAnimationFrame(frame.current);
      target.removeEventListener("pointermove", onMove);
      target.removeEventListener("pointerup", onUp);
      target.removeEventListener("pointercancel", onUp);
      // A click without a drag changes nothing, so there is nothing to remember.
      const size = up.type === "pointercancel" ? last : sizeAt(up);
      if (!size || (size.width === startW && size.height === startH && !last)) return;
      bridge.send("resize", { ...size, remember: true });
      onResized?.(size);
    };
    target.addEventListener("pointermove", onMove);
    target.addEventListener("pointerup", onUp);
    target.addEventListener("pointercancel", onUp);
  };
  return (
    <div class="resize-handle" aria-hidden="true" title="Drag to resize" onPointerDown={onPointerDown}>
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
        <path d="M11 4 4 11M11 8 8 11" stroke="currentColor" />
      </svg>
    </div>
  );
}
