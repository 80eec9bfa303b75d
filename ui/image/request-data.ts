/**
 * The image request the worker gets, from the form (or a refinement of a version) and the route: the size
 * (a refinement keeps its version's when the model takes it), count, partial images, and what a refinement
 * builds on. References are added once the selection is exported. Pure.
 */
import type { SelectedNode } from "../../contract/messages.js";
import type { ImageRequestData } from "../engine/protocol/image.js";
import { checkForm, PARTIALS, type ImageForm } from "./form.js";
import type { ImageRoute } from "../../ai/image/route.js";
import { refineFrom, type ImageVersion } from "./versions.js";

export type RequestPlan = { ok: true; data: ImageRequestData; prompt: string } | { ok: false; problem: string };

export function requestData(
  form: ImageForm,
  frame: SelectedNode | undefined,
  route: ImageRoute,
  refine?: { version: ImageVersion; words: string },
): RequestPlan {
  const check = checkForm(form, frame, route);
  const version = refine?.version;
  const keeps =
    version &&
    !checkForm(
      { ...form, sizeKey: "custom", customWidth: String(version.width), customHeight: String(version.height) },
      undefined,
      route,
    ).problems.size;
  const size = keeps ? { width: version.width, height: version.height } : check.size;
  if (size === undefined) return { ok: false, problem: check.problems.size ?? "Choose a size." };
  const prompt = refine ? refine.words : form.prompt.trim();
  return {
    ok: true,
    prompt,
    data: {
      prompt,
      size,
      quality: form.quality,
      count: version ? 1 : form.count,
      partials: route.api === "chat" ? 0 : PARTIALS,
      references: [],
      ...(version ? { refine: refineFrom(version, route.api) } : {}),
    },
  };
}
