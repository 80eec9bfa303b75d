/**
 * Page transitions as CSS View Transitions (issue 52, part 5; the plan: prototype/transitions.ts). The transition a
 * navigation plays is named on `<html data-transition="push-left-300ms">` while it plays, and the stylesheet animates
 * `::view-transition-old(root)` / `-new(root)` for that name with the design's duration and easing (motion.ts: a
 * spring is sampled into `linear()`); a smart animate also names the layers it matches on both pages
 * (`[data-morph]` → `view-transition-name`), which then move between their two boxes.
 * HTML: a cross-document transition (`@view-transition { navigation: auto }`); prototype.js names it on the page left
 * (what is captured) and, through sessionStorage, on the page reached (what is animated), and runs a page's timer.
 * React: src/transitions.ts wraps the router's navigation in `document.startViewTransition`. A reader who prefers
 * reduced motion gets none; a navigation without a transition (Figma's "instant") plays none.
 */
import type { LinkPlan } from "../prototype/links.js";
import {
  linksWithTransitions,
  planTransitions,
  type MotionLayer,
  type PageTimer,
  type TransitionPlan,
} from "../prototype/transitions.js";
import type { Prototype } from "../prototype/model.js";
import type { SourceFile } from "../types.js";
import type { Transition } from "../prototype/model.js";
import type { ElementNode, VNode } from "./vnode.js";
import { timingFunction } from "./motion.js";
import { BACK_SUFFIX } from "../prototype/transitions.js";

/** The history entry's state field that names the transition that came to it (for going back). */
const CAME_WITH = "figmentTransition";

type Direction = NonNullable<Transition["direction"]>;

/** Where a screen moving in `direction` comes from (its start transform), and where one leaves to. */
const FROM: Record<Direction, string> = {
  LEFT: "translateX(100%)",
  RIGHT: "translateX(-100%)",
  TOP: "translateY(100%)",
  BOTTOM: "translateY(-100%)",
};
const PARTLY: Record<Direction, string> = {
  LEFT: "translateX(30%)",
  RIGHT: "translateX(-30%)",
  TOP: "translateY(30%)",
  BOTTOM: "translateY(-30%)",
};
const flip = (t: string): string => (t.includes("(-") ? t.replace("(-", "(") : t.replace("(", "(-"));

/** The keyframes a transition's screens play: the new one's and the old one's (undefined: it stays as it is). */
function motions(t: Transition): { enter?: [string, string]; leave?: [string, string]; oldOnTop?: true } {
  const d = t.direction ?? "LEFT";
  const kf = (name: string, from: string, to: string): [string, string] => [
    name,
    `@keyframes ${name} {\n  from {\n    transform: ${from};\n  }\n  to {\n    transform: ${to};\n  }\n}\n`,
  ];
  const dir = d.toLowerCase();
  const enter = kf(`figment-enter-${dir}`, FROM[d], "none");
  const leave = kf(`figment-leave-${dir}`, "none", flip(FROM[d]));
  switch (t.type) {
    case "MOVE_IN":
      return { enter };
    case "MOVE_OUT":
      return { leave, oldOnTop: true };
    case "PUSH":
      return { enter, leave };
    case "SLIDE_IN":
      return { enter, leave: kf(`figment-leave-partly-${dir}`, "none", flip(PARTLY[d])) };
    case "SLIDE_OUT":
      return { enter: kf(`figment-enter-partly-${dir}`, PARTLY[d], "none"), leave, oldOnTop: true };
    default:
      // DISSOLVE, SMART_ANIMATE: the browser's cross-fade, at the design's pace.
      return {};
  }
}

/** `<duration> <timing>`: the design's, as the animations take them. */
export function pace(t: Transition): { duration: string; easing: string } {
  return { duration: `${Math.round(t.duration * 1000)}ms`, easing: timingFunction(t.easing) };
}

const rule = (selector: string, decls: [string, string][]): string =>
  `${selector} {\n${decls.map(([p, v]) => `  ${p}: ${v};\n`).join("")}}\n`;

