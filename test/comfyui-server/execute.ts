/**
 * Runs a validated prompt as ComfyUI's executor does (execution.py PromptExecutor.execute and recursive_execute,
 * main.py prompt_worker): each output node's inputs first, `executing {node}` before a node runs, `progress` and a
 * binary preview frame at each sampler step (comfy/utils.py ProgressBar through server.py's send_image),
 * `executed {node, output}` for a node with UI output, then execution_success — or execution_interrupted /
 * execution_error at the node that stopped it — and last `executing {node: null}`. The "model" is fake: a
 * sampled image is a PNG of the latent's size whose colours follow the seed and the prompt's text.
 */
import { readRasterSize } from "../../kernel/image-header.js";
import { encodePng } from "../openai-server/png.js";
import type { NodeDef } from "./nodes.js";
import type { Prompt } from "./validate.js";

/** How a queued prompt runs; the test server takes these in order (`next()`), default `{}`. */
export interface ComfyScript {
  /** "auto" (default): the sampler's steps run at once; "manual": each waits for the test's step(). */
  advance?: "auto" | "manual";
  /** The node (by class_type) that raises, and what: torch's out-of-memory or another exception. */
  fail?: { classType: string; kind: "out-of-memory" | "exception"; message?: string };
  /** Send no preview frames (a server started with --preview-method none). */
  noPreviews?: boolean;
  /**
   * Each step's preview image instead of latent2rgb's 1/8-size one: TAESD's (--preview-method taesd), at most
   * ComfyUI's default --preview-size of 512 px a side (the bench's realistic case).
   */
  preview?: (step: number, width: number, height: number) => Uint8Array;
  /** "auto" runs only: the sampler's time per step, ms (a GPU's pace; the bench's). */
  stepMs?: number;
}

/** torch's message and the tip ComfyUI's execution.py appends to an OOM's exception_message. */
export const OOM_MESSAGE =
  "Allocation on device \nThis error means you ran out of memory on your GPU.\n\nTIPS: If the workflow worked " +
  "before you might have accidentally set the batch_size to a large number.";

type Value = Record<string, unknown>;

export interface ExecutionHost {
  defs: Record<string, NodeDef>;
  send(type: string, data: Record<string, unknown>): void;
  sendPreview(png: Uint8Array): void;
  interrupted(): boolean;
  /** Resolves when the sampler may take its next step. */
  advance(script: ComfyScript): Promise<void>;
  inputFile(name: string): Uint8Array | undefined;
  saveOutput(
    prefix: string,
    type: "output" | "temp",
    png: Uint8Array,
  ): { filename: string; subfolder: string; type: string };
}

class Interrupted {}
class NodeFailure {
  constructor(
    readonly type: string,
    readonly message: string,
  ) {}
}

export interface ExecutionOutcome {
  status: "success" | "error";
  outputs: Record<string, Record<string, unknown>>;
  messages: [string, Record<string, unknown>][];
}

export async function executePrompt(
  host: ExecutionHost,
  promptId: string,
  prompt: Prompt,
  outputNodes: string[],
  script: ComfyScript,
): Promise<ExecutionOutcome> {
  const messages: [string, Record<string, unknown>][] = [];
  const say = (type: string, data: Record<string, unknown>): void => {
    const stamped = { ...data, prompt_id: promptId, timestamp: Date.now() };
    if (type.startsWith("execution_")) messages.push([type, stamped]);
    host.send(
      type,
      type === "executing" || type === "executed" || type === "progress" ? { ...data, prompt_id: promptId } : stamped,
    );
  };
  say("execution_start", {});
  say("execution_cached", { nodes: [] });
  const results = new Map<string, Value[]>();
  const executed: string[] = [];
  const uiOutputs: Record<string, Record<string, unknown>> = {};
  let current = "";
  const run = async (id: string): Promise<void> => {
    if (results.has(id)) return;
    const node = prompt[id]!;
    const inputs: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(node.inputs ?? {})) {
      if (Array.isArray(value) && value.length === 2) {
        await run(String(value[0]));
        inputs[name] = results.get(String(value[0]))![Number(value[1])];
      } else inputs[name] = value;
    }
    current = id;
    if (host.interrupted()) throw new Interrupted(); // nodes.before_node_execution()
    say("executing", { node: id, display_node: id });
    const classType = String(node.class_type);
    if (script.fail?.classType === classType) {
      if (script.fail.kind === "out-of-memory") throw new NodeFailure("torch.OutOfMemoryError", OOM_MESSAGE);
      throw new NodeFailure("RuntimeError", script.fail.message ?? `${classType} failed`);
    }
    const out = await runNode(host, classType, inputs, script, (value, max) =>
      say("progress", { value, max, node: id }),
    );
    results.set(id, out.values);
    executed.push(id);
    if (out.ui) {
      uiOutputs[id] = out.ui;
      say("executed", { node: id, display_node: id, output: out.ui });
    }
  };
  let status: "success" | "error" = "success";
  try {
    for (const output of outputNodes) await run(output);
    say("execution_success", {});
  } catch (error) {
    status = "error";
    const base = { node_id: current, node_type: String(prompt[current]?.class_type), executed };
    if (error instanceof Interrupted) say("execution_interrupted", base);
    else {
      const failure = error instanceof NodeFailure ? error : new NodeFailure("Exception", String(error));
      say("execution_error", {
        ...base,
        exception_message: failure.message,
        exception_type: failure.type,
        traceback: [`  File "execution.py", in execute\n`],
        current_inputs: {},
        current_outputs: {},
      });
    }
  }
  return { status, outputs: uiOutputs, messages };
}

