/**
 * The real designers' files (test/fixtures/real/) as the bench section "real" takes them: all twelve read as the CLI
 * reads a design file (the fragment with its note), and their top-level frames — the frames in sections included,
 * a page's loose vectors, lines and texts not — 120 in all, TnT's 37 among them; and how each is drawn: the pages
 * drawn without auto layout (Psykolog Jenny, attic, Fitma, the investor pitch) are told from those with it.
 */
import { describe, expect, it } from "vitest";
import { realFiles, topLevelFrames } from "./helpers/real-files.js";

describe("real designers' files", () => {
  const files = realFiles();

  it("reads all twelve; only the fragment needs a note", () => {
    expect(files.map((f) => f.name)).toHaveLength(12);
    expect(files.filter((f) => f.notes.length > 0).map((f) => [f.name, f.notes])).toEqual([
      [
        "smart-ui-mes-dial-picker.fragment.json",
        ["it holds an object's members without their outer braces, a fragment (read as one object)"],
      ],
    ]);
  });

  it("lists the top-level frames: those in sections too, hidden ones marked, loose shapes not", () => {
    const frames = files.flatMap((f) => topLevelFrames(f));
    expect(frames).toHaveLength(120);
    const count = (name: string) => frames.filter((f) => f.file === name).length;
    expect(count("tnt-website.file.json")).toBe(37);
    expect(count("flora.file.json")).toBe(15);
    expect(count("psykolog-jenny.file.json")).toBe(12);
    expect(count("attic-landing.file.json")).toBe(1);
    expect(count("fitma-shop.file.json")).toBe(29);
    expect(count("zacht-investor-pitch.file.json")).toBe(20);
    expect(frames.filter((f) => f.hidden).map((f) => `${f.id} ${f.name}`)).toEqual([
      "0:397 credit",
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

  it("tells the pages drawn without auto layout from those drawn with it; none uses grid auto layout", () => {
    const frames = files.flatMap((f) => topLevelFrames(f));
    const drawn = (file: string) => {
      const counts: Record<string, number> = {};
      for (const f of frames.filter((f) => f.file === file)) counts[f.drawing] = (counts[f.drawing] ?? 0) + 1;
      return counts;
    };
    expect(drawn("psykolog-jenny.file.json")).toEqual({ absolute: 12 });
    expect(drawn("zacht-investor-pitch.file.json")).toEqual({ absolute: 20 });
    // Fitma's 1440 pages and the designer's own 411 phone versions are placed by hand; its thumbnail has two small
    // auto-layout frames.
    expect(drawn("fitma-shop.file.json")).toEqual({ absolute: 28, "absolute, auto layout inside": 1 });
    // attic's landing page: placed by hand, its three buttons and a dropdown with auto layout.
    expect(drawn("attic-landing.file.json")).toEqual({ "absolute, auto layout inside": 1 });
    expect(drawn("over-promo.nodes.json")).toEqual({ "auto layout": 1 });
    expect(drawn("flora.file.json")).toEqual({ "auto layout": 14, absolute: 1 });
    expect(frames.filter((f) => f.gridFrames > 0)).toEqual([]);
  });
});
