/**
 * The runner's test of a shown message: JavaScript's words are caught, Figment's sentences and compiler diagnostics are
 * not.
 */
import { describe, expect, it } from "vitest";
import { rawSign } from "./run-cases.js";

function parserMessage(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("parsed");
}

describe("rawSign", () => {
  it("catches every JSON.parse message", () => {
    for (const text of ['{"a":1', '{"a":1}x', "{a:1}", "<html>", '{"a":"\\q"}', '"abc', "[1,]", '{"a" 1}', "", "nope"])
      expect(rawSign(parserMessage(text)), parserMessage(text)).toBeDefined();
  });

  it("passes Figment's own sentences and a compiler's diagnostic of the model's code", () => {
    for (const message of [
      "The endpoint sent a part of its answer that is not valid JSON.",
      "Unexpected token. Did you mean `{'}'}` or `&rbrace;`?",
      'The model\'s answer is not valid JSON: unexpected "}" at line 2, column 10.',
    ])
      expect(rawSign(message), message).toBeUndefined();
  });
});

describe("rawSign and undici", () => {
  it("flags 'terminated' alone or quoted inside a sentence", () => {
    expect(rawSign("terminated")).toBeDefined();
    expect(rawSign("The connection dropped in the middle of the answer (terminated).")).toBeDefined();
    expect(rawSign("The connection dropped in the middle of the answer.")).toBeUndefined();
  });
});
