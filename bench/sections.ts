/**
 * BENCH_ONLY=sections: issue 74's section planner on tall real pages (flora's "Home • Desktop" 1440 × 5594, the
 * psykolog-jenny page 1440 × 5588) and a small frame (flora's Order Modal): requests, every picture's size against
 * the provider's limits and its px per design px, the crops' cover of the frame, the texts that reach the model and
 * in how many requests each is (by hint part and by crop), each request's text against the single request's, and the
 * estimate against the request bodies built for sending (responsesRequest, as generateTurn sends them); and each tall
 * page assembled from its sections answered with their offline code, scored against the offline page. The HTTP
 * mechanics (bodies through the OpenAI-wire test server, a cancel mid-way) are cli/code/ai-sections.test.ts's.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { imageLimits, providerScale } from "../ai/code/sections/limits.js";
import { planSections } from "../ai/code/sections/plan.js";
import { sectionInputs } from "../ai/code/sections/inputs.js";
import { responsesRequest, type PromptInput } from "../ai/code/prompt.js";
import { countTextTokens, estimatePrompt, loadTokenizer } from "../ai/estimate/estimate.js";
import { encodePng } from "../ai/mask/png.js";
import type { DesignNode } from "../codegen/design/types.js";
import { laidDocument } from "../codegen/hint/model.js";
import { printHint } from "../codegen/hint/print.js";
import { loadDesign } from "../codegen/index.js";
import { simulateFrame } from "../codegen/layout/simulate.js";
import { estimatedInput } from "../ai/estimate/sections.js";
import { DEFAULT_SECTION_CONCURRENCY } from "../ai/code/sections/run.js";
import { assembleSections } from "../ai/code/sections/assemble.js";
import { scoreDocument, scoreFiles } from "../cli/code/score.js";
import { offlineSectionsPage, TALL_PAGES } from "../test/helpers/offline-sections.js";
import { QUICK, quickSample } from "./quick.js";
import { againstTarget, round, type BenchResults } from "./results.js";

const PAGES = [
  { file: "flora.file.json", id: "8203:59903", label: "flora Home • Desktop" },
  { file: "psykolog-jenny.file.json", id: "35:34", label: "psykolog-jenny MacBook Pro 2.2" },
  { file: "flora.file.json", id: "8211:116360", label: "flora Order Modal (small)" },
];

/** The texts the request sends (instructions, input texts, the schema), counted as the estimate counts them. */
function sentTextTokens(input: PromptInput): number {
  const body = responsesRequest(input, { model: "gpt-5.4-image-2", stream: true });
  const content = (body.input as { content: { type: string; text?: string }[] }[])[0]!.content;
  const texts = [
    body.instructions as string,
    ...content.filter((c) => c.type === "input_text").map((c) => c.text!),
    JSON.stringify((body.text!.format as { schema: unknown }).schema),
  ];
  return texts.reduce((sum, t) => sum + countTextTokens(t) + 4, 0);
}

function textBoxes(frame: DesignNode): { id: string; y: number; h: number }[] {
  const placed = simulateFrame(frame);
  const out: { id: string; y: number; h: number }[] = [];
  const walk = (n: DesignNode): void => {
    const box = placed.get(n);
    if (n.kind === "text" && box) out.push({ id: n.id, y: box.y, h: box.h });
    for (const c of n.children ?? []) walk(c);
  };
  walk(frame);
  return out;
}

