/**
 * Repeated React components as Figma components (issue 51 item 4). The reader marks each element that stands for
 * an instance of a React component (its `data-figment-component`); once the layers are built, the first layer of
 * each name becomes the main component in its own place (as Figma's "Create component" does) and every other one
 * is replaced by an instance of it at the same place and size, its texts overriding the main's where they differ.
 * A layer whose tree differs from the main's in anything but its texts stays a frame (and is counted); a marked
 * layer inside another marked one is left to its outer component.
 */
import { componentShape as shape } from "../../contract/layer-components.js";
import type { LayerNode } from "../../contract/layers.js";

export interface Occurrence {
  node: FrameNode;
  layer: LayerNode;
}

export interface MadeComponents {
  components: number;
  instances: number;
  /** Layers marked as a component whose tree is not the main's: kept as frames. */
  kept: number;
  /** Instance texts set to their own characters (they differ from the main's). */
  overrides: number;
}

type RangeStyle =
  | "FontName"
  | "FontSize"
  | "Fills"
  | "LetterSpacing"
  | "LineHeight"
  | "TextDecoration"
  | "TextCase"
  | "Hyperlink";
const RANGE_STYLES: readonly RangeStyle[] = [
  "FontName",
  "FontSize",
  "Fills",
  "LetterSpacing",
  "LineHeight",
  "TextDecoration",
  "TextCase",
  "Hyperlink",
];

/**
 * Gives `to` (whose characters are `from`'s) `from`'s character styles, run by run: setting `characters` resets
 * the styles of character ranges (a line height in pixels falls back to auto, and the instance's text would
 * take a height of its own).
 */
function copyTextStyles(from: TextNode, to: TextNode): void {
  type Get = (start: number, end: number) => unknown;
  type Set = (start: number, end: number, value: unknown) => void;
  const n = from.characters.length;
  for (const prop of RANGE_STYLES) {
    const getter = from[`getRange${prop}`] as Get;
    const setter = to[`setRange${prop}`] as Set;
    const key = (i: number): string => JSON.stringify(getter.call(from, i, i + 1));
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && key(end) === key(start)) end++;
      setter.call(to, start, end, getter.call(from, start, end));
      start = end;
    }
  }
}

/** Sets the instance's texts to the occurrence's where they differ (its layers lie as the occurrence's do). */
function overrideTexts(instance: SceneNode, occurrence: SceneNode): number {
  if (instance.type === "TEXT" && occurrence.type === "TEXT") {
    if (instance.characters === occurrence.characters) return 0;
    instance.characters = occurrence.characters;
    copyTextStyles(occurrence, instance);
    return 1;
  }
  if (!("children" in instance) || !("children" in occurrence)) return 0;
  return instance.children.reduce((n, child, i) => {
    const other = occurrence.children[i];
    return n + (other ? overrideTexts(child, other) : 0);
  }, 0);
}

/** Puts `instance` where `node` is: same parent and index, position, sizing and size. */
function takePlace(instance: InstanceNode, node: FrameNode): void {
  const parent = node.parent;
  if (!parent || !("insertChild" in parent)) return;
  parent.insertChild(parent.children.indexOf(node), instance);
  const inAuto = "layoutMode" in parent && parent.layoutMode !== "NONE";
  if (inAuto && node.layoutPositioning === "ABSOLUTE") instance.layoutPositioning = "ABSOLUTE";
  if (!inAuto || node.layoutPositioning === "ABSOLUTE") {
    instance.x = node.x;
    instance.y = node.y;
  }
  instance.constraints = { ...node.constraints };
  if (instance.width !== node.width || instance.height !== node.height)
    instance.resize(Math.max(0.01, node.width), Math.max(0.01, node.height));
  if (inAuto) {
    instance.layoutSizingHorizontal = node.layoutSizingHorizontal;
    instance.layoutSizingVertical = node.layoutSizingVertical;
  }
}

/** Makes each name's first occurrence a main component and the others its instances (occurrences in build order). */
export function makeComponents(occurrences: readonly Occurrence[]): MadeComponents {
  const made: MadeComponents = { components: 0, instances: 0, kept: 0, overrides: 0 };
  const byName = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const name = o.layer.component;
    if (name === undefined) continue;
    byName.set(name, [...(byName.get(name) ?? []), o]);
  }
  for (const [name, list] of byName) {
    const [first, ...rest] = list;
    if (!first) continue;
    const main = figma.createComponentFromNode(first.node);
    main.name = name;
    made.components++;
    const mainShape = shape(first.layer);
    for (const o of rest) {
      if (shape(o.layer) !== mainShape) {
        made.kept++;
        continue;
      }
      const instance = main.createInstance();
      takePlace(instance, o.node);
      made.overrides += overrideTexts(instance, o.node);
      instance.name = name;
      o.node.remove();
      made.instances++;
    }
  }
  return made;
}
