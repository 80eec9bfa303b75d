/**
 * Interactive components (issue 52): a layer that changes to another variant while hovered or pressed (`CHANGE_TO`
 * on ON_HOVER, MOUSE_ENTER or ON_PRESS) looks like that variant then — the same elements, with the variant's
 * differences (paints, text, corners, shadows, opacity, sizes) as `:hover` / `:active` rules, eased by the design's
 * transition. Layers are matched as Figma's smart animate matches them: by name, among their siblings in order.
 */
import type { DesignDocument, DesignNode } from "../design/types.js";
import { allDrawings } from "../design/drawings.js";
import { TOGGLE_TRIGGER, VARIANT_STATES, type Prototype, type Transition } from "../prototype/model.js";
import { type AssetUrls, type Decl, ownDecls } from "./css.js";
import type { Sheet, VNode } from "./vnode.js";
import { transitionValue } from "./motion.js";
import { fieldTexts } from "./forms.js";

/**
 * The pseudo-class a trigger holds the variant for: while the pointer is over the layer, or while it is pressed;
 * `:checked`, a click's toggle: from one click to the next (its selector is the target's: `StatePlan.toggle`);
 * `:focus-within`, a text field's click: while its input has the focus (the element is the input's wrapper).
 */
export type VariantState = ":hover" | ":active" | ":checked" | ":focus-within";

export interface StateChange {
  state: VariantState;
  variant: DesignNode;
  /** The variant the layer is an instance of (or the layer itself, a variant): what the sizes change from. */
  main?: DesignNode;
  transition?: Transition;
}

/** The variant changes `id`'s hover and press make, when the variant is in the design (`variants`). */
export function stateChanges(
  prototype: Prototype | undefined,
  variants: Readonly<Record<string, DesignNode>> | undefined,
  node: Pick<DesignNode, "id" | "component"> | DesignNode,
  toggles = false,
): StateChange[] {
  const out: StateChange[] = [];
  if (!prototype || !variants) return out;
  const main = node.component ? variants[node.component.id] : undefined;
  // A text field's click changes it to its focused look: no toggle, the field stays an input (forms.ts) and draws
  // at the design width as without its prototype (a toggle's checkbox took the input's place); the look is its
  // wrapper's while the input has the focus, in every target (plain CSS).
  const field = "kind" in node && fieldTexts(node).length > 0;
  for (const interaction of prototype.layers[node.id]?.interactions ?? []) {
    const clicked = interaction.trigger.type === TOGGLE_TRIGGER;
    // A click toggles a layer drawn from a variant (an instance of one, or one itself) to another of the design's.
    const toggle = toggles && !field && main !== undefined && clicked;
    const state = field && clicked ? ":focus-within" : toggle ? ":checked" : VARIANT_STATES[interaction.trigger.type];
    if (!state || out.some((c) => c.state === state)) continue;
    for (const action of interaction.actions) {
      if (action.type !== "NODE" || action.navigation !== "CHANGE_TO" || action.destinationId === null) continue;
      const variant = variants[action.destinationId];
      if (!variant) continue;
      out.push({
        state,
        variant,
        ...(main ? { main } : {}),
        ...(action.transition ? { transition: action.transition } : {}),
      });
      break;
    }
  }
  // Pressed is hovered too: the press's rules come after the hover's, and win; a toggle's come first; a focused
  // field's look wins over its hover's.
  const rank = { ":checked": 0, ":hover": 1, ":focus-within": 2, ":active": 3 } as const;
  return out.sort((a, b) => rank[a.state] - rank[b.state]);
}

/** A layer's children as drawn: the wrappers layout inference added stand for no layer, their children do. */
const drawnChildren = (node: DesignNode): DesignNode[] =>
  (node.children ?? []).flatMap((c) => (c.inferred ? drawnChildren(c) : [c]));

/** `a`'s layers with `b`'s that match them (same name, same place among the siblings of that name), `a` first. */
export function matchLayers(a: DesignNode, b: DesignNode): [DesignNode, DesignNode][] {
  const out: [DesignNode, DesignNode][] = [[a, b]];
  const seen = new Map<string, number>();
  const others = drawnChildren(b);
  for (const child of drawnChildren(a)) {
    const n = seen.get(child.name) ?? 0;
    seen.set(child.name, n + 1);
    const match = others.filter((o) => o.name === child.name)[n];
    if (match && !child.hidden && !match.hidden) out.push(...matchLayers(child, match));
  }
  return out;
}

