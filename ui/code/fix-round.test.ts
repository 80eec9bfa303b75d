/**
 * "Fix differences" without a browser: a scripted engine (the model's answer, the estimate) and a scripted
 * measurement stand in for the worker and the measuring iframe. When the action is offered; what a round's estimate
 * resends; the round's request (the measurement, the rendered page beside the design); a better answer kept as a new
 * turn with its score, a worse one noted on the turn it tried to fix while its files stay; a failed request handed
 * back as the request's own error; a cancel handed back as a cancel; a split page's round, the whole page in a new
 * conversation.
 */
import { describe, expect, it } from "vitest";
import { isCancelled } from "../../kernel/cancelled.js";
import type { ModelCodeResult } from "../../ai/code/pipeline.js";
import type { RoundRequest } from "../../ai/verify/request.js";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import type { SourceFile } from "../../codegen/types.js";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { scoreOf } from "../../test/helpers/fidelity-score.js";
import { tokenEstimate } from "../../test/helpers/estimates.js";
import type { EngineCaller } from "../engine/call.js";
import type { BodyOf, Kind, ReplyOf } from "../engine/protocol/index.js";
import type { SendIo } from "../model/model-job.js";
import type { AiJobEvent, AiSession, AiTurn } from "./ai-state.js";
import type { PromptInput } from "../../ai/code/prompt.js";
import { conversationTrail, prepareFixRound, roundWords, runFixRound, type FixRun } from "./fix-round.js";
import { FIX_LABEL, fixableScore, withFixOutcome, type FixOutcome } from "./fix-state.js";
import type { PageMeasure, ScoreInput } from "./score/measure.js";

const DESIGN_PNG = "data:image/png;base64,DESIGN";
const files = (tag: string): SourceFile[] => [
  { path: "index.html", content: `<main data-node-id="101:3">${tag}</main>\n` },
];
const measuredScore = (iouMatched: number): FidelityScore => scoreOf({ iouMatched });

function turn(n: number, tag: string, extra: Partial<AiTurn> = {}): AiTurn {
  return {
    n,
    instructions: n === 1 ? "" : `refine ${n}`,
    parent: n === 1 ? undefined : n - 2,
    files: files(tag),
    problems: [],
    notes: `notes ${tag}`,
    conversation: { kind: "responses", previousResponseId: `resp_${tag}` },
    repair: "none",
    attempts: 1,
    ms: 10,
    model: "gpt-5",
    answer: `{"answer":"${tag}"}`,
    score: { status: "done", score: measuredScore(0.91) },
    ...extra,
  };
}

const session = (turns: AiTurn[], selected = turns.length - 1): AiSession => ({
  frame: { id: "101:3", name: "Log-In Page", width: 375, height: 667 },
  options: { target: "html", styling: "css-modules", nodeIds: false },
  input: { target: "html", styling: "css-modules", hint: "the hint", imageDataUrl: DESIGN_PNG, detail: "high" },
  exports: [],
  turns,
  selected,
});

const result = (tag: string): ModelCodeResult => ({
  files: files(tag),
  problems: [],
  notes: `notes ${tag}`,
  conversation: { kind: "responses", previousResponseId: `resp_${tag}` },
  attempts: [
    {
      kind: "answer",
      files: files(tag),
      problems: [],
      notes: `notes ${tag}`,
      text: `{"answer":"${tag}"}`,
      conversation: { kind: "responses", previousResponseId: `resp_${tag}` },
    },
  ],
  kept: 0,
  repair: "none",
  timings: { modelMs: 1, postMs: 1 },
});

/**
 * An engine that answers `ai-generate` with `answer` (or rejects with it) and `ai-round-estimate` with a fixed
 * estimate; it records what it was sent.
 */
function engine(answer: ModelCodeResult | Error | (() => Promise<ModelCodeResult>)) {
  const calls: { kind: Kind; body: unknown }[] = [];
  const caller: EngineCaller = {
    call: async <K extends Kind>(kind: K, body: BodyOf<K>): Promise<ReplyOf<K>> => {
      calls.push({ kind, body });
      if (kind === "ai-round-estimate" || kind === "ai-estimate")
        return {
          estimate: tokenEstimate({ textTokens: 1, imageTokens: 2, inputTokens: 3, outputTokens: 4, costUsd: 0.01 }),
        } as ReplyOf<K>;
      if (kind !== "ai-generate") throw new Error(`unexpected ${kind}`);
      if (answer instanceof Error) throw answer;
      return { result: typeof answer === "function" ? await answer() : answer } as ReplyOf<K>;
    },
  };
  return { caller, calls };
}

