/** The bottom-right grip that resizes the plugin window (the main thread applies `resize`). */
import { useRef } from "preact/hooks";
import { PANEL } from "../../contract/limits.js";
import type { Bridge } from "../channel/bridge.js";

const clamp = (value: number, min: number, max: number) => Math.round(Math.min(max, Math.max(min, value)));

export function ResizeHandle({ bridge }: { bridge: Bridge }) {
  const frame = useRef(0);
  const onPointerDown = (event: PointerEvent) => {
    const target = event.currentTarget as HTMLElement;
    target.setPointerCapture(event.pointerId);
    const startX = event.screenX;
    const startY = event.screenY;
    const startW = window.innerWidth;
    const startH = window.innerHeight;
    const onMove = (move: PointerEvent) => {
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => {
        bridge.send("resize", {
          width: clamp(startW + move.screenX - startX, PANEL.min.width, PANEL.max.width),
          height: clamp(startH + move.screenY - startY, PANEL.min.height, PANEL.max.height),
        });
      });
    };
    const onUp = () => {
      target.removeEventListener("pointermove", onMove);
      target.removeEventListener("pointerup", onUp);
      target.removeEventListener("pointercancel", onUp);
    };
    target.addEventListener("pointermove", onMove);
    target.addEventListener("pointerup", onUp);
    target.addEventListener("pointercancel", onUp);
  };
  return (
    <div class="resize-handle" aria-hidden="true" onPointerDown={onPointerDown}>
      <svg width="12" height="12" viewBox="0 0 12 12">
        <path d="M11 4 4 11M11 8 8 11" stroke="currentColor" />
      </svg>
    </div>
  );
}
