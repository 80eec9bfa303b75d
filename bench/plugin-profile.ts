/**
 * Where the panel's opening goes, from Chromium's own records rather than wall clocks: each fresh load of
 * dist/ui.html under the fake Figma parent (bench/plugin-browser.ts) is traced (devtools.timeline, v8), the
 * trace started on the new page before it navigates. The window runs from ui.html's first parse to the probe's
 * "figment-bench:generate-enabled" mark. Figures are the renderer main thread's CPU time (the trace's thread
 * clock, `tdur`), which a busy machine disturbs far less than wall time (`dur`, kept beside it).
 *
 * With `cpuProfile`, a CDP CPU profile (Profiler, 100 µs sampling) runs too and names the heaviest functions
 * of the panel's script by self time (as named in the minified bundle: for diagnosis, not for the tables; the
 * profiler's own interrupts make the loads slower). BENCH_PROFILE_DUMP=<file> writes the last load's raw trace
 * and profile there.
 */
import { writeFileSync } from "node:fs";
import type { Browser, CDPSession, Page } from "playwright-core";
import type { SourceFile } from "../codegen/types.js";
import { withPage, type PageHost } from "../cli/measure/browser.js";
import { fakeParentHtml, loginExport, withProbe, type ProbeResult } from "./plugin-browser.js";
import { PANEL_SCRIPT_MARKS } from "../ui/shell/panel-script.js";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string }; beginData?: { url?: string } };
}

/** CPU (thread time) and wall ms of one kind of main-thread work. */
export interface CpuWall {
  cpuMs: number;
  wallMs: number;
}

/** One traced load of the panel: main-thread work by kind, ui.html's first parse → Generate interactive. */
export interface ProfileSample {
  /** The panel's inline script: compile (v8.compile: the eager top-level parse of the whole script). */
  compile: CpuWall;
  /** The panel's inline script run (EvaluateScript, compile included): module evaluation and the first render. */
  script: CpuWall;
  /** HTML parsing of ui.html, its inline scripts excluded. */
  parseHtml: CpuWall;
  /** Style sheet parsing, style recalculation, layout and paint. */
  styleLayout: CpuWall;
  /** Every main-thread task in the window (the script, `init` and the render for it, timers, frames). */
  mainThread: CpuWall;
  /** The heaviest functions of the panel's script by self ms (with `cpuProfile` only). */
  top: { name: string; selfMs: number }[];
  marks: ProbeResult["marks"];
}

const TRACE_CATEGORIES = ["devtools.timeline", "v8", "disabled-by-default-devtools.timeline", "blink.user_timing"];
const END_MARK = "figment-bench:generate-enabled";

const onUiHtml = (e: TraceEvent) => (e.args?.data?.url ?? e.args?.beginData?.url)?.endsWith("/ui.html") === true;

function readTrace(events: TraceEvent[]): Omit<ProfileSample, "top" | "marks"> {
  const first = events.find((e) => e.name === "ParseHTML" && onUiHtml(e));
  if (!first) throw new Error("bench/plugin-profile: no ParseHTML of ui.html in the trace");
  const end = events.find((e) => e.name === END_MARK)?.ts ?? Number.POSITIVE_INFINITY;
  const within = events.filter(
    (e) =>
      e.pid === first.pid &&
      e.tid === first.tid &&
      e.ph === "X" &&
      e.dur !== undefined &&
      e.ts + e.dur! >= first.ts &&
      e.ts <= end,
  );
  const total = (list: TraceEvent[]): CpuWall => ({
    cpuMs: list.reduce((t, e) => t + (e.tdur ?? e.dur!), 0) / 1000,
    wallMs: list.reduce((t, e) => t + e.dur!, 0) / 1000,
  });
  // The panel's script runs between its own marks (ui/shell/start-panel.ts inserts it after the first paint, so
  // its trace events need not name ui.html): the longest script there.
  const started = events.find((e) => e.name === PANEL_SCRIPT_MARKS.start)?.ts;
  const ended = events.find((e) => e.name === PANEL_SCRIPT_MARKS.end)?.ts;
  if (started === undefined || ended === undefined)
    throw new Error("bench/plugin-profile: the panel script's marks are not in the trace");
  const longest = (name: string) =>
    within
      .filter((e) => e.name === name && e.ts >= started && e.ts <= ended)
      .sort((a, b) => b.dur! - a.dur!)
      .slice(0, 1);
  const parse = total(within.filter((e) => e.name === "ParseHTML" && onUiHtml(e)));
  // ParseHTML encloses the inline scripts it runs (the probe and the starter).
  const scripts = total(within.filter((e) => e.name === "EvaluateScript" && onUiHtml(e) && e.ts < started));
  return {
    compile: total(longest("v8.compile")),
    script: total(longest("EvaluateScript")),
    parseHtml: { cpuMs: Math.max(0, parse.cpuMs - scripts.cpuMs), wallMs: Math.max(0, parse.wallMs - scripts.wallMs) },
    styleLayout: total(
      within.filter((e) =>
        ["ParseAuthorStyleSheet", "UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize"].includes(e.name),
      ),
    ),
    mainThread: total(within.filter((e) => e.name === "RunTask")),
  };
}

