/**
 * Batch answers that are broken one line at a time (issue 38): each broken line fails its own request with a
 * sentence, the lines beside it are kept, lines naming no request of the batch are said, the batch object's fields
 * are read by type, and a file with nothing to read is not kept.
 */
import { describe, expect, it } from "vitest";
import { encodePng } from "../../test/openai-server/png.js";
import { memoryStore } from "../../test/fuzz/targets-batch.js";
import { ModelError } from "../errors/classify.js";
import { readResponse } from "../answer/outcome.js";
import { createClient } from "../client/providers.js";
import { collectBatch, failureOf, type BatchOutputLine, type LineWriter } from "./collect.js";
import { imagesOfAnswer } from "./image-answer.js";
import type { BatchRecord } from "./record.js";
import { applyBatch } from "./submit.js";
import type { Batch } from "openai/resources/batches";
import type { Response as ModelResponse } from "openai/resources/responses/responses";

const png = Buffer.from(encodePng(16, 16, { seed: 1 })).toString("base64");
const answer = (id: string, body: unknown): string =>
  JSON.stringify({ id: `req-${id}`, custom_id: id, response: { status_code: 200, body }, error: null });
const image = (id: string): string => answer(id, { created: 1, data: [{ b64_json: png }] });

/** A client whose Files API serves these contents. */
function filesClient(files: Record<string, string>) {
  const serve: typeof fetch = async (input) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const text = files[/files\/([^/]+)\/content/.exec(url)?.[1] ?? ""];
    return text === undefined
      ? new Response('{"error":{"message":"No such file"}}', { status: 404 })
      : new Response(text, { status: 200 });
  };
  return createClient(
    { apiKey: "sk-test", baseURL: "http://files.test/v1", headers: {} },
    { timeoutMs: 5_000, fetch: serve },
  );
}

const completed = (ids: string[]): BatchRecord => ({
  version: 1,
  kind: "images",
  endpoint: "/v1/images/generations",
  baseURL: "http://files.test/v1",
  created: "2026-01-01T00:00:00.000Z",
  runs: [
    {
      input: "input-1.jsonl",
      created: "2026-01-01T00:00:00.000Z",
      inputFileId: "file-in",
      batchId: "batch-1",
      status: "completed",
      outputFileId: "file-out",
    },
  ],
  lines: ids.map((customId) => ({ customId, fileStem: customId, run: 0, state: "pending" })),
});

/** The panel's way: keep each answered line's first image. */
const keepImages: LineWriter = async (_line, body) => {
  const read = imagesOfAnswer(body);
  return "error" in read
    ? read
    : {
        written: [`${read.images[0]!.width}x${read.images[0]!.height}`],
        ...(read.problems.length ? { problems: read.problems } : {}),
      };
};

