/**
 * axe-core (WCAG 2.0/2.1 A and AA, and its best practices) on a page in Chromium, as issue 72 measures the
 * generated pages: the script injected into the loaded page, run on the whole document. `color-contrast` is the
 * design's own contrast (its colours, reported by `figment analyze` as today): counted apart from the rest.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext, Page } from "playwright-core";

/** The rule sets run: WCAG 2.0 and 2.1, levels A and AA, and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] as const;

/** The rules whose findings are the design's own colours, not the code's structure. */
export const DESIGN_RULES: ReadonlySet<string> = new Set(["color-contrast", "color-contrast-enhanced"]);

export interface AxeViolation {
  rule: string;
  impact: string | null;
  help: string;
  /** Each element found: its CSS selector and the start of its markup. */
  nodes: { target: string; html: string }[];
}

let source: string | undefined;

/** axe-core's browser script (the package's own build), read once. */
export function axeSource(): string {
  source ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  return source;
}

/**
 * Every document of `context` gets axe's script before its own scripts run, from the browser itself: once per context
 * instead of a 550 kB script sent over Playwright's protocol and compiled again with each page (a third of an axe
 * check's time on a generated page). The script only defines `axe`; nothing runs until axeViolations asks.
 */
export async function loadAxeWithEveryPage(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axeSource() });
}

interface AxeResult {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[]; html: string }[];
  }[];
}

/** What an axe run checks: every rule of AXE_TAGS, or all but the design's contrast (`contrast: false`). */
export interface AxeScope {
  contrast: boolean;
}

/**
 * Runs axe on the page as it is loaded (the script is added to it first, once per document, unless its context loads
 * it with every page: loadAxeWithEveryPage). Without the contrast rules (the structure alone, what the tests hold at
 * 0) a run takes about a third of the time: color-contrast works out every text's backdrop.
 */
export async function axeViolations(page: Page, scope: AxeScope = { contrast: true }): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === "object");
  if (!loaded) await page.addScriptTag({ content: axeSource() });
  const off = scope.contrast ? {} : Object.fromEntries([...DESIGN_RULES].map((rule) => [rule, { enabled: false }]));
  const result = (await page.evaluate(
    async ({ tags, rules }) => {
      const g = globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<unknown> };
        document: unknown;
      };
      return g.axe.run(g.document, { runOnly: { type: "tag", values: tags }, rules, resultTypes: ["violations"] });
    },
    { tags: AXE_TAGS, rules: off },
  )) as AxeResult;
  return result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? null,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(" "), html: n.html.slice(0, 160) })),
  }));
}

/** The findings of the code's structure: every violation but the design's own contrast. */
export const structural = (violations: readonly AxeViolation[]): AxeViolation[] =>
  violations.filter((v) => !DESIGN_RULES.has(v.rule));

/** Elements found per rule. */
export function countByRule(violations: readonly AxeViolation[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of violations) out[v.rule] = (out[v.rule] ?? 0) + v.nodes.length;
  return out;
}