/** The stylesheet of the plan's transitions; `crossDocument`: pages are documents (HTML), not an app's routes. */
export function viewTransitionsCss(plan: TransitionPlan, crossDocument: boolean): string {
  const morphs = plan.morphs;
  const out: string[] = [];
  const keyframes = new Map<string, string>();
  if (crossDocument) out.push("@view-transition {\n  navigation: auto;\n}\n");
  for (const { name, transition } of plan.transitions) {
    const { duration, easing } = pace(transition);
    const at = `html[data-transition="${name}"]`;
    const timing: [string, string][] = [
      ["animation-duration", duration],
      ["animation-timing-function", easing],
    ];
    out.push(
      rule(`${at}::view-transition-group(*),\n${at}::view-transition-old(*),\n${at}::view-transition-new(*)`, timing),
    );
    const m = motions(transition);
    for (const [side, motion] of [
      ["new", m.enter],
      ["old", m.leave],
    ] as const) {
      if (motion) {
        keyframes.set(motion[0], motion[1]);
        out.push(rule(`${at}::view-transition-${side}(root)`, [["animation-name", motion[0]]]));
      } else if (m.enter || m.leave) out.push(rule(`${at}::view-transition-${side}(root)`, [["animation", "none"]]));
    }
    if (m.oldOnTop) out.push(rule(`${at}::view-transition-old(root)`, [["z-index", "1"]]));
  }
  // A smart animate's matched layers: one name on each page, so each moves between its two boxes.
  const smart = plan.transitions.filter((t) => t.transition.type === "SMART_ANIMATE").map((t) => t.name);
  if (smart.length > 0)
    for (const morph of morphs)
      out.push(
        rule(smart.map((n) => `html[data-transition="${n}"] [data-morph="${morph}"]`).join(",\n"), [
          ["view-transition-name", morph],
        ]),
      );
  out.push(...keyframes.values());
  out.push(
    "@media (prefers-reduced-motion: reduce) {\n" +
      (crossDocument ? "  @view-transition {\n    navigation: none;\n  }\n\n" : "") +
      "  ::view-transition-group(*),\n  ::view-transition-old(*),\n  ::view-transition-new(*) {\n" +
      "    animation: none !important;\n  }\n}\n",
  );
  return out.join("\n");
}

/**
 * prototype.js's lines for a BACK link (transitions.ts's `back`): the page a transition reached keeps its name on
 * its history entry, and going back one entry from it plays its reverse (the name + BACK_SUFFIX), on a BACK link's
 * click (history.back()) as on the browser's back.
 */
const CAME = `    // The transition that came here, kept on this page's history entry for going back.
    if (name && !name.endsWith("${BACK_SUFFIX}")) history.replaceState({ ...history.state, ${CAME_WITH}: name }, "");
    `;
const BACK = `addEventListener("pageswap", (event) => {
    const came = history.state && history.state.${CAME_WITH};
    const to = event.activation;
    if (!event.viewTransition || !came || calm() || !to || to.navigationType !== "traverse") return;
    if (to.entry.index !== to.from.index - 1) return;
    root.dataset.transition = came + "${BACK_SUFFIX}";
    sessionStorage.setItem(KEY, came + "${BACK_SUFFIX}");
  });
  `;

/** prototype.js, with going back's reverse transitions when `back`. */
export const prototypeJs = (back: boolean): string =>
  PROTOTYPE_JS.replace("/*CAME*/", back ? CAME : "").replace("/*BACK*/", back ? BACK : "");

/** The page's `<script>` (HTML): prototype.js, with the page's timer on it when it has one. */
export function transitionScriptTag(timer: PageTimer | undefined, hrefOf: (frame: number) => string): string {
  const attrs = timer
    ? ` data-after-ms="${timer.ms}" data-after-href="${hrefOf(timer.to)}"` +
      (timer.transition ? ` data-after-transition="${timer.transition}"` : "")
    : "";
  return `    <script src="prototype.js"${attrs}></script>`;
}

