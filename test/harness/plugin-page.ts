/** Node side of the plugin harness: bundles the host, serves it with the real dist/ bundles, opens it. */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { ConsoleMessage, Frame, Page } from "playwright-core";
import { withPage, type PageHost, type PageOptions } from "../../cli/measure/browser.js";
import type { SourceFile } from "../../codegen/types.js";
import { staticUrl } from "../helpers/static-server.js";
import type { Relay, RelayedMessage } from "./relay.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

let hostBundle: Promise<string> | undefined;

/**
 * The host page's script (test/harness/host.ts with the figma simulator), bundled once per process.
 * `root` is the repository (the bench passes its own: bundled into dist/, it cannot use ROOT).
 */
export function hostScript(root = ROOT): Promise<string> {
  // Bundled once per run by test/global-setup.ts; a test file run without it (or the bench) bundles it here.
  const prebuilt = process.env[HOST_BUNDLE_ENV];
  if (prebuilt && root === ROOT && existsSync(prebuilt)) hostBundle ??= Promise.resolve(readFileSync(prebuilt, "utf8"));
  hostBundle ??= bundleHost(root);
  return hostBundle;
}

/** Where test/global-setup.ts tells the test files it wrote the host page's bundle for this run. */
export const HOST_BUNDLE_ENV = "FIGMENT_TEST_HOST_BUNDLE";

/** test/harness/host.ts with the figma simulator, as one browser script. */
export function bundleHost(root = ROOT): Promise<string> {
  return browserScript(join(root, "test/harness/host.ts"));
}

/** One TypeScript entry bundled as a classic browser script (an IIFE), for a harness page to run. */
export function browserScript(entry: string): Promise<string> {
  return build({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2020",
    write: false,
    logLevel: "silent",
  }).then((result) => result.outputFiles[0]!.text);
}

export interface PluginPageOptions {
  /** File name in test/fixtures/figma, or a JSON value to serve as the design. */
  fixture: string | unknown;
  select?: string[];
  command?: string;
  /** clientStorage at start; Uint8Array values (image previews) survive the trip into the page. */
  storage?: Record<string, unknown>;
  /** Image bytes the file holds, by hash (FigmaSimOptions.images: a fixture's imageRefs, e.g. fixtureImages). */
  images?: Record<string, Uint8Array>;
  /**
   * Script run in the host page once the simulator exists and before dist/code.js starts (`window.__figmentSim`
   * is the simulator): e.g. plugin data a relaunch reads.
   */
  setup?: string;
  viewport?: { width: number; height: number };
  /** Origins the page may reach besides the harness (a local model server on 127.0.0.1). */
  allowOrigins?: string[];
  /** The repository root (the bench passes its own: bundled into dist/, it cannot use ROOT). */
  root?: string;
  /** The file's variables for `figma.variables` (the `variables/local` meta shape); none when omitted. */
  variables?: unknown;
  /** Message types the relay holds back from the start (e.g. `worker-source`, `init`) until `relay.release`. */
  hold?: string[];
  /**
   * Figma's theme on the panel's page (themeColors): its `--figma-color-*` variables and `figma-dark`/`figma-light`.
   */
  theme?: "light" | "dark";
  /** Answers requests to other origins from memory (Google Fonts from local files: serveGoogleFonts). */
  serve?: PageOptions["serve"];
}

export interface PluginPage {
  page: Page;
  /** The plugin UI's frame (dist/ui.html). */
  ui: Frame;
  /** Reads a value from the simulated figma (runs in the host page). */
  sim<T>(fn: string): Promise<T>;
  /** The relay between main thread and UI (test/harness/host.ts): what crossed it, and holding messages back. */
  relay: {
    hold(type: string): Promise<void>;
    release(type: string): Promise<void>;
    traffic(): Promise<RelayedMessage[]>;
  };
}

