/**
 * Form fields from the design's shapes: a box of input proportions (filled or outlined, itself or by a
 * background shape) whose single-line, left-aligned texts read as field placeholders ("Email address",
 * "Password", "Search…", "Enter your name") or whose name says input. Each such text becomes an
 * `<input>` with that text as its placeholder (or value), drawn where the text was. A short text just above
 * or left of the box labels it (`<label for>`); else a box with one field becomes its `<label>`, so a click
 * anywhere in it focuses the field, and the field is named by aria-label.
 */
import { flexOf } from "../design/layout-kind.js";
import type { DesignNode } from "../design/types.js";
import { kebabCase, NameScope } from "./names.js";

export interface Field {
  type: "text" | "email" | "password" | "search" | "tel" | "url";
  /** The design's text: a placeholder where it reads as one, else the value the design shows. */
  placeholder?: string;
  value?: string;
  /** `id` for a visible `<label for>`; undefined where the field is named by aria-label. */
  id?: string;
  ariaLabel?: string;
}

export interface FormPlan {
  /** Text layers drawn as an input, by node id. */
  inputs: Map<string, Field>;
  /** Boxes holding exactly one field and no visible label: drawn as its `<label>`. */
  wrappers: Set<string>;
  /** Every field box (those not wrappers stay a `<div>`, whatever their name). */
  boxes: Set<string>;
  /** Label text layers → the id of the input they name. */
  labels: Map<string, string>;
}

const NAMED_INPUT =
  /\b(input|text ?field|textbox|text ?area|search ?(bar|field|box)|e-?mail ?field|password ?field|form ?field)\b/i;
const FIELD_WORDS = new RegExp(
  String.raw`\b(e-?mail|password|passcode|user ?name|login|search|phone( ` +
    "number)?|mobile( number)?|telephone|first name|last name|full " +
    String.raw`name|your name|website|url|card number|zip( code)?|postal code)\b`,
  "i",
);
const PLACEHOLDER_WORDS = /^(enter|type|search|write|add|your|e\.g\.)\b|(…|\.\.\.)$/i;
/** Not text fields: choosers drawn as a box with a text (a select is not an input). */
const CHOOSER = /\b(select|dropdown|drop-down|picker|combo ?box|menu)\b/i;
const CONTAINER = new Set(["frame", "group", "component", "instance"]);
const DECOR = new Set(["rect", "line", "vector", "boolean", "ellipse"]);

const visible = (n: DesignNode): DesignNode[] => (n.children ?? []).filter((c) => !c.hidden);
const painted = (n: DesignNode): boolean => (n.fills ?? []).length > 0 || n.stroke !== undefined;

export function fieldType(words: string): Field["type"] {
  if (/\b(password|passcode)\b/i.test(words)) return "password";
  if (/\be-?mail\b|@/i.test(words)) return "email";
  if (/\bsearch\b/i.test(words)) return "search";
  if (/\b(phone|mobile|telephone|tel)\b/i.test(words)) return "tel";
  if (/\b(website|url)\b/i.test(words)) return "url";
  return "text";
}

/** A single-line, left-aligned, short text: what a placeholder looks like. */
function placeholderShaped(t: DesignNode): boolean {
  const text = t.text;
  return (
    !!text &&
    !text.chars.includes("\n") &&
    text.chars.trim().length > 0 &&
    text.chars.length <= 60 &&
    text.alignH === "left" &&
    text.style.decoration !== "underline"
  );
}

/** The text says what to type ("Email address", "Search…"), rather than showing a typed value. */
function readsAsPlaceholder(t: DesignNode): boolean {
  const chars = t.text!.chars.trim();
  return FIELD_WORDS.test(chars) || PLACEHOLDER_WORDS.test(chars);
}

/** Does the text read as a field, on its own or through the box's name? */
function readsAsField(t: DesignNode, box: DesignNode): boolean {
  if (CHOOSER.test(box.name) || CHOOSER.test(t.text!.chars)) return false;
  return NAMED_INPUT.test(box.name) || NAMED_INPUT.test(t.name) || readsAsPlaceholder(t);
}

