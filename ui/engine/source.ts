/**
 * The engine worker travels with the main thread as gzip+base64 text (see plugin/worker-payload.ts and
 * esbuild.config.mjs) and comes to the UI on its first request. This unpacks it into a Blob URL a Worker
 * can start from.
 */

import { base64ToBytes } from "../../kernel/base64.js";

export interface UnpackedWorker {
  url: string;
  /** Time to base64-decode and gunzip the script. */
  decodeMs: number;
  bytes: number;
}

/** gzip+base64 text → the script's source. */
export async function decodeWorkerScript(packed: string): Promise<string> {
  const bytes = base64ToBytes(packed);
  if (bytes.length === 0) throw new Error("the code generator is missing from this build (empty #figment-worker)");
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
  return await new Response(stream).text();
}

/** Turns the packed worker script (however it arrived) into a Blob URL. */
export async function unpackWorker(packed: string): Promise<UnpackedWorker> {
  if (packed.trim() === "") throw new Error("the code generator is missing from this build (empty worker payload)");
  const started = performance.now();
  const source = await decodeWorkerScript(packed);
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  return { url, decodeMs: performance.now() - started, bytes: source.length };
}
