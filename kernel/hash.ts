/**
 * Fast non-cryptographic hashes, pure (Node, the panel, workers, Figma's main thread): cache keys and change
 * detection, never security. cyrb53 (53 bits) for text and JSON; FNV-1a (32 bits) where a short key will do.
 */

/** Taken once: a global looked up per character is slow in the plugin's sandboxed realm (node:vm, Figma's sandbox). */
const imul = Math.imul;

/** cyrb53 fed text in pieces (a JSON walk feeds each key and value): the same as `cyrb53(pieces.join(""))`. */
export interface Cyrb53 {
  feed(text: string): void;
  /** The 53-bit hash of all that was fed. */
  digest(): number;
}

export function cyrb53Stream(seed = 0): Cyrb53 {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  return {
    feed(text: string): void {
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        h1 = imul(h1 ^ ch, 2654435761);
        h2 = imul(h2 ^ ch, 1597334677);
      }
    },
    digest(): number {
      const a = imul(h1 ^ (h1 >>> 16), 2246822507) ^ imul(h2 ^ (h2 >>> 13), 3266489909);
      const b = imul(h2 ^ (h2 >>> 16), 2246822507) ^ imul(a ^ (a >>> 13), 3266489909);
      return 4294967296 * (2097151 & b) + (a >>> 0);
    },
  };
}

/** cyrb53 of a string: a number below 2^53. */
export function cyrb53(text: string, seed = 0): number {
  const hash = cyrb53Stream(seed);
  hash.feed(text);
  return hash.digest();
}

/** FNV-1a, 32 bit, of bytes or of a string's UTF-16 code units: an unsigned number. */
export function fnv1a(data: Uint8Array | string): number {
  let h = 0x811c9dc5;
  if (typeof data === "string") {
    for (let i = 0; i < data.length; i++) h = imul(h ^ data.charCodeAt(i), 0x01000193);
  } else {
    for (let i = 0; i < data.length; i++) h = imul(h ^ data[i]!, 0x01000193);
  }
  return h >>> 0;
}