/** A measurement by the page's content: each tag has its score; the rendered page's picture when asked. */
function measuring(scores: Record<string, number>) {
  const measured: string[] = [];
  return {
    measured,
    page: async (given: SourceFile[]): Promise<ScoreInput> => ({
      frame: { id: "101:3" } as ScoreInput["frame"],
      html: given[0]!.content,
    }),
    measure: async (
      input: ScoreInput,
      _signal?: AbortSignal,
      options: { picture?: boolean } = {},
    ): Promise<PageMeasure> => {
      const tag = /<main[^>]*>(.*)<\/main>/.exec(input.html)![1]!;
      measured.push(tag);
      return {
        score: measuredScore(scores[tag]!),
        ...(options.picture ? { png: `data:image/png;base64,RENDERED${tag}` } : {}),
      };
    },
  };
}

function io(signal = new AbortController().signal) {
  const events: AiJobEvent[] = [];
  const send: SendIo<AiJobEvent> = {
    signal,
    onEvent: (e) => events.push(e),
    settings: DEFAULT_SETTINGS,
    apiKey: "sk-test",
  };
  return { send, events };
}

/** Prepares a round of turn 1 of `s`, its page measured by `m`. */
const prepareTurn = (s: AiSession, worker: EngineCaller, m: ReturnType<typeof measuring>) =>
  prepareFixRound({
    session: s,
    index: 0,
    score: measuredScore(0.91),
    worker,
    page: m.page,
    measure: m.measure,
    to: { model: "gpt-5", host: "api.openai.com" },
    prices: undefined,
    signal: new AbortController().signal,
  });

const outcomeOf = (run: FixRun): FixOutcome => {
  if (!("outcome" in run)) throw new Error(`no outcome: ${JSON.stringify(run)}`);
  return run.outcome;
};

describe("when Fix differences is offered", () => {
  it(
    "on a measured turn with layers off, texts not seen or sideways scrolling; " +
      "not before it is measured, nor when nothing is off or no layer matched",
    () => {
      expect(fixableScore(turn(1, "a"))).toBeDefined();
      const clean = scoreOf({
        worst: [],
        widths: [{ width: 375, textVisible: 1, overflow: false, overflowPx: 0, hiddenTexts: [] }],
      });
      expect(fixableScore(turn(1, "a", { score: { status: "done", score: clean } }))).toBeUndefined();
      expect(
        fixableScore(
          turn(1, "a", {
            score: {
              status: "done",
              score: {
                ...clean,
                widths: [{ width: 390, textVisible: 1, overflow: true, overflowPx: 12, hiddenTexts: [] }],
              },
            },
          }),
        ),
      ).toBeDefined();
      expect(fixableScore(turn(1, "a", { score: { status: "done", score: scoreOf({ matched: 0 }) } }))).toBeUndefined();
      expect(fixableScore(turn(1, "a", { score: { status: "measuring" } }))).toBeUndefined();
      expect(fixableScore(turn(1, "a", { score: undefined }))).toBeUndefined();
      expect(fixableScore(undefined)).toBeUndefined();
    },
  );
});

