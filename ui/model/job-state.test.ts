import { describe, expect, it } from "vitest";
import { Cancelled } from "../../kernel/cancelled.js";
import { PluginError } from "../channel/requests.js";
import { ModelFailure } from "../engine/engine.js";
import { failureOf, hostOf, isBusy, missingKey, retryAt } from "./job-state.js";
import { FigmentError } from "../../kernel/errors.js";

describe("a model job's failures", () => {
  it("stops by the user (or a newer run) are cancelled, not failures", () => {
    // Every boundary turns its side's stop into the one Cancelled (kernel/cancelled.ts).
    expect(failureOf(new Cancelled())).toBe("cancelled");
    expect(failureOf(new Cancelled("Export cancelled."))).toBe("cancelled");
  });

  it(
    "keeps the model's failure with when it came (for a retry-after), " +
      "the main thread's code, and a refused input as a check",
    () => {
      const model = failureOf(new ModelFailure("slow down", { kind: "rate-limited", status: 429, retryAfterMs: 2000 }));
      expect(model).toMatchObject({
        kind: "model",
        message: "slow down",
        model: { kind: "rate-limited", retryAfterMs: 2000 },
      });
      expect(typeof (model as { at: number }).at).toBe("number");
      expect(failureOf(new PluginError("too-large", "Too many layers"))).toEqual({
        kind: "main",
        code: "too-large",
        message: "Too many layers",
      });
      expect(failureOf(new FigmentError("input", "not Figma JSON"))).toEqual({
        kind: "check",
        message: "not Figma JSON",
      });
      expect(failureOf(new FigmentError("input", "Compare needs two frames"))).toEqual({
        kind: "check",
        message: "Compare needs two frames",
      });
    },
  );

  it("anything else is the worker's (or the panel's) failure, with its message", () => {
    expect(failureOf(new FigmentError("internal", "the code generator answered oddly"))).toEqual({
      kind: "worker",
      message: "the code generator answered oddly",
    });
    expect(failureOf(new FigmentError("crashed", "The code generator stopped unexpectedly (boom)."))).toEqual({
      kind: "worker",
      message: "The code generator stopped unexpectedly (boom).",
      crashed: true,
    });
    expect(failureOf(new Error("boom"))).toEqual({ kind: "worker", message: "boom" });
    expect(failureOf("plain")).toEqual({ kind: "worker", message: "plain" });
  });

  it("a missing key is a model failure Settings fixes", () => {
    expect(missingKey("openai")).toMatchObject({
      kind: "model",
      message: "No API key for openai.",
      model: { kind: "missing-key" },
    });
  });

  it("Try again waits for a retry-after, counted from when the failure came", () => {
    expect(retryAt({ kind: "model", model: { retryAfterMs: 2000 }, at: 1000 })).toBe(3000);
    expect(retryAt({ kind: "model", model: {}, at: 1000 })).toBeUndefined();
    expect(retryAt({ kind: "worker" })).toBeUndefined();
  });
});

describe("the job's other words", () => {
  it("the endpoint's host, or the text as it is", () => {
    expect(hostOf("https://api.openai.com/v1")).toBe("api.openai.com");
    expect(hostOf("http://127.0.0.1:4321/v1")).toBe("127.0.0.1:4321");
    expect(hostOf("not a url")).toBe("not a url");
  });

  it("busy while exporting, preparing or streaming; not while waiting for Send", () => {
    expect(["exporting", "preparing", "streaming"].every((phase) => isBusy({ phase }))).toBe(true);
    expect(["idle", "confirm", "failed", "cancelled"].some((phase) => isBusy({ phase }))).toBe(false);
  });
});
