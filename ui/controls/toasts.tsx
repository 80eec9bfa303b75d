/**
 * Short confirmations ("Copied 5 files") as toasts: a stack fixed at the bottom of the panel, over the
 * content, so nothing moves when one appears — but never over a control: where the bottom has one, the stack
 * goes to the lowest place clear of them (toast-place.ts), and follows the page as it changes. Each leaves after a few
 * seconds (hovering the stack pauses that); at most three are shown; the same text again restarts the one already
 * shown. Errors are not toasts: they stay in place until dismissed (see banner.tsx).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { toastTop, type Box } from "./toast-place.js";

export interface Toast {
  id: number;
  text: string;
}

export interface ToastsState {
  toasts: Toast[];
  show(text: string): void;
  dismiss(id: number): void;
  /** Every toast gone at once (the view it spoke of was left). */
  clear(): void;
  /** Hold every toast's timer (while the pointer or focus is on the stack). */
  pause(): void;
  resume(): void;
}

export const TOAST_MS = 2500;
export const MAX_TOASTS = 3;

interface Timer {
  handle: ReturnType<typeof setTimeout> | undefined;
  /** When it runs out (while running), or how long it has left (while paused). */
  deadline: number;
  remaining: number;
}

export function useToasts({
  duration = TOAST_MS,
  max = MAX_TOASTS,
}: {
  duration?: number;
  max?: number;
} = {}): ToastsState {
  const [toasts, setToasts] = useState<Toast[]>([]);
  /** The same list as `toasts`, readable at once (timers and `show` change it between renders). */
  const list = useRef<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, Timer>());
  const paused = useRef(false);

  const commit = (next: Toast[]) => {
    list.current = next;
    setToasts(next);
  };

  const stop = (id: number) => {
    const timer = timers.current.get(id);
    if (timer?.handle !== undefined) clearTimeout(timer.handle);
    timers.current.delete(id);
  };

  const dismiss = useCallback((id: number) => {
    stop(id);
    if (list.current.some((t) => t.id === id)) commit(list.current.filter((t) => t.id !== id));
  }, []);

  const show = useCallback(
    (text: string) => {
      // The same text again is the same toast: it moves to the end and starts its time again.
      const same = list.current.find((t) => t.text === text);
      const id = same ? same.id : nextId.current++;
      stop(id);
      const timer: Timer = { handle: undefined, deadline: Date.now() + duration, remaining: duration };
      if (!paused.current) timer.handle = setTimeout(() => dismiss(id), duration);
      timers.current.set(id, timer);
      const next = [...list.current.filter((t) => t.id !== id), { id, text }];
      for (const dropped of next.slice(0, Math.max(0, next.length - max))) stop(dropped.id);
      commit(next.slice(-max));
    },
    [duration, max, dismiss],
  );

  const clear = useCallback(() => {
    for (const id of [...timers.current.keys()]) stop(id);
    if (list.current.length > 0) commit([]);
  }, []);

  const pause = useCallback(() => {
    if (paused.current) return;
    paused.current = true;
    const now = Date.now();
    for (const timer of timers.current.values()) {
      if (timer.handle !== undefined) clearTimeout(timer.handle);
      timer.handle = undefined;
      timer.remaining = Math.max(0, timer.deadline - now);
    }
  }, []);

  const resume = useCallback(() => {
    if (!paused.current) return;
    paused.current = false;
    for (const [id, timer] of timers.current) {
      // A short grace after the pointer leaves, so a toast does not vanish the moment it is let go.
      const ms = Math.max(timer.remaining, 1000);
      timer.deadline = Date.now() + ms;
      timer.handle = setTimeout(() => dismiss(id), ms);
    }
  }, [dismiss]);

  useEffect(() => {
    const all = timers.current;
    return () => {
      for (const timer of all.values()) if (timer.handle !== undefined) clearTimeout(timer.handle);
      all.clear();
    };
  }, []);

  return useMemo(
    () => ({ toasts, show, dismiss, clear, pause, resume }),
    [toasts, show, dismiss, clear, pause, resume],
  );
}

