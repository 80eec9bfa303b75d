/**
 * What of the prototype the code does not do, named per layer (the notes codegen returns beside the files): every
 * interaction other than a click's link (links.ts) and a hover's or a press's variant (emit/variant-states.ts), a
 * link's transition, and a link whose destination is not in the export. One note per layer, its interactions listed.
 */
import type { Problem } from "../types.js";
import { clickAction, type LinkPlan } from "./links.js";
import { VARIANT_STATES, type Action, type Prototype, type Transition, type Trigger } from "./model.js";

const TRIGGER_WORDS: Record<Trigger["type"], string> = {
  ON_CLICK: "on click",
  ON_HOVER: "while hovering",
  ON_PRESS: "while pressed",
  ON_DRAG: "on drag",
  AFTER_TIMEOUT: "after a delay",
  MOUSE_ENTER: "on mouse enter",
  MOUSE_LEAVE: "on mouse leave",
  MOUSE_UP: "on mouse up",
  MOUSE_DOWN: "on mouse down",
  ON_KEY_DOWN: "on a key",
  ON_MEDIA_HIT: "at a video's time",
  ON_MEDIA_END: "at a video's end",
};

const NAVIGATION_WORDS: Record<string, string> = {
  NAVIGATE: "navigate to",
  SWAP: "swap the overlay for",
  OVERLAY: "open the overlay",
  SCROLL_TO: "scroll to",
  CHANGE_TO: "change to the variant",
};

const OTHER_WORDS: Record<string, string> = {
  BACK: "go back",
  CLOSE: "close the overlay",
  SET_VARIABLE: "set a variable",
  SET_VARIABLE_MODE: "set a variable mode",
  CONDITIONAL: "a conditional",
  UPDATE_MEDIA_RUNTIME: "control a video",
};

function triggerWords(trigger: Trigger): string {
  if (trigger.type === "AFTER_TIMEOUT") return `after ${round(trigger.timeout)} s`;
  return TRIGGER_WORDS[trigger.type];
}

const round = (seconds: number): number => Math.round(seconds * 1000) / 1000;

function transitionWords(transition: Transition): string {
  const direction = transition.direction ? ` ${transition.direction.toLowerCase()}` : "";
  return `${transition.type.toLowerCase().replace(/_/g, " ")}${direction} ${round(transition.duration)} s`;
}

function actionWords(action: Action, nameOf: (id: string) => string): string {
  if (action.type === "URL") return `open ${action.url}`;
  if (action.type !== "NODE") return OTHER_WORDS[action.type] ?? action.type.toLowerCase();
  const id = action.destinationId;
  const where = id === null ? "nothing (no destination)" : nameOf(id);
  return `${NAVIGATION_WORDS[action.navigation]} ${where}`;
}

/** Which layers the export holds: any layer of its frames, and its frames (pages). */
export interface ExportScope {
  has(id: string): boolean;
  isPage(id: string): boolean;
}

/**
 * The notes for `prototype`'s layers in the export, given what the links drew (`links`). `nameOf`: a layer's name
 * as Figma shows it. `variants`: the variants a hover or a press changes to that the code draws as that state.
 */
export function prototypeNotes(
  prototype: Prototype,
  scope: ExportScope,
  links: LinkPlan | undefined,
  nameOf: (id: string) => string,
  variants: ReadonlySet<string> = new Set(),
): Problem[] {
  const notes: Problem[] = [];
  const destinationName = (id: string): string => {
    const name = prototype.destinations[id]?.name;
    return name === undefined ? `a layer not in the file (${id})` : `“${name}”`;
  };
  for (const [id, layer] of Object.entries(prototype.layers)) {
    if (!scope.has(id)) continue;
    const missing: string[] = [];
    const linked = links?.linkFor(id) !== undefined;
    for (const interaction of layer.interactions ?? []) {
      const done = linked && interaction.trigger.type === "ON_CLICK" ? clickAction(interaction.actions) : undefined;
      const state = VARIANT_STATES[interaction.trigger.type] !== undefined;
      for (const action of interaction.actions) {
        // A hover's or a press's variant is the element's look in that state (emit/variant-states.ts), eased.
        if (state && action.type === "NODE" && action.navigation === "CHANGE_TO" && variants.has(action.destinationId!))
          continue;
        if (action === done) {
          // An overlay comes in with its transition (emit/overlays.ts).
          const overlay = action.type === "NODE" && (action.navigation === "OVERLAY" || action.navigation === "SWAP");
          if (action.type === "NODE" && !overlay && action.transition && action.transition.duration > 0)
            missing.push(`its link's ${transitionWords(action.transition)} transition`);
          continue;
        }
        const away =
          action.type === "NODE" &&
          action.navigation === "NAVIGATE" &&
          action.destinationId !== null &&
          !scope.isPage(action.destinationId);
        const words = actionWords(action, destinationName) + (away ? " (not a page of this export)" : "");
        missing.push(`${triggerWords(interaction.trigger)}: ${words}`);
      }
    }
    if (missing.length === 0) continue;
    const shown = missing.slice(0, 4).join("; ") + (missing.length > 4 ? `; and ${missing.length - 4} more` : "");
    notes.push({
      severity: "info",
      code: "prototype",
      message: `“${nameOf(id)}”, in the prototype but not in the code yet: ${shown}`,
      nodeId: id,
    });
  }
  return notes;
}
