/**
 * Embedding vectors as clientStorage keeps them: base64 of little-endian Float32 (4 bytes a dimension, ~5.3
 * characters as base64 against ~20 as JSON numbers). Pure and without atob/btoa, which the main thread lacks;
 * the encoder is codegen's (one for the project), the decoder is here.
 */
import { bytesToBase64 } from "../codegen/file-paths.js";

export { bytesToBase64 };
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, "");
  if (clean.length % 4 === 1) throw new Error("Not base64: wrong length.");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const digit = code < 128 ? LOOKUP[code]! : -1;
    if (digit < 0) throw new Error(`Not base64: character ${JSON.stringify(clean[i])} at ${i}.`);
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  return out;
}

/** A vector as stored: base64 of its little-endian Float32 values. */
export function encodeVector(vector: readonly number[] | Float32Array): string {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < vector.length; i++) view.setFloat32(i * 4, vector[i]!, true);
  return bytesToBase64(bytes);
}

/** The stored vector back as numbers; throws when the text is not base64 or not a whole number of Float32s. */
export function decodeVector(text: string): number[] {
  const bytes = base64ToBytes(text);
  if (bytes.length % 4 !== 0) throw new Error(`Not a Float32 vector: ${bytes.length} bytes.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Array<number>(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
