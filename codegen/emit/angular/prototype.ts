/**
 * Angular's page transitions (issue 52, part 5; as Vue's and Svelte's play them: view-transitions.ts), through the
 * router's own view transitions (`provideRouter(routes, withViewTransitions(…))`): a link names its transition on
 * the history entry it makes (`[state]="{ figmentTransition: 'push-left-400ms' }"`), and src/app/transitions.ts's
 * `onViewTransitionCreated` names it on `<html data-transition>` while it plays for src/transitions.css (the same
 * stylesheet as the other targets'); going one step back (a BACK link's, the browser's) plays the reverse of the
 * transition that came to the screen left. A navigation without one, and any for a reader who prefers reduced motion,
 * plays none (the router's default cross-fade skipped). A screen that goes on by itself after a while sets its timer
 * when it is created and clears it when it is destroyed.
 */
import type { PageTimer } from "../../prototype/transitions.js";
import { BACK_SUFFIX } from "../../prototype/transitions.js";
import { NAVIGATION_API, PLAYING } from "../view-transitions.js";

export { ANGULAR_TRANSITIONS_PATH } from "./app.js";

/** The history entry's state field that names the transition that came to it (view-transitions.ts's CAME_WITH). */
const CAME_WITH = "figmentTransition";

/** A link's `[state]` binding: the transition its navigation plays, kept on the entry it makes. */
export const transitionState = (name: string): string => `[state]="{ ${CAME_WITH}: '${name}' }"`;

/** The navigation extras of a script's navigation that plays `name` (a screen's timer). */
const stateExtras = (name: string): string => `{ state: { ${CAME_WITH}: ${JSON.stringify(name)} } }`;

/**
 * A screen's timer, as its constructor's lines: set when the screen is created, cleared when it is destroyed; it
 * goes to `to` (with its transition when it has one).
 */
export function angularTimer(timer: PageTimer, to: string): string[] {
  const extras = timer.transition ? `, ${stateExtras(timer.transition)}` : "";
  return [
    "  constructor() {",
    "    const router = inject(Router);",
    `    const timer = setTimeout(() => void router.navigateByUrl(${JSON.stringify(to)}${extras}), ${timer.ms});`,
    "    inject(DestroyRef).onDestroy(() => clearTimeout(timer));",
    "  }",
  ];
}

/** src/app/transitions.ts; `back`: a BACK link plays the reverse of the transition that came (goingBack). */
export function angularTransitionsTs(back: boolean): string {
  const backLines = [
    "",
    "/** A one-step back is under way (a BACK link's, or the browser's): it plays the reverse of what came. */",
    "let back = false;",
    "",
    "/** A BACK link's click, before the router's Location goes back (a history in memory sends no `navigate`). */",
    "export function goingBack(): void {",
    "  back = true;",
    "}",
    "",
    ...NAVIGATION_API,
    "// The browser's back (the Navigation API's traverse to the entry before this one).",
    'navigation?.addEventListener("navigate", (event) => {',
    "  const { navigationType, destination } = event as Traversal;",
    '  back = navigationType === "traverse" && destination.index === (navigation?.currentEntry?.index ?? 0) - 1;',
    "});",
  ];
  const pick = back
    ? [
        '  const reverse = back && current?.trigger === "popstate";',
        "  back = false;",
        "  // Going back: the transition that came to the screen left (its navigation's); else the link's own.",
        "  const came = reverse ? current?.previousNavigation : current;",
        '  const state = reverse || current?.trigger === "imperative" ? came?.extras.state : undefined;',
      ]
    : ['  const state = current?.trigger === "imperative" ? current.extras.state : undefined;'];
  return [
    'import { inject } from "@angular/core";',
    'import { Router, type ViewTransitionInfo, withViewTransitions } from "@angular/router";',
    ...(back ? backLines : []),
    "",
    ...PLAYING,
    "/**",
    " * The view transition the router starts around a navigation: the design's (named on <html data-transition> while",
    " * it plays, for src/transitions.css), or none (a navigation without one, a reader who prefers reduced motion).",
    " */",
    "function play({ transition }: ViewTransitionInfo): void {",
    "  const current = inject(Router).currentNavigation();",
    ...pick,
    `  const name: unknown = state?.["${CAME_WITH}"];`,
    '  if (typeof name !== "string" || matchMedia("(prefers-reduced-motion: reduce)").matches) {',
    "    transition.skipTransition();",
    "    return;",
    "  }",
    "  const root = document.documentElement;",
    `  root.dataset["transition"] = ${back ? `reverse ? \`\${name}${BACK_SUFFIX}\` : name` : "name"};`,
    "  playing = transition;",
    "  void transition.finished.finally(() => {",
    '    if (playing === transition) delete root.dataset["transition"];',
    "  });",
    "}",
    "",
    "/** The router's view transitions (provideRouter's feature), playing the design's. */",
    "export const viewTransitions = withViewTransitions({",
    "  skipInitialTransition: true,",
    "  onViewTransitionCreated: play,",
    "});",
    "",
  ].join("\n");
}
