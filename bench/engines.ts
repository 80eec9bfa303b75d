/**
 * Bench section "engines" (issue 49): how often a layout engine without a browser disagrees with Chromium, layer by
 * layer, on every visible top-level frame of the real designers' files, the sample files and the corpus. Each frame
 * is inferred as the emitters infer it, its HTML rendered in Chromium at the design width (viewport = the frame's
 * width × height) with the design's fonts where the @fontsource devDependencies have them, and every layer's box
 * compared with the box each engine gives the same inferred tree (test/helpers/engine-agreement.ts): the simulator
 * (codegen/layout/simulate.ts, the self-check's engine where no browser is) and Yoga (codegen/layout/yoga.ts, measured
 * only). A layer disagrees when a side of its box is more than 2 px off; > 8 px is counted too. A rotated layer is
 * compared as the browser reports it, its turned bounding box. The figures are what the section is for: a
 * disagreement fails nothing; a frame that cannot be generated or rendered does.
 *   BENCH_ONLY=engines npm run bench
 */
import { inOneContext } from "../cli/measure/browser.js";
import { simulateFrame } from "../codegen/layout/simulate.js";
import { yogaFrame } from "../codegen/layout/yoga.js";
import {
  agreementFrames,
  FAR,
  frameAgreement,
  LAYER_KINDS,
  NEAR,
  type EngineAgreement,
  type FrameAgreement,
  type LayoutEngine,
} from "../test/helpers/engine-agreement.js";
import { QUICK, withBenchBrowser } from "./quick.js";
import { round, type BenchResults, type Json } from "./results.js";

const ENGINES: Readonly<Record<string, LayoutEngine>> = { simulator: simulateFrame, yoga: yogaFrame };
const NAMES = Object.keys(ENGINES);

interface Tally {
  frames: number;
  compared: number;
  near: number;
  far: number;
}

const tally = (rows: readonly FrameAgreement[], engine: string): Tally =>
  rows.reduce(
    (t, r) => {
      const e = r.engines[engine]!;
      return { frames: t.frames + 1, compared: t.compared + e.compared, near: t.near + e.near, far: t.far + e.far };
    },
    { frames: 0, compared: 0, near: 0, far: 0 },
  );

const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);
const pct = (part: number, whole: number): string => `${(share(part, whole) * 100).toFixed(1)} %`;
const short = (name: string): string =>
  (name.length > 34 ? `${name.slice(0, 33)}…` : name).replace(/\|/g, "\\|").replace(/\s+/g, " ");

export async function enginesSection(results: BenchResults): Promise<void> {
  const started = performance.now();
  const { frames, skipped } = agreementFrames();
  // Quick: the smallest real frame with a flow to lay out.
  const area = (f: (typeof frames)[number]): number => (f.document.frames[0]?.w ?? 0) * (f.document.frames[0]?.h ?? 0);
  const real = frames.filter((f) => f.source === "real" && (f.document.frames[0]?.layout || area(f) > 100_000));
  const chosen = QUICK && real.length > 0 ? [real.reduce((a, b) => (area(b) < area(a) ? b : a))] : frames;
  const rows: FrameAgreement[] = [];
  // The same pages as the CLI renders them today (cli/measure/browser.ts refuses every request to another origin, the
  // Google Fonts stylesheet too): the machine's own fonts. Quick: left out.
  const bare: FrameAgreement[] = [];
  const failures: string[] = [];
  await withBenchBrowser((host) =>
    inOneContext(host, async (context) => {
      for (const frame of chosen) {
        try {
          rows.push(await frameAgreement(context, frame, ENGINES));
          if (!QUICK) bare.push(await frameAgreement(context, { ...frame, page: {} }, ENGINES));
        } catch (error) {
          failures.push(`${frame.key}: ${(error as Error).message.split("\n")[0]}`);
        }
      }
    }),
  );
  record(results, rows, bare, skipped, performance.now() - started);
  print(results, rows, bare, skipped);
  if (failures.length > 0)
    throw new Error(`engines: ${failures.length} frame(s) could not be generated or rendered:\n${failures.join("\n")}`);
}

function engineJson(e: EngineAgreement): Json {
  return {
    compared: e.compared,
    over2px: e.near,
    over8px: e.far,
    share: round(share(e.near, e.compared)),
    worstPx: round(e.worst),
    byKind: Object.fromEntries(LAYER_KINDS.map((k) => [k, e.byKind[k]])),
    // The layers furthest off, for whoever improves the engine.
    worst: e.off.slice(0, 5).map((d) => ({ id: d.id, name: d.name, kind: d.kind, deltaPx: round(d.delta) })),
  };
}

