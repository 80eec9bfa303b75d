/**
 * Settings → Images: what switching the image source changes beside it (kept out of settings-form.ts, which the
 * panel's shell holds: this is only Settings'). Pure.
 */
import { DEFAULT_COMFY_URL, DEFAULT_SD_URL } from "../../contract/settings.js";
import { cleanBaseUrl, type Form } from "./settings-form.js";

const LOCAL_DEFAULT_URLS: Readonly<Record<string, string>> = { sd: DEFAULT_SD_URL, comfyui: DEFAULT_COMFY_URL };

/**
 * Switching the image source to a local server: a URL left empty or at the other server's default follows to this
 * one's (SD 7860, ComfyUI 8188); with it, or straight from the other server, the model and sampler go back to the
 * server's own (SD's names and ComfyUI's differ).
 */
export function sourceChange(
  form: Form,
  imageSource: Form["imageSource"],
): Pick<Form, "imageSource"> & Partial<Pick<Form, "sdBaseUrl" | "sdModel" | "sdSampler">> {
  const own = LOCAL_DEFAULT_URLS[imageSource];
  if (!own || form.imageSource === imageSource) return { imageSource };
  const url = cleanBaseUrl(form.sdBaseUrl);
  const follows = url === "" || (url !== own && Object.values(LOCAL_DEFAULT_URLS).includes(url));
  const fromOther = LOCAL_DEFAULT_URLS[form.imageSource] !== undefined;
  if (!follows && !fromOther) return { imageSource };
  return { imageSource, ...(follows ? { sdBaseUrl: own } : {}), sdModel: "", sdSampler: "" };
}