describe("what a round's estimate resends", () => {
  it(
    "the answers along the turn's conversation, and what was " +
      "sent between them: refinements' words, kept rounds as sent",
    () => {
      const sent: RoundRequest = {
        instructions: "the measurement",
        images: [{ label: "The design:", url: DESIGN_PNG }],
      };
      // 1 → 2 (refine) → 4 (a kept fix of 2); 3 refines 1 on a branch of its own.
      const fix = turn(4, "fixed", {
        parent: 1,
        instructions: FIX_LABEL,
        fix: { before: 0.9, after: 0.95, kept: true, message: "m", sent },
      });
      const s = session([turn(1, "a"), turn(2, "b", { parent: 0 }), turn(3, "c", { parent: 0 }), fix]);
      expect(conversationTrail(s, 3)).toEqual({
        answers: ['{"answer":"a"}', '{"answer":"b"}', '{"answer":"fixed"}'],
        earlier: [{ instructions: "refine 2", images: [] }, sent],
      });
      expect(conversationTrail(s, 2)).toEqual({
        answers: ['{"answer":"a"}', '{"answer":"c"}'],
        earlier: [{ instructions: "refine 3", images: [] }],
      });
      // A turn without its reply text stands in with its files and notes, in the reply's format.
      const bare = session([turn(1, "a", { answer: undefined })]);
      expect(JSON.parse(conversationTrail(bare, 0).answers[0]!)).toEqual({
        notes: "notes a",
        files: [{ path: "index.html", content: files("a")[0]!.content }],
      });
    },
  );

  it("says what goes in words", () => {
    const pictures = { rendered: true, design: true };
    expect(roundWords(scoreOf(), pictures)).toBe(
      "The measurement (3 layers off, 1 text not fully seen, " +
        "sideways scrolling) and the page as rendered beside the design",
    );
    expect(
      roundWords(
        scoreOf({ worst: [scoreOf().worst[0]!], widths: [] }),
        { rendered: false, design: true },
        "no 2D canvas",
      ),
    ).toBe("The measurement (1 layer off) and the design (the page could not be pictured: no 2D canvas)");
    // A text cut off at every width is one text.
    const hidden = { nodeId: "101:6", name: "Don’t have an account?", visible: 0.2 };
    const everywhere = scoreOf({
      worst: [],
      widths: [375, 390, 768].map((width) => ({
        width,
        textVisible: 0.8,
        overflow: false,
        overflowPx: 0,
        hiddenTexts: [hidden],
      })),
    });
    expect(roundWords(everywhere, pictures)).toBe(
      "The measurement (1 text not fully seen) and the page as rendered beside the design",
    );
  });
});

describe("preparing a round", () => {
  it(
    "pictures the turn's page, estimates the round with the " +
      "conversation's trail, and gives the request and its card",
    async () => {
      const { caller, calls } = engine(result("never"));
      const m = measuring({ a: 0.91 });
      const s = session([turn(1, "a")]);
      const { request, confirm } = await prepareTurn(s, caller, m);
      expect(m.measured).toEqual(["a"]);
      expect(request.fix).toEqual({ parent: 0, score: measuredScore(0.91), png: "data:image/png;base64,RENDEREDa" });
      expect(calls).toHaveLength(1);
      const body = calls[0]!.body as { answers: string[]; earlier: unknown[]; round: RoundRequest; model: string };
      expect(body).toMatchObject({ answers: ['{"answer":"a"}'], earlier: [], model: "gpt-5" });
      // The round: the measurement (the layer 40 px off named with both boxes), then the page as rendered, then the
      // design.
      expect(body.round.instructions).toContain(
        '"id":"101:6","layer":"Don’t have an ' +
          'account?","design":{"x":65,"y":585,"width":250,"height":24},' +
          '"problem":"off","rendered":{"x":105,"y":585,"width":250,"height":24}',
      );
      expect(body.round.images.map((i) => i.url)).toEqual(["data:image/png;base64,RENDEREDa", DESIGN_PNG]);
      expect(confirm).toMatchObject({
        phase: "confirm",
        to: { model: "gpt-5" },
        estimate: { costUsd: 0.01 },
        fix: { lead: "Send turn 1's measured differences of “Log-In Page” to " },
      });
      expect(confirm.fix!.words).toContain("the page as rendered beside the design");
    },
  );
});

