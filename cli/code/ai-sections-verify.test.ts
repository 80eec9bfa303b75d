/**
 * `figment code --ai --sections auto --verify` over real HTTP: psykolog-jenny's tall page split into sections, each
 * answered by the test server with its offline code, except sections whose first answer leaves some of their layers
 * without their ids (they measure missing). The assembled page is measured; only those sections are asked again (each
 * in its own conversation, with what measured off in its band and the band's two pictures), each round's requests
 * estimated first as a single request's round is. One section broken and answered right: the page re-assembled scores
 * higher and is the one written. Two broken, one answered right and one worse: each repair is judged on its own, the
 * good one kept and the bad one dropped. --dry-run --verify says what the rounds will send.
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
import type { RecordedRequest } from "../../test/openai-server/server.js";
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

const DESIGN = join(REPO_ROOT, "test/fixtures/real", PAGE.file);
/** A round's estimate as a single request's round words it (cli/code/verify.ts roundEstimateWords). */
const ESTIMATE = String.raw`about [\d,]+ input tokens \([\d,]+ for the pictures\) · about [\d,]+ output · [^\n]+`;

type Offline = Awaited<ReturnType<typeof offlineSectionsPage>>;
let offline: Offline | undefined;
const page = async (): Promise<Offline> => (offline ??= await offlineSectionsPage(REPO_ROOT, PAGE.file, PAGE.id));

const verifyLines = (stderr: string): string =>
  stderr
    .split("\n")
    .filter((l) => /^ *(verify|[A-Z]\w*:)/.test(l))
    .join("\n");

/**
 * `figment code --ai --verify --json` on the page, the test server answering by `options` (sectionScript's); the
 * written folder, the stderr, --json's verify and the repair requests.
 */
async function verifyRun(name: string, options: Parameters<typeof sectionScript>[1]) {
  const { answers, png } = await page();
  const image = join(tmp, "page.png");
  writeFileSync(image, png);
  const { script, asked } = sectionScript(answers, options);
  const server = await startOpenAiServer(script);
  try {
    const out = join(tmp, name);
    const io = captureIo();
    const argv = ["code", DESIGN, "--node", PAGE.id, "--ai", "--image", image, "--base-url", server.url, "--verify"];
    const code = await run([...argv, "--json", "--out", out], io, { env: ENV });
    expect(code, io.stderr()).toBe(0);
    for (const req of server.requests) expect(req.schemaErrors).toEqual([]);
    const { verify } = JSON.parse(io.stdout()) as { verify: SectionsVerifyJson };
    const repairs = server.requests.filter((r) => (r.body as { previous_response_id?: string }).previous_response_id);
    return { out, stderr: io.stderr(), verify, asked, repairs };
  } finally {
    await server.close();
  }
}

const repairContent = (req: RecordedRequest): { type: string; text?: string }[] =>
  (req.body as { input: { content: { type: string; text?: string }[] }[] }).input[0]!.content;