/** prototype.js: the HTML pages' transitions and timers (see the module's comment). */
const PROTOTYPE_JS = `// The prototype's page transitions and timers (Figment). The transition a link plays is
// named on <html data-transition> on the page it leaves (what the browser captures) and, through
// sessionStorage, on the page it reaches (what styles.css animates). A page's timer (the script's
// data-after-*) goes on after its delay.
(() => {
  const KEY = "figment-transition";
  const root = document.documentElement;
  const calm = () => matchMedia("(prefers-reduced-motion: reduce)").matches;
  const leave = (name) => {
    if (!name || calm()) return;
    root.dataset.transition = name;
    sessionStorage.setItem(KEY, name);
  };
  addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-transition]") : null;
    const modified = event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (link && !event.defaultPrevented && !modified) leave(link.dataset.transition);
  });
  addEventListener("pagereveal", (event) => {
    const name = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    const transition = event.viewTransition;
    /*CAME*/if (!transition) return;
    if (!name || calm()) {
      transition.skipTransition();
      return;
    }
    root.dataset.transition = name;
    transition.finished.finally(() => delete root.dataset.transition);
  });
  /*BACK*/const timer = document.currentScript && document.currentScript.dataset;
  let pending;
  const arm = () => {
    if (!timer || !timer.afterHref) return;
    pending = setTimeout(() => {
      leave(timer.afterTransition);
      location.href = timer.afterHref;
    }, Number(timer.afterMs));
  };
  addEventListener("pagehide", () => clearTimeout(pending));
  addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    delete root.dataset.transition;
    arm();
  });
  arm();
})();
`;

/** How a framework's src/transitions.ts differs: imports, the navigation's type, how the transition waits. */
export interface TransitionsModule {
  imports: string[];
  go: string;
  /** The navigation at once (no view transition). */
  now: string;
  /** The view transition's update callback. */
  update: string[];
  clickDoc: string[];
}

/** The Navigation API's traversal, as a generated module reads it (the DOM's types have no Navigation API yet). */
export const NAVIGATION_API = [
  "interface Traversal extends Event {",
  "  navigationType: string;",
  "  destination: { index: number };",
  "}",
  "const navigation = (globalThis as { navigation?: EventTarget & { currentEntry: { index: number } | null } })",
  "  .navigation;",
];

/**
 * The transition on screen, in a same-document app: a navigation started while one plays skips the old one, whose
 * end must not take the new one's name off <html> (the new one would play unnamed: a timer's screen reached under
 * load showed it).
 */
export const PLAYING = [
  "/** The transition playing: when one ends because a newer one started, the newer one's name stays on <html>. */",
  "let playing: ViewTransition | undefined;",
  "",
];

/**
 * src/transitions.ts's going back (`back`): transitionBack (a BACK link: back in history with the reverse of the
 * transition that came to this screen), and the browser's own back doing the same. The browser's back is seen twice:
 * the Navigation API's `navigate` (before the history moves: history.state is still the screen left's, naming the
 * transition that came to it) and `popstate` (after: the router would draw the screen at once). A one-step back from
 * a screen a transition came to holds the router's popstate back (a capture listener, before the router's), captures
 * the screen left, then hands the router a popstate of its own inside the view transition.
 */
