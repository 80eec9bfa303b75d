/**
 * A variant's own look in Chromium, for comparing a hover's or a press's state with it (issue 52): the variant
 * converted alone in a white frame, in the same target, its layers' computed colours and sizes by layer id. Used by
 * codegen/emit/variant-states.browser.test.ts and the bench's prototype section.
 */
import type { Page } from "playwright-core";
import { withPage, type PageHost } from "../../cli/measure/browser.js";
import { resultPage } from "../../cli/measure/result-page.js";
import {
  generateCode,
  loadDesign,
  type CodeOptions,
  type DesignDocument,
  type SourceFile,
} from "../../codegen/index.js";
import type { DesignNode } from "../../codegen/design/types.js";
import { matchLayers } from "../../codegen/emit/variant-states.js";

/**
 * The colours a state changes and the test compares (and each layer's size where the state sizes it: sizedApart); a
 * stroke drawn inside is an outline (a focused field's).
 */
export const COLOURS = [
  "background-color",
  "color",
  "box-shadow",
  "opacity",
  "border-top-color",
  "outline-color",
] as const;

interface Styled {
  getBoundingClientRect(): { width: number; height: number };
}
interface Doc {
  querySelector(s: string): Styled | null;
}
export interface Win {
  document: Doc;
  getComputedStyle(e: Styled): Record<string, string> & { getPropertyValue(p: string): string };
}

/** The computed colours (and sizes, `sized`) of the elements of these layer ids; null for one not drawn. */
export function stylesOf(page: Page, ids: readonly (readonly [id: string, sized: boolean])[]) {
  return page.evaluate(
    ({ ids, colours }) => {
      const w = globalThis as unknown as Win;
      return ids.map(([id, sized]) => {
        const el = w.document.querySelector(`[data-node-id="${id}"]`);
        if (!el) return null;
        const style = w.getComputedStyle(el);
        const out: Record<string, string> = {};
        for (const p of colours) out[p] = style.getPropertyValue(p);
        if (sized) {
          const r = el.getBoundingClientRect();
          out["width"] = String(Math.round(r.width));
          out["height"] = String(Math.round(r.height));
        }
        return out;
      });
    },
    { ids, colours: [...COLOURS] },
  );
}

/**
 * Whether a state gives the layer `v` of a variant its size: it is no text, and it is sized otherwise than the layer of
 * the variant the instance is drawn from (`mains`: that variant's layers with the state's). An instance resized keeps
 * its size, as in Figma.
 */
export function sizedApart(v: DesignNode, mains: [DesignNode, DesignNode][] | undefined): boolean {
  const m = mains?.find(([, x]) => x === v)?.[0];
  return v.kind !== "text" && m !== undefined && (Math.abs(m.w - v.w) >= 0.5 || Math.abs(m.h - v.h) >= 0.5);
}

/** The styles of layers (`stylesOf`, every one sized) with the sizes of those a state does not size left out. */
export function sizedOnly(styles: (Record<string, string> | null)[], sized: readonly boolean[]) {
  return styles.map((style, i) => {
    if (!style || sized[i]) return style;
    const { width: _w, height: _h, ...rest } = style;
    return rest;
  });
}

/** Makes a design's code (a test passes its cached generateCode). */
export type Generate = (doc: DesignDocument, options: CodeOptions) => Promise<{ files: SourceFile[] }>;

interface Rest {
  id: string;
  absoluteBoundingBox?: { x: number; y: number; width: number; height: number };
  children?: Rest[];
}

/**
 * A file of one white frame holding the variant `id` of `json` where it is drawn (as a screen's root, a layer would
 * give its fill to the page around it).
 */
export function besideNothing(json: unknown, id: string): unknown {
  const stack = [(json as { document: Rest }).document];
  let found: Rest | undefined;
  while (stack.length > 0 && !found) {
    const node = stack.pop()!;
    if (node.id === id) found = node;
    stack.push(...(node.children ?? []));
  }
  const b = found!.absoluteBoundingBox!;
  const frame = {
    id: "0:9",
    name: "Reference",
    type: "FRAME",
    absoluteBoundingBox: { x: b.x - 40, y: b.y - 40, width: b.width + 80, height: b.height + 80 },
    fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
    children: [found],
  };
  return {
    ...(json as object),
    document: {
      id: "0:0",
      name: "Document",
      type: "DOCUMENT",
      children: [{ id: "0:1", name: "Page", type: "CANVAS", children: [frame] }],
    },
  };
}

/** The variant's own render: its layers' computed styles, in `matchLayers` order. */
export async function variantStyles(
  browser: PageHost,
  json: unknown,
  variant: DesignNode,
  options: CodeOptions,
  generate: Generate = generateCode,
) {
  const alone = loadDesign(besideNothing(json, variant.id)).document;
  const { files, entry } = await resultPage((await generate(alone, options)).files, options.target);
  const ids = matchLayers(variant, variant).map(([l]) => [l.id, l.kind !== "text"] as const);
  return withPage(browser, files, entry, { width: 1440, height: 900 }, (page) => stylesOf(page, ids));
}
