/**
 * The prototype's overlays (issue 52, second part): a click that opens a frame as an overlay (`OVERLAY`), swaps the
 * open overlay for another (`SWAP`) or closes it (`CLOSE`); a hover that opens one while it lasts. Each overlay frame
 * of the export becomes a dialog, by an id of its own, in every page whose clicks open it (and in the pages of what
 * those overlays open); the emitters draw the dialog (emit/overlays.ts) and the layers that open, swap or close it as
 * buttons (links of kind `overlay`).
 */
import { anchorName, clickAction, type Link, type LinkPlan } from "./links.js";
import type { OverlaySettings, Prototype, Transition } from "./model.js";

/** What of the design tree the plan reads (structurally: this folder comes before the design tree's). */
interface Layer {
  id: string;
  name?: string;
  children?: readonly Layer[];
}

export interface Overlay {
  /** The overlay frame's index in the export's frames. */
  frame: number;
  /** The dialog's id (HTML `id`, the React ref's name is made from it). */
  id: string;
  name: string;
  settings: OverlaySettings;
  /** How the first click that opens it brings it in. */
  transition?: Transition;
  /** MANUAL: the top-left corner's offset from the trigger's (the first trigger's), px. */
  offset?: [number, number];
  /** A hover opens it (ON_HOVER, MOUSE_ENTER): shown without a modal, on the viewport, under no pointer. */
  hover?: true;
}

export interface OverlayPlan {
  overlays: readonly Overlay[];
  /** The overlays drawn in frame `frame`'s page: those its clicks open, then those theirs open, itself never. */
  dialogsOf(frame: number): Overlay[];
  /**
   * The links of a page (`within` undefined) or of the dialog `within`'s content, over the page's own (`base`):
   * a click that opens or swaps an overlay opens its dialog, CLOSE closes the dialog it is in. `within: "any"`: every
   * CLOSE of an overlay that some page draws (what the notes count as done).
   */
  links(base: LinkPlan | undefined, within?: Overlay | "any"): LinkPlan;
}

const DEFAULT_SETTINGS: OverlaySettings = { position: "CENTER", closeOnOutsideClick: false };

interface Opener {
  overlay: Overlay;
  swap: boolean;
  hover?: true;
}

/** The triggers that open an overlay while they last: the pointer over the layer. */
const HOVERS = new Set(["ON_HOVER", "MOUSE_ENTER"]);

/** The overlays of `doc`'s prototype; undefined when no click of the export opens one of its frames. */
export function planOverlays(doc: { frames: readonly Layer[]; prototype?: Prototype }): OverlayPlan | undefined {
  const prototype = doc.prototype;
  if (!prototype) return undefined;
  const pageOf = new Map(doc.frames.map((f, i) => [f.id, i]));
  const frameOf = new Map<string, number>();
  doc.frames.forEach((frame, index) => {
    const stack: Layer[] = [frame];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.id) frameOf.set(node.id, index);
      if (node.children) stack.push(...node.children);
    }
  });
  const byFrame = new Map<number, Overlay>();
  const taken = new Set<string>();
  const openers = new Map<string, Opener>();
  const closers = new Set<string>();
  /** Per frame, the overlays its clicks open, in the order met. */
  const opens = new Map<number, Overlay[]>();
  for (const [id, layer] of Object.entries(prototype.layers)) {
    const from = frameOf.get(id);
    if (from === undefined || pageOf.has(id)) continue;
    const click = (layer.interactions ?? []).find((i) => i.trigger.type === "ON_CLICK");
    const clicked = click && clickAction(click.actions);
    if (clicked?.type === "CLOSE") closers.add(id);
    const opensOnClick =
      clicked?.type === "NODE" && (clicked.navigation === "OVERLAY" || clicked.navigation === "SWAP");
    // Else a hover's overlay (Figma closes it when the pointer leaves).
    const hovered = opensOnClick
      ? undefined
      : (layer.interactions ?? [])
          .filter((i) => HOVERS.has(i.trigger.type))
          .flatMap((i) => i.actions)
          .find((a) => a.type === "NODE" && a.navigation === "OVERLAY");
    const action = opensOnClick ? clicked : hovered;
    if (action?.type !== "NODE" || (action.navigation !== "OVERLAY" && action.navigation !== "SWAP")) continue;
    const frame = pageOf.get(action.destinationId ?? "");
    if (frame === undefined || frame === from) continue;
    let overlay = byFrame.get(frame);
    if (!overlay) {
      const node = doc.frames[frame]!;
      overlay = {
        frame,
        id: anchorName(`overlay ${node.name ?? ""}`, taken),
        name: node.name ?? "",
        settings: prototype.layers[node.id]?.overlay ?? DEFAULT_SETTINGS,
      };
      byFrame.set(frame, overlay);
    }
    if (action.transition && overlay.transition === undefined) overlay.transition = action.transition;
    if (action.overlayOffset && overlay.offset === undefined) overlay.offset = action.overlayOffset;
    if (hovered) overlay.hover = true;
    openers.set(id, { overlay, swap: action.navigation === "SWAP", ...(hovered ? { hover: true as const } : {}) });
    const list = opens.get(from) ?? [];
    if (!list.includes(overlay)) list.push(overlay);
    opens.set(from, list);
  }
  if (byFrame.size === 0) return undefined;
  const overlays = [...byFrame.values()].sort((a, b) => a.frame - b.frame);
  const drawn = new Set(overlays.map((o) => o.frame));
  return {
    overlays,
    dialogsOf(frame) {
      const out: Overlay[] = [];
      const queue = [...(opens.get(frame) ?? [])];
      while (queue.length > 0) {
        const overlay = queue.shift()!;
        if (overlay.frame === frame || out.includes(overlay)) continue;
        out.push(overlay);
        queue.push(...(opens.get(overlay.frame) ?? []));
      }
      // In the frames' order, whatever the order the prototype lists its layers in.
      return out.sort((a, b) => a.frame - b.frame);
    },
    links(base, within) {
      const linkFor = (id: string): Link | undefined => {
        const opener = openers.get(id);
        if (opener) {
          const swap = opener.swap && within !== undefined && within !== "any";
          if (opener.hover) return { kind: "overlay", action: "hover", dialog: opener.overlay.id };
          return swap
            ? { kind: "overlay", action: "swap", dialog: opener.overlay.id, from: within.id }
            : { kind: "overlay", action: "open", dialog: opener.overlay.id };
        }
        if (closers.has(id)) {
          if (within === "any" && drawn.has(frameOf.get(id)!)) return { kind: "overlay", action: "close", dialog: "" };
          if (within !== undefined && within !== "any" && frameOf.get(id) === within.frame)
            return { kind: "overlay", action: "close", dialog: within.id };
        }
        return base?.linkFor(id);
      };
      return { linkFor, anchorFor: (id) => base?.anchorFor(id), smooth: base?.smooth ?? false };
    },
  };
}
