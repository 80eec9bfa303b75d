/**
 * Bench section "real": real designers' files (test/fixtures/real/, SOURCES.md there) — every top-level frame of
 * every file, in every target (HTML with its stylesheet; React with CSS modules; React with Tailwind), scored by
 * the project's scorer (cli/measure/score.ts scoreCode → codegen/fidelity/) at 390, 768, the design width and 1920 px,
 * with Google Fonts answered locally (test/helpers/google-fonts.ts) and no image bytes (placeholders, as a file without
 * --images gives). Per frame and target: IoU × matched at the design width, and per width the share of text a reader
 * sees and how far the page scrolls sideways; and the same split by how each frame is drawn (absolute, absolute with
 * auto layout inside, auto layout: test/helpers/real-files.ts drawingOf), with its grid auto-layout frames counted.
 * It reports: low scores are what these inputs are for. It fails on an error — a frame whose code cannot be
 * generated or measured. Frames hidden in the design or without visible layers are listed as skipped.
 * One browser (and one context of it, whose pages are reused) for the whole section. Quick: the smallest file.
 *   BENCH_ONLY=real npm run bench
 * BENCH_REAL_SHOTS=<dir> also saves each HTML page's screenshot at the four widths (full page) under <dir>, for
 * looking at what the score does not catch; BENCH_REAL_FRAMES=<id>,<id> scores only those frames.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { inOneContext, withPage, type PageHost } from "../cli/measure/browser.js";
import { previewRuntimeScript, resultPage } from "../cli/measure/result-page.js";
import { buildReactPreview } from "../codegen/preview/react-preview.js";
import { scoreCode } from "../cli/measure/score.js";
import type { RestNode } from "../codegen/fidelity/design-nodes.js";
import type { FidelityScore, Placement, TextShares, WidthScore } from "../codegen/fidelity/types.js";
import { BLANK_SHARE } from "../codegen/fidelity/summary.js";
import { generateCode, loadDesign, type CodeOptions } from "../codegen/index.js";
import { isFigmentError } from "../kernel/errors.js";
import { agree, plural } from "../kernel/plural.js";
import { countNodes } from "../codegen/rest/reply.js";
import { familiesIn, localFamilies, serveGoogleFonts } from "../test/helpers/google-fonts.js";
import { type Drawing, realFiles, topLevelFrames, type RealFile, type RealFrame } from "../test/helpers/real-files.js";
import { QUICK, quickSmallest, withBenchBrowser } from "./quick.js";
import { round, timing, type BenchResults, type Json } from "./results.js";

/** The targets, as a user picks them. */
const TARGETS = [
  { key: "html", label: "HTML + CSS", options: { target: "html", styling: "css-modules", nodeIds: true } },
  {
    key: "react-css-modules",
    label: "React + CSS modules",
    options: { target: "react", styling: "css-modules", nodeIds: true },
  },
  {
    key: "react-tailwind",
    label: "React + Tailwind",
    options: { target: "react", styling: "tailwind", nodeIds: true },
  },
] as const satisfies readonly { key: string; label: string; options: CodeOptions }[];
type TargetKey = (typeof TARGETS)[number]["key"];

/** The widths every frame is scored at; 0 is the frame's own (design) width. */
const WIDTHS = [390, 768, 0, 1920] as const;
type WidthLabel = "390" | "768" | "design" | "1920";
const LABELS: readonly WidthLabel[] = ["390", "768", "design", "1920"];
const labelOf = (width: (typeof WIDTHS)[number]): WidthLabel =>
  width === 0 ? "design" : (String(width) as WidthLabel);

interface AtWidth {
  width: number;
  textVisible: number;
  /** Share of the text area in each class (the reader-sees score: codegen/fidelity/classify.ts). */
  text: TextShares;
  overflowPx: number;
  /** Blank page below the content, px, and whether that is more than a quarter of the viewport's height. */
  blankBelowPx: number;
  blank: boolean;
  placement?: Placement;
  /** Texts not (fully) seen. */
  hiddenTexts: number;
}

