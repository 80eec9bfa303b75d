/**
 * The prototype in Svelte (as React and Vue have it: links.ts, overlays.ts, view-transitions.ts): links go through
 * the project's router of a few lines (src/router.svelte.ts: the path as `$state`); a dialog's ref is the element
 * itself (`bind:this`); a link that plays a page transition goes to its screen inside `document.startViewTransition`
 * (src/transitions.ts, Svelte's version: `flushSync` renders the new screen in the transition's update); a screen that
 * goes on by itself after a while sets its timer in an `$effect` whose cleanup clears it when the screen is left; a
 * toggle is a `$state` its button's click flips.
 */
import type { PageTimer } from "../../prototype/transitions.js";
import { transitionsModule, type TransitionsModule } from "../view-transitions.js";

/** React Router's back (links.ts) and the history's: the browser's back, which the router follows. */
const BACK = new Set(["() => navigate(-1)", "() => history.back()"]);

/**
 * A React handler (links.ts, overlay-trigger.ts, build.ts's toggles) as Svelte says it: back is the history's; the
 * router's navigation is the project router's `go`; a ref's element is the ref itself (`overlayMenu?.showModal()`);
 * a toggle's setter is an assignment to its state.
 */
export function svelteHandler(expr: string): string {
  if (BACK.has(expr)) return "() => history.back()";
  const reverse = /^\(\) => transitionBack\((.*)\)$/.exec(expr);
  if (reverse && BACK.has(reverse[1]!)) return "() => transitionBack(() => history.back())";
  const toggle = /^\(\) => set([A-Z]\w*)\(\(on\) => !on\)$/.exec(expr);
  if (toggle) {
    const state = toggle[1]![0]!.toLowerCase() + toggle[1]!.slice(1);
    return `() => (${state} = !${state})`;
  }
  return expr.replace(/\bnavigate\(/g, "go(").replace(/\.current\?\./g, "?.");
}

/** The names a file's handlers call from src/router.svelte.ts and src/transitions.ts. */
export function handlerImports(handlers: readonly string[]): { router: string[]; transitions: string[] } {
  const calls = (name: string): boolean => handlers.some((h) => new RegExp(`\\b${name}\\(`).test(h));
  return {
    router: ["go"].filter(calls),
    transitions: ["transitionBack", "transitionClick", "withTransition"].filter(calls),
  };
}

/** A screen's timer: set when the screen is shown, cleared when it is left; it goes (with its transition) to `to`. */
export function svelteTimer(timer: PageTimer, to: string): string[] {
  const go = `() => go(${JSON.stringify(to)})`;
  const call = timer.transition ? `() => withTransition(${JSON.stringify(timer.transition)}, ${go})` : go;
  return [
    "$effect(() => {",
    `  const timer = setTimeout(${call}, ${timer.ms});`,
    "  return () => clearTimeout(timer);",
    "});",
  ];
}

/** A toggle's state (`aria-pressed={pressed}`, build.ts), declared at the top of its file. */
export const toggleState = (name: string): string => `let ${name} = $state(false);`;

/** src/router.svelte.ts: the path shown, as state, and a link's click that goes there in place. */
const ROUTER = `/** The path whose screen src/App.svelte shows (back and forward set it through popstate). */
export const route = $state({ path: location.pathname });

/** A link's click: its screen, in place (no page load); a click that opens a new tab is the browser's. */
export function follow(event: MouseEvent): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const to = (event.currentTarget as HTMLAnchorElement).getAttribute("href") ?? "/";
  history.pushState(null, "", to);
  route.path = to;
}
`;

/** The router's \`go\`, for a page transition's navigation and a screen's timer. */
const GO = `
/** Goes to the screen at \`to\` in place: a page transition's navigation, a screen's timer. */
export function go(to: string): void {
  history.pushState(null, "", to);
  route.path = to;
}
`;

/** src/router.svelte.ts, with `go` when something navigates by script (a page transition, a timer). */
export const svelteRouter = (withGo: boolean): string => ROUTER + (withGo ? GO : "");

/** src/transitions.ts (Svelte): the router's navigation rendered at once inside the transition (flushSync). */
export const svelteTransitionsTs = (back: boolean): string => transitionsModule(SVELTE_TRANSITIONS, back);

const SVELTE_TRANSITIONS: TransitionsModule = {
  imports: ['import { flushSync } from "svelte";'],
  go: "() => void",
  now: "go();",
  update: ["  const transition = document.startViewTransition(() => flushSync(go));"],
  clickDoc: [
    "/** A link's click that plays `name`: a plain click only (a modified one is the browser's, a new tab). */",
  ],
};
