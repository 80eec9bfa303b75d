/**
 * What a ComfyUI server has, read from it and never assumed: /system_stats says it is ComfyUI (its version and
 * device), /object_info/{node} lists the checkpoints (CheckpointLoaderSimple's ckpt_name), samplers and
 * schedulers (KSampler's) and ControlNet models (ControlNetLoader's). A COMBO reads in both of ComfyUI's shapes:
 * `[[values…], {…}]` and `["COMBO", {options: [values…]}]`.
 */
import { ModelError } from "../errors/classify.js";
import { type ComfyConnection, comfyJson } from "./http.js";
import { unknownName } from "./errors.js";

export interface ComfyServerInfo {
  version: string | undefined;
  /** The first device's name (e.g. "cuda:0 NVIDIA GeForce RTX 4070 : cudaMallocAsync"). */
  device: string | undefined;
  checkpoints: string[];
  samplers: string[];
  schedulers: string[];
  controlnets: string[];
  /** The node classes asked about that the server has. */
  nodes: Set<string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The values of a COMBO input in an /object_info entry; [] when the node or input is not there. */
export function comboValues(info: unknown, node: string, input: string): string[] {
  const entry = isRecord(info) ? info[node] : undefined;
  const inputs = isRecord(entry) && isRecord(entry["input"]) ? entry["input"] : {};
  for (const group of ["required", "optional"]) {
    const spec = isRecord(inputs[group]) ? (inputs[group] as Record<string, unknown>)[input] : undefined;
    if (!Array.isArray(spec)) continue;
    const [type, options] = spec as [unknown, unknown];
    const values = Array.isArray(type)
      ? type
      : type === "COMBO" && isRecord(options) && Array.isArray(options["options"])
        ? options["options"]
        : [];
    return values.filter((v): v is string => typeof v === "string");
  }
  return [];
}

/** The nodes asked about; Canny (comfy_extras) only to know whether it is there. */
const NODES = ["CheckpointLoaderSimple", "KSampler", "ControlNetLoader", "Canny"] as const;

export async function discover(connection: ComfyConnection, signal?: AbortSignal): Promise<ComfyServerInfo> {
  const stats = await comfyJson(connection, "/system_stats", signal ? { signal } : {});
  const system = isRecord(stats) && isRecord(stats["system"]) ? stats["system"] : undefined;
  if (!system || !Array.isArray((stats as Record<string, unknown>)["devices"]))
    throw new ModelError("bad-output", "The server's /system_stats is not ComfyUI's: is this a ComfyUI server?");
  const devices = (stats as Record<string, unknown>)["devices"] as unknown[];
  const first = devices[0];
  const infos = await Promise.all(
    NODES.map((node) => comfyJson(connection, `/object_info/${node}`, signal ? { signal } : {})),
  );
  const info: Record<string, unknown> = Object.assign({}, ...infos.filter(isRecord));
  return {
    version: typeof system["comfyui_version"] === "string" ? system["comfyui_version"] : undefined,
    device: isRecord(first) && typeof first["name"] === "string" ? first["name"] : undefined,
    checkpoints: comboValues(info, "CheckpointLoaderSimple", "ckpt_name"),
    samplers: comboValues(info, "KSampler", "sampler_name"),
    schedulers: comboValues(info, "KSampler", "scheduler"),
    controlnets: comboValues(info, "ControlNetLoader", "control_net_name"),
    nodes: new Set(NODES.filter((node) => node in info)),
  };
}

/**
 * The listed name `asked` stands for: itself, or the one it names without folder or extension
 * ("dreamshaper_8" → "SD1.5/dreamshaper_8.safetensors"); refused naming what the server has.
 */
export function pickName(what: string, asked: string, known: readonly string[]): string {
  if (known.includes(asked)) return asked;
  const bare = (name: string): string =>
    name
      .replace(/\\/g, "/")
      .replace(/^.*\//, "")
      .replace(/\.(safetensors|ckpt|pt|pth|bin|gguf)$/i, "")
      .toLowerCase();
  const matches = known.filter((name) => bare(name) === bare(asked));
  if (matches.length === 1) return matches[0]!;
  throw unknownName(what, asked, known);
}
