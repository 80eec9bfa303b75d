/**
 * The "layers" UI part (Insert as layers and the score view) is asked of the main thread before the first result
 * arrives, not when that result first shows: fetched then, the score came ~300 ms after the code (bench score-panel,
 * Log-In, first code → score 325 → 621 ms when the score view moved into the part). Real dist/ on the figma simulator,
 * the Log-In screen of a real file; the relay's order says it, no timing.
 */
import { describe, expect, it } from "vitest";
import { withPluginPage } from "./harness/plugin-page.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";

describe.runIf(runBrowser)("the layers part on the first Generate", { timeout: 120_000 }, () => {
  const pages = usePageContext(useBrowser());

  it("is asked for before the export's result reaches the panel, and the score shows", async () => {
    await withPluginPage(
      pages,
      { fixture: "figmasharp-login.file.json", select: ["101:3"], viewport: { width: 420, height: 600 } },
      async ({ ui, relay }) => {
        await ui.getByRole("button", { name: "Generate", exact: true }).click();
        await ui.locator(".score__summary").waitFor({ timeout: 90_000 });
        const traffic = await relay.traffic();
        const asked = traffic.findIndex((m) => m.type === "get-ui-part" && m.part === "layers");
        const result = traffic.findIndex((m) => m.type === "export-result");
        expect(asked).toBeGreaterThanOrEqual(0);
        expect(result).toBeGreaterThanOrEqual(0);
        expect(asked).toBeLessThan(result);
      },
    );
  });
});
