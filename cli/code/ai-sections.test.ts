/**
 * `figment code --ai` on a tall real page (flora's "Home • Desktop", 1440 × 5594) through `run` over real HTTP against
 * the OpenAI-wire test server: the page goes section by section (each request with its crop at full resolution and
 * its part of the hint), the answers are assembled into one page, --dry-run lists the same requests it then sends,
 * and a cancel mid-way writes nothing and names the sections answered by then.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countTextTokens, loadTokenizer } from "../../ai/estimate/estimate.js";
import { imageLimits, providerScale } from "../../ai/code/sections/limits.js";
import { decodePng, encodePng } from "../../ai/mask/png.js";
import { base64ToBytes } from "../../kernel/base64.js";
import { responsesStream, type RecordedRequest, type ScriptedReply } from "../../test/openai-server/server.js";
import { startOpenAiServer, type OpenAiTestServer } from "../../test/openai-server/server.js";
import { captureIo, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { run } from "../run.js";

const FLORA = join(REPO_ROOT, "test/fixtures/real/flora.file.json");
const HOME = "8203:59903";
const ENV = { OPENAI_API_KEY: "sk-test-sections-1234" };

let tmp: string;
let png: string;
let server: OpenAiTestServer | undefined;

/** Row y of the picture is coloured (y mod 256, y div 256, 7): a crop's rows say where they were cut from. */
function rowCodedPng(width: number, height: number): Uint8Array {
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) pixels.set([y % 256, Math.floor(y / 256), 7], (y * width + x) * 3);
  return encodePng(width, height, 3, pixels, "up");
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "figment-sections-"));
  png = join(tmp, "home.png");
  writeFileSync(png, rowCodedPng(1440, 5594));
  await loadTokenizer();
});
afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

interface Content {
  type: string;
  text?: string;
  image_url?: string;
}
const contentOf = (req: RecordedRequest): Content[] =>
  ((req.body as { input: { content: Content[] }[] }).input[0]?.content ?? []) as Content[];
const instructionsOf = (req: RecordedRequest): string => (req.body as { instructions: string }).instructions;
const componentOf = (req: RecordedRequest): string =>
  /src\/sections\/(\w+)\.(?:tsx|vue|svelte|html)/.exec(instructionsOf(req))![1]!;

/** A section's answer: its component and CSS module, as the rule asks. */
function sectionAnswer(component: string): string {
  const files = [
    {
      path: `src/sections/${component}.tsx`,
      content:
        `import styles from "./${component}.module.css";\n` +
        `export function ${component}() {\n` +
        `  return <section className={styles.root}><h2>${component}</h2></section>;\n}\n`,
    },
    { path: `src/sections/${component}.module.css`, content: ".root {\n  display: flex;\n}\n" },
  ];
  return JSON.stringify({ notes: `${component} drawn`, files });
}

