/**
 * Waits on a page's own event loop instead of the test's clock, for checks that something does NOT happen. A
 * sleep in the test ("wait 800 ms, then nothing was exported") proves nothing on a busy machine, where the page
 * may not even have handled the click yet when the sleep ends; these resolve once the page itself has reached the
 * point where it would have acted.
 *
 *   effectsRan(ui)            the page has rendered what it was told and run the effects of that render
 *   timersRan(ui, DELAY_MS) … and every timer of up to DELAY_MS it had set (a debounce) has fired, and its effects ran
 *   idleRan(ui) … and the page has been idle twice (work it defers to idle time would have started)
 */
import type { Frame, Page } from "playwright-core";

// The functions run in the page (strings: the project compiles without the DOM lib).
const TWO_FRAMES_THEN_TASK =
  "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))))";

/**
 * Two animation frames and a task later: what rendering scheduled has run (Preact runs useEffect after the next
 * frame; a task after the second frame comes after it).
 */
export async function effectsRan(target: Page | Frame): Promise<void> {
  await target.evaluate(TWO_FRAMES_THEN_TASK);
}

/**
 * effectsRan, then a timer of `ms` set in the page, then effectsRan again: timers fire in the order of their due
 * time, so every timer of up to `ms` the page set before (a debounce started by what it rendered) has fired by
 * then, and what it changed has rendered.
 */
export async function timersRan(target: Page | Frame, ms: number): Promise<void> {
  await effectsRan(target);
  await target.evaluate(`new Promise((done) => setTimeout(done, ${Number(ms)}))`);
  await effectsRan(target);
}

/** effectsRan, then two idle periods of the page (requestIdleCallback), then effectsRan again. */
export async function idleRan(target: Page | Frame): Promise<void> {
  await effectsRan(target);
  await target.evaluate("new Promise((done) => requestIdleCallback(() => requestIdleCallback(() => done())))");
  await effectsRan(target);
}
