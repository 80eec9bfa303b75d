/**
 * A stable content hash of a JSON value: object keys are visited in sorted order, so the same content gives the
 * same hash whatever order a serializer wrote the keys in. 53-bit cyrb53 as hex: enough to tell an edited frame
 * from an unchanged one (not a security hash). Pure: runs on the main thread, in the UI and in Node.
 */
export function contentHash(value: unknown): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
  };
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== "object") {
      feed(v === undefined ? "u" : JSON.stringify(v));
      return;
    }
    if (Array.isArray(v)) {
      feed("[");
      for (const item of v) {
        visit(item);
        feed(",");
      }
      feed("]");
      return;
    }
    feed("{");
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record).sort()) {
      if (record[key] === undefined) continue;
      feed(JSON.stringify(key));
      feed(":");
      visit(record[key]);
      feed(",");
    }
    feed("}");
  };
  visit(value);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return hash.toString(16).padStart(14, "0");
}
