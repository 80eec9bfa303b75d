/**
 * Base64 both ways, pure: no Buffer, no atob/btoa, no TextDecoder, so the same code runs in Node, the panel,
 * its workers and Figma's main thread (which has none of them). The project's one base64 codec.
 */

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = 0x3d; // "="
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Bytes as base64, through one byte array turned into text in large chunks, so a photo of several MB encodes fast. */
export function bytesToBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = CODES[v >>> 18]!;
    out[o++] = CODES[(v >>> 12) & 63]!;
    out[o++] = CODES[(v >>> 6) & 63]!;
    out[o++] = CODES[v & 63]!;
  }
  const rest = bytes.length - whole;
  if (rest > 0) {
    const v = (bytes[whole]! << 16) | (rest === 2 ? bytes[whole + 1]! << 8 : 0);
    out[o++] = CODES[v >>> 18]!;
    out[o++] = CODES[(v >>> 12) & 63]!;
    out[o++] = rest === 2 ? CODES[(v >>> 6) & 63]! : PAD;
    out[o++] = PAD;
  }
  // ASCII codes to a string in chunks (the plugin's main thread has no TextDecoder). `apply` takes the typed array
  // as it is; spreading it goes through its iterator, ten times slower (seconds for a photo of a few MB).
  let text = "";
  for (let i = 0; i < out.length; i += 0x8000)
    text += String.fromCharCode.apply(null, out.subarray(i, i + 0x8000) as unknown as number[]);
  return text;
}

/** The bytes of base64 text; whitespace (line breaks of a wrapped payload) is skipped. Throws on anything else. */
export function base64ToBytes(text: string): Uint8Array {
  const clean = /\s/.test(text) ? text.replace(/\s+/g, "") : text;
  let end = clean.length;
  while (end > 0 && clean.charCodeAt(end - 1) === PAD) end--;
  if (end % 4 === 1) throw new Error("Not base64: wrong length.");
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  const digit = (i: number): number => {
    const code = clean.charCodeAt(i);
    const d = code < 128 ? LOOKUP[code]! : -1;
    if (d < 0) throw new Error(`Not base64: character ${JSON.stringify(clean[i])} at ${i}.`);
    return d;
  };
  // Four characters make three bytes; the last group may be two or three characters (one or two bytes).
  const whole = end - (end % 4);
  let o = 0;
  for (let i = 0; i < whole; i += 4) {
    const v = (digit(i) << 18) | (digit(i + 1) << 12) | (digit(i + 2) << 6) | digit(i + 3);
    out[o++] = v >>> 16;
    out[o++] = (v >>> 8) & 255;
    out[o++] = v & 255;
  }
  if (end > whole) {
    const v = (digit(whole) << 18) | (digit(whole + 1) << 12) | (end - whole === 3 ? digit(whole + 2) << 6 : 0);
    out[o++] = v >>> 16;
    if (end - whole === 3) out[o++] = (v >>> 8) & 255;
  }
  return out;
}
