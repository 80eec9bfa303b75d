/**
 * The colours at points of a screenshot, decoded by the browser itself on `reader` (a blank page: a preview whose
 * policy refuses data: URLs cannot decode it). Shared by the browser tests that check what a page paints.
 */
import type { Page } from "playwright-core";

export type Rgb = [number, number, number];

export async function screenshotColours(
  reader: Page,
  shot: Buffer,
  points: readonly [number, number][],
): Promise<Rgb[]> {
  return (await reader.evaluate(
    `(async () => {
      const blob = await (await fetch("data:image/png;base64,${shot.toString("base64")}")).blob();
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext("2d");
      ctx.drawImage(bitmap, 0, 0);
      return ${JSON.stringify(points)}.map(([x, y]) => Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3)));
    })()`,
  )) as Rgb[];
}
