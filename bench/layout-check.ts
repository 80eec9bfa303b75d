/**
 * Bench section "layout-check" (issue 49): what the layout check with a real engine costs and decides.
 * 1. The CLI's check: every visible top-level frame of the real files, the sample files and the corpus that layout
 *    inference changes, checked in Chromium as `figment code` checks it (one browser context, the design's fonts not
 *    served: the CLI fetches nothing), per frame: time, layouts asked for, verdict (every section's flow holds,
 *    sections kept as drawn, the whole frame's drawing, the frame as drawn); and the simulator's verdict on the same
 *    frame, to say how often the two decide differently. Goal: ≤ 1.5 s per frame; Chromium's launch (once per run)
 *    apart.
 * 2. The panel's check: Generate on designers' absolute pages in the browser harness (real dist/), the check's own
 *    time read from the panel's performance measure `figment:layout-check` (ui/code/code-job.ts), cold (a fresh page)
 *    and warm (Generate again). Goal: ≤ 300 ms added to a Generate.
 *   BENCH_ONLY=layout-check npm run bench        BENCH_LAYOUT_CHECK_LOADS (default 3)
 */
import type { Frame } from "playwright-core";
import { inOneContext, launchChromium, type PageHost } from "../cli/measure/browser.js";
import { chromiumEngine } from "../cli/measure/layout-engine.js";
import { checkLayout, simulatorEngine, type FrameCheck } from "../codegen/layout-check/index.js";
import type { FrameLayout } from "../codegen/layout/decide.js";
import { withPluginPage } from "../test/harness/plugin-page.js";
import { agreementFrames } from "../test/helpers/engine-agreement.js";
import { realFiles } from "../test/helpers/real-files.js";
import { repoRoot } from "./plugin-util.js";
import { benchCount, QUICK, withBenchBrowser } from "./quick.js";
import { againstTarget, round, timing, type BenchResults, type Json } from "./results.js";
import { fmtMs } from "./timing.js";

const CLI_TARGET_MS = 1500;
const PANEL_TARGET_MS = 300;
const LOADS = benchCount(3, 1, "BENCH_LAYOUT_CHECK_LOADS");
const TIMEOUT_MS = 180_000;
/** Designers' pages drawn without auto layout, as the panel checks them. */
const PANEL_PAGES = [
  { file: "psykolog-jenny.file.json", id: "35:34", name: "Psykolog Jenny · MacBook Pro 2.2 (1440×5588)" },
  { file: "attic-landing.file.json", id: "1:2", name: "Attic · Desktop - 1 (1440×2694)" },
  { file: "fitma-shop.file.json", id: "0:268", name: "Fitma · Product Details (1440×3948)" },
];

interface CliRow {
  key: string;
  name: string;
  width: number;
  ms: number;
  check: FrameCheck;
  simulator: FrameLayout;
}

const verdict = (layout: FrameLayout): string =>
  layout.exact ? "as drawn" : layout.drawn ? "whole drawing" : layout.kept.length > 0 ? "sections kept" : "flow holds";

const sameVerdict = (a: FrameLayout, b: FrameLayout): boolean =>
  !!a.exact === !!b.exact && !!a.drawn === !!b.drawn && [...a.kept].sort().join() === [...b.kept].sort().join();

/** Every inferred frame checked as the CLI checks it. */
async function cliRows(host: PageHost): Promise<CliRow[]> {
  const { frames } = agreementFrames();
  const chosen = QUICK ? frames.filter((f) => f.source === "real").slice(0, 3) : frames;
  const rows: CliRow[] = [];
  await inOneContext(host, async (context) => {
    const engine = chromiumEngine(context);
    for (const frame of chosen) {
      const started = performance.now();
      const check = await checkLayout(frame.document, engine);
      const ms = performance.now() - started;
      const checked = check.frames[0];
      if (!checked) continue; // nothing inferred: no check
      const simulated = (await checkLayout(frame.document, simulatorEngine)).frames[0]!;
      rows.push({
        key: frame.key,
        name: `${frame.file.replace(/\.(file|nodes|fragment)\.json$/, "")} · ${frame.name}`,
        width: Math.round(frame.document.frames[0]!.w),
        ms,
        check: checked,
        simulator: simulated.layout,
      });
    }
  });
  return rows;
}

/** Generate clicked once the panel is ready; resolves when the final files are in, with the check's own time. */
async function generateOnce(ui: Frame): Promise<{ checkMs: number; totalMs: number }> {
  const button = ui.getByRole("button", { name: "Generate", exact: true });
  // Ready: the job before it done (Generate is enabled again).
  await ui.waitForFunction(
    () =>
      Array.from(
        (
          globalThis as unknown as {
            document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null; disabled: boolean }> };
          }
        ).document.querySelectorAll("button"),
      ).some((b) => (b.textContent ?? "").trim() === "Generate" && !b.disabled),
    undefined,
    { timeout: TIMEOUT_MS },
  );
  const before = await ui.evaluate(() => performance.getEntriesByName("figment:layout-check", "measure").length);
  const t0 = Date.now();
  await button.click();
  await ui.waitForFunction((n) => performance.getEntriesByName("figment:layout-check", "measure").length > n, before, {
    timeout: TIMEOUT_MS,
  });
  await ui.locator('.results[data-stage="final"]').waitFor({ timeout: TIMEOUT_MS });
  const totalMs = Date.now() - t0;
  const checkMs = await ui.evaluate(() => {
    const all = performance.getEntriesByName("figment:layout-check", "measure");
    return all[all.length - 1]!.duration;
  });
  return { checkMs, totalMs };
}

