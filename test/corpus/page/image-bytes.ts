/**
 * Runs IN THE PAGE: each image source, drawn to a canvas no larger than `maxSide` on its long side and
 * encoded (JPEG, or PNG for formats that may carry transparency), as a data URL, and the same turned by 180°
 * (for a layer drawn rotated by π). The corpus keeps small
 * copies: the layout measurements do not depend on an image's resolution, only on its box.
 */
export async function imageDataUrls(input: {
  sources: string[];
  maxSide: number;
  quality: number;
}): Promise<Record<string, { bytes: string; flipped: string }>> {
  const out: Record<string, { bytes: string; flipped: string }> = {};
  for (const src of input.sources) {
    try {
      const img = new Image();
      img.src = src;
      await img.decode();
      const w0 = img.naturalWidth || 300;
      const h0 = img.naturalHeight || 150;
      const scale = Math.min(1, input.maxSide / Math.max(w0, h0));
      const canvas = document.createElement("canvas");
      canvas.width = Math.max(1, Math.round(w0 * scale));
      canvas.height = Math.max(1, Math.round(h0 * scale));
      const ctx = canvas.getContext("2d");
      if (!ctx) continue;
      const alpha = /\.(png|svg|gif|webp)(\?|#|$)/i.test(src);
      const encode = (): string =>
        alpha ? canvas.toDataURL("image/png") : canvas.toDataURL("image/jpeg", input.quality);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      const bytes = encode();
      // The same image turned by 180°: a layer drawn rotated by π shows it upright again.
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(-1, 0, 0, -1, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      out[src] = { bytes, flipped: encode() };
    } catch {
      // Unreadable (404, not an image): the layer is left without this fill.
    }
  }
  return out;
}
