/**
 * A file's git blob id (SHA-1 of `blob <size>\0` and its bytes), as `git hash-object` says it: the patch's `index`
 * lines name the blobs it goes from and to, so `git apply --3way` can merge where the team changed the same lines.
 * SHA-1 here, synchronous and pure (the worker's crypto.subtle is asynchronous, and Node's is not in the worker).
 */

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/** SHA-1 of `bytes`, as 40 lowercase hex digits. */
export function sha1(bytes: Uint8Array): string {
  const bits = bytes.length * 8;
  const padded = new Uint8Array((((bytes.length + 8) >> 6) + 1) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bits / 0x100000000));
  view.setUint32(padded.length - 4, bits >>> 0);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20
          ? [(b & c) | (~b & d), 0x5a827999]
          : i < 40
            ? [b ^ c ^ d, 0x6ed9eba1]
            : i < 60
              ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
              : [b ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
  }
  return h.map((x) => (x >>> 0).toString(16).padStart(8, "0")).join("");
}

/** The blob id git gives a file of these contents. */
export function gitBlobId(content: string | Uint8Array): string {
  const body = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const head = new TextEncoder().encode(`blob ${body.length}\0`);
  const all = new Uint8Array(head.length + body.length);
  all.set(head);
  all.set(body, head.length);
  return sha1(all);
}

/** The id git writes for a side that has no file (`new file` / `deleted file`). */
export const NO_BLOB = "0".repeat(40);
