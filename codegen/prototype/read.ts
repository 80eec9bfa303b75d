/**
 * Reading the prototype (model.ts) from a REST reply: every layer's `interactions`, the older `transitionNodeID` /
 * `transitionDuration` / `transitionEasing` (a click that navigates, kept by files saved before interactions), the
 * overlay and scroll settings, and the pages' `flowStartingPoints`. Real files are read defensively: an action or a
 * trigger of an unknown shape is left out, never guessed.
 */
import { isRecord, type RestNode } from "../rest/reply.js";
import { finite, str } from "../rest/values.js";
import type {
  Action,
  Destination,
  Easing,
  FlowStart,
  Interaction,
  LayerPrototype,
  Navigation,
  OverlayPosition,
  OverlaySettings,
  Prototype,
  Transition,
  Trigger,
} from "./model.js";

const SIMPLE_TRIGGERS = new Set(["ON_CLICK", "ON_HOVER", "ON_PRESS", "ON_DRAG", "ON_MEDIA_END", "ON_MEDIA_HIT"]);
const MOUSE_TRIGGERS = new Set(["MOUSE_ENTER", "MOUSE_LEAVE", "MOUSE_UP", "MOUSE_DOWN"]);
const NAVIGATIONS = new Set<string>(["NAVIGATE", "SWAP", "OVERLAY", "SCROLL_TO", "CHANGE_TO"]);
const TRANSITIONS = new Set<string>([
  "DISSOLVE",
  "SMART_ANIMATE",
  "SCROLL_ANIMATE",
  "MOVE_IN",
  "MOVE_OUT",
  "PUSH",
  "SLIDE_IN",
  "SLIDE_OUT",
]);
const DIRECTIONS = new Set<string>(["LEFT", "RIGHT", "TOP", "BOTTOM"]);
const UNSUPPORTED = new Set<string>(["SET_VARIABLE", "SET_VARIABLE_MODE", "CONDITIONAL", "UPDATE_MEDIA_RUNTIME"]);
const POSITIONS = new Set<string>([
  "CENTER",
  "TOP_LEFT",
  "TOP_CENTER",
  "TOP_RIGHT",
  "BOTTOM_LEFT",
  "BOTTOM_CENTER",
  "BOTTOM_RIGHT",
  "MANUAL",
]);
const OVERFLOW: Record<string, LayerPrototype["overflow"]> = {
  HORIZONTAL_SCROLLING: "x",
  VERTICAL_SCROLLING: "y",
  HORIZONTAL_AND_VERTICAL_SCROLLING: "both",
};

export function readTrigger(raw: unknown): Trigger | undefined {
  if (!isRecord(raw)) return undefined;
  const type = str(raw["type"]);
  if (type === undefined) return undefined;
  if (SIMPLE_TRIGGERS.has(type)) return { type } as Trigger;
  // Files saved by older versions name a drag `DRAG`.
  if (type === "DRAG") return { type: "ON_DRAG" };
  if (type === "AFTER_TIMEOUT") return { type, timeout: finite(raw["timeout"]) ?? 0 };
  if (MOUSE_TRIGGERS.has(type)) return { type, delay: finite(raw["delay"]) ?? 0 } as Trigger;
  if (type === "ON_KEY_DOWN") {
    const codes = Array.isArray(raw["keyCodes"]) ? raw["keyCodes"].filter((c) => typeof c === "number") : [];
    return { type, keyCodes: codes };
  }
  return undefined;
}

function readEasing(raw: unknown): Easing {
  if (!isRecord(raw)) return { type: "EASE_OUT" };
  const easing: Easing = { type: str(raw["type"]) ?? "EASE_OUT" };
  const b = raw["easingFunctionCubicBezier"];
  if (isRecord(b)) {
    const [x1, y1, x2, y2] = ["x1", "y1", "x2", "y2"].map((k) => finite(b[k]));
    if (x1 !== undefined && y1 !== undefined && x2 !== undefined && y2 !== undefined) easing.bezier = [x1, y1, x2, y2];
  }
  const s = raw["easingFunctionSpring"];
  if (isRecord(s)) {
    const [mass, stiffness, damping] = ["mass", "stiffness", "damping"].map((k) => finite(s[k]));
    if (mass !== undefined && stiffness !== undefined && damping !== undefined)
      easing.spring = { mass, stiffness, damping };
  }
  return easing;
}

