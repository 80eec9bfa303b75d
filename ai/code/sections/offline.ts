/**
 * The offline emitter's code of each planned section (issue 74's score goal): what a model that answered every
 * section as the offline `figment code` would write. Each section is drawn as a frame of its own, the band of the
 * page it covers: the page frame's look (fills, width) with only the section's top-level layers, placed where the
 * page places them (frame coordinates, shifted up by the band's top), the page's auto layout (if any) given up for
 * those positions; the emitter lays it out as it lays out any drawn frame. Its screen file becomes the section's
 * component (src/sections/<Component>.tsx, `export function <Component>()`; Angular's src/app/sections/<name>.ts),
 * the files the rule asks for.
 *
 * Which top-level layers a section holds is read from its hint part (the request's own text): layout inference's
 * groups have no ids, so a page layer belongs to the section whose part names most of its layers (by id).
 */
import { copyNode } from "../../../codegen/design/node.js";
import type { DesignDocument, DesignNode } from "../../../codegen/design/types.js";
import { parseHint } from "../../../codegen/hint/parse.js";
import { simulateFrame } from "../../../codegen/layout/simulate.js";
import { relativePath, resolvePath } from "../../../codegen/file-paths.js";
import { generateCode, type CodeOptions } from "../../../codegen/index.js";
import type { SourceFile } from "../../../codegen/types.js";
import type { Target } from "../../../codegen/targets.js";
import { angularName, sectionFiles } from "./targets.js";
import type { PlannedSection } from "./plan.js";

export interface OfflineSection {
  component: string;
  /** The section's hint part, as its request carries it (what a test server knows the section by). */
  hint: string;
  files: SourceFile[];
}

function idsUnder(node: DesignNode, out: Set<string> = new Set()): Set<string> {
  for (const child of node.children ?? []) {
    if (child.id) out.add(child.id);
    idsUnder(child, out);
  }
  return out;
}

/** The layer ids a section's hint part names, the part's frame itself left out. */
export function hintPartIds(hint: string): Set<string> {
  const frame = parseHint(hint).document.frames[0];
  return frame ? idsUnder(frame) : new Set<string>();
}

function sectionIds(sections: readonly Pick<PlannedSection, "hint">[]): Set<string>[] {
  return sections.map((s) => hintPartIds(s.hint));
}

/**
 * Each section's top-level layers of `frame` (the page as loaded, not laid out): by the ids its hint part names,
 * a layer no part names by the band its middle is in.
 */
export function sectionLayers(
  frame: DesignNode,
  sections: readonly Pick<PlannedSection, "hint" | "band">[],
): DesignNode[][] {
  const ids = sectionIds(sections);
  const placed = simulateFrame(frame);
  const out: DesignNode[][] = sections.map(() => []);
  for (const layer of (frame.children ?? []).filter((c) => !c.hidden)) {
    const mine = new Set([layer.id, ...idsUnder(layer)]);
    const counts = ids.map((set) => [...mine].filter((id) => set.has(id)).length);
    let best = counts.indexOf(Math.max(...counts));
    if (counts[best] === 0) {
      const box = placed.get(layer);
      const middle = box ? box.y + box.h / 2 : (layer.y ?? 0);
      const inBand = sections.findIndex((s) => middle < s.band.y + s.band.h);
      best = inBand < 0 ? sections.length - 1 : inBand;
    }
    out[best]!.push(layer);
  }
  return out;
}

/** The section's band drawn as a frame: the page frame with `layers` at their places in the band. */
export function bandFrame(
  frame: DesignNode,
  layers: readonly DesignNode[],
  band: PlannedSection["band"],
  name: string,
): DesignNode {
  const placed = simulateFrame(frame);
  const children = layers.map((layer) => {
    const box = placed.get(layer) ?? { x: layer.x ?? 0, y: layer.y ?? 0, w: layer.w, h: layer.h };
    return copyNode(layer, { x: box.x, y: box.y - band.y, w: box.w, h: box.h, absolute: undefined });
  });
  const { layout: _layout, ...rest } = copyNode(frame, { name, h: band.h, children });
  return rest;
}

