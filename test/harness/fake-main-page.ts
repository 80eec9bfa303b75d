/**
 * Node side of the dev check test/harness/check-ui.ts (and of test/check-ui-e2e.test.ts, which runs its first
 * step): a fake Figma parent page embedding the built panel (dist/ui.html) in an iframe, its main thread played by
 * test/harness/fake-main.ts (typed by the contract), serving the real engine worker, its code parts and the panel's UI
 * parts from dist/code.js. The selection is the Log-In screen of a real Figma file (figmasharp-login).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Frame, Page } from "playwright-core";
import { withPage, type PageHost } from "../../cli/measure/browser.js";
import {
  codePartPayloadsIn,
  draftPayloadIn,
  enginePayloadIn,
  panelPartPayloadsIn,
  repoRoot,
} from "../../bench/plugin-util.js";
import type { SelectedNode } from "../../contract/messages.js";
import { DEFAULT_SETTINGS, type Settings } from "../../contract/settings.js";
import type { SourceFile } from "../../codegen/types.js";
import { FIGMA_DARK, FIGMA_LIGHT } from "./figma-theme.js";
import type { FakeMainConfig } from "./fake-main.js";
import { browserScript } from "./plugin-page.js";

/** The repository (check-ui.ts runs bundled into .scratch/, so not from this module's path alone). */
const ROOT = repoRoot();

/** Figma's default plugin panel size (contract/limits.ts PANEL is what the plugin opens at). */
export const DEFAULT_PANEL = { width: 420, height: 600 };

export interface Scenario {
  command: FakeMainConfig["command"];
  theme: FakeMainConfig["theme"];
  selection: FakeMainConfig["selection"];
  settings?: Partial<Settings>;
  apiKey?: string | null;
  exportDelayMs?: number;
  exportError?: FakeMainConfig["exportError"];
  sendBogus?: boolean;
  width?: number;
  height?: number;
  /** A worker script sent in place of the real engine worker (packed as the main thread packs it). */
  workerScript?: string;
}

interface LoginFile {
  document: { children: { children: { id: string; name: string; type: string; absoluteBoundingBox: Size }[] }[] };
  components: unknown;
  styles: unknown;
}
interface Size {
  width: number;
  height: number;
}

// The login screen of a real Figma file, as exportAsync({ format: "JSON_REST_V1" }) would return it.
const file = JSON.parse(
  readFileSync(join(ROOT, "test", "fixtures", "figma", "figmasharp-login.file.json"), "utf8"),
) as LoginFile;
const frameNode = file.document.children[0]!.children[0]!;
const exportJson = { document: frameNode, components: file.components, styles: file.styles };
export const LOGIN_NODE: SelectedNode = {
  id: frameNode.id,
  name: frameNode.name,
  type: frameNode.type,
  width: frameNode.absoluteBoundingBox.width,
  height: frameNode.absoluteBoundingBox.height,
};
export const LOGIN_SCENARIO: Scenario = {
  command: "code",
  theme: "light",
  selection: { nodes: [LOGIN_NODE], unsupported: [] },
};

const thumbnailB64 = (): string =>
  readFileSync(
    [
      join(ROOT, "test-artifacts", "figmasharp-login-101-3.png"),
      join(ROOT, "test", "fixtures", "figma", "grida-vector-frame.png"),
    ].find(existsSync)!,
  ).toString("base64");

let script: Promise<string> | undefined;
/** test/harness/fake-main.ts as one browser script, bundled once per process. */
function fakeMainScript(): Promise<string> {
  script ??= browserScript(join(ROOT, "test/harness/fake-main.ts"));
  return script;
}

/** dist/ as the fake page serves it: the panel, the engine worker and its code parts, the UI parts. */
function builtFiles(): SourceFile[] {
  const codeJs = readFileSync(join(ROOT, "dist", "code.js"), "utf8");
  const uiParts = { draft: draftPayloadIn(codeJs), ...panelPartPayloadsIn(codeJs) };
  return [
    { path: "ui.html", content: readFileSync(join(ROOT, "dist", "ui.html"), "utf8") },
    { path: "worker-real.txt", content: enginePayloadIn(codeJs) },
    ...Object.entries(codePartPayloadsIn(codeJs)).map(([part, content]) => ({ path: `${part}.txt`, content })),
    ...Object.entries(uiParts).map(([part, content]) => ({ path: `ui-${part}.txt`, content })),
  ];
}
let built: SourceFile[] | undefined;

function parentPage(s: Scenario, fakeMain: string): string {
  const config: FakeMainConfig = {
    command: s.command,
    theme: s.theme,
    selection: s.selection,
    settings: { ...DEFAULT_SETTINGS, ...(s.settings ?? {}) },
    apiKey: s.apiKey ?? null,
    exportDelayMs: s.exportDelayMs ?? 50,
    exportError: s.exportError ?? null,
    sendBogus: s.sendBogus ?? false,
    exportJson,
    thumbnailB64: thumbnailB64(),
    workerFile: s.workerScript ? "worker-scenario.txt" : "worker-real.txt",
    vars: s.theme === "dark" ? FIGMA_DARK : s.theme === "light" ? FIGMA_LIGHT : null,
  };
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  const { width, height } = { ...DEFAULT_PANEL, ...s };
  return (
    `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#888}` +
    `iframe{border:0;display:block;width:${width}px;height:${height}px}</style></head>` +
    `<body><iframe id="plugin" src="ui.html"></iframe><script>window.__fakeMain = ${json};</script>` +
    `<script>${fakeMain.replace(/<\/script/gi, "<\\/script")}</script></body></html>`
  );
}

export interface FakeMainPage {
  page: Page;
  /** The panel's frame (dist/ui.html). */
  ui: Frame;
  /** What the panel sent, in order. */
  sent(): Promise<{ type: string }[]>;
  /** What the panel sent that the contract refuses. */
  refused(): Promise<string[]>;
  /** Errors the page and the panel logged or threw. */
  errors: string[];
}

/** Opens the fake parent page for `s` on `host`, waits for the panel's navigation, runs `fn`. */
export async function withFakeMain<T>(host: PageHost, s: Scenario, fn: (fake: FakeMainPage) => Promise<T>): Promise<T> {
  built ??= builtFiles();
  const files = [
    { path: "index.html", content: parentPage(s, await fakeMainScript()) },
    ...built,
    ...(s.workerScript
      ? [{ path: "worker-scenario.txt", content: gzipSync(Buffer.from(s.workerScript)).toString("base64") }]
      : []),
  ];
  const viewport = { width: s.width ?? DEFAULT_PANEL.width, height: s.height ?? DEFAULT_PANEL.height };
  return withPage(host, files, "index.html", viewport, async (page) => {
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(String(e)));
    const ui = (await (await page.waitForSelector("#plugin")).contentFrame())!;
    await ui.waitForSelector(".nav");
    if (!(await page.evaluate(() => Array.isArray((globalThis as unknown as { sent?: unknown }).sent))))
      throw new Error(`the fake main thread did not start: ${errors.join("; ") || "no error logged"}`);
    const read = <R>(name: "sent" | "refused") =>
      page.evaluate((key) => (globalThis as unknown as Record<string, R>)[key]!, name);
    return fn({ page, ui, errors, sent: () => read("sent"), refused: () => read("refused") });
  });
}
