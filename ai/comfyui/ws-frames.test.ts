import { describe, expect, it } from "vitest";
import { encodeFrame, FrameReader, OPCODE } from "./ws-frames.js";

const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i % 251);

describe("WebSocket frames", () => {
  it("round-trip at each length form (7-bit, 16-bit, 64-bit), masked or not, in any chunking", () => {
    for (const size of [0, 125, 126, 65535, 65536]) {
      for (const mask of [undefined, Uint8Array.of(1, 2, 3, 4)]) {
        const frame = encodeFrame(OPCODE.binary, bytes(size), mask);
        const reader = new FrameReader();
        const got = [...reader.push(frame.slice(0, 3)), ...reader.push(frame.slice(3))];
        expect(got).toHaveLength(1);
        expect(got[0]!.opcode).toBe(OPCODE.binary);
        expect(got[0]!.payload).toEqual(bytes(size));
      }
    }
  });

  it("joins a fragmented message and passes a control frame between its fragments", () => {
    const first = encodeFrame(OPCODE.text, new TextEncoder().encode("hel"));
    first[0] = OPCODE.text; // FIN cleared
    const ping = encodeFrame(OPCODE.ping, Uint8Array.of(9));
    const last = encodeFrame(OPCODE.continuation, new TextEncoder().encode("lo"));
    const joined = new Uint8Array([...first, ...ping, ...last]);
    const frames = new FrameReader().push(joined);
    expect(frames.map((f) => f.opcode)).toEqual([OPCODE.ping, OPCODE.text]);
    expect(new TextDecoder().decode(frames[1]!.payload)).toBe("hello");
  });
});
