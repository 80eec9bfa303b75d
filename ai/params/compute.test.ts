import { describe, expect, it } from "vitest";
import { computePrompts, composePrompt } from "./compute.js";
import { parseCsvRows } from "./csv.js";
import type { ParamsError } from "./errors.js";
import { rowStem, slugWords } from "./names.js";
import { CONSISTENT_NOTE, rowRequests, withFirstImage } from "./requests.js";
import { NO_RULES } from "./rule-types.js";
import { parseRules } from "./rules-parse.js";
import { parseTemplate } from "./template.js";

const RULES = parseRules({
  rules: [
    { if: { audience: "kids" }, then: { add: "rounded shapes, warm colours", set: { palette: "warm" } } },
    { if: { mood: ["calm", "quiet"] }, then: { add: "low contrast" } },
  ],
});

describe("computePrompts", () => {
  it("fills the template with values after the rules, then appends the style notes and the shared style", () => {
    const table = parseCsvRows("audience,style,mood,owner\nkids,flat,calm,ana\nadults,photo,loud,bo\n");
    const { rows, notes } = computePrompts(table, parseTemplate("A {style} hero image for {audience}"), RULES, {
      style: "35mm film look",
    });
    expect(rows.map((r) => r.prompt)).toEqual([
      "A flat hero image for kids\n\n" +
        "Style notes: rounded shapes, warm colours; low contrast.\n\n" +
        "Style: 35mm film look.",
      "A photo hero image for adults\n\nStyle: 35mm film look.",
    ]);
    expect(rows[0]).toMatchObject({
      row: 1,
      line: 2,
      applied: [0, 1],
      stem: "1-flat-kids",
      values: { palette: "warm" },
    });
    expect(notes).toEqual(['column "owner" not used by the template or any rule (allowed; ignored)']);
  });

  it("a placeholder only a rule sets is known; a row the rule misses is an error naming the row", () => {
    const table = parseCsvRows("audience\nkids\nadults\n");
    const error = (() => {
      try {
        computePrompts(table, parseTemplate("Palette {palette}"), RULES);
      } catch (e) {
        return e as ParamsError;
      }
    })();
    expect(error?.message).toBe('row 2 (line 3): {palette} is empty in this row; fill it in, or let a rule "set" it');
  });

  it("reports unknown placeholders before any row is filled, and notes rule warnings and skipped lines", () => {
    const table = parseCsvRows("audience\n\nkids\n");
    expect(() => computePrompts(table, parseTemplate("{audience} {season}"), NO_RULES)).toThrow(
      "unknown placeholder {season}; the rows have {audience}",
    );
    const { notes } = computePrompts(
      table,
      parseTemplate("{audience}"),
      parseRules({ rules: [{ if: { season: "x" }, then: { add: "y" } }] }),
    );
    expect(notes).toEqual([
      'rules[0]: parameter "season" is not known here (the rows have audience); the test sees an empty value',
      "skipped blank line 2 of the rows file",
    ]);
  });

  it("composes a prompt ending each appended sentence once", () => {
    expect(composePrompt(" x ", ["a.", "b!"], "")).toBe("x\n\nStyle notes: a.; b!");
    expect(composePrompt("x", [], "calm")).toBe("x\n\nStyle: calm.");
  });
});

describe("names", () => {
  it("pads the row number, slugs the key values, leaves no path characters", () => {
    expect(rowStem(3, 120, ["Kids", "Warm & Cosy!"])).toBe("003-kids-warm-cosy");
    expect(rowStem(7, 9, ["../../etc/passwd", "C:\\Windows"])).toBe("7-etc-passwd-c-windows");
    expect(rowStem(2, 10, ["日本", "..."])).toBe("02");
    expect(rowStem(1, 1, ["a".repeat(100)])).toBe(`1-${"a".repeat(60)}`);
    expect(rowStem(1, 1, ["one two", "x".repeat(60)])).toBe("1-one-two");
    expect(slugWords("Crème Brûlée")).toBe("creme-brulee");
  });
});

describe("rowRequests", () => {
  it("one request per row, sharing the options; the first image joins later requests as the first reference", () => {
    const table = parseCsvRows("audience\nkids\nadults\n");
    const computed = computePrompts(table, parseTemplate("For {audience}"), NO_RULES);
    const shared = {
      size: { width: 1024, height: 1024 },
      quality: "low" as const,
      references: [{ bytes: new Uint8Array([1]), name: "brand.png" }],
    };
    const requests = rowRequests(computed.rows, shared);
    expect(
      requests.map((r) => [r.row, r.stem, r.request.prompt, r.request.count, r.request.references?.length]),
    ).toEqual([
      [1, "1-kids", "For kids", 1, 1],
      [2, "2-adults", "For adults", 1, 1],
    ]);
    const first = { bytes: new Uint8Array([9]), name: "first.png" };
    const later = withFirstImage(requests[1]!, first);
    expect(later.request.prompt).toBe(`For adults\n\n${CONSISTENT_NOTE}`);
    expect(later.request.references?.map((r) => r.name)).toEqual(["first.png", "brand.png"]);
    expect(requests[1]!.request.references).toHaveLength(1);
  });
});
