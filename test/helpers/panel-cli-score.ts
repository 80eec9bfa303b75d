/**
 * One frame's score as the real panel gives it and as `figment code --score` gives it from the same inputs, for the
 * panel-vs-CLI test and the bench's score-panel section. The panel: dist/code.js on the figma simulator with
 * dist/ui.html, Generate clicked, the final result's score read back from its History entry (the panel keeps the
 * score there, gzip-compressed). The CLI: the same fixture with the SVGs the plugin exported, served by the
 * Figma-REST test server to `--file-key`, the same target (the panel's default: React, CSS modules).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { PageHost } from "../../cli/measure/browser.js";
import { run } from "../../cli/run.js";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import { withPluginPage } from "../harness/plugin-page.js";
import { startFigmaRestServer } from "../figma-rest-server/server.js";

/** The largest difference of IoU×matched or text seen between the panel and the CLI. */
export const PANEL_CLI_TOLERANCE = 0.01;

const TOKEN = "figd_panel-vs-cli";
const KEY = "PanelVsCliFile";
const TIMEOUT_MS = 120_000;

/** The captured output of one `run`. */
function io(): { out(line: string): void; err(line: string): void; stdout(): string; stderr(): string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (l) => void out.push(l),
    err: (l) => void err.push(l),
    stdout: () => out.join("\n"),
    stderr: () => err.join("\n"),
  };
}

/** The panel's score and the CLI's for `frame` of `fixture` (a file in test/fixtures/figma, or `root`'s). */
export async function panelCliScores(
  host: PageHost,
  input: { fixture: string; frame: string; root?: string },
): Promise<{ panel: FidelityScore; cli: FidelityScore }> {
  const { panel, svgs } = await panelScore(host, input);
  const server = await startFigmaRestServer({ token: TOKEN, files: { [KEY]: { imageFills: {}, svgs } } });
  const out = mkdtempSync(join(tmpdir(), "figment-panel-cli-"));
  try {
    const captured = io();
    const fixture = join(input.root ?? process.cwd(), "test/fixtures/figma", input.fixture);
    const code = await run(
      [
        "code",
        fixture,
        "--node",
        input.frame,
        "--file-key",
        KEY,
        "--figma-token",
        TOKEN,
        "--figma-base-url",
        server.url,
        "--score",
        "--json",
        "--out",
        out,
      ],
      captured,
    );
    if (code !== 0) throw new Error(`figment code --score exited ${code}: ${captured.stderr().slice(0, 2000)}`);
    const cli = (JSON.parse(captured.stdout()) as { score: FidelityScore[] }).score[0];
    if (!cli) throw new Error("figment code --score gave no score");
    return { panel, cli };
  } finally {
    await server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

/** Generate in the real panel; its final result's score, and the SVGs its export carried. */
async function panelScore(
  host: PageHost,
  input: { fixture: string; frame: string; root?: string },
): Promise<{ panel: FidelityScore; svgs: Record<string, string> }> {
  return withPluginPage(
    host,
    { fixture: input.fixture, select: [input.frame], ...(input.root ? { root: input.root } : {}) },
    async ({ ui, sim, page }) => {
      await ui.getByRole("button", { name: "Generate", exact: true }).click();
      // The final result (the worker's files, React previewed as it ships), then its score measured on that preview.
      await ui.locator('.results[data-stage="final"]').waitFor({ timeout: TIMEOUT_MS });
      await ui.locator(".score__header").waitFor({ timeout: TIMEOUT_MS });
      // The score is saved with the result's History entry once measured.
      const stored = async (): Promise<FidelityScore | undefined> => {
        const zipped = await sim<string[]>(
          `[...sim.storage].filter(([k]) => k.startsWith("figment.history/code/")).map(([, ` +
            `v]) => btoa(Array.from(v.zipped, (b) => String.fromCharCode(b)).join("")))`,
        );
        for (const z of zipped) {
          const entry = JSON.parse(gunzipSync(Buffer.from(z, "base64")).toString("utf8")) as { score?: FidelityScore };
          if (entry.score) return entry.score;
        }
        return undefined;
      };
      let panel: FidelityScore | undefined;
      const deadline = Date.now() + TIMEOUT_MS;
      while (!(panel = await stored())) {
        if (Date.now() > deadline) throw new Error("the panel's score never reached History");
        await page.waitForTimeout(100);
      }
      const exported = await sim<{ extras?: { svgs?: Record<string, string> } }[]>(
        `sim.ui.messages.filter((m) => m.type === "export-result").map((m) ` +
          `=> ({ extras: { svgs: m.extras?.svgs ?? {} } }))`,
      );
      return { panel, svgs: exported.at(-1)?.extras?.svgs ?? {} };
    },
  );
}
