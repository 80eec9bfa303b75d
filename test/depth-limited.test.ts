/**
 * A real file as fetched with a depth limit (issue 50: made here from the real file, as Figma's `?depth=` cuts it):
 * `figment code` says so, and its result carries the note; `analyze` says so and does not judge the contrast of a
 * text over a layer that came without its layers (figmagic's "Submit" over its button's emptied "Normal" group read
 * as white on white, 1.00:1, and analyze exited 1).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cutAtDepth } from "./helpers/depth-cut.js";
import { captureIo, fixturePath, REPO_ROOT } from "./helpers/fixtures.js";
import { tempDirs } from "./helpers/temp-dirs.js";
import { run } from "../cli/run.js";

const newDir = tempDirs("figment-depth-limited-");

async function figment(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** `path`'s reply cut at `depth`, written beside the test's other files. */
function cutCopy(path: string, depth: number): string {
  const json = JSON.parse(readFileSync(path, "utf8")) as unknown;
  expect(cutAtDepth(json, depth)).toBeGreaterThan(10);
  const out = join(newDir(), `depth-${depth}.json`);
  writeFileSync(out, JSON.stringify(json));
  return out;
}

interface Contrast {
  kind: string;
  nodeId: string;
  message: string;
}

describe("a file fetched with a depth limit", () => {
  it("is said by figment code, on stderr and in the result's problems", async () => {
    const tnt = join(REPO_ROOT, "test", "fixtures", "real", "tnt-website.file.json");
    const cut = cutCopy(tnt, 3);
    // Home's "Past trips" and "Journey" sections, "Home text": the largest of what the cut emptied, named.
    const said =
      "warning depth-limited the design looks fetched with a depth limit (depth=3): 6 instances and frames 3 levels " +
      "down came without their layers (“Past trips”, “Journey”, “Home text”, …), so the code lacks what they hold; " +
      "fetch the file again without `depth`";
    // Home, the largest frame: its code and the note.
    const ran = await figment("code", cut, "--node", "40:110", "--out", join(newDir(), "out"));
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr.split("\n")).toContain(said);
    const json = await figment("code", cut, "--node", "40:110", "--json");
    const problems = (JSON.parse(json.stdout) as { problems: { code: string; message: string }[] }).problems;
    expect(problems.filter((p) => p.code === "depth-limited")).toHaveLength(1);
    // The whole file says nothing of the kind.
    const whole = await figment("code", tnt, "--node", "40:110", "--json");
    expect(whole.stdout).not.toContain("depth-limited");
  });

  it("is said by analyze, which judges no contrast over a layer that came empty and exits 0 for it", async () => {
    const figmagic = fixturePath("figmagic-design-system.file.json");
    const cut = cutCopy(figmagic, 5);
    // "MacBook Pro": its form's button text over the button's "Normal" group, emptied by the cut.
    const frame = "3022:700";
    const ran = await figment("analyze", cut, "--node", frame, "--json");
    expect(ran.code, ran.stdout).toBe(0);
    const findings = (JSON.parse(ran.stdout) as { findings: Contrast[] }).findings;
    expect(findings.filter((f) => f.kind === "contrast")).toEqual([]);
    expect(ran.stderr).toBe(
      `figment: note: ${cut}: the design looks fetched with a depth limit (depth=5): 6 groups 5 levels down came ` +
        "without their layers (“Normal”, “:invalid”, “_Side Icon”), so the code lacks what they hold; fetch the file " +
        "again without `depth`; the contrast of 2 texts over them is not judged (what lies behind is not in the file)",
    );
    // The whole file's button is judged as drawn: white on its blue, 3.87:1.
    const whole = await figment("analyze", figmagic, "--node", frame, "--json");
    expect(whole.code).toBe(1);
    const judged = (JSON.parse(whole.stdout) as { findings: Contrast[] }).findings;
    expect(judged.map((f) => f.message)).toContain(
      'Text "Submit" has contrast 3.86:1 (#ffffff on #2f80ed); WCAG 2.2 AA needs 4.5:1 for normal text.',
    );
    // The whole cut file: no text over an emptied layer read as on what lies further down (white on white).
    const all = await figment("analyze", cut, "--json");
    const messages = (JSON.parse(all.stdout) as { findings: Contrast[] }).findings.map((f) => f.message);
    expect(messages.filter((m) => m.includes("(#ffffff on #ffffff)"))).toEqual([]);
  });
});
