import { describe, expect, it } from "vitest";
import { definedText } from "./defined.js";

describe("definedText", () => {
  it("returns a defined, non-empty string", () => {
    expect(definedText(() => "engine source")).toBe("engine source");
  });

  it("is undefined where the name is undeclared (reading it throws) or not a non-empty string", () => {
    expect(
      definedText(() => {
        throw new ReferenceError("__FIGMENT_ENGINE__ is not defined");
      }),
    ).toBeUndefined();
    expect(definedText(() => "")).toBeUndefined();
    expect(definedText(() => 42)).toBeUndefined();
  });
});
