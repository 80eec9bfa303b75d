/**
 * The prototype in Vue (as React has it: links.ts, overlays.ts, view-transitions.ts): a screen's dialogs are
 * template refs (`ref="overlayMenu"`, `showModal()` / `close()` on them), a link that plays a page transition
 * navigates itself inside `document.startViewTransition` (src/transitions.ts, Vue's version: it waits for the router
 * and Vue's render), and a screen that goes on by itself after a while sets its timer when mounted and clears it when
 * left.
 */
import type { PageTimer } from "../../prototype/transitions.js";
import type { VNode } from "../vnode.js";
import { transitionsModule, type TransitionsModule } from "../view-transitions.js";

/**
 * Whether the tree has a link that plays a page transition: it calls src/transitions.ts's `helper` (transitionClick,
 * or transitionBack for a back button that plays the reverse).
 */
export function playsTransitions(tree: VNode, helper = "transitionClick"): boolean {
  if (tree.type === "if") return playsTransitions(tree.child, helper);
  if (tree.type !== "element") return false;
  if (tree.reactAttrs?.some(([, expr]) => expr.includes(`${helper}(`))) return true;
  return tree.children.some((c) => playsTransitions(c, helper));
}

/**
 * A React handler (links.ts, overlay-trigger.ts) as Vue's template says it: a ref's element is the ref itself
 * (`overlayMenu?.showModal()`), the router is `$router`, the event `$event`.
 */
export function vueHandler(expr: string): string {
  const play = /^\(event\) => transitionClick\(event, ("(?:[^"\\]|\\.)*"), \(\) => navigate\((.*)\)\)$/.exec(expr);
  if (play) return `transitionClick($event, ${play[1]}, () => $router.push(${play[2]}))`;
  if (expr === "() => navigate(-1)" || expr === "() => history.back()") return "$router.back()";
  if (expr === "() => transitionBack(() => navigate(-1))") return "transitionBack(() => $router.back())";
  // A toggle's click (build.ts's pressedAttrs): its ref, unwrapped in the template, flipped.
  const toggle = /^\(\) => set(\w+)\(\(on\) => !on\)$/.exec(expr);
  if (toggle) {
    const name = `${toggle[1]![0]!.toLowerCase()}${toggle[1]!.slice(1)}`;
    return `${name} = !${name}`;
  }
  return expr.replace(/\b([A-Za-z_$][\w$]*)\.current\?\./g, "$1?.");
}

/**
 * A screen's timer: set when the screen is mounted, cleared when it is left; it navigates (with its transition when
 * it has one) to `to`.
 */
export function vueTimer(timer: PageTimer, to: string): string[] {
  const go = `() => router.push(${JSON.stringify(to)})`;
  const call = timer.transition ? `() => withTransition(${JSON.stringify(timer.transition)}, ${go})` : go;
  return [
    "const router = useRouter();",
    "let timer: ReturnType<typeof setTimeout> | undefined;",
    "onMounted(() => {",
    `  timer = setTimeout(${call}, ${timer.ms});`,
    "});",
    "onBeforeUnmount(() => clearTimeout(timer));",
  ];
}

/** src/transitions.ts (Vue): the transition waits for the router's navigation and Vue's render. */
export const vueTransitionsTs = (back: boolean): string => transitionsModule(VUE_TRANSITIONS, back);

const VUE_TRANSITIONS: TransitionsModule = {
  imports: ['import { nextTick } from "vue";'],
  go: "() => unknown",
  now: "void go();",
  update: [
    "  const transition = document.startViewTransition(async () => {",
    "    await go();",
    "    await nextTick();",
    "  });",
  ],
  clickDoc: [
    "/**",
    " * A link's click that plays `name` (bound in the capture phase, before the RouterLink's own navigation, which a",
    " * prevented click skips): a plain click only (a modified one is the browser's, a new tab).",
    " */",
  ],
};