/** Opens the harness, waits for the plugin UI to load, and runs `fn`. */
export async function withPluginPage<T>(
  browser: PageHost,
  options: PluginPageOptions,
  fn: (p: PluginPage) => Promise<T>,
): Promise<T> {
  const root = options.root ?? ROOT;
  const fixtureFile = typeof options.fixture === "string" ? join(root, "test/fixtures/figma", options.fixture) : "";
  // The large files as the run's file server gives them (Chromium fetches them itself), else from memory.
  const fetchFrom = new Map<string, string>();
  const largeFiles: [string, string | undefined][] = [
    ["host.js", process.env[HOST_BUNDLE_ENV]],
    ["fixture.json", fixtureFile || undefined],
    ["ui.html", join(root, "dist/ui.html")],
    ["code.js", join(root, "dist/code.js")],
  ];
  for (const [path, file] of largeFiles) {
    const url = root === ROOT && file ? staticUrl(root, file) : undefined;
    if (url) fetchFrom.set(path, url);
  }
  const inMemory = (path: string, content: () => string | Promise<string>): Promise<SourceFile[]> =>
    fetchFrom.has(path) ? Promise.resolve([]) : Promise.resolve(content()).then((text) => [{ path, content: text }]);
  const files: SourceFile[] = [
    {
      path: "host.html",
      content:
        `<!doctype html><html><head><meta charset="utf-8"><title>Figment harness</title></head><body ` +
        `style="margin:0;background:#e5e5e5"><script src="host.js"></script></body></html>`,
    },
    ...(await inMemory("host.js", () => hostScript(root))),
    ...(await inMemory("fixture.json", () =>
      fixtureFile ? readFileSync(fixtureFile, "utf8") : JSON.stringify(options.fixture),
    )),
    ...(options.variables !== undefined
      ? [{ path: "variables.json", content: JSON.stringify(options.variables) }]
      : []),
    ...(await inMemory("ui.html", () => readFileSync(join(root, "dist/ui.html"), "utf8"))),
    ...(await inMemory("code.js", () => readFileSync(join(root, "dist/code.js"), "utf8"))),
  ];
  const query = new URLSearchParams({
    fixture: "fixture.json",
    select: (options.select ?? []).join(","),
    command: options.command ?? "code",
    hold: (options.hold ?? []).join(","),
    ...(options.variables !== undefined ? { variables: "variables.json" } : {}),
    ...(options.theme ? { theme: options.theme } : {}),
  });
  const viewport = options.viewport ?? { width: 520, height: 720 };
  // Storage, images and setup reach the page as a file it reads when it starts (seed.json), not an init script:
  // a page that keeps no init script can be reused for the next call when `browser` is a context
  // (cli/measure/browser.ts PageHost), and every later reload a test makes reads the same seed again.
  if (options.storage || options.setup || options.images) {
    files.push({ path: "seed.json", content: seedJson(options) });
    query.set("seed", "seed.json");
  }
  return withPage(
    browser,
    files,
    `host.html?${query.toString()}`,
    viewport,
    async (page) => {
      await page.waitForFunction(() => {
        const w = globalThis as unknown as { __figmentReady?: boolean; __figmentHostError?: string };
        return w.__figmentReady === true || w.__figmentHostError !== undefined;
      });
      const hostError = await page.evaluate(
        () => (globalThis as unknown as { __figmentHostError?: string }).__figmentHostError,
      );
      if (hostError) throw new Error(`harness host failed: ${hostError}`);
      const handle = await page.waitForSelector("#plugin-ui");
      const ui = await handle.contentFrame();
      if (!ui) throw new Error("harness: the plugin UI iframe has no frame");
      await ui.waitForSelector("#app > *");
      const sim = <R>(expression: string): Promise<R> =>
        page.evaluate(`(() => { const sim = window.__figmentSim; return ${expression}; })()`) as Promise<R>;
      const relay = {
        hold: (type: string) =>
          page.evaluate((t) => (globalThis as unknown as { __figmentRelay: Relay }).__figmentRelay.hold(t), type),
        release: (type: string) =>
          page.evaluate((t) => (globalThis as unknown as { __figmentRelay: Relay }).__figmentRelay.release(t), type),
        traffic: () => page.evaluate(() => (globalThis as unknown as { __figmentRelay: Relay }).__figmentRelay.traffic),
      };
      return withPageSaying(page, () => fn({ page, ui, sim, relay }));
    },
    {
      ...(options.allowOrigins ? { allowOrigins: options.allowOrigins } : {}),
      ...(options.serve ? { serve: options.serve } : {}),
      ...(fetchFrom.size > 0 ? { fetchFrom } : {}),
    },
  );
}

