/**
 * What a reader sees of a frame's texts below and above its design width (issue 69), as `figment code` writes its
 * HTML (the layout checked in Chromium first), with its image fills as placeholders or as photos: the texts a reader
 * sees whole at the design width that are covered or illegible at 390, 768 or 1920, and the share of text seen at each
 * width. The bench section backdrops and test/backdrops.test.ts measure with it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { withPage, type PageHost } from "../../cli/measure/browser.js";
import { chromiumEngine } from "../../cli/measure/layout-engine.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { answerSteps } from "../../cli/measure/score.js";
import { scoreBoxes } from "../../codegen/fidelity/box-score.js";
import { classifyText, textClassShares, type TextVerdict } from "../../codegen/fidelity/classify.js";
import { measurePlan } from "../../codegen/fidelity/measurement.js";
import { generateCode, loadDesign, type CodeOptions } from "../../codegen/index.js";
import { checkLayout } from "../../codegen/layout-check/index.js";
import type { LayoutPage } from "./layout-pages.js";
import { photoStandIns } from "./photo-stand-ins.js";

const HTML: CodeOptions = { target: "html", styling: "css-modules", nodeIds: true };
export const NARROW = [390, 768, 1920] as const;

export type Images = "placeholders" | "photos";

export interface Lost {
  id: string;
  name: string;
  width: number;
  class: string;
  detail?: string;
}

export interface ReaderRow {
  key: string;
  name: string;
  images: Images;
  designWidth: number;
  iouMatched: number;
  /** Share of text seen, by width. */
  seen: Record<number, number>;
  lost: Lost[];
  texts: number;
}

export async function measureReader(host: PageHost, page: LayoutPage, images: Images): Promise<ReaderRow> {
  const doc = images === "photos" && page.source !== "corpus" ? withPhotos(page) : page.document;
  const check = await checkLayout(doc, chromiumEngine(host, page.page));
  const code = await generateCode(doc, { ...HTML, layoutDecisions: check.decisions });
  const result = await resultPage(code.files, "html");
  // BENCH_BACKDROPS_OUT=dir: each page's HTML as measured, to look at (dir/<key>-<images>/).
  const keep = process.env["BENCH_BACKDROPS_OUT"];
  if (keep) writeFiles(join(keep, `${page.key.replace(/[^\w.-]+/g, "_")}-${images}`), code.files);
  const plan = measurePlan(page.frame, [0, ...NARROW]);
  const width = plan.facts.width;
  const answers = await withPage(
    host,
    result.files,
    result.entry,
    plan.steps[0]!,
    (p) => answerSteps(p, plan),
    page.page,
  );
  const design = answers.find((a) => a.width === width && a.boxes);
  if (!design?.boxes) throw new Error("no boxes at the design width");
  const fidelity = scoreBoxes(plan.frame, plan.nodes, design.boxes, false);
  const byId = new Map(plan.facts.texts.map((t) => [t.id, t]));
  const verdictsAt = (w: number): TextVerdict[] => {
    const answer = answers.find((a) => a.width === w);
    if (!answer) return [];
    return answer.texts.samples.flatMap((s) => {
      const facts = byId.get(s.id);
      const v = facts && classifyText(s, facts, (id) => plan.facts.names.get(id));
      return v ? [v] : [];
    });
  };
  const atDesign = verdictsAt(width);
  const whole = new Set(atDesign.filter((v) => v.class === "visible" && v.visible >= 0.999).map((v) => v.id));
  const seen: Record<number, number> = { [width]: textClassShares(atDesign).visible };
  const lost: Lost[] = [];
  for (const w of NARROW) {
    if (w === width) continue;
    const verdicts = verdictsAt(w);
    seen[w] = textClassShares(verdicts).visible;
    for (const v of verdicts)
      if (whole.has(v.id) && (v.class === "covered" || v.class === "illegible"))
        lost.push({ id: v.id, name: v.name, width: w, class: v.class, ...(v.detail ? { detail: v.detail } : {}) });
  }
  return {
    key: page.key,
    name: page.name,
    images,
    designWidth: width,
    iouMatched: fidelity.meanIoU * fidelity.matched,
    seen,
    lost,
    texts: whole.size,
  };
}

function writeFiles(dir: string, files: readonly { path: string; content: string; bytes?: Uint8Array }[]): void {
  for (const f of files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.bytes ?? f.content);
  }
}

/** The page's document again with a photo stand-in for each image fill. */
function withPhotos(page: LayoutPage): LayoutPage["document"] {
  return loadDesign(page.json, [page.id], { images: photoStandIns(page.frame) }).document;
}
