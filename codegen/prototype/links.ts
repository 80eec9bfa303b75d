/**
 * The prototype's clicks the code does today (issue 52's first part): a click that navigates goes to the
 * destination frame's page, BACK goes back in history, URL opens the address, SCROLL_TO scrolls to an anchor. Every
 * other interaction is named in a note per layer (notes.ts). The emitters ask `linkFor(layer)` and draw the layer as
 * a real `<a>` / `<button>`; a layer a SCROLL_TO points at gets `anchorFor(layer)` as its `id`.
 */
import type { Action, Prototype } from "./model.js";

/** What of the design tree the plan reads (structurally: this folder comes before the design tree's). */
interface Layer {
  id: string;
  children?: readonly Layer[];
}

/** `transition`: the name of the page transition the navigation plays (transitions.ts). */
export type Link =
  /** A page, a URL or an anchor in the page; `newTab`: opens in a new tab (a URL the design says so of). */
  | { kind: "href"; href: string; newTab?: boolean; scroll?: true; transition?: string }
  /** A screen's route in a single-page app: the router goes there in place (React Router's `<Link to>`). */
  | { kind: "route"; to: string; transition?: string }
  /**
   * Back in history; `router`: through the app's router (`navigate(-1)`), else the browser's `history.back()`;
   * `reverse`: playing the reverse of the transition that came to the page (transitions.ts's `back`).
   */
  | { kind: "back"; router?: true; reverse?: true }
  /**
   * Opens the dialog `dialog`, swaps the open one (`from`) for it, or closes it (overlays.ts); `hover`: opens it while
   * the pointer is over the layer (or the focus on it), closes it when it leaves.
   */
  | { kind: "overlay"; action: "open" | "swap" | "close" | "hover"; dialog: string; from?: string };

export interface LinkPlan {
  linkFor(id: string): Link | undefined;
  anchorFor(id: string): string | undefined;
  /** Some link scrolls to an anchor: the page scrolls smoothly. */
  smooth: boolean;
}

/** The triggers a link answers: a click (a tap on a phone). */
const CLICK = new Set(["ON_CLICK"]);

/** Each node's id in the frames, with the frame (index) it is in. */
function framesOf(frames: readonly Layer[]): Map<string, number> {
  const out = new Map<string, number>();
  frames.forEach((frame, index) => {
    const stack: Layer[] = [frame];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.id) out.set(node.id, index);
      if (node.children) stack.push(...node.children);
    }
  });
  return out;
}

/** The action a click on the layer does that a link can: the first of its click interactions' actions that is one. */
export function clickAction(actions: readonly Action[]): Action | undefined {
  return actions.find(
    (a) =>
      a.type === "BACK" ||
      a.type === "URL" ||
      a.type === "CLOSE" ||
      (a.type === "NODE" && a.navigation !== "CHANGE_TO" && a.destinationId !== null),
  );
}

/**
 * The links of `doc`'s prototype; `pageHref(i)`: the address of frame i's page (HTML: its file, React: its route).
 * A navigation to a frame not converted, or to a layer inside one, is no link (notes.ts names it). `router`: the
 * pages are an app's routes (React), reached through its router.
 */
export function planLinks(
  doc: { frames: readonly Layer[]; prototype?: Prototype },
  pageHref: (frame: number) => string,
  router = false,
): LinkPlan | undefined {
  const prototype = doc.prototype;
  if (!prototype) return undefined;
  const frameOf = framesOf(doc.frames);
  const pageOf = new Map(doc.frames.map((f, i) => [f.id, i]));
  const links = new Map<string, Link>();
  const anchors = new Map<string, string>();
  const taken = new Set<string>();
  for (const [id, layer] of Object.entries(prototype.layers)) {
    // A click anywhere on a whole page (a slide deck's "next") is no element's link: notes.ts names it.
    if (!frameOf.has(id) || pageOf.has(id)) continue;
    const click = (layer.interactions ?? []).find((i) => CLICK.has(i.trigger.type));
    const action = click && clickAction(click.actions);
    if (!action) continue;
    if (action.type === "BACK") links.set(id, router ? { kind: "back", router: true } : { kind: "back" });
    else if (action.type === "URL")
      links.set(id, { kind: "href", href: action.url, ...(action.openInNewTab ? { newTab: true } : {}) });
    else if (action.type === "NODE" && action.destinationId !== null) {
      const destination = action.destinationId;
      if (action.navigation === "NAVIGATE") {
        const page = pageOf.get(destination);
        if (page !== undefined)
          links.set(id, router ? { kind: "route", to: pageHref(page) } : { kind: "href", href: pageHref(page) });
      } else if (action.navigation === "SCROLL_TO" && frameOf.get(destination) === frameOf.get(id)) {
        // SCROLL_TO: a layer of the same page.
        let anchor = anchors.get(destination);
        if (anchor === undefined) {
          const name = prototype.destinations[destination]?.name ?? "section";
          anchor = anchorName(name, taken);
          anchors.set(destination, anchor);
        }
        links.set(id, { kind: "href", href: `#${anchor}`, scroll: true });
      }
    }
  }
  if (links.size === 0) return undefined;
  return {
    linkFor: (id) => links.get(id),
    anchorFor: (id) => anchors.get(id),
    smooth: anchors.size > 0,
  };
}

/** An id for an anchor: the layer's name in lowercase words joined by dashes, numbered when taken. */
export function anchorName(name: string, taken: Set<string>): string {
  const slug =
    name
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "section";
  const base = /^[0-9]/.test(slug) ? `section-${slug}` : slug;
  let out = base;
  for (let n = 2; taken.has(out); n++) out = `${base}-${n}`;
  taken.add(out);
  return out;
}
