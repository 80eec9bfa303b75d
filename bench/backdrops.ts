/**
 * Bench section "backdrops" (issue 69's goals): every page layout inference is held to (test/helpers/layout-pages.ts:
 * the real designers' frames and the sample files wider than a phone, and the corpus), its HTML as `figment code`
 * writes it (the layout checked in Chromium first), twice — with image fills as placeholders, and with each image
 * supplied (a dark photo stand-in per imageRef for the real and sample files, whose JSON carries no bytes; the
 * corpus's own images) — measured by the product's own score at the design width, 390, 768 and 1920:
 * 1. texts a reader sees whole at the design width that are covered or illegible at 390, 768 or 1920: goal none;
 * 2. IoU × matched at the design width (reported beside the last run's, bench/out/results.json);
 * 3. text seen at 390 and 768 ≥ 0.98 on every frame whose design width shows ≥ 0.98.
 *   BENCH_ONLY=backdrops npm run bench     (BENCH_BACKDROPS=key,key: only the pages whose key contains one of them)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { inOneContext, withPage, type PageHost } from "../cli/measure/browser.js";
import { chromiumEngine } from "../cli/measure/layout-engine.js";
import { resultPage } from "../cli/measure/result-page.js";
import { answerSteps } from "../cli/measure/score.js";
import { scoreBoxes } from "../codegen/fidelity/box-score.js";
import { classifyText, type TextVerdict } from "../codegen/fidelity/classify.js";
import { measurePlan } from "../codegen/fidelity/measurement.js";
import { textClassShares } from "../codegen/fidelity/classify.js";
import { generateCode, loadDesign, type CodeOptions } from "../codegen/index.js";
import { checkLayout } from "../codegen/layout-check/index.js";
import { layoutPages, type LayoutPage } from "../test/helpers/layout-pages.js";
import { photoStandIns } from "../test/helpers/photo-stand-ins.js";
import { QUICK, withBenchBrowser } from "./quick.js";
import { round, type BenchResults, type Json } from "./results.js";

const HTML: CodeOptions = { target: "html", styling: "css-modules", nodeIds: true };
const NARROW = [390, 768, 1920] as const;
const READER_FLOOR = 0.98;

type Images = "placeholders" | "photos";

interface Lost {
  id: string;
  name: string;
  width: number;
  class: string;
  detail?: string;
}

interface Row {
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

async function measure(host: PageHost, page: LayoutPage, images: Images): Promise<Row> {
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

export async function backdropsSection(results: BenchResults): Promise<void> {
  const only = (process.env["BENCH_BACKDROPS"] ?? "").split(",").filter(Boolean);
  const all = layoutPages().filter((p) => only.length === 0 || only.some((k) => p.key.includes(k)));
  const pages = QUICK ? all.filter((p) => p.source === "real").slice(0, 2) : all;
  const rows: Row[] = [];
  const failures: string[] = [];
  await withBenchBrowser((host) =>
    inOneContext(host, async (context) => {
      for (const page of pages)
        for (const images of ["placeholders", "photos"] as const) {
          try {
            rows.push(await measure(context, page, images));
          } catch (error) {
            failures.push(`${page.key} (${images}): ${(error as Error).message.split("\n")[0]}`);
          }
        }
    }),
  );
  const lostTexts = rows.reduce((n, r) => n + r.lost.length, 0);
  const framesLosing = rows.filter((r) => r.lost.length > 0);
  const floorRows = rows.filter((r) => (r.seen[r.designWidth] ?? 0) >= READER_FLOOR);
  const underFloor = floorRows.filter((r) => [390, 768].some((w) => (r.seen[w] ?? 0) < READER_FLOOR));
  results.set("backdrops", ["summary"], {
    frames: pages.length,
    measured: rows.length,
    lostTexts,
    framesLosing: framesLosing.length,
    readerFloor: { floor: READER_FLOOR, frames: floorRows.length, under: underFloor.length },
    failures,
  });
  results.set(
    "backdrops",
    ["rows"],
    rows.map(
      (r): Json => ({
        key: r.key,
        images: r.images,
        iouMatched: round(r.iouMatched),
        seen: Object.fromEntries(Object.entries(r.seen).map(([w, s]) => [w, round(s)])),
        texts: r.texts,
        lost: r.lost.map((l) => ({ ...l })),
      }),
    ),
  );
  results.print(`\n## backdrops: texts a reader sees at the design width, at 390, 768 and 1920 (issue 69)\n`);
  results.print(
    `${pages.length} frames × 2 (image fills as placeholders, and as photo stand-ins), HTML as \`figment code\` ` +
      `writes it. Texts seen whole at the design width that are covered or illegible at 390, 768 or 1920: ` +
      `${lostTexts} on ${framesLosing.length} of ${rows.length} measurements (goal 0). Text seen at 390 and 768 under ` +
      `${READER_FLOOR} where the design width shows ≥ ${READER_FLOOR}: ${underFloor.length} of ${floorRows.length}.\n`,
  );
  const listed = rows.filter((r) => r.lost.length > 0 || underFloor.includes(r));
  if (listed.length > 0)
    results.print(
      table(
        ["frame", "images", "IoU×matched", "seen 390", "seen 768", "seen 1920", "lost (width: name, class)"],
        listed.map((r) => [
          `${r.key} ${r.name}`.slice(0, 60),
          r.images,
          r.iouMatched.toFixed(4),
          ...NARROW.map((w) => (r.seen[w] ?? 1).toFixed(3)),
          r.lost
            .slice(0, 6)
            .map((l) => `${l.width}: ${l.name.slice(0, 24)} ${l.class}`)
            .join("; ") + (r.lost.length > 6 ? ` … (${r.lost.length})` : ""),
        ]),
      ),
    );
  if (failures.length > 0)
    throw new Error(`backdrops: ${failures.length} measurement(s) failed:\n${failures.join("\n")}`);
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}