/**
 * Calls `onChange` when `view` changes (not on the first render): a panel names what it shows (a list, one
 * entry, a mode) and the toasts about the view it left go (issue 40: "Copied the analysis as Markdown" stayed
 * on the analysis opened after it).
 */
export function useViewChange(view: string, onChange: () => void): void {
  const last = useRef(view);
  useEffect(() => {
    if (last.current === view) return;
    last.current = view;
    onChange();
  }, [view, onChange]);
}

/** What may be pressed, typed in or chosen: a toast must not lie over one. */
const CONTROLS =
  'button:not(:disabled), a[href], input:not(:disabled):not([type="hidden"]), select:not(:disabled), ' +
  'textarea:not(:disabled), summary, [role="button"], [role="tab"], [role="link"], [tabindex]:not([tabindex="-1"])';

const REGION_MIN_HEIGHT = 96;

function isRegion(element: HTMLElement, r: DOMRect): boolean {
  if (r.height < REGION_MIN_HEIGHT || !element.matches("[tabindex]")) return false;
  return !element.matches(
    'button, a[href], input, select, textarea, summary, [role="button"], [role="tab"], [role="link"]',
  );
}

/** The controls on show (under no other layer but the toasts), as boxes within the viewport. */
function controlBoxes(stack: HTMLElement): Box[] {
  const boxes: Box[] = [];
  for (const element of document.querySelectorAll<HTMLElement>(CONTROLS)) {
    if (stack.contains(element) || element.closest("[inert]")) continue;
    const r = element.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.bottom <= 0 || r.top >= innerHeight) continue;
    // A focusable scrolling region (the code view, a list) is not a control: a toast over a strip of it hides
    // nothing to press, and keeping clear of it would push the toast over the labels above.
    if (isRegion(element, r)) continue;
    // Scrolled out of its container, or under another layer: not a control the toast could hide.
    const hit = document.elementFromPoint(
      Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1),
      Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1),
    );
    if (!hit || !(element.contains(hit) || hit.closest(".toasts"))) continue;
    boxes.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  }
  return boxes;
}

/** Moves the stack off any control, now and whenever the page changes while toasts are shown. */
function usePlacement(ref: { current: HTMLDivElement | null }, toasts: readonly Toast[]): void {
  useLayoutEffect(() => {
    const stack = ref.current;
    if (!stack) return;
    const place = () => {
      stack.style.top = "";
      stack.style.bottom = "";
      const items = [...stack.children].map((c) => c.getBoundingClientRect());
      if (items.length === 0) return;
      const left = Math.min(...items.map((r) => r.left));
      const right = Math.max(...items.map((r) => r.right));
      const height = stack.getBoundingClientRect().height;
      stack.style.top = `${toastTop({ left, right, height }, controlBoxes(stack), innerHeight)}px`;
      stack.style.bottom = "auto";
    };
    place();
    if (toasts.length === 0) return;
    let frame = 0;
    const later = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    };
    // The panel's own changes (a view switched, a button shown): not the stack's, which this moves itself.
    const observer = new MutationObserver((records) => {
      if (records.some((r) => !stack.contains(r.target))) later();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    addEventListener("resize", later);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      removeEventListener("resize", later);
    };
  }, [ref, toasts]);
}

/** The stack. It is always in the page (an empty live region), so screen readers hear each toast. */
export function Toasts({
  toasts,
  dismiss,
  pause,
  resume,
}: Pick<ToastsState, "toasts" | "dismiss" | "pause" | "resume">) {
  const ref = useRef<HTMLDivElement>(null);
  usePlacement(ref, toasts);
  return (
    <div
      ref={ref}
      class="toasts"
      role="status"
      aria-live="polite"
      onMouseEnter={pause}
      onMouseLeave={resume}
      onFocusIn={pause}
      onFocusOut={resume}
    >
      {toasts.map((toast) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: a click is a mouse shortcut; a toast leaves by itself
        // biome-ignore lint/a11y/noStaticElementInteractions: a click is a mouse shortcut; a toast leaves by itself
        <div key={toast.id} class="toast" onClick={() => dismiss(toast.id)}>
          {toast.text}
        </div>
      ))}
    </div>
  );
}
