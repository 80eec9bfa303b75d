/** Requests and replies between the UI and the codegen worker, matched by id (as the prettier playground does). */
import type { CodeOptions, FileSet } from "../../codegen/index.js";

export interface GenerateRequest {
  id: string;
  kind: "generate";
  /** One entry per selected frame: what `exportAsync({ format: "JSON_REST_V1" })` returned. */
  exports: { id: string; json: unknown }[];
  options: CodeOptions;
}

export interface HintRequest {
  id: string;
  kind: "hint";
  exports: { id: string; json: unknown }[];
}

/** Answered as soon as the worker's script has run: the host measures cold start with it. */
export interface PingRequest {
  id: string;
  kind: "ping";
}

export type WorkerRequest = GenerateRequest | HintRequest | PingRequest;

export type WorkerReply =
  | { id: string; ok: true; kind: "generate"; result: FileSet; ms: number }
  | { id: string; ok: true; kind: "hint"; hint: string }
  | { id: string; ok: true; kind: "pong" }
  | { id: string; ok: false; error: string; bad: boolean };

/** A nodes-style reply holding every export, so one loadDesign call sees all frames and their components. */
export function asNodesReply(exports: { id: string; json: unknown }[]): { nodes: Record<string, unknown> } {
  const nodes: Record<string, unknown> = {};
  for (const entry of exports) nodes[entry.id] = entry.json;
  return { nodes };
}