interface NodeRun {
  values: Value[];
  ui?: Record<string, unknown>;
}

async function runNode(
  host: ExecutionHost,
  classType: string,
  inputs: Record<string, unknown>,
  script: ComfyScript,
  progress: (value: number, max: number) => void,
): Promise<NodeRun> {
  const n = (key: string): number => Number(inputs[key]);
  const v = (key: string): Value => (inputs[key] ?? {}) as Value;
  switch (classType) {
    case "CheckpointLoaderSimple":
      return { values: [{ ckpt: inputs["ckpt_name"] }, { ckpt: inputs["ckpt_name"] }, { vae: true }] };
    case "CLIPTextEncode":
      return { values: [{ text: String(inputs["text"]) }] };
    case "EmptyLatentImage":
      return { values: [{ width: n("width"), height: n("height"), batch: n("batch_size") }] };
    case "LoadImage": {
      const size = loadedSize(host, String(inputs["image"]));
      return { values: [{ ...size, batch: 1, seed: 0, text: "" }, size] };
    }
    case "LoadImageMask":
      return { values: [loadedSize(host, String(inputs["image"]))] };
    case "ImageInvert":
      return { values: [{ ...v("image"), inverted: true }] };
    case "Canny":
      return { values: [{ ...v("image"), edges: true }] };
    case "VAEEncode":
    case "VAEEncodeForInpaint":
      return { values: [{ ...v("pixels"), ...(inputs["mask"] ? { mask: true } : {}) }] };
    case "SetLatentNoiseMask":
      return { values: [{ ...v("samples"), mask: true }] };
    case "ControlNetLoader":
      return { values: [{ controlnet: inputs["control_net_name"] }] };
    case "ControlNetApplyAdvanced": {
      const control = { net: v("control_net")["controlnet"], strength: inputs["strength"] };
      return {
        values: [
          { ...v("positive"), control },
          { ...v("negative"), control },
        ],
      };
    }
    case "KSampler":
      return { values: [await sample(host, inputs, script, progress)] };
    case "VAEDecode":
      return { values: [{ ...v("samples") }] };
    case "SaveImage":
    case "PreviewImage": {
      const image = v("images");
      const type = classType === "SaveImage" ? "output" : "temp";
      const prefix = typeof inputs["filename_prefix"] === "string" ? inputs["filename_prefix"] : "ComfyUI";
      const images = Array.from({ length: Number(image["batch"] ?? 1) }, (_, i) =>
        host.saveOutput(
          prefix,
          type,
          encodePng(Number(image["width"]), Number(image["height"]), {
            seed: pixelSeed(Number(image["seed"] ?? 0) + i, String(image["text"] ?? "")),
          }),
        ),
      );
      return { values: [], ui: { images } };
    }
  }
  throw new NodeFailure("NotImplementedError", `the test server cannot run ${classType}`);
}

async function sample(
  host: ExecutionHost,
  inputs: Record<string, unknown>,
  script: ComfyScript,
  progress: (value: number, max: number) => void,
): Promise<Value> {
  const latent = (inputs["latent_image"] ?? {}) as Value;
  const positive = (inputs["positive"] ?? {}) as Value;
  const steps = Number(inputs["steps"]);
  const width = Number(latent["width"]);
  const height = Number(latent["height"]);
  for (let step = 1; step <= steps; step++) {
    await host.advance(script);
    // throw_exception_if_processing_interrupted() runs in the sampler's callback, each step.
    if (host.interrupted()) throw new Interrupted();
    progress(step, steps);
    if (!script.noPreviews)
      host.sendPreview(
        script.preview?.(step, width, height) ??
          encodePng(Math.max(8, width >> 3), Math.max(8, height >> 3), { seed: step }),
      );
  }
  return { ...latent, seed: Number(inputs["seed"]), text: String(positive["text"] ?? "") };
}

function loadedSize(host: ExecutionHost, name: string): { width: number; height: number } {
  const bytes = host.inputFile(name);
  const size = bytes ? readRasterSize(bytes) : undefined;
  if (!size) throw new NodeFailure("PIL.UnidentifiedImageError", `cannot identify image file '${name}'`);
  return { width: size.width, height: size.height };
}

/** A colour seed from the sampler's seed and the prompt's text: either changes the pixels. */
export function pixelSeed(seed: number, text: string): number {
  let hash = seed % 1_000_003;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) % 1_000_003;
  return hash;
}
