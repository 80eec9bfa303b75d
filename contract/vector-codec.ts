/**
 * Embedding vectors as clientStorage keeps them: base64 of little-endian Float32 (4 bytes a dimension, ~5.3
 * characters as base64 against ~20 as JSON numbers). Pure and without atob/btoa, which the main thread lacks
 * (kernel/base64.ts, the project's one codec).
 */
import { base64ToBytes, bytesToBase64 } from "../kernel/base64.js";

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
