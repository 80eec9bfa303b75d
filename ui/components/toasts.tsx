/**
 * Short confirmations ("Copied 5 files") as toasts: a stack fixed at the bottom of the panel, over the
 * content, so nothing moves when one appears. Each leaves after a few seconds (hovering the stack pauses
 * that); at most three are shown; the same text again restarts the one already shown. Errors are not toasts:
 * they stay in place until dismissed (see banner.tsx).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";

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

export function useToasts({ duration = TOAST_MS, max = MAX_TOASTS }: { duration?: number; max?: number } = {}): ToastsState {
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

  return useMemo(() => ({ toasts, show, dismiss, clear, pause, resume }), [toasts, show, dismiss, clear, pause, resume]);
}

/** The stack. It is always in the page (an empty live region), so screen readers hear each toast. */
export function Toasts({ toasts, dismiss, pause, resume }: Pick<ToastsState, "toasts" | "dismiss" | "pause" | "resume">) {
  return (
    <div class="toasts" role="status" aria-live="polite" onMouseEnter={pause} onMouseLeave={resume} onFocusIn={pause} onFocusOut={resume}>
      {toasts.map((toast) => (
        <div key={toast.id} class="toast" onClick={() => dismiss(toast.id)}>
          {toast.text}
        </div>
      ))}
    </div>
  );
}
