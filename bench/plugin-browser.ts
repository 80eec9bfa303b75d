/**
 * The panel in headless Chromium: how fast dist/ui.html becomes interactive, how long the engine worker
 * takes to start, and the first generation of the login frame. Two set-ups, each a fresh page per load:
 *
 * - "fake parent": a page that embeds dist/ui.html in an iframe and plays Figma's main thread the way
 *   test/harness/check-ui.ts does (init on `ready`, thumbnail, an instant export-result with the sim's export of
 *   the login frame, `worker-source` { data } with the packed worker from dist/code.js on `get-worker-source`,
 *   and `ui-part` with the draft emitters or a panel part on `get-ui-part`), so only the panel is measured;
 * - "harness": test/harness/host.ts, i.e. the real dist/code.js on the simulated figma global, mounting the
 *   real dist/ui.html (srcdoc iframe) as Figma does; the real main thread answers `get-worker-source`.
 *
 * A small probe script is put first in ui.html's <head>: it records, with performance.now() (ms since the
 * panel document's navigation start), when `init` arrives, when the Generate button is in the DOM, enabled
 * and laid out (MutationObserver, with a requestAnimationFrame poll as a backstop), and the next frame.
 *
 * Then, on each fresh page, Generate is clicked as soon as the panel is interactive ("cold": the worker's idle
 * warm-up may be under way, or not begun), timing click → the first line of code (the emitters' draft) and
 * click → the checked and formatted files (`.results[data-stage="final"]`); then Generate again on the same
 * page ("warm").
 */
import type { ConsoleMessage, Frame, Page } from "playwright-core";
import { withPage, type PageHost } from "../cli/measure/browser.js";
import type { SourceFile } from "../codegen/types.js";
import { MAX_PNG_SCALE, THUMBNAIL_SIDE } from "../plugin/limits.js";
import { fitScale } from "../plugin/export/scale.js";
import { DEFAULT_SETTINGS } from "../contract/settings.js";
import { CODE_PARTS, type CodePart } from "../contract/messages.js";
import { createFigmaSim } from "../test/figma-sim/sim.js";
import { hostScript } from "../test/harness/plugin-page.js";
import { PANEL_SCRIPT_ID, PANEL_SCRIPT_MARKS } from "../ui/shell/panel-script.js";

/** What the probe leaves in the panel's window. Times are ms since the panel document's navigation start. */
export interface ProbeResult {
  timeOrigin: number;
  marks: {
    /** The probe ran (the parser reached <head>). */
    probe?: number;
    /** Just before / after the panel's script runs (its performance marks: ui/shell/start-panel.ts). */
    scriptStart?: number;
    scriptEnd?: number;
    init?: number;
    domContentLoaded?: number;
    load?: number;
    generateEnabled?: number;
    nextFrame?: number;
    exportResult?: number;
    /** `worker-source` (the packed worker from the main thread) arrived in the panel. */
    workerSource?: number;
  };
  /** The panel document's navigation timing (response = delivery of ui.html), read at `load`. */
  navigation: { responseStart: number; responseEnd: number; domInteractive: number } | null;
}

/** One click on Generate: ms from the click to the first line of code and to the checked, formatted files. */
export interface ClickSample {
  firstCodeMs: number;
  formattedMs: number;
  /** The worker's status at the click (idle, starting, ready). */
  workerAtClick: string;
  /** Click → `export-result` arrived in the panel (NaN when not seen). */
  exportMs: number;
}

/** Paint timing and the panel's own marks (ui/engine/warm-up.ts), ms since the panel's navigation start. */
export interface PanelMarks {
  firstPaint?: number;
  firstContentfulPaint?: number;
  /** The frame after the panel's first render was painted (the warm-up's starting point). */
  panelPainted?: number;
  /** The worker's warm-up began (idle time after that). */
  warmUp?: number;
}

export interface WorkerStatsInPage {
  starts: number;
  coldStartMs?: number;
  decodeMs?: number;
  bootMs?: number;
  /** The engine's first start → each code part loaded (ui/engine/engine.ts EngineStats). */
  codePartsReadyMs?: Partial<Record<CodePart, number>>;
  /** The engine's first start → its first code job answered (ui/engine/engine.ts EngineStats). */
  firstCodeReplyMs?: number;
  status: string;
}

