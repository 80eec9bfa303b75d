import { afterEach, describe, expect, it } from "vitest";
import { readRasterSize } from "../../kernel/image-header.js";
import { buildGraph, type ComfyGraph } from "../../ai/comfyui/workflows.js";
import { encodePng } from "../openai-server/png.js";
import { OOM_MESSAGE } from "./execute.js";
import { listen, type Listened } from "./listen.js";
import { CHECKPOINTS, type ComfyTestServer, startComfyServer } from "./server.js";

let servers: ComfyTestServer[] = [];
let sockets: Listened[] = [];
afterEach(async () => {
  for (const s of sockets) s.close();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  sockets = [];
});
async function start(options: Parameters<typeof startComfyServer>[0] = {}): Promise<ComfyTestServer> {
  const server = await startComfyServer(options);
  servers.push(server);
  return server;
}
async function ws(server: ComfyTestServer, clientId = "test-client"): Promise<Listened> {
  const socket = await listen(server.url, clientId);
  sockets.push(socket);
  return socket;
}

const txt2img = (overrides: Partial<Parameters<typeof buildGraph>[0]> = {}): ComfyGraph =>
  buildGraph({
    prompt: "a red fox",
    negativePrompt: "blurry",
    checkpoint: CHECKPOINTS[0]!,
    width: 64,
    height: 48,
    seed: 7,
    steps: 3,
    cfg: 7,
    sampler: "euler",
    scheduler: "normal",
    ...overrides,
  });

