/**
 * Every toast text a page shows, recorded as it appears. A toast leaves after a few seconds of the page's clock, so
 * on a busy machine it may be gone before a check that comes later looks for it: the test reads the record, not
 * the moment.
 */
import type { Frame, Page } from "playwright-core";

// Runs in the page (a string: the project compiles without the DOM lib).
const RECORD_TOASTS = `(() => {
  if (window.__toastLog) return;
  const log = (window.__toastLog = []);
  const note = () => {
    for (const toast of document.querySelectorAll(".toast")) {
      const text = toast.textContent ?? "";
      if (!log.includes(text)) log.push(text);
    }
  };
  note();
  new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

/** Starts recording the toasts of `target` (once; later calls keep the record). */
export async function recordToasts(target: Page | Frame): Promise<void> {
  await target.evaluate(RECORD_TOASTS);
}

/** The texts of every toast shown since recordToasts, in order, each once. */
export function toastsShown(target: Page | Frame): Promise<string[]> {
  return target.evaluate("window.__toastLog ?? []") as Promise<string[]>;
}
