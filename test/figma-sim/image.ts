/**
 * Figma's images as the simulator plays them: `figma.createImage` takes PNG, JPEG or GIF bytes up to 4096 px
 * per side (the size read from the file's header), refuses anything else with Figma's own error texts, and
 * names each image by a hash of its bytes (SHA-1 here: stable, so the same bytes give the same image).
 * Written apart from the plugin's own checks so a test fails when either is wrong. Browser-safe.
 */

export type SimImageFormat = "png" | "jpeg" | "gif";

/** Figma's limit per side for createImage. */
export const SIM_IMAGE_MAX_SIDE = 4096;

export interface SimImageInfo {
  format: SimImageFormat;
  width: number;
  height: number;
}

const ascii = (bytes: Uint8Array, at: number, text: string): boolean =>
  [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));
const u16be = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number): number =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

function jpegSize(b: Uint8Array): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 8 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    // Start of frame: SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: u16be(b, at + 5), width: u16be(b, at + 7) };
    if (marker === 0xda) return undefined;
    at += 2 + u16be(b, at + 2);
  }
  return undefined;
}

/** Format and size from the header; undefined when the bytes are not a PNG, JPEG or GIF Figma could read. */
export function readImageHeader(b: Uint8Array): SimImageInfo | undefined {
  if (b.length >= 24 && b[0] === 0x89 && ascii(b, 1, "PNG\r\n\x1a\n") && ascii(b, 12, "IHDR"))
    return { format: "png", width: u32be(b, 16), height: u32be(b, 20) };
  if (b.length >= 10 && (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")))
    return { format: "gif", width: b[6]! | (b[7]! << 8), height: b[8]! | (b[9]! << 8) };
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    const size = jpegSize(b);
    return size ? { format: "jpeg", ...size } : undefined;
  }
  return undefined;
}

/** Checks bytes as Figma's createImage does; throws its error texts. */
export function checkImageBytes(bytes: unknown): SimImageInfo {
  if (!(bytes instanceof Uint8Array)) throw new Error("createImage: expected a Uint8Array");
  const info = readImageHeader(bytes);
  if (!info) throw new Error("Image type is unsupported");
  if (info.width < 1 || info.height < 1) throw new Error("Image is too small");
  if (info.width > SIM_IMAGE_MAX_SIDE || info.height > SIM_IMAGE_MAX_SIDE) throw new Error("Image is too large");
  return info;
}

/** SHA-1 of the bytes as 40 hex digits (FIPS 180-4); plain loops, so a 5 MB image hashes in tens of ms. */
export function sha1Hex(bytes: Uint8Array): string {
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  const w = new Int32Array(80);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(block + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      let f: number;
      let k: number;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6;
      }
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  return [h0, h1, h2, h3, h4].map((x) => (x >>> 0).toString(16).padStart(8, "0")).join("");
}

/** What `figma.createImage` returns: a handle by hash (not a node). */
export interface SimImage {
  readonly hash: string;
  getBytesAsync(): Promise<Uint8Array>;
  getSizeAsync(): Promise<{ width: number; height: number }>;
}

export function simImage(hash: string, bytes: Uint8Array, info: SimImageInfo): SimImage {
  // A copy as a plain Uint8Array (a Node Buffer's slice would share its memory).
  const kept = new Uint8Array(bytes);
  return {
    hash,
    getBytesAsync: async () => kept.slice(),
    getSizeAsync: async () => ({ width: info.width, height: info.height }),
  };
}

const SCALE_MODES = new Set(["FILL", "FIT", "CROP", "TILE"]);
const IMAGE_PAINT_KEYS = new Set([
  "type",
  "imageHash",
  "scaleMode",
  "visible",
  "opacity",
  "blendMode",
  "imageTransform",
  "scalingFactor",
  "rotation",
  "filters",
]);
const PAINT_TYPES = new Set([
  "SOLID",
  "GRADIENT_LINEAR",
  "GRADIENT_RADIAL",
  "GRADIENT_ANGULAR",
  "GRADIENT_DIAMOND",
  "IMAGE",
  "VIDEO",
  "PATTERN",
]);

/**
 * Checks paints as Figma does when `fills` is set: an array of paints; an IMAGE paint names an image this
 * file has (by hash) and a scale mode, and nothing Figma does not know. Returns frozen copies (Figma's
 * `fills` are read-only: change a copy and assign it).
 */
export function checkPaints(value: unknown, hasImage: (hash: string) => boolean): readonly unknown[] {
  if (!Array.isArray(value)) throw new Error("fills: expected an array of paints");
  return Object.freeze(
    value.map((paint: unknown, i) => {
      if (typeof paint !== "object" || paint === null) throw new Error(`fills[${i}]: expected a paint object`);
      const p = paint as Record<string, unknown>;
      if (typeof p["type"] !== "string" || !PAINT_TYPES.has(p["type"]))
        throw new Error(`fills[${i}].type: unknown paint type ${JSON.stringify(p["type"])}`);
      if (p["type"] === "IMAGE") {
        const unknown = Object.keys(p).find((k) => !IMAGE_PAINT_KEYS.has(k));
        if (unknown !== undefined)
          throw new Error(`fills[${i}]: Property "${unknown}" failed validation: not a property of an image paint`);
        if (typeof p["scaleMode"] !== "string" || !SCALE_MODES.has(p["scaleMode"]))
          throw new Error(`fills[${i}].scaleMode: expected FILL, FIT, CROP or TILE`);
        if (p["imageHash"] !== null && (typeof p["imageHash"] !== "string" || !hasImage(p["imageHash"])))
          throw new Error(
            `fills[${i}].imageHash: no image with hash ${String(p["imageHash"])} (create it with figma.createImage)`,
          );
      }
      return Object.freeze(structuredClone(p));
    }),
  );
}
