/**
 * `figment code --ai --sections auto --verify` over real HTTP: psykolog-jenny's tall page split into sections, each
 * answered by the test server with its offline code, except one section whose first answer leaves some of its layers
 * without their ids (they measure missing). The assembled page is measured; only that section is asked again (in its
 * own conversation, with what measured off in its band and the band's two pictures), answers right, and the page
 * re-assembled scores higher and is the one written.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sectionFiles } from "../../ai/code/sections/targets.js";
import type { OfflineSection } from "../../ai/code/sections/offline.js";
import { startOpenAiServer } from "../../test/openai-server/server.js";
import { runBrowser } from "../../test/helpers/browser.js";
import { captureIo, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { offlineSectionsPage, TALL_PAGES } from "../../test/helpers/offline-sections.js";
import { answerJson, sectionScript } from "../../test/helpers/section-script.js";
import { run } from "../run.js";
import type { SectionsVerifyJson } from "./ai-sections-verify.js";

const ENV = { OPENAI_API_KEY: "sk-test-sections-verify" };
const PAGE = TALL_PAGES[0];
const tmp = mkdtempSync(join(tmpdir(), "figment-sections-verify-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The section's answer with the ids of its first `n` own layers (not the frame's) left off: they measure missing. */
function withoutIds(section: OfflineSection, frameId: string, n: number): { text: string; dropped: string[] } {
  const tsx = sectionFiles(section.component).main;
  const dropped: string[] = [];
  const files = section.files.map((f) =>
    f.path !== tsx
      ? f
      : {
          ...f,
          content: f.content.replace(/\s+data-node-id="([^"]+)"/g, (whole, id: string) => {
            if (id === frameId || dropped.length >= n) return whole;
            dropped.push(id);
            return "";
          }),
        },
  );
  return { text: answerJson(section.component, files), dropped };
}

describe.runIf(runBrowser)("--verify on a page built section by section", () => {
  it("asks only the section that measures off again, and keeps the page that scores higher", async () => {
    const offline = await offlineSectionsPage(REPO_ROOT, PAGE.file, PAGE.id);
    const wrong = offline.answers[1]!;
    const broken = withoutIds(wrong, PAGE.id, 4);
    expect(broken.dropped).toHaveLength(4);
    const png = join(tmp, "page.png");
    writeFileSync(png, offline.png);
    const { script, asked } = sectionScript(offline.answers, {
      first: (section) => (section === wrong ? broken.text : undefined),
    });
    const server = await startOpenAiServer(script);
    try {
      const out = join(tmp, "out");
      const design = join(REPO_ROOT, "test/fixtures/real", PAGE.file);
      const io = captureIo();
      const argv = ["code", design, "--node", PAGE.id, "--ai", "--image", png, "--base-url", server.url, "--verify"];
      const code = await run([...argv, "--json", "--out", out], io, { env: ENV });
      expect(code, io.stderr()).toBe(0);
      const { verify } = JSON.parse(io.stdout()) as { verify: SectionsVerifyJson };
      // Every section asked once; only the broken one again.
      expect([...asked.first].sort()).toEqual(offline.answers.map((a) => a.component).sort());
      expect(
        asked.repair,
        io
          .stderr()
          .split("\n")
          .filter((l) => l.startsWith("verify"))
          .join("\n"),
      ).toEqual([wrong.component]);
      expect(verify.rounds.map((r) => [r.sections, r.kept, r.outcome])).toEqual([[[wrong.component], true, "kept"]]);
      expect(verify.final!).toBeGreaterThan(verify.first!);
      // The repair is a refinement carrying what measured off (the dropped ids' layers, missing) and the band's two
      // pictures.
      const repairs = server.requests.filter((r) => (r.body as { previous_response_id?: string }).previous_response_id);
      expect(repairs).toHaveLength(1);
      for (const req of server.requests) expect(req.schemaErrors).toEqual([]);
      const content = (repairs[0]!.body as { input: { content: { type: string; text?: string }[] }[] }).input[0]!
        .content;
      const text = content.flatMap((c) => (c.text ? [c.text] : [])).join("\n");
      const missing = [...text.matchAll(/"id":"([^"]+)"[^\n]*"problem":"missing"/g)].map((m) => m[1]!);
      expect(missing.length).toBeGreaterThan(0);
      for (const id of missing) expect(broken.dropped).toContain(id);
      expect(content.filter((c) => c.type === "input_image")).toHaveLength(2);
      // The page written is the repaired one: every dropped id is back.
      const written = readFileSync(join(out, sectionFiles(wrong.component).main), "utf8");
      for (const id of broken.dropped) expect(written).toContain(`data-node-id="${id}"`);
    } finally {
      await server.close();
    }
  }, 300_000);
});