export function readTransition(raw: unknown): Transition | undefined {
  if (!isRecord(raw)) return undefined;
  const type = str(raw["type"]);
  if (type === undefined || !TRANSITIONS.has(type)) return undefined;
  const transition: Transition = {
    type: type as Transition["type"],
    duration: finite(raw["duration"]) ?? 0,
    easing: readEasing(raw["easing"]),
  };
  const direction = str(raw["direction"]);
  if (direction !== undefined && DIRECTIONS.has(direction))
    transition.direction = direction as NonNullable<Transition["direction"]>;
  if (typeof raw["matchLayers"] === "boolean") transition.matchLayers = raw["matchLayers"];
  return transition;
}

export function readAction(raw: unknown): Action | undefined {
  if (!isRecord(raw)) return undefined;
  const type = str(raw["type"]);
  if (type === "BACK" || type === "CLOSE") return { type };
  if (type === "URL") {
    const url = str(raw["url"]);
    // The plugin API's default: a prototype's link opens a new tab unless told otherwise.
    return url === undefined ? undefined : { type, url, openInNewTab: raw["openInNewTab"] !== false };
  }
  if (type !== undefined && UNSUPPORTED.has(type)) return { type } as Action;
  if (type !== "NODE") return undefined;
  const navigation = str(raw["navigation"]) ?? "NAVIGATE";
  if (!NAVIGATIONS.has(navigation)) return undefined;
  const destination = str(raw["destinationId"]);
  const action: Extract<Action, { type: "NODE" }> = {
    type,
    destinationId: destination ?? null,
    navigation: navigation as Navigation,
  };
  const transition = readTransition(raw["transition"]);
  if (transition) action.transition = transition;
  if (raw["preserveScrollPosition"] === true) action.preserveScrollPosition = true;
  const offset = raw["overlayRelativePosition"];
  if (isRecord(offset)) {
    const x = finite(offset["x"]);
    const y = finite(offset["y"]);
    if (x !== undefined && y !== undefined) action.overlayOffset = [x, y];
  }
  return action;
}

function readInteractions(node: RestNode): Interaction[] {
  const out: Interaction[] = [];
  const raw = node["interactions"] ?? node["reactions"];
  if (Array.isArray(raw))
    for (const item of raw) {
      if (!isRecord(item)) continue;
      const trigger = readTrigger(item["trigger"]);
      const list = Array.isArray(item["actions"]) ? item["actions"] : item["action"] ? [item["action"]] : [];
      const actions = list.map(readAction).filter((a): a is Action => a !== undefined);
      if (trigger && actions.length > 0) out.push({ trigger, actions });
    }
  // Files saved before interactions: one click that navigates, its transition beside it.
  const legacy = str(node["transitionNodeID"]);
  if (out.length === 0 && legacy !== undefined) {
    const duration = finite(node["transitionDuration"]);
    const action: Action = { type: "NODE", destinationId: legacy, navigation: "NAVIGATE" };
    if (duration !== undefined && duration > 0)
      // The older fields give milliseconds; interactions give seconds.
      action.transition = { type: "DISSOLVE", duration: duration / 1000, easing: readEasing(node["transitionEasing"]) };
    out.push({ trigger: { type: "ON_CLICK" }, actions: [action] });
  }
  return out;
}

/** A backdrop's RGBA (0–1 each) as CSS `rgba()`. */
function backdropColor(raw: unknown): string | undefined {
  if (!isRecord(raw)) return undefined;
  const [r, g, b] = ["r", "g", "b"].map((k) => Math.round((finite(raw[k]) ?? 0) * 255));
  const a = Math.round((finite(raw["a"]) ?? 1) * 1000) / 1000;
  return `rgba(${r}, ${g}, ${b}, ${a})`;
}

