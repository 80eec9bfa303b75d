/**
 * A real file re-saved by a C# tool (FigmaSharp's MonoDevelop extension, test/fixtures/figma/
 * figmasharp-extension.document.figma) writes `"layoutMode": null` beside its enum's `"LayoutMode": 0` on every
 * frame (issue 50: every command refused it, "has both "layoutMode" and "LayoutMode""). Both mean "no auto layout":
 * every command reads it through the shared loader (cli/common/io.ts readDesignJson), says the repair once, and code
 * is produced.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureIo, fixturePath } from "./helpers/fixtures.js";
import { tempDirs } from "./helpers/temp-dirs.js";
import { run } from "../cli/run.js";

const RESAVED = fixturePath("figmasharp-extension.document.figma");
const newDir = tempDirs("figment-resaved-twice-");

async function figment(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe("a file that spells a field twice with one meaning", () => {
  it("is read by every command, with one note, and code is produced", async () => {
    const out = join(newDir(), "out");
    const note =
      `figment: note: ${RESAVED}: its keys differ from Figma's only in case ("ID" for "id", "Parent" for ` +
      `"parent", "HasFills" for "hasFills", "LayoutMode" for "layoutMode", …): read as Figma's, in 828 objects; ` +
      `37 fields written twice with one meaning ("layoutMode" and "LayoutMode", null beside 0) read once`;
    for (const argv of [
      ["frames", RESAVED],
      ["hints", RESAVED],
      ["analyze", RESAVED, "--json"],
      ["search", RESAVED, "GenerateViewsWindow"],
      ["code", RESAVED, "--out", out],
    ]) {
      const ran = await figment(...argv);
      expect(ran.code, `${argv[0]}: ${ran.stderr}`).toBe(0);
      expect(ran.stderr.split("\n")[0], argv[0]).toBe(note);
      expect(ran.stderr, argv[0]).not.toContain("not Figma JSON");
      if (argv[0] === "frames")
        expect(ran.stdout).toBe('38:714\tPage 1\t3. "GenerateViewsWindow"\tFRAME\t481×379\t96 nodes');
      if (argv[0] === "search") expect(ran.stdout).toContain('38:714\tPage 1\t3. "GenerateViewsWindow"');
    }
    // The frame's screen and its components, with the window's labels.
    const files = readdirSync(join(out, "src"), { recursive: true }).map(String);
    expect(files).toContain(join("screens", "Screen3GenerateViewsWindow.tsx"));
    expect(files.filter((file) => file.startsWith("components") && file.endsWith(".tsx")).length).toBeGreaterThan(2);
  });
});