export interface LoadSample {
  probe: ProbeResult;
  /** Panel navigation start − outer page navigation start. */
  offsetMs: number;
  marks: PanelMarks;
  /** The first Generate on a fresh page. */
  cold: ClickSample;
  /** Generate again on the same page, once the first one is done. */
  warm: ClickSample;
  /** Worker stats after the cold generation. */
  worker: WorkerStatsInPage;
}

/** The browser globals the page functions below use (the project compiles without the DOM lib). */
interface BenchElement {
  readonly textContent: string | null;
  readonly disabled?: boolean;
  click(): void;
}
interface BenchPage {
  __figmentBench?: ProbeResult;
  performance: {
    now(): number;
    readonly timeOrigin: number;
    getEntriesByType(type: string): ArrayLike<{ name: string; startTime: number }>;
  };
  document: {
    querySelector(selector: string): BenchElement | null;
    querySelectorAll(selector: string): ArrayLike<BenchElement>;
  };
  MutationObserver: new (
    callback: () => void,
  ) => { observe(target: unknown, options: Record<string, unknown>): void; disconnect(): void };
  setTimeout(fn: () => void, ms: number): number;
  figmentWorkerStats(): WorkerStatsInPage;
}

/** Runs first in the panel (plain JS, inlined into ui.html's <head>). */
const PROBE =
  `(function () {
  var out = { timeOrigin: performance.timeOrigin, marks: { probe: performance.now() }, navigation: null };
  window.__figmentBench = out;
  function mark(name) { if (out.marks[name] === undefined) out.marks[name] = performance.now(); }
  window.addEventListener("message", function (e) {
    var m = e.data && e.data.pluginMessage;
    if (m && m.type === "init") mark("init");
    if (m && m.type === "export-result") mark("exportResult");
    if (m && m.type === "worker-source") mark("workerSource");
  }, true);
  document.addEventListener("DOMContentLoaded", function () { mark("domContentLoaded"); });
  window.addEventListener("load", function () {
    mark("load");
    var nav = performance.getEntriesByType("navigation")[0];
    if (nav) out.navigation = { responseStart: nav.responseStart, responseEnd: nav.responseEnd, domInteractive: ` +
  `nav.domInteractive };
  });
  function interactive() {
    var list = document.querySelectorAll("button");
    for (var i = 0; i < list.length; i++) {
      var b = list[i];
      if ((b.textContent || "").trim() === "Generate" && !b.disabled && b.getClientRects().length > 0) return true;
    }
    return false;
  }
  var done = false;
  function found() {
    if (done) return;
    done = true;
    mark("generateEnabled");
    var started = performance.getEntriesByName(${JSON.stringify(PANEL_SCRIPT_MARKS.start)})[0], ended = ` +
  `performance.getEntriesByName(${JSON.stringify(PANEL_SCRIPT_MARKS.end)})[0];
    if (started) out.marks.scriptStart = started.startTime;
    if (ended) out.marks.scriptEnd = ended.startTime;
    // Also in Chromium's trace (blink.user_timing), where bench/plugin-profile.ts ends its window.
    if (performance.mark) performance.mark("figment-bench:generate-enabled");
    mo.disconnect();
    requestAnimationFrame(function () { mark("nextFrame"); });
  }
  var mo = new MutationObserver(function () { if (!done && interactive()) found(); });
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["disabled"] });
  (function poll() { if (done) return; if (document.body && interactive()) found(); else ` +
  `requestAnimationFrame(poll); })();
})();`;

/**
 * dist/ui.html with the probe first in <head>. The panel's script marks its own run (figment:panel-script-start
 * and -end, ui/shell/start-panel.ts: it starts after the first paint), which the probe copies into its marks.
 */
export function withProbe(html: string): string {
  if (!html.includes("<head>") || !html.includes(`id="${PANEL_SCRIPT_ID}"`))
    throw new Error("bench/plugin: dist/ui.html has no <head> or no panel script");
  return html.replace("<head>", () => `<head><script>${PROBE}</script>`);
}

