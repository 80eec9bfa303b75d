/**
 * The section rounds with a scripted model and a scripted measurement: each section's repair is kept or dropped on its
 * own (the page with it alone against the page before the round), so a bad repair does not throw a good one away; the
 * kept ones go on one page only while each adds to it; a failed request drops that section's repair alone; a section
 * whose repair was dropped is asked again in its earlier conversation.
 */
import { describe, expect, it } from "vitest";
import type { LayerDiff } from "../../codegen/fidelity/types.js";
import type { SourceFile } from "../../codegen/types.js";
import { scoreOf } from "../../test/helpers/fidelity-score.js";
import type { Conversation } from "../code/generate.js";
import type { Measured, RoundAnswer, RoundInput } from "./rounds.js";
import { verifySections, type SectionSend, type SectionState, type VerifiedSection } from "./sections.js";

/** How a section is drawn: right, off (its layer missing), worse still; each with its share of the page's score. */
type Quality = "right" | "off" | "worse";
const SHARE: Record<Quality, number> = { right: 1, off: 0.6, worse: 0.1 };

const NAMES = ["Hero", "Features", "Footer"] as const;
const SECTIONS: VerifiedSection[] = NAMES.map((component, k) => ({
  component,
  band: { y: k * 100, h: 100 },
  ids: new Set([`${k + 1}:1`]),
}));

const file = (component: string, quality: Quality): SourceFile => ({
  path: `src/sections/${component}.tsx`,
  content: quality,
});
const conversation = (id: string): Conversation => ({ kind: "responses", previousResponseId: id });
const state = (k: number, quality: Quality): SectionState => ({
  component: NAMES[k]!,
  files: [file(NAMES[k]!, quality)],
  conversation: conversation(`first_${k}`),
});
const answer = (k: number, quality: Quality, round = 1): RoundAnswer => ({
  files: [file(NAMES[k]!, quality)],
  problems: [],
  notes: "",
  conversation: conversation(`repair_${k}_${round}`),
});

/** Each section's quality on a page (its file's content, in drawn order). */
const qualities = (files: readonly SourceFile[]): Quality[] =>
  NAMES.map((n) => (files.find((f) => f.path === `src/sections/${n}.tsx`)?.content ?? "worse") as Quality);

/**
 * The page's measure: its score the mean of the sections' shares (less `clash` when both `clashing` are repaired), a
 * missing layer for each section not drawn right.
 */
function measureOf(files: readonly SourceFile[], clashing?: [number, number]): Measured {
  const q = qualities(files);
  const clash = clashing && q[clashing[0]] === "right" && q[clashing[1]] === "right" ? 0.2 : 0;
  const worst: LayerDiff[] = q.flatMap((quality, k) =>
    quality === "right"
      ? []
      : [
          {
            nodeId: `${k + 1}:1`,
            name: NAMES[k]!,
            problem: "missing" as const,
            iou: 0,
            design: { x: 0, y: k * 100, width: 100, height: 100 },
          },
        ],
  );
  const iouMatched = q.reduce((sum, quality) => sum + SHARE[quality], 0) / q.length - clash;
  const widths = [{ width: 375, textVisible: 1, overflow: false, overflowPx: 0, hiddenTexts: [] }];
  return { score: scoreOf({ iouMatched: Math.round(iouMatched * 10_000) / 10_000, worst, widths }) };
}

/** The rounds over `first` (a quality per section) with the model's repairs from `repair` (by section and round). */
async function run(
  first: Quality[],
  repair: (k: number, round: number) => RoundAnswer | Error,
  options: { rounds?: number; clashing?: [number, number] } = {},
) {
  const sends: { round: number; sends: readonly SectionSend[] }[] = [];
  const asked: { k: number; input: RoundInput }[] = [];
  const answers = first.map((q, k) => state(k, q));
  const files = answers.flatMap((a) => a.files);
  const result = await verifySections({
    sections: SECTIONS,
    answers,
    files,
    problems: [],
    measured: measureOf(files, options.clashing),
    rounds: options.rounds ?? 1,
    assemble: async (page) => ({ files: page.flatMap((a) => a.files), problems: [] }),
    measure: async (page) => measureOf(page, options.clashing),
    ask: async (k, input) => {
      asked.push({ k, input });
      const out = repair(k, input.round);
      if (out instanceof Error) throw out;
      return out;
    },
    pictures: () => ({}),
    onSend: (round, s) => sends.push({ round, sends: s }),
  });
  return { result, sends, asked };
}