describe("collecting an output file with broken lines", () => {
  it(
    "keeps the whole lines, fails each broken one with its " +
      "reason, and says the lines that answer nothing of the batch",
    async () => {
      const file = [
        image("row-1"),
        image("row-2").slice(0, 60), // cut after its custom id
        "{garbage",
        answer("row-3", { created: 1, data: [{ b64_json: null }] }),
        answer("row-4", { created: 1, data: "not a list" }),
        image("ROW-9"),
        image("row-1"), // a duplicate
        '{"id":"req-x","response":null}',
        answer("row-5", { created: 1, data: [null, { b64_json: png }] }),
        "",
      ].join("\n");
      const store = memoryStore({ record: completed(["row-1", "row-2", "row-3", "row-4", "row-5"]) });
      const report = await collectBatch(filesClient({ "file-out": file }), store, (await store.load())!, keepImages);
      const record = (await store.load())!;
      const byId = Object.fromEntries(record.lines.map((l) => [l.customId, l]));
      expect(report.done).toEqual(["row-1", "row-5"]);
      expect(report.failed).toEqual(["row-2", "row-3", "row-4"]);
      expect(byId["row-1"]).toMatchObject({ state: "done", written: ["16x16"] });
      expect(byId["row-2"]!.error).toBe(
        "its answer in the batch's output file is damaged (line 2: it is cut or not JSON)",
      );
      expect(byId["row-3"]!.error).toBe("the answer's image has no image data");
      expect(byId["row-4"]!.error).toBe("the answer holds no list of images");
      expect(byId["row-5"]).toMatchObject({ state: "done", problems: ["image 1 of the answer holds no image record"] });
      expect(report.skipped).toEqual([
        "Line 3 of the output file was skipped: it is cut or not JSON, and no request can be told from it.",
        'Line 6 of the output file was skipped: it answers "ROW-9", a request this batch never sent.',
        "Line 8 of the output file was skipped: it names no request (no custom_id).",
      ]);
    },
  );

  it("a line failed by a broken answer is written by a whole answer later in the files", async () => {
    const file = [answer("row-1", { data: [{ b64_json: "%%%" }] }), image("row-1"), ""].join("\n");
    const store = memoryStore({ record: completed(["row-1"]) });
    const report = await collectBatch(filesClient({ "file-out": file }), store, (await store.load())!, keepImages);
    expect(report).toMatchObject({ done: ["row-1"], failed: [] });
  });

  it("a file with no line to read is refused and not kept: collecting again downloads it again", async () => {
    const store = memoryStore({ record: completed(["row-1"]) });
    const error = await collectBatch(
      filesClient({ "file-out": "<html>502</html>" }),
      store,
      (await store.load())!,
      keepImages,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).message).toBe(
      "The Files API sent file file-out without one answer line Figment can read; nothing was collected from it.",
    );
    expect(store.texts.size).toBe(0);
    expect((await store.load())!.lines[0]!.state).toBe("pending");
  });
});

describe("a line's failure and a batch object, read by type", () => {
  it("never shows an object as [object Object]", () => {
    const line = (value: unknown): BatchOutputLine => value as BatchOutputLine;
    expect(
      failureOf(
        line({
          custom_id: "a",
          response: { status_code: 400, body: { error: { message: { nested: true }, code: 5 } } },
          error: null,
        }),
      ),
    ).toBe("400: failed");
    expect(failureOf(line({ custom_id: "a", response: null, error: { message: {}, code: "batch_expired" } }))).toBe(
      "failed (batch_expired)",
    );
    expect(failureOf(line({ custom_id: "a", response: { status_code: "200", body: {} }, error: null }))).toBe(
      "its answer has no status code",
    );
  });

  it(
    "refuses a batch answer with no id, about another batch, " + "or without a status, and reads its errors' text only",
    () => {
      const run = { input: "input-1.jsonl", created: "", batchId: "batch-1" };
      const batch = (value: unknown): Batch => value as Batch;
      expect(() => applyBatch({ ...run }, batch(null))).toThrow("names no batch");
      expect(() => applyBatch({ ...run }, batch({ id: "batch-2", status: "completed" }))).toThrow(
        "about another batch than batch-1",
      );
      expect(() => applyBatch({ ...run }, batch({ id: "batch-1", status: { phase: 1 } }))).toThrow(
        "no status Figment can read",
      );
      const read = { ...run };
      applyBatch(
        read,
        batch({
          id: "batch-1",
          status: "failed",
          request_counts: null,
          output_file_id: 7,
          errors: { data: [{ line: 2, message: { x: 1 }, code: "invalid" }, null] },
        }),
      );
      expect(read).toEqual({ ...run, status: "failed", errors: ["line 2: invalid", "error"] });
    },
  );

  it("reads a Responses body whose items are of another shape without a JavaScript error", () => {
    const response = (output: unknown): ModelResponse =>
      ({ id: "r", status: "completed", output, incomplete_details: null, error: null }) as unknown as ModelResponse;
    expect(
      readResponse(
        response([
          { type: "message", content: null },
          null,
          { type: "message", content: [null, { type: "output_text", text: 5 }, { type: "output_text", text: "ok" }] },
        ]),
      ).text,
    ).toBe("ok");
    expect(readResponse(response("nope")).error?.message).toBe("The model returned no text.");
  });
});
