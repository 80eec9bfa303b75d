/**
 * `figment code --ai` for a page drawn at several widths (issue 70), against the OpenAI-wire test server (bodies
 * checked against the OpenAPI spec): flora's Order Modal (1440, 768, 375) from its hint, one --image per drawing — the
 * request carries the three pictures, each after a label with its width and matched to its drawing by width, with the
 * one hint, and the instructions say it is one page at those widths, one DOM, mobile-first min-width rules.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pngDataUrlSize } from "../../ai/verify/estimate.js";
import { withDrawings } from "../../codegen/design/drawings.js";
import { generateCode, loadDesign, modelHint } from "../../codegen/index.js";
import { captureIo } from "../../test/helpers/fixtures.js";
import { encodePng } from "../../test/openai-server/png.js";
import { chatStream, responsesStream, type RecordedRequest } from "../../test/openai-server/server.js";
import { scriptedServer, splitInto } from "../../test/openai-server/scripted.js";
import { run } from "../run.js";

const ORDER_MODAL = ["8211:116360", "8238:18854", "8238:19230"];
const ENV = { OPENAI_API_KEY: "sk-test-drawings-1234" };
const ANSWER = JSON.stringify({
  notes: "One DOM.",
  files: [
    { path: "index.html", content: '<!doctype html><html><body><main class="page">Order</main></body></html>\n' },
    {
      path: "styles.css",
      content: ".page { padding: 8px; }\n@media (min-width: 768px) { .page { padding: 24px; } }\n",
    },
  ],
});

const work = mkdtempSync(join(tmpdir(), "figment-ai-drawings-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const serve = scriptedServer();

/** The page's hint (as `figment hints` prints a page drawn at several widths) and a PNG per drawing, in no order. */
function inputs(): { hint: string; pngs: string[] } {
  const json = JSON.parse(readFileSync("test/fixtures/real/flora.file.json", "utf8")) as unknown;
  const doc = withDrawings(loadDesign(json, ORDER_MODAL).document, [ORDER_MODAL]);
  const hint = join(work, "order-modal.hint.txt");
  writeFileSync(hint, modelHint(doc));
  const pngs = [
    ["phone", 375, 700],
    ["desktop", 1440, 900],
    ["tablet", 768, 1000],
  ].map(([name, w, h]) => {
    const path = join(work, `${name}.png`);
    writeFileSync(path, encodePng(Number(w), Number(h)));
    return path;
  });
  return { hint, pngs };
}

async function figment(argv: string[]): Promise<{ code: number; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io, { env: ENV });
  return { code, stderr: io.stderr() };
}

type Part = { type: string; text?: string; image_url?: string | { url: string } };

/** The pictures sent, in order, each with the text right before it, and every text. */
function sent(parts: Part[]): { images: { label: string; width: number | undefined }[]; texts: string } {
  const images = parts.flatMap((part, k) => {
    if (part.type !== "input_image" && part.type !== "image_url") return [];
    const url = typeof part.image_url === "string" ? part.image_url : (part.image_url?.url ?? "");
    return [{ label: parts[k - 1]?.text ?? "", width: pngDataUrlSize(url)?.width }];
  });
  return { images, texts: parts.map((p) => p.text ?? "").join("\n") };
}

function expectPage(request: RecordedRequest, instructions: string, parts: Part[]): void {
  expect(request.schemaErrors).toEqual([]);
  const { images, texts } = sent(parts);
  expect(images).toEqual([
    { label: "The drawing at 1440 px wide (“Order Modal”):", width: 1440 },
    { label: "The drawing at 768 px wide (“Order Modal Tablet”):", width: 768 },
    { label: "The drawing at 375 px wide (“Order Modal Mobile”):", width: 375 },
  ]);
  expect(instructions).toContain("The frame is one page drawn at 3 widths (1440, 768, 375 px)");
  expect(instructions).toContain(
    "mobile-first: the narrowest drawing's (375 px) rules as the base, then @media (min-width: 768px), " +
      "@media (min-width: 1440px) rules for each wider drawing",
  );
  expect(instructions).toMatch(/one DOM/);
  expect(texts).toContain("The design hint for the page drawn at 1440, 768, 375 px");
  expect(texts).toContain(
    "page: Order Modal — drawn at 1440, 768, 375 (one DOM, mobile-first @media at the drawn widths): " +
      "frames 8211:116360, 8238:18854, 8238:19230",
  );
}