/** What the main thread would send for the login frame: the sim's exports (JSON_REST_V1, PNG, thumbnail). */
export async function loginExport(fileText: string): Promise<{
  frame: { id: string; name: string; type: string; width: number; height: number; scale: number };
  json: unknown;
  pngB64: string;
  thumbB64: string;
}> {
  const sim = createFigmaSim({ file: JSON.parse(fileText) as unknown });
  const node = sim.topLevel().find((n) => n.visible && n.children);
  if (!node) throw new Error("bench/plugin: the login file has no frame");
  const scale = fitScale(node.width, node.height, DEFAULT_SETTINGS.maxImageSize, MAX_PNG_SCALE);
  const json = await node.exportAsync({ format: "JSON_REST_V1" });
  const png = (await node.exportAsync({ format: "PNG", constraint: { type: "SCALE", value: scale } })) as Uint8Array;
  const thumb = (await node.exportAsync({
    format: "PNG",
    constraint: { type: "SCALE", value: fitScale(node.width, node.height, THUMBNAIL_SIDE, MAX_PNG_SCALE) },
  })) as Uint8Array;
  return {
    frame: { id: node.id, name: node.name, type: node.type, width: node.width, height: node.height, scale },
    json,
    pngB64: Buffer.from(png).toString("base64"),
    thumbB64: Buffer.from(thumb).toString("base64"),
  };
}

/**
 * A page that embeds ui.html and answers it as Figma's main thread would (data parsed only when used). The
 * packed worker is served beside it as worker-source.txt; `__benchPreload()` fetches it into memory before
 * the Generate click (the real main thread holds it from the start), so `get-worker-source` is answered
 * from memory and the fetch never competes with the panel's opening.
 */