/** A file's relative references (imports, CSS url() and @import): `./x`, `../x`. */
const REFERENCE = /(from\s+|import\s*\(?\s*|url\(\s*|@import\s+)(["']?)(\.{1,2}\/[^"')\s]+)\2/g;

const dirOf = (path: string): string => path.slice(0, path.lastIndexOf("/") + 1);

/** Where the offline emitter writes a screen named `component` (its path without extension) and the components. */
function screenLayout(component: string, target: Target): { screen: string; file: string; components: string } {
  if (target === "angular") {
    const screen = `src/app/screens/${angularName(component)}`;
    return { screen, file: `${screen}.ts`, components: "src/app/components/" };
  }
  if (target !== "react" && target !== "react-native")
    throw new Error(`offline sections are written for React, React Native and Angular, not ${target}`);
  return { screen: `src/screens/${component}`, file: `src/screens/${component}.tsx`, components: "src/components/" };
}

/** The project's own files, which the page writes, not a section: its exports (src/index.ts), Angular's routes. */
const PROJECT_FILES = new Set(["src/index.ts", "src/app/app.routes.ts", "src/app/app.ts"]);

/**
 * The screen's files as the section's, where its rule puts them: the screen (src/screens/<C>.tsx, Angular's
 * src/app/screens/<c>.ts, .html, .css) → the section's file (src/sections/<C>.tsx, its CSS module beside; Angular's
 * src/app/sections/<c>.*), its components under the section's folder (another section's component of the same name
 * may differ: its defaults are its first instance's), the references between them rewritten; React Native's screen
 * exported by name, as the rule asks. The project's own files (PROJECT_FILES) are the page's.
 */
function asSection(files: readonly SourceFile[], component: string, target: Target): SourceFile[] {
  const paths = sectionFiles(component, target);
  const layout = screenLayout(component, target);
  const section = paths.main.replace(/\.tsx?$/, "");
  const moved = (path: string): string => {
    if (path.startsWith(`${layout.screen}.`)) return section + path.slice(layout.screen.length);
    if (path.startsWith(layout.components)) return paths.folder + path.slice(layout.components.length);
    return path;
  };
  return files.flatMap((file) => {
    if (PROJECT_FILES.has(file.path)) return [];
    const path = moved(file.path);
    if (path === file.path || file.bytes) return [{ ...file, path }];
    const content = file.content.replace(REFERENCE, (_whole, head: string, quote: string, ref: string) => {
      const to = moved(resolvePath(dirOf(file.path), ref));
      return `${head}${quote}${relativePath(dirOf(path), to)}${quote}`;
    });
    const named = target === "react-native" && path === paths.main;
    return [
      { ...file, path, content: named ? content.replace(/export default function /, "export function ") : content },
    ];
  });
}

/**
 * The offline code of each section of `frame` (a top-level frame of `doc`, as loaded), in the plan's order, for the
 * options' target (React, React Native or Angular). Each component's screen must come out under its own name: one
 * that does not is an error, not a silent miss.
 */
export async function offlineSectionAnswers(
  doc: DesignDocument,
  frame: DesignNode,
  sections: readonly PlannedSection[],
  /** The options, or what they are for each section's document (`figment code`'s layout check of it). */
  options: CodeOptions | ((band: DesignDocument) => Promise<CodeOptions>),
): Promise<OfflineSection[]> {
  const layers = sectionLayers(frame, sections);
  const out: OfflineSection[] = [];
  for (const [k, section] of sections.entries()) {
    const band = bandFrame(frame, layers[k]!, section.band, section.component);
    const { drawings: _drawings, ...rest } = doc;
    const one: DesignDocument = { ...rest, frames: [band] };
    const chosen = typeof options === "function" ? await options(one) : options;
    const code = await generateCode(one, chosen);
    const { file } = screenLayout(section.component, chosen.target);
    if (!code.files.some((f) => f.path === file))
      throw new Error(`the offline code of ${section.component} has no ${file}`);
    out.push({
      component: section.component,
      hint: section.hint,
      files: asSection(code.files, section.component, chosen.target),
    });
  }
  return out;
}