/** A layer a variant has that no layer drawn matches: drawn hidden inside `under`'s element, shown in the state. */
export interface AddedLayer {
  /** The variant's layer it is a child of (its place is in that layer's layout). */
  parent: DesignNode;
  child: DesignNode;
  /** Its index among `parent`'s children as drawn. */
  index: number;
}

/**
 * The layers `variant` adds to `node` (by the id of the layer of `node` they go in) and the ids of the layers of `node`
 * it has not (the radio's dot, an input's floating label): matched as matchLayers matches them.
 */
export function layersApart(
  node: DesignNode,
  variant: DesignNode,
): { added: Map<string, AddedLayer[]>; dropped: string[] } {
  const added = new Map<string, AddedLayer[]>();
  const dropped: string[] = [];
  const walk = (a: DesignNode, b: DesignNode): void => {
    const ours = drawnChildren(a);
    const theirs = drawnChildren(b);
    const matched = new Set<DesignNode>();
    const seen = new Map<string, number>();
    for (const child of ours) {
      const n = seen.get(child.name) ?? 0;
      seen.set(child.name, n + 1);
      const match = theirs.filter((o) => o.name === child.name)[n];
      if (child.hidden) continue;
      if (match && !match.hidden) {
        matched.add(match);
        walk(child, match);
      } else dropped.push(child.id);
    }
    const extra = theirs.flatMap((child, index) =>
      matched.has(child) || child.hidden ? [] : [{ parent: b, child, index }],
    );
    if (extra.length > 0) added.set(a.id, extra);
  };
  walk(node, variant);
  return { added, dropped };
}

/** What a layer's look is made of (not its layout, which the variant shares): the properties a state may change. */
const LOOK = new RegExp(
  "^(?:background(?:-.+)?|color|border(?:-.+)?|box-shadow|opacity|filter|backdrop-filter|mix-blend-mode|font-.+|" +
    "letter-spacing|text-decoration(?:-.+)?|text-transform|text-shadow|outline(?:-.+)?|-webkit-text-stroke)$",
);

/** The value that takes away what the variant does not have. */
function none(prop: string): string | undefined {
  if (prop === "opacity") return "1";
  if (prop === "background-color" || prop === "border-color" || prop === "color") return "transparent";
  if (/^border-.*radius$/.test(prop)) return "0";
  if (/^(?:background(?:-image)?|box-shadow|filter|backdrop-filter|text-shadow|border|outline)$/.test(prop))
    return "none";
  return undefined;
}

/**
 * `to`'s look where it differs from `from`'s, and its size where it differs from `main`'s (the variant `from` is drawn
 * from: an instance resized keeps its size, a variant sized otherwise has its own; a text's box is its content's), as
 * declarations; `also`: properties given `to`'s value whatever `from`'s (a state above another's undoes that one's).
 */