describe("running a round", () => {
  const fixOf = (_: AiSession) => ({ parent: 0, score: measuredScore(0.91), png: "data:image/png;base64,RENDEREDa" });

  it("keeps an answer that measures better as a new turn, with its score, refining the turn it fixed", async () => {
    const s = session([turn(1, "a")]);
    const { caller, calls } = engine(result("fixed"));
    const m = measuring({ fixed: 0.97 });
    const { send, events } = io();
    const outcome = outcomeOf(
      await runFixRound({ session: s, fix: fixOf(s), worker: caller, page: m.page, measure: m.measure, io: send }),
    );
    // A refinement of the turn's conversation, carrying the measurement and the two pictures.
    const body = calls[0]!.body as {
      refine: { conversation: unknown; instructions: string; images: { url: string }[] };
    };
    expect(calls[0]!.kind).toBe("ai-generate");
    expect(body.refine.conversation).toEqual({ kind: "responses", previousResponseId: "resp_a" });
    expect(body.refine.images.map((i) => i.url)).toEqual(["data:image/png;base64,RENDEREDa", DESIGN_PNG]);
    expect(events).toContainEqual({ type: "measuring" });
    expect(outcome.verdict).toEqual({
      before: 0.91,
      after: 0.97,
      kept: true,
      message: "the model's fix measured better (0.97 vs 0.91): kept it",
    });

    const next = withFixOutcome(s, outcome, (r) => ({ ...turn(2, "x"), files: r.files, conversation: r.conversation }));
    expect(next.turns).toHaveLength(2);
    expect(next.selected).toBe(1);
    expect(next.turns[1]).toMatchObject({
      instructions: FIX_LABEL,
      parent: 0,
      files: files("fixed"),
      score: { status: "done", score: { iouMatched: 0.97 } },
      fix: { kept: true, sent: { instructions: body.refine.instructions } },
    });
  });

  it("a worse answer is noted on the turn it tried to fix; the files on show and the turn selected stay", async () => {
    const s = session([turn(1, "a")]);
    const m = measuring({ worse: 0.85 });
    const outcome = outcomeOf(
      await runFixRound({
        session: s,
        fix: fixOf(s),
        worker: engine(result("worse")).caller,
        page: m.page,
        measure: m.measure,
        io: io().send,
      }),
    );
    expect(outcome).toEqual({
      parent: 0,
      verdict: {
        before: 0.91,
        after: 0.85,
        kept: false,
        message: "the model's fix measured worse (0.85 vs 0.91): kept the earlier code",
      },
    });
    const next = withFixOutcome(s, outcome, () => {
      throw new Error("no turn is made for a discarded fix");
    });
    expect(next.turns).toHaveLength(1);
    expect(next.selected).toBe(0);
    expect(next.turns[0]!.files).toBe(s.turns[0]!.files);
    expect(next.turns[0]!.tried).toEqual([outcome.verdict]);
  });

  it(
    "a failed request comes back as that request's own error (the " +
      "job explains it as any model failure); a cancel as a cancel",
    async () => {
      const s = session([turn(1, "a")]);
      const m = measuring({});
      const limited = Object.assign(new Error("The endpoint answered 429"), { kind: "rate-limited" });
      expect(
        await runFixRound({
          session: s,
          fix: fixOf(s),
          worker: engine(limited).caller,
          page: m.page,
          measure: m.measure,
          io: io().send,
        }),
      ).toEqual({ failure: limited });

      const controller = new AbortController();
      const held = engine(() => {
        controller.abort();
        return Promise.reject(new Error("aborted"));
      });
      const stopped = await runFixRound({
        session: s,
        fix: fixOf(s),
        worker: held.caller,
        page: m.page,
        measure: m.measure,
        io: io(controller.signal).send,
      });
      expect("failure" in stopped && isCancelled(stopped.failure)).toBe(true);
      expect(m.measured).toEqual([]);
    },
  );
});

describe("a split page's round (issue 74)", () => {
  const sections = { why: "tall", concurrency: 3, list: [], inputs: [], frame: { name: "Home", w: 1440, h: 5000 } };

  it("goes as the whole page in a new conversation (files, design, page rendered), as estimated", async () => {
    const s: AiSession = { ...session([turn(1, "a")]), sections };
    const { caller, calls } = engine(result("fixed"));
    const m = measuring({ a: 0.91, fixed: 0.97 });
    const { request } = await prepareTurn(s, caller, m);
    expect(calls[0]!.kind).toBe("ai-estimate");
    const estimated = (calls[0]!.body as { input: PromptInput }).input;
    expect(estimated.wholePage?.files).toEqual(files("a"));
    expect(estimated.wholePage?.images?.map((i) => i.url)).toEqual(["data:image/png;base64,RENDEREDa"]);
    expect(estimated.imageDataUrl).toBe(DESIGN_PNG);
    expect(estimated.hint).toBe("");
    const run = await runFixRound({ session: s, fix: request.fix!, worker: caller, ...m, io: io().send });
    expect(calls[1]!.kind).toBe("ai-generate");
    const sent = calls[1]!.body as { input: PromptInput; refine?: unknown };
    // No section's conversation: the request estimated, as it was estimated.
    expect(sent.refine).toBeUndefined();
    expect(sent.input).toEqual(estimated);
    expect(outcomeOf(run).verdict.kept).toBe(true);
  });
});