/** The most lines of what the page said that a failure carries. */
const SAID_LINES = 30;

/**
 * Runs `fn`; if it fails, its error also carries what the page logged meanwhile (console, workers included, and
 * uncaught errors): a test that waited in vain then says what the panel or the engine ran into.
 */
async function withPageSaying<T>(page: Page, fn: () => Promise<T>): Promise<T> {
  const said: string[] = [];
  const onConsole = (message: ConsoleMessage): void =>
    void said.push(`${message.type()}: ${message.text().slice(0, 400)}`);
  const onError = (error: Error): void => void said.push(`uncaught: ${error.message.slice(0, 400)}`);
  page.on("console", onConsole);
  page.on("pageerror", onError);
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Error && said.length > 0)
      error.message +=
        `\n` +
        `The page said (last ${Math.min(SAID_LINES, said.length)} of ${said.length} lines):\n` +
        `${said.slice(-SAID_LINES).join("\n")}`;
    throw error;
  } finally {
    page.off("console", onConsole);
    page.off("pageerror", onError);
  }
}

/** clientStorage, the file's image bytes and the setup script, as the host reads them (test/harness/host.ts `Seed`). */
function seedJson(options: PluginPageOptions): string {
  // Byte arrays travel as base64 and are made Uint8Array again in the page.
  return JSON.stringify(
    { storage: options.storage ?? {}, images: options.images ?? {}, setup: options.setup ?? "" },
    (_, value: unknown) =>
      value instanceof Uint8Array ? { __figmentBytes: Buffer.from(value).toString("base64") } : value,
  );
}

/**
 * A screenshot of the plugin panel alone (its iframe's box, less the 1-px frame) into `dir/<name>.png`, the
 * mouse moved off it first so no hover state shows.
 */
export async function panelScreenshot(page: Page, dir: string, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const box = await page.locator("#plugin-ui").boundingBox();
  if (!box) throw new Error("panelScreenshot: the plugin panel is not on the page");
  await page.mouse.move(0, (page.viewportSize()?.height ?? 1) - 1);
  await page.screenshot({
    path: join(dir, `${name}.png`),
    clip: { x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2 },
  });
}

/**
 * Waits for the Code panel's checked and formatted files (`.results` at stage "final"). A wait in vain says where the
 * job stood: the results' stage, the panel's status lines and text, and the UI's performance marks (which steps of
 * the job began and ended), so that a failure under load names the step that never ended.
 */
export async function waitForFinalCode(ui: Frame, timeoutMs: number): Promise<void> {
  try {
    await ui.waitForSelector('.results[data-stage="final"]', { timeout: timeoutMs });
  } catch (error) {
    if (error instanceof Error) error.message += `\nWhere the Code job stood:\n${await codeJobState(ui)}`;
    throw error;
  }
}

async function codeJobState(ui: Frame): Promise<string> {
  return ui
    .evaluate(() => {
      const text = (selector: string): string[] =>
        Array.from(document.querySelectorAll(selector)).map((e) => (e as HTMLElement).innerText.trim().slice(0, 200));
      const stages = Array.from(document.querySelectorAll(".results")).map((e) => e.getAttribute("data-stage"));
      const marks = performance
        .getEntries()
        .filter((e) => e.entryType === "mark" || e.entryType === "measure")
        .map((e) => `${e.entryType} ${e.name} at ${Math.round(e.startTime)} ms (${Math.round(e.duration)} ms)`);
      return [
        `results stage: ${stages.length > 0 ? stages.join(", ") : "no .results"}`,
        `status: ${JSON.stringify(text('[role="status"], .status, .progress'))}`,
        `buttons: ${JSON.stringify(text("button").slice(0, 12))}`,
        `marks: ${marks.length > 0 ? marks.join("; ") : "none"}`,
        `panel: ${(document.querySelector("#app") as HTMLElement | null)?.innerText.slice(0, 600) ?? "no #app"}`,
      ].join("\n");
    })
    .catch((error: unknown) => `(the panel could not be read: ${error instanceof Error ? error.message : error})`);
}
