/**
 * What a page transition plays, read in Chromium (issue 52's transitions): an init script that records, once a view
 * transition's pseudo-elements animate, each animation's pseudo-element, name, duration and easing (a CSS animation's
 * easing is its keyframes', Web Animations' `getTiming().easing` is linear), and the name on `<html data-transition>`.
 * Each transition's record waits in a queue until it is read: a second transition that starts before a busy test asks
 * (a timer going on while a slowed push plays) never takes the first one's place.
 * Cross-document (HTML): on the page reached (`pagereveal`); same-document (React): around
 * `document.startViewTransition`. A transition skipped (reduced motion, a navigation without one) records `skipped`.
 */
import type { Page } from "playwright-core";

export interface PlayedAnimation {
  pseudo: string | null;
  name: string;
  duration: number;
  easing: string;
}

export interface Played {
  transition: string | null;
  animations: PlayedAnimation[];
  skipped?: true;
}

/** The init script (runs in the page: no closure over this module). */
function probe(): void {
  // biome-ignore lint/suspicious/noExplicitAny: the page's own globals, typed by nothing here
  const w = globalThis as any;
  w.__figmentPlayed = [];
  const record = (vt: { ready: Promise<void> }): void => {
    // Started: what it plays (or that it was skipped) follows once its pseudo-elements animate (settledPlayed).
    w.__figmentStarted = true;
    vt.ready.then(
      () => {
        w.__figmentPlayed.push({
          transition: w.document.documentElement.dataset.transition ?? null,
          // biome-ignore lint/suspicious/noExplicitAny: Web Animations objects
          animations: w.document.getAnimations().map((a: any) => {
            const frames = a.effect.getKeyframes();
            return {
              pseudo: a.effect.pseudoElement ?? null,
              name: a.animationName ?? "",
              duration: a.effect.getTiming().duration,
              easing: frames[0]?.easing ?? a.effect.getTiming().easing,
            };
          }),
        });
      },
      () => {
        w.__figmentPlayed.push({ transition: null, animations: [], skipped: true });
      },
    );
  };
  w.addEventListener("pagereveal", (event: { viewTransition?: { ready: Promise<void> } }) => {
    if (event.viewTransition) record(event.viewTransition);
  });
  const start = w.Document.prototype.startViewTransition;
  if (typeof start === "function")
    w.Document.prototype.startViewTransition = function (...args: unknown[]) {
      const vt = start.apply(this, args);
      record(vt);
      return vt;
    };
}

/** Records on every document `page` loads from now on. */
export async function installMotionProbe(page: Page): Promise<void> {
  await page.addInitScript(probe);
}

/** The page's queue of what played, not yet read (a page without the probe has none). */
interface ProbedPage {
  __figmentPlayed?: Played[];
  __figmentStarted?: boolean;
}

/** What the earliest transition not yet read played (undefined: none has), and forgets it. */
async function takePlayed(page: Page): Promise<Played | undefined> {
  return page.evaluate(() => (globalThis as ProbedPage).__figmentPlayed?.shift());
}

/** Forgets every transition played so far (a page's own, on load). */
export async function forgetPlayed(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as ProbedPage).__figmentPlayed?.splice(0));
}

/**
 * Waits until a transition has played (or was skipped), and forgets it. With `timeoutMs` (the bench): undefined when
 * that long passed without one. Without (a test): no clock of its own, the test's timeout bounds the wait.
 */
export async function waitPlayed(page: Page, timeoutMs?: number): Promise<Played | undefined> {
  const recorded = () => ((globalThis as ProbedPage).__figmentPlayed?.length ?? 0) > 0;
  if (timeoutMs === undefined) {
    await page.waitForFunction(recorded, null, { timeout: 0 });
    return takePlayed(page);
  }
  try {
    await page.waitForFunction(recorded, null, { timeout: timeoutMs });
  } catch {
    return undefined;
  }
  return takePlayed(page);
}

/** An easing's points: a `linear()`'s outputs (Chromium adds each one's input, `0.5 50%`), else its numbers. */
function points(easing: string): number[] {
  const m = /^linear\((.*)\)$/.exec(easing.trim());
  if (!m) return [...easing.matchAll(/-?[\d.]+/g)].map((n) => Number(n[0]));
  return m[1]!.split(",").map((item) => Number(item.trim().split(/\s+/)[0]));
}

/** Two easings alike as Chromium prints them (its spacing, zeros and `linear()` inputs aside). */
export function sameEasing(a: string, b: string): boolean {
  const name = (e: string) => e.trim().replace(/\(.*$/, "");
  const [pa, pb] = [points(a), points(b)];
  return name(a) === name(b) && pa.length === pb.length && pa.every((n, i) => Math.abs(n - pb[i]!) < 1e-3);
}

/**
 * Once the page shows where a link led: what the transition its navigation started played (or that it was skipped),
 * waited for as long as it takes; undefined when none started (the page is there, so it would have by now).
 */
export async function settledPlayed(page: Page): Promise<Played | undefined> {
  await page.waitForFunction(
    () => {
      const w = globalThis as ProbedPage;
      return w.__figmentStarted !== true || (w.__figmentPlayed?.length ?? 0) > 0;
    },
    null,
    { timeout: 0 },
  );
  return takePlayed(page);
}