describe.runIf(runBrowser)("--verify on a page built section by section", () => {
  it("asks only the section off again, its estimate said first, and keeps the page that scores higher", async () => {
    const { answers } = await page();
    const wrong = answers[1]!;
    const broken = withoutIds(wrong, PAGE.id, 4);
    expect(broken.dropped).toHaveLength(4);
    const ran = await verifyRun("one", { first: (section) => (section === wrong ? broken.text : undefined) });
    const { verify, asked, repairs } = ran;
    // Every section asked once; only the broken one again, its estimate said before it was sent.
    expect([...asked.first].sort()).toEqual(answers.map((a) => a.component).sort());
    expect(asked.repair, verifyLines(ran.stderr)).toEqual([wrong.component]);
    expect(ran.stderr).toMatch(
      new RegExp(`verify round 1 of 1: asking ${wrong.component} again with what measured off \\(${ESTIMATE}\\)…`),
    );
    expect(verify.rounds.map((r) => [r.sections, r.kept, r.outcome])).toEqual([[[wrong.component], true, "kept"]]);
    expect(verify.final!).toBeGreaterThan(verify.first!);
    // The repair is a refinement carrying what measured off (the dropped ids' layers, missing) and the band's two
    // pictures.
    expect(repairs).toHaveLength(1);
    const content = repairContent(repairs[0]!);
    const text = content.flatMap((c) => (c.text ? [c.text] : [])).join("\n");
    const missing = [...text.matchAll(/"id":"([^"]+)"[^\n]*"problem":"missing"/g)].map((m) => m[1]!);
    expect(missing.length).toBeGreaterThan(0);
    for (const id of missing) expect(broken.dropped).toContain(id);
    expect(content.filter((c) => c.type === "input_image")).toHaveLength(2);
    // The page written is the repaired one: every dropped id is back.
    const written = readFileSync(join(ran.out, sectionFiles(wrong.component).main), "utf8");
    for (const id of broken.dropped) expect(written).toContain(`data-node-id="${id}"`);
  }, 300_000);

  it("two sections off, one repaired well and one made worse: the good repair kept, the bad one dropped", async () => {
    const { answers } = await page();
    const [good, bad] = [answers[1]!, answers[2]!];
    const first = new Map([good, bad].map((s) => [s, withoutIds(s, PAGE.id, 4)]));
    // The bad section's repair leaves off more of its ids than its first answer did.
    const worse = withoutIds(bad, PAGE.id, 12);
    expect(worse.dropped).toHaveLength(12);
    const ran = await verifyRun("two", {
      first: (section) => first.get(section)?.text,
      repair: (section) => (section === bad ? worse.text : undefined),
    });
    const { verify } = ran;
    expect(ran.asked.repair.sort(), verifyLines(ran.stderr)).toEqual([good.component, bad.component].sort());
    // One estimate for the round (both requests), then each request's.
    const both = [good.component, bad.component].join(", ");
    expect(ran.stderr).toMatch(
      new RegExp(
        `verify round 1 of 1: asking ${both} again with what measured off: 2 requests \\(${ESTIMATE} in all\\)…`,
      ),
    );
    for (const s of [good, bad]) expect(ran.stderr).toMatch(new RegExp(`\n  ${s.component}: ${ESTIMATE}`));
    // Each repair judged on its own: the good one kept, the bad one dropped; the page kept scores higher.
    const [round] = verify.rounds;
    expect(round!.repairs.map((r) => [r.component, r.kept])).toEqual([
      [good.component, true],
      [bad.component, false],
    ]);
    expect(round!.repairs[0]!.score!).toBeGreaterThan(verify.first!);
    expect(round!.repairs[1]!.score!).toBeLessThan(verify.first!);
    expect([round!.kept, round!.outcome]).toEqual([true, "kept"]);
    expect(verify.final!).toBe(round!.repairs[0]!.score);
    // Written: the good section repaired (its ids back), the bad one as first answered (not its worse repair).
    const written = (s: typeof good): string => readFileSync(join(ran.out, sectionFiles(s.component).main), "utf8");
    for (const id of first.get(good)!.dropped) expect(written(good)).toContain(`data-node-id="${id}"`);
    const kept = written(bad);
    for (const id of first.get(bad)!.dropped) expect(kept).not.toContain(`data-node-id="${id}"`);
    for (const id of worse.dropped.slice(4)) expect(kept).toContain(`data-node-id="${id}"`);
  }, 300_000);

  it("--dry-run --verify says what each round will send", async () => {
    const { png } = await page();
    const image = join(tmp, "page.png");
    writeFileSync(image, png);
    const io = captureIo();
    const argv = ["code", DESIGN, "--node", PAGE.id, "--ai", "--image", image, "--verify", "--rounds", "2"];
    expect(await run([...argv, "--dry-run"], io, { env: ENV }), io.stderr()).toBe(0);
    expect(io.stdout()).toMatch(
      /\n {2}verify {8}up to 2 rounds: each asks again only the sections that measure off, each in its own /,
    );
    const json = captureIo();
    expect(await run([...argv, "--dry-run", "--json"], json, { env: ENV })).toBe(0);
    const { verify } = JSON.parse(json.stdout()) as { verify: { rounds: number; note: string } };
    expect(verify.rounds).toBe(2);
    expect(verify.note).toMatch(/^each asks again only the sections that measure off/);
  }, 120_000);
});
