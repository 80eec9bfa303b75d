/**
 * The prototype in the model hint (codegen/prototype): after the layers, one line per layer that links or scrolls,
 * by its Figma id, so that the model's code clicks through as the design does:
 *
 *   > 1:3 go:2:1            a click goes to frame 2:1's page (`in:dissolve:0.3:EASE_OUT`: with that transition)
 *   > 1:4 to:1:9            a click scrolls to layer 1:9
 *   > 1:5 url:"https://…" new   a click opens the address (in a new tab)
 *   > 2:2 back              a click goes back
 *   > 1:2 fixed             stays put when the page scrolls (sticky: sticks at the top)
 *   > 1:6 scroll:y          scrolls its content inside (x, y or both)
 *   > 7:2 hover:8:3 ease:0.2:EASE_OUT press:8:4    looks like variant 8:3 while hovered (8:4 while pressed), eased
 *   > 7:5 click:8:5         a click changes it to variant 8:5 and back (a toggle; a text field: while it has the focus)
 *   > 1:7 overlay:5:1 in:move_in-top:0.3:EASE_OUT   a click opens frame 5:1 as an overlay (brought in so; swap: for
 *                           the open overlay; `by:x,y`: at that offset from the layer), `close` closes the one it is in
 *   > 5:1 at:center backdrop:"rgba(0, 0, 0, 0.4)" outside   an overlay's place, backdrop, closed by a click outside
 *   > variants              the layers after it are those variants (and the ones the layers are instances of)
 *
 * Only what the code does is printed (links.ts, scrolling); the rest of the prototype is in the notes.
 */
import type { DesignNode } from "../design/types.js";
import { clickAction } from "../prototype/links.js";
import {
  VARIANT_STATES,
  type Action,
  type Easing,
  type Interaction,
  type LayerPrototype,
  type OverlayPosition,
  type OverlaySettings,
  type Prototype,
  prototypeActions,
  TOGGLE_TRIGGER,
  type Transition,
} from "../prototype/model.js";
import { quote, splitTokens, unquote } from "./tokens.js";
import { FigmentError } from "../../kernel/errors.js";

export const PROTOTYPE_MARK = ">";

/** `in:<type>[-<direction>]:<duration>:<curve>`: how a click's destination comes in (none when at once). */
function inToken(t: Transition | undefined): string[] {
  if (!t || t.duration <= 0) return [];
  const kind = `${t.type.toLowerCase()}${t.direction ? `-${t.direction.toLowerCase()}` : ""}`;
  return [`in:${kind}:${easeToken(t).slice("ease:".length)}`];
}

function linkToken(action: Action): string[] {
  if (action.type === "BACK") return ["back"];
  if (action.type === "CLOSE") return ["close"];
  if (action.type === "NODE" && (action.navigation === "OVERLAY" || action.navigation === "SWAP")) {
    const by = action.overlayOffset ? [`by:${action.overlayOffset.join(",")}`] : [];
    return [`${action.navigation.toLowerCase()}:${action.destinationId}`, ...inToken(action.transition), ...by];
  }
  if (action.type === "URL") return [`url:${quote(action.url)}`, ...(action.openInNewTab ? ["new"] : [])];
  // A page's transition too (the code plays it on the click: codegen/prototype/transitions.ts).
  if (action.type === "NODE" && action.destinationId !== null)
    return [
      `${action.navigation === "SCROLL_TO" ? "to" : "go"}:${action.destinationId}`,
      ...inToken(action.transition),
    ];
  return [];
}

