/**
 * The engine's messages, mutated (issue 38: 80 engine-worker failures carried a raw JS message,
 * `input.components?.trim is not a function` ×63): a model request's first input is checked field by field, every
 * refusal is a ProtocolError (never a TypeError) that echoes only an id the panel could have sent, and a job's own
 * JavaScript error reaches the user as one sentence, its details in the console.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "../../../contract/settings.js";
import { failureOf, INTERNAL_FAILURE } from "../jobs/failure.js";
import { parseEngineMessage, parseEngineRequest, ProtocolError } from "./index.js";

const input = {
  target: "react",
  styling: "css-modules",
  hint: "FRAME 1:1 Page 1440×900",
  components: "import { Button } from '@acme/ui';",
};
const generate = (over: Record<string, unknown> = {}) => ({
  id: "r1",
  kind: "ai-generate",
  settings: DEFAULT_SETTINGS,
  apiKey: "sk-test",
  timeoutMs: 60_000,
  input: { ...input, ...over },
});

function refusal(read: () => unknown): ProtocolError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    return error as ProtocolError;
  }
  throw new Error("expected a refusal");
}

describe("the engine's messages under mutated input", () => {
  it(
    "a model request's input is checked field by field: a components " +
      "text that is not a string is refused before any job runs",
    () => {
      expect(parseEngineRequest(generate())).toMatchObject({
        kind: "ai-generate",
        input: { components: input.components },
      });
      const components = refusal(() => parseEngineRequest(generate({ components: 5 })));
      expect(components.id).toBe("r1");
      expect(components.message).toMatch(
        /^the codegen worker got a request it does not understand: input\.components must be a string/,
      );
      expect(refusal(() => parseEngineRequest(generate({ target: "flutter" }))).message).toMatch(
        /input\.target must be one of react, html/,
      );
      expect(refusal(() => parseEngineRequest(generate({ drafts: [{ path: "a.tsx", content: 1 }] }))).message).toMatch(
        /input\.drafts\[0\]\.content must be a string/,
      );
      expect(
        refusal(() => parseEngineRequest(generate({ imageDataUrl: "https://example.com/a.png" }))).message,
      ).toMatch(/input\.imageDataUrl must be an image data URL/);
    },
  );

  it(
    "refuses every mutation of a request or a reply as a " +
      "ProtocolError with a short message (3,000 cases, fixed seed)",
    () => {
      const awkward = fc.oneof(
        fc.anything(),
        fc.bigInt(),
        fc.constant("x".repeat(100_001)),
        fc.constant(new Uint8Array(5_000_000)),
        fc.constant(Number.NaN),
      );
      const key = fc.constantFrom(
        "id",
        "kind",
        "input",
        "settings",
        "apiKey",
        "timeoutMs",
        "components",
        "hint",
        "drafts",
      );
      fc.assert(
        fc.property(key, awkward, fc.boolean(), (name, value, inInput) => {
          const data = inInput ? generate({ [name]: value }) : { ...generate(), [name]: value };
          for (const read of [() => parseEngineRequest(data), () => parseEngineMessage(data)]) {
            try {
              read();
            } catch (error) {
              expect(error).toBeInstanceOf(ProtocolError);
              expect((error as ProtocolError).message.length).toBeLessThan(1000);
              const id = (error as ProtocolError).id;
              if (id !== undefined) expect(id.length).toBeLessThanOrEqual(200);
            }
          }
        }),
        { seed: 38, numRuns: 3000 },
      );
    },
  );

  it.each([
    ["zip-files", { files: [{ path: "src/App.tsx", content: "x" }] }, "files"],
    ["hint", {}, "exports"],
    ["generate", { options: { target: "react", styling: "css-modules", nodeIds: false } }, "exports"],
    ["inspect-instance", { nodeId: "1:2" }, "exports"],
    ["analyze-findings", {}, "exports"],
    ["analyze-prepare", { task: "describe", question: "", model: "gpt-5" }, "exports"],
    [
      "image-prepare",
      {
        settings: DEFAULT_SETTINGS,
        reasonFirst: false,
        request: { prompt: "a kite", size: "auto", quality: "auto", count: 1, partials: 0, references: [] },
      },
      "exports",
    ],
  ])(
    "%s: a list with a hole (structured clone carries one) is refused, naming the field and the index",
    (kind, body, list) => {
      // Issue 50: `map` kept the hole and the job died reading it ("Cannot read properties of undefined (reading
      // 'path')").
      const whole: Record<string, unknown> = {
        id: "h1",
        kind,
        ...body,
        [list]: (body as Record<string, unknown>)[list] ?? [{ id: "1:2", json: {} }],
      };
      expect(parseEngineRequest(whole)).toMatchObject({ kind });
      const items = whole[list] as unknown[];
      const holed = structuredClone([...items, ...items]);
      delete holed[0];
      const error = refusal(() => parseEngineRequest({ ...whole, [list]: holed }));
      expect(error.id).toBe("h1");
      expect(error.message).toMatch(new RegExp(`${list}\\[0\\] must be .*, not a hole in the list$`));
      expect(refusal(() => parseEngineRequest({ ...whole, [list]: new Array(2) })).message).toMatch(/\[0\] must be/);
    },
  );

  // Issue 50: a 1,000,001-character round held the token count for over 10 minutes.
  it("a string over its field's bound is refused before any job runs, the bound said", () => {
    const round = (instructions: string) => ({
      id: "e1",
      kind: "ai-round-estimate",
      input,
      answers: [],
      earlier: [],
      round: { instructions, images: [] },
      model: "gpt-5",
    });
    expect(parseEngineRequest(round("Move the button 8 px left."))).toMatchObject({ kind: "ai-round-estimate" });
    const long = refusal(() => parseEngineRequest(round("x".repeat(1_000_001))));
    expect(long.id).toBe("e1");
    expect(long.message).toMatch(/round\.instructions must be a non-empty string of at most 1,000,000 characters$/);
    expect(refusal(() => parseEngineRequest({ ...round("ok"), model: "m".repeat(1001) })).message).toMatch(
      /model must be a non-empty string of at most 1,000 characters$/,
    );
    expect(refusal(() => parseEngineRequest(generate({ instructions: "x".repeat(1_000_001) }))).message).toMatch(
      /input\.instructions must be a string of at most 1,000,000 characters$/,
    );
  });

  it("a job's own JavaScript error is one sentence for the user, its details in the console", async () => {
    const console = vi.spyOn(globalThis.console, "error").mockImplementation(() => undefined);
    try {
      const failure = await failureOf("r2", new TypeError("input.components?.trim is not a function"));
      expect(failure).toEqual({ id: "r2", ok: false, failure: { kind: "internal", message: INTERNAL_FAILURE } });
      expect(console).toHaveBeenCalledWith("Figment engine: internal error", expect.any(TypeError));
    } finally {
      console.mockRestore();
    }
    expect((await failureOf("r3", new Error("The design has no frames."))).failure.message).toBe(
      "The design has no frames.",
    );
  });
});
