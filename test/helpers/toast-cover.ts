/** Which controls a toast lies over (issue 40: "Downloaded … .zip" covered "Add a key in Settings"). */
import type { Frame, Page } from "playwright-core";

/**
 * The names (text or aria-label) of the enabled, visible controls any toast's box overlaps; none when no toast is
 * shown.
 */
export const controlsUnderToasts = (target: Page | Frame): Promise<string[]> =>
  target.evaluate<string[]>(
    `(() => {
    const toasts = [...document.querySelectorAll(".toast")].map((t) => t.getBoundingClientRect());
    const controls = [...document.querySelectorAll('button:not(:disabled), a[href], ` +
      `input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), summary, ` +
      `[role="button"], [role="tab"]')]
      .filter((e) => !e.closest(".toasts, [inert]"))
      .map((e) => [e, e.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight);
    const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return controls.filter(([, r]) => toasts.some((t) => overlaps(t, r))).map(([e]) => ` +
      `(e.getAttribute("aria-label") || e.textContent || e.tagName).trim());
  })()`,
  );