async function panelRows(
  host: PageHost,
): Promise<{ page: (typeof PANEL_PAGES)[number]; cold: number[]; warm: number[]; totals: number[] }[]> {
  const files = new Map(realFiles().map((f) => [f.name, f.json]));
  const pages = QUICK ? PANEL_PAGES.slice(0, 1) : PANEL_PAGES;
  const out = [];
  for (const page of pages) {
    const cold: number[] = [];
    const warm: number[] = [];
    const totals: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      await withPluginPage(
        host,
        { fixture: files.get(page.file), select: [page.id], root: repoRoot() },
        async ({ ui }) => {
          const first = await generateOnce(ui);
          cold.push(first.checkMs);
          totals.push(first.totalMs);
          if (!QUICK) warm.push((await generateOnce(ui)).checkMs);
        },
      );
    }
    out.push({ page, cold, warm, totals });
  }
  return out;
}

export async function layoutCheckSection(results: BenchResults): Promise<void> {
  const launchStarted = performance.now();
  const launched = await launchChromium();
  const launchMs = performance.now() - launchStarted;
  await launched.close();
  const rows = await withBenchBrowser((host) => cliRows(host));
  const panel = await withBenchBrowser((host) => panelRows(host));

  const times = rows.map((r) => r.ms);
  const per = timing(times);
  const worst = Math.max(0, ...times);
  const counts: Record<string, number> = {};
  for (const r of rows) counts[verdict(r.check.layout)] = (counts[verdict(r.check.layout)] ?? 0) + 1;
  const disagree = rows.filter((r) => !sameVerdict(r.check.layout, r.simulator));
  results.set("layout-check", ["cli"], {
    frames: rows.length,
    chromiumLaunchMs: round(launchMs),
    perFrame: per,
    worstFrameMs: againstTarget(worst, CLI_TARGET_MS, "ms"),
    verdicts: counts,
    simulatorDecidesOtherwise: { frames: disagree.length, of: rows.length },
    rows: rows.map(
      (r): Json => ({
        key: r.key,
        width: r.width,
        ms: round(r.ms),
        rounds: r.check.rounds,
        compared: r.check.compared,
        verdict: verdict(r.check.layout),
        kept: r.check.keptNames,
        simulator: verdict(r.simulator),
        simulatorKept: r.simulator.kept.length,
        sameAsSimulator: sameVerdict(r.check.layout, r.simulator),
      }),
    ),
  });
  const panelFigures = panel.map((p) => ({
    page: p.page.name,
    cold: timing(p.cold),
    warm: timing(p.warm),
    clickToFinal: timing(p.totals),
    met: Math.max(...p.cold, ...p.warm) <= PANEL_TARGET_MS,
  }));
  results.set("layout-check", ["panel"], {
    target: PANEL_TARGET_MS,
    pages: panelFigures.map((p): Json => ({ ...p })),
  });

  results.print(`\n## layout-check: the inferred layout checked in a browser at the design width (issue 49)\n`);
  results.print(
    `CLI: ${rows.length} frames that layout inference changes (real, sample and corpus), each checked in Chromium ` +
      `as \`figment code\` does (fonts not served, as the CLI fetches nothing); Chromium's launch once per run: ` +
      `${fmtMs(launchMs)}. Per frame ${fmtMs(per?.medianMs ?? 0)} median, ${fmtMs(worst)} at most ` +
      `(goal ≤ ${fmtMs(CLI_TARGET_MS)}: ${worst <= CLI_TARGET_MS ? "met" : "missed"}). Verdicts: ` +
      `${Object.entries(counts)
        .map(([k, n]) => `${k} ${n}`)
        .join(", ")}; the simulator alone would decide otherwise on ${disagree.length} of ${rows.length}.\n`,
  );
  results.print(
    table(
      ["frame", "width", "ms", "layouts", "verdict (Chromium)", "kept", "simulator"],
      rows.map((r) => [
        r.name,
        String(r.width),
        fmtMs(r.ms),
        String(r.check.rounds),
        verdict(r.check.layout),
        r.check.keptNames.length > 0 ? r.check.keptNames.join(", ").slice(0, 60) : "—",
        sameVerdict(r.check.layout, r.simulator) ? "same" : verdict(r.simulator),
      ]),
    ),
  );
  results.print(
    `\nPanel: Generate in the browser harness on designers' absolute pages, the check's own time (its measuring ` +
      `iframe, each layout a page load), goal ≤ ${PANEL_TARGET_MS} ms.\n`,
  );
  results.print(
    table(
      ["page", "check, cold", "check, warm", "click → final files", `≤ ${PANEL_TARGET_MS} ms`],
      panelFigures.map((p) => [
        p.page,
        p.cold ? fmtMs(p.cold.medianMs) : "—",
        p.warm ? fmtMs(p.warm.medianMs) : "—",
        p.clickToFinal ? fmtMs(p.clickToFinal.medianMs) : "—",
        p.met ? "✓" : "✗",
      ]),
    ),
  );
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}