function readOverlay(node: RestNode): OverlaySettings | undefined {
  const position = str(node["overlayPositionType"]);
  if (position === undefined || !POSITIONS.has(position)) return undefined;
  const settings: OverlaySettings = {
    position: position as OverlayPosition,
    closeOnOutsideClick: node["overlayBackgroundInteraction"] === "CLOSE_ON_CLICK_OUTSIDE",
  };
  const background = node["overlayBackground"];
  if (isRecord(background) && background["type"] === "SOLID_COLOR") {
    const color = backdropColor(background["color"]);
    if (color) settings.background = color;
  }
  return settings;
}

function readLayer(node: RestNode): LayerPrototype | undefined {
  const layer: LayerPrototype = {};
  const interactions = readInteractions(node);
  if (interactions.length > 0) layer.interactions = interactions;
  const scroll = node["scrollBehavior"];
  if (scroll === "FIXED") layer.scroll = "fixed";
  else if (scroll === "STICKY_SCROLLS") layer.scroll = "sticky";
  const overflow = OVERFLOW[str(node["overflowDirection"]) ?? ""];
  if (overflow) layer.overflow = overflow;
  const overlay = readOverlay(node);
  if (overlay) layer.overlay = overlay;
  return Object.keys(layer).length > 0 ? layer : undefined;
}

/** The pages' flow starting points (a whole-file reply), or a page's older `prototypeStartNodeID`. */
function readStarts(json: unknown): FlowStart[] {
  const starts: FlowStart[] = [];
  const doc = isRecord(json) && isRecord(json["document"]) ? json["document"] : json;
  const pages = isRecord(doc) && doc["type"] === "DOCUMENT" && Array.isArray(doc["children"]) ? doc["children"] : [doc];
  for (const page of pages) {
    if (!isRecord(page) || page["type"] !== "CANVAS") continue;
    const points = Array.isArray(page["flowStartingPoints"]) ? page["flowStartingPoints"] : [];
    for (const p of points) {
      const nodeId = isRecord(p) ? str(p["nodeId"]) : undefined;
      if (nodeId !== undefined) starts.push({ nodeId, name: (isRecord(p) && str(p["name"])) || "Flow" });
    }
    const old = str(page["prototypeStartNodeID"]);
    if (points.length === 0 && old !== undefined) starts.push({ nodeId: old, name: "Flow" });
  }
  return starts;
}

function destinationIds(layers: Record<string, LayerPrototype>, starts: readonly FlowStart[]): Set<string> {
  const ids = new Set(starts.map((s) => s.nodeId));
  for (const layer of Object.values(layers))
    for (const interaction of layer.interactions ?? [])
      for (const action of interaction.actions)
        if (action.type === "NODE" && action.destinationId !== null) ids.add(action.destinationId);
  return ids;
}

/** Where the destinations are in the whole reply (`all`: its top-level nodes), hidden or not. */
function findDestinations(all: readonly RestNode[], wanted: Set<string>): Record<string, Destination> {
  const found: Record<string, Destination> = {};
  const stack: [RestNode, boolean, boolean][] = all.map((n) => [n, false, true]);
  while (stack.length > 0 && Object.keys(found).length < wanted.size) {
    const [node, hiddenAbove, topLevel] = stack.pop()!;
    const hidden = hiddenAbove || node["visible"] === false;
    if (wanted.has(node.id)) found[node.id] = { name: node.name, hidden, topLevel };
    if (node.children) for (const child of node.children) if (isRecord(child)) stack.push([child, hidden, false]);
  }
  return found;
}

/**
 * The prototype of `roots` (the nodes converted) and what they hold, with its destinations looked up in `all` (the
 * reply's top-level nodes: a link may go to a frame not converted); undefined when it says nothing.
 */
export function readPrototype(
  json: unknown,
  roots: readonly RestNode[],
  all: readonly RestNode[],
): Prototype | undefined {
  const layers: Record<string, LayerPrototype> = {};
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const layer = readLayer(node);
    if (layer) layers[node.id] = layer;
    if (node.children) for (const child of node.children) if (isRecord(child)) stack.push(child);
  }
  const starts = readStarts(json);
  if (Object.keys(layers).length === 0 && starts.length === 0) return undefined;
  const doc = isRecord(json) ? json["document"] : undefined;
  const wholeFile = isRecord(doc) && doc["type"] === "DOCUMENT";
  return { layers, destinations: findDestinations(all, destinationIds(layers, starts)), wholeFile, starts };
}
