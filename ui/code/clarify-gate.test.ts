/** The wait for "Ask me first"'s answers: answered, cancelled by the run's signal, or replaced by the next run's. */
import { describe, expect, it } from "vitest";
import { isCancelled } from "../../kernel/cancelled.js";
import { QuestionsGate } from "./clarify-gate.js";

describe("QuestionsGate", () => {
  it("resolves with the answers given, once", async () => {
    const gate = new QuestionsGate();
    const waiting = gate.wait(new AbortController().signal);
    expect(gate.answer({ q1: "a link" })).toBe(true);
    await expect(waiting).resolves.toEqual({ q1: "a link" });
    expect(gate.answer({ q1: "again" })).toBe(false);
  });

  it("a cancel ends the wait as cancelled, and an answer after it reaches nothing", async () => {
    const gate = new QuestionsGate();
    const run = new AbortController();
    const waiting = gate.wait(run.signal);
    run.abort();
    expect(isCancelled(await waiting.catch((error: unknown) => error))).toBe(true);
    expect(gate.answer({})).toBe(false);
    const aborted = new AbortController();
    aborted.abort();
    expect(isCancelled(await gate.wait(aborted.signal).catch((error: unknown) => error))).toBe(true);
  });

  it("a new wait (the next run) cancels the one before", async () => {
    const gate = new QuestionsGate();
    const first = gate.wait(new AbortController().signal);
    const second = gate.wait(new AbortController().signal);
    expect(isCancelled(await first.catch((error: unknown) => error))).toBe(true);
    gate.answer({ q2: "yes" });
    await expect(second).resolves.toEqual({ q2: "yes" });
  });
});
