/**
 * A text of one word whose box CSS caps (`max-width: 100%`, a narrower screen's rule of responsive.ts): CSS never
 * breaks the word (no `overflow-wrap`), its line runs past the capped box and is read whole; a React Native `Text`
 * breaks it where the box ends (react-native-web's `break-word`, as iOS and Android do with a word longer than its
 * line): tixup's 95-px chips read "Consultin" / "g" at 390 px. The cap does nothing else for such a text, so its Text
 * is left uncapped, as wide as its word.
 */
import { TEXTY } from "./print.js";
import type { RnEntry, RnStyle } from "./style.js";
import type { VNode } from "../vnode.js";

interface OneWordUnit {
  styles: Map<string, RnStyle>;
  below: Map<string, [width: number, entries: RnEntry[]][]>;
}

const CAP = (e: RnEntry): boolean => e[0] === "maxWidth" && e[1] === '"100%"';

/** The word a node's characters are, when they are literal text without a space (else undefined). */
export function oneWord(children: readonly VNode[]): string | undefined {
  if (children.length === 0 || children.some((c) => c.type !== "text")) return undefined;
  const text = children.map((c) => (c.type === "text" ? c.value : "")).join("");
  return /^\S+$/.test(text.trim()) ? text : undefined;
}

/** Drops the 100% width cap of each one-word text's class, in its own style and its narrower screens' ones. */
export function uncapOneWordTexts(node: VNode, unit: OneWordUnit): void {
  if (node.type === "if") return uncapOneWordTexts(node.child, unit);
  if (node.type !== "element") return;
  for (const c of node.children) uncapOneWordTexts(c, unit);
  if (node.cls === undefined || !TEXTY.has(node.tag) || oneWord(node.children) === undefined) return;
  const own = unit.styles.get(node.cls);
  if (own) own.entries = own.entries.filter((e) => !CAP(e));
  const below = unit.below.get(node.cls);
  if (!below) return;
  const kept = below.map(([w, entries]): [number, RnEntry[]] => [w, entries.filter((e) => !CAP(e))]);
  const left = kept.filter(([, entries]) => entries.length > 0);
  if (left.length > 0) unit.below.set(node.cls, left);
  else unit.below.delete(node.cls);
}
