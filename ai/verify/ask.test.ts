/**
 * The loop with the real model side: askModel over HTTP against the OpenAI-wire test server (bodies validated
 * against the spec) and a scripted measurement. The round's answer goes through the project pass and prettier as
 * any model answer before it is measured; a worse one leaves the first files as they were.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import type { SourceFile } from "../../codegen/types.js";
import { scoreOf } from "../../test/helpers/fidelity-score.js";
import { responsesStream } from "../../test/openai-server/server.js";
import { scriptedServer, splitInto } from "../../test/openai-server/scripted.js";
import { generateModelCode } from "../code/pipeline.js";
import type { PromptInput } from "../code/prompt.js";
import { providerConfig } from "../client/providers.js";
import { askModel } from "./ask.js";
import { verifyRounds, type Measured } from "./rounds.js";

const PNG =
  "data:image/png;base64," +
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const INPUT: PromptInput = {
  target: "html",
  styling: "css-modules",
  imageDataUrl: PNG,
  hint: "figment-hint 1\nF 101:3 Log-In Page 375x667",
  nodeIds: true,
};
const page = (left: number): string =>
  JSON.stringify({
    notes: `left ${left}`,
    files: [
      {
        path: "index.html",
        content:
          '<!doctype html><html><head><link rel="stylesheet" ' +
          'href="styles.css"></head><body><main data-node-id="101:3"><p class="hint" ' +
          'data-node-id="101:6">Don’t have an account?</p></main></body></html>',
      },
      { path: "styles.css", content: `.hint{position:absolute;left:${left}px}` },
    ],
  });

const serve = scriptedServer();
const config = (url: string) =>
  providerConfig({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl: url }, "sk-test-key-1234");
/** A measurement that reads the left offset back from the stylesheet: 65 px is the design's. */
const measure = async (files: SourceFile[]): Promise<Measured> => {
  const left = Number(/left:\s*(\d+)px/.exec(files.find((f) => f.path === "styles.css")!.content)![1]);
  return { score: scoreOf({ iouMatched: left === 65 ? 0.97 : 0.9 }), png: PNG };
};

describe("askModel in the verify loop", () => {
  it(
    "sends the round as a refinement with its pictures; the " + "answer comes back checked and formatted, and is kept",
    async () => {
      const srv = await serve(
        responsesStream(splitInto(page(105), 5), { id: "resp_first" }),
        responsesStream(splitInto(page(65), 5), { id: "resp_fixed" }),
      );
      const first = await generateModelCode(config(srv.url), INPUT);
      const result = await verifyRounds({
        ...first,
        measured: await measure(first.files),
        designPng: PNG,
        rounds: 1,
        ask: askModel(config(srv.url), INPUT),
        measure,
      });

      expect(srv.requests.map((r) => r.schemaErrors)).toEqual([[], []]);
      const round = srv.requests[1]!.body as { previous_response_id: string; input: { content: { type: string }[] }[] };
      expect(round.previous_response_id).toBe("resp_first");
      expect(round.input[0]!.content.filter((c) => c.type === "input_image")).toHaveLength(2);

      expect(result.rounds[0]).toMatchObject({
        kept: true,
        message: "the model's fix measured better (0.97 vs 0.90): kept it",
      });
      expect(result.conversation).toEqual({ kind: "responses", previousResponseId: "resp_fixed" });
      // prettier's CSS, as for any model answer.
      expect(result.files.find((f) => f.path === "styles.css")!.content).toBe(
        ".hint {\n  position: absolute;\n  left: 65px;\n}\n",
      );
    },
  );

  it("a worse answer leaves the first files as the pipeline wrote them", async () => {
    const srv = await serve(
      responsesStream(splitInto(page(65), 5), { id: "resp_first" }),
      responsesStream(splitInto(page(105), 5), { id: "resp_worse" }),
    );
    const first = await generateModelCode(config(srv.url), INPUT);
    const result = await verifyRounds({
      ...first,
      measured: await measure(first.files),
      rounds: 2,
      ask: askModel(config(srv.url), INPUT),
      measure,
    });
    expect(srv.requests).toHaveLength(2);
    expect(result.files).toBe(first.files);
    expect(result.conversation).toBe(first.conversation);
    expect(result.rounds.map((r) => r.outcome)).toEqual(["worse"]);
  });
});
