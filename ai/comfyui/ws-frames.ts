/**
 * WebSocket frames (RFC 6455 §5) as bytes, without Node or the DOM: the test server's side of ComfyUI's /ws and
 * the CLI's socket on a Node without a global WebSocket (Node 20) both read and write them. Only what those two
 * need: whole text, binary, close and ping/pong frames, a fragmented message joined; no extensions.
 */

export const OPCODE = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;

export interface WsFrame {
  opcode: number;
  payload: Uint8Array;
}

/** One frame, FIN set; `mask` (4 bytes) when the client sends it, as §5.3 requires. */
export function encodeFrame(opcode: number, payload: Uint8Array, mask?: Uint8Array): Uint8Array {
  const length = payload.length;
  const extra = length < 126 ? 0 : length < 65536 ? 2 : 8;
  const head = 2 + extra + (mask ? 4 : 0);
  const out = new Uint8Array(head + length);
  out[0] = 0x80 | opcode;
  out[1] = (mask ? 0x80 : 0) | (extra === 0 ? length : extra === 2 ? 126 : 127);
  const view = new DataView(out.buffer);
  if (extra === 2) view.setUint16(2, length);
  if (extra === 8) view.setBigUint64(2, BigInt(length));
  if (mask) {
    out.set(mask, 2 + extra);
    for (let i = 0; i < length; i++) out[head + i] = payload[i]! ^ mask[i % 4]!;
  } else out.set(payload, head);
  return out;
}

/** Reads frames from a byte stream in whatever chunks it arrives; a fragmented message comes out whole. */
export class FrameReader {
  private buffer = new Uint8Array(0);
  private fragments: Uint8Array[] = [];
  private fragmentOpcode = 0;

  push(chunk: Uint8Array): WsFrame[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    this.buffer = joined;
    const frames: WsFrame[] = [];
    for (let frame = this.next(); frame; frame = this.next()) {
      const whole = this.join(frame);
      if (whole) frames.push(whole);
    }
    return frames;
  }

  private next(): (WsFrame & { fin: boolean }) | undefined {
    const b = this.buffer;
    if (b.length < 2) return undefined;
    const masked = (b[1]! & 0x80) !== 0;
    let length = b[1]! & 0x7f;
    let offset = 2;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (length === 126) {
      if (b.length < 4) return undefined;
      length = view.getUint16(2);
      offset = 4;
    } else if (length === 127) {
      if (b.length < 10) return undefined;
      length = Number(view.getBigUint64(2));
      offset = 10;
    }
    const maskAt = offset;
    if (masked) offset += 4;
    if (b.length < offset + length) return undefined;
    const payload = b.slice(offset, offset + length);
    if (masked) for (let i = 0; i < length; i++) payload[i] = payload[i]! ^ b[maskAt + (i % 4)]!;
    this.buffer = b.slice(offset + length);
    return { fin: (b[0]! & 0x80) !== 0, opcode: b[0]! & 0x0f, payload };
  }

  private join(frame: WsFrame & { fin: boolean }): WsFrame | undefined {
    if (frame.opcode >= OPCODE.close) return { opcode: frame.opcode, payload: frame.payload };
    if (frame.opcode !== OPCODE.continuation) this.fragmentOpcode = frame.opcode;
    this.fragments.push(frame.payload);
    if (!frame.fin) return undefined;
    const size = this.fragments.reduce((sum, part) => sum + part.length, 0);
    const payload = new Uint8Array(size);
    let at = 0;
    for (const part of this.fragments.splice(0)) {
      payload.set(part, at);
      at += part.length;
    }
    return { opcode: this.fragmentOpcode, payload };
  }
}

/** The Sec-WebSocket-Accept value's input (§4.2.2): the key and the protocol's GUID, to be SHA-1'd and base64'd. */
export const ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
