/**
 * The layout check in Chromium keeps one context per browser and reuses its pages: `figment mcp` checks a frame on
 * every get_code and get_design_hint with its one shared browser, and a context and renderer opened for each layout
 * cost most of a warm call (bench section `mcp`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDesign } from "../../codegen/index.js";
import { useBrowser, runBrowser } from "../../test/helpers/browser.js";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { WHOLE_FILE } from "../common/design-files.js";
import { checkedOptions, LayoutBrowser } from "./layout-check.js";

const FILE = join(REPO_ROOT, "test", "fixtures", "figma", "figmagic-design-system.file.json");

describe.runIf(runBrowser)("the layout check on a shared browser", () => {
  const browser = useBrowser();

  it("lays every check out in one kept context, its pages kept, with the same decisions", async () => {
    const design = loadDesign(JSON.parse(readFileSync(FILE, "utf8")), ["3022:701"], {}, WHOLE_FILE);
    const options = { target: "react", styling: "css-modules", layout: "responsive", nodeIds: false } as const;
    const check = async () => {
      const shared = LayoutBrowser.of(browser);
      const checked = await checkedOptions(design.document, options, shared, { err: () => {} });
      await shared.close();
      return checked;
    };
    const first = await check();
    expect(Object.keys(first.options.layoutDecisions ?? {})).toEqual(["3022:701"]);
    const contexts = browser.contexts();
    expect(contexts).toHaveLength(1);
    const second = await check();
    expect(second.options.layoutDecisions).toEqual(first.options.layoutDecisions);
    expect(browser.contexts()).toEqual(contexts);
    // Its pages are kept for the next check (browser.ts withPage's idle pages), not closed with a context of their own.
    expect(contexts[0]!.pages().length).toBeGreaterThan(0);
  });
});