/** Self ms per function of the panel's script: ui.html frames after the probe (which sits above `firstLine`). */
function heaviest(profile: CpuProfile, firstLine: number): ProfileSample["top"] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    if (!frame.url.endsWith("/ui.html") || frame.lineNumber < firstLine) return;
    const name = `${frame.functionName || "(anonymous)"} @${frame.lineNumber}:${frame.columnNumber}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([name, selfMs]) => ({ name, selfMs }));
}

/**
 * `runs` traced fresh loads of ui.html under the fake parent (no Generate click), each in a fresh context of
 * `browser` or a fresh page of `options.host` (a context of it).
 */
export async function profileFakeParent(
  browser: Browser,
  uiHtml: string,
  loginFileText: string,
  runs: number,
  options: { cpuProfile?: boolean; host?: PageHost } = {},
): Promise<ProfileSample[]> {
  const probed = withProbe(uiHtml);
  // The panel's script is inserted by the starter (ui/shell/start-panel.ts): its lines count from its own start.
  const firstLine = 0;
  const files: SourceFile[] = [
    { path: "index.html", content: fakeParentHtml(await loginExport(loginFileText)) },
    { path: "ui.html", content: probed },
  ];
  const out: ProfileSample[] = [];
  for (let i = 0; i < runs; i++) {
    let cdp: CDPSession | undefined;
    const start = async (page: Page) => {
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      if (!options.cpuProfile) return;
      cdp = await page.context().newCDPSession(page);
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
      await cdp.send("Profiler.start");
    };
    const measure = async (page: Page): Promise<ProfileSample> => {
      const ui = await (await page.waitForSelector("#plugin", { timeout: 15_000 })).contentFrame();
      if (!ui) throw new Error("bench/plugin-profile: no panel frame");
      type Win = { __figmentBench?: ProbeResult };
      await ui.waitForFunction(
        () => (globalThis as unknown as Win).__figmentBench?.marks.nextFrame !== undefined,
        undefined,
        { timeout: 15_000 },
      );
      const profile = cdp ? ((await cdp.send("Profiler.stop")) as { profile: CpuProfile }).profile : undefined;
      const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] };
      const probe = await ui.evaluate(() => (globalThis as unknown as Win).__figmentBench!);
      // For diagnosis (e.g. mapping the profile through a source map): the raw trace and profile of the last load.
      if (process.env.BENCH_PROFILE_DUMP)
        writeFileSync(process.env.BENCH_PROFILE_DUMP, JSON.stringify({ trace, profile }));
      return { ...readTrace(trace.traceEvents), top: profile ? heaviest(profile, firstLine) : [], marks: probe.marks };
    };
    out.push(
      await withPage(options.host ?? browser, files, "index.html", { width: 520, height: 720 }, measure, {
        beforeGoto: start,
      }),
    );
  }
  return out;
}
