/**
 * The first step of the dev check test/harness/check-ui.ts, so its fake main thread (test/harness/fake-main.ts)
 * cannot drift from the panel unseen again: on main 18f401c its untyped script did not even parse (a `const` declared
 * twice in one switch) and check-ui waited 30 s for a thumbnail that never came. Real dist/ui.html and dist/code.js,
 * the Log-In screen of a real file (figmasharp-login): the thumbnail shows, Generate paints code, every message the
 * panel sent passes the contract's parser, and nothing was logged as an error. Then its stub engine worker
 * (test/harness/stub-worker.ts), which until a67cc83 spoke an older protocol (every request, `highlight` included,
 * answered as a `generate`) while check-ui only reported that its problem never showed: every message it posts
 * passes the panel's parser and answers its own request's kind, and its problem opens its file at the line.
 */
import { describe, expect, it } from "vitest";
import { parseEngineMessage } from "../ui/engine/protocol/index.js";
import { LOGIN_SCENARIO, withFakeMain } from "./harness/fake-main-page.js";
import { STUB_LOG, STUB_PROBLEM, STUB_WORKER } from "./harness/stub-worker.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";

describe.runIf(runBrowser)("check-ui's fake main thread", { timeout: 120_000 }, () => {
  const pages = usePageContext(useBrowser());

  it("shows the selection's thumbnail, and Generate paints code with contract messages only", async () => {
    await withFakeMain(pages, LOGIN_SCENARIO, async ({ ui, sent, refused, errors }) => {
      await ui.locator(".selection__thumb img").waitFor();
      await ui.getByRole("button", { name: "Generate", exact: true }).click();
      await ui.locator(".code__line").first().waitFor({ timeout: 90_000 });
      const types = (await sent()).map((m) => m.type);
      expect(types[0]).toBe("ready");
      expect(types).toContain("get-thumbnail");
      expect(types).toContain("export-selection");
      expect(await refused()).toEqual([]);
      // The page may not reach the network (a web font the preview asks for is blocked): not the panel's error.
      expect(errors.filter((e) => !e.includes("ERR_BLOCKED_BY_CLIENT"))).toEqual([]);
    });
  });

  it("drives the stub engine worker in today's protocol: its problem opens the file at its line", async () => {
    const posted: { request: string; message: unknown }[] = [];
    await withFakeMain(
      pages,
      { ...LOGIN_SCENARIO, workerScript: STUB_WORKER },
      async ({ page, ui, refused, errors }) => {
        page.on("console", (m) => {
          if (m.text().startsWith(STUB_LOG)) posted.push(JSON.parse(m.text().slice(STUB_LOG.length)));
        });
        await ui.getByRole("button", { name: "Generate", exact: true }).click();
        await ui.locator('.results[data-stage="final"]').waitFor({ timeout: 60_000 });
        await ui.locator(".problems__header").click();
        await ui.locator(".tab__close").click();
        await ui.locator("button.problem__row").click();
        const target = ui.locator(".code__line.is-target");
        await target.waitFor();
        expect(await target.getAttribute("data-line")).toBe(String(STUB_PROBLEM.line));
        expect(await ui.locator(".tab.is-active .tab__label").getAttribute("title")).toBe(STUB_PROBLEM.file);
        // Scrolled to it (the view scrolls in an effect, after the paint that marks the line): the target line comes
        // to lie within the code's box.
        await ui.waitForFunction(`(() => {
        const row = document.querySelector(".code__line.is-target")?.getBoundingClientRect();
        const box = document.querySelector(".code")?.getBoundingClientRect();
        return !!row && !!box && row.top >= box.top && row.bottom <= box.bottom;
      })()`);
        // The opened file was highlighted by the stub's own `highlight` reply (escaped lines, no token spans).
        await ui.locator(".code__line", { hasText: "{oops" }).waitFor();
        expect(await refused()).toEqual([]);
        expect(errors.filter((e) => !e.includes("ERR_BLOCKED_BY_CLIENT"))).toEqual([]);
      },
    );
    // (Its start, ping and code parts, may come before the test listens.)
    expect(posted.map((p) => p.request)).toEqual(expect.arrayContaining(["generate", "highlight"]));
    // Each message passes the panel's parser and answers its own request (the boundary's own kinds by their replies).
    const replyOf: Record<string, string> = { ping: "pong", abort: "aborted", "load-packed": "loaded" };
    const answered = posted.map(({ request, message }) => {
      const parsed = parseEngineMessage(message);
      return `${request} → ${"reply" in parsed && parsed.reply.ok ? parsed.reply.kind : "failure"}`;
    });
    expect(answered).toEqual(posted.map(({ request }) => `${request} → ${replyOf[request] ?? request}`));
  });
});
