import { afterEach, describe, expect, it } from "vitest";
import { nodeSocket } from "../../cli/common/node-websocket.js";
import { isCancelled } from "../../kernel/cancelled.js";
import { pixelOf } from "../../test/openai-server/png.js";
import { encodePng } from "../../test/openai-server/png.js";
import { CHECKPOINTS, CONTROLNETS, type ComfyTestServer, startComfyServer } from "../../test/comfyui-server/server.js";
import { teamWorkflow } from "../../test/comfyui-server/team-workflow.js";
import type { SdProgress } from "../sdnext/job.js";
import { SdError } from "../sdnext/errors.js";
import { type ComfyGenerateOptions, comfyGenerate } from "./client.js";
import { discover } from "./discover.js";
import { parseWorkflow } from "./workflow-file.js";
import type { ComfyGraph } from "./workflows.js";

let servers: ComfyTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function start(options: Parameters<typeof startComfyServer>[0] = {}): Promise<ComfyTestServer> {
  const server = await startComfyServer(options);
  servers.push(server);
  return server;
}

const base: ComfyGenerateOptions = {
  prompt: "a red fox",
  negativePrompt: "blurry",
  width: 64,
  height: 48,
  steps: 3,
  seed: 11,
};

function generate(
  server: ComfyTestServer,
  options: Partial<ComfyGenerateOptions> = {},
  job: { signal?: AbortSignal; onProgress?: (e: SdProgress) => void } = {},
) {
  return comfyGenerate({ baseUrl: server.url }, { ...base, ...options }, { openSocket: nodeSocket, ...job });
}

/** The graph of the n-th prompt the server accepted. */
const graphOf = (server: ComfyTestServer, n = 0): ComfyGraph => server.prompts[n]!.prompt as ComfyGraph;
const nodesOf = (graph: ComfyGraph): string[] =>
  Object.values(graph)
    .map((node) => node.class_type)
    .sort();

async function failure(promise: Promise<unknown>): Promise<SdError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SdError);
  return error as SdError;
}

describe("ComfyUI client: discovery", () => {
  it("reads checkpoints, samplers, schedulers and ControlNet models from the server", async () => {
    const server = await start();
    const info = await discover({ baseUrl: `${server.url}/` });
    expect(info.checkpoints).toEqual(CHECKPOINTS);
    expect(info.controlnets).toEqual(CONTROLNETS);
    expect(info.samplers).toContain("dpmpp_2m");
    expect(info.schedulers).toContain("karras");
    expect(info.version).toBe("0.3.40");
  });

  it("refuses an unknown --model naming the server's checkpoints, and matches one without its extension", async () => {
    const server = await start();
    const error = await failure(generate(server, { model: "juggernaut_xl" }));
    expect(error.reason).toBe("model-not-found");
    expect(error.message).toBe(`ComfyUI has no checkpoint "juggernaut_xl" (it has ${CHECKPOINTS.join(", ")}).`);
    expect(error.problem).toMatchObject({ type: "unknown-name", what: "checkpoint", known: CHECKPOINTS });
    expect(server.prompts).toHaveLength(0);
    await generate(server, { model: "dreamshaper_8" });
    expect(graphOf(server)["1"]!.inputs["ckpt_name"]).toBe("dreamshaper_8.safetensors");
  });

  it("says the server is down in one sentence", async () => {
    const server = await start();
    const url = server.url;
    await server.close();
    const error = await failure(comfyGenerate({ baseUrl: url }, base, { openSocket: nodeSocket }));
    expect(error.message).toBe(`Could not connect to ComfyUI at ${url}.`);
    expect([error.reason, error.problem.type]).toEqual(["offline", "unreachable"]);
  });
});