const TRANSITION_BACK = [
  "",
  "/** The reverse of `came` around `back` (the history moving back, which the router follows). */",
  "function playBack(came: string, back: () => unknown): void {",
  "  const root = document.documentElement;",
  `  root.dataset.transition = \`\${came}${BACK_SUFFIX}\`;`,
  "  // The router draws the screen it goes back to after the history's popstate: the transition's new state is that",
  "  // drawing (the page's first change), or the page as it is after a second.",
  "  const transition = document.startViewTransition(",
  "    () =>",
  "      new Promise<void>((resolve) => {",
  "        const drawn = (): void => {",
  "          observer.disconnect();",
  "          clearTimeout(timer);",
  "          resolve();",
  "        };",
  "        const observer = new MutationObserver(drawn);",
  "        const timer = setTimeout(drawn, 1000);",
  "        observer.observe(document.body, { childList: true, subtree: true, characterData: true });",
  "        void back();",
  "      }),",
  "  );",
  "  playing = transition;",
  "  void transition.finished.finally(() => {",
  "    if (playing === transition) delete root.dataset.transition;",
  "  });",
  "}",
  "",
  "/** Whether a transition can play: the browser has view transitions, the reader does not prefer reduced motion. */",
  "const canPlay = (): boolean =>",
  '  typeof document.startViewTransition === "function" && !matchMedia("(prefers-reduced-motion: reduce)").matches;',
  "",
  "/**",
  " * Back in the history (`back`: the router's), playing the reverse of the transition that came to this screen when",
  " * one did (withTransition named it on the history's entry); at once otherwise.",
  " */",
  "export function transitionBack(back: () => unknown): void {",
  `  const came: unknown = history.state?.${CAME_WITH} ?? cameInMemory;`,
  "  cameInMemory = undefined;",
  '  if (typeof came !== "string" || !canPlay()) void back();',
  "  else playBack(came, back);",
  "}",
  "",
  "/** The browser's back from a screen a transition came to, seen by `navigate`: that transition. */",
  "let goingBack: string | undefined;",
  "/** The popstate this module hands the router (inside the reverse transition). */",
  "let replaying = false;",
  "",
  ...NAVIGATION_API,
  'navigation?.addEventListener("navigate", (event) => {',
  "  const { navigationType, destination } = event as Traversal;",
  `  const came: unknown = history.state?.${CAME_WITH};`,
  "  const oneBack = destination.index === (navigation?.currentEntry?.index ?? 0) - 1;",
  '  goingBack = navigationType === "traverse" && oneBack && typeof came === "string" ? came : undefined;',
  "});",
  "addEventListener(",
  '  "popstate",',
  "  (event) => {",
  "    const came = goingBack;",
  "    goingBack = undefined;",
  "    // A transition already playing (transitionBack's) goes on as it is.",
  "    if (replaying || came === undefined || document.documentElement.dataset.transition || !canPlay()) return;",
  "    event.stopImmediatePropagation();",
  "    playBack(came, () => {",
  "      replaying = true;",
  '      dispatchEvent(new PopStateEvent("popstate", { state: history.state }));',
  "      replaying = false;",
  "    });",
  "  },",
  "  { capture: true },",
  ");",
];

/**
 * src/transitions.ts: a navigation inside a view transition named for src/transitions.css; `back`: a BACK link
 * plays the reverse of the transition that came (transitionBack).
 */
export function transitionsModule(m: TransitionsModule, back = false): string {
  return [
    ...m.imports,
    'import "./transitions.css";',
    "",
    ...(back
      ? [
          "/** A router whose history is in memory (a preview's): the transition that came to the screen shown. */",
          "let cameInMemory: string | undefined;",
          "",
        ]
      : []),
    ...PLAYING,
    "/**",
    // (The generated line is 120 columns wide.)
    " * Goes somewhere (`go`: the router's navigation) inside the view transition `name` " +
      "(src/transitions.css), named on",
    " * <html data-transition> while it plays; at once where the browser has no view transitions or the reader prefers",
    " * reduced motion.",
    " */",
    `export function withTransition(name: string, go: ${m.go}): void {`,
    '  const calm = matchMedia("(prefers-reduced-motion: reduce)").matches;',
    '  if (typeof document.startViewTransition !== "function" || calm) {',
    `    ${m.now}`,
    "    return;",
    "  }",
    "  const root = document.documentElement;",
    "  root.dataset.transition = name;",
    ...(back ? ["  const from = location.href;"] : []),
    ...m.update,
    "  playing = transition;",
    "  void transition.finished.finally(() => {",
    "    if (playing === transition) delete root.dataset.transition;",
    ...(back
      ? [
          "    // The screen reached keeps the transition's name on its history entry: going back plays its reverse.",
          `    if (location.href !== from) history.replaceState({ ...history.state, ${CAME_WITH}: name }, "");`,
          "    else cameInMemory = name;",
        ]
      : []),
    "  });",
    "}",
    "",
    ...m.clickDoc,
    `export function transitionClick(event: MouseEvent, name: string, go: ${m.go}): void {`,
    "  const modified = event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey;",
    "  if (event.defaultPrevented || modified) return;",
    "  event.preventDefault();",
    "  withTransition(name, go);",
    "}",
    ...(back ? TRANSITION_BACK : []),
    "",
  ].join("\n");
}