async function post(
  server: ComfyTestServer,
  prompt: unknown,
  clientId = "test-client",
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/prompt`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt, client_id: clientId }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("ComfyUI test server: discovery", () => {
  it("answers /system_stats and /object_info as server.py does, under /api too", async () => {
    const server = await start();
    const stats = (await (await fetch(`${server.url}/system_stats`)).json()) as Record<string, unknown>;
    expect(stats).toMatchObject({ system: { comfyui_version: expect.any(String) }, devices: [{ type: "cuda" }] });
    const info = (await (await fetch(`${server.url}/api/object_info/CheckpointLoaderSimple`)).json()) as Record<
      string,
      { input: { required: Record<string, unknown[]> }; output: string[] }
    >;
    expect(info["CheckpointLoaderSimple"]!.input.required["ckpt_name"]![0]).toEqual(CHECKPOINTS);
    expect(info["CheckpointLoaderSimple"]!.output).toEqual(["MODEL", "CLIP", "VAE"]);
    const all = (await (await fetch(`${server.url}/object_info`)).json()) as Record<string, { output_node: boolean }>;
    expect(all["SaveImage"]!.output_node).toBe(true);
    expect(Object.keys(all)).toContain("ControlNetApplyAdvanced");
    expect(await (await fetch(`${server.url}/object_info/NoSuchNode`)).json()).toEqual({});
  });
});

describe("ComfyUI test server: validation (execution.py's shapes)", () => {
  it("refuses an unknown class_type with missing_node_type", async () => {
    const server = await start();
    const { status, body } = await post(server, { ...txt2img(), "9": { class_type: "FancyUpscaler", inputs: {} } });
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { type: "missing_node_type", details: "Node ID '#9'" }, node_errors: {} });
  });

  it("names a missing input, a value not in a list and an out-of-range int per node", async () => {
    const server = await start();
    const graph = txt2img();
    delete graph["2"]!.inputs["text"];
    graph["1"]!.inputs["ckpt_name"] = "nope.safetensors";
    graph["6"]!.inputs["steps"] = 0;
    graph["6"]!.inputs["sampler_name"] = "warp_drive";
    const { status, body } = await post(server, graph);
    expect(status).toBe(400);
    expect(body["error"]).toMatchObject({ type: "prompt_outputs_failed_validation" });
    const errors = body["node_errors"] as Record<string, { class_type: string; errors: Record<string, unknown>[] }>;
    expect(errors["2"]!.errors[0]).toMatchObject({
      type: "required_input_missing",
      extra_info: { input_name: "text" },
    });
    expect(errors["1"]!.errors[0]).toMatchObject({
      type: "value_not_in_list",
      details: `ckpt_name: 'nope.safetensors' not in ['${CHECKPOINTS[0]}', '${CHECKPOINTS[1]}']`,
    });
    expect(errors["6"]!.class_type).toBe("KSampler");
    expect(errors["6"]!.errors.map((e) => e["type"])).toEqual(["value_smaller_than_min", "value_not_in_list"]);
    expect(errors["6"]!.errors[0]!["message"]).toBe("Value 0 smaller than min of 1");
    expect(errors["8"]).toBeUndefined(); // downstream of invalid nodes, with no reasons of its own
  });

  it("reports a link to a missing node or a wrong output index as ComfyUI does (KeyError / IndexError)", async () => {
    const server = await start();
    const missing = txt2img();
    missing["6"]!.inputs["positive"] = ["42", 0];
    const first = await post(server, missing);
    // KSampler's link raises before its own try: VAEDecode (node 7) records it under node 6.
    const errors = first.body["node_errors"] as Record<string, { errors: Record<string, unknown>[] }>;
    expect(errors["6"]!.errors[0]).toMatchObject({
      type: "exception_during_inner_validation",
      details: "'42'",
      extra_info: { input_name: "samples", exception_type: "KeyError" },
    });
    const index = txt2img();
    index["7"]!.inputs["vae"] = ["1", 5];
    const second = await post(server, index);
    const errors2 = second.body["node_errors"] as Record<string, { errors: Record<string, unknown>[] }>;
    expect(errors2["7"]!.errors[0]).toMatchObject({ extra_info: { exception_type: "IndexError" } });
    const mismatch = txt2img();
    mismatch["7"]!.inputs["vae"] = ["1", 1];
    const third = await post(server, mismatch);
    const errors3 = third.body["node_errors"] as Record<string, { errors: Record<string, unknown>[] }>;
    expect(errors3["7"]!.errors[0]).toMatchObject({ type: "return_type_mismatch", details: "vae, CLIP != VAE" });
  });

  it("refuses a prompt without output nodes, and a LoadImage of a file not uploaded", async () => {
    const server = await start();
    const graph = txt2img();
    delete graph["8"];
    expect((await post(server, graph)).body["error"]).toMatchObject({ type: "prompt_no_outputs" });
    const img = buildGraph(
      {
        ...{ prompt: "p", negativePrompt: "", checkpoint: CHECKPOINTS[0]!, width: 64, height: 64, seed: 1 },
        steps: 2,
        cfg: 7,
        sampler: "euler",
        scheduler: "normal",
      },
      { image: "missing.png", strength: 0.5 },
    );
    const body = (await post(server, img)).body;
    const errors = body["node_errors"] as Record<string, { errors: Record<string, unknown>[] }>;
    expect(errors["4"]!.errors[0]).toMatchObject({
      type: "custom_validation_failed",
      details: "image - Invalid image file: missing.png",
    });
  });
});

describe("ComfyUI test server: runs", () => {
  it("sends ComfyUI's messages in order, with previews, and serves the image with /view and /history", async () => {
    const server = await start();
    const socket = await ws(server);
    await socket.waitFor((m) => m.type === "status");
    const { body } = await post(server, txt2img());
    const id = body["prompt_id"] as string;
    await socket.waitFor((m) => m.type === "executing" && m.data["node"] === null);
    const ours = socket.messages.filter((m) => m.type === "binary" || m.data["prompt_id"] === id);
    const kinds = ours.map((m) => (m.type === "executing" ? `executing:${String(m.data["node"])}` : m.type));
    expect(kinds.slice(0, 2)).toEqual(["execution_start", "execution_cached"]);
    expect(kinds.slice(-3)).toEqual(["executed", "execution_success", "executing:null"]);
    expect(kinds.filter((k) => k === "progress")).toHaveLength(3);
    expect(kinds.indexOf("executing:6")).toBeLessThan(kinds.indexOf("progress"));
    const frame = ours.find((m) => m.type === "binary")!.bytes!;
    const view = new DataView(frame.buffer, frame.byteOffset);
    expect([view.getUint32(0), view.getUint32(4)]).toEqual([1, 2]);
    expect(readRasterSize(frame.slice(8))).toMatchObject({ format: "png", width: 8, height: 8 });
    const executed = ours.find((m) => m.type === "executed")!.data;
    expect(executed).toMatchObject({ node: "8", output: { images: [{ subfolder: "figment", type: "output" }] } });
    const file = (executed["output"] as { images: { filename: string }[] }).images[0]!.filename;
    expect(file).toBe("figment_00001_.png");
    const png = new Uint8Array(
      await (await fetch(`${server.url}/view?filename=${file}&subfolder=figment&type=output`)).arrayBuffer(),
    );
    expect(readRasterSize(png)).toMatchObject({ width: 64, height: 48 });
    const history = (await (await fetch(`${server.url}/history/${id}`)).json()) as Record<
      string,
      Record<string, unknown>
    >;
    expect(history[id]!["status"]).toMatchObject({ status_str: "success", completed: true });
    expect((await fetch(`${server.url}/view?filename=../secret`)).status).toBe(400);
  });

  it("stops a run at /interrupt with execution_interrupted", async () => {
    const server = await start();
    const socket = await ws(server);
    server.next({ advance: "manual" });
    const id = (await post(server, txt2img())).body["prompt_id"] as string;
    await server.samplerWaiting();
    server.step();
    await socket.waitFor((m) => m.type === "progress");
    await fetch(`${server.url}/interrupt`, { method: "POST", body: "{}" });
    const stop = await socket.waitFor((m) => m.type === "execution_interrupted");
    expect(stop.data).toMatchObject({ prompt_id: id, node_id: "6", node_type: "KSampler" });
    await socket.waitFor((m) => m.type === "executing" && m.data["node"] === null);
    expect(socket.messages.some((m) => m.type === "executed")).toBe(false);
    expect(server.interrupts).toBe(1);
  });

  it("scripts out of memory and a failing node as execution_error", async () => {
    const server = await start();
    const socket = await ws(server);
    server.next(
      { fail: { classType: "KSampler", kind: "out-of-memory" } },
      { fail: { classType: "VAEDecode", kind: "exception", message: "boom" } },
    );
    await post(server, txt2img());
    const oom = await socket.waitFor((m) => m.type === "execution_error");
    expect(oom.data).toMatchObject({
      node_id: "6",
      exception_type: "torch.OutOfMemoryError",
      exception_message: OOM_MESSAGE,
    });
    await post(server, txt2img());
    const failed = await socket.waitFor((m) => m.type === "execution_error" && m.data["node_id"] === "7");
    expect(failed.data).toMatchObject({
      node_type: "VAEDecode",
      exception_type: "RuntimeError",
      exception_message: "boom",
    });
  });

  it("renames an upload whose name is taken by other bytes, keeps one of the same bytes", async () => {
    const server = await start();
    const up = async (bytes: Uint8Array): Promise<unknown> => {
      const form = new FormData();
      form.append("image", new Blob([new Uint8Array(bytes)]), "ref.png");
      return (await fetch(`${server.url}/upload/image`, { method: "POST", body: form })).json();
    };
    expect(await up(encodePng(16, 16, { seed: 1 }))).toEqual({ name: "ref.png", subfolder: "", type: "input" });
    expect(await up(encodePng(16, 16, { seed: 1 }))).toEqual({ name: "ref.png", subfolder: "", type: "input" });
    expect(await up(encodePng(16, 16, { seed: 2 }))).toEqual({ name: "ref (1).png", subfolder: "", type: "input" });
  });

  it("answers CORS only with --enable-cors-header, and refuses a foreign origin on loopback without it", async () => {
    const open = await start({ cors: "*" });
    const a = await fetch(`${open.url}/system_stats`, { headers: { origin: "null" } });
    expect(a.headers.get("access-control-allow-origin")).toBe("*");
    const closed = await start();
    const b = await fetch(`${closed.url}/system_stats`, { headers: { origin: "null" } });
    expect([b.status, b.headers.get("access-control-allow-origin")]).toEqual([200, null]);
    expect(
      (await fetch(`${closed.url}/prompt`, { method: "POST", headers: { origin: "http://evil.example" }, body: "{}" }))
        .status,
    ).toBe(403);
  });
});