/** The lines for the layers of `frames` (in the tree's order) that link, scroll, or take a variant's look. */
export function prototypeLines(
  frames: readonly DesignNode[],
  prototype: Prototype | undefined,
  variants: Readonly<Record<string, DesignNode>> = {},
): string[] {
  if (!prototype) return [];
  const lines: string[] = [];
  // The frames a click opens as an overlay: their settings are said (other frames' are Figma's defaults, unused).
  const overlays = new Set<string>();
  for (const { action } of prototypeActions(prototype))
    if (action.type === "NODE" && (action.navigation === "OVERLAY" || action.navigation === "SWAP"))
      overlays.add(action.destinationId ?? "");
  const visit = (node: DesignNode): void => {
    const layer = node.id ? prototype.layers[node.id] : undefined;
    if (layer) {
      const click = layer.interactions?.find((i) => i.trigger.type === "ON_CLICK");
      const action = click && clickAction(click.actions);
      const tokens = [
        ...(action ? linkToken(action) : []),
        ...(layer.scroll ? [layer.scroll] : []),
        ...(layer.overflow ? [`scroll:${layer.overflow}`] : []),
        ...(layer.overlay && overlays.has(node.id) ? overlayTokens(layer.overlay) : []),
        ...stateTokens(layer, variants),
      ];
      if (tokens.length > 0) lines.push([PROTOTYPE_MARK, node.id, ...tokens].join(" "));
    }
    for (const child of node.children ?? []) visit(child);
  };
  for (const frame of frames) visit(frame);
  return lines;
}

/** An overlay frame's settings: its place, its backdrop, whether a click outside closes it. */
function overlayTokens(settings: OverlaySettings): string[] {
  return [
    `at:${settings.position.toLowerCase()}`,
    ...(settings.background ? [`backdrop:${quote(settings.background)}`] : []),
    ...(settings.closeOnOutsideClick ? ["outside"] : []),
  ];
}

/** `in:<type>[-<direction>]:<duration>:<curve>` read back into a transition. */
function readIn(value: string): Transition | undefined {
  const colon = value.indexOf(":");
  const [type, direction] = value.slice(0, Math.max(colon, 0)).toUpperCase().split("-");
  const eased = readEase(value.slice(colon + 1));
  if (colon < 0 || !eased || !type) return undefined;
  return {
    ...eased,
    type: type as Transition["type"],
    ...(direction ? { direction: direction as NonNullable<Transition["direction"]> } : {}),
  };
}

const OVERFLOWS = new Set(["x", "y", "both"]);

/** The line that says the layers after it are the states' variants, not frames. */
export const VARIANTS_LINE = `${PROTOTYPE_MARK} variants`;

const STATE_WORDS: Record<string, string> = { ":hover": "hover", ":active": "press", click: "click" };

function easeToken(transition: Transition): string {
  const { easing } = transition;
  const curve = easing.bezier
    ? `bezier:${easing.bezier.join(",")}`
    : easing.spring
      ? `spring:${[easing.spring.mass, easing.spring.stiffness, easing.spring.damping].join(",")}`
      : easing.type;
  return `ease:${transition.duration}:${curve}`;
}

/**
 * A layer's hover, press and click variants the code draws (the variant printed after `> variants`), with their
 * easing: a click's is a toggle's checked look (a text field's focused look).
 */
function stateTokens(layer: LayerPrototype, variants: Readonly<Record<string, DesignNode>>): string[] {
  const out: string[] = [];
  const said = new Set<string>();
  for (const interaction of layer.interactions ?? []) {
    const state = interaction.trigger.type === TOGGLE_TRIGGER ? "click" : VARIANT_STATES[interaction.trigger.type];
    const action = interaction.actions.find(
      (a) =>
        a.type === "NODE" && a.navigation === "CHANGE_TO" && a.destinationId !== null && a.destinationId in variants,
    );
    if (!state || said.has(state) || action?.type !== "NODE") continue;
    said.add(state);
    out.push(`${STATE_WORDS[state]}:${action.destinationId}`);
    if (action.transition) out.push(easeToken(action.transition));
  }
  return out;
}

/** The trigger of each state's token, read back. */
const STATE_TRIGGERS: Readonly<Record<string, "ON_HOVER" | "ON_PRESS" | "ON_CLICK">> = {
  hover: "ON_HOVER",
  press: "ON_PRESS",
  click: "ON_CLICK",
};

