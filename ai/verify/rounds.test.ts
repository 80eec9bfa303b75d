/**
 * The verify loop with a scripted model and a scripted measurement: an answer is kept only when it measures
 * better, the rounds stop at the first that does not, a cancel or a failure keeps the best files so far, and each
 * round builds on the kept answer's conversation with that answer's measurement and picture.
 */
import { describe, expect, it } from "vitest";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import type { SourceFile } from "../../codegen/types.js";
import { scoreOf } from "../../test/helpers/fidelity-score.js";
import { Cancelled } from "../../kernel/cancelled.js";
import { ModelError } from "../errors/classify.js";
import type { Conversation } from "../code/generate.js";
import { percent } from "../../codegen/fidelity/summary.js";
import {
  measuresBetter,
  scorePair,
  verdict,
  verifyRounds,
  type Measured,
  type RoundAnswer,
  type RoundInput,
  type RoundReport,
} from "./rounds.js";

const files = (tag: string): SourceFile[] => [
  { path: "index.html", content: `<main data-node-id="101:3">${tag}</main>\n` },
];
const conversation = (id: string): Conversation => ({ kind: "responses", previousResponseId: id });
const answer = (tag: string): RoundAnswer => ({
  files: files(tag),
  problems: [],
  notes: `notes ${tag}`,
  conversation: conversation(`resp_${tag}`),
});
const measured = (iouMatched: number, png = "data:image/png;base64,PNG", textVisible = 1): Measured => ({
  score: scoreOf({
    iouMatched,
    widths: [{ width: 375, textVisible, overflow: false, overflowPx: 0, hiddenTexts: [] }],
  }),
  png,
});

/** The first answer: files "first", scored 0.91. */
const FIRST = {
  files: files("first"),
  measured: measured(0.91, "data:image/png;base64,FIRST"),
  conversation: conversation("resp_first"),
};

/** A model that answers each round from `answers` in turn and records what it was sent; a measurement by content. */
function scripted(answers: RoundAnswer[], scores: Record<string, Measured>) {
  const sent: RoundInput[] = [];
  const measuredFiles: string[] = [];
  return {
    sent,
    measuredFiles,
    ask: async (input: RoundInput): Promise<RoundAnswer> => {
      sent.push(input);
      const next = answers.shift();
      if (!next) throw new Error("no more scripted answers");
      return next;
    },
    measure: async (given: SourceFile[]): Promise<Measured> => {
      const content = given[0]!.content;
      measuredFiles.push(content);
      const tag = /<main[^>]*>(.*)<\/main>/.exec(content)![1]!;
      return scores[tag]!;
    },
  };
}

