/**
 * Issue 74's score goal, through `figment code --ai --sections auto --score` over real HTTP: two tall real pages
 * (psykolog-jenny's MacBook Pro 2.2, whose sections hold layout inference's groups without ids, and flora's
 * Home • Desktop) split into section requests, each answered by the test server with that section's offline code
 * (known by the hint part the request carries), assembled by the real assembly path and scored in Chromium as
 * --score scores: within 0.01 of the offline page's `figment code --score`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import { startOpenAiServer } from "../../test/openai-server/server.js";
import { runBrowser } from "../../test/helpers/browser.js";
import { captureIo, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { offlineSectionsPage, TALL_PAGES } from "../../test/helpers/offline-sections.js";
import { sectionScript } from "../../test/helpers/section-script.js";
import { run } from "../run.js";

const ENV = { OPENAI_API_KEY: "sk-test-sections-score" };
const tmp = mkdtempSync(join(tmpdir(), "figment-sections-score-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `figment code <design> --node <id> <more> --score --json`, written to a folder of its own (`name`). */
async function scored(design: string, id: string, name: string, more: string[] = []) {
  const io = captureIo();
  const out = join(tmp, `${name}-${id.replace(":", "-")}`);
  const code = await run(["code", design, "--node", id, ...more, "--score", "--json", "--out", out], io, { env: ENV });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe.runIf(runBrowser)("sections answered with their offline code score as the offline page", () => {
  for (const page of TALL_PAGES)
    it(`${page.label}: assembled within 0.01 of the offline page`, async () => {
      const offline = await offlineSectionsPage(REPO_ROOT, page.file, page.id);
      expect(offline.plan.sections.length).toBeGreaterThanOrEqual(3);
      const png = join(tmp, `${page.id.replace(":", "-")}.png`);
      writeFileSync(png, offline.png);
      const { script, asked } = sectionScript(offline.answers);
      const server = await startOpenAiServer(script);
      try {
        const design = join(REPO_ROOT, "test/fixtures/real", page.file);
        const model = ["--ai", "--sections", "auto", "--image", png, "--base-url", server.url];
        const ai = await scored(design, page.id, "ai", model);
        expect(ai.code, ai.stderr).toBe(0);
        // Every section asked once, by its hint part; every body valid against the OpenAPI spec.
        expect([...asked.first].sort()).toEqual(offline.answers.map((a) => a.component).sort());
        for (const req of server.requests) expect(req.schemaErrors).toEqual([]);
        const plain = await scored(design, page.id, "offline");
        expect(plain.code, plain.stderr).toBe(0);
        const assembled = (JSON.parse(ai.stdout) as { score: FidelityScore[] }).score[0]!;
        const whole = (JSON.parse(plain.stdout) as { score: FidelityScore[] }).score[0]!;
        expect(assembled.matched).toBe(1);
        expect(
          Math.abs(assembled.iouMatched - whole.iouMatched),
          `${assembled.iouMatched} vs ${whole.iouMatched}`,
        ).toBeLessThanOrEqual(0.01);
      } finally {
        await server.close();
      }
    }, 300_000);
});
