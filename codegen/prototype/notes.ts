/**
 * What of the prototype the code does not do, named per layer (the notes codegen returns beside the files): every
 * interaction other than a click's link (links.ts), a hover's, a press's or a click's (a toggle's) variant
 * (emit/variant-states.ts), a click's or a hover's overlay (overlays.ts), a page transition and a page's timer
 * (transitions.ts): variables, conditionals, video, keys, drags, timers that change variants, and links whose
 * destination is not in the export. Grouped by what they do — what the code cannot do first — each layer named once
 * with its destination.
 */
import { plural } from "../../kernel/plural.js";
import type { Problem } from "../types.js";
import { clickAction, type LinkPlan } from "./links.js";
import { TOGGLE_TRIGGER, VARIANT_STATES, type Action, type Prototype, type Transition, type Trigger } from "./model.js";

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

/** What the code does of the prototype beyond links and hover/press states: page transitions and timers. */
export interface DoneMotion {
  /** The link's transition plays (a view transition: transitions.ts). */
  transitionPlays(transition: Transition): boolean;
  /** The layer's timer that navigates runs (the page's). */
  timed(id: string): boolean;
}

/** What the code cannot do at all, first in the notes: the rest is for a later version. */
const CANNOT = new Set(["SET_VARIABLE", "SET_VARIABLE_MODE", "CONDITIONAL", "UPDATE_MEDIA_RUNTIME"]);

/** One thing the code does not do, on one layer: `group` is what it does, `target` where to, `rank` its order. */
interface Missing {
  id: string;
  group: string;
  target?: string;
  rank: number;
}

/** The words of a group: the trigger and the kind of action, with the destination left to each layer. */
function groupOf(trigger: Trigger, action: Action, away: boolean): { group: string; target?: string; rank: number } {
  const when = triggerWords(trigger);
  const rank = CANNOT.has(action.type)
    ? 0
    : trigger.type === "ON_KEY_DOWN" || trigger.type.startsWith("ON_MEDIA")
      ? 1
      : 2;
  if (action.type !== "NODE") return { group: `${when}: ${actionWords(action, () => "")}`, rank };
  const verb = NAVIGATION_WORDS[action.navigation]!;
  if (action.destinationId === null) return { group: `${when}: ${verb} nothing (no destination)`, rank };
  const group = away ? `${when}: navigate to a frame not in this export` : `${when}: ${verb}`;
  return { group, target: action.destinationId, rank };
}

/**
 * The notes for `prototype`'s layers in the export, given what the links drew (`links`) and the motion the code plays
 * (`done`). `nameOf`: a layer's name as Figma shows it (a variant with its set's: “Set › Variant”). `variants`: the
 * variants a hover, a press or a click changes to that the code draws as that state. One note per kind of
 * interaction (its trigger and what it does), naming each layer it is on — with its destination — once, however
 * often it repeats.
 */
export function prototypeNotes(
  prototype: Prototype,
  scope: ExportScope,
  links: LinkPlan | undefined,
  nameOf: (id: string) => string,
  variants: ReadonlySet<string> = new Set(),
  done?: DoneMotion,
): Problem[] {
  const destinationName = (id: string): string => {
    const name = prototype.destinations[id]?.name;
    return name === undefined ? `a layer not in the file (${id})` : `“${name}”`;
  };
  const missing: Missing[] = [];
  for (const [id, layer] of Object.entries(prototype.layers)) {
    if (!scope.has(id)) continue;
    const linked = links?.linkFor(id) !== undefined;
    for (const interaction of layer.interactions ?? []) {
      const trigger = interaction.trigger;
      const clicked = linked && trigger.type === "ON_CLICK" ? clickAction(interaction.actions) : undefined;
      // A hover's overlay is opened while the pointer is over its layer (overlays.ts).
      const link = links?.linkFor(id);
      const hoverOverlay = link?.kind === "overlay" && link.action === "hover" && trigger.type !== "ON_CLICK";
      // A click's variant is a toggle's (emit/variant-states.ts: HTML's checkbox, the frameworks' aria-pressed).
      const state = VARIANT_STATES[trigger.type] !== undefined || trigger.type === TOGGLE_TRIGGER;
      for (const action of interaction.actions) {
        // A hover's, a press's or a click's variant is the element's look in that state (emit/variant-states.ts).
        if (state && action.type === "NODE" && action.navigation === "CHANGE_TO" && variants.has(action.destinationId!))
          continue;
        if (hoverOverlay && action.type === "NODE" && action.navigation === "OVERLAY") continue;
        if (action === clicked) {
          const t = action.type === "NODE" ? action.transition : undefined;
          // An overlay comes in with its transition (emit/overlays.ts).
          const overlay = action.type === "NODE" && (action.navigation === "OVERLAY" || action.navigation === "SWAP");
          if (t && t.duration > 0 && !overlay && !done?.transitionPlays(t))
            missing.push({ id, group: `on click: its link's ${transitionWords(t)} transition`, rank: 2 });
          continue;
        }
        const navigates = action.type === "NODE" && action.navigation === "NAVIGATE";
        if (trigger.type === "AFTER_TIMEOUT" && navigates && done?.timed(id)) continue;
        const away = navigates && action.destinationId !== null && !scope.isPage(action.destinationId!);
        missing.push({ id, ...groupOf(trigger, action, away) });
      }
    }
  }
  const groups = new Map<string, Missing[]>();
  for (const m of missing.sort((a, b) => a.rank - b.rank)) groups.set(m.group, [...(groups.get(m.group) ?? []), m]);
  const notes: Problem[] = [];
  for (const [group, list] of groups) {
    // Each layer (by its name) and destination once, with how often it repeats; a set's variants together.
    const counts = new Map<string, number>();
    const sets = new Map<string, string[]>();
    for (const m of list) {
      const name = nameOf(m.id);
      const to = m.target !== undefined ? ` → ${destinationName(m.target)}` : "";
      const cut = name.indexOf(" › ");
      if (cut > 0) {
        const set = `“${name.slice(0, cut)}”`;
        if (!sets.has(set)) counts.set(set, 0);
        sets.set(set, [...(sets.get(set) ?? []), `“${name.slice(cut + 3)}”${to}`]);
        continue;
      }
      counts.set(`“${name}”${to}`, (counts.get(`“${name}”${to}`) ?? 0) + 1);
    }
    const named = [...counts].map(([where, n]) => {
      const variants = sets.get(where);
      if (variants) return `${where}'s variants (${[...new Set(variants)].join(", ")})`;
      return n > 1 ? `${where} (×${n})` : where;
    });
    const shown = named.slice(0, 8).join("; ") + (named.length > 8 ? `; and ${named.length - 8} more` : "");
    const layers = new Set(list.map((m) => m.id)).size;
    notes.push({
      severity: "info",
      code: "prototype",
      message: `prototype, not in the code yet — ${group} (${plural(layers, "layer")}): ${shown}`,
      nodeId: list[0]!.id,
    });
  }
  return notes;
}
