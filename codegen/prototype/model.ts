/**
 * The prototype: what a design's layers do when clicked, hovered or scrolled (Figma's prototype mode), as one typed
 * model beside the design tree. Read from the REST reply (`interactions`, the older `transitionNodeID`,
 * `flowStartingPoints`, overlay and scroll settings: read.ts); the plugin's `reactions` are carried into that
 * shape by plugin/export. Shapes follow @figma/rest-api-spec (Interaction, Action, Trigger, Transition) and
 * @figma/plugin-typings (Reaction, Action: `openInNewTab`, overlay settings), kept whole so that overlays, variant
 * changes and transitions can be built from the same model later.
 */

/** What sets an interaction off; `delay` / `timeout` in seconds as Figma gives them. */
export type Trigger =
  | { type: "ON_CLICK" | "ON_HOVER" | "ON_PRESS" | "ON_DRAG" }
  | { type: "AFTER_TIMEOUT"; timeout: number }
  | { type: "MOUSE_ENTER" | "MOUSE_LEAVE" | "MOUSE_UP" | "MOUSE_DOWN"; delay: number }
  | { type: "ON_KEY_DOWN"; keyCodes: number[] }
  | { type: "ON_MEDIA_HIT" | "ON_MEDIA_END" };

export type TriggerType = Trigger["type"];

export interface Easing {
  /** EASE_IN, EASE_OUT, LINEAR, GENTLE, CUSTOM_CUBIC_BEZIER, CUSTOM_SPRING, … */
  type: string;
  bezier?: [x1: number, y1: number, x2: number, y2: number];
  spring?: { mass: number; stiffness: number; damping: number };
}

export interface Transition {
  type: "DISSOLVE" | "SMART_ANIMATE" | "SCROLL_ANIMATE" | "MOVE_IN" | "MOVE_OUT" | "PUSH" | "SLIDE_IN" | "SLIDE_OUT";
  direction?: "LEFT" | "RIGHT" | "TOP" | "BOTTOM";
  /** Seconds. */
  duration: number;
  easing: Easing;
  matchLayers?: boolean;
}

export type Navigation = "NAVIGATE" | "SWAP" | "OVERLAY" | "SCROLL_TO" | "CHANGE_TO";

/** Figma's `openInNewTab` (plugin API) defaults to true: a prototype's URL opens in a new tab unless told not to. */
export type Action =
  | { type: "BACK" | "CLOSE" }
  | { type: "URL"; url: string; openInNewTab: boolean }
  | {
      type: "NODE";
      /** null: the designer's link points nowhere (a destination deleted or never set). */
      destinationId: string | null;
      navigation: Navigation;
      transition?: Transition;
      preserveScrollPosition?: boolean;
      /** OVERLAY at a manual position: its offset from the trigger, px. */
      overlayOffset?: [number, number];
    }
  /** Variables, conditionals, media: named so that a note can say what the code does not do. */
  | { type: "SET_VARIABLE" | "SET_VARIABLE_MODE" | "CONDITIONAL" | "UPDATE_MEDIA_RUNTIME" };

export interface Interaction {
  trigger: Trigger;
  actions: Action[];
}

export type OverlayPosition =
  | "CENTER"
  | "TOP_LEFT"
  | "TOP_CENTER"
  | "TOP_RIGHT"
  | "BOTTOM_LEFT"
  | "BOTTOM_CENTER"
  | "BOTTOM_RIGHT"
  | "MANUAL";

/** How a frame shows when opened as an overlay. */
export interface OverlaySettings {
  position: OverlayPosition;
  /** The backdrop's CSS colour; absent: none. */
  background?: string;
  closeOnOutsideClick: boolean;
}

/** Everything the prototype says of one layer; absent fields: nothing said. */
export interface LayerPrototype {
  interactions?: Interaction[];
  /** scrollBehavior FIXED / STICKY_SCROLLS (SCROLLS, the default, is not kept). */
  scroll?: "fixed" | "sticky";
  /** overflowDirection: the frame scrolls its content along these axes. */
  overflow?: "x" | "y" | "both";
  overlay?: OverlaySettings;
}

export interface FlowStart {
  nodeId: string;
  name: string;
}

/** A destination as the reply has it: the layer's name, whether it or an ancestor is hidden, whether it is a page's. */
export interface Destination {
  name: string;
  hidden: boolean;
  /** A top-level frame (of a page, or of the reply): what a navigation goes to. */
  topLevel: boolean;
}

export interface Prototype {
  /** By node id, the layers the prototype says anything of. */
  layers: Record<string, LayerPrototype>;
  /** The actions' destinations found anywhere in the reply, by id; one not here is not in the reply at all. */
  destinations: Record<string, Destination>;
  /** The reply is the whole file (a destination not in it is in no page); else a part of it (nodes, an export). */
  wholeFile: boolean;
  /** The flows' starting frames, in the file's order. */
  starts: FlowStart[];
}

/** The kinds interactions are counted and named by: trigger + what the action does. */
export function actionKind(action: Action): string {
  return action.type === "NODE" ? action.navigation : action.type;
}

/** Every interaction's actions with their layer id, in the model's order. */
export function* prototypeActions(
  prototype: Prototype,
): Generator<{ id: string; trigger: Trigger; action: Action }, void, undefined> {
  for (const [id, layer] of Object.entries(prototype.layers))
    for (const interaction of layer.interactions ?? [])
      for (const action of interaction.actions) yield { id, trigger: interaction.trigger, action };
}

/**
 * The triggers that hold a variant while they last (`CHANGE_TO` on them: an interactive component's state), with the
 * CSS pseudo-class of that state.
 */
/** A click that changes a layer to a variant of its set toggles it: once to the variant, again back (a toggle). */
export const TOGGLE_TRIGGER: TriggerType = "ON_CLICK";

export const VARIANT_STATES: Partial<Record<TriggerType, ":hover" | ":active">> = {
  ON_HOVER: ":hover",
  MOUSE_ENTER: ":hover",
  ON_PRESS: ":active",
  MOUSE_DOWN: ":active",
};
