/**
 * `infer-rows` in the worker over real HTTP against the OpenAI-wire test server: the rows and notes as the
 * panel reads them back through the protocol's checks; a model failure as data with its kind; an answer off
 * the parameters' choices as a `bad` failure naming the row and parameter.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type Settings } from "../../../contract/settings.js";
import { responsesJson } from "../../../test/openai-server/replies.js";
import { scriptedServer } from "../../../test/openai-server/scripted.js";
import type { InferInputData } from "../protocol/rows.js";
import { parseEngineMessage, parseEngineRequest, type EngineReply } from "../protocol/index.js";
import { rowsJobs } from "./rows.js";
import { runJob } from "./run.js";

const KEY = "sk-test-infer-job-7788";
const serve = scriptedServer();
const settings = (url: string): Settings => ({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl: url });
const input: InferInputData = {
  texts: [{ layer: "Title", text: "Sleep better tonight" }],
  params: [{ name: "audience" }, { name: "mood", choices: ["calm", "bold"] }],
  rows: 2,
};

async function infer(url: string): Promise<EngineReply> {
  // The request as the worker receives it, checked by the protocol first.
  const request = parseEngineRequest({
    kind: "infer-rows",
    id: "w1",
    settings: settings(url),
    apiKey: KEY,
    input,
    timeoutMs: 10_000,
  });
  if (request.kind !== "infer-rows") throw new Error("expected infer-rows");
  const reply = parseEngineMessage(
    await runJob(rowsJobs, request, { signal: new AbortController().signal, emit: () => undefined }),
  );
  if (!("reply" in reply)) throw new Error("expected a reply");
  return reply.reply;
}

describe("infer-rows in the worker", () => {
  it("answers the model's rows by parameter and its notes; the request is valid per the spec", async () => {
    const srv = await serve(
      responsesJson(
        JSON.stringify({
          rows: [
            { audience: "tired parents", mood: "calm" },
            { audience: "night owls", mood: "bold" },
          ],
          notes: "A sleep product.",
        }),
      ),
    );
    const reply = await infer(srv.url);
    expect(reply).toEqual({
      id: "w1",
      ok: true,
      kind: "infer-rows",
      columns: ["audience", "mood"],
      rows: [
        { audience: "tired parents", mood: "calm" },
        { audience: "night owls", mood: "bold" },
      ],
      notes: "A sleep product.",
    });
    expect(srv.requests[0]!.path).toBe("/v1/responses");
    expect(srv.requests[0]!.schemaErrors).toEqual([]);
  });

  it("a refused key is a model failure with its kind, never the key", async () => {
    const srv = await serve({ kind: "error", status: 401, message: "Incorrect API key provided" });
    const reply = await infer(srv.url);
    expect(reply).toMatchObject({ ok: false, failure: { reason: "unauthorized", data: { status: 401 } } });
    expect(JSON.stringify(reply)).not.toContain(KEY);
  });

  it("a value outside a parameter's choices is a bad answer naming the row and parameter", async () => {
    const srv = await serve(responsesJson(JSON.stringify({ rows: [{ audience: "kids", mood: "angry" }], notes: "" })));
    const reply = await infer(srv.url);
    expect(reply).toMatchObject({
      id: "w1",
      ok: false,
      failure: { kind: "input", message: 'the model\'s rows: row 1: "mood" is "angry", not one of calm, bold' },
    });
  });
});