describe("verifyRounds", () => {
  it(
    "keeps a fix that measures better, then discards a " + "worse one and stops; the kept files stay untouched",
    async () => {
      const model = scripted([answer("fixed"), answer("worse"), answer("never")], {
        fixed: measured(0.97, "data:image/png;base64,FIXED"),
        worse: measured(0.94),
      });
      const reports: RoundReport[] = [];
      const result = await verifyRounds({
        ...FIRST,
        designPng: "data:image/png;base64,DESIGN",
        rounds: 3,
        ask: model.ask,
        measure: model.measure,
        onRound: (r) => reports.push(r),
      });

      expect(result.stopped).toBe("no-improvement");
      expect(model.sent).toHaveLength(2);
      expect(result.files).toEqual(files("fixed"));
      expect(result.measured.score.iouMatched).toBe(0.97);
      expect(result.conversation).toEqual(conversation("resp_fixed"));
      expect(result.notes).toBe("notes fixed");
      expect(
        reports.map((r) => [r.round, r.before.iouMatched, r.score?.iouMatched, r.kept, r.outcome, r.message]),
      ).toEqual([
        [1, 0.91, 0.97, true, "kept", "the model's fix measured better (0.97 vs 0.91): kept it"],
        [2, 0.97, 0.94, false, "worse", "the model's fix measured worse (0.94 vs 0.97): kept the earlier code"],
      ]);
      expect(result.rounds).toEqual(reports);

      // Round 1 builds on the first answer with its measurement and picture; round 2 on the kept fix with its own.
      expect(model.sent[0]!.conversation).toEqual(conversation("resp_first"));
      expect(model.sent[0]!.images.map((i) => i.url)).toEqual([
        "data:image/png;base64,FIRST",
        "data:image/png;base64,DESIGN",
      ]);
      expect(model.sent[0]!.instructions).toContain('"score":0.91');
      expect(model.sent[1]!.conversation).toEqual(conversation("resp_fixed"));
      expect(model.sent[1]!.images.map((i) => i.url)).toEqual([
        "data:image/png;base64,FIXED",
        "data:image/png;base64,DESIGN",
      ]);
      expect(model.sent[1]!.instructions).toContain('"score":0.97');
    },
  );

  it("a first fix that measures worse leaves the first files as they were, the very same objects", async () => {
    const model = scripted([answer("worse")], { worse: measured(0.9) });
    const result = await verifyRounds({ ...FIRST, rounds: 2, ask: model.ask, measure: model.measure });
    expect(result.files).toBe(FIRST.files);
    expect(result.measured).toBe(FIRST.measured);
    expect(result.conversation).toBe(FIRST.conversation);
    expect(result.rounds.map((r) => r.message)).toEqual([
      "the model's fix measured worse (0.90 vs 0.91): kept the earlier code",
    ]);
  });

  it("runs as many rounds as asked while each one improves (1 by default of the caller, at most 3)", async () => {
    const model = scripted([answer("a"), answer("b"), answer("c"), answer("d")], {
      a: measured(0.92),
      b: measured(0.93),
      c: measured(0.95),
      d: measured(0.99),
    });
    const result = await verifyRounds({ ...FIRST, rounds: 9, ask: model.ask, measure: model.measure });
    expect(result.stopped).toBe("done");
    expect(result.rounds.map((r) => r.kept)).toEqual([true, true, true]);
    expect(result.files).toEqual(files("c"));

    const once = scripted([answer("a"), answer("b")], { a: measured(0.92), b: measured(0.93) });
    expect((await verifyRounds({ ...FIRST, rounds: 1, ask: once.ask, measure: once.measure })).rounds).toHaveLength(1);
  });

  it("on an equal score, more text visible wins; an exact tie keeps the earlier code", async () => {
    const more = scripted([answer("more")], { more: measured(0.91, "data:image/png;base64,X", 1) });
    const lessText = { ...FIRST, measured: measured(0.91, "data:image/png;base64,FIRST", 0.8) };
    const kept = await verifyRounds({ ...lessText, rounds: 1, ask: more.ask, measure: more.measure });
    expect(kept.rounds[0]).toMatchObject({
      kept: true,
      message:
        "the model's fix measured the same (0.91 vs 0.91) with " +
        "more text visible (100 % vs 80 % of text visible): kept it",
    });

    const same = scripted([answer("same")], { same: measured(0.91) });
    const tie = await verifyRounds({ ...FIRST, rounds: 1, ask: same.ask, measure: same.measure });
    expect(tie.rounds[0]).toMatchObject({
      kept: false,
      outcome: "worse",
      message:
        "the model's fix measured no better (0.91 vs 0.91, 100 % vs 100 % of text visible): kept the earlier code",
    });
    expect(tie.files).toBe(FIRST.files);
  });

  it("Cancel while the model answers keeps the best files so far and sends nothing more", async () => {
    const controller = new AbortController();
    const model = scripted([answer("fixed")], { fixed: measured(0.97) });
    let asked = 0;
    const ask = async (input: RoundInput, signal: AbortSignal | undefined): Promise<RoundAnswer> => {
      asked++;
      if (input.round === 1) return model.ask(input);
      // Round 2 waits for the cancel, as a streaming request does, and ends as the client does.
      controller.abort();
      await new Promise<void>((resolve) =>
        signal!.aborted ? resolve() : signal!.addEventListener("abort", () => resolve()),
      );
      throw new Cancelled();
    };
    const result = await verifyRounds({ ...FIRST, rounds: 3, ask, measure: model.measure, signal: controller.signal });
    expect(asked).toBe(2);
    expect(result.stopped).toBe("cancelled");
    expect(result.files).toEqual(files("fixed"));
    expect(result.rounds.map((r) => [r.outcome, r.message])).toEqual([
      ["kept", "the model's fix measured better (0.97 vs 0.91): kept it"],
      ["cancelled", "the round was cancelled: kept the best code so far"],
    ]);
  });

  it("a cancel before the first round sends nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    const model = scripted([answer("fixed")], { fixed: measured(0.97) });
    const result = await verifyRounds({
      ...FIRST,
      rounds: 1,
      ask: model.ask,
      measure: model.measure,
      signal: controller.signal,
    });
    expect(model.sent).toEqual([]);
    expect(result).toMatchObject({ stopped: "cancelled", files: FIRST.files, rounds: [] });
  });

  it(
    "a failed request, an answer without files or a " + "measurement that fails keeps the earlier code and says why",
    async () => {
      const failing = {
        ask: async (): Promise<RoundAnswer> => Promise.reject(new ModelError("server", "The endpoint returned 500.")),
        measure: async (): Promise<Measured> => measured(1),
      };
      const failed = await verifyRounds({ ...FIRST, rounds: 2, ...failing });
      expect(failed).toMatchObject({ stopped: "failed", files: FIRST.files });
      expect(failed.rounds[0]!.message).toBe("the round failed (The endpoint returned 500.): kept the earlier code");

      const empty = await verifyRounds({
        ...FIRST,
        rounds: 1,
        ask: async () => ({ ...answer("x"), files: [] }),
        measure: async () => measured(1),
      });
      expect(empty.rounds[0]).toMatchObject({
        outcome: "failed",
        message: "the model's fix held no usable files: kept the earlier code",
      });
      expect(empty.files).toBe(FIRST.files);

      const broken = await verifyRounds({
        ...FIRST,
        rounds: 1,
        ask: async () => answer("x"),
        measure: async () => Promise.reject(new Error("the page crashed")),
      });
      expect(broken.rounds[0]!.message).toBe("the round failed (the page crashed): kept the earlier code");
      expect(broken.files).toBe(FIRST.files);
    },
  );
});

