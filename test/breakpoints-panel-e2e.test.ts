/**
 * A page drawn at several widths in the Code panel's model path (issue 70), as a user meets it in the browser harness
 * at Figma's default 420×600 (real dist/code.js on the figma simulator, real dist/ui.html, the engine worker calling
 * the OpenAI-wire test server on 127.0.0.1; request bodies validated against the OpenAPI spec): flora's Order Modal
 * drawn at 1440, 768 and 375, its three frames selected. Generate with AI sends one request with the three drawings'
 * pictures, each labelled with its width, and the one hint; the answer (the page's offline HTML, one DOM with
 * min-width rules) is measured in the preview at each drawn width against its drawing, and the score line says each
 * drawing's figure. Screenshots go to test-artifacts/breakpoints-panel/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pngDataUrlSize } from "../ai/verify/estimate.js";
import { withDrawings } from "../codegen/design/drawings.js";
import { generateCode, loadDesign } from "../codegen/index.js";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { responsesStream } from "./openai-server/server.js";
import { splitInto } from "./openai-server/scripted.js";
import { runBrowser } from "./helpers/browser.js";
import { serverOrigin, useModelE2e } from "./helpers/e2e.js";
import { answerJson } from "./helpers/model-answers.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "breakpoints-panel");
const ORDER_MODAL = ["8211:116360", "8238:18854", "8238:19230"];
const FLORA = JSON.parse(readFileSync(join(ROOT, "test/fixtures/real/flora.file.json"), "utf8")) as unknown;

type Part = { type: string; text?: string; image_url?: string };

describe.runIf(runBrowser)("a page drawn at several widths in the Code panel", { timeout: 600_000 }, () => {
  const { browser, startServer } = useModelE2e();

  it("sends each drawing's picture with the one hint, and scores the answer at each drawn width", async () => {
    const doc = withDrawings(loadDesign(FLORA, ORDER_MODAL).document, [ORDER_MODAL]);
    const code = (await generateCode(doc, { target: "html", styling: "css-modules", nodeIds: true })).files;
    const server = await startServer();
    server.push(responsesStream(splitInto(answerJson(code, "One DOM for the three widths."), 8), { id: "resp_page" }));
    const storage = {
      "figment.settings": {
        provider: "openai",
        baseUrl: server.url.replace(/\/+$/, ""),
        model: "gpt-5.4-image-2",
        target: "html",
        styling: "css-modules",
      },
      "figment.apiKey": "sk-test-breakpoints-2468",
    };
    await withPluginPage(
      browser,
      { fixture: FLORA, select: ORDER_MODAL, storage, allowOrigins: [serverOrigin(server)] },
      async ({ page, ui }) => {
        await ui.getByRole("button", { name: "Generate with AI" }).click();
        await ui.locator(".ai-confirm").getByRole("button", { name: "Send" }).click();
        const summary = ui.locator(".ai-results .score__summary");
        await expect
          .poll(async () => (await summary.count()) > 0 && ((await summary.textContent()) ?? ""), { timeout: 300_000 })
          .toMatch(/^Desktop 1440: matches \d+ % · Tablet 768: matches \d+ % · Phone 375: matches \d+ %/);
        const line = (await summary.textContent()) ?? "";
        console.log(`panel score line: ${line}`);
        await panelScreenshot(page, ARTIFACTS, "1-score-line");
        await ui.locator(".ai-results .score__header").click();
        await panelScreenshot(page, ARTIFACTS, "2-score-open");
        for (const figure of line.matchAll(/matches (\d+) %/g)) expect(Number(figure[1])).toBeGreaterThanOrEqual(80);

        expect(server.requests).toHaveLength(1);
        const request = server.requests[0]!;
        expect(request.schemaErrors).toEqual([]);
        const body = request.body as { instructions: string; input: { content: Part[] }[] };
        const parts = body.input[0]!.content;
        const images = parts.flatMap((p, k) =>
          p.type === "input_image" ? [{ label: parts[k - 1]?.text, width: pngDataUrlSize(p.image_url!)?.width }] : [],
        );
        expect(images.map((i) => i.label)).toEqual([
          "The drawing at 1440 px wide (“Order Modal”):",
          "The drawing at 768 px wide (“Order Modal Tablet”):",
          "The drawing at 375 px wide (“Order Modal Mobile”):",
        ]);
        // Figma's exports, each at its frame's proportions: the widest drawing's picture is the widest.
        expect(images.map((i) => i.width ?? 0)).toEqual([...images.map((i) => i.width ?? 0)].sort((a, b) => b - a));
        expect(body.instructions).toContain("one page drawn at 3 widths (1440, 768, 375 px)");
        expect(body.instructions).toContain("@media (min-width: 768px), @media (min-width: 1440px)");
        expect(parts.map((p) => p.text ?? "").join("\n")).toContain("page: Order Modal — drawn at 1440, 768, 375");
      },
    );
  });
});
