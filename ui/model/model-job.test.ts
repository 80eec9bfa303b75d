import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { Cancelled } from "../../kernel/cancelled.js";
import { ModelFailure } from "../engine/engine.js";
import type { ModelJobState } from "./job-state.js";
import { ModelJob, type ModelJobPieces, type PrepareIo, type SendIo } from "./model-job.js";
import { deferred, type Deferred } from "../../test/helpers/deferred.js";
import { nextTask } from "../../test/helpers/next-task.js";
import { FigmentError } from "../../kernel/errors.js";

type Confirm = { phase: "confirm"; to: { model: string; host: string }; what: string };
type Stream = { phase: "streaming"; startedAt: number; text: string };
type State = ModelJobState<Confirm, Stream>;

/** A job over fake pieces: every prepare and send waits until the test settles it. */
function fakeJob(options: { key?: string | null; againFrom?: boolean; keyless?: boolean } = {}) {
  const states: State[] = [];
  const prepares: { args: string; io: PrepareIo; done: Deferred<{ request: string; confirm?: Confirm }> }[] = [];
  const sends: { request: string; io: SendIo<string>; done: Deferred<string> }[] = [];
  const results: string[] = [];
  const sent: string[] = [];
  let stopped = 0;
  const pieces: ModelJobPieces<string, string, Confirm, Stream, string, string> = {
    prepare: (args, io) => {
      const done = deferred<{ request: string; confirm?: Confirm }>();
      prepares.push({ args, io, done });
      return done.promise;
    },
    send: (request, io) => {
      const done = deferred<string>();
      sends.push({ request, io, done });
      return done.promise;
    },
    streaming: (_request, startedAt) => ({ phase: "streaming", startedAt, text: "" }),
    progress: (stream, delta) => ({ ...stream, text: stream.text + delta }),
    done: (result, request) => results.push(`${request} → ${result}`),
    sent: (request) => sent.push(request),
    stopped: () => void stopped++,
    ...(options.againFrom ? { againFrom: (request: string) => `again ${request}` } : {}),
  };
  const key = options.key === undefined ? "sk-test" : options.key;
  const vault = { hasKeyFor: () => key !== null, revealFor: () => key };
  const job = new ModelJob((state: State) => states.push(state), pieces, {
    vault,
    settings: () => DEFAULT_SETTINGS,
    ...(options.keyless ? { keyless: () => true } : {}),
  });
  const confirm = (what: string): Confirm => ({
    phase: "confirm",
    to: { model: "gpt-test", host: "example.test" },
    what,
  });
  return { job, states, prepares, sends, results, sent, stopped: () => stopped, confirm };
}

/** Prepares `args` and brings the job to its estimate. */
async function toConfirm(fake: ReturnType<typeof fakeJob>, args: string) {
  fake.job.prepare(args);
  fake.prepares.at(-1)!.done.resolve({ request: `request ${args}`, confirm: fake.confirm(args) });
  await nextTask();
}

afterEach(() => vi.useRealTimers());

