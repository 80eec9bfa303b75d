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
import { responsesStream, type ScriptedReply } from "../../test/openai-server/server.js";
import { contentOf, instructionsOf } from "../../test/openai-server/request-content.js";
import { startOpenAiServer, type OpenAiTestServer } from "../../test/openai-server/server.js";
import { captureIo, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { run } from "../run.js";
import { angularName, pagePaths, sectionFiles } from "../../ai/code/sections/targets.js";
import { isBlocking } from "../../ai/code/pipeline.js";
import type { Target } from "../../codegen/targets.js";
import type { Problem } from "../../codegen/types.js";
import { sectionComponentOf, targetSectionAnswer } from "../../test/helpers/section-answers.js";

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

const componentOf = sectionComponentOf;
type SplitTarget = Exclude<Target, "react">;

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

  /** The page's file for `target`, and how it renders section `c` there. */
  const PAGE: Record<SplitTarget, { path: string; tag: (c: string) => string }> = {
    vue: { path: "src/App.vue", tag: (c) => `<${c} />` },
    svelte: { path: "src/screens/Page.svelte", tag: (c) => `<${c} />` },
    html: { path: "index.html", tag: (c) => `<h2>${c}</h2>` },
    angular: { path: "src/app/screens/page.html", tag: (c) => `<app-${angularName(c)} />` },
    "react-native": { path: "src/screens/Page.tsx", tag: (c) => `<${c} />` },
  };

  /** `figment code --ai --target T --json` on flora's Home, each section answered by `answer`; its report. */
  async function splitRun(target: SplitTarget, out: string, answer: (component: string) => string) {
    await server?.close();
    const live = await startOpenAiServer((req): ScriptedReply => responsesStream([answer(componentOf(req))]));
    server = live;
    const result = await figment([...base(live.url), "--target", target, "--out", out, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      problems: Problem[];
      sections: { component: string; blocking: number }[];
    };
    return { ...result, report, requests: live.requests.filter((r) => r.path.endsWith("/responses")) };
  }

  it.each(["vue", "svelte", "html", "angular", "react-native"] as const)(
    "--target %s: one section per request, assembled into one page",
    async (target) => {
      const out = join(tmp, `out-${target}`);
      const { requests, stderr, report } = await splitRun(target, out, (c) => targetSectionAnswer(target, c));
      expect(requests.length).toBeGreaterThanOrEqual(3);
      const components = requests.map(componentOf);
      // Each request asks for its own target's file and names the page it must not write.
      for (const req of requests) {
        expect(instructionsOf(req)).toContain(sectionFiles(componentOf(req), target).main);
        expect(instructionsOf(req)).toContain(`Do not write ${pagePaths(target).join(" nor ")}`);
      }
      const read = (path: string): string => readFileSync(join(out, path), "utf8");
      const page = read(PAGE[target].path);
      const dry = await figment([...base(server!.url), "--target", target, "--dry-run", "--json"]);
      const planned = (JSON.parse(dry.stdout) as { sections: { list: { component: string }[] } }).sections.list;
      expect([...components].sort()).toEqual(planned.map((p) => p.component).sort());
      // In drawn order, each once.
      const at = planned.map((p) => page.indexOf(PAGE[target].tag(p.component)));
      expect(at.every((k) => k > 0)).toBe(true);
      expect([...at].sort((x, y) => x - y)).toEqual(at);
      // Every file passed the target's own compiler in the project pass, each section's and the assembled page's.
      expect(stderr).not.toMatch(/[1-9]\d* blocking/);
      expect(report.problems.filter(isBlocking)).toEqual([]);
      if (target === "html") {
        // The fragments are inlined: one page, one stylesheet holding every section's rules.
        const css = read("styles.css");
        for (const c of components) expect(css).toContain(`.${c}`);
        expect(existsSync(join(out, "src", "sections"))).toBe(false);
      } else for (const c of components) expect(existsSync(join(out, sectionFiles(c, target).main))).toBe(true);
      if (target === "angular" || target === "react-native") {
        // The page's root carries the frame's layer id, where the frame is measured.
        const attribute = target === "angular" ? "data-node-id" : "testID";
        expect(read(target === "angular" ? "src/app/screens/page.html" : "src/screens/Page.tsx")).toContain(
          `${attribute}="${HOME}"`,
        );
      }
    },
    180_000,
  );

  it("--target angular: a section whose template does not compile blocks, in its answer and the page", async () => {
    let broken: string | undefined;
    const out = join(tmp, "out-angular-broken");
    const { report, stderr } = await splitRun("angular", out, (c) => {
      broken ??= c;
      return targetSectionAnswer("angular", c, { broken: c === broken });
    });
    expect(stderr).toMatch(/[1-9]\d* blocking/);
    expect(report.sections.find((s) => s.component === broken)!.blocking).toBeGreaterThan(0);
    expect(report.sections.filter((s) => s.component !== broken).every((s) => s.blocking === 0)).toBe(true);
    const blocking = report.problems.filter(isBlocking);
    expect(blocking.length).toBeGreaterThan(0);
    expect(
      blocking.every((p) => p.code === "angular-compile" && p.file === sectionFiles(broken!, "angular").template),
    ).toBe(true);
  }, 180_000);
});