/** The placeholder texts of a field box, or [] when the node is not one. */
export function fieldTexts(box: DesignNode): DesignNode[] {
  if (!CONTAINER.has(box.kind)) return [];
  // Most boxes hold no text of their own: said before any list is made (planForm asks of every layer).
  if (!box.children?.some((c) => c.kind === "text" && !c.hidden)) return [];
  const children = visible(box);
  const texts = children.filter((c) => c.kind === "text");
  if (texts.length === 0 || texts.length > 4) return [];
  // Only texts, shapes (background, separators, icons) and small icon groups without text.
  const smallIcon = (c: DesignNode): boolean =>
    CONTAINER.has(c.kind) && !visible(c).some((g) => g.kind === "text") && c.h <= 32 && c.w <= 32;
  const empty = (c: DesignNode): boolean => CONTAINER.has(c.kind) && visible(c).length === 0;
  if (!children.every((c) => c.kind === "text" || DECOR.has(c.kind) || smallIcon(c) || empty(c))) return [];
  const covers = (c: DesignNode): boolean =>
    (c.kind === "rect" || c.kind === "vector") && painted(c) && c.w * c.h >= 0.9 * box.w * box.h;
  if (!painted(box) && !children.some(covers)) return [];
  const row = box.h / texts.length;
  if (row < 20 || row > 72 || box.w < 2 * row || box.w < 80) return [];
  if (!texts.every((t) => placeholderShaped(t) && readsAsField(t, box))) return [];
  return texts;
}

/** A short text just above the box (or just left of it, on its row) that names it. */
function labelFor(box: DesignNode, parent: DesignNode): DesignNode | undefined {
  const siblings = visible(parent);
  const shortText = (t: DesignNode): boolean =>
    t.kind === "text" && !!t.text && !t.text.chars.includes("\n") && t.text.chars.length <= 40 && t !== box;
  const flex = flexOf(parent);
  if (flex) {
    // In auto layout the label is the sibling just before the box in the flow.
    const before = siblings[siblings.indexOf(box) - 1];
    return before && shortText(before) && !before.absolute && flex.gap <= 16 ? before : undefined;
  }
  if (box.x === undefined || box.y === undefined) return undefined;
  return siblings.find((t) => {
    if (!shortText(t) || t.x === undefined || t.y === undefined) return false;
    const above = box.y! - (t.y + t.h) >= -1 && box.y! - (t.y + t.h) <= 16 && Math.abs(t.x - box.x!) <= 16;
    const left =
      box.x! - (t.x + t.w) >= 0 &&
      box.x! - (t.x + t.w) <= 24 &&
      Math.abs(t.y + t.h / 2 - (box.y! + box.h / 2)) <= box.h / 2;
    return above || left;
  });
}

export interface PlanOptions {
  /** Visible labels may point at inputs by id (a screen); a component, drawn many times, uses aria-label. */
  ids: boolean;
  /** A component's root may itself be the field box; a screen's root is the page. */
  rootCanBeField: boolean;
  /** Layers drawn elsewhere (component instances): not looked into. */
  opaque?: (node: DesignNode) => boolean;
}

/** The form fields of one tree (a screen or a component). */
export function planForm(root: DesignNode, options: PlanOptions): FormPlan {
  const ids = options.ids;
  const plan: FormPlan = { inputs: new Map(), wrappers: new Set(), boxes: new Set(), labels: new Map() };
  const scope = new NameScope();
  const walk = (node: DesignNode, parent: DesignNode | undefined): void => {
    if (options.opaque?.(node) || (node === root && CHOOSER.test(root.name))) return;
    const texts = node === root && !options.rootCanBeField ? [] : fieldTexts(node);
    if (texts.length > 0) {
      const label = texts.length === 1 && parent ? labelFor(node, parent) : undefined;
      // A visible label names the field (and focuses it on click); a wrapping label would add the box's
      // own content (icons' names) to the field's name.
      if (texts.length === 1 && !(label && ids)) plan.wrappers.add(node.id);
      plan.boxes.add(node.id);
      for (const t of texts) {
        const chars = t.text!.chars.trim();
        const hint = readsAsPlaceholder(t);
        const field: Field = {
          type: fieldType(`${chars} ${t.name} ${node.name}`),
          ...(hint ? { placeholder: chars } : { value: chars }),
        };
        if (label && ids) {
          field.id = scope.take(kebabCase(label.text!.chars, "field"));
          plan.labels.set(label.id, field.id);
        } else
          field.ariaLabel = label
            ? label.text!.chars.trim()
            : hint
              ? chars
              : node.name.split("/")[0]!.trim() || "Text field";
        plan.inputs.set(t.id, field);
      }
      return;
    }
    for (const child of node.children ?? []) if (!child.hidden) walk(child, node);
  };
  walk(root, undefined);
  return plan;
}