describe("the model job's steps", () => {
  it(
    "a keyless endpoint (a local SD server) needs no API key, and a " +
      "request prepared without a card goes at once with an empty key",
    async () => {
      const fake = fakeJob({ key: null, keyless: true });
      fake.job.prepare("lighthouse");
      expect(fake.states.at(-1)?.phase).not.toBe("failed");
      fake.prepares[0]!.done.resolve({ request: "request lighthouse" });
      await nextTask();
      expect(fake.sent).toEqual(["request lighthouse"]);
      expect(fake.sends.map((s) => [s.request, s.io.apiKey])).toEqual([["request lighthouse", ""]]);
      expect(fake.states.some((s) => s.phase === "confirm")).toBe(false);
      expect(fake.states.at(-1)?.phase).toBe("streaming");
      // Without keyless, the same missing key stops it before anything is prepared.
      const hosted = fakeJob({ key: null });
      hosted.job.prepare("lighthouse");
      expect(hosted.prepares).toHaveLength(0);
      expect(hosted.states.at(-1)).toMatchObject({ phase: "failed", failure: { model: { kind: "missing-key" } } });
    },
  );

  it(
    "export and prepare report their progress; the estimate waits " +
      "for Send; the stream's events move it; the result ends it",
    async () => {
      const fake = fakeJob();
      fake.job.prepare("hero");
      const { io } = fake.prepares[0]!;
      io.exporting({ done: 1, total: 3, label: "Exporting…" });
      io.preparing();
      fake.prepares[0]!.done.resolve({ request: "request hero", confirm: fake.confirm("hero") });
      await nextTask();
      expect(fake.states.map((s) => s.phase)).toEqual(["exporting", "preparing", "confirm"]);
      expect(fake.sends).toHaveLength(0);

      fake.job.send();
      expect(fake.sent).toEqual(["request hero"]);
      const send = fake.sends[0]!;
      expect(send.request).toBe("request hero");
      expect(send.io.apiKey).toBe("sk-test");
      send.io.onEvent("Hel");
      send.io.onEvent("lo");
      expect(fake.job.current).toMatchObject({ phase: "streaming", text: "Hello" });
      send.done.resolve("answer");
      await nextTask();
      expect(fake.results).toEqual(["request hero → answer"]);
      expect(fake.job.current).toEqual({ phase: "idle" });
    },
  );

  it("Send does nothing unless an estimate is on show; sendNow goes without one", async () => {
    const fake = fakeJob();
    fake.job.send();
    expect(fake.sends).toHaveLength(0);
    fake.job.sendNow("refine turn 1");
    expect(fake.sends[0]?.request).toBe("refine turn 1");
    expect(fake.sent).toEqual([]);
  });

  it("without a key it fails before anything is exported or sent", () => {
    const fake = fakeJob({ key: null });
    fake.job.prepare("hero");
    expect(fake.prepares).toHaveLength(0);
    expect(fake.job.current).toMatchObject({
      phase: "failed",
      failure: { kind: "model", model: { kind: "missing-key" } },
    });
    fake.job.sendNow("refine");
    expect(fake.sends).toHaveLength(0);
  });

  it("a newer run makes the older one's progress, events and result count for nothing, and aborts it", async () => {
    const fake = fakeJob();
    fake.job.prepare("first");
    const first = fake.prepares[0]!;
    fake.job.prepare("second");
    expect(first.io.signal.aborted).toBe(true);
    first.io.exporting({ done: 1, total: 1, label: "old" });
    first.done.resolve({ request: "request first", confirm: fake.confirm("first") });
    await nextTask();
    expect(fake.job.current.phase).toBe("idle");

    fake.job.sendNow("one");
    const one = fake.sends[0]!;
    fake.job.sendNow("two");
    expect(one.io.signal.aborted).toBe(true);
    one.io.onEvent("stale");
    one.done.resolve("stale answer");
    await nextTask();
    expect(fake.job.current).toMatchObject({ phase: "streaming", text: "" });
    expect(fake.results).toEqual([]);
  });

  it("Cancel stops the stream at once, keeps what came as its partial, and ignores what comes after", async () => {
    const fake = fakeJob();
    fake.job.sendNow("request");
    const send = fake.sends[0]!;
    send.io.onEvent("half an ans");
    const before = fake.stopped();
    fake.job.cancel();
    expect(send.io.signal.aborted).toBe(true);
    expect(fake.stopped()).toBe(before + 1);
    expect(fake.job.current).toMatchObject({ phase: "cancelled", partial: { text: "half an ans" } });
    send.io.onEvent("wer");
    send.done.reject(new Cancelled());
    await nextTask();
    expect(fake.job.current).toMatchObject({ phase: "cancelled", partial: { text: "half an ans" } });
  });

  it("Cancel on the estimate drops it; on a failure it changes nothing", async () => {
    const fake = fakeJob();
    await toConfirm(fake, "hero");
    fake.job.cancel();
    expect(fake.job.current).toEqual({ phase: "cancelled" });
    fake.job.send();
    expect(fake.sends).toHaveLength(0);
    fake.job.sendNow("x");
    fake.sends[0]!.done.reject(new Error("boom"));
    await nextTask();
    fake.job.cancel();
    expect(fake.job.current).toMatchObject({ phase: "failed", failure: { kind: "worker", message: "boom" } });
  });

  it("a failed stream keeps what came; an aborted one is Cancelled; a refused check says so", async () => {
    const fake = fakeJob();
    fake.job.sendNow("request");
    fake.sends[0]!.io.onEvent("some");
    fake.sends[0]!.done.reject(new ModelFailure("server error", { kind: "server", status: 500 }));
    await nextTask();
    expect(fake.job.current).toMatchObject({
      phase: "failed",
      failure: { kind: "model", model: { kind: "server" } },
      partial: { text: "some" },
    });

    fake.job.prepare("compare");
    fake.prepares[0]!.done.reject(new FigmentError("input", "Compare needs two frames"));
    await nextTask();
    expect(fake.job.current).toEqual({
      phase: "failed",
      failure: { kind: "check", message: "Compare needs two frames" },
    });
  });

  it("Dismiss clears a failure or Cancelled, and nothing else", async () => {
    const fake = fakeJob();
    await toConfirm(fake, "hero");
    fake.job.dismiss();
    expect(fake.job.current.phase).toBe("confirm");
    fake.job.cancel();
    fake.job.dismiss();
    expect(fake.job.current).toEqual({ phase: "idle" });
  });
});

describe("Try again", () => {
  it("repeats the step that failed: the preparation, or the same request", async () => {
    const fake = fakeJob();
    fake.job.prepare("hero");
    fake.prepares[0]!.done.reject(new Error("export failed"));
    await nextTask();
    fake.job.retry();
    expect(fake.prepares.map((p) => p.args)).toEqual(["hero", "hero"]);

    fake.job.sendNow("request");
    fake.sends[0]!.done.reject(new ModelFailure("server error", { kind: "server", status: 500 }));
    await nextTask();
    fake.job.retry();
    expect(fake.sends.map((s) => s.request)).toEqual(["request", "request"]);
  });

  it("a panel may have a failed request prepared anew (the estimate shown again)", async () => {
    const fake = fakeJob({ againFrom: true });
    fake.job.sendNow("request");
    fake.sends[0]!.done.reject(new ModelFailure("server error", { kind: "server", status: 500 }));
    await nextTask();
    fake.job.retry();
    expect(fake.prepares.map((p) => p.args)).toEqual(["again request"]);
    expect(fake.sends).toHaveLength(1);
  });

  it("waits for the provider's retry-after", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(10_000);
    const fake = fakeJob();
    fake.job.sendNow("request");
    fake.sends[0]!.done.reject(
      new ModelFailure("slow down", { kind: "rate-limited", status: 429, retryAfterMs: 2000 }),
    );
    await nextTask();
    fake.job.retry();
    expect(fake.sends).toHaveLength(1);
    vi.setSystemTime(12_000);
    fake.job.retry();
    expect(fake.sends).toHaveLength(2);
  });
});