interface Scored {
  frame: RealFrame;
  nodes: number;
  target: TargetKey;
  iouMatched: number;
  widths: Record<WidthLabel, AtWidth>;
  /** Generated files, and the error problems the pipeline reported for them. */
  files: number;
  errorProblems: number;
  /** React + Tailwind: whether the measured page styles the utility classes (false: the preview says it cannot). */
  tailwindStyled?: boolean;
  ms: number;
}

interface Skipped {
  frame: RealFrame;
  reason: string;
}

const page = { serve: serveGoogleFonts };

export async function realSection(results: BenchResults): Promise<void> {
  const started = performance.now();
  const files = quickSmallest(realFiles(), (file) => file.bytes);
  const only = (process.env["BENCH_REAL_FRAMES"] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const shots = process.env["BENCH_REAL_SHOTS"];
  const frames = files
    .flatMap((file) => topLevelFrames(file).map((frame) => ({ file, frame })))
    .filter(({ frame }) => only.length === 0 || only.includes(frame.id));
  const scored: Scored[] = [];
  const skipped: Skipped[] = [];
  const failures: string[] = [];
  const loadMs = performance.now() - started;
  await withBenchBrowser((host) =>
    inOneContext(host, async (context) => {
      for (const { file, frame } of frames) {
        if (frame.hidden) {
          skipped.push({ frame, reason: "hidden in the design" });
          continue;
        }
        const design = loadFrame(file, frame);
        if ("skip" in design) {
          skipped.push({ frame, reason: design.skip });
          continue;
        }
        for (const target of TARGETS) {
          try {
            scored.push(await scoreOne(context, file, frame, design.document, target));
          } catch (error) {
            failures.push(
              `${file.name} ${frame.id} "${frame.name}" ${target.key}: ${(error as Error).message.split("\n")[0]}`,
            );
          }
        }
        if (shots) await screenshots(context, frame, design.document, join(shots, file.name.replace(/\..*$/, "")));
      }
    }),
  );
  const totalMs = performance.now() - started;
  report(results, files, scored, skipped, failures, { totalMs, loadMs, frames: frames.length });
  if (failures.length > 0)
    throw new Error(
      `real: ${failures.length} frame × target(s) could not be generated or measured:\n${failures.join("\n")}`,
    );
}

/** The frame's design tree, or why it has nothing to convert (a frame without visible layers). */
function loadFrame(
  file: RealFile,
  frame: RealFrame,
): { document: ReturnType<typeof loadDesign>["document"] } | { skip: string } {
  try {
    return { document: loadDesign(file.json, [frame.id]).document };
  } catch (error) {
    if (isFigmentError(error, "input")) return { skip: error.message };
    throw error;
  }
}

async function scoreOne(
  host: PageHost,
  _file: RealFile,
  frame: RealFrame,
  document: ReturnType<typeof loadDesign>["document"],
  target: (typeof TARGETS)[number],
): Promise<Scored> {
  const t0 = performance.now();
  const code = await generateCode(document, target.options);
  const score: FidelityScore = await scoreCode(host, {
    frame: frame.node as unknown as RestNode,
    files: code.files,
    target: target.options.target,
    page,
    widths: WIDTHS,
  });
  const designWidth = score.designWidth;
  const widths = {} as Record<WidthLabel, AtWidth>;
  for (const w of WIDTHS) {
    const px = w === 0 ? designWidth : w;
    const at: WidthScore | undefined = score.widths.find((s) => s.width === px);
    if (!at) throw new Error(`no figures at ${px} px (measured: ${score.widths.map((s) => s.width).join(", ")})`);
    const text = at.text ?? {
      visible: at.textVisible,
      missing: 0,
      clipped: 1 - at.textVisible,
      covered: 0,
      illegible: 0,
      "too-small": 0,
    };
    const blankBelowPx = at.blankBelowPx ?? 0;
    widths[labelOf(w)] = {
      width: px,
      textVisible: at.textVisible,
      text,
      overflowPx: at.overflowPx,
      blankBelowPx,
      blank: blankBelowPx > BLANK_SHARE * (at.viewportHeight ?? Infinity),
      ...(at.placement ? { placement: at.placement } : {}),
      hiddenTexts: at.hiddenTexts.length,
    };
  }
  // The preview the page is measured on says when it leaves Tailwind's classes unstyled (no compiler offline).
  const tailwindStyled =
    target.options.styling === "tailwind" && target.options.target === "react"
      ? !buildReactPreview(code.files, await previewRuntimeScript()).problems.some((p) => p.code === "preview-tailwind")
      : undefined;
  return {
    frame,
    nodes: countNodes(frame.node),
    target: target.key,
    iouMatched: score.iouMatched,
    widths,
    files: code.files.length,
    errorProblems: code.problems.filter((p) => p.severity === "error").length,
    ...(tailwindStyled !== undefined ? { tailwindStyled } : {}),
    ms: performance.now() - t0,
  };
}

/** The HTML page at the four widths, full page, as PNG files `<dir>/<frame id>-<width>.png`. */
async function screenshots(
  host: PageHost,
  frame: RealFrame,
  document: ReturnType<typeof loadDesign>["document"],
  dir: string,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const code = await generateCode(document, TARGETS[0].options);
  const { files, entry } = await resultPage(code.files, "html");
  for (const w of WIDTHS) {
    const width = w === 0 ? Math.max(1, Math.round(frame.width)) : w;
    const path = join(dir, `${frame.id.replace(/[^0-9A-Za-z]+/g, "-")}-${w === 0 ? `design-${width}` : width}.png`);
    await withPage(
      host,
      files,
      entry,
      { width, height: 900 },
      (p) => p.screenshot({ path, fullPage: true }).then(() => undefined),
      page,
    );
  }
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const pct = (v: number): string => `${(v * 100).toFixed(1)} %`;
const cell = (at: AtWidth): string => {
  const overflow = at.overflowPx > 0 ? ` · +${Math.round(at.overflowPx)} px` : "";
  const blank = at.blank ? ` · ${at.blankBelowPx} px blank` : "";
  const pinned = at.placement === "pinned-left" || at.placement === "pinned-right";
  const placement = pinned ? ` · ${at.placement?.replace("-", " ")}` : "";
  return `${(at.textVisible * 100).toFixed(0)} %${overflow}${blank}${placement}`;
};
const CAUSES = ["clipped", "covered", "illegible", "too-small", "missing"] as const;
const short = (name: string): string =>
  (name.length > 32 ? `${name.slice(0, 31)}…` : name).replace(/\|/g, "\\|").replace(/\s+/g, " ");

function report(
  results: BenchResults,
  files: readonly RealFile[],
  scored: readonly Scored[],
  skipped: readonly Skipped[],
  failures: readonly string[],
  time: { totalMs: number; loadMs: number; frames: number },
): void {
  const framesScored = new Set(scored.map((s) => `${s.frame.file} ${s.frame.id}`)).size;
  results.set(
    "real",
    ["frames"],
    scored.map(
      (s): Json => ({
        file: s.frame.file,
        frameId: s.frame.id,
        frameName: s.frame.name,
        ...(s.frame.section !== undefined ? { section: s.frame.section } : {}),
        type: s.frame.type,
        drawing: s.frame.drawing,
        gridFrames: s.frame.gridFrames,
        nodes: s.nodes,
        designWidth: s.widths.design.width,
        designHeight: s.frame.height,
        target: s.target,
        iouMatched: round(s.iouMatched),
        widths: Object.fromEntries(
          LABELS.map((l) => {
            const at = s.widths[l];
            return [
              l,
              {
                width: at.width,
                textVisible: round(at.textVisible),
                text: Object.fromEntries(Object.entries(at.text).map(([c, v]) => [c, round(v)])),
                overflowPx: round(at.overflowPx),
                blankBelowPx: at.blankBelowPx,
                ...(at.placement ? { placement: at.placement } : {}),
                hiddenTexts: at.hiddenTexts,
              },
            ];
          }),
        ),
        files: s.files,
        errorProblems: s.errorProblems,
        ...(s.tailwindStyled !== undefined ? { tailwindStyled: s.tailwindStyled } : {}),
        ms: round(s.ms),
      }),
    ),
  );
  results.set(
    "real",
    ["skipped"],
    skipped.map((k) => ({ file: k.frame.file, frameId: k.frame.id, frameName: k.frame.name, reason: k.reason })),
  );
  results.set("real", ["failures"], [...failures]);
  const summary: Record<string, Json> = {};
  for (const target of TARGETS) {
    const rows = scored.filter((s) => s.target === target.key);
    if (rows.length === 0) continue;
    const iou = rows.map((s) => s.iouMatched);
    summary[target.key] = {
      n: rows.length,
      iouMatched: { mean: round(mean(iou)), worst: round(Math.min(...iou)) },
      ...Object.fromEntries(
        LABELS.map((l) => {
          const visible = rows.map((s) => s.widths[l].textVisible);
          const overflow = rows.map((s) => s.widths[l].overflowPx);
          return [
            l,
            {
              textVisible: { mean: round(mean(visible)), worst: round(Math.min(...visible)) },
              lost: Object.fromEntries(CAUSES.map((c) => [c, round(mean(rows.map((s) => s.widths[l].text[c])))])),
              overflowPx: { mean: round(mean(overflow)), worst: round(Math.max(...overflow)) },
              overflowing: overflow.filter((v) => v > 0).length,
              blankPages: rows.filter((s) => s.widths[l].blank).length,
              pinnedPages: rows.filter(
                (s) => s.widths[l].placement === "pinned-left" || s.widths[l].placement === "pinned-right",
              ).length,
            },
          ];
        }),
      ),
    };
  }
  results.set("real", ["summary"], summary);
  const perScoring = timing(scored.map((s) => s.ms));
  // Google Fonts are answered from the @fontsource devDependencies: a family not among them falls back.
  const families = [...new Set(files.flatMap((f) => [...familiesIn(f.json)]))].sort();
  const served = families.filter((f) => localFamilies().has(f.toLowerCase()));
  const fallback = families.filter((f) => !localFamilies().has(f.toLowerCase()));
  results.set("real", ["fonts"], { served, fallback });
  results.set("real", ["tailwindUnstyled"], scored.filter((s) => s.tailwindStyled === false).length);
  results.set("real", ["time"], {
    totalMs: round(time.totalMs),
    readFilesMs: round(time.loadMs),
    files: files.length,
    frames: time.frames,
    framesScored,
    skipped: skipped.length,
    scorings: scored.length,
    perScoring,
    quick: QUICK,
  });

  results.print(`\n## real: real designers' files, every frame × target × width\n`);
  results.print(
    `${plural(files.length, "file")} (test/fixtures/real/SOURCES.md), ` +
      `${plural(time.frames, "top-level frame")} (frames in sections included), ${skipped.length} skipped ` +
      `(hidden, or no visible layers), ${framesScored} scored in ${TARGETS.length} targets ` +
      `at 390, 768, the design width and 1920 px: ${plural(scored.length, "scoring")} ` +
      `(cli/measure/score.ts, the project's scorer), image fills as placeholders. ` +
      `Fonts: Google Fonts are answered locally from @fontsource, which has ` +
      `${served.join(", ") || "none"} of the files' families; ${fallback.join(", ") || "none"} ` +
      `${agree(fallback.length, "falls", "fall")} back to local faces. ` +
      `${(time.totalMs / 1000).toFixed(0)} s in all (median ${((perScoring?.medianMs ?? NaN) / 1000).toFixed(2)} ` +
      `s per frame × target: code generation and 4 page loads). ` +
      `A cell is the share of the design's text area a reader sees (not ` +
      `cut off, covered, illegible, too small or missing) and, if the page ` +
      `scrolls sideways, by how much; "blank" when the page runs on more ` +
      `than a quarter of the viewport below its content; "pinned" when, ` +
      `wider than the design, its content keeps to one side. Low scores do not fail the section; an error does.\n`,
  );
  const unstyled = scored.filter((s) => s.tailwindStyled === false).length;
  if (unstyled > 0) {
    results.print(
      `**React + Tailwind is measured unstyled** on ${unstyled} of ` +
        `${plural(scored.filter((s) => s.tailwindStyled !== undefined).length, "frame")}` +
        `: the page scored is the panel's preview, ` +
        `which has no Tailwind compiler offline ("preview-tailwind"), so the utility ` +
        `classes do nothing there. Its figures say how the markup reads unstyled, ` +
        `not how the shipped project looks.\n`,
    );
  }
  const head = [
    "target",
    "n",
    "IoU×m mean",
    "IoU×m worst",
    ...LABELS.flatMap((l) => [
      `${l}: text mean`,
      `${l}: text worst`,
      `${l}: lost to cut / covered / illegible / small / missing`,
      `${l}: overflow mean / worst / pages`,
      `${l}: blank / pinned pages`,
    ]),
  ];
  results.print(`### summary: mean and worst per width per target\n`);
  results.print(
    table(
      head,
      TARGETS.flatMap((target) => {
        const rows = scored.filter((s) => s.target === target.key);
        if (rows.length === 0) return [];
        return [
          [
            target.label,
            String(rows.length),
            pct(mean(rows.map((s) => s.iouMatched))),
            pct(Math.min(...rows.map((s) => s.iouMatched))),
            ...LABELS.flatMap((l) => {
              const visible = rows.map((s) => s.widths[l].textVisible);
              const overflow = rows.map((s) => s.widths[l].overflowPx);
              const lost = CAUSES.map((c) => pct(mean(rows.map((s) => s.widths[l].text[c])))).join(" / ");
              const blank = rows.filter((s) => s.widths[l].blank).length;
              const pinned = rows.filter(
                (s) => s.widths[l].placement === "pinned-left" || s.widths[l].placement === "pinned-right",
              ).length;
              return [
                pct(mean(visible)),
                pct(Math.min(...visible)),
                lost,
                `${Math.round(mean(overflow))} / ${Math.round(Math.max(...overflow))} ` +
                  `px / ${overflow.filter((v) => v > 0).length}`,
                `${blank} / ${pinned}`,
              ];
            }),
          ],
        ];
      }),
    ),
  );
  results.print(`\n### by how the frame is drawn (test/helpers/real-files.ts drawingOf)\n`);
  results.print(
    table(
      ["target", "drawn", "n", "IoU×m mean", "IoU×m worst", "390: text mean", "768: text mean", "1920: text mean"],
      TARGETS.flatMap((target) =>
        DRAWINGS.flatMap((drawing) => {
          const rows = scored.filter((s) => s.target === target.key && s.frame.drawing === drawing);
          if (rows.length === 0) return [];
          const iou = rows.map((s) => s.iouMatched);
          const text = (l: WidthLabel): string => pct(mean(rows.map((s) => s.widths[l].textVisible)));
          return [
            [
              target.label,
              drawing,
              String(rows.length),
              pct(mean(iou)),
              pct(Math.min(...iou)),
              text("390"),
              text("768"),
              text("1920"),
            ],
          ];
        }),
      ),
      2,
    ),
  );
  for (const file of files) {
    const rows = scored.filter((s) => s.frame.file === file.name);
    const skippedHere = skipped.filter((k) => k.frame.file === file.name);
    if (rows.length === 0 && skippedHere.length === 0) continue;
    results.print(
      `\n### ${file.name}${file.notes.length > 0 ? ` (read with a note: ${file.notes.join("; ")})` : ""}\n`,
    );
    results.print(
      table(
        ["frame", "drawn", "target", "design width", "IoU×matched", "390", "768", "design", "1920"],
        rows.map((s) => [
          `${short(s.frame.name)} (${s.frame.id})`,
          drawnCell(s.frame),
          s.target,
          String(s.widths.design.width),
          pct(s.iouMatched),
          ...LABELS.map((l) => cell(s.widths[l])),
        ]),
        3,
      ),
    );
    if (skippedHere.length > 0)
      results.print(
        `\nSkipped: ${skippedHere.map((k) => `${short(k.frame.name)} (${k.frame.id}): ${k.reason}`).join("; ")}.`,
      );
  }
  if (failures.length > 0)
    results.print(`\n**Failed** (could not be generated or measured):\n${failures.map((f) => `- ${f}`).join("\n")}`);
}

const DRAWINGS: readonly Drawing[] = ["absolute", "absolute, auto layout inside", "auto layout"];

/** How the frame is drawn, and its grid auto-layout frames if it has any. */
const drawnCell = (frame: RealFrame): string =>
  frame.gridFrames > 0 ? `${frame.drawing}, ${plural(frame.gridFrames, "grid frame")}` : frame.drawing;

function table(head: string[], rows: string[][], rightFrom = 1): string {
  const sep = head.map((_, i) => (i >= rightFrom ? "---:" : "---"));
  return [head, sep, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}