describe("ComfyUI client: built-in workflows", () => {
  it("txt2img: an image of the asked size, pixels by seed and prompt, progress and previews on the way", async () => {
    const server = await start();
    const events: SdProgress[] = [];
    const result = await generate(
      server,
      { width: 61, sampler: "dpmpp_2m", cfgScale: 5 },
      { onProgress: (e) => events.push(e) },
    );
    expect(result.images).toHaveLength(1);
    expect(result.images[0]).toMatchObject({ width: 64, height: 48, format: "png", seed: 11 });
    expect(result.model).toBe(CHECKPOINTS[0]);
    const graph = graphOf(server);
    expect(nodesOf(graph)).toEqual(
      [
        "CLIPTextEncode",
        "CLIPTextEncode",
        "CheckpointLoaderSimple",
        "EmptyLatentImage",
        "KSampler",
        "SaveImage",
        "VAEDecode",
      ].sort(),
    );
    expect(graph["6"]!.inputs).toMatchObject({
      seed: 11,
      steps: 3,
      cfg: 5,
      sampler_name: "dpmpp_2m",
      scheduler: "normal",
      denoise: 1,
    });
    expect(events.filter((e) => e.type === "progress").map((e) => (e.type === "progress" ? e.step : 0))).toEqual([
      1, 2, 3,
    ]);
    expect(events.filter((e) => e.type === "partial")).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ type: "image", image: 0 });
    expect(result.partials).toBe(3);
    const again = await generate(server, { width: 61, sampler: "dpmpp_2m", cfgScale: 5 });
    const otherSeed = await generate(server, { width: 61, seed: 12 });
    const otherPrompt = await generate(server, { width: 61, prompt: "a blue whale" });
    const first = pixelOf(result.images[0]!.bytes, 0);
    expect(pixelOf(again.images[0]!.bytes, 0)).toEqual(first);
    expect(pixelOf(otherSeed.images[0]!.bytes, 0)).not.toEqual(first);
    expect(pixelOf(otherPrompt.images[0]!.bytes, 0)).not.toEqual(first);
  });

  it("makes --count images as runs with seed, seed+1, …", async () => {
    const server = await start();
    const result = await generate(server, { count: 3 });
    expect(result.images.map((i) => i.seed)).toEqual([11, 12, 13]);
    expect(server.prompts.map((_, n) => graphOf(server, n)["6"]!.inputs["seed"])).toEqual([11, 12, 13]);
  });

  it("img2img: uploads the reference, encodes it and samples with denoise = strength", async () => {
    const server = await start();
    const ref = encodePng(80, 40, { seed: 3 });
    const result = await generate(server, { reference: { bytes: ref, strength: 0.4 } });
    const graph = graphOf(server);
    expect(nodesOf(graph)).toContain("VAEEncode");
    expect(graph["6"]!.inputs["denoise"]).toBe(0.4);
    const uploaded = graph["4"]!.inputs["image"] as string;
    expect(Buffer.from(server.inputs.get(uploaded)!).equals(ref)).toBe(true);
    expect(result.images[0]).toMatchObject({ width: 80, height: 40 });
  });

  it("inpaint: LoadImageMask; SetLatentNoiseMask below full strength, VAEEncodeForInpaint at 1", async () => {
    const server = await start();
    const ref = encodePng(64, 64, { seed: 3 });
    const mask = encodePng(64, 64, { seed: 9 });
    await generate(server, { reference: { bytes: ref, strength: 0.6, mask } });
    const soft = graphOf(server, 0);
    expect(nodesOf(soft)).toEqual(expect.arrayContaining(["LoadImageMask", "SetLatentNoiseMask", "VAEEncode"]));
    expect(soft["10"]!.inputs).toMatchObject({ channel: "red" });
    await generate(server, { reference: { bytes: ref, strength: 1, mask } });
    const full = graphOf(server, 1);
    expect(nodesOf(full)).toContain("VAEEncodeForInpaint");
    expect(nodesOf(full)).not.toContain("SetLatentNoiseMask");
  });

  it("ControlNet: the server's model for the type, applied to both conditionings", async () => {
    const server = await start();
    await generate(server, { control: { bytes: encodePng(64, 48), type: "lineart", strength: 0.8 } });
    const graph = graphOf(server);
    expect(graph["12"]!.inputs["control_net_name"]).toBe("control_v11p_sd15_lineart.pth");
    expect(graph["14"]!.inputs).toMatchObject({ strength: 0.8, positive: ["2", 0], negative: ["3", 0] });
    expect(graph["6"]!.inputs).toMatchObject({ positive: ["14", 0], negative: ["14", 1] });
    // A wireframe's dark lines on light become the light-on-dark lines lineart models take; canny gets edges.
    expect(graph["15"]!.class_type).toBe("ImageInvert");
    expect(graph["14"]!.inputs["image"]).toEqual(["15", 0]);
    await generate(server, { control: { bytes: encodePng(64, 48), type: "canny" } });
    expect(graphOf(server, 1)["15"]!.inputs).toMatchObject({ image: ["13", 0], low_threshold: 0.4 });
    expect(graphOf(server, 1)["15"]!.class_type).toBe("Canny");
    // A server without the Canny node (comfy_extras' nodes_canny.py did not load): the render goes to the
    // ControlNet as it is, and the server still accepts the graph.
    const noCanny = await start({ without: ["Canny"] });
    await generate(noCanny, { control: { bytes: encodePng(64, 48), type: "canny" } });
    const plain = graphOf(noCanny);
    expect(nodesOf(plain)).not.toContain("Canny");
    expect(plain["14"]!.inputs["image"]).toEqual(["13", 0]);
    expect(noCanny.prompts).toHaveLength(1);
    const none = await start({ controlnets: ["control_v11p_sd15_canny.pth"] });
    const error = await failure(generate(none, { control: { bytes: encodePng(64, 48), type: "scribble" } }));
    expect(error.message).toBe(
      'ComfyUI has no ControlNet model for scribble "scribble" (it has control_v11p_sd15_canny.pth).',
    );
  });
});

