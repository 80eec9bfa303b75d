/**
 * Browser entry of the plugin harness: plays Figma around the real bundles. It installs the simulated
 * `figma` global built from a real Figma file, evaluates the real dist/code.js as the main thread, and when
 * the plugin calls figma.showUI it mounts the real dist/ui.html in an iframe, relaying messages both ways
 * as Figma does (`{ pluginMessage }` envelopes, queued until the UI has loaded).
 *
 * Query parameters: fixture (a file served beside this page), select (comma-separated node ids), command,
 * editorType, hold (comma-separated message types to hold back from the start, see `__figmentRelay`), theme (light or
 * dark: Figma's theme variables on the panel's page when it asks for themeColors, as Figma puts them). figma.ui.resize
 * resizes the UI's iframe. `window.__figmentStorage` (set by the test before load) seeds clientStorage, so settings
 * can survive a "reload"; seed (a file served beside this page, see `Seed`) sets it, the image bytes and the setup
 * script.
 */
import { createFigmaSim, installFigmaSim, type FigmaSim, type FigmaSimOptions } from "../figma-sim/index.js";
import type { Relay, RelayedMessage } from "./relay.js";
import { withFigmaTheme, type FigmaTheme } from "./figma-theme.js";

interface HostWindow {
  __figmentRelay?: Relay;
  __figmentStorage?: Record<string, unknown>;
  /** Image bytes by hash the simulated file holds (PluginPageOptions.images). */
  __figmentImages?: Record<string, Uint8Array>;
  /** Script run once the simulator exists, before dist/code.js (PluginPageOptions.setup). */
  __figmentSetup?: string;
  __figmentSim?: FigmaSim;
  __figmentHostError?: string;
  __figmentReady?: boolean;
}
const host = window as unknown as Window & HostWindow;

async function text(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`harness: cannot load ${path} (${response.status})`);
  return response.text();
}

function createRelay(
  initiallyHeld: string[],
): Relay & { pass(type: string, from: RelayedMessage["from"], deliver: () => void, part?: string): void } {
  const holding = new Set(initiallyHeld);
  const waiting = new Map<string, (() => void)[]>();
  const traffic: RelayedMessage[] = [];
  return {
    traffic,
    hold: (type) => void holding.add(type),
    release: (type) => {
      holding.delete(type);
      for (const deliver of waiting.get(type)?.splice(0) ?? []) deliver();
    },
    pass: (type, from, deliver, part) => {
      const send = (): void => {
        traffic.push({
          from,
          type,
          at: performance.timeOrigin + performance.now(),
          ...(part !== undefined ? { part } : {}),
        });
        deliver();
      };
      // Held by type, or by type and part (`get-worker-source:code-format`: that part's source alone).
      const key = part !== undefined && holding.has(`${type}:${part}`) ? `${type}:${part}` : type;
      if (!holding.has(key)) return send();
      waiting.set(key, [...(waiting.get(key) ?? []), send]);
    },
  };
}

const typeOf = (message: unknown): string =>
  typeof message === "object" && message !== null && typeof (message as { type?: unknown }).type === "string"
    ? (message as { type: string }).type
    : "";
/** The `part` a message names (get-worker-source: which worker), for the relay's record. */
const partOf = (message: unknown): string | undefined =>
  typeof message === "object" && message !== null && typeof (message as { part?: unknown }).part === "string"
    ? (message as { part: string }).part
    : undefined;

function mountUi(
  html: string,
  sim: FigmaSim,
  width: number,
  height: number,
  relay: ReturnType<typeof createRelay>,
): void {
  const iframe = document.createElement("iframe");
  iframe.id = "plugin-ui";
  iframe.width = String(width);
  iframe.height = String(height);
  iframe.style.border = "1px solid #ccc";
  const queue: unknown[] = [];
  let loaded = false;
  const deliver = (message: unknown): void =>
    relay.pass(typeOf(message), "plugin", () => iframe.contentWindow?.postMessage({ pluginMessage: message }, "*"));
  sim.ui.listen((message) => (loaded ? deliver(message) : queue.push(message)));
  // Messages already posted before the iframe existed (init right after showUI) wait in the queue too.
  for (const message of sim.ui.messages) queue.push(message);
  iframe.addEventListener("load", () => {
    loaded = true;
    for (const message of queue.splice(0)) deliver(message);
  });
  window.addEventListener("message", (event) => {
    if (event.source !== iframe.contentWindow) return;
    const data = event.data as { pluginMessage?: unknown } | null;
    if (data && typeof data === "object" && "pluginMessage" in data)
      relay.pass(
        typeOf(data.pluginMessage),
        "ui",
        () => void sim.ui.send(data.pluginMessage),
        partOf(data.pluginMessage),
      );
  });
  iframe.srcdoc = html;
  document.body.appendChild(iframe);
}