describe("the verdict's words", () => {
  const s = (iouMatched: number): FidelityScore => scoreOf({ iouMatched });

  it("shows enough decimals to tell two scores apart", () => {
    expect(scorePair(0.91, 0.94)).toBe("0.91 vs 0.94");
    expect(scorePair(0.911, 0.913)).toBe("0.911 vs 0.913");
    expect(scorePair(0.9121, 0.9124)).toBe("0.9121 vs 0.9124");
    expect(verdict(s(0.911), s(0.913))).toBe("the model's fix measured worse (0.911 vs 0.913): kept the earlier code");
  });

  it("rounds as the summary's per cents do: 0.965 reads 0.97 beside 97 %, and a score below 1 never reads 1.00", () => {
    expect(percent(0.965)).toBe("97 %");
    expect(scorePair(0.965, 0.94)).toBe("0.97 vs 0.94");
    expect(scorePair(0.285, 0.5)).toBe("0.29 vs 0.50");
    expect(scorePair(0.996, 0.94)).toBe("0.99 vs 0.94");
    expect(scorePair(0.9965, 0.9955)).toBe("0.997 vs 0.996");
    expect(verdict(s(0.965), s(0.94))).toBe("the model's fix measured better (0.97 vs 0.94): kept it");
  });

  it("higher IoU×matched is better whatever the text", () => {
    expect(measuresBetter(s(0.95), s(0.94))).toBe(true);
    expect(measuresBetter(s(0.93), s(0.94))).toBe(false);
  });
});
