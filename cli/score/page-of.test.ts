/**
 * `figment score --dir` on a whole file's output folder (issue 50: one page per frame and an index of links; with
 * `--node` it measured the index, "Matches the design 0 % … 100 % missing", exit 0): the page that holds the frame's
 * layer ids is the one scored; a folder without the frame's page is a usage error naming the pages there.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureIo, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { tempDirs } from "../../test/helpers/temp-dirs.js";
import { run } from "../run.js";

const JENNY = join(REPO_ROOT, "test", "fixtures", "real", "psykolog-jenny.file.json");
const newDir = tempDirs("figment-score-page-");

async function figment(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe("score --dir on a folder of several pages", () => {
  it("scores the page that holds the frame's layer ids, or says which page to give", async () => {
    // Psykolog Jenny's twelve frames, one page each and index.html.
    const whole = join(newDir(), "whole");
    const made = await figment("code", JENNY, "--target", "html", "--node-ids", "--out", whole);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain("  spacing.html");
    // "Spacing" (29:27): six layers, drawn without auto layout.
    const scored = await figment("score", JENNY, "--dir", whole, "--node", "29:27", "--widths", "design");
    expect(scored.code, scored.stderr).toBe(0);
    expect(scored.stdout).toMatch(/^Spacing \(29:27\): Matches the design (9\d|100) %/);
    expect(scored.stdout).not.toContain("missing");

    // A folder with two other frames' pages: not this frame's.
    const two = join(newDir(), "two");
    expect(
      (
        await figment(
          "code",
          JENNY,
          "--node",
          "29:27",
          "--node",
          "29:33",
          "--target",
          "html",
          "--node-ids",
          "--out",
          two,
        )
      ).code,
    ).toBe(0);
    const refused = await figment("score", JENNY, "--dir", two, "--node", "6:0");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `figment: none of the 3 pages in ${two} holds the layers of “MacBook Pro 2” (id 6:0): give the folder with its ` +
        "page (figment code --node 6:0 --node-ids --target html --out DIR); line-heights.html draws “Line Heights” " +
        "(29:33), spacing.html draws “Spacing” (29:27)",
    );
  });
});
