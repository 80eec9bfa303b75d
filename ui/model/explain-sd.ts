/**
 * What to tell the designer when a Stable Diffusion server or ComfyUI fails, in the panel's words (Settings →
 * Images, the Image panel's fields): one title saying what happened, one next step. The server's own flags come from
 * ai/sdnext (CORS_FLAGS, AUTH_FLAGS, sdNextStep), so the exact flag to add is the one the client knows. Pure.
 */
import { AUTH_FLAGS, type SdProblem } from "../../ai/sdnext/errors.js";
import { sdNextStep } from "../../ai/sdnext/next-step.js";
import type { Explanation } from "./explain-model.js";

/** The Image panel's label for a request field a 422 named (SD's names otherwise). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  prompt: "the prompt",
  negative_prompt: "the negative prompt",
  width: "the width",
  height: "the height",
  steps: "Steps",
  cfg_scale: "CFG scale",
  sampler_name: "the sampler",
  seed: "the seed",
  batch_size: "the number of images",
  denoising_strength: "Strength",
  init_images: "the reference (the selection's picture)",
  override_settings: "the model (Settings → Images)",
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field.split(/[.[]/)[0] ?? field] ?? `“${field}”`;
}

const hostOf = (url: string): string => url.replace(/^https?:\/\//, "").replace(/\/.*$/, "");

/** `problem` explained: what happened (title) and its next step (hint), with the button that leads there. */
export function explainSdProblem(problem: SdProblem): Explanation {
  switch (problem.type) {
    case "unreachable":
      return {
        title: `Nothing answered at ${problem.url}`,
        hint:
          `Start the server with its API on (AUTOMATIC1111 needs --api; SD.Next and ComfyUI ` +
          `serve it by default) and check the server URL in Settings → Images.`,
        action: "settings",
      };
    case "cors":
      return {
        title:
          `The browser blocked the answers of ${problem.server === "comfyui" ? "ComfyUI" : "the SD server"} ` +
          `at ${hostOf(problem.url)}`,
        hint: `It runs, but does not allow the plugin's origin ("null"). ${sdNextStep(problem)}`,
        action: "retry",
      };
    case "unauthorized":
      return {
        title: problem.sentCredentials
          ? "The SD server refused the user name and password (401)"
          : "The SD server asks for a user name and password (401)",
        hint:
          `Enter the user:password it was started with (${AUTH_FLAGS.sdnext} for ` +
          `SD.Next, ${AUTH_FLAGS.a1111} for AUTOMATIC1111) in Settings → Images.`,
        action: "settings",
      };
    case "invalid-field":
      return {
        title: `The SD server refused ${fieldLabel(problem.field)} (422): ${problem.reason}`,
        hint:
          `Change ${fieldLabel(problem.field)} and generate again; if the value ` +
          `is right, the server may be too old to know "${problem.field}".`,
        action: "retry",
      };
    case "out-of-memory":
      return {
        // ComfyUI's out of memory is this problem too: the title names no server kind (the detail says which).
        title: "The server ran out of GPU memory",
        hint: "Ask for a smaller size or fewer images at once (or free GPU memory on the server), then generate again.",
        action: "retry",
      };
    case "empty-answer":
      return {
        title: "The SD server answered with no image",
        hint: "The run failed inside the server: its console says why. Generate again once it is fixed.",
        action: "retry",
      };
    case "no-route":
      return {
        title: `No Stable Diffusion API at this address (${problem.path} is not there)`,
        hint:
          `Check the server URL in Settings → Images: it must be SD.Next ` +
          `or AUTOMATIC1111 itself, started with --api for AUTOMATIC1111.`,
        action: "settings",
      };
    case "no-controlnet":
      return {
        title: "This server has no ControlNet: it cannot keep the frame's layout",
        hint:
          "Use SD.Next (its control API is built in), or install AUTOMATIC1111's ControlNet extension " +
          "(sd-webui-controlnet) with a canny, lineart or scribble model and restart the server.",
        action: "retry",
      };
    case "no-control-model":
      return {
        title: `The SD server has no ControlNet model for ${problem.unit}`,
        hint:
          `Put a ${problem.unit} ControlNet model in the server's ControlNet models folder and ` +
          `restart it, or pick another control ` +
          `type${problem.models.length ? ` (it has ${problem.models.slice(0, 4).join(", ")})` : ""}.`,
        action: "retry",
      };
    case "server-error":
      return { title: `The SD server failed (${problem.status})`, hint: sdNextStep(problem), action: "retry" };
    case "node-error":
      return {
        title:
          `ComfyUI refused node ${problem.node} (${problem.classType})` +
          `${problem.input ? `, input “${problem.input}”` : ""}: ${problem.reason}`,
        hint: `${sdNextStep(problem)} (in your workflow file, or Settings → Images for the model).`,
        action: "retry",
      };
    case "workflow-refused":
      return { title: `ComfyUI refused the workflow: ${problem.reason}`, hint: sdNextStep(problem), action: "retry" };
    case "node-failed":
      return {
        title: `ComfyUI failed at node ${problem.node} (${problem.classType}): ${problem.detail}`,
        hint: sdNextStep(problem),
        action: "retry",
      };
    case "interrupted":
      return { title: "ComfyUI stopped the run before it made an image", hint: sdNextStep(problem), action: "retry" };
    case "unknown-name":
      return {
        title: `ComfyUI has no ${problem.what} “${problem.asked}”`,
        hint:
          `Pick one it has${problem.known.length ? ` (${problem.known.slice(0, 4).join(", ")})` : ""} in Settings → ` +
          `Images or the panel, or put the file in ComfyUI's models folder and restart it.`,
        action: "settings",
      };
    default:
      return { title: "The SD server could not do this", hint: sdNextStep(problem), action: "retry" };
  }
}