export async function sectionsSection(results: BenchResults, root: string): Promise<void> {
  await loadTokenizer();
  const limits = imageLimits("high");
  // Quick: one split page and the page kept whole, each path once.
  for (const page of QUICK ? [PAGES[0]!, PAGES[2]!] : PAGES) {
    const json = JSON.parse(readFileSync(join(root, "test/fixtures/real", page.file), "utf8")) as unknown;
    const started = performance.now();
    const doc = laidDocument(loadDesign(json, [page.id]).document);
    const frame = doc.frames[0]!;
    const hint = printHint(doc);
    const width = Math.round(frame.w);
    const height = Math.round(frame.h);
    const plan = planSections(doc, frame, hint, {
      mode: "auto",
      limits,
      image: { width, height },
      countTokens: countTextTokens,
    });
    const planMs = performance.now() - started;
    const base: PromptInput = { target: "react", styling: "css-modules", hint, detail: "high" };
    const single = sentTextTokens(base);
    if (!plan.split) {
      results.set("sections", ["pages", page.label], { requests: 1, why: plan.why, planMs: round(planMs) });
      results.print(`sections ${page.label}: 1 request (${plan.why})`);
      continue;
    }
    const png = encodePng(width, height, 3, new Uint8Array(width * height * 3), "up");
    const inputs = await sectionInputs(base, plan, { name: frame.name, w: frame.w, h: frame.h }, png);
    const tiles = plan.sections.flatMap((s) => s.tiles);
    const longest = Math.max(...tiles.map((t) => Math.max(t.w, t.h)));
    const pxPerDesignPx = Math.min(...tiles.map((t) => t.w / frame.w));
    const scaled = tiles.filter((t) => providerScale(t.w, t.h, limits) < 1).length;
    const cover = plan.sections.reduce((sum, s) => sum + s.band.h, 0) / frame.h;
    // Texts: in the hint parts (each text's line), and in the crops (each band its drawn box reaches).
    const texts = textBoxes(frame);
    const inCrops = texts.map(
      (t) => plan.sections.filter((s) => t.y < s.band.y + s.band.h && t.y + t.h > s.band.y).length,
    );
    const reached = inCrops.filter((n) => n > 0).length / Math.max(1, texts.length);
    const ratios = inputs.map((input) => sentTextTokens(input) / single);
    // Sent: each section with every section before it answered (the most a run can send); estimated: as --dry-run
    // estimates it at the default concurrency.
    const components = plan.sections.map((s) => s.component);
    const estimateGaps = inputs.map((input, k) => {
      const first = plan.sections[k]!.tiles[0]!;
      const answered = components.slice(0, k).map((component) => ({ component, props: "" }));
      const sent = sentTextTokens({ ...input, section: { ...input.section!, answered } });
      const estimated = estimatedInput(inputs, k, DEFAULT_SECTION_CONCURRENCY);
      const estimate = estimatePrompt(estimated, { width: first.w, height: first.h }, { model: "gpt-5.4-image-2" });
      return Math.abs(estimate.textTokens - sent) / sent;
    });
    const figures = {
      frame: `${width}×${height}`,
      requests: plan.sections.length,
      why: plan.why,
      images: tiles.length,
      longestImageSide: longest,
      longSideLimit: limits.longSide,
      imagesScaledByProvider: scaled,
      minPxPerDesignPx: round(pxPerDesignPx),
      cropCover: round(cover),
      texts: texts.length,
      textsReachingModel: round(reached),
      maxRequestsPerTextByCrop: Math.max(...inCrops),
      maxRequestTextVsSingle: round(Math.max(...ratios)),
      maxEstimateGap: round(Math.max(...estimateGaps)),
      planMs: round(planMs),
    };
    results.set("sections", ["pages", page.label], figures);
    results.set("sections", ["goals", page.label], {
      requests: againstTarget(-plan.sections.length, -3, "requests (negated: ≥ 3)"),
      cover: againstTarget(-cover, -0.95, "crop cover (negated: ≥ 95 %)"),
      textRatio: againstTarget(Math.max(...ratios), 0.6, "request text / single request text"),
      estimate: againstTarget(Math.max(...estimateGaps), 0.05, "estimate vs sent, text tokens"),
    });
    results.print(
      `sections ${page.label} ${width}×${height}: ${plan.sections.length} requests, ${tiles.length} images ` +
        `(longest side ${longest} ≤ ${limits.longSide}, ${scaled} scaled, ${pxPerDesignPx.toFixed(2)} px/design px), ` +
        `crops cover ${(cover * 100).toFixed(1)} %, texts reached ${(reached * 100).toFixed(1)} % ` +
        `(max ${Math.max(...inCrops)} requests per text by crop), request text ≤ ` +
        `${(Math.max(...ratios) * 100).toFixed(0)} % of the single one, estimate within ` +
        `${(Math.max(...estimateGaps) * 100).toFixed(2)} %, planned in ${planMs.toFixed(0)} ms`,
    );
  }
  await assembledScores(results, root);
}

/**
 * The score goal: each tall page's sections answered with their offline code (ai/code/sections/offline.ts), assembled
 * by the path a model's answers take (assembleSections) and scored in Chromium as `--score` scores the model's files
 * (scoreFiles), against the offline page as `figment code --score` scores it (scoreDocument). Through HTTP (the test
 * server answering each section's request): cli/code/ai-sections-score.test.ts.
 */
async function assembledScores(results: BenchResults, root: string): Promise<void> {
  for (const page of quickSample(TALL_PAGES)) {
    const started = performance.now();
    const offline = await offlineSectionsPage(root, page.file, page.id);
    const frame = offline.loaded.document.frames[0]!;
    const components = offline.plan.sections.map((s) => s.component);
    const assembled = await assembleSections(offline.answers, components, offline.options, frame);
    const score = await scoreFiles(offline.loaded.roots[0]!, assembled.files, "react", frame);
    const [whole] = await scoreDocument(offline.loaded.document, offline.loaded.roots, offline.options);
    const gap = whole!.iouMatched - score.iouMatched;
    const figures = {
      sections: components.length,
      assembled: score.iouMatched,
      offline: whole!.iouMatched,
      gap: round(gap),
      assembledMatched: score.matched,
      assemblyProblems: assembled.problems.filter((p) => p.severity !== "info").length,
      ms: round(performance.now() - started),
    };
    results.set("sections", ["assembledScore", page.label], figures);
    results.set("sections", ["goals", page.label, "assembledScore"], {
      gap: againstTarget(Math.abs(gap), 0.01, "|offline page − assembled page|, IoU×matched at the design width"),
    });
    results.print(
      `sections ${page.label}: offline answers per section, assembled: ${score.iouMatched} vs the offline page ` +
        `${whole!.iouMatched} (gap ${gap.toFixed(4)}, ${components.length} sections, ` +
        `${figures.assemblyProblems} assembly problems)`,
    );
  }
}