describe("verifySections: each section's repair kept or dropped on its own", () => {
  it("two sections off, one repaired well and one made worse: the good repair kept, the bad dropped", async () => {
    const { result, sends } = await run(["off", "off", "right"], (k) => answer(k, k === 0 ? "right" : "worse"));
    expect(qualities(result.files)).toEqual(["right", "off", "right"]);
    expect(result.answers.map((a) => a.conversation)).toEqual([
      conversation("repair_0_1"),
      conversation("first_1"),
      conversation("first_2"),
    ]);
    expect(result.measured.score.iouMatched).toBe(0.8667);
    const [round] = result.rounds;
    expect(round!.repairs.map((r) => [r.component, r.kept, r.score?.iouMatched])).toEqual([
      ["Hero", true, 0.8667],
      ["Features", false, 0.5667],
    ]);
    expect(round!.repairs[0]!.message).toBe("Hero: the model's fix measured better (0.87 vs 0.73): kept it");
    expect(round!.repairs[1]!.message).toBe(
      "Features: the model's fix measured worse (0.57 vs 0.73): kept the earlier code",
    );
    expect([round!.kept, round!.outcome, round!.score?.iouMatched]).toEqual([true, "kept", 0.8667]);
    expect(round!.message).toBe("kept the fix of Hero, dropped Features's: the page measures 0.87 vs 0.73");
    // Both sent in one round, together (one estimate for the round).
    expect(sends.map((s) => [s.round, s.sends.map((x) => x.index)])).toEqual([[1, [0, 1]]]);
  });

  it("the section whose repair was dropped is asked again in its earlier conversation", async () => {
    const { result, asked } = await run(
      ["off", "off", "right"],
      (k, round) => answer(k, k === 0 || round === 2 ? "right" : "worse", round),
      { rounds: 2 },
    );
    expect(asked.map((a) => [a.input.round, a.k, a.input.conversation])).toEqual([
      [1, 0, conversation("first_0")],
      [1, 1, conversation("first_1")],
      [2, 1, conversation("first_1")],
    ]);
    expect(qualities(result.files)).toEqual(["right", "right", "right"]);
    expect(result.stopped).toBe("done");
  });

  it("a failed request drops that section's repair only", async () => {
    const { result } = await run(["off", "off", "right"], (k) =>
      k === 0 ? new Error("HTTP 500") : answer(k, "right"),
    );
    expect(qualities(result.files)).toEqual(["off", "right", "right"]);
    expect(result.rounds[0]!.repairs.map((r) => [r.component, r.kept, r.message])).toEqual([
      ["Hero", false, "Hero: the request failed (HTTP 500): kept its earlier code"],
      ["Features", true, "Features: the model's fix measured better (0.87 vs 0.73): kept it"],
    ]);
  });

  it("no repair better: the round keeps the earlier page and the rounds stop", async () => {
    const { result } = await run(["off", "off", "right"], (k) => answer(k, "worse"), { rounds: 3 });
    expect(qualities(result.files)).toEqual(["off", "off", "right"]);
    expect(result.rounds.map((r) => [r.kept, r.outcome])).toEqual([[false, "worse"]]);
    expect(result.stopped).toBe("no-improvement");
  });

  it("two repairs each better alone but worse together: the better one kept, the other dropped", async () => {
    const { result } = await run(["off", "off", "right"], (k) => answer(k, "right"), { clashing: [0, 1] });
    // Alone each scores 0.8667; together 1 − 0.2 = 0.8: the first (a tie: in drawn order) kept alone.
    expect(qualities(result.files)).toEqual(["right", "off", "right"]);
    const [round] = result.rounds;
    expect(round!.repairs.map((r) => [r.component, r.kept])).toEqual([
      ["Hero", true],
      ["Features", false],
    ]);
    expect(round!.repairs[1]!.message).toBe(
      "Features: its fix measured better alone but not beside Hero's (0.80 vs 0.87): kept its earlier code",
    );
    expect(round!.score?.iouMatched).toBe(0.8667);
  });
});
