/**
 * The end of a `figment code` run: the notes counted by the kinds present (not one fixed list of kinds), and
 * only the tips that apply to them and to what the user has not given yet.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Problem } from "../../codegen/types.js";
import { captureIo, fixturePath } from "../../test/helpers/fixtures.js";
import { notesLine, tips } from "./notes.js";
import { run } from "../run.js";

const note = (code: string, n = 1): Problem[] =>
  Array.from({ length: n }, (_, i) => ({ severity: "info", code, message: `${code} ${i}` }));

describe("the notes line", () => {
  it("counts the notes by kind, most first, in words; a kind without words by its code", () => {
    expect(
      notesLine([
        ...note("missing-image", 2),
        ...note("vector-placeholder", 3),
        ...note("new-kind"),
        { severity: "warning", code: "empty-frame", message: "x" },
      ]),
    ).toBe("6 notes: 3 vectors drawn as boxes, 2 images without their bytes, 1 new-kind; --json lists them");
    expect(notesLine(note("design-token"))).toBe("1 note: 1 design token note; --json lists them");
    expect(notesLine([{ severity: "warning", code: "empty-frame", message: "x" }])).toBeUndefined();
  });
});

describe("the tips", () => {
  it("come only for the kinds present, and never suggest what was given", () => {
    expect(tips(note("design-token"))).toEqual([]);
    expect(tips(note("missing-image"))).toEqual([
      expect.stringMatching(/^tip: image fills are grey placeholders; --images DIR .* or --file-key KEY/),
    ]);
    expect(tips(note("missing-image"), { images: "pics" })).toEqual([
      expect.stringMatching(/^tip: some image fills have no file in pics .*--file-key KEY fetches the others/),
    ]);
    expect(tips([...note("missing-image"), ...note("vector-placeholder")], { fileKey: "abc" })).toEqual([]);
    expect(tips(note("vector-placeholder"))).toEqual([
      expect.stringMatching(/^tip: vectors without outlines are drawn as boxes/),
    ]);
    expect(tips(note("font-not-served"))).toEqual([expect.stringMatching(/^tip: fonts not on Google Fonts/)]);
  });
});

describe("figment code's last lines", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "figment-notes-"));
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it("say what this run's notes are, so two designs with different notes end differently", async () => {
    const ends: string[] = [];
    for (const [name, file] of [
      ["login", "figmasharp-login.file.json"],
      ["hero", "vincegx-hero-header.nodes.json"],
    ]) {
      const io = captureIo();
      expect(await run(["code", fixturePath(file!), "--out", join(tmp, name!)], io)).toBe(0);
      const lines = io.stderr().split("\n");
      const notes = lines.find((l) => /^\d+ notes?: /.test(l));
      expect(notes, file).toBeDefined();
      expect(notes).not.toContain("(missing images, vector placeholders, added imports)");
      // Each tip's kind is among the notes counted.
      for (const tip of lines.filter((l) => l.startsWith("tip: "))) {
        if (tip.includes("image fills")) expect(notes).toMatch(/images? without (its|their) bytes/);
        if (tip.includes("vectors without outlines")) expect(notes).toMatch(/vectors? drawn as boxes/);
      }
      ends.push(lines.filter((l) => /^(\d+ notes?: |tip: )/.test(l)).join("\n"));
    }
    expect(ends[0]).not.toBe(ends[1]);
  });

  it("say nothing of notes, and give no tip, when there are none", async () => {
    const io = captureIo();
    expect(await run(["code", fixturePath("grida-vector-frame.nodes.json"), "--out", join(tmp, "plain")], io)).toBe(0);
    expect(io.stderr()).not.toMatch(/notes?[:(]|^tip: /m);
  });
});