/** What test/harness/plugin-page.ts serves as seed.json: clientStorage, image bytes, the setup script. */
interface Seed {
  storage: Record<string, unknown>;
  images: Record<string, Uint8Array>;
  setup: string;
}

/** The seed file, its base64 byte arrays made Uint8Array again, into the globals the host reads below. */
async function readSeed(path: string): Promise<void> {
  const seed = JSON.parse(await text(path), (_, value: unknown) => {
    const bytes =
      typeof value === "object" && value !== null ? (value as { __figmentBytes?: unknown }).__figmentBytes : undefined;
    return typeof bytes === "string" ? Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0)) : value;
  }) as Seed;
  host.__figmentStorage = seed.storage;
  host.__figmentImages = seed.images;
  if (seed.setup) host.__figmentSetup = seed.setup;
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const seed = params.get("seed");
  if (seed) await readSeed(seed);
  const file: unknown = JSON.parse(await text(params.get("fixture") ?? "fixture.json"));
  const [uiHtml, code] = await Promise.all([text("ui.html"), text("code.js")]);
  const variablesPath = params.get("variables");
  const variables = variablesPath ? (JSON.parse(await text(variablesPath)) as FigmaSimOptions["variables"]) : undefined;
  const select = (params.get("select") ?? "").split(",").filter(Boolean);
  const editorType = (params.get("editorType") ?? "figma") as "figma" | "dev";
  const sim = createFigmaSim({
    file,
    selectIds: select,
    command: params.get("command") ?? "code",
    editorType,
    storage: host.__figmentStorage ?? {},
    ...(variables ? { variables } : {}),
    images: host.__figmentImages ?? {},
  });
  installFigmaSim(sim);
  const relay = createRelay((params.get("hold") ?? "").split(",").filter(Boolean));
  host.__figmentRelay = relay;
  (globalThis as { __html__?: string }).__html__ = uiHtml;
  const figma = sim.figma as { showUI: (html: string, options?: Record<string, unknown>) => void };
  const showUI = figma.showUI;
  const theme = params.get("theme");
  figma.showUI = (html, options = {}) => {
    showUI(html, options);
    // Figma themes the page only when the plugin asks (themeColors); without a theme the fallbacks (light) apply.
    if (options["themeColors"] === true && (theme === "light" || theme === "dark"))
      html = withFigmaTheme(html, theme as FigmaTheme);
    const width = typeof options["width"] === "number" ? options["width"] : 300;
    const height = typeof options["height"] === "number" ? options["height"] : 200;
    mountUi(html, sim, width, height, relay);
  };
  // Figma resizes the plugin window on figma.ui.resize; so does the harness, so the panel's layout follows.
  const ui = (sim.figma as { ui: { resize: (width: number, height: number) => void } }).ui;
  const resize = ui.resize;
  ui.resize = (width, height) => {
    resize(width, height);
    const frame = document.getElementById("plugin-ui") as HTMLIFrameElement | null;
    if (frame) {
      frame.width = String(width);
      frame.height = String(height);
    }
  };
  host.__figmentSim = sim;
  // An indirect eval runs code in global scope, as Figma runs a plugin's bundle.
  // biome-ignore lint/security/noGlobalEval: the harness's one job is to run the plugin's code
  const globalEval = eval;
  if (host.__figmentSetup) globalEval(host.__figmentSetup);
  // The main thread runs as Figma runs it: the bundle evaluated with `figma` and `__html__` as globals.
  globalEval(code);
  host.__figmentReady = true;
}

start().catch((error: unknown) => {
  host.__figmentHostError = error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error);
});
