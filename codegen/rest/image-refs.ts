/** The image fills a REST reply references, by imageRef (to fetch or read only the bytes a design uses). Pure. */
import { isRecord } from "./reply.js";

/** Every `imageRef` of an IMAGE paint anywhere in `json` (fills, strokes, backgrounds), each once, in order. */
export function imageRefsIn(json: unknown): string[] {
  const refs = new Set<string>();
  const stack: unknown[] = [json];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else if (isRecord(value)) {
      if (value["type"] === "IMAGE" && typeof value["imageRef"] === "string" && value["imageRef"] !== "")
        refs.add(value["imageRef"]);
      for (const child of Object.values(value).reverse())
        if (typeof child === "object" && child !== null) stack.push(child);
    }
  }
  return [...refs];
}