describe("ComfyUI client: --workflow", () => {
  const custom = teamWorkflow("dreamshaper_8.safetensors", 2, { cfg: 6, style: "masterpiece" });

  it("fills the placeholders (numbers as numbers) and sends the rest unchanged", async () => {
    const server = await start();
    const result = await generate(server, { workflow: parseWorkflow(custom), count: 2 });
    const graph = graphOf(server, 1);
    expect(graph["5"]!.inputs).toMatchObject({ seed: 12, scheduler: "karras", steps: 2 });
    expect(graph["4"]!.inputs).toMatchObject({ width: 64, height: 48 });
    expect(graph["2"]!.inputs["text"]).toBe("a red fox, masterpiece");
    expect(graph["3"]!.inputs["text"]).toBe("blurry");
    expect(result.images.map((i) => [i.width, i.seed])).toEqual([
      [64, 11],
      [64, 12],
    ]);
    expect(result.model).toBeUndefined();
  });

  it("names ComfyUI's refusal of a custom node the server lacks", async () => {
    const server = await start();
    const graph = parseWorkflow(custom);
    graph["10"] = { class_type: "UltimateSDUpscale", inputs: {} };
    const error = await failure(generate(server, { workflow: graph }));
    expect(error.message).toBe(
      "ComfyUI refused the workflow: Node 'UltimateSDUpscale' not found. " +
        "The custom node may not be installed (Node ID '#10').",
    );
    expect(error.reason).toBe("model-not-found");
  });
});

describe("ComfyUI client: failures in one sentence", () => {
  it("a node_errors refusal names the node and input", async () => {
    const server = await start();
    const error = await failure(generate(server, { sampler: "dpmpp_2m", cfgScale: 250 }));
    expect(error.message).toBe(
      'ComfyUI refused the workflow at node 6 (KSampler), input "cfg": Value 250.0 bigger than max of 100.0: cfg.',
    );
    expect(error.problem).toMatchObject({ type: "node-error", node: "6", classType: "KSampler", input: "cfg" });
  });

  it("out of memory and a failing node, from execution_error", async () => {
    const server = await start();
    server.next(
      { fail: { classType: "KSampler", kind: "out-of-memory" } },
      { fail: { classType: "VAEDecode", kind: "exception", message: "boom" } },
    );
    const oom = await failure(generate(server));
    expect(oom.message).toBe("ComfyUI ran out of GPU memory at node 6 (KSampler): Allocation on device.");
    expect(oom.problem.type).toBe("out-of-memory");
    const failed = await failure(generate(server));
    expect(failed.message).toBe("ComfyUI failed at node 7 (VAEDecode): RuntimeError: boom.");
  });

  it("cancel interrupts the running prompt and keeps the images already saved", async () => {
    const server = await start();
    server.next({}, { advance: "manual" });
    const controller = new AbortController();
    const running = generate(server, { count: 3 }, { signal: controller.signal });
    await server.samplerWaiting();
    server.step();
    controller.abort();
    const result = await running;
    expect(result.interrupted).toBe(true);
    expect(result.images.map((i) => i.seed)).toEqual([11]);
    expect(server.interrupts).toBe(1);
    expect(server.prompts).toHaveLength(2);
  });

  it("cancel before any image is Cancelled; an interrupt from elsewhere is said as such", async () => {
    const server = await start();
    server.next({ advance: "manual" }, { advance: "manual" });
    const controller = new AbortController();
    const first = generate(server, {}, { signal: controller.signal }).catch((e: unknown) => e);
    await server.samplerWaiting();
    controller.abort();
    expect(isCancelled(await first)).toBe(true);
    const second = failure(generate(server));
    await server.samplerWaiting();
    await fetch(`${server.url}/interrupt`, { method: "POST" });
    expect((await second).message).toBe("ComfyUI interrupted the run before it made an image.");
  });

  it("a socket that drops mid-run falls back to /history for the outcome", async () => {
    const server = await start();
    server.next({ advance: "manual" });
    const running = comfyGenerate({ baseUrl: server.url }, base, { openSocket: nodeSocket });
    await server.samplerWaiting();
    server.dropSockets();
    server.step(3);
    const result = await running;
    expect(result.images).toHaveLength(1);
    expect(server.requests.some((r) => r.path.startsWith("/history/"))).toBe(true);
  });
});
