/**
 * What a page transition plays, read in Chromium (issue 52's transitions): an init script that records, once a view
 * transition's pseudo-elements animate, each animation's pseudo-element, name, duration and easing (a CSS animation's
 * easing is its keyframes', Web Animations' `getTiming().easing` is linear), and the name on `<html data-transition>`.
 * The records are kept in the tab's sessionStorage and read in order, each once, by a cursor of the test's: a busy test
 * that asks late still reads the first transition first, both when a second one started meanwhile (a timer going on
 * while a slowed push plays) and when the page that played it has already gone on to the next (a cross-document
 * transition's record is written on the page reached, whose own timer may leave it before the test looks: a queue in
 * the page's globals went with it). A read never deletes, so a navigation in the middle of one loses nothing.
 * Cross-document (HTML): on the page reached (`pagereveal`); same-document (React): around
 * `document.startViewTransition`. A transition skipped (reduced motion, a navigation without one) records `skipped`.
 */
import { errors, type Page } from "playwright-core";

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

/** The sessionStorage keys: the records in the order played, and how many transitions have started. */
const PLAYED_KEY = "figment-played";
const STARTED_KEY = "figment-started";

/** The init script (runs in the page: no closure over this module, its keys come as its argument). */
function probe(keys: { played: string; started: string }): void {
  // biome-ignore lint/suspicious/noExplicitAny: the page's own globals, typed by nothing here
  const w = globalThis as any;
  const push = (played: unknown): void => {
    const queue = JSON.parse(w.sessionStorage.getItem(keys.played) ?? "[]") as unknown[];
    queue.push(played);
    w.sessionStorage.setItem(keys.played, JSON.stringify(queue));
  };
  const record = (vt: { ready: Promise<void> }): void => {
    // Started: what it plays (or that it was skipped) follows once its pseudo-elements animate (settledPlayed).
    w.sessionStorage.setItem(keys.started, String(Number(w.sessionStorage.getItem(keys.started) ?? 0) + 1));
    vt.ready.then(
      () => {
        push({
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
        push({ transition: null, animations: [], skipped: true });
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
  await page.addInitScript(probe, { played: PLAYED_KEY, started: STARTED_KEY });
}

/** The page's tab's storage, as far as the page functions below read it (the tests' types have no DOM). */
interface StoragePage {
  sessionStorage: { getItem(key: string): string | null };
}

/** How many of each page's records have been read (the next one to read is the one at this index). */
const readUpTo = new WeakMap<Page, number>();

/**
 * The record at the page's cursor, waited for, as JSON: the page function returns a string, a value Playwright holds
 * itself, so reading it back needs no page (one that has navigated since). A read cut short by a navigation is made
 * again on the page reached, which holds the same records.
 */
async function nextPlayed(page: Page, timeoutMs: number): Promise<Played> {
  const index = readUpTo.get(page) ?? 0;
  const handle = await page.waitForFunction(
    ({ key, index }) => {
      const queue = JSON.parse((globalThis as unknown as StoragePage).sessionStorage.getItem(key) ?? "[]") as unknown[];
      return index < queue.length ? JSON.stringify(queue[index]) : false;
    },
    { key: PLAYED_KEY, index },
    { timeout: timeoutMs },
  );
  const played = JSON.parse((await handle.jsonValue()) as string) as Played;
  readUpTo.set(page, index + 1);
  return played;
}

/** How many transitions the page's tab has recorded so far (a waitForFunction too: made again across a navigation). */
async function recordedCount(page: Page): Promise<number> {
  const count = await page.waitForFunction(
    (key) =>
      String(
        (JSON.parse((globalThis as unknown as StoragePage).sessionStorage.getItem(key) ?? "[]") as unknown[]).length,
      ),
    PLAYED_KEY,
    { timeout: 0 },
  );
  return Number(await count.jsonValue());
}

/** Forgets every transition played so far (a page's own, on load). */
export async function forgetPlayed(page: Page): Promise<void> {
  readUpTo.set(page, await recordedCount(page));
}

/**
 * Waits until a transition has played (or was skipped), and reads it. With `timeoutMs` (the bench): undefined when
 * that long passed without one. Without (a test): no clock of its own, the test's timeout bounds the wait.
 */
export async function waitPlayed(page: Page, timeoutMs?: number): Promise<Played | undefined> {
  if (timeoutMs === undefined) return nextPlayed(page, 0);
  try {
    return await nextPlayed(page, timeoutMs);
  } catch (error) {
    if (error instanceof errors.TimeoutError) return undefined;
    throw error;
  }
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
  const index = readUpTo.get(page) ?? 0;
  const started = await page.waitForFunction(
    ({ played, started, index }) => {
      const storage = (globalThis as unknown as StoragePage).sessionStorage;
      const queue = JSON.parse(storage.getItem(played) ?? "[]") as unknown[];
      // Every transition started has recorded what it played (a start's record follows once it is ready).
      if (queue.length < Number(storage.getItem(started) ?? 0)) return false;
      return index < queue.length ? "played" : "none";
    },
    { played: PLAYED_KEY, started: STARTED_KEY, index },
    { timeout: 0 },
  );
  return (await started.jsonValue()) === "played" ? nextPlayed(page, 0) : undefined;
}
