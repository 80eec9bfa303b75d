/**
 * The images of one Batch API line's answer (an Images API response body, as the output file carries it), read the
 * same way for the CLI's files and the panel's batch: each entry's base64 decoded and its format and size checked
 * (ai/image/result.ts). An answer of another shape, or whose every entry is broken, fails its line with the reason;
 * a broken entry beside good ones is a problem of the line, the good images kept.
 */
import { isRecord } from "../answer/answer-shape.js";
import { ModelError } from "../errors/classify.js";
import { decodeImage, type GeneratedImage } from "../image/result.js";

export type ImageAnswer = { images: GeneratedImage[]; problems: string[] } | { error: string };

/** Why entry `index` (0-based) of `data` holds no image, or its image. */
function entryImage(item: unknown): GeneratedImage | string {
  if (!isRecord(item)) return "holds no image record";
  if (typeof item["b64_json"] !== "string" || item["b64_json"] === "")
    return typeof item["url"] === "string" ? "is a link, not the image data" : "has no image data";
  try {
    return decodeImage(item["b64_json"]);
  } catch (error) {
    if (error instanceof ModelError) return error.message.replace(/^The endpoint sent /, "is ").replace(/\.$/, "");
    throw error;
  }
}

export function imagesOfAnswer(body: unknown): ImageAnswer {
  if (!isRecord(body)) return { error: "the answer is not an Images API response" };
  const data = body["data"];
  if (!Array.isArray(data)) return { error: "the answer holds no list of images" };
  const images: GeneratedImage[] = [];
  const problems: string[] = [];
  for (const [index, item] of data.entries()) {
    const image = entryImage(item);
    if (typeof image === "string") problems.push(`image ${index + 1} of the answer ${image}`);
    else images.push(image);
  }
  if (images.length === 0)
    return {
      error:
        problems.length === 1
          ? `the answer's image ${problems[0]!.replace(/^image 1 of the answer /, "")}`
          : problems.length > 0
            ? problems.join("; ")
            : "the answer holds no image",
    };
  return { images, problems };
}
