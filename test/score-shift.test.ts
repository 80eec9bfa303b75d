/**
 * A page that looks right but where everything below one point sits 20 px lower (issue 50: the score blamed every
 * layer below it): the Log-In page's HTML (a real frame, figmasharp-login.file.json) with its fields and button
 * moved 20 px down together, scored in Chromium by `figment score`, says it once — "20 px lower from here down (from
 * “Log-In Fields”, …)" — and lists no layer of it one by one.
 */
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../cli/run.js";
import { generateCode, loadDesign } from "../codegen/index.js";
import { captureIo, fixturePath, readFixture } from "./helpers/fixtures.js";
import { tempDirs } from "./helpers/temp-dirs.js";

const LOGIN = "figmasharp-login.file.json";
const newDir = tempDirs("figment-score-shift-");

async function score(dir: string): Promise<string[]> {
  const io = captureIo();
  const code = await run(["score", fixturePath(LOGIN), "--dir", dir, "--widths", "design"], io);
  expect(code, io.stderr()).toBe(0);
  return io.stdout().split("\n");
}

describe("a page shifted from one point down", () => {
  it("is said once, not layer by layer", async () => {
    const design = loadDesign(readFixture(LOGIN), ["101:3"]);
    const code = await generateCode(design.document, { target: "html", styling: "css-modules", nodeIds: true });
    const page = newDir();
    for (const file of code.files) {
      const path = join(page, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.bytes ?? file.content);
    }
    const untouched = await score(page);
    expect(untouched.join("\n")).not.toContain("from here down");
    // The fields (395 px down the frame) and the button below them: 20 px lower, as a spacer above them would put them.
    const css = code.files.find((f) => f.path.endsWith(".css") && f.content.includes("101:10"))?.path ?? "styles.css";
    appendFileSync(
      join(page, css),
      '\n[data-node-id="101:10"], [data-node-id="101:5"] { transform: translateY(20px) !important; }\n',
    );
    const shifted = await score(page);
    const line = shifted.find((l) => l.includes("from here down"));
    expect(line).toMatch(/^ {2}20 px lower from here down \(from “Log-In Fields”, \d+ layers moved together\)$/);
    expect(shifted.filter((l) => / — 20 px lower$/.test(l))).toEqual([]);
  });
});
