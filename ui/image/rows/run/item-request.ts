/**
 * One item's image request for the worker: its computed prompt, the plan's size and quality, the style's
 * references, one image with one partial (none on chat endpoints). Once the first image is accepted it
 * carries the style to the rest: on the Responses API the follow-up builds on the first's response
 * (`previous_response_id`, the image already in its context); elsewhere the first image goes as the first
 * reference with the consistency sentence (ai/params/requests.ts withFirstImage, as the CLI's --consistent). Pure.
 */
import { MAX_REFERENCES } from "../../../../ai/image/options.js";
import { withFirstImage } from "../../../../ai/params/requests.js";
import type { ImageRoute } from "../../../../ai/image/route.js";
import type { ImageVersion } from "../../versions.js";
import type { ImageRequestData } from "../../../engine/protocol/image.js";
import type { RowsPlan } from "../plan.js";

/** Said on the Responses path, where the first image is the earlier turn rather than an attachment. */
export const FOLLOW_UP_NOTE =
  "Consistency: this image belongs to the same set as the image you drew before; keep " +
  "its palette, medium, lighting and framing, and change only what this prompt asks for.";

const extension = (format: ImageVersion["format"]): string => (format === "jpeg" ? "jpg" : format);

export function itemRequest(
  plan: RowsPlan,
  index: number,
  route: ImageRoute,
  first: ImageVersion | undefined,
): ImageRequestData {
  const item = plan.items[index];
  if (!item) throw new Error(`The run has no item ${index + 1}.`);
  const references = plan.style.references.map((r) => ({
    bytes: r.bytes,
    name: `${r.name.slice(0, 80) || "reference"}.png`,
  }));
  const base: ImageRequestData = {
    prompt: item.prompt,
    size: plan.size,
    quality: plan.quality,
    count: 1,
    partials: route.api === "chat" ? 0 : 1,
    references: references.slice(0, MAX_REFERENCES),
  };
  const style = index > 0 ? first : undefined;
  if (!style) return base;
  const previousResponseId =
    route.api === "responses" && style.api === "responses" ? style.conversation?.previousResponseId : undefined;
  if (previousResponseId)
    return { ...base, prompt: `${item.prompt}\n\n${FOLLOW_UP_NOTE}`, refine: { previousResponseId } };
  if (!style.bytes) return base;
  const withFirst = withFirstImage(
    { row: item.row, stem: item.stem, request: { prompt: item.prompt, references } },
    { bytes: style.bytes, name: `first.${extension(style.format)}` },
  );
  const refs = (withFirst.request.references ?? []).map((r) => ({
    bytes: r.bytes,
    ...(r.name ? { name: r.name } : {}),
  }));
  return { ...base, prompt: withFirst.request.prompt, references: refs.slice(0, MAX_REFERENCES) };
}
