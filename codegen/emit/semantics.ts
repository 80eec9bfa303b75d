/** Picks HTML elements from what the design says: layer names, text styles and shapes. */
import type { DesignNode } from "../design/types.js";
import { fieldType, type Field, type FormPlan } from "./forms.js";

export interface Semantics {
  tag: string;
  attrs: [string, string][];
  /** The element is interactive (button, link, input): nothing interactive may nest inside it. */
  interactive: boolean;
}

const BUTTON = /\b(button|btn|cta)\b/i;
const LINK = /\blink\b/i;
const INPUT = /\b(input|text ?field|textbox|search ?(bar|field|box))\b/i;

function isContainer(node: DesignNode): boolean {
  return ["frame", "group", "component", "instance", "section"].includes(node.kind);
}

function visibleChildren(node: DesignNode): DesignNode[] {
  return (node.children ?? []).filter((c) => !c.hidden);
}

/** A small box holding one short centred label over a filled shape: a button by shape. */
function looksLikeButton(node: DesignNode): boolean {
  if (!isContainer(node) || node.h > 72 || node.w > 420 || node.h < 16) return false;
  const children = visibleChildren(node);
  const texts = children.filter((c) => c.kind === "text");
  if (texts.length !== 1) return false;
  const label = texts[0]!.text!;
  if (label.chars.length > 32 || label.chars.includes("\n") || label.alignH !== "center") return false;
  const filled = (n: DesignNode): boolean => (n.fills ?? []).length > 0 || n.stroke !== undefined;
  const background = filled(node) || children.some((c) => (c.kind === "rect" || c.kind === "ellipse") && filled(c));
  return (
    background &&
    children.every((c) => c.kind === "text" || c.kind === "rect" || c.kind === "vector" || c.kind === "ellipse")
  );
}

function textCount(node: DesignNode): number {
  return visibleChildren(node).reduce((n, c) => n + (c.kind === "text" ? 1 : textCount(c)), 0);
}

/** A container named "… Button" that holds a real button (plus other things) is a wrapper, not the button. */
function hasButtonInside(node: DesignNode): boolean {
  return visibleChildren(node).some((c) => looksLikeButton(c) || hasButtonInside(c));
}

/** Heading level from the text style name ("Heading L", "H2"), the layer name, or the type size. */
export function headingLevel(node: DesignNode): number | undefined {
  const text = node.text;
  if (!text) return undefined;
  for (const label of [text.styleName ?? "", node.name]) {
    const h = /(?:^|\/)\s*h([1-6])\b/i.exec(label.trim());
    if (h) return Number(h[1]);
  }
  if (/heading|title|display|headline/i.test(text.styleName ?? "") || /^(heading|title|headline)\b/i.test(node.name)) {
    return text.style.size >= 32 ? 1 : text.style.size >= 24 ? 2 : 3;
  }
  if (text.chars.length <= 80 && text.style.weight >= 600 && text.style.size >= 24)
    return text.style.size >= 32 ? 1 : 2;
  return undefined;
}

function inputAttrs(field: Field): [string, string][] {
  const attrs: [string, string][] = [["type", field.type]];
  if (field.placeholder !== undefined) attrs.push(["placeholder", field.placeholder]);
  // A value the design shows: the field's starting value (React's uncontrolled `defaultValue`).
  if (field.value !== undefined) attrs.push(["value", field.value]);
  if (field.id) attrs.push(["id", field.id]);
  if (field.ariaLabel) attrs.push(["aria-label", field.ariaLabel]);
  return attrs;
}

/** Form roles planned for the tree (forms.ts): an input, the box that labels it, a visible label. */
function formSemantics(node: DesignNode, form: FormPlan): Semantics | undefined {
  const field = form.inputs.get(node.id);
  if (field) return { tag: "input", attrs: inputAttrs(field), interactive: true };
  if (form.wrappers.has(node.id)) return { tag: "label", attrs: [], interactive: false };
  if (form.boxes.has(node.id)) return { tag: "div", attrs: [], interactive: false };
  const target = form.labels.get(node.id);
  if (target) return { tag: "label", attrs: [["for", target]], interactive: false };
  return undefined;
}

export interface SemanticsContext {
  root: boolean;
  insideInteractive: boolean;
  insideText: boolean;
  form?: FormPlan;
}

export function semanticsFor(node: DesignNode, context: SemanticsContext): Semantics {
  if (context.root) return { tag: "main", attrs: [], interactive: false };
  const plain: Semantics = { tag: "div", attrs: [], interactive: false };
  const formRole = context.form && !context.insideInteractive ? formSemantics(node, context.form) : undefined;
  if (formRole) return formRole;
  if (node.kind === "text") {
    if (context.insideInteractive) return { tag: "span", attrs: [], interactive: false };
    if (LINK.test(node.name) || node.text?.style.decoration === "underline")
      return { tag: "a", attrs: [["href", "#"]], interactive: true };
    const level = headingLevel(node);
    if (level !== undefined) return { tag: `h${level}`, attrs: [], interactive: false };
    return { tag: "p", attrs: [], interactive: false };
  }
  if (node.kind === "line") return { tag: "hr", attrs: [], interactive: false };
  const imageFills = (node.fills ?? []).filter((f) => f.kind === "image");
  if ((node.kind === "rect" || node.kind === "ellipse") && imageFills.length === 1 && (node.fills ?? []).length === 1) {
    // object-fit has no tiles and no crops: those stay a background on a box that says it is an image.
    const fit = imageFills[0]!.kind === "image" ? imageFills[0]!.fit : "cover";
    if (fit !== "tile" && fit !== "crop") return { tag: "img", attrs: [["alt", node.name]], interactive: false };
    return {
      tag: "div",
      attrs: node.name
        ? [
            ["role", "img"],
            ["aria-label", node.name],
          ]
        : [],
      interactive: false,
    };
  }
  if (context.insideInteractive) return plain;
  if (node.kind === "rect" && INPUT.test(node.name)) {
    return {
      tag: "input",
      attrs: [
        ["type", fieldType(node.name)],
        ["aria-label", node.name],
      ],
      interactive: true,
    };
  }
  if (isContainer(node)) {
    if ((BUTTON.test(node.name) && textCount(node) <= 1 && !hasButtonInside(node)) || looksLikeButton(node)) {
      return { tag: "button", attrs: [["type", "button"]], interactive: true };
    }
    if (LINK.test(node.name)) return { tag: "a", attrs: [["href", "#"]], interactive: true };
    if (INPUT.test(node.name)) return { tag: "label", attrs: [], interactive: false };
    if (/^(header|top ?bar|app ?bar|nav ?bar|navigation ?bar)\b/i.test(node.name))
      return { tag: "header", attrs: [], interactive: false };
    if (/^(footer|tab ?bar|bottom ?(bar|nav))\b/i.test(node.name))
      return { tag: "footer", attrs: [], interactive: false };
    if (/^(nav|navigation|menu)\b/i.test(node.name)) return { tag: "nav", attrs: [], interactive: false };
  }
  return plain;
}
