/**
 * The habit properties' shrunk counterexamples (test/fixtures/shrunk/, written by habits.browser.test.ts when a
 * property fails), replayed: each file's frame must now pass the property it once failed (the contract, paint order,
 * content shown or stacking: the note's `property`), the contract in HTML and React.
 * FIGMENT_SHRUNK_OPEN=1 replays the open ones too (test/fixtures/shrunk/open/: found on main, not fixed yet).
 */
import { describe, expect, it } from "vitest";
import { runBrowser, useBrowser, usePageContext } from "../../test/helpers/browser.js";
import { checkedFrame, habitFailures } from "../../test/helpers/habit-checks.js";
import { shrunkFixtures } from "../../test/helpers/shrunk-fixtures.js";

const FIXTURES = [
  ...shrunkFixtures(),
  ...(process.env["FIGMENT_SHRUNK_OPEN"] === "1"
    ? shrunkFixtures("open").map((f) => ({ ...f, name: `open/${f.name}` }))
    : []),
];

describe.runIf(runBrowser && FIXTURES.length > 0)("shrunk habit cases hold the property they failed", () => {
  const browser = useBrowser();
  const context = usePageContext(browser);
  for (const { name, reply, frameId, note } of FIXTURES) {
    it(`${name}: ${note.property} (seed ${note.seed}, ${note.base})`, { timeout: 120_000 }, async () => {
      const nodes = reply["nodes"] as Record<string, { document: Record<string, unknown> }>;
      const checked = await checkedFrame(context, reply, frameId, nodes[frameId]!.document);
      expect(checked, "the frame loads").toBeDefined();
      expect(await habitFailures(context, note.property, checked!, { react: true })).toEqual([]);
    });
  }
});