function record(
  results: BenchResults,
  rows: readonly FrameAgreement[],
  bare: readonly FrameAgreement[],
  skipped: readonly string[],
  ms: number,
): void {
  for (const r of rows)
    results.set("engines", ["frames", r.frame.key], {
      source: r.frame.source,
      file: r.frame.file,
      frame: r.frame.name,
      width: r.width,
      height: r.height,
      fontsLoaded: r.fonts.loaded,
      fontsMissing: r.fonts.missing,
      unseen: r.unseen,
      engines: Object.fromEntries(NAMES.map((n) => [n, engineJson(r.engines[n]!)])),
    });
  const withFonts = rows.filter((r) => r.fonts.missing.length === 0);
  for (const n of NAMES) {
    const all = tally(rows, n);
    const fonts = tally(withFonts, n);
    results.set("engines", ["totals", n], {
      frames: all.frames,
      compared: all.compared,
      over2px: all.near,
      over8px: all.far,
      share: round(share(all.near, all.compared)),
      framesAgreeing: rows.filter((r) => r.engines[n]!.near === 0).length,
      byKind: Object.fromEntries(
        LAYER_KINDS.map((k) => [
          k,
          rows.reduce(
            (t, r) => ({
              compared: t.compared + r.engines[n]!.byKind[k].compared,
              near: t.near + r.engines[n]!.byKind[k].near,
              far: t.far + r.engines[n]!.byKind[k].far,
            }),
            { compared: 0, near: 0, far: 0 },
          ),
        ]),
      ),
      withAllFonts: {
        frames: fonts.frames,
        compared: fonts.compared,
        over2px: fonts.near,
        over8px: fonts.far,
        share: round(share(fonts.near, fonts.compared)),
      },
    });
  }
  for (const n of NAMES) {
    const t = tally(bare, n);
    if (t.frames > 0)
      results.set("engines", ["withoutFontRequests", n], {
        frames: t.frames,
        compared: t.compared,
        over2px: t.near,
        over8px: t.far,
        share: round(share(t.near, t.compared)),
        framesMissingFonts: bare.filter((r) => r.fonts.missing.length > 0).length,
      });
  }
  results.set("engines", ["setup"], {
    nearPx: NEAR,
    farPx: FAR,
    frames: rows.length,
    skipped: [...skipped],
    totalMs: Math.round(ms),
  });
}

function print(
  results: BenchResults,
  rows: readonly FrameAgreement[],
  bare: readonly FrameAgreement[],
  skipped: readonly string[],
): void {
  const p = (text: string): void => results.print(text);
  p(`\n## engines: the layout simulator (and Yoga) against Chromium, layer by layer\n`);
  p(
    `${rows.length} frames (every visible top-level frame of the real files, the sample files and the corpus; ` +
      `${skipped.length} without visible layers skipped), each inferred as the emitters infer it and rendered in ` +
      `Chromium at its design width with the design's fonts where @fontsource has them. A layer disagrees when a ` +
      `side of its box is more than ${NEAR} px from Chromium's (> ${FAR} px also counted). "simulator" is ` +
      `codegen/layout/simulate.ts (the self-check where no browser is), "yoga" is yoga-layout through ` +
      `codegen/layout/yoga.ts (measured, not used).\n`,
  );
  const withFonts = rows.filter((r) => r.fonts.missing.length === 0);
  const line = (n: string, which: string, t: Tally): string[] => [
    `${n} vs Chromium`,
    which,
    String(t.frames),
    String(t.compared),
    String(t.near),
    String(t.far),
    pct(t.near, t.compared),
  ];
  const totalRows = NAMES.flatMap((n) => [
    line(n, "all", tally(rows, n)),
    line(n, "fonts all loaded", tally(withFonts, n)),
    ...(bare.length > 0 ? [line(n, "no font requests (as the CLI renders)", tally(bare, n))] : []),
  ]);
  p(table(["engine", "frames", "count", "layers compared", `> ${NEAR} px`, `> ${FAR} px`, "share"], totalRows, 2));
  p(`\nBy kind of layer (all frames; > ${NEAR} px / compared):\n`);
  p(
    table(
      ["engine", ...LAYER_KINDS],
      NAMES.map((n) => [
        n,
        ...LAYER_KINDS.map((k) => {
          const c = rows.reduce((s, r) => s + r.engines[n]!.byKind[k].compared, 0);
          const d = rows.reduce((s, r) => s + r.engines[n]!.byKind[k].near, 0);
          return `${d} / ${c}`;
        }),
      ]),
    ),
  );
  p(`\nPer frame (fonts the page had no face for: its texts are measured in a fallback face):\n`);
  p(
    table(
      [
        "frame",
        "size",
        "layers",
        ...NAMES.flatMap((n) => [`${n} > ${NEAR}`, `> ${FAR}`, "share", "worst px"]),
        "fonts missing",
      ],
      rows.map((r) => [
        `${short(r.frame.file)} · ${short(r.frame.name)}`,
        `${Math.round(r.width)}×${Math.round(r.height)}`,
        String(r.engines[NAMES[0]!]!.compared),
        ...NAMES.flatMap((n) => {
          const e = r.engines[n]!;
          return [String(e.near), String(e.far), pct(e.near, e.compared), e.worst.toFixed(0)];
        }),
        r.fonts.missing.join(", ") || "—",
      ]),
      2,
    ),
  );
}

function table(head: string[], rows: string[][], rightFrom = 1): string {
  const sep = head.map((_, i) => (i >= rightFrom ? "---:" : "---"));
  return [head, sep, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}
