/**
 * The prototype's motion between pages (issue 52, part 5): which transition each link's navigation plays, the pages
 * that go on by themselves after a while (`AFTER_TIMEOUT` + `NAVIGATE`), and the layers a smart animate carries from
 * one page to the next. Each distinct transition (kind, direction, duration, easing) gets a name that the emitters
 * write on `<html data-transition>` while it plays and that the stylesheet's view-transition rules select
 * (emit/view-transitions.ts). A navigation without a transition (Figma's "instant") plays none.
 */
import { clickAction, type Link, type LinkPlan } from "./links.js";
import type { Action, Prototype, Transition } from "./model.js";

/** What of the design tree the plan reads (structurally: this folder comes before the design tree's). */
export interface MotionLayer {
  id: string;
  name: string;
  hidden?: boolean;
  inferred?: boolean;
  children?: readonly MotionLayer[];
}

export interface NamedTransition {
  name: string;
  transition: Transition;
}

/** A page that goes on by itself: after `ms`, to frame `to`, with its transition's name. */
export interface PageTimer {
  ms: number;
  to: number;
  transition?: string;
}

export interface TransitionPlan {
  /** Every transition a navigation plays, by name. */
  transitions: NamedTransition[];
  /** The transition a layer's link plays (by the layer's id). */
  forLink(id: string): string | undefined;
  /** Each frame's timer (by frame index). */
  timers: Map<number, PageTimer>;
  /** The view-transition name of a layer a smart animate carries to another page (the same on both pages). */
  morphName(id: string): string | undefined;
  /** Every such name, once. */
  morphs: string[];
  /** The layers whose timer the pages run. */
  timed: Set<string>;
  /**
   * A BACK link plays the reverse of the transition that came to its page (as Figma's prototype does): each
   * transition `name` has its reverse in `transitions` as `name` + BACK_SUFFIX.
   */
  back: boolean;
}

/** The reverse of transition `name` is named `name` + BACK_SUFFIX (no forward name ends so: nameOf). */
export const BACK_SUFFIX = "-back";

const OPPOSITE = { LEFT: "RIGHT", RIGHT: "LEFT", TOP: "BOTTOM", BOTTOM: "TOP" } as const;
const REVERSE_KIND: Partial<Record<Transition["type"], Transition["type"]>> = {
  MOVE_IN: "MOVE_OUT",
  MOVE_OUT: "MOVE_IN",
  SLIDE_IN: "SLIDE_OUT",
  SLIDE_OUT: "SLIDE_IN",
};

/**
 * What going back plays after `t`: the screen that came in goes out the way it came (a push from the right pushes
 * back to the right, a move in becomes a move out, a slide in a slide out); a dissolve and a smart animate are their
 * own reverse. The same duration and easing.
 */
export function reverseTransition(t: Transition): Transition {
  const type = REVERSE_KIND[t.type] ?? t.type;
  return { ...t, type, ...(t.direction ? { direction: OPPOSITE[t.direction] } : {}) };
}

/** Transitions a page-to-page navigation can play with CSS view transitions (SCROLL_ANIMATE is not one). */
const PAGE_KINDS = new Set<Transition["type"]>([
  "DISSOLVE",
  "SMART_ANIMATE",
  "MOVE_IN",
  "MOVE_OUT",
  "PUSH",
  "SLIDE_IN",
  "SLIDE_OUT",
]);

export const playable = (t: Transition | undefined): t is Transition =>
  t !== undefined && t.duration > 0 && PAGE_KINDS.has(t.type);

/** One transition's key: equal keys play alike. */
const keyOf = (t: Transition): string =>
  JSON.stringify([t.type, t.direction ?? "", Math.round(t.duration * 1000), t.easing]);

/** A readable name: `push-left-300ms`, numbered when two transitions differ only by their easing. */
function nameOf(t: Transition, taken: Set<string>): string {
  const words = [t.type.toLowerCase().replace(/_/g, "-")];
  if (t.direction && t.type !== "DISSOLVE" && t.type !== "SMART_ANIMATE") words.push(t.direction.toLowerCase());
  words.push(`${Math.round(t.duration * 1000)}ms`);
  const base = words.join("-");
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

/** A layer's drawn children: the wrappers layout inference added stand for no layer, their children do. */
const drawnChildren = (node: MotionLayer): MotionLayer[] =>
  (node.children ?? []).flatMap((c) => (c.inferred ? drawnChildren(c) : [c]));

/**
 * The layers of two frames that a smart animate matches, as Figma matches them: the same name path, the n-th of a
 * name among its siblings with the n-th; each with its path's key (the frames themselves are not in it).
 */
export function matchedPaths(a: MotionLayer, b: MotionLayer, path = ""): [key: string, a: string, b: string][] {
  const out: [string, string, string][] = [];
  const seen = new Map<string, number>();
  const others = drawnChildren(b);
  for (const child of drawnChildren(a)) {
    const n = seen.get(child.name) ?? 0;
    seen.set(child.name, n + 1);
    const match = others.filter((o) => o.name === child.name)[n];
    if (!match || child.hidden || match.hidden) continue;
    const key = `${path}/${child.name}#${n}`;
    out.push([key, child.id, match.id], ...matchedPaths(child, match, key));
  }
  return out;
}

/** A view-transition name for a name path: its last name's words and a short hash of the whole path. */
function morphIdent(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  const last = key.slice(key.lastIndexOf("/") + 1, key.lastIndexOf("#"));
  const slug =
    last
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 24) || "layer";
  return `m-${slug}-${h.toString(36)}`;
}

