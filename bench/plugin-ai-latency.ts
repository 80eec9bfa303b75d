/**
 * Streamed token → panel: how long after the test server writes an SSE frame its text shows in the plugin
 * panel. The real dist/code.js and dist/ui.html in the browser harness, the engine worker reading the
 * stream from the OpenAI-wire server on 127.0.0.1. The notes grow by one marker (" m07") per frame and each
 * file's path arrives in its own frame; a MutationObserver in the panel stamps when each marker and path first
 * appears in the DOM, and the next animation frame after it (≈ paint). Both clocks are wall-clock ms
 * (performance.timeOrigin + now) on the same machine.
 */
import { launchChromium, type PageHost } from "../cli/measure/browser.js";
import { withPluginPage } from "../test/harness/plugin-page.js";
import { responsesStream, startOpenAiServer } from "../test/openai-server/server.js";
import { benchCount } from "./quick.js";

export interface LatencySamples {
  /** Frame written → text in the DOM, ms, one per marker or path. */
  dom: number[];
  /** Frame written → the animation frame after the DOM change, ms. */
  frame: number[];
  markers: number;
  files: number;
  /** Gap between frames the server was told to keep, ms. */
  gapMs: number;
}

// Quick: fewer frames, each a gap of the stream's fixed pace (52 frames × 60 ms otherwise).
const MARKERS = benchCount(30, 10);
const FILES = benchCount(10, 3);

const marker = (i: number) => `m${String(i).padStart(2, "0")}`;
const filePath = (i: number) => `src/components/Part${String(i).padStart(2, "0")}.tsx`;

/** The answer split so that each marker and each file path ends its own frame. */
function chunks(): string[] {
  const out = [`{"notes":"${marker(0)}`];
  for (let i = 1; i < MARKERS; i++) out.push(` ${marker(i)}`);
  out.push(`","files":[`);
  for (let i = 0; i < FILES; i++) {
    const content = JSON.stringify(`export function Part${i}() {\n  return <p>Part ${i}</p>;\n}\n`);
    out.push(`${i > 0 ? "," : ""}{"path":"${filePath(i)}"`, `,"content":${content}}`);
  }
  out.push("]}");
  return out;
}

interface Stamped {
  dom: Record<string, number>;
  frame: Record<string, number>;
}

/** Runs one streamed generation and pairs each server write with the moment its text appeared. */
export async function benchAiLatency(root: string, gapMs = 60, browserIn?: PageHost): Promise<LatencySamples> {
  const browser = browserIn ?? (await launchChromium({ localModelServer: true }));
  const server = await startOpenAiServer();
  try {
    server.push(responsesStream(chunks(), { id: "resp_latency", delayMs: gapMs }));
    const storage = {
      "figment.settings": { provider: "openai", baseUrl: server.url, model: "gpt-5.4-image-2" },
      "figment.apiKey": "sk-bench-0000",
    };
    const stamped = await withPluginPage(
      browser,
      {
        root,
        fixture: "figmasharp-login.file.json",
        select: ["101:3"],
        storage,
        allowOrigins: [new URL(server.url).origin],
      },
      async ({ ui }) => {
        await ui.getByRole("button", { name: "Generate with AI" }).click();
        await ui.locator(".ai-confirm").waitFor({ timeout: 60_000 });
        await ui.evaluate(() => {
          type Doc = {
            querySelector(s: string): { textContent: string | null } | null;
            querySelectorAll(s: string): ArrayLike<{ textContent: string | null }>;
            body: unknown;
          };
          const w = globalThis as unknown as {
            document: Doc;
            performance: { timeOrigin: number; now(): number };
            requestAnimationFrame(fn: () => void): void;
            MutationObserver: new (fn: () => void) => { observe(target: unknown, options: object): void };
            __latency: Stamped;
          };
          const stamps: Stamped = { dom: {}, frame: {} };
          w.__latency = stamps;
          const now = () => w.performance.timeOrigin + w.performance.now();
          new w.MutationObserver(() => {
            const t = now();
            const fresh: string[] = [];
            const notes = w.document.querySelector(".ai-stream__notes")?.textContent ?? "";
            for (const m of notes.matchAll(/m\d\d/g)) if (!(m[0] in stamps.dom)) fresh.push(m[0]);
            const paths = w.document.querySelectorAll(".ai-stream__files code");
            for (let i = 0; i < paths.length; i++) {
              const path = paths[i]!.textContent ?? "";
              if (path && !(path in stamps.dom)) fresh.push(path);
            }
            for (const key of fresh) stamps.dom[key] = t;
            if (fresh.length > 0) w.requestAnimationFrame(() => fresh.forEach((key) => (stamps.frame[key] = now())));
          }).observe(w.document.body, { subtree: true, childList: true, characterData: true });
        });
        await ui.locator(".ai-confirm").getByRole("button", { name: "Send" }).click();
        await ui.locator(".ai-results .results").waitFor({ timeout: 120_000 });
        return ui.evaluate(() => (globalThis as unknown as { __latency: Stamped }).__latency);
      },
    );
    const dom: number[] = [];
    const frame: number[] = [];
    const keys = [
      ...Array.from({ length: MARKERS }, (_, i) => marker(i)),
      ...Array.from({ length: FILES }, (_, i) => filePath(i)),
    ];
    for (const key of keys) {
      const written = server.writes.find((w) => w.chunk.includes(key.startsWith("src/") ? `${key}\\"` : key));
      const seen = stamped.dom[key];
      if (!written || seen === undefined) continue;
      dom.push(seen - written.at);
      const painted = stamped.frame[key];
      if (painted !== undefined) frame.push(painted - written.at);
    }
    return { dom, frame, markers: MARKERS, files: FILES, gapMs };
  } finally {
    await server.close();
    if (!browserIn) await browser.close();
  }
}
