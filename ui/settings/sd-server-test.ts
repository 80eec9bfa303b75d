/**
 * Settings → Images → "Test connection" for a local SD server or ComfyUI: asks the worker (`sd-connect`) for the
 * loaded checkpoint (ComfyUI: its version and device), the models and the samplers, with the credentials typed for
 * that server's slot or else saved for it (never another slot's), and says what happened in one line with its next
 * step. Pure but for the worker call.
 */
import { ModelFailure, type Engine } from "../engine/engine.js";
import { explainModelFailure } from "../model/explain-model.js";
import { explainSdProblem } from "../model/explain-sd.js";
import { pluralGrouped } from "../../kernel/plural.js";

/** How long the test waits for the server. */
export const SD_TEST_TIMEOUT_MS = 10_000;

export interface SdLists {
  /** The checkpoint the server has loaded, when its options say. */
  loaded: string | undefined;
  models: { title: string; name: string }[];
  samplers: string[];
}

export type SdTestOutcome =
  | { ok: true; text: string; lists: SdLists }
  | { ok: false; text: string; hint?: string; kind: string };

const hostOf = (url: string): string => url.replace(/^https?:\/\//, "").replace(/\/.*$/, "");

export async function testSdServer(
  worker: Pick<Engine, "call">,
  baseUrl: string,
  auth: string | null,
  comfy = false,
): Promise<SdTestOutcome> {
  if (!/^https?:\/\/[^\s/]+/.test(baseUrl))
    return {
      ok: false,
      kind: "bad-url",
      text: `“${baseUrl}” is not a server URL.`,
      hint: "Enter one such as http://127.0.0.1:7860, then test again.",
    };
  try {
    const reply = await worker.call("sd-connect", {
      connection: { baseUrl, ...(auth ? { auth } : {}), ...(comfy ? { comfy } : {}) },
      timeoutMs: SD_TEST_TIMEOUT_MS,
    });
    const lists: SdLists = { loaded: reply.model, models: reply.models, samplers: reply.samplers };
    return {
      ok: true,
      lists,
      text:
        `Connected to ${hostOf(baseUrl)}${reply.server ? ` (${reply.server})` : ""}: ` +
        `${pluralGrouped(reply.models.length, comfy ? "checkpoint" : "model")}, ` +
        `${pluralGrouped(reply.samplers.length, "sampler")}.${reply.model ? ` Loaded: ${reply.model}.` : ""}`,
    };
  } catch (error) {
    if (error instanceof ModelFailure) {
      const explained = error.model.sd
        ? explainSdProblem(error.model.sd)
        : explainModelFailure(error.message, error.model);
      return {
        ok: false,
        kind: error.model.sd?.type ?? error.model.kind,
        text: `${explained.title}.`,
        ...(explained.hint ? { hint: explained.hint } : {}),
      };
    }
    return {
      ok: false,
      kind: "worker",
      text: "The test could not run.",
      hint: error instanceof Error ? error.message : String(error),
    };
  }
}