function readEase(value: string): Transition | undefined {
  const [seconds, curve, numbers] = value.split(":");
  const duration = Number(seconds);
  if (!Number.isFinite(duration) || !curve) return undefined;
  const list = (numbers ?? "").split(",").map(Number);
  const easing: Easing =
    curve === "bezier" && list.length === 4
      ? { type: "CUSTOM_CUBIC_BEZIER", bezier: list as [number, number, number, number] }
      : curve === "spring" && list.length === 3
        ? { type: "CUSTOM_SPRING", spring: { mass: list[0]!, stiffness: list[1]!, damping: list[2]! } }
        : { type: curve };
  return { type: "SMART_ANIMATE", duration, easing };
}

/** One `>` line read back into `layers`. */
export function parsePrototypeLine(line: string, layers: Record<string, LayerPrototype>, lineNo: number): void {
  const [, id, ...tokens] = splitTokens(line);
  if (!id) throw new FigmentError("input", `line ${lineNo}: expected > <layer id> <link or scroll>`);
  const layer: LayerPrototype = {};
  const click = (action: Action): void => {
    layer.interactions = [{ trigger: { type: "ON_CLICK" }, actions: [action] }, ...(layer.interactions ?? [])];
  };
  for (const token of tokens) {
    const colon = token.indexOf(":");
    const key = colon < 0 ? token : token.slice(0, colon);
    const value = colon < 0 ? "" : token.slice(colon + 1);
    if (key === "back") click({ type: "BACK" });
    else if (key === "close") click({ type: "CLOSE" });
    else if ((key === "overlay" || key === "swap") && value !== "")
      click({ type: "NODE", destinationId: value, navigation: key === "overlay" ? "OVERLAY" : "SWAP" });
    else if (key === "in" && layer.interactions?.[0]?.actions[0]?.type === "NODE") {
      const transition = readIn(value);
      if (!transition) throw new FigmentError("input", `line ${lineNo}: ${token} is no transition`);
      layer.interactions[0].actions[0] = { ...layer.interactions[0].actions[0], transition };
    } else if (key === "by" && layer.interactions?.[0]?.actions[0]?.type === "NODE") {
      const [x, y] = value.split(",").map(Number);
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw new FigmentError("input", `line ${lineNo}: ${token}`);
      layer.interactions[0].actions[0] = { ...layer.interactions[0].actions[0], overlayOffset: [x!, y!] };
    } else if (key === "at")
      layer.overlay = {
        ...layer.overlay,
        position: value.toUpperCase() as OverlayPosition,
        closeOnOutsideClick: false,
      };
    else if (key === "backdrop" && layer.overlay) layer.overlay.background = unquote(value);
    else if (key === "outside" && layer.overlay) layer.overlay.closeOnOutsideClick = true;
    else if (key === "url") click({ type: "URL", url: unquote(value), openInNewTab: false });
    else if (key === "new" && layer.interactions?.[0]?.actions[0]?.type === "URL")
      layer.interactions[0].actions[0] = { ...layer.interactions[0].actions[0], openInNewTab: true };
    else if (key === "go" || key === "to")
      click({ type: "NODE", destinationId: value, navigation: key === "go" ? "NAVIGATE" : "SCROLL_TO" });
    else if (key === "fixed" || key === "sticky") layer.scroll = key;
    else if (key === "scroll" && OVERFLOWS.has(value))
      layer.overflow = value as NonNullable<LayerPrototype["overflow"]>;
    else if (key in STATE_TRIGGERS && value !== "") {
      const change: Interaction = {
        trigger: { type: STATE_TRIGGERS[key]! },
        actions: [{ type: "NODE", destinationId: value, navigation: "CHANGE_TO" }],
      };
      (layer.interactions ??= []).push(change);
    } else if (key === "ease" && layer.interactions) {
      const action = layer.interactions[layer.interactions.length - 1]!.actions[0];
      const transition = readEase(value);
      if (action?.type !== "NODE" || action.navigation !== "CHANGE_TO" || !transition)
        throw new FigmentError("input", `line ${lineNo}: ${token} follows no hover, press or click`);
      action.transition = transition;
    } else throw new FigmentError("input", `line ${lineNo}: unknown prototype token ${token}`);
  }
  layers[id] = layer;
}
