/** The fuzz runner's own checks: what counts as a JavaScript message shown to the user. */
import { describe, expect, it } from "vitest";
import { rawSign } from "./run-cases.js";

const parserMessage = (text: string): string => {
  try {
    JSON.parse(text);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
};

describe("rawSign", () => {
  it("flags JSON.parse's own words", () => {
    for (const text of ["nope", "{x", "", '{"a":1}x']) expect(rawSign(parserMessage(text)), text).toBeDefined();
  });

  it("lets a sentence say that a text is not valid JSON", () => {
    expect(rawSign("The endpoint sent a part of its answer that is not valid JSON.")).toBeUndefined();
  });
});

describe("rawSign and undici", () => {
  it("flags 'terminated' alone or quoted inside a sentence", () => {
    expect(rawSign("terminated")).toBeDefined();
    expect(rawSign("The connection dropped in the middle of the answer (terminated).")).toBeDefined();
    expect(rawSign("The connection dropped in the middle of the answer.")).toBeUndefined();
  });
});
