/**
 * A design file's bytes → its Figma REST reply: the encoding told by a byte-order mark (UTF-8, UTF-16 LE or BE) or,
 * without one, by the zero bytes UTF-16 puts beside JSON's ASCII characters; then codegen/rest/reply-text.ts (a
 * trailer, a fragment, a wrapper). Each repair is said in `notes`. Node's TextDecoder (codegen has none to use).
 */
import { readReplyText, type ReplyText } from "../../codegen/rest/reply-text.js";

/** `file` names the file in a refusal ("not Figma JSON: <file> is empty; …"). */
export function readDesignBytes(bytes: Uint8Array, file?: string): ReplyText {
  const { text, note } = decodeDesignBytes(bytes);
  const read = readReplyText(text, file);
  return note ? { json: read.json, notes: [note, ...read.notes] } : read;
}

/** UTF-8 unless a byte-order mark or the zero bytes of UTF-16 say otherwise. */
export function decodeDesignBytes(bytes: Uint8Array): { text: string; note?: string } {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf)
    return { text: decode("utf-8", bytes.subarray(3)), note: "it starts with a UTF-8 byte-order mark (skipped)" };
  if (a === 0xff && b === 0xfe)
    return {
      text: decode("utf-16le", bytes.subarray(2)),
      note: "it is UTF-16 LE text with a byte-order mark (decoded)",
    };
  if (a === 0xfe && b === 0xff)
    return {
      text: decode("utf-16le", swapPairs(bytes.subarray(2))),
      note: "it is UTF-16 BE text with a byte-order mark (decoded)",
    };
  // JSON starts with an ASCII character, whose other byte is zero in UTF-16.
  if (bytes.length >= 2 && a !== 0 && b === 0)
    return { text: decode("utf-16le", bytes), note: "it is UTF-16 LE text without a byte-order mark (decoded)" };
  if (bytes.length >= 2 && a === 0 && b !== 0)
    return {
      text: decode("utf-16le", swapPairs(bytes)),
      note: "it is UTF-16 BE text without a byte-order mark (decoded)",
    };
  return { text: decode("utf-8", bytes) };
}

const decode = (encoding: "utf-8" | "utf-16le", bytes: Uint8Array): string =>
  new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);

/** UTF-16 BE → LE: each pair of bytes swapped (a trailing odd byte dropped). */
function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  return out;
}