export function fakeParentHtml(
  data: Awaited<ReturnType<typeof loginExport>>,
  codeParts: readonly string[] = CODE_PARTS,
): string {
  const { frame } = data;
  const init = {
    type: "init",
    command: "code",
    settings: DEFAULT_SETTINGS,
    apiKeys: {},
    selection: {
      nodes: [{ id: frame.id, name: frame.name, type: frame.type, width: frame.width, height: frame.height }],
      unsupported: [],
    },
    editorType: "figma",
  };
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>Figment bench</title>
<style>html,body{margin:0;background:#e5e5e5}iframe{border:0;display:block;width:420px;height:600px}</style>
<script type="application/json" id="bench-data">${json(data)}</script>
<script>
const init = ${json(init)};
let data;
const load = () => (data ??= JSON.parse(document.getElementById("bench-data").textContent));
const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
let packed;
const workerSource = () => (packed ??= fetch("worker-source.txt").then((r) => {
  if (!r.ok) throw new Error("worker-source.txt: " + r.status);
  return r.text();
}));
// The code parts (formatter and preview; ts-morph), loaded into the worker before the jobs that need them.
const packedCodeParts = {};
const codePartSource = (part) => (packedCodeParts[part] ??= fetch("code-part-" + part + ".txt").then((r) => {
  if (!r.ok) throw new Error("code-part-" + part + ".txt: " + r.status);
  return r.text();
}));
// The Code panel's draft emitters, which the real main thread holds from the start too.
let packedDraft;
const draftSource = () => (packedDraft ??= fetch("draft-source.txt").then((r) => {
  if (!r.ok) throw new Error("draft-source.txt: " + r.status);
  return r.text();
}));
// The other panels (esbuild.panel-parts.mjs), which the panel warms in idle time after its first paint.
const panelPartSource = (part) => fetch("part-" + part + ".txt").then((r) => {
  if (!r.ok) throw new Error("part-" + part + ".txt: " + r.status);
  return r.text();
});
window.__benchPreload = () => Promise.all([workerSource(), draftSource(), ` +
    `...${json(codeParts)}.map(codePartSource)]).then(([data]) => data.length);
window.addEventListener("message", (event) => {
  const frame = document.getElementById("plugin");
  if (!frame || event.source !== frame.contentWindow) return;
  const m = event.data && event.data.pluginMessage;
  if (!m) return;
  const post = (message) => frame.contentWindow.postMessage({ pluginMessage: message }, "*");
  if (m.type === "ready") post(init);
  else if (m.type === "get-thumbnail") post({ type: "thumbnail", nodeId: m.nodeId, png: bytes(load().thumbB64) });
  else if (m.type === "get-ui-part") (m.part === "draft" ? draftSource() : panelPartSource(m.part)).then((data) => ` +
    `post({ type: "ui-part", requestId: m.requestId, data }));
  else if (m.type === "get-worker-source") (${json(codeParts)}.includes(m.part) ? codePartSource(m.part) : ` +
    `workerSource()).then((data) => post({ type: "worker-source", requestId: m.requestId, data }));
  else if (m.type === "export-selection") {
    const d = load();
    post({ type: "export-progress", requestId: m.requestId, done: 0, total: 1, label: "Exporting" });
    setTimeout(() => post({ type: "export-result", requestId: m.requestId, frames: [{ ...d.frame, json: d.json, ` +
    `png: bytes(d.pngB64) }] }), 0);
  }
});
</script></head><body><iframe id="plugin" src="ui.html"></iframe></body></html>`
  );
}

const GENERATE_TIMEOUT_MS = 60_000;

/** Runs after the panel is measured interactive and before the Generate click. */
type BeforeGenerate = (page: Page) => Promise<void>;

/** Clicks Generate and times the first line of code and the checked, formatted files (runs in the panel). */
function clickGenerate(ui: Frame): Promise<ClickSample> {
  return ui.evaluate(async (timeoutMs) => {
    const w = globalThis as unknown as BenchPage;
    const buttons = Array.from(w.document.querySelectorAll("button"));
    const button = buttons.find((b) => (b.textContent ?? "").trim() === "Generate" && !b.disabled);
    if (!button) throw new Error("no enabled Generate button");
    const workerAtClick = w.figmentWorkerStats().status;
    // The probe marks the first export-result only: forget the previous click's.
    if (w.__figmentBench) delete w.__figmentBench.marks.exportResult;
    const t0 = w.performance.now();
    button.click();
    const seen: { first?: number; formatted?: number } = {};
    await new Promise<void>((resolve, reject) => {
      const check = (): boolean => {
        const now = w.performance.now();
        if (seen.first === undefined && w.document.querySelector(".code__line")) seen.first = now;
        if (seen.formatted === undefined && w.document.querySelector('.results[data-stage="final"] .code__line'))
          seen.formatted = now;
        const failed = w.document.querySelector(".notice--error, .notice--warning");
        if (failed) throw new Error(`generation failed: ${failed.textContent ?? ""}`);
        return seen.first !== undefined && seen.formatted !== undefined;
      };
      const observer = new w.MutationObserver(() => {
        try {
          if (check()) {
            observer.disconnect();
            resolve();
          }
        } catch (error) {
          observer.disconnect();
          reject(error);
        }
      });
      observer.observe(w.document, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ["data-stage"],
      });
      w.setTimeout(() => {
        observer.disconnect();
        reject(new Error(`no code shown within ${timeoutMs} ms (${JSON.stringify(seen)})`));
      }, timeoutMs);
    });
    const exportResult = w.__figmentBench?.marks.exportResult;
    return {
      firstCodeMs: seen.first! - t0,
      formattedMs: seen.formatted! - t0,
      workerAtClick,
      exportMs: exportResult === undefined ? Number.NaN : exportResult - t0,
    };
  }, GENERATE_TIMEOUT_MS);
}

/** Waits for the probe's Generate mark, then clicks Generate (cold), waits for its files, and clicks again (warm). */
async function measureLoad(
  page: Page,
  ui: Frame,
  errors: string[],
  beforeGenerate?: BeforeGenerate,
): Promise<LoadSample> {
  try {
    await ui.waitForFunction(
      () => (globalThis as unknown as BenchPage).__figmentBench?.marks.nextFrame !== undefined,
      undefined,
      { timeout: 15_000 },
    );
  } catch (error) {
    throw new Error(
      `bench/plugin: Generate never became interactive ` +
        `(${error instanceof Error ? error.message : String(error)}); page errors: ${errors.join(" | ") || "none"}`,
    );
  }
  const probe = await ui.evaluate(() => (globalThis as unknown as BenchPage).__figmentBench!);
  const outerOrigin = await page.evaluate(() => (globalThis as unknown as BenchPage).performance.timeOrigin);
  // biome-ignore lint/nursery/useAwaitThenable: a false positive: BeforeGenerate returns Promise<void>
  await beforeGenerate?.(page);
  let cold: ClickSample;
  try {
    cold = await clickGenerate(ui);
  } catch (error) {
    throw new Error(
      `bench/plugin: the first Generate failed (${error instanceof Error ? error.message : String(error)}); ` +
        `page errors: ${errors.join(" | ") || "none"}`,
    );
  }
  const worker = await ui.evaluate(() => (globalThis as unknown as BenchPage).figmentWorkerStats());
  const warm = await clickGenerate(ui);
  const marks = await ui.evaluate(() => {
    const w = globalThis as unknown as BenchPage;
    const at = (type: string, name: string) =>
      Array.from(w.performance.getEntriesByType(type)).find((e) => e.name === name)?.startTime;
    return {
      firstPaint: at("paint", "first-paint"),
      firstContentfulPaint: at("paint", "first-contentful-paint"),
      panelPainted: at("mark", "figment:panel-painted"),
      warmUp: at("mark", "figment:worker-warm-up"),
    };
  });
  return { probe, offsetMs: probe.timeOrigin - outerOrigin, marks, cold, warm, worker };
}

async function loadOnce(
  browser: PageHost,
  files: SourceFile[],
  entry: string,
  frameSelector: string,
  beforeGenerate?: BeforeGenerate,
): Promise<LoadSample> {
  return withPage(browser, files, entry, { width: 520, height: 720 }, async (page) => {
    const errors: string[] = [];
    const onError = (error: Error) => errors.push(String(error));
    const onConsole = (message: ConsoleMessage) => {
      if (message.type() === "error") errors.push(message.text());
    };
    page.on("pageerror", onError);
    page.on("console", onConsole);
    try {
      const handle = await page.waitForSelector(frameSelector, { timeout: 15_000 });
      const ui = await handle.contentFrame();
      if (!ui) throw new Error(`bench/plugin: ${frameSelector} has no frame`);
      return await measureLoad(page, ui, errors, beforeGenerate);
    } finally {
      // A page of a shared context (BENCH_QUICK) serves the next load too.
      page.off("pageerror", onError);
      page.off("console", onConsole);
    }
  });
}

/**
 * `runs` fresh loads of ui.html under the fake Figma parent, each then generating; `enginePayload` is the
 * gzip+base64 worker from dist/code.js, which the parent hands over on `get-worker-source` (`codeParts` when asked
 * for one of them).
 */
export async function benchFakeParent(
  browser: PageHost,
  uiHtml: string,
  enginePayload: string,
  codeParts: Readonly<Record<string, string>>,
  draftPayload: string,
  panelParts: Record<string, string>,
  loginFileText: string,
  runs: number,
): Promise<LoadSample[]> {
  const files: SourceFile[] = [
    { path: "draft-source.txt", content: draftPayload },
    ...Object.entries(codeParts).map(([part, content]) => ({ path: `code-part-${part}.txt`, content })),
    ...Object.entries(panelParts).map(([part, content]) => ({ path: `part-${part}.txt`, content })),
    { path: "index.html", content: fakeParentHtml(await loginExport(loginFileText), Object.keys(codeParts)) },
    { path: "ui.html", content: withProbe(uiHtml) },
    { path: "worker-source.txt", content: enginePayload },
  ];
  const preload: BeforeGenerate = async (page) => {
    const chars = await page.evaluate(() =>
      (globalThis as unknown as { __benchPreload(): Promise<number> }).__benchPreload(),
    );
    if (chars !== enginePayload.length)
      throw new Error(
        `bench/plugin: the fake parent loaded ${chars} of the payload's ${enginePayload.length} characters`,
      );
  };
  const out: LoadSample[] = [];
  for (let i = 0; i < runs; i++) out.push(await loadOnce(browser, files, "index.html", "#plugin", preload));
  return out;
}

/**
 * `runs` fresh loads of the harness (real dist/code.js on the simulated figma) with frame `selectId` of the file
 * selected.
 */
export async function benchHarness(
  browser: PageHost,
  root: string,
  uiHtml: string,
  codeJs: string,
  fileText: string,
  selectId: string,
  runs: number,
): Promise<LoadSample[]> {
  const files: SourceFile[] = [
    {
      path: "host.html",
      content:
        `<!doctype html><html><head><meta charset="utf-8"><title>Figment harness</title></head><body ` +
        `style="margin:0;background:#e5e5e5"><script src="host.js"></script></body></html>`,
    },
    { path: "host.js", content: await hostScript(root) },
    { path: "fixture.json", content: fileText },
    { path: "ui.html", content: withProbe(uiHtml) },
    { path: "code.js", content: codeJs },
  ];
  const query = new URLSearchParams({ fixture: "fixture.json", select: selectId, command: "code" });
  const out: LoadSample[] = [];
  for (let i = 0; i < runs; i++)
    out.push(await loadOnce(browser, files, `host.html?${query.toString()}`, "#plugin-ui"));
  return out;
}