export function lookChange(
  from: DesignNode,
  to: DesignNode,
  urls: AssetUrls,
  main?: DesignNode,
  also: readonly string[] = [],
): Decl[] {
  const look = (node: DesignNode): Map<string, string> =>
    new Map(ownDecls(node, urls, false).filter(([p]) => LOOK.test(p)));
  const before = look(from);
  const after = look(to);
  const out: Decl[] = [];
  for (const [prop, value] of after) if (before.get(prop) !== value || also.includes(prop)) out.push([prop, value]);
  for (const prop of new Set([...before.keys(), ...also])) {
    if (after.has(prop)) continue;
    const value = none(prop);
    if (value !== undefined) out.push([prop, value]);
  }
  if (from.kind === "text" || !main) return out;
  if (Math.abs(main.w - to.w) >= 0.5 || also.includes("width")) out.push(["width", `${round(to.w)}px`]);
  if (Math.abs(main.h - to.h) >= 0.5 || also.includes("height")) out.push(["height", `${round(to.h)}px`]);
  return out;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** The `transition` of an element whose `props` a state changes: the design's duration and easing. */
export function stateTransition(props: readonly string[], transition: Transition | undefined): Decl[] {
  if (!transition || transition.duration <= 0 || props.length === 0) return [];
  const timing = transitionValue(transition);
  return [["transition", [...new Set(props)].map((p) => `${p} ${timing}`).join(", ")]];
}

/** The classes of a tree's elements by layer id, as it is built, and the variant changes of each layer. */
/**
 * How a target draws a click's toggle: HTML a checkbox (`checkbox`: no script; the element is a `<label>` around a
 * hidden `<input type="checkbox">`, its state `:has(> input:checked)`), React a button's state (`pressed`:
 * `useState`, `aria-pressed`, its state `[aria-pressed="true"]`).
 */
export type ToggleKind = "checkbox" | "pressed";

export const TOGGLE_SELECTOR: Record<ToggleKind, string> = {
  checkbox: ":has(> input:checked)",
  pressed: '[aria-pressed="true"]',
};

export interface StatePlan {
  changes(node: DesignNode): StateChange[];
  classes: Map<string, string>;
  /** How this target draws toggles; undefined: it draws none (a note names them). */
  toggle?: ToggleKind;
  /** React: the state of each toggle drawn in the file, in order (`pressed`, `pressed2`, …). */
  toggles: string[];
  /** The layers a toggle's variant adds, by the id of the layer drawn they go in (set as the toggle is built). */
  added: Map<string, AddedLayer[]>;
  /**
   * Layers drawn as an element a reader focuses or types in (a field, a button, a link) or holding one: a hover's,
   * press's or focus's variant without them never hides them (a focused field hidden loses its focus and its typing).
   */
  holdsFocus: Set<string>;
}

/**
 * Whether a layer `doc` draws changes to a variant in some state (hover, press, click): only then does its CSS turn
 * the transitions off for a reader who asks for less motion. The design's variants are the whole file's, a frame
 * converted alone may draw none of them (nor does its hint then carry them).
 */
export function drawsStates(doc: DesignDocument): boolean {
  if (!doc.variants) return false;
  const changes = (node: DesignNode): boolean =>
    stateChanges(doc.prototype, doc.variants, node, true).length > 0 || (node.children ?? []).some(changes);
  return allDrawings(doc).some(changes);
}

/** The plan of a design's hover, press (and, with `toggle`, click) variants (one plan per file built). */
export function statePlan(
  doc: { prototype?: Prototype; variants?: Readonly<Record<string, DesignNode>> },
  toggle?: ToggleKind,
): StatePlan {
  return {
    changes: (node) => stateChanges(doc.prototype, doc.variants, node, toggle !== undefined),
    classes: new Map(),
    ...(toggle ? { toggle } : {}),
    toggles: [],
    added: new Map(),
    holdsFocus: new Set(),
  };
}

/** The selector of a change's state in a target: its pseudo-class, or a toggle's (TOGGLE_SELECTOR). */
const selectorOf = (state: VariantState, toggle: ToggleKind | undefined): string =>
  state === ":checked" ? TOGGLE_SELECTOR[toggle ?? "checkbox"] : state;

/**
 * The rules that draw `node` (its element has class `cls`, its layers' elements theirs in `classes`) as each
 * variant while in its state: `.cls:hover`, `.layer:is(.cls:hover *)` (Tailwind: `hover:`, a named group's
 * `group-hover/cls:`), each changed element easing its change. Returns the layers whose change has no element to go
 * on (drawn by another file, or with no class).
 */
export function addStateRules(
  node: DesignNode,
  cls: string,
  changes: readonly StateChange[],
  sheet: Sheet,
  states: Pick<StatePlan, "classes" | "toggle" | "added" | "holdsFocus">,
  urls: AssetUrls,
): number {
  const { classes, toggle } = states;
  let missed = 0;
  const eased = new Map<string, { props: string[]; transition?: Transition }>();
  /** What the states so far set of each layer: a later state (pressed, over hovered) sets it too. */
  const set = new Map<string, string[]>();
  for (const change of changes) {
    const mains = new Map(change.main ? matchLayers(change.main, change.variant).map(([m, v]) => [v, m]) : []);
    for (const [layer, variant] of matchLayers(node, change.variant)) {
      const decls = lookChange(layer, variant, urls, mains.get(variant), set.get(layer.id));
      if (decls.length === 0) continue;
      set.set(layer.id, [...(set.get(layer.id) ?? []), ...decls.map(([p]) => p)]);
      const target = layer === node ? cls : classes.get(layer.id);
      if (target === undefined || !sheet.rules.has(target)) {
        missed++;
        continue;
      }
      const selector = selectorOf(change.state, toggle);
      if (target === cls) sheet.addPseudo(cls, selector, decls);
      else {
        sheet.addPseudo(target, `:is(.${cls}${selector} *)`, decls);
        sheet.groups.add(cls);
      }
      const entry = eased.get(target) ?? { props: [] };
      entry.props.push(...decls.map(([p]) => p));
      if (change.transition) entry.transition = change.transition;
      eased.set(target, entry);
    }
  }
  // A layer a state before adds (hovered) and this one has not (pressed, which is hovered too) is hidden in this one.
  const before = new Set<string>();
  for (const change of changes) {
    const within = `:is(.${cls}${selectorOf(change.state, toggle)} *)`;
    const shown = showApart(node, cls, within, change, sheet, states);
    for (const target of before) if (!shown.has(target)) sheet.addPseudo(target, within, [["display", "none"]]);
    if (change.state !== ":checked") for (const target of shown) before.add(target);
  }
  for (const [target, { props, transition }] of eased) {
    const decls = stateTransition(props, transition);
    if (decls.length > 0) sheet.rules.get(target)!.push(...decls);
  }
  return missed;
}

/**
 * A state's variant's own layers (layersApart): the ones it adds, drawn hidden (buildNode; `added`: the ones drawn,
 * one element for a name two states add), are shown in its state, the ones it has not are hidden then.
 */
function showApart(
  node: DesignNode,
  group: string,
  within: string,
  change: StateChange,
  sheet: Sheet,
  { classes, added, holdsFocus }: Pick<StatePlan, "classes" | "added" | "holdsFocus">,
): Set<string> {
  const shownHere = new Set<string>();
  const apart = layersApart(node, change.variant);
  const dropped = apart.dropped.filter((id) => change.state === ":checked" || !holdsFocus.has(id));
  for (const id of dropped) {
    const target = classes.get(id);
    if (target !== undefined) sheet.addPseudo(target, within, [["display", "none"]]);
  }
  for (const [under, layers] of apart.added)
    for (const { child } of layers) {
      const drawn = added?.get(under)?.find((l) => l.child.name === child.name)?.child ?? child;
      const target = classes.get(drawn.id);
      const rule = target === undefined ? undefined : sheet.rules.get(target);
      if (!rule) continue;
      sheet.addPseudo(target!, within, [["display", hiddenDisplay(rule)]]);
      shownHere.add(target!);
    }
  if (dropped.length > 0 || shownHere.size > 0) sheet.groups.add(group);
  return shownHere;
}

/** The display an added layer's element had before it was hidden (by the first state that shows it). */
const shownDisplays = new WeakMap<Decl[], string>();

/** Hides an added layer's element by default (once) and returns its display when shown. */
function hiddenDisplay(rule: Decl[]): string {
  const known = shownDisplays.get(rule);
  if (known !== undefined) return known;
  // Without a display of its own, the element's (`revert`: a div's block, a span's inline).
  const shown = rule.find(([p]) => p === "display")?.[1] ?? "revert";
  const at = rule.findIndex(([p]) => p === "display");
  if (at >= 0) rule.splice(at, 1);
  rule.push(["display", "none"]);
  shownDisplays.set(rule, shown);
  return shown;
}

/** The state of each toggle of a file's markup (`aria-pressed={pressed}`), in order. */
export function toggleNames(tree: VNode): string[] {
  const out: string[] = [];
  const walk = (node: VNode): void => {
    if (node.type === "if") walk(node.child);
    if (node.type !== "element") return;
    const name = node.reactAttrs?.find(([a]) => a === "aria-pressed")?.[1];
    if (name) out.push(name);
    node.children.forEach(walk);
  };
  walk(tree);
  return out;
}

/** React: the state of each toggle of a file's markup, declared at the top of the file. */
export function toggleHooks(tree: VNode): { imports: string[]; locals: string[] } {
  const out = toggleNames(tree).map(
    (name) => `  const [${name}, set${name[0]!.toUpperCase()}${name.slice(1)}] = useState(false);`,
  );
  return { imports: out.length > 0 ? ["useState"] : [], locals: out };
}

/** React and Vue: whether a layer is a toggle (its click changes it to a variant), drawn on its screen. */
export function toggledOf(
  doc: { prototype?: Prototype; variants?: Readonly<Record<string, DesignNode>> },
  modules: boolean,
): ((node: DesignNode) => boolean) | undefined {
  if (!doc.variants || !modules) return undefined;
  return (node) => stateChanges(doc.prototype, doc.variants, node, true).some((c) => c.state === ":checked");
}