describe("figment code --ai: a page drawn at several widths", () => {
  it("Responses API: three pictures, each labelled with its width, with the one hint", async () => {
    const { hint, pngs } = inputs();
    const srv = await serve(responsesStream(splitInto(ANSWER, 4)));
    const images = pngs.flatMap((p) => ["--image", p]);
    const argv = ["code", "--from-hint", hint, "--ai", ...images, "--target", "html", "--base-url", srv.url];
    const ran = await figment([...argv, "--out", join(work, "responses")]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(srv.requests).toHaveLength(1);
    const body = srv.requests[0]!.body as { instructions: string; input: { content: Part[] }[] };
    expectPage(srv.requests[0]!, body.instructions, body.input[0]!.content);
  });

  it("chat completions: the same pictures and words", async () => {
    const { hint, pngs } = inputs();
    const srv = await serve(chatStream(splitInto(ANSWER, 4)));
    const images = pngs.flatMap((p) => ["--image", p]);
    const argv = ["code", "--from-hint", hint, "--ai", ...images, "--target", "html", "--provider", "custom"];
    const ran = await figment([...argv, "--model", "m", "--base-url", srv.url, "--out", join(work, "chat")]);
    expect(ran.code, ran.stderr).toBe(0);
    const body = srv.requests[0]!.body as { messages: { role: string; content: string | Part[] }[] };
    const system = body.messages.find((m) => m.role === "system")!.content as string;
    const user = body.messages.find((m) => m.role === "user")!.content as Part[];
    expectPage(srv.requests[0]!, system, user);
  });

  it("offline from the hint (--from-hint): the page's one DOM as from the design, its min-width rules", async () => {
    const { hint } = inputs();
    const out = join(work, "offline");
    const ran = await figment(["code", "--from-hint", hint, "--target", "html", "--node-ids", "--out", out]);
    expect(ran.code, ran.stderr).toBe(0);
    const json = JSON.parse(readFileSync("test/fixtures/real/flora.file.json", "utf8")) as unknown;
    const doc = withDrawings(loadDesign(json, ORDER_MODAL).document, [ORDER_MODAL]);
    const code = await generateCode(doc, { target: "html", styling: "css-modules", nodeIds: true });
    // The hint carries no design tokens (hint-roundtrip.test.ts swaps them in): the rules, not the variables, compare.
    const css = readFileSync(join(out, "styles.css"), "utf8");
    expect(css).toMatch(/@media \(min-width: 768px\)[\s\S]*@media \(min-width: 1440px\)/);
    const ids = (html: string): string[] => [...html.matchAll(/data-node-ids="([^"]*)"/g)].map((m) => m[1]!);
    const html = code.files.find((f) => f.path === "index.html")!.content;
    expect(ids(readFileSync(join(out, "index.html"), "utf8"))).toEqual(ids(html));
    expect(ids(html).length).toBeGreaterThan(10);
  }, 120_000);

  it("refuses a count of pictures that is not one per drawing", async () => {
    const { hint, pngs } = inputs();
    const ran = await figment([
      "code",
      "--from-hint",
      hint,
      "--ai",
      "--image",
      pngs[0]!,
      "--image",
      pngs[1]!,
      "--dry-run",
    ]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(
      /drawn at 1440, 768, 375 px: give one --image per drawing \(3\), or one for the widest; got 2/,
    );
  });
});