/** src/transitions.ts (React): the router's navigation rendered at once inside the transition (flushSync). */
const REACT_TRANSITIONS = {
  imports: ['import type { MouseEvent } from "react";', 'import { flushSync } from "react-dom";'],
  go: "() => void",
  now: "go();",
  update: ["  const transition = document.startViewTransition(() => flushSync(go));"],
  clickDoc: [
    "/** A link's click that plays `name`: a plain click only (a modified one is the browser's, a new tab). */",
  ],
} satisfies TransitionsModule;

/** The React screen's timer (a `useEffect` whose cleanup clears it when the screen is left). */
export function reactTimer(timer: PageTimer, to: string): string[] {
  const go = `() => navigate(${JSON.stringify(to)})`;
  const call = timer.transition ? `() => withTransition(${JSON.stringify(timer.transition)}, ${go})` : go;
  return [
    "  useEffect(() => {",
    `    const timer = setTimeout(${call}, ${timer.ms});`,
    "    return () => clearTimeout(timer);",
    "  }, [navigate]);",
  ];
}

/** What a target draws of the page transitions: the links with theirs, the layers' names, its files. */
export interface PageMotion {
  links: LinkPlan | undefined;
  plan: TransitionPlan;
  morph?: (id: string) => string | undefined;
}

/** The page transitions of `doc`, over its `links`; undefined when nothing moves. */
export function pageMotion(
  doc: { frames: readonly MotionLayer[]; prototype?: Prototype },
  links: LinkPlan | undefined,
): PageMotion | undefined {
  const plan = planTransitions(doc, links);
  if (!plan) return undefined;
  return {
    links: links && linksWithTransitions(links, plan),
    plan,
    ...(plan.morphs.length > 0 ? { morph: plan.morphName } : {}),
  };
}

/** Every element of `node`'s tree, in document order (an HTML page's: no component of its own). */
function* elementsOf(node: VNode): Generator<ElementNode> {
  if (node.type === "element") {
    yield node;
    for (const child of node.children) yield* elementsOf(child);
  } else if (node.type === "if") yield* elementsOf(node.child);
}

/**
 * HTML: a cross-document transition captures the page reached at its first frame, and the parser may yield before
 * the end of the body (a busy machine's, a slow phone's, a page arriving in pieces): a matched layer not parsed by
 * then is left out, and the smart animate fades it in where it should have moved. Each of the page's matched layers
 * gets an id (its own anchor's, else its name) and the head a `<link rel="expect" blocking="render">` for it, which
 * holds the first frame until it is parsed. Mutates `tree` (the ids); returns the head's lines.
 */
export function morphRenderBlocking(tree: VNode): string[] {
  const elements = [...elementsOf(tree)];
  const literal = (e: ElementNode, name: string): string | undefined => {
    const value = e.attrs.find(([k]) => k === name)?.[1];
    return typeof value === "string" ? value : undefined;
  };
  const taken = new Set(elements.map((e) => literal(e, "id")).filter((id) => id !== undefined));
  const lines: string[] = [];
  for (const element of elements) {
    const morph = literal(element, "data-morph");
    if (morph === undefined) continue;
    let id = literal(element, "id");
    if (id === undefined) {
      id = morph;
      for (let n = 2; taken.has(id); n++) id = `${morph}-${n}`;
      taken.add(id);
      element.attrs.push(["id", id]);
    }
    lines.push(`    <link rel="expect" href="#${id}" blocking="render" />`);
  }
  return lines;
}

/** HTML: prototype.js (the stylesheet's rules: viewTransitionsCss). */
export const htmlMotionFiles = (plan: TransitionPlan): SourceFile[] => [
  { path: "prototype.js", content: prototypeJs(plan.back) },
];

/** React: src/transitions.ts (its stylesheet: framework-steps.ts's transitionFiles). */
export const reactTransitionsTs = (back: boolean): string => transitionsModule(REACT_TRANSITIONS, back);
