/**
 * The design-width contract of issue 49, in Chromium: a frame's code, its inferred layout checked by the browser first
 * (checkLayout with the Chromium engine, as `figment code` does), lays every layer the score compares out within 2 px
 * of its drawn box — or of where the frame as drawn (`--exact-layout`) puts it — in HTML, React with CSS modules and
 * React with Tailwind (each rendered as the score renders it). On real designers' frames drawn without auto layout,
 * where the simulator's verdict alone leaves layers off in the browser.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withPage } from "../../cli/measure/browser.js";
import { chromiumEngine } from "../../cli/measure/layout-engine.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { corpusJson, corpusPages, type CorpusPage } from "../../test/helpers/corpus-frames.js";
import { runBrowser, useBrowser, usePageContext } from "../../test/helpers/browser.js";
import { fixturesRoot } from "../../test/helpers/responsive-frames.js";
import { probeBoxes } from "../fidelity/probe.js";
import { emitFiles } from "../emit/index.js";
import { drawnLayers, HOLD_TOLERANCE } from "../layout/decide.js";
import type { Box } from "../layout/boxes.js";
import { loadDesign, type CodeOptions } from "../load.js";
import type { DesignDocument, DesignNode } from "../design/types.js";
import { checkLayout } from "./index.js";

const corpusPage = (name: string): CorpusPage => corpusPages().find((p) => p.name === name)!;
const real = (file: string): unknown => JSON.parse(readFileSync(join(fixturesRoot(), "real", file), "utf8"));

/** Real frames drawn without auto layout (psykolog-jenny) and corpus pages drawn the way designers draw. */
const FRAMES = [
  { name: "Psykolog Jenny · MacBook Pro 2.2", json: () => real("psykolog-jenny.file.json"), id: "35:34" },
  { name: "Psykolog Jenny · MacBook Pro 2.3", json: () => real("psykolog-jenny.file.json"), id: "145:53" },
  { name: "corpus · sb-agency", json: () => corpusJson(corpusPage("sb-agency")), id: undefined },
];

/** Each layer's box by id, relative to the frame root, in the page of `files` at the frame's size. */
async function laidOut(
  context: BrowserContext,
  doc: DesignDocument,
  options: CodeOptions,
  ids: string[],
): Promise<Map<string, Box | null>> {
  const frame = doc.frames[0]!;
  const emitted = emitFiles(doc, { ...options, nodeIds: true });
  const target = options.target === "react" ? "react" : "html";
  const page = await resultPage(emitted.files, target);
  return withPage(context, page.files, page.entry, { width: frame.w, height: frame.h }, async (p) => {
    const probe = await p.evaluate(probeBoxes, { rootId: frame.id, ids });
    const origin = probe.root ?? { x: 0, y: 0 };
    return new Map(
      probe.elements.map((e, i) => [
        ids[i]!,
        e?.rendered ? { x: e.x - origin.x, y: e.y - origin.y, w: e.width, h: e.height } : null,
      ]),
    );
  });
}

const near = (a: Box, b: Box): boolean =>
  Math.abs(a.x - b.x) <= HOLD_TOLERANCE &&
  Math.abs(a.y - b.y) <= HOLD_TOLERANCE &&
  Math.abs(a.w - b.w) <= HOLD_TOLERANCE &&
  Math.abs(a.h - b.h) <= HOLD_TOLERANCE;

/** The ids of the shapes icons' SVGs draw (DesignNode.parts): React draws such an icon as an image. */
const partIds = (node: DesignNode): string[] => [
  ...(node.parts ?? []).map((p) => p.id),
  ...(node.children ?? []).flatMap(partIds),
];

/** The layers that do not hold: neither within 2 px of the drawing nor of the frame as drawn (exact), by name. */
function offLayers(
  drawn: Map<string, Box>,
  laid: Map<string, Box | null>,
  exact: Map<string, Box | null>,
  names: Map<string, string>,
  parts: ReadonlySet<string> = new Set(),
): string[] {
  return [...drawn].flatMap(([id, box]) => {
    const reference = exact.get(id);
    if (!reference) return []; // drawn inside a picture: not compared
    const at = laid.get(id);
    if (!at && parts.has(id)) return []; // a shape of an icon React draws as an image
    return at && (near(at, box) || near(at, reference)) ? [] : [`${names.get(id) ?? id} (${id})`];
  });
}

describe.runIf(runBrowser)("the layout checked in Chromium holds the drawing at the design width", () => {
  const browser = useBrowser();
  const context = usePageContext(browser);

  for (const { name, json, id } of FRAMES) {
    it(`${name}: every layer where drawn, in HTML, React and Tailwind`, { timeout: 180_000 }, async () => {
      const doc = loadDesign(json(), id ? [id] : []).document;
      const one: DesignDocument = { ...doc, frames: [doc.frames[0]!] };
      const frame = one.frames[0]!;
      const drawn = drawnLayers(frame);
      const ids = [...drawn.keys()];
      const names = new Map<string, string>();
      const walk = (n: typeof frame): void => {
        names.set(n.id, n.name);
        for (const c of n.children ?? []) walk(c);
      };
      walk(frame);

      const check = await checkLayout(one, chromiumEngine(context));
      expect(check.frames).toHaveLength(1);
      expect(check.frames[0]!.layout.check).toBe("chromium");
      const html: CodeOptions = { target: "html", styling: "css-modules", nodeIds: true };
      const exact = await laidOut(context, one, { ...html, layout: "exact" }, ids);
      for (const options of [
        html,
        { ...html, target: "react" as const },
        { ...html, target: "react" as const, styling: "tailwind" as const },
      ]) {
        const laid = await laidOut(context, one, { ...options, layoutDecisions: check.decisions }, ids);
        const parts = options.target === "react" ? new Set(partIds(frame)) : new Set<string>();
        expect(offLayers(drawn, laid, exact, names, parts), `${options.target} ${options.styling}`).toEqual([]);
      }
    });
  }

  it("the simulator's verdict alone leaves layers off in the browser on a real page (what the check is for)", {
    timeout: 180_000,
  }, async () => {
    // MacBook Pro 2.3: the simulator keeps one section as drawn; in Chromium more of them move.
    const doc = loadDesign(real("psykolog-jenny.file.json"), ["145:53"]).document;
    const frame = doc.frames[0]!;
    const drawn = drawnLayers(frame);
    const ids = [...drawn.keys()];
    const html: CodeOptions = { target: "html", styling: "css-modules", nodeIds: true };
    const exact = await laidOut(context, doc, { ...html, layout: "exact" }, ids);
    const simulated = await laidOut(context, doc, html, ids);
    expect(offLayers(drawn, simulated, exact, new Map()).length).toBeGreaterThan(0);
  });
});