/** Each node's id in the frames, with the frame (index) it is in. */
function frameIndex(frames: readonly MotionLayer[]): Map<string, number> {
  const out = new Map<string, number>();
  frames.forEach((frame, index) => {
    const stack: MotionLayer[] = [frame];
    while (stack.length > 0) {
      const node = stack.pop()!;
      out.set(node.id, index);
      if (node.children) stack.push(...node.children);
    }
  });
  return out;
}

type NodeAction = Extract<Action, { type: "NODE" }>;

/**
 * The transitions of `doc`'s prototype, given its links (`links`: the layers drawn as links, links.ts); undefined
 * when no navigation moves and no page has a timer.
 */
export function planTransitions(
  doc: { frames: readonly MotionLayer[]; prototype?: Prototype },
  links: LinkPlan | undefined,
): TransitionPlan | undefined {
  const prototype = doc.prototype;
  if (!prototype) return undefined;
  const pageOf = new Map(doc.frames.map((f, i) => [f.id, i]));
  const frameOf = frameIndex(doc.frames);
  const byKey = new Map<string, NamedTransition>();
  const taken = new Set<string>();
  const named = (t: Transition | undefined): string | undefined => {
    if (!playable(t)) return undefined;
    const key = keyOf(t);
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { name: nameOf(t, taken), transition: t }));
    return entry.name;
  };
  const forLink = new Map<string, string>();
  const timers = new Map<number, PageTimer>();
  const timed = new Set<string>();
  /** Smart animates: the frames (from, to) whose matched layers get names. */
  const smart: [number, number][] = [];
  const moves = (from: number, action: NodeAction): string | undefined => {
    const to = pageOf.get(action.destinationId ?? "");
    const name = named(action.transition);
    if (name !== undefined && to !== undefined && action.transition?.type === "SMART_ANIMATE") smart.push([from, to]);
    return name;
  };
  for (const [id, layer] of Object.entries(prototype.layers)) {
    const from = frameOf.get(id);
    if (from === undefined) continue;
    for (const interaction of layer.interactions ?? []) {
      const link = links?.linkFor(id);
      if (interaction.trigger.type === "ON_CLICK" && link !== undefined && link.kind !== "back") {
        const action = clickAction(interaction.actions);
        const name = action?.type === "NODE" && action.navigation === "NAVIGATE" ? moves(from, action) : undefined;
        if (name !== undefined) forLink.set(id, name);
      } else if (interaction.trigger.type === "AFTER_TIMEOUT" && !timers.has(from)) {
        const action = interaction.actions.find(
          (a): a is NodeAction => a.type === "NODE" && a.navigation === "NAVIGATE" && pageOf.has(a.destinationId ?? ""),
        );
        if (!action) continue;
        const transition = moves(from, action);
        const ms = Math.round(interaction.trigger.timeout * 1000);
        timers.set(from, { ms, to: pageOf.get(action.destinationId!)!, ...(transition ? { transition } : {}) });
        timed.add(id);
      }
    }
  }
  if (byKey.size === 0 && timers.size === 0) return undefined;
  const forward = [...byKey.values()];
  const back = forward.length > 0 && hasBackLink(prototype, links);
  const transitions = back
    ? forward.flatMap((t) => [t, { name: t.name + BACK_SUFFIX, transition: reverseTransition(t.transition) }])
    : forward;
  const morphs = new Map<string, string>();
  for (const [from, to] of smart)
    for (const [key, a, b] of matchedPaths(doc.frames[from]!, doc.frames[to]!)) {
      const ident = morphIdent(key);
      morphs.set(a, ident);
      morphs.set(b, ident);
    }
  return {
    transitions,
    back,
    forLink: (id) => forLink.get(id),
    timers,
    morphName: (id) => morphs.get(id),
    morphs: [...new Set(morphs.values())],
    timed,
  };
}

/** Some layer's click goes back (a BACK link). */
const hasBackLink = (prototype: Prototype, links: LinkPlan | undefined): boolean =>
  Object.keys(prototype.layers).some((id) => links?.linkFor(id)?.kind === "back");

/** `links` with each link's transition on it (the emitters draw it: links.ts's `transition`). */
export function linksWithTransitions(links: LinkPlan, plan: TransitionPlan | undefined): LinkPlan {
  if (!plan) return links;
  return {
    ...links,
    linkFor: (id): Link | undefined => {
      const link = links.linkFor(id);
      // An overlay plays its own transition as a dialog (emit/overlays.ts).
      if (link === undefined || link.kind === "overlay") return link;
      // Back plays the reverse of the transition that came to its page (the runtime knows which).
      if (link.kind === "back") return plan.back ? { ...link, reverse: true } : link;
      const transition = plan.forLink(id);
      return transition ? { ...link, transition } : link;
    },
  };
}
