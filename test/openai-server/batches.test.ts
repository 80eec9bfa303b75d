/**
 * The test server's Files and Batch APIs through the official SDK: uploads are refused with a reason naming
 * the line when the JSONL is not a valid batch input (shape, duplicate ids, endpoint, a body its endpoint's
 * schema refuses), batch creation is validated, retrieves move the status one step at a time, the output
 * and error files answer each line, cancel works, and requests are counted per route.
 */
import OpenAI, { toFile } from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { readBatchInput, startOpenAiServer, type OpenAiTestServer } from "./server.js";

let srv: OpenAiTestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

async function start(): Promise<{ srv: OpenAiTestServer; client: OpenAI }> {
  srv = await startOpenAiServer();
  return { srv, client: new OpenAI({ apiKey: "sk-test", baseURL: srv.url, maxRetries: 0 }) };
}

const image = (id: string, prompt = "a cat"): string =>
  JSON.stringify({
    custom_id: id,
    method: "POST",
    url: "/v1/images/generations",
    body: { model: "gpt-image-1", prompt },
  });
const upload = async (client: OpenAI, text: string, name = "in.jsonl") =>
  client.files.create({ file: await toFile(Buffer.from(text), name), purpose: "batch" });

describe("readBatchInput", () => {
  it("names each bad line", () => {
    const text = [
      image("a"),
      image("a"),
      "{",
      JSON.stringify({ custom_id: "b", method: "GET", url: "/v1/images/generations", body: { prompt: "x" } }),
      JSON.stringify({ custom_id: "c", method: "POST", url: "/v1/embeddings", body: {} }),
      JSON.stringify({ custom_id: "d", method: "POST", url: "/v1/images/generations", body: { n: 3 } }),
    ].join("\n");
    expect(readBatchInput(text).errors).toEqual([
      "line 2: duplicate custom_id a",
      "line 3: not JSON",
      "line 4: method must be POST",
      "line 5: url must be one of /v1/responses, /v1/images/generations",
      expect.stringMatching(/^line 6: body \(body\) must have required property 'prompt'/),
    ]);
    expect(readBatchInput(image("a") + "\n").errors).toEqual([]);
  });
});

describe("Files and Batch APIs", () => {
  it("refuses an invalid batch file with the line's reason, and a file that is not .jsonl", async () => {
    const { client } = await start();
    await expect(
      upload(
        client,
        JSON.stringify({ custom_id: "x", method: "POST", url: "/v1/responses", body: { model: "gpt-5", input: 5 } }),
      ),
    ).rejects.toThrow(/line 1: body \/input/);
    await expect(upload(client, image("a"), "in.json")).rejects.toThrow(/must be \.jsonl/);
  });

  it("moves validating → in_progress → finalizing → completed and answers every line in the output file", async () => {
    const { srv, client } = await start();
    const file = await upload(client, [image("a"), image("b")].join("\n") + "\n");
    expect(file).toMatchObject({ object: "file", purpose: "batch", filename: "in.jsonl" });
    expect((await client.files.retrieve(file.id)).bytes).toBe(file.bytes);
    await expect(
      client.batches.create({ input_file_id: file.id, endpoint: "/v1/responses", completion_window: "24h" }),
    ).rejects.toThrow(/does not match the batch endpoint/);
    await expect(
      client.batches.create({
        input_file_id: "file-nope",
        endpoint: "/v1/images/generations",
        completion_window: "24h",
      }),
    ).rejects.toThrow(/No such File/);
    const batch = await client.batches.create({
      input_file_id: file.id,
      endpoint: "/v1/images/generations",
      completion_window: "24h",
    });
    expect(batch.status).toBe("validating");
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push((await client.batches.retrieve(batch.id)).status);
    expect(seen).toEqual(["in_progress", "finalizing", "completed"]);
    const done = await client.batches.retrieve(batch.id);
    expect(done.request_counts).toEqual({ total: 2, completed: 2, failed: 0 });
    expect(done.error_file_id).toBeNull();
    const lines = (await (await client.files.content(done.output_file_id!)).text())
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            custom_id: string;
            response: { status_code: number; body: { data: { b64_json: string }[] } };
          },
      );
    expect(lines.map((l) => [l.custom_id, l.response.status_code])).toEqual([
      ["a", 200],
      ["b", 200],
    ]);
    expect(Buffer.from(lines[0]!.response.body.data[0]!.b64_json, "base64").subarray(1, 4).toString()).toBe("PNG");
    expect(srv.routeCounts()).toMatchObject({
      "POST /v1/files": 1,
      "GET /v1/files/{id}": 1,
      "POST /v1/batches": 3,
      "GET /v1/batches/{id}": 4,
      "GET /v1/files/{id}/content": 1,
    });
    expect(srv.requests.filter((r) => r.path === "/v1/batches").map((r) => r.schemaErrors)).toEqual([[], [], []]);
  });

  it("validates the create body against CreateBatchRequest", async () => {
    const { srv, client } = await start();
    const file = await upload(client, image("a"));
    await expect(
      client.batches.create({
        input_file_id: file.id,
        endpoint: "/v1/images/generations",
        completion_window: "1h" as "24h",
      }),
    ).rejects.toThrow(/completion_window/);
    expect(srv.requests.at(-1)!.schemaErrors.join()).toContain("/completion_window");
  });

  it("cancels: cancelling, then cancelled with every line in the error file", async () => {
    const { client } = await start();
    const file = await upload(client, image("a"));
    const batch = await client.batches.create({
      input_file_id: file.id,
      endpoint: "/v1/images/generations",
      completion_window: "24h",
    });
    expect((await client.batches.cancel(batch.id)).status).toBe("cancelling");
    const done = await client.batches.retrieve(batch.id);
    expect(done.status).toBe("cancelled");
    const text = await (await client.files.content(done.error_file_id!)).text();
    expect(JSON.parse(text.trim())).toMatchObject({
      custom_id: "a",
      response: null,
      error: { code: "batch_cancelled" },
    });
    await expect(client.batches.cancel(batch.id)).rejects.toThrow(/Cannot cancel/);
  });

  it("a scripted validation failure ends the batch as failed with its errors", async () => {
    const { srv, client } = await start();
    srv.batches.script({ end: "failed" });
    const file = await upload(client, image("a"));
    const batch = await client.batches.create({
      input_file_id: file.id,
      endpoint: "/v1/images/generations",
      completion_window: "24h",
    });
    const done = await client.batches.retrieve(batch.id);
    expect(done.status).toBe("failed");
    expect(done.errors?.data?.[0]).toMatchObject({ code: "invalid_request", line: 1 });
  });
});
