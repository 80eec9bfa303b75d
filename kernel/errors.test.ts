import { describe, expect, it } from "vitest";
import { ERROR_KINDS, exitCodeFor, FigmentError, isBuiltInError, isFigmentError, kindOf } from "./errors.js";

describe("Figment's few kinds of failure", () => {
  it("a FigmentError says its kind, keeps its cause and reads as an Error", () => {
    const cause = new Error("ENOENT");
    const error = new FigmentError("input", "no such file: a.json", { cause });
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.kind, error.message, error.cause]).toEqual([
      "FigmentError",
      "input",
      "no such file: a.json",
      cause,
    ]);
    expect(new FigmentError("service", "down")).not.toHaveProperty("cause");
    expect(isFigmentError(error)).toBe(true);
    expect(isFigmentError(error, "input")).toBe(true);
    expect(isFigmentError(error, "auth")).toBe(false);
    expect(isFigmentError(new Error("input"))).toBe(false);
  });

  it("classifies anything thrown: its own kind, an abort, a timeout signal, else internal", () => {
    for (const kind of ERROR_KINDS) expect(kindOf(new FigmentError(kind, "x"))).toBe(kind);
    expect(kindOf(new DOMException("The operation was aborted.", "AbortError"))).toBe("cancelled");
    expect(kindOf(new DOMException("The operation timed out.", "TimeoutError"))).toBe("network");
    for (const thrown of [
      new TypeError("x.trim is not a function"),
      new Error("plain"),
      "a string",
      undefined,
      null,
      42,
    ])
      expect(kindOf(thrown)).toBe("internal");
  });

  it("JavaScript's own errors are bugs; ours and plain ones are not", () => {
    expect(
      [new TypeError("t"), new RangeError("r"), new SyntaxError("s"), new ReferenceError("f")].every(isBuiltInError),
    ).toBe(true);
    expect([new Error("e"), new FigmentError("internal", "i"), "text"].some(isBuiltInError)).toBe(false);
  });

  it("exits 2 for what the user fixes, 130 when cancelled, 1 otherwise", () => {
    expect(Object.fromEntries(ERROR_KINDS.map((kind) => [kind, exitCodeFor(kind)]))).toEqual({
      input: 2,
      auth: 2,
      limit: 1,
      network: 1,
      service: 1,
      cancelled: 130,
      crashed: 1,
      internal: 1,
    });
  });
});
