/**
 * The file's design system for "Design from a prompt": its local variables with their collections (every one, not
 * only a selection's, up to MAX_FILE_VARIABLES) in the REST `variables/local` shape codegen reads, and the font
 * families the file uses — its local text styles' and a bounded sample of the current page's text layers', most used
 * first. Read-only; yields to Figma every few hundred layers.
 */
import type { LocalVariable, LocalVariableCollection } from "@figma/rest-api-spec";
import type { DesignVariables } from "../../codegen/design/extras.js";
import { MAX_FILE_FONTS, MAX_FILE_VARIABLES, MAX_FONT_SAMPLE_TEXTS } from "../../contract/limits.js";
import { nextTask } from "../tasks.js";
import { restCollection, restVariable } from "./variables.js";

const YIELD_EVERY = 300;
/** A family name as sent: one line, short (it goes into the model's prompt as data). */
const MAX_FAMILY_CHARS = 100;

export interface FileDesignSystem {
  variables?: DesignVariables;
  /** Families, most used first. */
  fonts: string[];
  /** Text layers read for the fonts (at most MAX_FONT_SAMPLE_TEXTS). */
  texts: number;
}

async function localVariables(): Promise<DesignVariables | undefined> {
  const all = await figma.variables.getLocalVariablesAsync();
  if (all.length === 0) return undefined;
  const collections = await figma.variables.getLocalVariableCollectionsAsync();
  const variables: Record<string, LocalVariable> = {};
  for (const v of all.slice(0, MAX_FILE_VARIABLES)) variables[v.id] = restVariable(v);
  const variableCollections: Record<string, LocalVariableCollection> = {};
  for (const c of collections) variableCollections[c.id] = restCollection(c);
  return { variables, variableCollections };
}

function familyOf(node: TextNode): string | undefined {
  const font = node.fontName as FontName | PluginAPI["mixed"] | undefined;
  if (font === undefined) return undefined;
  if (typeof font !== "symbol") return font.family;
  // Mixed fonts: the first character's stands for the layer (a sample, not an inventory).
  const first = node.characters.length > 0 ? node.getRangeFontName(0, 1) : undefined;
  return first && typeof first !== "symbol" ? first.family : undefined;
}

const clean = (family: string): string => family.replace(/\s+/g, " ").trim().slice(0, MAX_FAMILY_CHARS);

async function fontsInUse(): Promise<{ fonts: string[]; texts: number }> {
  const counts = new Map<string, number>();
  const count = (family: string | undefined, by = 1) => {
    const name = family ? clean(family) : "";
    if (name) counts.set(name, (counts.get(name) ?? 0) + by);
  };
  // The file's own type styles weigh as much as many layers: they are what the file means to use.
  const styles = typeof figma.getLocalTextStylesAsync === "function" ? await figma.getLocalTextStylesAsync() : [];
  for (const style of styles) count(style.fontName.family, 10);
  const stack: SceneNode[] = [...figma.currentPage.children];
  let texts = 0;
  let seen = 0;
  while (stack.length > 0 && texts < MAX_FONT_SAMPLE_TEXTS) {
    const node = stack.pop()!;
    if (node.type === "TEXT") {
      texts++;
      count(familyOf(node));
    } else if ("children" in node) stack.push(...node.children);
    if (++seen % YIELD_EVERY === 0) await nextTask();
  }
  const fonts = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_FILE_FONTS)
    .map(([family]) => family);
  return { fonts, texts };
}

export async function readFileDesignSystem(): Promise<FileDesignSystem> {
  const variables = await localVariables();
  const { fonts, texts } = await fontsInUse();
  return { ...(variables ? { variables } : {}), fonts, texts };
}
