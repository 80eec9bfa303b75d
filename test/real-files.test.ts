/**
 * The real designers' files (test/fixtures/real/) as the bench section "real" takes them: all nine read as the CLI
 * reads a design file (the fragment with its note), and their top-level frames — the frames in sections included,
 * a page's loose vectors, lines and texts not — 70 in all, TnT's 37 among them.
 */
import { describe, expect, it } from "vitest";
import { realFiles, topLevelFrames } from "./helpers/real-files.js";

describe("real designers' files", () => {
  const files = realFiles();

  it("reads all nine; only the fragment needs a note", () => {
    expect(files.map((f) => f.name)).toHaveLength(9);
    expect(files.filter((f) => f.notes.length > 0).map((f) => [f.name, f.notes])).toEqual([
      [
        "smart-ui-mes-dial-picker.fragment.json",
        ["it holds an object's members without their outer braces, a fragment (read as one object)"],
      ],
    ]);
  });

  it("lists the top-level frames: those in sections too, hidden ones marked, loose shapes not", () => {
    const frames = files.flatMap((f) => topLevelFrames(f));
    expect(frames).toHaveLength(70);
    const count = (name: string) => frames.filter((f) => f.file === name).length;
    expect(count("tnt-website.file.json")).toBe(37);
    expect(count("flora.file.json")).toBe(15);
    expect(count("psykolog-jenny.file.json")).toBe(12);
    expect(frames.filter((f) => f.hidden).map((f) => `${f.id} ${f.name}`)).toEqual([
      "162:102 Frame 52",
      "276:138 Frame 70",
    ]);
    expect(frames.filter((f) => f.section === "Sign up").map((f) => f.name)).toEqual([
      "Sign up-Details",
      "Sign up-OTP",
      "Sign up-Go",
    ]);
    expect(frames.every((f) => ["FRAME", "COMPONENT", "COMPONENT_SET", "INSTANCE"].includes(f.type))).toBe(true);
  });
});