async function figment(argv: string[], signal?: AbortSignal, onErr?: (line: string) => void) {
  const io = captureIo();
  const err = (text: string): void => {
    io.err(text);
    onErr?.(text);
  };
  const code = await run(argv, { out: io.out, err }, { env: ENV, ...(signal ? { signal } : {}) });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const base = (url: string): string[] => ["code", FLORA, "--node", HOME, "--ai", "--image", png, "--base-url", url];

describe("figment code --ai section by section", () => {
  it("lists the sections in --dry-run and sends exactly those requests, crops at full resolution", async () => {
    server = await startOpenAiServer((req): ScriptedReply => responsesStream([sectionAnswer(componentOf(req))]));
    const dry = await figment([...base(server.url), "--dry-run", "--json"]);
    expect(dry.code, dry.stderr).toBe(0);
    const estimate = JSON.parse(dry.stdout) as {
      sections: { list: { component: string; textTokens: number; images: { width: number; height: number }[] }[] };
    };
    const planned = estimate.sections.list;
    expect(planned.length).toBeGreaterThanOrEqual(3);
    expect(server.requests).toEqual([]);

    const out = join(tmp, "out");
    const result = await figment([...base(server.url), "--out", out, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const requests = server.requests.filter((r) => r.path.endsWith("/responses"));
    expect(requests.map(componentOf).sort()).toEqual(planned.map((p) => p.component).sort());
    for (const req of requests) {
      expect(req.schemaErrors).toEqual([]);
      const k = planned.findIndex((p) => p.component === componentOf(req));
      const images = contentOf(req).filter((c) => c.type === "input_image");
      expect(images.length).toBe(planned[k]!.images.length);
      for (const image of images) {
        const tile = decodePng(base64ToBytes(image.image_url!.split(",")[1]!));
        // Full width at one px per design px, and nothing the provider would scale down.
        expect(tile.width).toBe(1440);
        expect(providerScale(tile.width, tile.height, imageLimits("high"))).toBe(1);
      }
      // The first picture starts at the band's top: its first row is coded with that y.
      const first = decodePng(base64ToBytes(images[0]!.image_url!.split(",")[1]!));
      const label = contentOf(req).find((c) => c.text?.startsWith("Picture 1 of"))!.text!;
      const y = Number(/y (\d+) to/.exec(label)![1]);
      expect(first.rgba[0]! + 256 * first.rgba[1]!).toBe(y);
      // What was sent is what was estimated (the texts; images are counted by the same tiles).
      const schema = JSON.stringify((req.body as { text: { format: { schema: unknown } } }).text.format.schema);
      const sent =
        countTextTokens(instructionsOf(req)) +
        4 +
        countTextTokens(schema) +
        4 +
        contentOf(req)
          .filter((c) => c.type === "input_text")
          .reduce((sum, c) => sum + countTextTokens(c.text!) + 4, 0);
      expect(Math.abs(sent - planned[k]!.textTokens) / planned[k]!.textTokens).toBeLessThan(0.05);
    }
    // The later requests know the sections answered before them.
    expect(requests.some((r) => contentOf(r).some((c) => c.text?.startsWith("Sections already written")))).toBe(true);
    expect(readdirSync(out, { recursive: true })).toContain(join("src", "App.tsx"));
    const app = readFileSync(join(out, "src", "App.tsx"), "utf8");
    const order = planned.map((p) => app.indexOf(`<${p.component} />`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const p of planned) expect(existsSync(join(out, "src", "sections", `${p.component}.tsx`))).toBe(true);
  }, 120_000);

  it("a cancel mid-way writes nothing and names the sections answered by then", async () => {
    let first: string | undefined;
    await server?.close();
    server = await startOpenAiServer((req): ScriptedReply => {
      const component = componentOf(req);
      first ??= component;
      // The first section answers; the others stream a piece and wait (the test never lets them go on).
      return component === first
        ? responsesStream([sectionAnswer(component)])
        : responsesStream(["{", sectionAnswer(component).slice(1)], { pauseAfterChunks: 1 });
    });
    const out = join(tmp, "cancelled");
    const controller = new AbortController();
    const result = await figment([...base(server.url), "--out", out], controller.signal, (line) => {
      if (line.includes("answered (")) controller.abort();
    });
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain(`sections answered by then: ${first}`);
    expect(existsSync(out) ? readdirSync(out, { recursive: true }) : []).toEqual([]);
  }, 120_000);

  /** A section's answer in `target`, as its rule asks: a Vue or Svelte component, or an HTML fragment and its CSS. */
  function targetAnswer(target: "vue" | "svelte" | "html", component: string): string {
    const files =
      target === "html"
        ? [
            {
              path: `src/sections/${component}.html`,
              content: `<section class="${component}"><h2>${component}</h2></section>`,
            },
            { path: `src/sections/${component}.css`, content: `.${component} {\n  display: flex;\n}\n` },
          ]
        : [
            {
              path: `src/sections/${component}.${target}`,
              content:
                (target === "vue"
                  ? `<template>\n  <section class="root"><h2>${component}</h2></section>\n</template>\n`
                  : `<section class="root"><h2>${component}</h2></section>\n`) +
                `\n<style${target === "vue" ? " scoped" : ""}>\n.root {\n  display: flex;\n}\n</style>\n`,
            },
          ];
    return JSON.stringify({ notes: `${component} drawn`, files });
  }

  it.each(["vue", "svelte", "html"] as const)(
    "--target %s: one section per request, assembled into one page",
    async (target) => {
      await server?.close();
      server = await startOpenAiServer(
        (req): ScriptedReply => responsesStream([targetAnswer(target, componentOf(req))]),
      );
      const out = join(tmp, `out-${target}`);
      const result = await figment([...base(server.url), "--target", target, "--out", out]);
      expect(result.code, result.stderr).toBe(0);
      const requests = server.requests.filter((r) => r.path.endsWith("/responses"));
      expect(requests.length).toBeGreaterThanOrEqual(3);
      const components = requests.map(componentOf);
      // Each request asks for its own target's file and names the page it must not write.
      for (const req of requests) expect(instructionsOf(req)).toContain(`src/sections/${componentOf(req)}.${target}`);
      const read = (path: string): string => readFileSync(join(out, path), "utf8");
      const page =
        target === "vue"
          ? read("src/App.vue")
          : target === "svelte"
            ? read("src/screens/Page.svelte")
            : read("index.html");
      const dry = await figment([...base(server.url), "--target", target, "--dry-run", "--json"]);
      const planned = (JSON.parse(dry.stdout) as { sections: { list: { component: string }[] } }).sections.list;
      expect([...components].sort()).toEqual(planned.map((p) => p.component).sort());
      // In drawn order, each once.
      const at = planned.map((p) => page.indexOf(target === "html" ? `<h2>${p.component}</h2>` : `<${p.component} />`));
      expect(at.every((k) => k > 0)).toBe(true);
      expect([...at].sort((x, y) => x - y)).toEqual(at);
      // Every file passed the target's own compiler in the project pass: no blocking problem was reported.
      expect(result.stderr).not.toMatch(/[1-9]\d* blocking/);
      if (target === "html") {
        // The fragments are inlined: one page, one stylesheet holding every section's rules.
        const css = read("styles.css");
        for (const c of components) expect(css).toContain(`.${c}`);
        expect(existsSync(join(out, "src", "sections"))).toBe(false);
      } else for (const c of components) expect(existsSync(join(out, "src", "sections", `${c}.${target}`))).toBe(true);
    },
    120_000,
  );
});
